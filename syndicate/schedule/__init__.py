"""Operator schedules: triggers from config, the job runner (exactly-once per fire time), the long-running
service (`syndicate run`).

* :mod:`.triggers`: APScheduler 3.11 triggers built from :class:`~syndicate.config.Schedule`, plus the pure
  fire-time arithmetic (previous/next fire, period, grace) the runner and ``status`` share.
* :mod:`.runner`: :class:`JobRunner` runs one job for one fire time under the job's store lock and records
  it in the run ledger; the clock is injected, so tests drive it without sleeping.
* :mod:`.service`: :class:`SchedulerService` wires the runner into a ``BackgroundScheduler`` (UTC, coalesce,
  ``max_instances=1``, grace = period), catches up overdue jobs at start, reloads on SIGHUP, stops on SIGTERM.
"""

from __future__ import annotations

from syndicate.schedule.runner import JobRunner, RunOutcome
from syndicate.schedule.triggers import (
    build_trigger,
    fire_times,
    grace_seconds,
    next_fire,
    period_seconds,
    previous_fire,
)

__all__ = ["JobRunner", "RunOutcome", "build_trigger", "fire_times", "grace_seconds", "next_fire",
           "period_seconds", "previous_fire"]
