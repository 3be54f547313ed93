"""`syndicate run`: APScheduler 3.11 as a timer around :class:`~.runner.JobRunner`.

APScheduler alone is at-most-once (it moves ``next_run_time`` before the job runs), drops runs missed during
downtime and cannot share a job store between processes. So it only says *when*: the config is the source
of truth (a memory job store rebuilt from it), the run ledger says *what already ran*, and:

* the scheduler runs in UTC with ``coalesce=True``, ``max_instances=1`` and a grace time of one period;
* at start every overdue job (last success older than its latest fire time) runs once, at once;
* a fire APScheduler reports as missed (process suspended, clock jump) is run at once too;
* SIGTERM/SIGINT set the stop event: the running publish ends after the file it is writing, its run is
  recorded ``interrupted`` (the next start catches it up), then the process exits 0;
* SIGHUP reloads the config and reconciles jobs: added, removed and changed ones; nothing of the catch-up
  state is lost because it lives in the store, not in APScheduler.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from apscheduler.events import EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler

from syndicate.config import Config, Schedule, load_config
from syndicate.errors import SchedulerError, SyndicateError
from syndicate.schedule.runner import JobRunner
from syndicate.schedule.triggers import build_trigger, grace_seconds
from syndicate.times import UTC

log = logging.getLogger("syndicate.scheduler")


class SchedulerService:
    """One ``syndicate run`` process."""

    def __init__(self, runner: JobRunner, config_path: str | Path | None = None,
                 loader: Callable[[str | Path | None], Config] | None = None) -> None:
        self.runner = runner
        self.config_path = config_path
        self.loader = loader or (lambda path: load_config(path))
        self.reload_requested = threading.Event()
        self._wake = threading.Event()
        self.scheduler = BackgroundScheduler(
            timezone=UTC, executors={"default": ThreadPoolExecutor(max_workers=4)},
            job_defaults={"coalesce": True, "max_instances": 1})
        self.scheduler.add_listener(self._on_missed, EVENT_JOB_MISSED)

    # -- jobs ------------------------------------------------------------------------------------------
    def _add(self, schedule: Schedule, now: datetime) -> None:
        overdue = self.runner.overdue(now, schedule)
        kwargs: dict[str, Any] = {"next_run_time": now} if overdue is not None else {}
        self.scheduler.add_job(self.runner.execute, trigger=build_trigger(schedule), args=[schedule.name],
                               id=schedule.name, name=f"{schedule.kind}:{schedule.name}",
                               misfire_grace_time=grace_seconds(schedule, now), replace_existing=True, **kwargs)
        log.info("job %s (%s) scheduled%s", schedule.name, schedule.kind,
                 f"; overdue since {overdue.isoformat()}: catching up now" if overdue else "",
                 extra={"job": schedule.name})

    def reconcile(self, old: tuple[Schedule, ...], new: tuple[Schedule, ...]) -> dict[str, list[str]]:
        """Make the scheduler's jobs match ``new``; returns the names added, removed, changed."""
        now = self.runner.clock()
        before = {s.name: s for s in old}
        after = {s.name: s for s in new}
        changes: dict[str, list[str]] = {"added": [], "removed": [], "changed": []}
        for name in before.keys() - after.keys():
            if self.scheduler.get_job(name) is not None:
                self.scheduler.remove_job(name)
            changes["removed"].append(name)
        for name, schedule in after.items():
            if name not in before or self.scheduler.get_job(name) is None:
                self._add(schedule, now)
                changes["added"].append(name)
            elif before[name] != schedule:
                self._add(schedule, now)
                changes["changed"].append(name)
        return {k: sorted(v) for k, v in changes.items()}

    def reload(self) -> dict[str, list[str]] | None:
        """Load the config file again and reconcile; a bad config is logged and the old one kept."""
        try:
            config = self.loader(self.config_path)
        except SyndicateError as exc:
            log.error("reload failed, keeping the running config: %s", exc)
            return None
        if config.store_url != self.runner.config.store_url:
            log.error("reload: store.url changed; restart `syndicate run` to switch stores (keeping the old one)")
            config = replace(config, store_url=self.runner.config.store_url)
        old = self.runner.config.schedules
        self.runner.config = config
        changes = self.reconcile(old, config.schedules)
        log.info("config reloaded: added %s, removed %s, changed %s", changes["added"] or "-",
                 changes["removed"] or "-", changes["changed"] or "-")
        return changes

    def _on_missed(self, event: JobExecutionEvent) -> None:
        schedule = self.runner.schedule(event.job_id)
        if schedule is None or schedule.misfire != "catch_up" or self.runner.stop.is_set():
            return
        log.warning("job %s missed its fire at %s: running it now", event.job_id,
                    event.scheduled_run_time.isoformat(), extra={"job": event.job_id})
        with contextlib.suppress(LookupError):
            self.scheduler.modify_job(event.job_id, next_run_time=self.runner.clock())

    # -- life cycle ------------------------------------------------------------------------------------
    def start(self) -> None:
        if not self.runner.config.schedules:
            raise SchedulerError("no schedules configured (add a [schedules.NAME] table)",
                                 context=str(self.config_path or ""))
        self.scheduler.start(paused=True)
        self.reconcile((), self.runner.config.schedules)
        self.scheduler.resume()

    def request_stop(self, *_: Any) -> None:
        self.runner.stop.set()
        self._wake.set()

    def request_reload(self, *_: Any) -> None:
        self.reload_requested.set()
        self._wake.set()

    def install_signal_handlers(self) -> None:
        signal.signal(signal.SIGTERM, self.request_stop)
        signal.signal(signal.SIGINT, self.request_stop)
        signal.signal(signal.SIGHUP, self.request_reload)

    def serve_forever(self) -> None:
        """Start, then wait for signals; returns after a clean stop (running jobs finish or interrupt)."""
        self.start()
        log.info("scheduler running with %d job(s)", len(self.runner.config.schedules))
        try:
            while not self.runner.stop.is_set():
                self._wake.wait(timeout=60)
                self._wake.clear()
                if self.reload_requested.is_set() and not self.runner.stop.is_set():
                    self.reload_requested.clear()
                    self.reload()
        finally:
            self.scheduler.shutdown(wait=True)
            log.info("scheduler stopped")
