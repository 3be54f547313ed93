"""RSS/Atom ingest through feedparser, and the prologue guard against XXE, entity expansion and external DTDs."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest
from conftest import DATA

from syndicate.errors import IngestError
from syndicate.ingest import IngestOptions, detect_format, load, parse

RSS = DATA / "ingest" / "newsroom.rss"
ATOM = DATA / "ingest" / "newsroom.atom"
KNOWN = IngestOptions(languages=frozenset({"en", "ar"}), categories=frozenset({"politics", "humanitarian"}))

ITEM = ("<item><title>Hello</title><guid>g1</guid><pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate>"
        "<category>Politics</category><description>Body text.</description></item>")


def rss(prologue: str = "", item: str = ITEM, title: str = "T") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n{prologue}<rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://x.example/</link><language>en</language><description>d</description>{item}</channel></rss>").encode()


# ---- RSS ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rss_items():
    return load(str(RSS), options=KNOWN)


def test_rss_entry_fields(rss_items):
    """Entry 1: guid id, plain title, absolute link (against the channel link), author, UTC time, category."""
    article = rss_items[0].article
    assert article.id == "desk-2026-0301-envoy"
    assert article.title == "Envoy & delegation meet in Geneva"
    assert article.url == "https://desk.example.org/en/politics/envoy-meets-delegation"
    assert article.author == "Media Department"
    assert article.published == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert (article.category, article.lang) == ("politics", "en")
    assert article.summary == "The envoy met the delegation for three hours."


def test_rss_body_prefers_content_and_is_sanitised(rss_items):
    """content:encoded wins over description; scripts, handlers and javascript: URLs are gone."""
    body = rss_items[0].article.body_html
    assert "<b>three</b>" in body
    for bad in ("script", "alert", "onclick", "onerror", "javascript:"):
        assert bad not in body
    assert 'href="https://desk.example.org/en/politics/background"' in body
    assert 'src="https://desk.example.org/en/politics/img/geneva.jpg"' in body


def test_rss_without_guid_uses_link_and_description(rss_items):
    """Entry 2 has no guid: the link is the id; the description is the body."""
    article = rss_items[1].article
    assert article.id == article.url == "https://desk.example.org/en/politics/crossings"
    assert article.body_html == "<p>Two crossings will reopen next week.</p>" and article.summary == ""


def test_rss_bad_entries_are_item_errors(rss_items):
    """Entry 3 has no date, entry 4 neither guid nor link; the good entries are still returned."""
    assert [i.ok for i in rss_items] == [True, True, False, False]
    assert (rss_items[2].position, rss_items[2].error.field) == ("entry 3", "published")
    assert "desk-undated" in rss_items[2].error.item
    assert (rss_items[3].position, rss_items[3].error.field) == ("entry 4", "id")


def test_feed_language_kept_without_known_set():
    """Without known languages the channel's en-us is kept as a normalised tag."""
    items = parse(RSS.read_bytes(), "feed", IngestOptions())
    assert items[0].article.lang == "en-US"


def test_category_option_wins_and_unknown_tag_is_error():
    """--category overrides entry tags; a tag outside the known set is an error naming 'category'."""
    forced = parse(RSS.read_bytes(), "feed", IngestOptions(category="humanitarian"))
    assert forced[0].article.category == "humanitarian"
    limited = parse(ATOM.read_bytes(), "feed", IngestOptions(categories=frozenset({"politics"})))
    assert limited[0].ok and limited[1].error.field == "category"


# ---- Atom --------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def atom_items():
    return parse(ATOM.read_bytes(), "feed", KNOWN, name=str(ATOM))


def test_atom_arabic_entry(atom_items):
    """The xml:lang="ar" entry is Arabic, with its author, link, times in UTC and an absolute body link."""
    article = atom_items[0].article
    assert article.lang == "ar" and article.direction == "rtl"
    assert article.title == "الهيئة تلتقي المبعوث الأممي في جنيف"
    assert article.author == "الدائرة الإعلامية"
    assert article.url == "https://desk.example.org/ar/politics/hariri"
    assert article.published == datetime(2026, 3, 2, 6, 15, tzinfo=UTC)
    assert article.updated == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    assert article.summary == "لقاء في جنيف"
    assert 'href="https://desk.example.org/ar/politics/envoy"' in article.body_html
    assert article.category == "politics"


def test_atom_entry_inherits_feed_language_and_text_content(atom_items):
    """Entry 2: language from the feed's xml:lang, HTML title stripped, text content made into paragraphs."""
    article = atom_items[1].article
    assert article.lang == "en" and article.category == "humanitarian"
    assert article.title == "Aid convoy reaches Douma"
    assert article.body_html == "<p>Forty trucks arrived.</p><p>They carried flour &amp; medicine.</p>"
    assert article.published == datetime(2026, 3, 2, 8, 0, tzinfo=UTC) and article.updated is None


def test_feeds_are_detected():
    """RSS and Atom documents are detected as 'feed' from their root element."""
    assert detect_format(RSS.read_bytes()) == "feed"
    assert detect_format(ATOM.read_bytes()) == "feed"
    assert detect_format(b"<html><body>x</body></html>", "page.xml") == "feed"
    assert detect_format(b"<html><body>x</body></html>", "page.html") == "page"


def test_control_characters_and_bad_utf8_do_not_break_the_feed():
    """A raw vertical tab (illegal in XML) becomes a space; invalid UTF-8 is replaced, not fatal."""
    data = rss(item=ITEM.replace("Hello", "Breaking\x0bnews @@")).replace(b"@@", b"\xff\xfe")
    (parsed,) = parse(data, "feed", KNOWN)
    assert parsed.article.title == "Breaking news \ufffd\ufffd"


# ---- not a feed ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"<html><head></head><body><p>hi</p></body></html>", b"just words",
                                  b"<?xml version='1.0'?><catalog><book/></catalog>", b""])
def test_not_a_feed_is_an_ingest_error(data):
    """HTML, text, other XML and empty input are refused as a whole."""
    with pytest.raises(IngestError, match="not an RSS or Atom feed"):
        parse(data, "feed", KNOWN, name="src.xml")


# ---- security ------------------------------------------------------------------------------------------------

XXE_ITEM = ITEM.replace("Hello", "&xxe;").replace("Body text.", "&xxe;")


def test_xxe_is_refused_and_file_content_never_appears():
    """A DOCTYPE declaring a file:// entity is refused; /etc/passwd never reaches an article or message."""
    data = rss('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', XXE_ITEM, "&xxe;")
    with pytest.raises(IngestError, match="declares entities") as info:
        parse(data, "feed", KNOWN)
    assert "root:" not in str(info.value)


def test_xxe_refused_through_load_and_auto_detect(tmp_path):
    """The same document through load() with format detection is refused too."""
    path = tmp_path / "evil.xml"
    path.write_bytes(rss('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', XXE_ITEM))
    with pytest.raises(IngestError, match="declares entities"):
        load(str(path), options=KNOWN)


def test_billion_laughs_is_refused():
    """Nested entity expansion is refused before any parser expands it."""
    lol = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    data = rss(f"<!DOCTYPE rss [{''.join(lol)}]>\n", ITEM.replace("Hello", "&lol9;"))
    with pytest.raises(IngestError, match="declares entities"):
        parse(data, "feed", KNOWN)


def test_quadratic_blowup_is_refused():
    """One large entity referenced many times is refused."""
    data = rss(f'<!DOCTYPE rss [<!ENTITY a "{"x" * 50_000}">]>\n', ITEM.replace("Hello", "&a;" * 20_000))
    with pytest.raises(IngestError, match="declares entities"):
        parse(data, "feed", KNOWN)


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">',
    '<!DOCTYPE rss PUBLIC "-//Evil//DTD//EN" "file:///etc/passwd">',
    "<!DOCTYPE rss [<!ELEMENT rss ANY> %ext;]>",
])
def test_external_dtd_and_parameter_entities_are_refused(doctype):
    """External DTDs (SYSTEM or unknown PUBLIC) and parameter-entity references are refused."""
    with pytest.raises(IngestError, match="refused"):
        parse(rss(doctype + "\n"), "feed", KNOWN)


def test_entity_declaration_hidden_in_utf16_or_utf7_is_refused():
    """The guard decodes the document as the parser would, so another encoding cannot hide a DOCTYPE."""
    doctype = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    utf16 = rss(doctype, XXE_ITEM).decode().replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")
    with pytest.raises(IngestError, match="declares entities"):
        parse(utf16, "feed", KNOWN)

    def utf7_markup(text: str) -> str:   # UTF-7 may spell any character in base64, hiding '<' from byte scans
        return "".join("+" + base64.b64encode(c.encode("utf-16-be")).decode().rstrip("=") + "-"
                       if c in '<>[]!"' else c for c in text)

    body = rss(doctype, XXE_ITEM).decode().split("?>", 1)[1]
    utf7 = ('<?xml version="1.0" encoding="UTF-7"?>' + utf7_markup(body)).encode("ascii")
    with pytest.raises(IngestError, match="declares entities"):
        parse(utf7, "feed", KNOWN)


def test_harmless_doctypes_are_accepted():
    """A bare DOCTYPE and RSS 0.91's public DOCTYPE (never fetched) are fine."""
    for doctype in ("<!DOCTYPE rss>", '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
                                      '"http://my.netscape.com/publish/formats/rss-0.91.dtd">'):
        (parsed,) = parse(rss(doctype + "\n"), "feed", KNOWN)
        assert parsed.ok and parsed.article.title == "Hello"


def test_doctype_text_inside_content_is_not_mistaken_for_a_prologue():
    """Only the prologue is checked: '<!DOCTYPE' and '<!ENTITY' quoted inside an entry are content."""
    item = ITEM.replace("<description>Body text.</description>",
                        "<description><![CDATA[<p>Write <!DOCTYPE html> and <!ENTITY x 'y'> first.</p>]]>"
                        "</description>")
    (parsed,) = parse(rss(item=item), "feed", KNOWN)
    assert parsed.ok and "first." in parsed.article.body_html
