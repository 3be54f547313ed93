"""Empty feeds: a plausible date kept stable in the feed state (never 1970), and no advertised file that is
not written (an empty NewsML-G2 feed is not written, so nothing links to it)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
from sites import make_site, snapshot, write_jsonl

from syndicate.config import Config, load_config
from syndicate.ingest.usecase import ingest
from syndicate.publish.usecase import publish
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
STORY = {"id": "s1", "lang": "en", "category": "politics", "title": "A story", "body": "<p>Text.</p>",
         "url": "https://news.example.org/en/politics/a-story", "published": "2026-11-27T09:00:00Z"}


def _config(tmp_path: Path) -> Config:
    return load_config(make_site(tmp_path, formats=("rss", "atom", "json", "newsml")), env={})


def _publish(config: Config, now: datetime, rows: list[dict[str, str]] | None = None) -> None:
    store = open_store(config.store_url)
    try:
        if rows:
            assert ingest(config, store, str(write_jsonl(config.output.dir.parent / "in.jsonl", rows)), now).ok
        assert publish(config, store, now).ok
    finally:
        store.close()


def advertised_missing(config: Config) -> list[str]:
    """Every URL under feeds_url that some written file links to, whose file does not exist."""
    out = Path(config.output.dir)
    prefix = config.site.feeds_url
    missing = []
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        urls = re.findall(r'"(' + re.escape(prefix) + r'[^"]*)"', text)
        urls += re.findall(r">(" + re.escape(prefix) + r"[^<]*)<", text)
        for url in urls:
            if url.endswith("/"):
                continue            # a scheme or folder URI (NewsML-G2 qcode schemes), not a file link
            target = out / url[len(prefix):]
            if not target.is_file():
                missing.append(f"{path.relative_to(out)} -> {url}")
    return missing


def test_empty_feed_dated_when_it_first_existed_and_stable(tmp_path: Path, feed_errors) -> None:
    config = _config(tmp_path)
    _publish(config, NOW)
    out = Path(config.output.dir)
    rss = out / "en" / "politics" / "rss.xml"
    atom = out / "en" / "politics" / "atom.xml"
    assert parsedate_to_datetime(feedparser.parse(rss.read_bytes()).feed.updated) == NOW
    assert feedparser.parse(atom.read_bytes()).feed.updated == "2026-11-27T12:00:00+00:00"
    assert feed_errors(rss.read_bytes()) == [] and feed_errors(atom.read_bytes()) == []
    assert b"1970" not in rss.read_bytes() + atom.read_bytes()
    before = snapshot(out)
    _publish(config, NOW + timedelta(days=3))            # later runs: same date, same bytes
    assert snapshot(out) == before
    _publish(config, NOW + timedelta(days=4), [STORY])   # with an item: the item's date
    assert feedparser.parse(rss.read_bytes()).feed.updated == "Fri, 27 Nov 2026 09:00:00 GMT"
    # other categories stay empty and keep their first date
    assert parsedate_to_datetime(feedparser.parse((out / "en" / "economy" / "rss.xml").read_bytes())
                                 .feed.updated) == NOW


def test_no_advertised_file_is_missing(tmp_path: Path) -> None:
    """Empty feeds (no NewsML-G2 file) and non-empty ones (with it): every link into the output exists."""
    config = _config(tmp_path)
    _publish(config, NOW)
    out = Path(config.output.dir)
    assert not (out / "en" / "politics" / "newsml.xml").exists()
    assert advertised_missing(config) == []
    _publish(config, NOW + timedelta(hours=1), [STORY])
    assert (out / "en" / "politics" / "newsml.xml").is_file()
    assert advertised_missing(config) == []
    doc = json.loads((out / "en" / "economy" / "feed.json").read_bytes())
    assert "newsml" not in doc.get("_syndicate", {}).get("formats", {})
    linked = json.loads((out / "en" / "politics" / "feed.json").read_bytes())["_syndicate"]["formats"]
    assert "newsml" in linked
