"""Schedules from config: validation, triggers and fire times across DST, driven by a controllable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sites import make_site

from syndicate.config import Schedule, load_config
from syndicate.errors import ConfigError
from syndicate.schedule import JobRunner, fire_times, grace_seconds, next_fire, previous_fire
from syndicate.store import open_store


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.mark.parametrize("body, key, words", [
    ('kind = "publish"\ncron = "61 * * * *"', "schedules.nightly.cron", "bad cron"),
    ('kind = "publish"\ncron = "0 6 * * *"\ntimezone = "Mars/Olympus"', "schedules.nightly.timezone", "Mars/Olympus"),
    ('kind = "publish"\ninterval = "15m"\nfeeds = ["en/sport"]', "schedules.nightly.feeds", "unknown category"),
    ('kind = "ingest"\ninterval = "1h"\nsource = "x.jsonl"\ncategory = "sport"', "schedules.nightly.category",
     "unknown category"),
    ('kind = "publish"\ninterval = "soon"', "schedules.nightly.interval", "interval"),
    ('kind = "publish"\ncron = "0 6 * * *"\ninterval = "1h"', "schedules.nightly.cron", "exactly one"),
    ('kind = "publish"\ninterval = "1h"\nmisfire = "later"', "schedules.nightly.misfire", "catch_up"),
    ('kind = "backup"\ninterval = "1h"', "schedules.nightly.kind", "unknown kind"),
])
def test_schedule_errors_name_the_job_and_field(tmp_path, body, key, words):
    """A bad schedule fails config loading with the job name and the field in the message."""
    path = make_site(tmp_path, extra=f"[schedules.nightly]\n{body}\n")
    with pytest.raises(ConfigError) as info:
        load_config(path, env={})
    assert info.value.key == key and words in str(info.value)
    assert "nightly" in str(info.value)


def test_cron_in_new_york_follows_local_nine_across_the_fall_back():
    """09:00 America/New_York is 13:00Z in EDT and 14:00Z in EST: one run per day across 1 Nov 2026."""
    s = Schedule(name="morning", kind="publish", cron="0 9 * * *", timezone="America/New_York")
    got = list(fire_times(s, utc(2026, 10, 30), utc(2026, 11, 4)))
    assert got == [utc(2026, 10, 30, 13), utc(2026, 10, 31, 13), utc(2026, 11, 1, 14), utc(2026, 11, 2, 14),
                   utc(2026, 11, 3, 14)]


def test_fixed_time_in_the_repeated_hour_fires_once_and_gap_time_fires_once():
    """02:30 Europe/Berlin: on the fall-back day 02:30 happens twice but fires once (the first); on the
    spring-forward day 02:30 does not exist and fires once, at 03:30 CEST."""
    s = Schedule(name="night", kind="prune", cron="30 2 * * *", timezone="Europe/Berlin")
    autumn = list(fire_times(s, utc(2026, 10, 24), utc(2026, 10, 27)))
    assert autumn == [utc(2026, 10, 24, 0, 30), utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)]
    spring = list(fire_times(s, utc(2026, 3, 28), utc(2026, 3, 31)))
    assert spring == [utc(2026, 3, 28, 1, 30), utc(2026, 3, 29, 1, 30), utc(2026, 3, 30, 0, 30)]


def test_half_hourly_cron_keeps_both_repeated_half_hours():
    """A cron with a wildcard hour is about elapsed time: the repeated hour fires twice (every 30 min)."""
    s = Schedule(name="often", kind="publish", cron="*/30 * * * *", timezone="Europe/Berlin")
    got = list(fire_times(s, utc(2026, 10, 24, 23), utc(2026, 10, 25, 2)))
    assert got == [utc(2026, 10, 24, 23) + timedelta(minutes=30 * i) for i in range(6)]


def test_interval_fire_times_do_not_depend_on_process_start():
    """Every process computes the same fire times (the ledger key): anchored, not relative to start."""
    s = Schedule(name="p", kind="publish", interval_seconds=900)
    assert previous_fire(s, utc(2026, 3, 2, 10, 7, 59)) == utc(2026, 3, 2, 10, 0)
    assert previous_fire(s, utc(2026, 3, 2, 10, 15)) == utc(2026, 3, 2, 10, 15)
    assert next_fire(s, utc(2026, 3, 2, 10, 15)) == utc(2026, 3, 2, 10, 30)
    assert grace_seconds(s, utc(2026, 3, 2)) == 900
    daily = Schedule(name="d", kind="publish", cron="0 6 * * *", timezone="Asia/Beirut")
    assert grace_seconds(daily, utc(2026, 3, 2)) == 86400
    assert grace_seconds(Schedule(name="s", kind="publish", interval_seconds=900, misfire="skip"),
                         utc(2026, 3, 2)) < 900


def test_runner_records_the_local_instants_across_dst_with_a_hand_moved_clock(tmp_path):
    """The runner, woken every hour by a test clock from 30 Oct to 3 Nov, runs the New York 09:00 job once
    per day at the right UTC instant: the fire times recorded in the ledger."""
    config = load_config(make_site(tmp_path, extra='[schedules.morning]\nkind = "prune"\ncron = "0 9 * * *"\n'
                                                  'timezone = "America/New_York"\n'), env={})
    store = open_store(config.store_url)
    clock = Clock(utc(2026, 10, 30, 0, 0))
    runner = JobRunner(config, store, clock=clock)
    try:
        runner.execute("morning")            # before any fire time in the window: the previous day's 09:00
        while clock.now < utc(2026, 11, 3, 23):
            clock.now += timedelta(hours=1)
            runner.execute("morning")
        fired = sorted(r.fire_time for r in runner.ledger.recent("morning", limit=50))
    finally:
        store.close()
    assert fired == [utc(2026, 10, 29, 13), utc(2026, 10, 30, 13), utc(2026, 10, 31, 13), utc(2026, 11, 1, 14),
                     utc(2026, 11, 2, 14), utc(2026, 11, 3, 14)]
