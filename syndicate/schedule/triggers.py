"""Triggers and fire-time arithmetic for operator schedules. Pure: no clock, no I/O.

* Cron schedules use APScheduler's ``CronTrigger`` in the schedule's IANA zone. On a fall-back day a fixed
  wall-clock time (hour field not ``*``) happens twice; it fires only at the first of the two instants, as
  cron does. A time inside the spring-forward gap fires once, at the same offset as before the change
  (02:30 in a gap that skips 02:00–03:00 fires at 03:30 local).
* Interval schedules are anchored at 2000-01-01 00:00 in their zone, not at process start, so every process
  (and every restart) computes the same fire times: the ``(job, fire_time)`` key of the run ledger.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from syndicate.config import Schedule
from syndicate.errors import SchedulerError

ANCHOR = datetime(2000, 1, 1)
_MICRO = timedelta(microseconds=1)


def _repeated_wall_time(fire: datetime) -> bool:
    """True for the second instant of an ambiguous local time (the hour repeated on a fall-back day)."""
    if not fire.fold:
        return False
    return fire.replace(fold=0).utcoffset() != fire.utcoffset()


class ZonedCronTrigger(CronTrigger):  # type: ignore[misc]
    """``CronTrigger`` that fires a fixed wall-clock time once on a fall-back day."""

    def __init__(self, *args: object, skip_repeated: bool = True, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.skip_repeated = skip_repeated

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        fire: datetime | None = super().get_next_fire_time(previous_fire_time, now)
        while fire is not None and self.skip_repeated and _repeated_wall_time(fire):
            fire = super().get_next_fire_time(fire, fire)
        return fire


def build_trigger(schedule: Schedule) -> BaseTrigger:
    """The APScheduler trigger of ``schedule`` (in its own zone)."""
    zone = ZoneInfo(schedule.timezone)
    try:
        if schedule.cron is not None:
            fields = schedule.cron.split()
            base = CronTrigger.from_crontab(schedule.cron, timezone=zone)
            trigger = ZonedCronTrigger(timezone=zone, skip_repeated=len(fields) == 5 and fields[1] != "*",
                                       **{f.name: str(f) for f in base.fields if not f.is_default})
            return trigger
        return IntervalTrigger(seconds=schedule.interval_seconds, start_date=ANCHOR.replace(tzinfo=zone),
                               timezone=zone)
    except (ValueError, TypeError) as exc:
        raise SchedulerError("cannot build the trigger", context=schedule.name) from exc


def next_fire(schedule: Schedule, now: datetime, trigger: BaseTrigger | None = None) -> datetime | None:
    """The first fire time strictly after ``now`` (UTC)."""
    trigger = trigger or build_trigger(schedule)
    fire = trigger.get_next_fire_time(None, now + _MICRO)
    return fire.astimezone(UTC) if fire else None


def previous_fire(schedule: Schedule, now: datetime, trigger: BaseTrigger | None = None) -> datetime | None:
    """The latest fire time at or before ``now`` (UTC), or None if the schedule never fired yet."""
    trigger = trigger or build_trigger(schedule)
    back = timedelta(seconds=schedule.interval_seconds or 60)
    for _ in range(24):                  # looks back up to ~ 4**24 periods: far beyond any calendar
        fire: datetime | None = trigger.get_next_fire_time(None, now - back)
        if fire is not None and fire <= now:
            while True:
                following: datetime | None = trigger.get_next_fire_time(fire, fire)
                if following is None or following > now:
                    return fire.astimezone(UTC)
                fire = following
        back *= 4
    return None


def fire_times(schedule: Schedule, start: datetime, end: datetime) -> Iterator[datetime]:
    """Every fire time in ``[start, end)``, in UTC, in order."""
    trigger = build_trigger(schedule)
    fire = trigger.get_next_fire_time(None, start)
    while fire is not None and fire < end:
        yield fire.astimezone(UTC)
        fire = trigger.get_next_fire_time(fire, fire)


def period_seconds(schedule: Schedule, now: datetime) -> float:
    """The schedule's period around ``now``: its interval, or the gap between the next two cron fires."""
    if schedule.interval_seconds:
        return float(schedule.interval_seconds)
    trigger = build_trigger(schedule)
    first = trigger.get_next_fire_time(None, now)
    second = trigger.get_next_fire_time(first, first) if first else None
    if first is None or second is None:
        return 86400.0
    return max(float((second - first).total_seconds()), 1.0)


def grace_seconds(schedule: Schedule, now: datetime) -> int:
    """APScheduler ``misfire_grace_time``: a run late by up to one period still runs (``catch_up``);
    with ``misfire = "skip"`` a run more than a few seconds late is dropped."""
    if schedule.misfire == "skip":
        return 5
    return max(int(period_seconds(schedule, now)), 1)
