"""`syndicate status`: jobs, feeds, pending translations, held-back items; text and --json."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from click.testing import CliRunner
from factories import make_article
from sites import make_site

from syndicate.cli import main
from syndicate.config import load_config
from syndicate.schedule import JobRunner
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 7, tzinfo=UTC)
SCHEDULES = ('[schedules.publish-all]\nkind = "publish"\ninterval = "15m"\n'
             '[schedules.wire]\nkind = "ingest"\ncron = "0 6 * * *"\ntimezone = "Asia/Beirut"\nsource = "{missing}"\n')


def test_status_reports_jobs_feeds_and_held_back_items(tmp_path, store_url):
    path = make_site(tmp_path, store_url, extra=SCHEDULES.format(missing=tmp_path / "nowhere.jsonl"))
    config = load_config(path, env={})
    store = open_store(config.store_url)
    try:
        store.articles.upsert_many([make_article(1, id="open", published=NOW - timedelta(hours=2)),
                           make_article(2, id="later", published=NOW - timedelta(hours=1),
                                        embargo=NOW + timedelta(hours=3))], NOW - timedelta(hours=2))
        JobRunner(config, store, clock=lambda: NOW).catch_up()
    finally:
        store.close()
    runner = CliRunner()
    result = runner.invoke(main, ["--config", str(path), "status", "--json", "--now", NOW.isoformat()])
    assert result.exit_code == 1, result.output          # the ingest job's last run failed
    data = json.loads(result.output)
    jobs = {j["name"]: j for j in data["jobs"]}
    assert jobs["publish-all"]["schedule"] == "every 15m UTC"
    assert jobs["publish-all"]["next_run"] == "2026-11-27T12:15:00Z"
    assert jobs["publish-all"]["last_run"]["status"] == "success"
    assert jobs["publish-all"]["last_run"]["fire_time"] == "2026-11-27T12:00:00Z"
    assert jobs["publish-all"]["failures_in_a_row"] == 0
    assert jobs["wire"]["schedule"] == "cron 0 6 * * * Asia/Beirut"
    assert jobs["wire"]["next_run"] == "2026-11-28T04:00:00Z"      # 06:00 in Beirut (UTC+2)
    assert jobs["wire"]["last_run"]["status"] == "failed" and "nowhere.jsonl" in jobs["wire"]["last_run"]["error"]
    assert jobs["wire"]["failures_in_a_row"] == 1
    feeds = {f["path"]: f for f in data["feeds"]}
    assert len(feeds) == 30 and feeds["en/politics/rss.xml"]["items"] == 1
    assert len(feeds["en/politics/rss.xml"]["sha256"]) == 64 and feeds["en/politics/rss.xml"]["size"] > 0
    held = data["held_back"]
    assert held["embargoed"] == 1 and held["embargo_list"][0]["id"] == "later"
    assert held["embargo_list"][0]["until"] == "2026-11-27T15:07:00Z"
    assert data["pending_translations"] == {}
    text = runner.invoke(main, ["--config", str(path), "status", "--now", NOW.isoformat()])
    assert "publish-all  publish" in text.output and "en/politics/rss.xml" in text.output
    assert "1 embargoed" in text.output and "embargoed later (en/politics) until 2026-11-27T15:07:00Z" in text.output


def test_status_counts_pending_machine_translations(tmp_path):
    """Originals without a translation in a target language are pending until translated."""
    path = make_site(tmp_path, extra='[translation]\ntargets = ["fr"]\nengine = "identity"\n')
    config = load_config(path, env={})
    store = open_store(config.store_url)
    try:
        store.articles.upsert_many([make_article(n, id=f"p{n}") for n in range(3)], NOW)
    finally:
        store.close()
    result = CliRunner().invoke(main, ["--config", str(path), "status", "--json", "--now", NOW.isoformat()])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["pending_translations"] == {"fr": 3}
