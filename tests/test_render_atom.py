"""Atom 1.0 renderer: asserted by XPath on the re-parsed output and through feedparser."""

from __future__ import annotations

from datetime import timedelta

import feedparser
import pytest
from factories import SITE, bilingual_pair, item, make_article, make_spec
from lxml import etree

from syndicate.model import FeedItem, Origin
from syndicate.render.atom import AtomRenderer

NS = {"a": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render(items: list[FeedItem], **spec_overrides: object) -> bytes:
    return AtomRenderer().render(make_spec(fmt="atom", **spec_overrides), items, SITE)


def tree(body: bytes) -> etree._Element:
    return etree.fromstring(body)


def mixed_items() -> list[FeedItem]:
    """Newest first: an Arabic human translation (with its English original) and two English stories."""
    en, ar = bilingual_pair(3)
    return [item(ar, en), item(en, ar), item(make_article(2, author=None)), item(make_article(1))]


def test_valid_against_rng_schematron_and_feedparser(atom_validator, feed_errors) -> None:
    machine = make_article(4, lang="ar", id="a4-ar", translation_of="a4", origin=Origin.MACHINE,
                           mt_engine="argos", mt_model="m", correction_note="Fixed.")
    body = render([item(machine), *mixed_items()], hub_url="https://hub.example.org/")
    assert atom_validator.errors(body) == []
    assert feed_errors(body) == []


def test_feed_language_entry_count_and_order() -> None:
    items = mixed_items()
    parsed = feedparser.parse(render(items))
    assert parsed.feed.language == "en"
    assert [e.id for e in parsed.entries] == [i.article.guid for i in items]


def test_arabic_entry_in_english_feed_has_its_language() -> None:
    """Per-entry xml:lang: feedparser reports the Arabic entry's title and content as `ar`."""
    body = render(mixed_items())
    entries = tree(body).findall("a:entry", NS)
    assert [e.get(XML_LANG) for e in entries] == ["ar", "en", "en", "en"]
    first = feedparser.parse(body).entries[0]
    assert first.title_detail.language == "ar"
    assert first.content[0].language == "ar"
    assert feedparser.parse(body).entries[1].title_detail.language == "en"


def test_entry_links_keep_rel_type_hreflang() -> None:
    """feedgen #135: entry links must keep rel/type/hreflang; one alternate per language version."""
    en, ar = bilingual_pair(3)
    entry = feedparser.parse(render([item(ar, en)])).entries[0]
    links = {(link.rel, link.get("hreflang"), link.type): link.href for link in entry.links}
    assert links == {("alternate", "ar", "text/html"): ar.url, ("alternate", "en", "text/html"): en.url,
                     ("alternate", None, "text/html"): ar.url}
    assert entry.link == ar.url                     # the entry's own page is its main link
    titled = tree(render([item(ar, en)])).find("a:entry/a:link[@hreflang='en']", NS)
    assert titled.get("title") == en.title


def test_self_alternate_and_translation_links() -> None:
    spec = make_spec(fmt="atom")
    root = tree(render(mixed_items()))
    self_links = root.findall("a:link[@rel='self']", NS)
    assert [(link.get("href"), link.get("type")) for link in self_links] == \
        [(spec.self_url, "application/atom+xml")]
    types = {link.get("type"): link.get("href") for link in root.findall("a:link[@rel='alternate']", NS)
             if link.get("hreflang") == "en"}
    assert types == {"text/html": spec.home_url, "application/rss+xml": spec.alternates["rss"],
                     "application/feed+json": spec.alternates["json"]}
    ar = root.findall("a:link[@rel='alternate'][@hreflang='ar']", NS)
    assert [(link.get("href"), link.get("type")) for link in ar] == \
        [(spec.translations["ar"], "application/atom+xml")]


def test_hub_link_only_with_hub_url() -> None:
    assert tree(render(mixed_items())).findall("a:link[@rel='hub']", NS) == []
    hub = tree(render(mixed_items(), hub_url="https://hub.example.org/")).findall("a:link[@rel='hub']", NS)
    assert [link.get("href") for link in hub] == ["https://hub.example.org/"]


def test_updated_is_newest_item_and_dates_from_article() -> None:
    """Feed <updated> = newest `modified`; entry <published>/<updated> from the article, RFC 3339."""
    older = make_article(1, updated=make_article(9).published, correction_note="Name fixed.")
    root = tree(render([item(make_article(5)), item(older)]))
    assert root.findtext("a:updated", namespaces=NS) == older.updated.isoformat()
    second = root.findall("a:entry", NS)[1]
    assert second.findtext("a:published", namespaces=NS) == older.published.isoformat()
    assert second.findtext("a:updated", namespaces=NS) == older.updated.isoformat()
    assert older.updated.isoformat().endswith("+00:00")


def test_empty_feed_has_fixed_updated(atom_validator) -> None:
    body = render([])
    assert atom_validator.errors(body) == []
    assert tree(body).findtext("a:updated", namespaces=NS) == "1970-01-01T00:00:00+00:00"


def test_content_is_typed_html_and_summary_plain() -> None:
    entry = tree(render([item(make_article(1))])).find("a:entry", NS)
    content = entry.findall("a:content", NS)
    assert len(content) == 1 and content[0].get("type") == "html"
    assert "<b>latest</b>" in content[0].text
    summary = entry.find("a:summary", NS)
    assert summary.text == "Summary of story 1." and summary.get("type") in (None, "text")


def test_title_is_plain_text() -> None:
    article = make_article(1, title="Talks <b>resume</b> &amp; continue")
    parsed = feedparser.parse(render([item(article)]))
    assert parsed.entries[0].title == "Talks resume & continue"
    assert parsed.entries[0].title_detail.type == "text/plain"


def test_authors_feed_and_entry() -> None:
    root = tree(render(mixed_items()))
    assert root.findtext("a:author/a:name", namespaces=NS) == SITE.author
    names = [e.findtext("a:author/a:name", namespaces=NS) for e in root.findall("a:entry", NS)]
    assert names == ["Media Department", "Media Department", None, "Media Department"]


def test_categories_term_label_scheme() -> None:
    spec = make_spec(fmt="atom", lang="ar", title="سياسة")
    body = AtomRenderer().render(spec, [item(bilingual_pair(1)[1])], SITE)
    cats = tree(body).findall("a:entry/a:category", NS)
    assert [(c.get("term"), c.get("label"), c.get("scheme")) for c in cats] == \
        [("politics", "سياسة", spec.category_scheme)]


def test_machine_translation_category_and_visible_note() -> None:
    machine = make_article(4, lang="ar", id="a4-ar", translation_of="a4", origin=Origin.MACHINE,
                           mt_engine="argos", mt_model="translate-en_ar-1_0")
    entry = tree(render([item(machine)])).find("a:entry", NS)
    terms = {c.get("term"): c.get("scheme") for c in entry.findall("a:category", NS)}
    assert terms["machine-translation"] == "urn:syndicate:disclosure"
    assert entry.findtext("a:content", namespaces=NS).index("argos") < \
        entry.findtext("a:content", namespaces=NS).index("ناقش")
    human = tree(render([item(make_article(1))])).find("a:entry", NS)
    assert "machine-translation" not in [c.get("term") for c in human.findall("a:category", NS)]


def test_correction_note_visible() -> None:
    body = render([item(make_article(1, correction_note="An earlier version misnamed the envoy."))])
    content = feedparser.parse(body).entries[0].content[0].value
    assert "Correction:" in content and "An earlier version misnamed the envoy." in content


def test_arabic_feed_is_rtl(atom_validator) -> None:
    spec = make_spec(fmt="atom", lang="ar", title="سياسة — Levant Desk")
    body = AtomRenderer().render(spec, [item(bilingual_pair(1)[1])], SITE)
    assert atom_validator.errors(body) == []
    root = tree(body)
    assert root.get(XML_LANG) == "ar"
    assert root.find("a:entry", NS).get(XML_LANG) == "ar"
    content = root.findtext("a:entry/a:content", namespaces=NS)
    assert content.startswith('<div dir="rtl" lang="ar">')
    assert feedparser.parse(body).feed.language == "ar"


def test_hostile_html_removed_and_relative_url_absolute(atom_validator) -> None:
    body_html = ('<p>Text<img src="x.png" onerror="alert(1)"><script>alert(2)</script>'
                 '<a href="javascript:alert(3)">j</a><a href="/en/other">o</a></p>')
    body = render([item(make_article(1, body_html=body_html))])
    assert atom_validator.errors(body) == []
    content = tree(body).findtext("a:entry/a:content", namespaces=NS)
    for bad in ("script", "onerror", "javascript:", "alert"):
        assert bad not in content
    assert 'href="https://news.example.org/en/other"' in content
    assert 'src="https://news.example.org/en/x.png"' in content


def test_generator_fixed_without_version() -> None:
    generator = tree(render([])).find("a:generator", NS)
    assert generator.text == "syndicate" and generator.attrib == {}


@pytest.mark.parametrize("hours", [0, 5])
def test_entry_without_url_still_valid(hours: int, atom_validator) -> None:
    """No article URL: the entry keeps its content (Atom then needs no alternate link)."""
    article = make_article(1, url=None, updated=make_article(1).published + timedelta(hours=hours))
    body = render([item(article)])
    assert atom_validator.errors(body) == []
    assert tree(body).findall("a:entry/a:link", NS) == []


def test_own_language_alternate_first_and_feedparser_link_own() -> None:
    """An English entry with an Arabic translation: the first text/html alternate is the English page (readers
    that take the first) and feedparser's entry.link (the last) is the English page too."""
    en, ar = bilingual_pair(3)
    body = render([item(en, ar), item(ar, en)])
    entries = tree(body).findall("a:entry", NS)
    firsts = [e.find("a:link[@rel='alternate'][@type='text/html']", NS).get("href") for e in entries]
    assert firsts == [en.url, ar.url]
    assert [e.link for e in feedparser.parse(body).entries] == [en.url, ar.url]


def test_content_never_blank(atom_validator) -> None:
    """No <content/> without text: the summary stands in; with neither, content is left out (the link stays)."""
    summary_only = make_article(1, body_html="", summary="Only a summary.", credit=None)
    nothing = make_article(2, body_html="", summary="", credit=None)
    body = render([item(summary_only), item(nothing)])
    assert atom_validator.errors(body) == []
    first, second = tree(body).findall("a:entry", NS)
    assert first.findtext("a:content", namespaces=NS) == "<p>Only a summary.</p>"
    assert second.find("a:content", NS) is None
    assert second.find("a:link[@rel='alternate']", NS) is not None
    for content in tree(body).iter("{http://www.w3.org/2005/Atom}content"):
        assert (content.text or "").strip()


def test_config_names_and_bylines_with_angle_brackets(atom_validator) -> None:
    spec_title = "World & <Region> — News"
    body = render([item(make_article(1, author="Desk &lt;North&gt; & Co"))], title=spec_title,
                  category_names={"politics": "World & <Region>"})
    assert atom_validator.errors(body) == []
    parsed = feedparser.parse(body)
    assert parsed.feed.title == spec_title
    assert parsed.entries[0].author == "Desk <North> & Co"
    assert tree(body).find("a:entry/a:category", NS).get("label") == "World & <Region>"
