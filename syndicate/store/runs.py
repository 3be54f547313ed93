"""The run ledger: one ``job_runs`` row per (job, fire time), the record that makes runs exactly-once.

:meth:`Runs.claim` must be called while holding the job's store lock (see :mod:`syndicate.store.locks`);
then a row still marked ``running`` can only belong to a process that died (``kill -9``, power loss), and
the claimant takes it over. A row that is ``success`` or ``failed`` is never run again. The unique
``(job, fire_time)`` constraint is the last line of defence when two claimants race anyway.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, desc, func, insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from syndicate.errors import SchedulerError
from syndicate.store.db import Database
from syndicate.store.schema import job_runs
from syndicate.times import utc

RUNNING, SUCCESS, FAILED, INTERRUPTED = "running", "success", "failed", "interrupted"
DONE = (SUCCESS, FAILED)


def default_owner() -> str:
    """``host:pid`` of this process."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class Run:
    id: int
    job: str
    kind: str
    fire_time: datetime
    started: datetime
    finished: datetime | None
    status: str
    error: str | None
    counts: dict[str, Any]
    owner: str
    attempts: int


def _run(row: RowMapping) -> Run:
    return Run(id=int(row["id"]), job=row["job"], kind=row["kind"], fire_time=utc(row["fire_time"]),
               started=utc(row["started"]), finished=utc(row["finished"]), status=row["status"],
               error=row["error"], counts=json.loads(row["counts"]) if row["counts"] else {}, owner=row["owner"],
               attempts=int(row["attempts"]))


class Runs:
    """Reads and writes ``job_runs`` of one store. ``owner`` names the process that claims and finishes runs."""

    def __init__(self, db: Database, owner: str | None = None) -> None:
        self.db = db
        self.owner = owner or default_owner()

    def as_owner(self, owner: str | None) -> Runs:
        """The same ledger acting for another owner (a runner passes its own name)."""
        return self if owner is None or owner == self.owner else Runs(self.db, owner)

    def _fail(self, what: str, exc: Exception) -> SchedulerError:
        err = SchedulerError(f"cannot {what} the run ledger")
        err.__cause__ = exc
        return err

    def get(self, job: str, fire_time: datetime) -> Run | None:
        try:
            with self.db.engine.connect() as conn:
                row = conn.execute(select(job_runs).where(job_runs.c.job == job,
                                                          job_runs.c.fire_time == fire_time)).mappings().first()
        except SQLAlchemyError as exc:
            raise self._fail("read", exc) from exc
        return _run(row) if row else None

    def claim(self, job: str, kind: str, fire_time: datetime, now: datetime) -> Run | None:
        """Start the run of ``job`` for ``fire_time``; None when that fire time already ran (or runs elsewhere).

        Call with the job lock held: a ``running``/``interrupted`` row is then an unfinished run of a dead or
        stopped process, and is taken over (``attempts`` + 1).
        """
        try:
            with self.db.write_engine.begin() as conn:
                row = conn.execute(select(job_runs).where(job_runs.c.job == job, job_runs.c.fire_time == fire_time)
                                   ).mappings().first()
                if row is None:
                    inserted = conn.execute(insert(job_runs).values(
                        job=job, kind=kind, fire_time=fire_time, started=now, status=RUNNING, owner=self.owner,
                        attempts=1)).inserted_primary_key
                    assert inserted is not None
                    run_id = inserted[0]
                elif row["status"] in DONE:
                    return None
                else:
                    run_id = row["id"]
                    same = (job_runs.c.id == run_id) & (job_runs.c.status == row["status"])
                    took = conn.execute(update(job_runs).where(same)
                                        .values(status=RUNNING, started=now, finished=None, error=None,
                                                owner=self.owner,
                                                attempts=job_runs.c.attempts + 1))
                    if took.rowcount != 1:
                        return None
                found = conn.execute(select(job_runs).where(job_runs.c.id == run_id)).mappings().one()
        except IntegrityError:
            return None          # a racing claimant inserted the same (job, fire time) first
        except SQLAlchemyError as exc:
            raise self._fail("write", exc) from exc
        return _run(found)

    def finish(self, run: Run, status: str, now: datetime, *, error: str | None = None,
               counts: Mapping[str, Any] | None = None) -> Run:
        """Record the outcome of a claimed run (only if this process still owns it)."""
        values = dict(status=status, finished=now, error=error,
                      counts=json.dumps(dict(counts or {}), sort_keys=True, ensure_ascii=False, default=str))
        try:
            with self.db.write_engine.begin() as conn:
                conn.execute(update(job_runs).where(job_runs.c.id == run.id, job_runs.c.owner == self.owner)
                             .values(**values))
                row = conn.execute(select(job_runs).where(job_runs.c.id == run.id)).mappings().one()
        except SQLAlchemyError as exc:
            raise self._fail("write", exc) from exc
        return _run(row)

    # -- queries ---------------------------------------------------------------------------------------
    def last_success(self, job: str) -> Run | None:
        """The successful run with the newest fire time."""
        return self._first(and_(job_runs.c.job == job, job_runs.c.status == SUCCESS), job_runs.c.fire_time)

    def last_run(self, job: str) -> Run | None:
        """The most recently started run, whatever its outcome."""
        return self._first(job_runs.c.job == job, job_runs.c.started)

    def _first(self, where: Any, order: Any) -> Run | None:
        try:
            with self.db.engine.connect() as conn:
                row = conn.execute(select(job_runs).where(where).order_by(desc(order), desc(job_runs.c.id))
                                   .limit(1)).mappings().first()
        except SQLAlchemyError as exc:
            raise self._fail("read", exc) from exc
        return _run(row) if row else None

    def recent(self, job: str | None = None, limit: int = 20) -> list[Run]:
        query = select(job_runs).order_by(desc(job_runs.c.started), desc(job_runs.c.id)).limit(limit)
        if job is not None:
            query = query.where(job_runs.c.job == job)
        try:
            with self.db.engine.connect() as conn:
                return [_run(r) for r in conn.execute(query).mappings()]
        except SQLAlchemyError as exc:
            raise self._fail("read", exc) from exc

    def failures_in_a_row(self, job: str) -> int:
        """How many of the latest finished runs failed, counting back to the last success."""
        count = 0
        for run in self.recent(job, limit=100):
            if run.status == SUCCESS:
                break
            if run.status == FAILED:
                count += 1
        return count

    def totals(self) -> list[tuple[str, str, str, int]]:
        """``(job, kind, status, runs)`` for every job and outcome in the ledger (for ``/metrics``)."""
        c = job_runs.c
        query = (select(c.job, c.kind, c.status, func.count()).group_by(c.job, c.kind, c.status)
                 .order_by(c.job, c.status))
        try:
            with self.db.engine.connect() as conn:
                return [(j, k, s, int(n)) for j, k, s, n in conn.execute(query)]
        except SQLAlchemyError as exc:
            raise self._fail("read", exc) from exc

    def durations(self, kind: str, status: str = SUCCESS) -> dict[str, list[float]]:
        """Seconds from start to finish of every finished run of ``kind`` with ``status``, per job."""
        c = job_runs.c
        query = (select(c.job, c.started, c.finished)
                 .where(c.kind == kind, c.status == status, c.finished.is_not(None)).order_by(c.id))
        out: dict[str, list[float]] = {}
        try:
            with self.db.engine.connect() as conn:
                for job, started, finished in conn.execute(query):
                    out.setdefault(job, []).append(max(0.0, (utc(finished) - utc(started)).total_seconds()))
        except SQLAlchemyError as exc:
            raise self._fail("read", exc) from exc
        return out

    def last_finished(self, kind: str, status: str = SUCCESS) -> Run | None:
        """The run of ``kind`` with ``status`` that finished last (any job)."""
        c = job_runs.c
        return self._first(and_(c.kind == kind, c.status == status, c.finished.is_not(None)), c.finished)

    def count(self, job: str, fire_time: datetime | None = None) -> int:
        query = select(func.count()).select_from(job_runs).where(job_runs.c.job == job)
        if fire_time is not None:
            query = query.where(job_runs.c.fire_time == fire_time)
        with self.db.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def prune(self, now: datetime, keep_days: int) -> int:
        """Delete finished runs older than ``keep_days`` (the newest success of each job always stays)."""
        cutoff = now - timedelta(days=keep_days)
        try:
            with self.db.write_engine.begin() as conn:
                keep = select(func.max(job_runs.c.id)).where(job_runs.c.status == SUCCESS).group_by(job_runs.c.job)
                keep_ids = [r[0] for r in conn.execute(keep)]
                query = delete(job_runs).where(job_runs.c.started < cutoff, job_runs.c.status != RUNNING)
                if keep_ids:
                    query = query.where(job_runs.c.id.notin_(keep_ids))
                return int(conn.execute(query).rowcount)
        except SQLAlchemyError as exc:
            raise self._fail("prune", exc) from exc
