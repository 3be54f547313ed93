"""Names and bylines with <, > or & stay intact in every format (`World & <Region>` used to lose `<Region>`):
config names (site, category) and ingested bylines, through the real ingest and publish."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import lxml.html
from lxml import etree
from sites import make_site, write_jsonl

from syndicate.config import load_config
from syndicate.ingest.usecase import ingest
from syndicate.publish.usecase import publish
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
NAME = "World & <Region>"
NAR = {"g": "http://iptc.org/std/nar/2006-10-01/"}


def test_names_and_bylines_intact_in_every_format(tmp_path: Path, atom_validator, jsonfeed_validator,
                                                  newsml_validator, feed_errors) -> None:
    cfg = make_site(tmp_path, formats=("rss", "atom", "json", "newsml"))
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('name = "Levant Desk"', f'name = "{NAME}"')
                   .replace('name = { en = "Politics", ar = "سياسة" }',
                            'name = { en = "Politics & <Power>", ar = "سياسة" }'), encoding="utf-8")
    config = load_config(cfg, env={})
    store = open_store(config.store_url)
    rows = [{"id": "n1", "lang": "en", "category": "politics", "title": "Names", "body": "<p>Text.</p>",
             "author": "Desk <North> & <b>Co</b>", "credit": "Agency <Wire> &amp; Partners",
             "url": "https://news.example.org/en/politics/names", "published": "2026-11-26T09:00:00Z"}]
    try:
        assert ingest(config, store, str(write_jsonl(tmp_path / "n.jsonl", rows)), NOW).ok
        assert publish(config, store, NOW).ok
    finally:
        store.close()
    out = Path(config.output.dir) / "en" / "politics"
    byline, credit = "Desk <North> & Co", "Agency <Wire> & Partners"
    rss, atom = (out / "rss.xml").read_bytes(), (out / "atom.xml").read_bytes()
    assert feed_errors(rss) == [] and feed_errors(atom) == [] and atom_validator.errors(atom) == []
    for body in (rss, atom):
        parsed = feedparser.parse(body)
        entry = parsed.entries[0]
        assert entry.author == byline
        title = parsed.feed.title_detail
        shown = lxml.html.fragment_fromstring(title.value, create_parent="div").text_content() \
            if title.type == "text/html" else title.value
        assert shown == f"Politics & <Power> — {NAME}"
        content = entry.content[0].value
        assert lxml.html.fragment_fromstring(content, create_parent="div").text_content().endswith(
            f"Source: {credit}")
    assert etree.fromstring(rss).findtext("channel/item/category") in ("Politics &amp; &lt;Power&gt;",
                                                                        "Politics & <Power>")
    doc = json.loads((out / "feed.json").read_bytes())
    assert jsonfeed_validator.errors((out / "feed.json").read_bytes()) == []
    assert doc["items"][0]["authors"] == [{"name": byline}]
    assert doc["items"][0]["_syndicate"]["credit"] == credit
    assert doc["items"][0]["tags"][0] == "Politics & <Power>"
    newsml = (out / "newsml.xml").read_bytes()
    assert newsml_validator.errors(newsml) == []
    root = etree.fromstring(newsml)
    assert root.xpath("string(//g:creator/g:name)", namespaces=NAR) == byline
