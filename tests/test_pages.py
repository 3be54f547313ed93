"""The subscriber's front door written by publish: index pages (root and per language, RTL for Arabic), OPML
2.0 and the XSL stylesheet; deterministic, listing exactly the feed files that exist; checked in a real
headless Chromium (Debian ``chromium``, installed by ``make system-deps``) over a real HTTP server."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import feedparser
import lxml.html
import pytest
from lxml import etree
from sites import make_site, snapshot, write_jsonl

from syndicate.config import Config, load_config
from syndicate.ingest.usecase import ingest
from syndicate.media import FILENAMES
from syndicate.publish.usecase import publish
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
ROWS = [
    {"id": "s1", "lang": "en", "category": "politics", "title": "Talks resume in Geneva", "body": "<p>Text.</p>",
     "url": "https://news.example.org/en/politics/talks", "published": "2026-11-27T09:00:00Z"},
    {"id": "s1-ar", "lang": "ar", "category": "politics", "title": "استئناف المحادثات في جنيف",
     "body": "<p>نص.</p>", "url": "https://news.example.org/ar/سياسة/محادثات", "published": "2026-11-27T09:30:00Z",
     "translation_of": "s1"},
    {"id": "h1", "lang": "en", "category": "politics", "title": "&lt;img src=x onerror=alert(1)&gt; &amp;amp;",
     "body": "<p>Hostile title.</p>", "url": "https://news.example.org/en/politics/h1",
     "published": "2026-11-27T08:00:00Z"},
]


def _site(tmp_path: Path, *, stylesheet: bool = True) -> Config:
    cfg = make_site(tmp_path, formats=("rss", "atom", "json", "newsml"))
    text = cfg.read_text(encoding="utf-8").replace(
        'partners_dir = "partners"', 'partners_dir = "partners"' + ("\nstylesheet = true" if stylesheet else ""))
    cfg.write_text(text.replace('name = "Levant Desk"', 'name = "Levant Desk & <Partners>"'), encoding="utf-8")
    return load_config(cfg, env={})


def _publish(config: Config, now: datetime = NOW) -> None:
    store = open_store(config.store_url)
    try:
        assert ingest(config, store, str(write_jsonl(config.output.dir.parent / "in.jsonl", ROWS)), now).ok
        assert publish(config, store, now).ok
    finally:
        store.close()


def _feed_files(config: Config) -> set[str]:
    """Public URLs of every feed file on disk."""
    out = Path(config.output.dir)
    names = set(FILENAMES.values())
    return {config.site.feeds_url + str(p.relative_to(out)) for p in out.rglob("*")
            if p.name in names and "partners" not in p.parts}


@pytest.fixture
def site(tmp_path: Path) -> Config:
    config = _site(tmp_path)
    _publish(config)
    return config


def test_index_lists_every_feed_file_and_only_those(site: Config) -> None:
    out = Path(site.output.dir)
    files = _feed_files(site)
    assert site.site.feeds_url + "en/politics/newsml.xml" in files
    assert site.site.feeds_url + "en/economy/newsml.xml" not in files       # empty: not written, not listed
    page = lxml.html.fromstring((out / "index.html").read_bytes())
    discovery = {link.get("href") for link in page.iter("link") if link.get("rel") == "alternate"}
    anchors = {a.get("href") for a in page.iter("a") if a.get("href", "").endswith(tuple(FILENAMES.values()))}
    assert discovery == files and anchors == files
    for link in page.iter("link"):
        if link.get("rel") == "alternate":
            assert link.get("type") and link.get("hreflang") in ("en", "ar") and link.get("title")
    ar = lxml.html.fromstring((out / "ar" / "index.html").read_bytes())
    assert ar.get("dir") == "rtl" and ar.get("lang") == "ar"
    ar_links = {link.get("href") for link in ar.iter("link") if link.get("rel") == "alternate"}
    assert ar_links == {u for u in files if "/feeds/ar/" in u}
    assert "Levant Desk & <Partners>" in page.findtext(".//h1")


def test_opml_lists_every_feed(site: Config) -> None:
    out = Path(site.output.dir)
    root = etree.fromstring((out / "feeds.opml").read_bytes())
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title") == "Levant Desk & <Partners> — feeds"
    langs = root.findall("body/outline")
    assert [o.get("language") for o in langs] == ["en", "ar"]
    feeds = root.findall("body/outline/outline")
    assert len(feeds) == 2 * 5                               # 2 languages x (4 categories + all)
    for outline in feeds:
        assert outline.get("type") == "rss" and outline.get("text")
        url = outline.get("xmlUrl")
        path = out / url.removeprefix(site.site.feeds_url)
        assert path.is_file() and feedparser.parse(path.read_bytes()).version == "rss20"
        assert outline.get("htmlUrl").startswith("https://news.example.org/")


def test_pages_deterministic_and_not_rewritten(site: Config) -> None:
    out = Path(site.output.dir)
    before = snapshot(out)
    mtimes = {p: (out / p).stat().st_mtime_ns for p in ("index.html", "ar/index.html", "feeds.opml", "feed.xsl")}
    _publish(site, NOW + timedelta(hours=1))
    assert snapshot(out) == before
    assert {p: (out / p).stat().st_mtime_ns for p in mtimes} == mtimes


def test_stylesheet_only_when_configured(tmp_path: Path, feed_errors, atom_validator) -> None:
    plain = _site(tmp_path, stylesheet=False)
    _publish(plain)
    out = Path(plain.output.dir)
    assert not (out / "feed.xsl").exists()
    assert b"xml-stylesheet" not in (out / "en" / "politics" / "rss.xml").read_bytes()
    styled = tmp_path / "styled"
    styled.mkdir()
    config = _site(styled)
    _publish(config)
    sout = Path(config.output.dir)
    rss = (sout / "en" / "politics" / "rss.xml").read_bytes()
    atom = (sout / "en" / "politics" / "atom.xml").read_bytes()
    assert b'<?xml-stylesheet type="text/xsl" href="../../feed.xsl"?>' in rss
    assert b'<?xml-stylesheet type="text/xsl" href="../../feed.xsl"?>' in atom
    assert feed_errors(rss) == [] and feed_errors(atom) == [] and atom_validator.errors(atom) == []
    assert b"xml-stylesheet" not in (sout / "en" / "politics" / "feed.json").read_bytes()
    # the stylesheet is real XSLT that turns both formats into HTML
    xslt = etree.XSLT(etree.parse(str(sout / "feed.xsl")))
    for body in (rss, atom):
        page = xslt(etree.fromstring(body))
        assert page.getroot().findtext(".//h1") == "Politics — Levant Desk & <Partners>"


# -- a real browser ------------------------------------------------------------------------------------------
@pytest.fixture
def http_root(site: Config) -> Iterator[str]:
    """The output folder over real HTTP on 127.0.0.1 (browsers load XSL only from the feed's origin)."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(site.output.dir))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium(tmp_path: Path, url: str, screenshot: str) -> lxml.html.HtmlElement:
    """The rendered DOM of ``url`` in headless Chromium; a screenshot is saved under ``tmp_path``."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    assert exe, "Debian chromium is needed: run `make system-deps` (apt-get install chromium)"
    common = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              f"--user-data-dir={tmp_path / 'chromium-profile'}", "--window-size=420,900"]
    dom = subprocess.run([*common, "--dump-dom", url], capture_output=True, timeout=120, check=True).stdout
    shot = tmp_path / screenshot
    subprocess.run([*common, f"--screenshot={shot}", url], capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return lxml.html.fromstring(dom)


def test_index_pages_in_chromium(site: Config, http_root: str, tmp_path: Path) -> None:
    files = _feed_files(site)
    root = chromium(tmp_path, http_root + "index.html", "index.png")
    assert {a.get("href") for a in root.iter("a") if a.get("type", "").startswith("application/")} == files
    assert {link.get("href") for link in root.iter("link") if link.get("rel") == "alternate"} == files
    ar = chromium(tmp_path, http_root + "ar/index.html", "index-ar.png")
    assert ar.get("dir") == "rtl"
    section = ar.find(".//section")
    assert section.get("dir") == "rtl" and section.get("lang") == "ar"
    assert "سياسة" in section.text_content()


def test_xsl_styled_feed_in_chromium(site: Config, http_root: str, tmp_path: Path) -> None:
    page = chromium(tmp_path, http_root + "en/politics/rss.xml", "rss.png")
    assert page.tag == "html" and page.findtext(".//h1") == "Politics — Levant Desk & <Partners>"
    items = page.findall(".//li[@class='item']/a")
    assert [a.get("href") for a in items] == ["https://news.example.org/en/politics/talks",
                                              "https://news.example.org/en/politics/h1"]
    assert items[1].text_content().strip() == "<img src=x onerror=alert(1)> &amp;"    # text, never markup
    assert page.findall(".//img") == []
    ar = chromium(tmp_path, http_root + "ar/politics/atom.xml", "atom-ar.png")
    assert ar.get("dir") == "rtl"
    assert "استئناف المحادثات" in ar.text_content()
