"""NewsML-G2 renderer: XSD validity, element content, translations, machine translation, determinism."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from conftest import SCHEMAS
from factories import BASE, SITE, bilingual_pair, item, make_article, make_spec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from syndicate.errors import RenderError
from syndicate.model import Origin
from syndicate.render.base import get_renderer
from syndicate.render.newsml import NewsMLRenderer, item_path, render_item, transmit_id
from syndicate.render.validate import iptc_catalog_aliases, qcode_errors, xhtml_body_errors

NS = {"g": "http://iptc.org/std/nar/2006-10-01/", "h": "http://www.w3.org/1999/xhtml"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IPTC_ALIASES = iptc_catalog_aliases(SCHEMAS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd")


def parse(body: bytes) -> etree._Element:
    return etree.fromstring(body)


def assert_valid(body: bytes, validator) -> etree._Element:
    """XSD-valid, QCode-lint clean, XHTML allow-list clean; returns the parsed root."""
    assert validator.errors(body) == []
    root = parse(body)
    assert qcode_errors(root, IPTC_ALIASES) == []
    assert xhtml_body_errors(root) == []
    return root


def mt_article(n: int = 5):
    en = make_article(n)
    ar = replace(make_article(n, lang="ar", id=f"a{n}-ar-mt", translation_of=en.id), origin=Origin.MACHINE,
                 mt_engine="argos", mt_model="translate-en_ar-1_0", source_version=en.version).with_hash()
    return en, ar


def test_news_message_with_several_items_validates(newsml_validator):
    """A newsMessage with several items validates and keeps the given order, one newsItem per FeedItem."""
    articles = [make_article(n) for n in (3, 2, 1)]
    spec = make_spec("en", "politics", "newsml")
    body = NewsMLRenderer().render(spec, [item(a) for a in articles], SITE)
    root = assert_valid(body, newsml_validator)
    assert root.tag == "{{{}}}newsMessage".format(NS["g"])
    assert root.xpath("g:itemSet/g:newsItem/@guid", namespaces=NS) == [a.guid for a in articles]
    assert root.xpath("string(g:header/g:sender)", namespaces=NS) == "news.example.org"


def test_header_sent_is_newest_version_time_not_clock():
    """header/sent is the newest item's versionCreated, whatever the order of items."""
    old, new = make_article(1), make_article(2, updated=BASE.replace(year=2027))
    body = NewsMLRenderer().render(make_spec(fmt="newsml"), [item(old), item(new)], SITE)
    assert parse(body).xpath("string(//g:header/g:sent)", namespaces=NS) == "2027-03-02T09:00:00Z"


def test_transmit_id_depends_on_guids_and_versions():
    """transmitId names the feed and changes when any item version changes."""
    a = make_article(1)
    first = transmit_id("en-politics", [item(a)])
    assert first.startswith("en-politics-")
    assert transmit_id("en-politics", [item(a)]) == first
    assert transmit_id("en-politics", [item(replace(a, version=2))]) != first
    body = NewsMLRenderer().render(make_spec(fmt="newsml"), [item(a)], SITE)
    assert parse(body).xpath("string(//g:header/g:transmitId)", namespaces=NS) == first


def test_renderer_contract_and_registry():
    """get_renderer("newsml") gives the NewsML-G2 renderer with its media type and file name."""
    renderer = get_renderer("newsml")
    assert isinstance(renderer, NewsMLRenderer)
    assert (renderer.fmt, renderer.media_type, renderer.filename) == (
        "newsml", "application/vnd.iptc.g2.newsmessage+xml", "newsml.xml")


def test_standalone_item_root_attributes_and_order(newsml_validator):
    """A standalone newsItem carries guid, version, standard 2.35, power conformance and xml:lang, in that order."""
    article = replace(make_article(1), version=4)
    root = assert_valid(render_item(item(article), make_spec(fmt="newsml"), SITE), newsml_validator)
    assert list(root.attrib.items()) == [
        ("guid", article.guid), ("version", "4"), ("standard", "NewsML-G2"), ("standardversion", "2.35"),
        ("conformance", "power"), (XML_LANG, "en")]
    assert [etree.QName(c).localname for c in root] == [
        "catalogRef", "catalog", "rightsInfo", "itemMeta", "contentMeta", "contentSet"]


def test_item_metadata_content(newsml_validator):
    """itemMeta/contentMeta carry the article's times, people, credit, category and Media Topic."""
    article = make_article(1, credit="Syrian Coalition’s Media Department")
    root = assert_valid(render_item(item(article), make_spec(fmt="newsml"), SITE), newsml_validator)
    x = lambda path: root.xpath(path, namespaces=NS)  # noqa: E731
    assert x("string(g:itemMeta/g:itemClass/@qcode)") == "ninat:text"
    assert x("string(g:itemMeta/g:versionCreated)") == "2026-03-02T10:00:00Z"
    assert x("string(g:itemMeta/g:firstCreated)") == "2026-03-02T10:00:00Z"
    assert x("string(g:itemMeta/g:pubStatus/@qcode)") == "stat:usable"
    assert x("g:itemMeta/g:signal") == []
    assert x("string(g:itemMeta/g:link[@rel='irel:seeAlso']/@href)") == article.url
    assert x("string(g:itemMeta/g:service/@qcode)") == "synsvc:en/politics"
    assert x("string(g:contentMeta/g:creator/g:name)") == "Media Department"
    assert x("string(g:contentMeta/g:creditline)") == "Syrian Coalition’s Media Department"
    assert x("string(g:contentMeta/g:infoSource/g:name)") == "Syrian Coalition’s Media Department"
    assert x("string(g:contentMeta/g:headline)") == article.title
    assert x("string(g:contentMeta/g:description[@role='drol:summary'])") == article.summary
    assert x("g:contentMeta/g:subject/@qcode") == ["syncat:politics", "medtop:11000000"]
    assert x("string(g:contentMeta/g:subject[@qcode='syncat:politics']/g:name)") == "Politics"
    assert x("string(g:rightsInfo/g:copyrightHolder/g:name)") == SITE.publisher
    assert x("string(g:rightsInfo/g:copyrightNotice)") == SITE.rights
    assert x("string(g:rightsInfo/g:usageTerms)") == SITE.usage_terms
    assert x("g:catalog/g:scheme[@alias='syncat']/@uri") == [make_spec().category_scheme]


def test_body_is_xhtml_elements_not_escaped_text(newsml_validator):
    """The body is real XHTML (lang, dir, head/title, body elements), sanitised: scripts gone, URLs absolute."""
    article = make_article(1, body_html='<p>Hello <b>world</b><br>next<script>alert(1)</script></p>'
                                        '<p><a href="/x" onclick="evil()">link</a>\x0b</p>')
    root = assert_valid(render_item(item(article), make_spec(fmt="newsml"), SITE), newsml_validator)
    html = root.find(".//g:inlineXML/h:html", NS)
    assert root.find(".//g:inlineXML", NS).get("contenttype") == "application/xhtml+xml"
    assert (html.get("lang"), html.get("dir")) == ("en", "ltr")
    assert html.findtext("h:head/h:title", namespaces=NS) == article.title
    assert html.xpath("string(h:body/h:p[1]/h:b)", namespaces=NS) == "world"
    assert html.xpath("count(h:body/h:p[1]/h:br)", namespaces=NS) == 1
    assert html.xpath("//h:script", namespaces=NS) == []
    link = html.find("h:body/h:p[2]/h:a", NS)
    assert link.get("href") == "https://news.example.org/x" and link.get("onclick") is None
    assert b"&lt;p&gt;" not in etree.tostring(root)


def test_arabic_translation_is_rtl_and_derived_from_original(newsml_validator):
    """The Arabic item has xml:lang="ar", dir="rtl" and a derivedFrom link to the English guid and version."""
    en, ar = bilingual_pair(1)
    en = replace(en, version=2)
    body = render_item(item(ar, en, original=en), make_spec("ar", fmt="newsml"), SITE)
    root = assert_valid(body, newsml_validator)
    assert (root.get(XML_LANG), root.get("dir")) == ("ar", "rtl")
    link = root.find("g:itemMeta/g:link[@rel='irel:derivedFrom']", NS)
    assert link is not None
    assert (link.get("residref"), link.get("version"), link.get(XML_LANG)) == (en.guid, "2", "en")
    assert link.get("contenttype") == "application/vnd.iptc.g2.newsitem+xml"
    assert link.get("title") == en.title
    assert root.find("g:contentMeta/g:language", NS).get("tag") == "ar"
    assert root.xpath("string(g:contentMeta/g:subject[@qcode='syncat:politics']/g:name/@xml:lang)",
                      namespaces=NS) == "ar"
    html = root.find(".//h:html", NS)
    assert (html.get("lang"), html.get("dir")) == ("ar", "rtl")
    assert root.get("guid") != en.guid


def test_original_has_no_derived_from_link():
    """Only translations link to an original."""
    body = render_item(item(make_article(1)), make_spec(fmt="newsml"), SITE)
    assert parse(body).xpath("//g:link[@rel='irel:derivedFrom']", namespaces=NS) == []


def test_machine_translation_is_disclosed_three_ways(newsml_validator):
    """A machine translation has digitalSourceType, an exrole contributor naming the model and an MT edNote."""
    en, ar = mt_article()
    root = assert_valid(render_item(item(ar, original=en), make_spec("ar", fmt="newsml"), SITE), newsml_validator)
    assert root.xpath("string(//g:digitalSourceType/@qcode)", namespaces=NS) == "digsrctype:trainedAlgorithmicMedia"
    contributor = root.find(".//g:contributor[@role='exrole:machineTranslation']", NS)
    assert contributor.findtext("g:name", namespaces=NS) == "argos translate-en_ar-1_0"
    note = root.find(".//g:edNote[@role='synnote:machineTranslation']", NS)
    assert "machine translation" in note.text and note.get(XML_LANG) == "en" and note.get("dir") == "ltr"
    assert root.xpath("g:catalog/g:scheme/@alias", namespaces=NS).count("exrole") == 1


def test_human_translation_has_no_mt_disclosure():
    en, ar = bilingual_pair(1)
    root = parse(render_item(item(ar, original=en), make_spec("ar", fmt="newsml"), SITE))
    assert root.xpath("//g:digitalSourceType | //g:contributor | //g:edNote", namespaces=NS) == []


def test_output_is_deterministic_bytes():
    """Same inputs → identical bytes, with an XML declaration in UTF-8."""
    en, ar = mt_article()
    spec = make_spec("ar", fmt="newsml")
    items = [item(ar, en, original=en), item(make_article(2, lang="ar"))]
    first = NewsMLRenderer().render(spec, items, SITE)
    assert first == NewsMLRenderer().render(spec, list(items), SITE)
    assert first.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert render_item(items[0], spec, SITE) == render_item(items[0], spec, SITE)


def test_message_items_equal_standalone_items():
    """Each item in the message is the same XML as its standalone document."""
    articles = [make_article(2), make_article(1)]
    spec = make_spec(fmt="newsml")
    compact = etree.XMLParser(remove_blank_text=True)    # indentation depth differs, content must not
    message = etree.fromstring(NewsMLRenderer().render(spec, [item(a) for a in articles], SITE), compact)
    for article, element in zip(articles, message.iterfind(".//g:newsItem", NS), strict=True):
        alone = etree.fromstring(render_item(item(article), spec, SITE), compact)
        assert etree.tostring(copy.deepcopy(element)) == etree.tostring(alone)


def test_xml_illegal_characters_are_replaced(newsml_validator):
    """Control characters in titles and bodies become spaces; the item stays valid."""
    article = make_article(1, title="Bad\x00title\x1f here", summary="s\x08s", body_html="<p>a\x01b</p>")
    root = assert_valid(render_item(item(article), make_spec(fmt="newsml"), SITE), newsml_validator)
    assert root.xpath("string(//g:headline)", namespaces=NS) == "Bad title here"
    assert root.xpath("string(//h:body/h:p)", namespaces=NS) == "a b"


def test_item_path_is_per_guid_and_version():
    """item_path: <lang>/items/<uuid>-v<version>.xml, different per version, same guid."""
    article = make_article(1, lang="ar")
    uuid = article.guid.removeprefix("urn:uuid:")
    assert item_path(article) == f"ar/items/{uuid}-v1.xml"
    assert item_path(replace(article, version=3)) == f"ar/items/{uuid}-v3.xml"


def test_empty_message_is_a_render_error():
    """An itemSet needs an item: rendering no items is a RenderError naming the feed."""
    with pytest.raises(RenderError, match="en/politics/newsml"):
        NewsMLRenderer().render(make_spec(fmt="newsml"), [], SITE)


def test_naive_datetime_is_a_render_error():
    article = make_article(1, published=BASE.replace(tzinfo=None))
    with pytest.raises(RenderError, match="timezone-aware"):
        render_item(item(article), make_spec(fmt="newsml"), SITE)


def test_seed_page_articles_render_valid_items(newsml_validator):
    """The two articles of the seed page (real ingest) render to a valid message crediting the Coalition."""
    from conftest import SEED_PAGE

    from syndicate.ingest import IngestOptions, parse

    parsed = parse(SEED_PAGE.read_bytes(), "page", IngestOptions(lang="en", base_url=SITE.base_url))
    articles = [p.article for p in parsed]
    assert len(articles) == 2 and all(p.error is None for p in parsed)
    spec = make_spec("en", "coalition-news", "newsml",
                     category_names={"coalition-news": "Coalition News"}, category_medtop={})
    body = NewsMLRenderer().render(spec, [item(a) for a in articles], SITE)
    root = assert_valid(body, newsml_validator)
    assert root.xpath("//g:creditline/text()", namespaces=NS) == ["Syrian Coalition’s Media Department"] * 2
    assert root.xpath("//g:subject/@qcode", namespaces=NS) == ["syncat:coalition-news"] * 2
    assert [len(x.xpath("h:p", namespaces=NS)) > 1 for x in root.iterfind(".//h:body", NS)] == [True, True]
    for article in articles:
        assert_valid(render_item(item(article), spec, SITE), newsml_validator)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(min_size=1, max_size=60), body=st.text(max_size=120), credit=st.text(max_size=30))
def test_arbitrary_text_stays_valid(newsml_validator, title, body, credit):
    """Any text in title, body and credit (controls, surrogates, markup) still gives a valid, lint-clean item."""
    article = make_article(1, title=title, body_html=body, credit=credit, summary=body)
    assert_valid(render_item(item(article), make_spec(fmt="newsml"), SITE), newsml_validator)
