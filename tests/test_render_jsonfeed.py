"""JSON Feed 1.1 renderer: schema-valid, stable, same ids and notes as RSS/Atom."""

from __future__ import annotations

import json
from typing import Any

from factories import SITE, bilingual_pair, item, make_article, make_spec

from syndicate.model import FeedItem, Origin
from syndicate.render.jsonfeed import JsonFeedRenderer


def render(items: list[FeedItem], **spec_overrides: object) -> bytes:
    return JsonFeedRenderer().render(make_spec(fmt="json", **spec_overrides), items, SITE)


def load(body: bytes) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(body)
    return doc


def machine(n: int = 4) -> FeedItem:
    return item(make_article(n, lang="ar", id=f"a{n}-ar", translation_of=f"a{n}", origin=Origin.MACHINE,
                             mt_engine="argos", mt_model="translate-en_ar-1_0"))


def mixed_items() -> list[FeedItem]:
    en, ar = bilingual_pair(3)
    return [machine(), item(ar, en, original=en), item(en, ar), item(make_article(1, author=None))]


def test_valid_against_schema(jsonfeed_validator) -> None:
    assert jsonfeed_validator.errors(render(mixed_items(), hub_url="https://hub.example.org/")) == []
    assert jsonfeed_validator.errors(render([])) == []


def test_top_level_fields() -> None:
    spec = make_spec(fmt="json")
    doc = load(render(mixed_items()))
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert (doc["title"], doc["home_page_url"], doc["feed_url"], doc["language"]) == \
        (spec.title, spec.home_url, spec.self_url, "en")
    assert doc["authors"] == [{"name": SITE.author, "url": SITE.base_url}]
    assert list(doc)[:4] == ["version", "title", "home_page_url", "feed_url"]
    assert list(doc)[-1] == "items"


def test_hubs_only_with_hub_url() -> None:
    assert "hubs" not in load(render(mixed_items()))
    assert load(render(mixed_items(), hub_url="https://hub.example.org/"))["hubs"] == \
        [{"type": "WebSub", "url": "https://hub.example.org/"}]


def test_items_ids_order_and_dates() -> None:
    items = mixed_items()
    doc = load(render(items))
    assert [i["id"] for i in doc["items"]] == [i.article.guid for i in items]
    first = doc["items"][0]
    assert first["date_published"] == items[0].article.published.isoformat()
    assert first["date_modified"].endswith("+00:00")
    assert list(first)[:4] == ["id", "url", "title", "content_html"]


def test_item_language_only_when_different() -> None:
    doc = load(render(mixed_items()))
    assert [i.get("language") for i in doc["items"]] == ["ar", "ar", None, None]


def test_machine_translation_extension_and_note() -> None:
    doc = load(render(mixed_items()))
    mt, human = doc["items"][0], doc["items"][1]
    ext = mt["_syndicate"]
    assert (ext["machine_translated"], ext["engine"], ext["model"]) == (True, "argos", "translate-en_ar-1_0")
    assert "argos" in mt["content_html"] and "machine-translation" in mt["tags"]
    assert human["_syndicate"]["machine_translated"] is False
    assert "engine" not in human["_syndicate"] and "machine-translation" not in human["tags"]
    assert "ترجمة آلية" not in human["content_html"]


def test_credit_correction_alternates_and_original() -> None:
    en, ar = bilingual_pair(3, correction_note="Figures updated.")
    doc = load(render([item(ar, en, original=en)]))
    ext = doc["items"][0]["_syndicate"]
    assert ext["credit"] == en.credit and ext["correction"] == "Figures updated."
    assert ext["alternates"] == [{"language": "en", "url": en.url, "title": en.title}]
    assert ext["translation_of"] == en.guid
    assert "Figures updated." in doc["items"][0]["content_html"]


def test_authors_and_tags() -> None:
    doc = load(render(mixed_items()))
    assert doc["items"][2]["authors"] == [{"name": "Media Department"}]
    assert "authors" not in doc["items"][3]
    assert doc["items"][2]["tags"] == ["Politics"]


def test_utf8_not_escaped_and_trailing_newline() -> None:
    body = render(mixed_items())
    assert body.endswith(b"}\n")
    assert "اجتماع".encode() in body and b"\\u" not in body


def test_rtl_content_and_sanitised_html() -> None:
    _, ar = bilingual_pair(1)
    hostile = make_article(2, body_html='<p>x<script>bad()</script><a href="javascript:x()" onclick="y()">a</a>'
                                        '<a href="/p">p</a></p>')
    doc = load(JsonFeedRenderer().render(make_spec(fmt="json", lang="ar"), [item(ar), item(hostile)], SITE))
    assert doc["language"] == "ar"
    assert doc["items"][0]["content_html"].startswith('<div dir="rtl" lang="ar">')
    html = doc["items"][1]["content_html"]
    for bad in ("script", "javascript:", "onclick"):
        assert bad not in html
    assert 'href="https://news.example.org/p"' in html


def test_titles_plain_text() -> None:
    doc = load(render([item(make_article(1, title="A <i>b</i> &amp;\x01c"))]))
    assert doc["items"][0]["title"] == "A b & c"


def test_feed_extension_links_formats_and_translations() -> None:
    spec = make_spec(fmt="json")
    ext = load(render([]))["_syndicate"]
    assert ext == {"formats": {"atom": spec.alternates["atom"], "rss": spec.alternates["rss"]},
                   "translations": {"ar": spec.translations["ar"]}}


def test_markup_titles_stay_text_in_html_rendering_readers(jsonfeed_validator) -> None:
    """A JSON Feed title is plain text; one that looks like markup gets word joiners, so a reader that renders
    it as HTML shows the same text and creates no element. Ordinary titles are unchanged."""
    import html as html_mod

    import lxml.html

    hostile = "<img src=x onerror=alert(1)> &amp; co"
    body = render([item(make_article(1, title=html_mod.escape(hostile))),
                   item(make_article(2, title="AT&amp;T growth < 3%"))], title="World & <Region>")
    assert jsonfeed_validator.errors(body) == []
    doc = load(body)
    title = doc["items"][0]["title"]
    fragment = lxml.html.fragment_fromstring(title, create_parent="div")
    assert list(fragment.iterdescendants()) == []
    assert fragment.text_content().replace("\u2060", "") == hostile
    assert title.replace("\u2060", "") == hostile
    assert doc["items"][1]["title"] == "AT&T growth < 3%"
    assert doc["title"].replace("\u2060", "") == "World & <Region>"
