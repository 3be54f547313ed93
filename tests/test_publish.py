"""End to end: ingest → store → publish → files, validated with the shared schemas and feedparser."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from sites import site_config, snapshot, write_jsonl

from syndicate.ingest.usecase import ingest
from syndicate.publish.usecase import publish
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
SAMPLE = str(resources.files("syndicate") / "data" / "sample-articles.jsonl")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site(tmp_path, store_url):
    config = site_config(tmp_path, store_url=store_url, formats=("rss", "atom", "json", "newsml"))
    store = open_store(config.store_url)
    yield config, store
    store.close()


def publish_samples(config, store, now=NOW):
    report = ingest(config, store, SAMPLE, now)
    assert report.ok, report.rejected
    return publish(config, store, now)


def test_every_output_validates(site, atom_validator, jsonfeed_validator, newsml_validator, feed_errors):
    """Every Atom file passes RELAX NG + Schematron, every RSS/Atom parses without bozo, every JSON Feed
    passes the JSON Feed 1.1 schema, every NewsML-G2 file (messages and items) passes the IPTC XSD."""
    config, store = site
    report = publish_samples(config, store)
    assert report.ok and not report.failed
    out = config.output.dir
    files = sorted(p for p in out.rglob("*") if p.is_file())
    kinds = {"atom.xml": 0, "rss.xml": 0, "feed.json": 0, "newsml.xml": 0, "items": 0}
    for path in files:
        body = path.read_bytes()
        if path.name == "atom.xml":
            assert atom_validator.errors(body) == [], path
            assert feed_errors(body) == [], path
        elif path.name == "rss.xml":
            assert feed_errors(body) == [], path
        elif path.name == "feed.json":
            assert jsonfeed_validator.errors(body) == [], path
        elif path.name in ("index.html", "feeds.opml"):     # the front door: checked in test_pages.py
            assert etree.fromstring(body) is not None, path
            continue
        else:
            assert newsml_validator.errors(body) == [], path
            kinds["items" if path.parent.name == "items" else "newsml.xml"] += 1
            continue
        kinds[path.name] += 1
    # 2 languages × (4 categories + all) per format
    assert kinds["atom.xml"] == kinds["rss.xml"] == kinds["feed.json"] == 10
    assert kinds["newsml.xml"] == 8   # coalition-news has no sample items: an empty newsMessage is not written
    assert kinds["items"] >= 10


def test_feeds_have_language_count_order_and_shared_guids(site):
    """Feed language, entry count, newest-first order, and one guid per article across formats and feeds."""
    config, store = site
    publish_samples(config, store)
    out = config.output.dir
    rss = feedparser.parse((out / "en/politics/rss.xml").read_bytes())
    atom = feedparser.parse((out / "en/politics/atom.xml").read_bytes())
    feed_json = json.loads((out / "en/politics/feed.json").read_bytes())
    assert rss.feed.language == "en" and atom.feed.language == "en"
    # en politics: the talks story and the councils story; the embargoed report is held back
    assert len(rss.entries) == len(atom.entries) == len(feed_json["items"]) == 2
    ids = [e.id for e in atom.entries]
    assert ids == [e.id for e in rss.entries] == [i["id"] for i in feed_json["items"]]
    published = [e.published_parsed for e in atom.entries]
    assert published == sorted(published, reverse=True)
    all_ids = [e.id for e in feedparser.parse((out / "en/all/atom.xml").read_bytes()).entries]
    assert set(ids) <= set(all_ids)
    ar = feedparser.parse((out / "ar/politics/atom.xml").read_bytes())
    assert ar.feed.language == "ar"
    assert all(e.title_detail.language == "ar" and e.content[0].language == "ar" for e in ar.entries)
    # the Arabic human translation links to the English original and back
    talks_ar = next(e for e in ar.entries if "جنيف" in e.title)
    assert any(link.get("hreflang") == "en" and link.rel == "alternate" for link in talks_ar.links)


def test_republish_is_byte_identical_and_rewrites_nothing(site):
    """Two publishes of the same store give the same bytes; the second writes no file at all."""
    config, store = site
    first = publish_samples(config, store)
    assert len(first.written) == len(first.results) - 2   # the two empty newsMessages are not written
    before = snapshot(config.output.dir)
    mtimes = {p: p.stat().st_mtime_ns for p in config.output.dir.rglob("*") if p.is_file()}
    second = publish(config, store, NOW + timedelta(hours=3))
    assert second.written == [] and not second.failed
    assert snapshot(config.output.dir) == before
    assert {p: p.stat().st_mtime_ns for p in config.output.dir.rglob("*") if p.is_file()} == mtimes


def test_same_store_into_a_fresh_dir_gives_identical_bytes(tmp_path):
    """Determinism across runs: a second site built from the same input has byte-identical feeds."""
    outs = []
    for name in ("one", "two"):
        root = tmp_path / name
        root.mkdir()
        config = site_config(root, formats=("rss", "atom", "json", "newsml"))
        store = open_store(config.store_url)
        publish_samples(config, store)
        store.close()
        outs.append(snapshot(config.output.dir))
    assert outs[0] == outs[1] and len(outs[0]) > 40


def test_bad_text_is_cleaned_and_the_rest_of_the_feed_is_intact(site, tmp_path, atom_validator, feed_errors):
    config, store = site
    rows = [
        {"id": "ctl", "lang": "en", "category": "economy", "title": "Prices\x0bfall\x00 again",
         "body_html": "<p>Calm.</p>", "published": "2026-11-20T10:00:00Z"},
        {"id": "xss", "lang": "en", "category": "economy", "title": "Market <b>report</b>",
         "body_html": '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a>'
                      '<img src="/i.png" onerror="x()"></p><script>alert(1)</script>',
         "url": "https://news.example.org/en/economy/market", "published": "2026-11-21T10:00:00Z"},
        {"id": "fine", "lang": "en", "category": "economy", "title": "Plain story",
         "body_html": "<p>Nothing odd.</p>", "published": "2026-11-19T10:00:00Z"},
    ]
    report = ingest(config, store, str(write_jsonl(tmp_path / "bad.jsonl", rows)), NOW)
    assert report.ok
    publish(config, store, NOW)
    body = (config.output.dir / "en/economy/atom.xml").read_bytes()
    assert atom_validator.errors(body) == [] and feed_errors(body) == []
    parsed = feedparser.parse(body)
    titles = [e.title for e in parsed.entries]
    assert "Prices fall  again" in titles or "Prices fall again" in titles
    assert "Market report" in titles and "Plain story" in titles
    xss = next(e for e in parsed.entries if e.title == "Market report")
    html = xss.content[0].value
    for bad in ("script", "onclick", "onerror", "javascript:", "alert"):
        assert bad not in html
    assert 'src="https://news.example.org/i.png"' in html
    rss = (config.output.dir / "en/economy/rss.xml").read_bytes()
    assert b"<script" not in rss and b"javascript:" not in rss and b"\x0b" not in rss


def test_embargoed_and_future_items_appear_only_at_their_time(site, tmp_path):
    config, store = site
    rows = [
        {"id": "emb", "lang": "en", "category": "politics", "title": "Embargoed statement",
         "body": "Text.", "published": "2026-11-27T08:00:00Z", "embargo": "2026-11-27T18:00:00Z"},
        {"id": "fut", "lang": "en", "category": "politics", "title": "Scheduled story",
         "body": "Text.", "published": "2026-11-28T06:00:00Z"},
    ]
    ingest(config, store, str(write_jsonl(tmp_path / "t.jsonl", rows)), NOW)

    def visible_titles(now):
        publish(config, store, now)
        out = config.output.dir
        seen = set()
        for path in out.rglob("*"):
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                seen |= {t for t in ("Embargoed statement", "Scheduled story") if t in text}
        return seen

    assert visible_titles(NOW) == set()
    assert visible_titles(datetime(2026, 11, 27, 18, 0, tzinfo=UTC)) == {"Embargoed statement"}
    assert visible_titles(datetime(2026, 11, 28, 6, 0, tzinfo=UTC)) == {"Embargoed statement", "Scheduled story"}


def test_withheld_and_canceled_leave_public_feeds(site, tmp_path):
    config, store = site
    publish_samples(config, store)
    rows = [json.loads(line) for line in Path(SAMPLE).read_text(encoding="utf-8").splitlines()]
    clinics = next(r for r in rows if r["id"] == "ld-2026-1108-clinics")
    bread = next(r for r in rows if r["id"] == "ld-2026-1110-bread")
    ingest(config, store, str(write_jsonl(tmp_path / "k.jsonl", [clinics | {"status": "canceled"},
                                                                        bread | {"status": "withheld"}])), NOW)
    publish(config, store, NOW)
    out = config.output.dir
    for fmt in ("rss.xml", "atom.xml", "feed.json"):
        text = (out / "en/all" / fmt).read_text(encoding="utf-8")
        assert clinics["title"] not in text and bread["title"] not in text
    # the public NewsML-G2 never names them either (partners get the notices: see test_policy_outputs)
    g2 = etree.fromstring((out / "en/all/newsml.xml").read_bytes())
    ns = {"g": "http://iptc.org/std/nar/2006-10-01/"}
    assert set(g2.xpath("//g:pubStatus/@qcode", namespaces=ns)) == {"stat:usable"}
    public_bytes = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert clinics["title"].encode() not in public_bytes and bread["title"].encode() not in public_bytes


def test_translation_of_pointing_nowhere_is_rejected_others_stored(site, tmp_path):
    config, store = site
    rows = [{"id": "ok", "lang": "en", "category": "politics", "title": "Fine", "body": "x",
             "published": "2026-11-20T10:00:00Z"},
            {"id": "orphan", "lang": "ar", "category": "politics", "title": "يتيم", "body": "x",
             "published": "2026-11-20T10:00:00Z", "translation_of": "missing"}]
    report = ingest(config, store, str(write_jsonl(tmp_path / "o.jsonl", rows)), NOW)
    assert [r.id for r in report.stored] == ["ok"]
    [(position, err)] = report.rejected
    assert position == "line 2" and err.field == "translation_of" and "missing" in str(err)


def test_dry_run_writes_nothing(site):
    config, store = site
    ingest(config, store, SAMPLE, NOW)
    report = publish(config, store, NOW, dry_run=True)
    assert report.results and not report.failed
    assert not config.output.dir.exists() or not any(p.is_file() for p in config.output.dir.rglob("*"))


def test_a_reused_publisher_sees_family_members_added_between_runs(site):
    """The publisher remembers family members during one run only: a human translation stored between two runs
    of the same long-lived Publisher (as in ``syndicate run``) shows up as the original's hreflang alternate."""
    from syndicate.model import Article, Origin
    from syndicate.publish.publisher import Publisher

    config, store = site
    en = Article(id="story-1", lang="en", category="politics", title="Talks resume", body_html="<p>Talks.</p>",
                 published=NOW - timedelta(hours=1), url="https://news.example.org/en/story-1").with_hash()
    store.articles.upsert_many([en], NOW)
    publisher = Publisher(config, store)
    assert publisher.publish(NOW, full=True).ok
    feed = json.loads((config.output.dir / "en" / "politics" / "feed.json").read_text(encoding="utf-8"))
    assert "alternates" not in feed["items"][0]["_syndicate"]

    ar = Article(id="story-1-ar", lang="ar", category="politics", title="استئناف المحادثات",
                 body_html="<p>محادثات.</p>", published=NOW - timedelta(minutes=30), translation_of="story-1",
                 origin=Origin.HUMAN, url="https://news.example.org/ar/story-1").with_hash()
    store.articles.upsert_many([ar], NOW)
    assert publisher.publish(NOW, full=True).ok
    feed = json.loads((config.output.dir / "en" / "politics" / "feed.json").read_text(encoding="utf-8"))
    assert feed["items"][0]["_syndicate"]["alternates"] == [
        {"language": "ar", "url": "https://news.example.org/ar/story-1", "title": "استئناف المحادثات"}]
