"""Run one scheduled job for one fire time, exactly once across every process that shares the store.

``run_fire(schedule, fire_time)``: take the job's store lock (waiting up to one grace period), claim the
``(job, fire_time)`` row of the run ledger (None: it already ran), do the work, record the outcome and log
one line with the run id. The clock is injected (``clock()`` returns aware UTC), so tests drive the runner
at chosen instants without sleeping. Nothing here talks to APScheduler: :mod:`.service` does.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from syndicate.config import Config, Schedule
from syndicate.errors import LockedError, SyndicateError
from syndicate.schedule.triggers import grace_seconds, previous_fire
from syndicate.store import Store
from syndicate.store.runs import FAILED, INTERRUPTED, SUCCESS, Run

log = logging.getLogger("syndicate.run")
Clock = Callable[[], datetime]
#: a job's work: returns (status, error or None, counts)
Work = Callable[["JobRunner", Schedule, Run, datetime], "tuple[str, str | None, dict[str, Any]]"]


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class RunOutcome:
    """What ``run_fire`` did: the finished run, or why nothing ran (``skipped``)."""

    job: str
    fire_time: datetime
    run: Run | None = None
    skipped: str | None = None


class JobRunner:
    """Runs the jobs of one config against one store."""

    def __init__(self, config: Config, store: Store, *, clock: Clock = system_clock,
                 stop: threading.Event | None = None, owner: str | None = None,
                 lock_timeout: float | None = None) -> None:
        self.config = config             # replaced as a whole on reload (SIGHUP)
        self.store = store
        self.clock = clock
        self.stop = stop or threading.Event()
        self.ledger = store.runs.as_owner(owner)
        self.lock_timeout = lock_timeout

    def schedule(self, name: str) -> Schedule | None:
        return next((s for s in self.config.schedules if s.name == name), None)

    # -- catch-up --------------------------------------------------------------------------------------
    def overdue(self, now: datetime, schedule: Schedule) -> datetime | None:
        """The fire time to catch up at ``now``: the latest one, when the last success is older and it has
        not run to completion yet (``misfire = "skip"`` never catches up)."""
        if schedule.misfire != "catch_up":
            return None
        fire = previous_fire(schedule, now)
        if fire is None:
            return None
        last = self.ledger.last_success(schedule.name)
        if last is not None and last.fire_time >= fire:
            return None
        done = self.ledger.get(schedule.name, fire)
        if done is not None and done.status in (SUCCESS, FAILED):
            return None
        return fire

    def catch_up(self) -> list[RunOutcome]:
        """Run once every job that is overdue now (start of ``syndicate run``, ``run --once``)."""
        out = []
        for schedule in self.config.schedules:
            if self.stop.is_set():
                break
            fire = self.overdue(self.clock(), schedule)
            if fire is not None:
                out.append(self.run_fire(schedule, fire))
        return out

    # -- running ---------------------------------------------------------------------------------------
    def execute(self, name: str) -> list[RunOutcome]:
        """APScheduler's entry point: run ``name`` for its latest fire time, then for any newer fire time
        that passed meanwhile (APScheduler drops a fire while the previous instance still runs)."""
        outcomes: list[RunOutcome] = []
        done: datetime | None = None
        for _ in range(4):
            schedule = self.schedule(name)
            if schedule is None or self.stop.is_set():
                break
            fire = previous_fire(schedule, self.clock())
            if fire is None or (done is not None and fire <= done):
                break
            outcomes.append(self.run_fire(schedule, fire))
            done = fire
        return outcomes

    def run_fire(self, schedule: Schedule, fire_time: datetime) -> RunOutcome:
        """Run ``schedule`` for ``fire_time`` unless that fire time already ran (here or elsewhere)."""
        timeout = self.lock_timeout if self.lock_timeout is not None else grace_seconds(schedule, fire_time)
        try:
            with self.store.locks.hold(f"job:{schedule.name}", timeout=timeout):
                run = self.ledger.claim(schedule.name, schedule.kind, fire_time, self.clock())
                if run is None:
                    log.info("job %s fire %s already ran: skipped", schedule.name, fire_time.isoformat(),
                             extra={"job": schedule.name})
                    return RunOutcome(schedule.name, fire_time, skipped="already ran")
                return RunOutcome(schedule.name, fire_time, run=self._work(schedule, run))
        except LockedError as exc:
            log.warning("job %s fire %s skipped: %s", schedule.name, fire_time.isoformat(), exc,
                        extra={"job": schedule.name})
            return RunOutcome(schedule.name, fire_time, skipped="locked")

    def _work(self, schedule: Schedule, run: Run) -> Run:
        from syndicate.schedule.kinds import KINDS

        started = self.clock()
        try:
            status, error, counts = KINDS[schedule.kind](self, schedule, run, started)
        except SyndicateError as exc:
            status, error, counts = FAILED, str(exc), {}
        except Exception as exc:
            log.exception("run %d %s crashed", run.id, schedule.name, extra={"run_id": run.id, "job": schedule.name})
            status, error, counts = FAILED, f"unexpected {type(exc).__name__}: {exc}", {}
        finished = self.clock()
        done = self.ledger.finish(run, status, finished, error=error, counts=counts)
        seconds = (finished - started).total_seconds()
        summary = " ".join(f"{k}={v}" for k, v in sorted(counts.items()) if not isinstance(v, (list, dict)))
        extra = {"run_id": run.id, "job": schedule.name}
        line = (f"run {run.id} {schedule.name} ({schedule.kind}) fire={run.fire_time.isoformat()} {status} "
                f"in {seconds:.2f}s {summary}").rstrip()
        if status == SUCCESS:
            log.info("%s", line, extra=extra)
        elif status == INTERRUPTED:
            log.warning("%s", line, extra=extra)
        else:
            log.error("%s: %s", line, error, extra=extra)
        return done
