"""RSS 2.0 renderer: asserted by XPath on the re-parsed output and through feedparser."""

from __future__ import annotations

from email.utils import parsedate_to_datetime

import feedparser
from factories import SITE, bilingual_pair, item, make_article, make_spec
from lxml import etree

from syndicate.model import FeedItem, Origin
from syndicate.render.rss import RssRenderer

NS = {"atom": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/"}


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


def test_description_carries_notes_and_sanitised_html() -> None:
    body_html = '<p>x<img src="pic.jpg" onerror="alert(1)"><script>alert(2)</script><a href="javascript:a()">j</a></p>'
    article = make_article(1, body_html=body_html, correction_note="Date fixed.", credit="Agency")
    description = channel(render([item(article)])).findtext("item/description")
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


def test_control_character_title(feed_errors) -> None:
    body = render([item(make_article(1, title="Vote\x0cresult\x7f"))])
    assert feed_errors(body) == []
    assert channel(body).findtext("item/title") == "Vote result"
