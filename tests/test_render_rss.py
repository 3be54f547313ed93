"""RSS 2.0 renderer: asserted by XPath on the re-parsed output and through feedparser."""

from __future__ import annotations

import html
from dataclasses import replace
from email.utils import parsedate_to_datetime

import feedparser
import lxml.html
import pytest
from factories import SITE, bilingual_pair, item, make_article, make_spec
from lxml import etree

from syndicate.model import FeedItem, Origin
from syndicate.render.rss import RssRenderer

NS = {"atom": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/",
      "content": "http://purl.org/rss/1.0/modules/content/"}


def render(items: list[FeedItem], **spec_overrides: object) -> bytes:
    return RssRenderer().render(make_spec(fmt="rss", **spec_overrides), items, SITE)


def channel(body: bytes) -> etree._Element:
    return etree.fromstring(body).find("channel")


def mixed_items() -> list[FeedItem]:
    en, ar = bilingual_pair(3)
    return [item(ar, en), item(en, ar), item(make_article(2, author=None)), item(make_article(1))]


def test_feedparser_reads_it_without_errors(feed_errors) -> None:
    machine = make_article(4, lang="ar", id="a4-ar", origin=Origin.MACHINE, mt_engine="argos", mt_model="m")
    body = render([item(machine), *mixed_items()], hub_url="https://hub.example.org/")
    assert feed_errors(body) == []
    assert feedparser.parse(body).version == "rss20"


def test_channel_link_is_home_not_self() -> None:
    """feedgen sets <link> to the last fg.link() href; ours is always the home page."""
    spec = make_spec(fmt="rss")
    body = render(mixed_items())
    assert channel(body).findtext("link") == spec.home_url
    assert feedparser.parse(body).feed.link == spec.home_url


def test_self_link_exact_with_type() -> None:
    spec = make_spec(fmt="rss")
    links = channel(render(mixed_items())).findall("atom:link[@rel='self']", NS)
    assert [(link.get("href"), link.get("type")) for link in links] == [(spec.self_url, "application/rss+xml")]


def test_format_and_translation_alternates() -> None:
    spec = make_spec(fmt="rss")
    links = channel(render([])).findall("atom:link[@rel='alternate']", NS)
    got = {(link.get("type"), link.get("hreflang")): link.get("href") for link in links}
    assert got == {("application/atom+xml", "en"): spec.alternates["atom"],
                   ("application/feed+json", "en"): spec.alternates["json"],
                   ("application/rss+xml", "ar"): spec.translations["ar"]}


def test_hub_only_with_hub_url() -> None:
    assert channel(render(mixed_items())).findall("atom:link[@rel='hub']", NS) == []
    hub = channel(render(mixed_items(), hub_url="https://hub.example.org/")).findall("atom:link[@rel='hub']", NS)
    assert [link.get("href") for link in hub] == ["https://hub.example.org/"]


def test_language_order_and_guids() -> None:
    items = mixed_items()
    body = render(items)
    parsed = feedparser.parse(body)
    assert parsed.feed.language == "en"
    assert [e.id for e in parsed.entries] == [i.article.guid for i in items]
    guids = channel(body).findall("item/guid")
    assert {g.get("isPermaLink") for g in guids} == {"false"}


def test_per_item_language() -> None:
    """dc:language per item: an Arabic item in an English channel reads as `ar`."""
    body = render(mixed_items())
    assert [e.language for e in feedparser.parse(body).entries] == ["ar", "en", "en", "en"]


def test_item_link_is_own_url() -> None:
    items = mixed_items()
    assert [e.link for e in feedparser.parse(render(items)).entries] == [i.article.url for i in items]


def test_dates_rfc822_gmt_and_last_build_is_newest() -> None:
    older = make_article(1, updated=make_article(9).published)
    body = render([item(make_article(5)), item(older)])
    ch = channel(body)
    assert ch.findtext("lastBuildDate") == "Mon, 02 Mar 2026 18:00:00 GMT"
    assert parsedate_to_datetime(ch.findtext("lastBuildDate")) == older.updated
    dates = [d.text for d in ch.findall("item/pubDate")]
    assert all(d.endswith(" GMT") for d in dates)
    assert [parsedate_to_datetime(d) for d in dates] == [make_article(5).published, older.published]


def test_empty_feed_fixed_last_build(feed_errors) -> None:
    body = render([])
    assert feed_errors(body) == []
    assert channel(body).findtext("lastBuildDate") == "Thu, 01 Jan 1970 00:00:00 GMT"
    assert channel(body).findall("item") == []


def test_creator_not_author_and_no_docs() -> None:
    """Author without e-mail → dc:creator; no <author>, no <docs> noise, fixed generator."""
    ch = channel(render(mixed_items()))
    assert [i.findtext("dc:creator", namespaces=NS) for i in ch.findall("item")] == \
        ["Media Department", "Media Department", None, "Media Department"]
    assert ch.findall("item/author") == [] and ch.find("docs") is None
    assert ch.findtext("generator") == "syndicate"


def test_category_label_with_domain_and_mt_category() -> None:
    spec = make_spec(fmt="rss")
    machine = make_article(4, lang="ar", id="a4-ar", origin=Origin.MACHINE, mt_engine="argos", mt_model="m")
    ch = channel(render([item(machine), item(make_article(1))]))
    first, second = ch.findall("item")
    assert [(c.text, c.get("domain")) for c in first.findall("category")] == \
        [("Politics", spec.category_scheme), ("machine-translation", "urn:syndicate:disclosure")]
    assert [(c.text, c.get("domain")) for c in second.findall("category")] == [("Politics", spec.category_scheme)]
    description = feedparser.parse(render([item(machine)])).entries[0].description
    assert "ترجمة آلية (argos، m)" in description           # visible, in the item's language


def test_content_encoded_carries_notes_and_sanitised_html() -> None:
    body_html = '<p>x<img src="pic.jpg" onerror="alert(1)"><script>alert(2)</script><a href="javascript:a()">j</a></p>'
    article = make_article(1, body_html=body_html, correction_note="Date fixed.", credit="Agency")
    description = channel(render([item(article)])).findtext("item/content:encoded", namespaces=NS)
    assert "Correction:</strong> Date fixed." in description and "Source: Agency" in description
    for bad in ("script", "onerror", "javascript:", "alert"):
        assert bad not in description
    assert 'src="https://news.example.org/en/pic.jpg"' in description


def test_arabic_channel(feed_errors) -> None:
    spec = make_spec(fmt="rss", lang="ar", title="سياسة")
    body = RssRenderer().render(spec, [item(bilingual_pair(1)[1])], SITE)
    assert feed_errors(body) == []
    assert channel(body).findtext("language") == "ar"
    assert channel(body).findtext("item/description").startswith('<div dir="rtl" lang="ar">')
    assert channel(body).findtext("item/content:encoded", namespaces=NS).startswith('<div dir="rtl" lang="ar">')


def test_control_character_title(feed_errors) -> None:
    body = render([item(make_article(1, title="Vote\x0cresult\x7f"))])
    assert feed_errors(body) == []
    assert channel(body).findtext("item/title") == "Vote result"


def test_description_is_summary_and_content_encoded_the_body(feed_errors) -> None:
    """As WordPress: readers show the excerpt as the summary and the body as the content."""
    article = make_article(1, summary="The short version.", body_html="<p>The whole <b>story</b>.</p>", credit=None)
    body = render([item(article)])
    assert feed_errors(body) == []
    entry = feedparser.parse(body).entries[0]
    assert entry.summary == "<p>The short version.</p>"
    assert entry.content[0].value == "<p>The whole <b>story</b>.</p>"
    assert "whole" not in entry.summary


def test_every_item_has_a_description() -> None:
    """A summary-only item, a body-only item (excerpt derived, cut at a word) and a title-only item."""
    long_body = "<p>" + " ".join(f"word{n}" for n in range(200)) + "</p>"
    items = [item(make_article(1, summary="Only a summary.", body_html="")),
             item(make_article(2, summary="", body_html=long_body)),
             item(make_article(3, summary="", body_html="", title="Just a title", credit=None))]
    ch = channel(render(items))
    descriptions = [i.findtext("description") for i in ch.findall("item")]
    assert descriptions[0] == "<p>Only a summary.</p>"
    assert descriptions[1].startswith("<p>word0 word1 ") and descriptions[1].endswith("…</p>")
    assert len(descriptions[1]) < 320 and "word199" not in descriptions[1]
    assert descriptions[2] == "<p>Just a title</p>"
    # no content:encoded when there is no content
    assert ch.findall("item")[2].find("content:encoded", NS) is None


def test_machine_translation_disclosed_in_description_too() -> None:
    machine = make_article(4, lang="ar", id="a4-ar", origin=Origin.MACHINE, mt_engine="argos", mt_model="m")
    description = channel(render([item(machine)])).findtext("item/description")
    assert "ترجمة آلية (argos، m)" in description


def test_item_hreflang_alternates_own_language_first() -> None:
    """atom:link alternates on RSS items as on Atom entries: own language first (readers that take the first),
    and feedparser's entry.link (the last one) is still the own page."""
    en, ar = bilingual_pair(3)
    body = render([item(en, ar), item(ar, en)])
    first, second = channel(body).findall("item")
    assert [(a.get("hreflang"), a.get("href")) for a in first.findall("atom:link", NS)] == \
        [("en", en.url), ("ar", ar.url)]
    assert [(a.get("hreflang"), a.get("href")) for a in second.findall("atom:link", NS)] == \
        [("ar", ar.url), ("en", en.url)]
    assert {a.get("rel") for a in first.findall("atom:link", NS)} == {"alternate"}
    assert [e.link for e in feedparser.parse(body).entries] == [en.url, ar.url]


def test_no_alternates_without_own_page() -> None:
    """Without its own URL an item must not point its readers at another language."""
    en, ar = bilingual_pair(3)
    it = item(replace(en, url=None), ar)
    element = channel(render([it])).find("item")
    assert element.findall("atom:link", NS) == [] and element.find("link") is None


MARKUP_TITLES = ["<img src=x onerror=alert(1)>", "</title><script>alert(1)</script>", "<b>bold</b>",
                 "The &amp; entity", "&copy 2026", "<!-- c -->", "<?php x ?>", "a<svg/onload=alert(1)>", "A<B"]
PLAIN_TITLES = ["AT&T", "growth < 3%", "I <3 N.Y.", "x > y", "Bill & Ted"]


def _rendered_as_html(text: str) -> tuple[list[str], str]:
    """What a reader that renders ``text`` as HTML makes of it: the elements created and the visible text."""
    fragment = lxml.html.fragment_fromstring(text, create_parent="div")
    return [e.tag for e in fragment.iterdescendants()], fragment.text_content()


@pytest.mark.parametrize("title", MARKUP_TITLES + PLAIN_TITLES)
def test_titles_never_become_markup(title: str, feed_errors) -> None:
    """The raw title (what a reader rendering titles as HTML sees) and feedparser's title, rendered as HTML,
    create no element and show exactly the title text."""
    body = render([item(make_article(1, title=html.escape(title)))])
    assert feed_errors(body) == []
    raw = channel(body).findtext("item/title")
    assert _rendered_as_html(raw) == ([], title)
    parsed = feedparser.parse(body).entries[0].title_detail
    shown = _rendered_as_html(parsed.value) if parsed.type == "text/html" else ([], parsed.value)
    assert shown == ([], title)
    if title in PLAIN_TITLES:
        assert raw == title                       # ordinary text is not double-encoded


def test_config_names_with_angle_brackets_intact() -> None:
    """`World & <Region>` in the config stays intact in the channel title, description and category."""
    spec = make_spec(fmt="rss", title="World & <Region> — News", description="All of World & <Region>",
                     category_names={"politics": "World & <Region>"})
    body = RssRenderer().render(spec, [item(make_article(1))], SITE)
    parsed = feedparser.parse(body)
    assert _rendered_as_html(parsed.feed.title) == ([], "World & <Region> — News")
    assert _rendered_as_html(parsed.feed.subtitle) == ([], "All of World & <Region>")
    assert _rendered_as_html(channel(body).findtext("item/category")) == ([], "World & <Region>")
