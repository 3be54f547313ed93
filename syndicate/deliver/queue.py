"""The durable push queue: claim with a lease, then record success, a retry (with backoff) or a failure.

States: ``pending`` → ``in-progress`` → ``success`` | ``retrying`` (→ ``in-progress`` …) | ``failed``.
Per-partner order: only the oldest unfinished row of a partner (lowest cursor) is ever claimed, so a
retrying item holds back that partner's later items until it succeeds or fails for good.
A claim is a conditional ``UPDATE`` (the row is still claimable), atomic on SQLite and PostgreSQL. A worker
that dies leaves its row ``in-progress`` with a lease that runs out; the next scan claims it again.
Writes after the work are fenced on ``claimed_by``, so a worker whose lease ran out cannot overwrite the
outcome of the worker that took over. Rows are filled by :func:`syndicate.delivery.changes.sync_changes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Sequence

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from syndicate.errors import StoreError
from syndicate.store.schema_delivery import push_queue
from syndicate.store.sql import SqlStore

UTC = timezone.utc
STATES = ("pending", "in-progress", "retrying", "success", "failed")
OPEN = ("pending", "in-progress", "retrying")


@dataclass(frozen=True)
class Claim:
    """A queue row claimed by a worker until ``lease_until``."""

    id: int
    partner: str
    cursor: int
    version_seq: int
    article_id: str
    version: int
    attempts: int
    lease_until: datetime


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _fail(store: SqlStore, what: str, exc: Exception) -> StoreError:
    err = StoreError(f"push queue: cannot {what}", context=store._safe_url())
    err.__cause__ = exc
    return err


def claim_head(store: SqlStore, partner: str, worker: str, now: datetime, lease: float) -> Claim | None:
    """Claim the partner's oldest unfinished row if it is due and not leased by a live worker."""
    q = push_queue.c
    try:
        with store.engine.begin() as conn:
            head = conn.execute(select(push_queue).where(q.partner == partner, q.state.in_(OPEN))
                                .order_by(q.cursor).limit(1)).mappings().first()
            if head is None:
                return None
            if head["state"] == "in-progress" and _utc(head["lease_until"]) > now:
                return None
            if head["state"] == "retrying" and _utc(head["next_attempt_at"]) > now:
                return None
            until = now + timedelta(seconds=lease)
            done = conn.execute(update(push_queue).where(
                q.id == head["id"],
                or_(q.state.in_(("pending", "retrying")), and_(q.state == "in-progress", q.lease_until <= now)))
                .values(state="in-progress", claimed_by=worker, lease_until=until, attempts=q.attempts + 1,
                        updated_at=now))
            if done.rowcount != 1:
                return None
    except SQLAlchemyError as exc:
        raise _fail(store, "claim", exc) from exc
    return Claim(id=head["id"], partner=partner, cursor=head["cursor"], version_seq=head["version_seq"],
                 article_id=head["article_id"], version=head["version"], attempts=head["attempts"] + 1,
                 lease_until=until)


def _finish(store: SqlStore, claim: Claim, worker: str, now: datetime, **values: Any) -> bool:
    q = push_queue.c
    try:
        with store.engine.begin() as conn:
            done = conn.execute(update(push_queue).where(q.id == claim.id, q.claimed_by == worker,
                                                         q.state == "in-progress")
                                .values(updated_at=now, lease_until=None, **values))
    except SQLAlchemyError as exc:
        raise _fail(store, "record an outcome", exc) from exc
    return done.rowcount == 1


def mark_success(store: SqlStore, claim: Claim, worker: str, now: datetime, status: int | None) -> bool:
    """Record a delivered row; ``False`` when this worker no longer holds the claim."""
    return _finish(store, claim, worker, now, state="success", last_status=status, last_error=None)


def mark_retry(store: SqlStore, claim: Claim, worker: str, now: datetime, delay: float, error: str,
               status: int | None) -> bool:
    """Record a failed attempt that will be retried after ``delay`` seconds."""
    return _finish(store, claim, worker, now, state="retrying", next_attempt_at=now + timedelta(seconds=delay),
                   last_error=error[:2000], last_status=status)


def mark_failed(store: SqlStore, claim: Claim, worker: str, now: datetime, error: str,
                status: int | None) -> bool:
    """Record a row that will not be retried (4xx, or too many attempts)."""
    return _finish(store, claim, worker, now, state="failed", last_error=error[:2000], last_status=status)


def extend_lease(store: SqlStore, claim: Claim, worker: str, now: datetime, lease: float) -> bool:
    """Heartbeat: push the lease of a row this worker still holds."""
    q = push_queue.c
    try:
        with store.engine.begin() as conn:
            done = conn.execute(update(push_queue).where(q.id == claim.id, q.claimed_by == worker,
                                                         q.state == "in-progress")
                                .values(lease_until=now + timedelta(seconds=lease), updated_at=now))
    except SQLAlchemyError as exc:
        raise _fail(store, "extend a lease", exc) from exc
    return done.rowcount == 1


def resend(store: SqlStore, partner: str, now: datetime, *, states: Sequence[str] = ("failed",)) -> int:
    """Manual resend: put a partner's rows in ``states`` back to ``pending`` (attempts reset)."""
    q = push_queue.c
    try:
        with store.engine.begin() as conn:
            done = conn.execute(update(push_queue).where(q.partner == partner, q.state.in_(list(states)))
                                .values(state="pending", attempts=0, next_attempt_at=now, updated_at=now,
                                        claimed_by=None, lease_until=None))
    except SQLAlchemyError as exc:
        raise _fail(store, "resend", exc) from exc
    return done.rowcount


def rows(store: SqlStore, partner: str | None = None) -> list[dict[str, Any]]:
    """Every queue row (of one partner), in delivery order: for inspection and tests."""
    q = push_queue.c
    query = select(push_queue).order_by(q.partner, q.cursor)
    if partner:
        query = query.where(q.partner == partner)
    try:
        with store.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]
    except SQLAlchemyError as exc:
        raise _fail(store, "read", exc) from exc


def queue_summary(store: SqlStore) -> list[dict[str, Any]]:
    """Per partner: ``{"partner": name, "pending": n, "in-progress": n, "retrying": n, "success": n,
    "failed": n, "oldest_open": datetime | None, "last_error": str | None}``, sorted by partner."""
    q = push_queue.c
    out: dict[str, dict[str, Any]] = {}
    try:
        with store.engine.connect() as conn:
            for partner, state, count, oldest in conn.execute(
                    select(q.partner, q.state, func.count(), func.min(q.created_at)).group_by(q.partner, q.state)):
                entry = out.setdefault(partner, {"partner": partner, **{s: 0 for s in STATES},
                                                 "oldest_open": None, "last_error": None})
                entry[state] = int(count)
                if state in OPEN and (entry["oldest_open"] is None or _utc(oldest) < entry["oldest_open"]):
                    entry["oldest_open"] = _utc(oldest)
            for partner, error in conn.execute(
                    select(q.partner, q.last_error).where(q.last_error.is_not(None), q.state.in_(("retrying", "failed")))
                    .order_by(q.updated_at)):
                out[partner]["last_error"] = error
    except SQLAlchemyError as exc:
        raise _fail(store, "summarise", exc) from exc
    return [out[k] for k in sorted(out)]
