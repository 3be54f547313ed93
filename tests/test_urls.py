"""IRIs become RFC 3986 URIs wherever a URL is written; unrepairable URLs are item errors; the item URL
template links items that have no URL (CMS page exports).

The syntax check below is written here from the ABNF of RFC 3986 (appendix A), independently of
:mod:`syndicate.urls`, and runs over every URL in every file a publish writes.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import lxml.html
import pytest
from conftest import SEED_PAGE
from lxml import etree
from sites import make_site, write_jsonl

from syndicate.config import load_config
from syndicate.errors import ConfigError
from syndicate.ingest.usecase import ingest
from syndicate.publish.usecase import publish
from syndicate.store import open_store
from syndicate.urls import BadUrl, to_uri

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)

# RFC 3986 appendix A, absolute-URI with optional fragment (IPv4/reg-name hosts, IP-literal simplified).
_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB = r"!$&'()*+,;="
_PCT = r"%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB}:@]|{_PCT})"
_USERINFO = rf"(?:[{_UNRESERVED}{_SUB}:]|{_PCT})*"
_REG_NAME = rf"(?:[{_UNRESERVED}{_SUB}]|{_PCT})*"
_HOST = rf"(?:\[[0-9A-Fa-f:.]+\]|{_REG_NAME})"
_AUTHORITY = rf"(?:{_USERINFO}@)?{_HOST}(?::[0-9]*)?"
_HIER = rf"(?://{_AUTHORITY}(?:/{_PCHAR}*)*|/?(?:{_PCHAR}+(?:/{_PCHAR}*)*)?)"
RFC3986_URI = re.compile(rf"[A-Za-z][A-Za-z0-9+\-.]*:{_HIER}(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?")


def is_uri(text: str) -> bool:
    return RFC3986_URI.fullmatch(text) is not None


@pytest.mark.parametrize(("iri", "uri"), [
    ("https://news.example.org/en/story-1", "https://news.example.org/en/story-1"),
    ("https://news.example.org/en/a story", "https://news.example.org/en/a%20story"),
    ("https://news.example.org/ar/سياسة/قمة?q=قمة#فقرة",
     "https://news.example.org/ar/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/%D9%82%D9%85%D8%A9?q=%D9%82%D9%85%D8%A9"
     "#%D9%81%D9%82%D8%B1%D8%A9"),
    ("https://Bücher.example/Straße", "https://xn--bcher-kva.example/Stra%C3%9Fe"),
    ("https://news.example.org/100%/a%20b", "https://news.example.org/100%25/a%20b"),
    ("https://news.example.org/x?a=<b>&c={d}", "https://news.example.org/x?a=%3Cb%3E&c=%7Bd%7D"),
    ("https://例え.テスト:8443/", "https://xn--r8jz45g.xn--zckzah:8443/"),
])
def test_iri_to_uri(iri: str, uri: str) -> None:
    assert to_uri(iri) == uri
    assert is_uri(to_uri(iri)) and to_uri(to_uri(iri)) == to_uri(iri)     # idempotent


@pytest.mark.parametrize("bad", ["https:///no-host", "https://a b.example/", "https://x.example:99999/",
                                 "https://a..b/", "https://☃ .example/", "no-scheme/path"])
def test_unrepairable_urls_refused(bad: str) -> None:
    with pytest.raises(BadUrl):
        to_uri(bad)


def test_syntax_check_is_honest() -> None:
    """The test's own checker rejects what the W3C validator reports as InvalidUriChar / UriNotIri."""
    for bad in ["https://x.example/a b", "https://x.example/سياسة", "https://bücher.example/", "https://x/%zz",
                "https://x/<a>"]:
        assert not is_uri(bad), bad


ROWS = [
    {"id": "space", "lang": "en", "category": "politics", "title": "Spaces in the path",
     "body": "<p>See <a href='https://news.example.org/en/other story'>this</a>"
             " and <img src='https://bücher.example/bild 1.jpg' alt='x'>.</p>",
     "url": "https://news.example.org/en/politics/a story with spaces", "published": "2026-11-26T09:00:00Z"},
    {"id": "arabic-en", "lang": "en", "category": "politics", "title": "Coalition summit",
     "body": "<p>Text.</p>", "url": "https://news.example.org/en/politics/coalition-summit",
     "published": "2026-11-26T08:30:00Z"},
    {"id": "arabic", "lang": "ar", "category": "politics", "title": "قمة الائتلاف",
     "body": "<p>نص الخبر.</p>", "url": "https://news.example.org/ar/سياسة/قمة-الائتلاف",
     "published": "2026-11-26T08:00:00Z", "translation_of": "arabic-en"},
    {"id": "idn", "lang": "en", "category": "economy", "title": "IDN host",
     "body": "<p>Text.</p>", "url": "https://bücher.example/straße/ü?q=ä#ö", "published": "2026-11-26T07:00:00Z"},
    {"id": "nourl", "lang": "en", "category": "economy", "title": "No URL at all: the template links it",
     "body": "<p>Text.</p>", "published": "2026-11-26T06:00:00Z"},
]

TEMPLATE = 'item_url_template = "{base_url}{lang}/{category}/{slug}"'


def _urls_in(path: Path) -> list[str]:
    """Every URL in a written file: XML attributes href/src/uri/url and URL-valued elements, URLs in
    embedded HTML; JSON values under url-ish keys and in content_html."""
    data = path.read_bytes()
    urls: list[str] = []
    html_parts: list[str] = []
    if path.suffix == ".html":
        return [e.get("href") for e in lxml.html.fromstring(data).iter("a", "link") if e.get("href")]
    if path.suffix == ".json":
        def walk(value: object, key: str = "") -> None:
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(v, k)
            elif isinstance(value, list):
                for v in value:
                    walk(v, key)
            elif isinstance(value, str):
                if key in ("url", "home_page_url", "feed_url", "external_url") or key in {"rss", "atom", "newsml"}:
                    urls.append(value)
                elif key == "content_html":
                    html_parts.append(value)
        walk(json.loads(data))
    else:
        root = etree.fromstring(data)
        for element in root.iter():
            for name in ("href", "src", "uri", "url", "domain", "scheme", "xmlUrl", "htmlUrl"):
                value = element.get(name)
                if value and "://" in value:
                    urls.append(value)
            tag = etree.QName(element).localname if isinstance(element.tag, str) else ""
            text = (element.text or "").strip()
            if tag in ("link", "id", "uri", "docs") and "://" in text:
                urls.append(text)
            if tag in ("description", "encoded", "content", "summary") and "<" in text:
                html_parts.append(text)
    for fragment in html_parts:
        for value in re.findall(r'(?:href|src|cite)="([^"]*)"', fragment):
            urls.append(value.replace("&amp;", "&"))
    return urls


def _publish(tmp_path: Path, extra: str = TEMPLATE) -> tuple[Path, object]:
    # the template goes into [site]: rewrite the generated file rather than duplicating the config text
    cfg = make_site(tmp_path, formats=("rss", "atom", "json", "newsml"))
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("[languages]", f"{extra}\n\n[languages]", 1),
                   encoding="utf-8")
    config = load_config(cfg, env={})
    store = open_store(config.store_url)
    try:
        assert ingest(config, store, str(write_jsonl(tmp_path / "urls.jsonl", ROWS)), NOW).ok
        assert ingest(config, store, str(SEED_PAGE), NOW, fmt="page", category="coalition-news", lang="en").ok
        outcome = publish(config, store, NOW)
    finally:
        store.close()
    return config.output.dir, outcome


def test_every_written_url_is_an_rfc3986_uri(tmp_path: Path, feed_errors) -> None:
    out, _ = _publish(tmp_path)
    files = [p for p in out.rglob("*") if p.suffix in (".xml", ".json", ".html", ".opml")]
    assert {"index.html", "feeds.opml"} <= {p.name for p in files}
    assert len(files) > 20
    checked = 0
    for path in files:
        for url in _urls_in(path):
            assert is_uri(url), f"{path.relative_to(out)}: {url!r}"
            checked += 1
        if path.name in ("rss.xml", "atom.xml"):
            assert feed_errors(path.read_bytes()) == [], path
    assert checked > 200
    rss = (out / "en" / "politics" / "rss.xml").read_bytes()
    links = {e.title: e.link for e in feedparser.parse(rss).entries}
    assert links["Spaces in the path"] == "https://news.example.org/en/politics/a%20story%20with%20spaces"
    economy = {e.title: e.link for e in feedparser.parse((out / "en" / "economy" / "rss.xml").read_bytes()).entries}
    assert economy["IDN host"] == "https://xn--bcher-kva.example/stra%C3%9Fe/%C3%BC?q=%C3%A4#%C3%B6"
    assert economy["No URL at all: the template links it"] == \
        "https://news.example.org/en/economy/no-url-at-all-the-template-links-it"
    ar = feedparser.parse((out / "ar" / "politics" / "atom.xml").read_bytes()).entries[0]
    assert ar.link == "https://news.example.org/ar/" + "%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/" \
        "%D9%82%D9%85%D8%A9-%D8%A7%D9%84%D8%A7%D8%A6%D8%AA%D9%84%D8%A7%D9%81"


def test_page_export_items_get_a_link_from_the_template(tmp_path: Path) -> None:
    """The seed page (a CMS export: no URLs) gives linked items with the template, unlinked ones without."""
    out, _ = _publish(tmp_path)
    entries = feedparser.parse((out / "en" / "coalition-news" / "rss.xml").read_bytes()).entries
    assert len(entries) == 2
    for entry in entries:
        assert entry.link.startswith("https://news.example.org/en/coalition-news/") and is_uri(entry.link)
    plain = tmp_path / "plain"
    plain.mkdir()
    out2, _ = _publish(plain, extra="")
    assert all("link" not in e for e in feedparser.parse((out2 / "en" / "coalition-news" / "rss.xml")
                                                         .read_bytes()).entries)


def test_unrepairable_url_is_an_item_error(tmp_path: Path) -> None:
    """A URL whose host IDNA refuses holds its item back with an error naming the item and field; the other
    items are published."""
    config = load_config(make_site(tmp_path), env={})
    store = open_store(config.store_url)
    rows = [{"id": "bad-host", "lang": "en", "category": "politics", "title": "Bad host",
             "body": "<p>x</p>", "url": "https://exa_mple..org/x", "published": "2026-11-26T09:00:00Z"},
            {"id": "good", "lang": "en", "category": "politics", "title": "Good",
             "body": "<p>x</p>", "url": "https://news.example.org/en/good", "published": "2026-11-26T08:00:00Z"}]
    try:
        assert ingest(config, store, str(write_jsonl(tmp_path / "bad.jsonl", rows)), NOW).ok
        outcome = publish(config, store, NOW)
    finally:
        store.close()
    held = outcome.held_back
    assert held and {e.item for e in held} == {"bad-host"} and {e.field for e in held} == {"*"}
    assert any("host" in str(e) for e in held)
    titles = [e.title for e in feedparser.parse((config.output.dir / "en" / "politics" / "rss.xml")
                                                .read_bytes()).entries]
    assert titles == ["Good"]


def test_template_with_unknown_field_refused(tmp_path: Path) -> None:
    cfg = make_site(tmp_path)
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(
        "[languages]", 'item_url_template = "{base_url}{year}/{slug}"\n\n[languages]', 1), encoding="utf-8")
    with pytest.raises(ConfigError, match="item_url_template"):
        load_config(cfg, env={})


def test_an_idn_site_writes_uris_at_feed_level_too(tmp_path: Path) -> None:
    """`[site] base_url` / `feeds_url` as IRIs (IDN host, Arabic path): the config holds the URIs they name, so
    every feed-level URL (self, home, alternates, JSON home_page_url/feed_url, index and OPML) is a URI."""
    cfg = make_site(tmp_path, formats=("rss", "atom", "json"))
    text = cfg.read_text(encoding="utf-8").replace('base_url = "https://news.example.org/"',
                                                   'base_url = "https://أخبار.example/الموقع/"')
    text = text.replace('feeds_url = "https://news.example.org/feeds/"', 'feeds_url = "https://أخبار.example/خلاصات/"')
    cfg.write_text(text, encoding="utf-8")
    config = load_config(cfg, env={})
    host = "أخبار".encode("idna").decode("ascii")        # the standard library's own IDNA 2003 codec
    assert config.site.base_url == f"https://{host}.example/%D8%A7%D9%84%D9%85%D9%88%D9%82%D8%B9/"
    assert is_uri(config.site.feeds_url) and config.site.feeds_url.startswith("https://xn--")
    store = open_store(config.store_url)
    try:
        assert ingest(config, store, str(write_jsonl(tmp_path / "urls.jsonl", ROWS)), NOW).ok
        assert not publish(config, store, NOW).failed
    finally:
        store.close()
    files = [p for p in config.output.dir.rglob("*") if p.suffix in (".xml", ".json", ".html", ".opml")]
    urls = [u for p in files for u in _urls_in(p)]
    assert any(u.startswith(config.site.feeds_url) for u in urls)
    assert all(is_uri(u) for u in urls), [u for u in urls if not is_uri(u)][:5]
