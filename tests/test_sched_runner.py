"""The job runner and the scheduler service, driven by a test clock (no sleeps), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import pytest
from sites import make_site

from syndicate.config import load_config
from syndicate.ingest.usecase import ingest
from syndicate.schedule import JobRunner
from syndicate.schedule.service import SchedulerService
from syndicate.store import open_store
from syndicate.store.runs import FAILED, INTERRUPTED, RUNNING, SUCCESS

T0 = datetime(2026, 11, 27, 12, 7, tzinfo=UTC)        # 7 minutes after a 15-minute fire time
SAMPLE = str(resources.files("syndicate") / "data" / "sample-articles.jsonl")
PUBLISH = '[schedules.publish-all]\nkind = "publish"\ninterval = "15m"\n'


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def site(tmp_path, store_url):
    def build(extra: str = PUBLISH):
        config = load_config(make_site(tmp_path, store_url, extra=extra), env={})
        return config

    stores = []

    def opened(config):
        store = open_store(config.store_url)
        stores.append(store)
        return store

    yield build, opened
    for s in stores:
        s.close()


def test_fresh_site_publishes_at_start_then_only_once_per_fire_time(site):
    """A never-run publish job is overdue at start: it runs once for the latest fire time; asking again
    in the same period runs nothing; the next fire time runs once more."""
    build, opened = site
    config = build()
    store = opened(config)
    ingest(config, store, SAMPLE, T0)
    clock = Clock(T0)
    runner = JobRunner(config, store, clock=clock)
    [first] = runner.catch_up()
    assert first.fire_time == datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    assert first.run.status == SUCCESS and first.run.counts["written"] == 30
    assert (config.output.dir / "en/all/atom.xml").is_file()
    assert runner.catch_up() == []                                    # not overdue any more
    assert runner.execute("publish-all")[0].skipped == "already ran"  # a second fire of the same time
    clock.now = T0 + timedelta(minutes=10)                            # 12:17: the 12:15 fire
    [second] = runner.execute("publish-all")
    assert second.fire_time == datetime(2026, 11, 27, 12, 15, tzinfo=UTC)
    assert second.run.status == SUCCESS and second.run.counts["written"] == 0 and second.run.counts["rendered"] == 0
    assert runner.ledger.count("publish-all") == 2


def test_downtime_is_caught_up_once_not_per_missed_fire(site):
    """After 3 hours down (12 missed fires), start runs the job once, for the latest fire time."""
    build, opened = site
    config = build()
    store = opened(config)
    runner = JobRunner(config, store, clock=Clock(T0))
    runner.catch_up()
    later = JobRunner(config, store, clock=Clock(T0 + timedelta(hours=3)))
    outcomes = later.catch_up()
    assert [o.fire_time for o in outcomes] == [datetime(2026, 11, 27, 15, 0, tzinfo=UTC)]
    assert later.ledger.count("publish-all") == 2


def test_a_dead_runners_row_is_taken_over_and_finished(site):
    """A row left 'running' by a killed process is re-run (attempt 2) by the next runner, not lost."""
    build, opened = site
    config = build()
    store = opened(config)
    ledger = store.runs.as_owner("dead-host:1")
    fire = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    stale = ledger.claim("publish-all", "publish", fire, T0)
    assert stale.status == RUNNING
    [outcome] = JobRunner(config, store, clock=Clock(T0)).catch_up()
    assert outcome.run.id == stale.id and outcome.run.attempts == 2 and outcome.run.status == SUCCESS
    assert ledger.count("publish-all") == 1


def test_stop_interrupts_a_publish_and_the_next_start_finishes_it(site, monkeypatch):
    """SIGTERM's stop event, set while the third file is being written: that write completes, the run is
    recorded 'interrupted'; the next start catches up that fire time and renders only what is missing."""
    from syndicate.deliver.files import FileSink

    build, opened = site
    config = build()
    store = opened(config)
    ingest(config, store, SAMPLE, T0)
    runner = JobRunner(config, store, clock=Clock(T0))
    deliver = FileSink.deliver
    writes = []

    def deliver_then_signal(self, path, body):
        done = deliver(self, path, body)
        writes.append(path)
        if len(writes) == 3:
            runner.stop.set()               # what the SIGTERM handler does
        return done

    monkeypatch.setattr(FileSink, "deliver", deliver_then_signal)
    [cut] = runner.catch_up()
    assert cut.run.status == INTERRUPTED and cut.run.counts["written"] == 3
    assert all((config.output.dir / p).is_file() for p in writes)
    again = JobRunner(config, store, clock=Clock(T0 + timedelta(minutes=1)))
    [rest] = again.catch_up()
    assert rest.run.id == cut.run.id and rest.run.status == SUCCESS and rest.run.attempts == 2
    assert rest.run.counts["rendered"] == 27 and rest.run.counts["skipped"] == 3
    assert len([w for w in writes if not w.endswith(("index.html", "feeds.opml"))]) == 30   # + the front door


def test_failures_in_a_row_count_back_to_the_last_success(site, tmp_path):
    """An ingest job whose source is missing fails; each fire time fails once; a later success resets."""
    build, opened = site
    source = tmp_path / "wire.jsonl"
    config = build(f'[schedules.wire]\nkind = "ingest"\ninterval = "5m"\nsource = "{source}"\n')
    store = opened(config)
    clock = Clock(T0)
    runner = JobRunner(config, store, clock=clock)
    for _ in range(3):
        [o] = runner.execute("wire")
        assert o.run.status == FAILED and "wire.jsonl" in o.run.error
        clock.now += timedelta(minutes=5)
    assert runner.ledger.failures_in_a_row("wire") == 3
    source.write_text(Path(SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    [ok] = runner.execute("wire")
    assert ok.run.status == SUCCESS and ok.run.counts["inserted"] == 12
    assert runner.ledger.failures_in_a_row("wire") == 0


def test_reload_reconciles_added_removed_and_changed_jobs(site, tmp_path):
    """SIGHUP's reload: a new job is added (and caught up at once), a removed one leaves the scheduler,
    a changed one gets its new trigger; the ledger keeps every past run."""
    build, opened = site
    config = build(PUBLISH + '[schedules.old]\nkind = "prune"\ncron = "0 4 * * *"\n')
    store = opened(config)
    runner = JobRunner(config, store, clock=Clock(T0))
    runner.catch_up()
    service = SchedulerService(runner, config.path, loader=lambda p: load_config(p, env={}))
    service.scheduler.start(paused=True)
    try:
        service.reconcile((), config.schedules)
        assert {j.id for j in service.scheduler.get_jobs()} == {"publish-all", "old"}
        make_site(tmp_path, config.store_url, extra='[schedules.publish-all]\nkind = "publish"\ninterval = "5m"\n'
                                                    '[schedules.fresh]\nkind = "prune"\ncron = "0 3 * * *"\n')
        changes = service.reload()
        assert changes == {"added": ["fresh"], "removed": ["old"], "changed": ["publish-all"]}
        jobs_now = {j.id: j for j in service.scheduler.get_jobs()}
        assert set(jobs_now) == {"publish-all", "fresh"}
        assert jobs_now["publish-all"].trigger.interval == timedelta(minutes=5)
        # the new job never ran: it is due at once; the changed one ran this period: not due
        assert runner.overdue(T0, runner.schedule("fresh")) is not None
        assert runner.ledger.count("old") == 1 and runner.ledger.count("publish-all") == 1
        make_site(tmp_path, config.store_url, extra='[schedules.broken]\nkind = "prune"\ncron = "99 * * * *"\n')
        assert service.reload() is None                      # a bad config is refused, the old one kept
        assert {j.id for j in service.scheduler.get_jobs()} == {"publish-all", "fresh"}
    finally:
        service.scheduler.shutdown(wait=False)
