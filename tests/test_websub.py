"""WebSub: a real local hub gets `hub.mode=publish` pings only for feeds whose bytes changed, and only after the
new bytes are on disk; feeds advertise the hub; a failing hub never fails publishing."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import parse_qs

from factories import make_article
from test_serve_support import Received, Receiver, partner_site

from syndicate.config.layout import public_url
from syndicate.publish import usecase
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
FEEDS = "https://news.example.org/feeds/"


class Hub:
    """Records each ping with the sha256 of the pinged file as it was on disk when the ping arrived."""

    def __init__(self, output_dir, status: int = 204) -> None:
        self.output_dir = output_dir
        self.pings: list[tuple[str, str, str]] = []     # (mode, url, sha256 on disk)
        self.status = status
        self.receiver = Receiver(self.decide)

    def decide(self, req: Received) -> int:
        form = parse_qs(req.body.decode())
        url = form["hub.url"][0]
        path = self.output_dir / url.removeprefix(FEEDS)
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        self.pings.append((form["hub.mode"][0], url, digest))
        return self.status


def publish(config, store, now=NOW):  # type: ignore[no-untyped-def]
    report = usecase.publish(config, store, now)
    public = [r for r in report.written if r.audience == "public"]     # partner feeds are never pinged
    return report, public


def test_ping_only_after_a_change(tmp_path):
    config = partner_site(tmp_path, hub_url="http://127.0.0.1:1/placeholder")
    hub = Hub(config.output.dir)
    config = replace(config, site=replace(config.site, hub_url=hub.receiver.url))
    store = open_store(config.store_url)
    try:
        store.articles.upsert_many([make_article(n, category=("politics", "economy")[n % 2]) for n in range(1, 7)], NOW)
        report, public = publish(config, store)
        written = {public_url(config, r.path): r.sha256 for r in public}
        assert len(public) < len(report.written)          # the partner feeds were written too
        assert written and all(p[0] == "publish" for p in hub.pings)
        assert {p[1]: p[2] for p in hub.pings} == written        # every changed feed, with its new bytes on disk
        assert len(hub.pings) == len(written)
        assert not any("/partners/" in p[1] for p in hub.pings)
        atom = (config.output.dir / "en" / "politics" / "atom.xml").read_text(encoding="utf-8")
        assert f'href="{hub.receiver.url}" rel="hub"' in atom or f'rel="hub" href="{hub.receiver.url}"' in atom

        hub.pings.clear()
        report, public = publish(config, store)
        assert report.written == [] and hub.pings == []          # unchanged bytes: no ping

        store.articles.upsert_many([replace(make_article(1, category="economy"), title="Economy story, updated").with_hash()],
                          NOW)
        report, public = publish(config, store)
        changed = {public_url(config, r.path): r.sha256 for r in public}
        assert {p[1]: p[2] for p in hub.pings} == changed
        assert FEEDS + "en/economy/rss.xml" in changed and FEEDS + "en/all/atom.xml" in changed
        assert not any("/politics/" in url for url in changed)
    finally:
        hub.receiver.close()
        store.close()


def test_failing_hub_never_fails_publishing(tmp_path):
    config = partner_site(tmp_path, hub_url="http://127.0.0.1:1/placeholder")
    hub = Hub(config.output.dir, status=503)
    config = replace(config, site=replace(config.site, hub_url=hub.receiver.url))
    store = open_store(config.store_url)
    try:
        store.articles.upsert_many([make_article(1)], NOW)
        report, public = publish(config, store)
        assert report.ok and public
        assert report.pings_failed == len(public) == len(hub.pings) and report.pings_sent == 0
    finally:
        hub.receiver.close()
        store.close()


def test_the_publish_command_pings_the_hub(tmp_path):
    """`syndicate publish` (the publish use case, also used by the scheduler) is wired to the WebSub pinger."""
    from click.testing import CliRunner
    from sites import make_site, write_jsonl

    from syndicate.cli import main

    hub = Hub(tmp_path / "feeds")
    try:
        cfg = make_site(tmp_path)
        cfg.write_text(cfg.read_text(encoding="utf-8").replace(
            'usage_terms = "Partners only"', f'usage_terms = "Partners only"\nhub_url = "{hub.receiver.url}"'),
            encoding="utf-8")
        write_jsonl(tmp_path / "a.jsonl", [{"id": "w1", "lang": "en", "category": "politics", "title": "Hub test",
                                           "body": "Text.", "published": "2026-11-20T10:00:00Z"}])
        runner = CliRunner()
        assert runner.invoke(main, ["--config", str(cfg), "ingest", str(tmp_path / "a.jsonl")]).exit_code == 0
        result = runner.invoke(main, ["--config", str(cfg), "publish", "--now", "2026-11-27T12:00:00Z"])
        assert result.exit_code == 0, result.output
        urls = {p[1] for p in hub.pings}
        assert FEEDS + "en/politics/atom.xml" in urls and FEEDS + "en/all/rss.xml" in urls
        assert all(p[2] != "missing" for p in hub.pings)
        hub.pings.clear()
        assert runner.invoke(main, ["--config", str(cfg), "publish", "--now", "2026-11-27T12:00:00Z"]).exit_code == 0
        assert hub.pings == []
    finally:
        hub.receiver.close()
