"""Partner delivery in the store: the change log (cursors of the items API, push and item files) and the
durable push queue.

**Change log.** Every stored version gets a row in ``delivery_changes`` and, when it becomes visible, a cursor:
``early_cursor`` once published (for partners that receive embargoed items early), ``public_cursor`` once out
of embargo (everyone else). Why not page on ``article_versions.seq``? On PostgreSQL a sequence value is taken at
insert time but becomes visible at commit, so a reader can see seq 11 before seq 10 commits and would skip 10
forever. Cursors are handed out by one writer at a time (the ``delivery_counter`` row is locked for the whole
transaction), so they commit in increasing order: a reader that saw cursor ``n`` has seen every cursor below.
A version is released only when no later version of the same article is still held back, so an embargo moved
later by a correction never leaks through the earlier version.

Who gets a released version pushed is not decided here: :meth:`Delivery.sync` asks its ``route`` callback
(the visibility policy, in :mod:`syndicate.deliver.changes`) and queues the answer in the same transaction
that hands out the cursor: durable, exactly once per (partner, version), in cursor order.

**Push queue.** States ``pending`` → ``in-progress`` → ``success`` | ``retrying`` (→ ``in-progress`` …) | ``failed``.
Only the oldest unfinished row of a partner (lowest cursor) is ever claimed, so a retrying item holds back that
partner's later items. A claim is a conditional ``UPDATE``; a worker that dies leaves its row ``in-progress``
with a lease that runs out, and the next scan claims it again. Writes after the work are fenced on
``claimed_by``, so a worker whose lease ran out cannot overwrite the outcome of the one that took over.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from syndicate.errors import StoreError
from syndicate.model import MACHINE_TRANSLATIONS, Article, Scope, Status
from syndicate.store.db import CHUNK, Database
from syndicate.store.schema import article_versions, delivery_changes, delivery_counter, push_queue
from syndicate.store.snapshots import decode
from syndicate.times import utc

log = logging.getLogger("syndicate.delivery")
#: On PostgreSQL, late commits are looked for among this many sequence values below the newest indexed one.
PG_LATE_COMMIT_WINDOW = 5000
_BATCH = 1000
#: change-log rows released per step of a sync (memory stays flat however many versions are due at once)
_DUE_BATCH = 5000
STATES = ("pending", "in-progress", "retrying", "success", "failed")
OPEN = ("pending", "in-progress", "retrying")


@dataclass(frozen=True)
class Release:
    """A version that became visible to one kind of audience (early: partners with ``embargoed = true``)."""

    version_seq: int
    article_id: str
    version: int
    lang: str
    category: str
    status: Status
    published: datetime
    embargo: datetime | None
    early: bool
    machine_rank: int
    #: the least machine-made (:func:`~syndicate.model.machine_rank`) of the earlier versions of the article
    #: released usable to the same kind of audience; None when there was none
    shown_rank: int | None

    def shown_before(self, max_rank: int) -> bool:
        """An earlier usable version was released that an audience receiving up to ``max_rank`` was shown."""
        return self.shown_rank is not None and self.shown_rank <= max_rank


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


@dataclass(frozen=True)
class Entry:
    """One version in the change log, at its cursor."""

    cursor: int
    version_seq: int
    article: Article


def _cursor(early: bool) -> Any:
    return delivery_changes.c.early_cursor if early else delivery_changes.c.public_cursor


def _held(now: datetime, *, public: bool) -> Any:
    """SQL condition: a version of the same article at or after this one is not yet visible."""
    later = delivery_changes.alias("later")
    cond = later.c.published > now
    if public:
        cond = or_(cond, and_(later.c.embargo.is_not(None), later.c.embargo > now))
    return exists().where(later.c.article_id == delivery_changes.c.article_id,
                          later.c.version >= delivery_changes.c.version, cond)


def _due(now: datetime, seqs: Sequence[int] | None = None, *, only_seq: bool = False) -> Any:
    """Change-log rows that became visible to a kind of audience by ``now`` (of the ``version_seq`` values
    ``seqs`` when given; ``only_seq``: just their ``version_seq``), in version order."""
    dc = delivery_changes.c
    early = and_(dc.early_cursor.is_(None), ~_held(now, public=False))
    public = and_(dc.public_cursor.is_(None), ~_held(now, public=True))
    columns = [dc.version_seq] if only_seq else [
        dc.version_seq, dc.article_id, dc.version, dc.lang, dc.category, dc.status, dc.published, dc.embargo,
        dc.machine_rank, early.label("early"), public.label("public")]
    query = select(*columns).where(or_(early, public))
    if seqs is not None:
        query = query.where(dc.version_seq.in_(seqs))
    return query.order_by(dc.version_seq)


class Delivery:
    """The change log and the push queue of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- change log ------------------------------------------------------------------------------------
    def _unindexed(self, conn: Connection) -> Any:
        """Query of article versions not yet in the change log (newest window only; see module docs)."""
        dc = delivery_changes.c
        query = select(article_versions.c.seq, article_versions.c.data).where(
            ~exists().where(dc.version_seq == article_versions.c.seq))
        top = conn.execute(select(func.max(dc.version_seq))).scalar()
        if top is not None:
            low = top - PG_LATE_COMMIT_WINDOW if self.db.dialect == "postgresql" else top
            query = query.where(article_versions.c.seq > low)
        return query.order_by(article_versions.c.seq)

    def _pending_work(self, now: datetime) -> bool:
        with self.db.read("cannot read the delivery change log") as conn:
            if conn.execute(self._unindexed(conn).limit(1)).first() is not None:
                return True
            return conn.execute(_due(now).limit(1)).first() is not None

    @staticmethod
    def _lock_counter(conn: Connection) -> int:
        """Lock the counter row (created on first use) and return the last cursor."""
        done = conn.execute(update(delivery_counter).where(delivery_counter.c.id == 1)
                            .values(last_cursor=delivery_counter.c.last_cursor))
        if done.rowcount == 0:
            conn.execute(insert(delivery_counter).values(id=1, last_cursor=0))
        return int(conn.execute(select(delivery_counter.c.last_cursor)
                                .where(delivery_counter.c.id == 1)).scalar_one())

    def _index_new(self, conn: Connection) -> int:
        count = 0
        while True:
            rows = conn.execute(self._unindexed(conn).limit(_BATCH)).all()
            if not rows:
                return count
            values = []
            for seq, data in rows:
                a = decode(data)
                values.append(dict(version_seq=seq, article_id=a.id, version=a.version, lang=a.lang,
                                   category=a.category, status=a.status.value, published=a.published,
                                   embargo=a.embargo, machine_rank=a.machine_rank))
            conn.execute(insert(delivery_changes), values)
            count += len(values)

    @staticmethod
    def _shown(conn: Connection, ids: Sequence[str]) -> dict[bool, dict[str, list[tuple[int, int]]]]:
        """Per kind (early or not): article id -> (version, machine rank) of its usable versions released."""
        dc = delivery_changes.c
        out: dict[bool, dict[str, list[tuple[int, int]]]] = {True: {}, False: {}}
        for start in range(0, len(ids), CHUNK):
            query = select(dc.article_id, dc.version, dc.machine_rank, dc.early_cursor, dc.public_cursor).where(
                dc.article_id.in_(ids[start:start + CHUNK]), dc.status == Status.USABLE.value)
            for article_id, version, rank, early, public in conn.execute(query):
                for kind, cursor in ((True, early), (False, public)):
                    if cursor is not None:
                        out[kind].setdefault(article_id, []).append((int(version), int(rank)))
        return out

    def _release(self, conn: Connection, due: Sequence[Any], last: int, now: datetime,
                 route: Callable[[Release], Iterable[str]]) -> int:
        """Hand out cursors after ``last`` to the ``due`` rows (in version order) and queue their pushes;
        returns the last cursor handed out. Earlier batches' releases are read back from the change log."""
        shown = self._shown(conn, sorted({r.article_id for r in due}))
        queued: list[dict[str, Any]] = []
        cursors: list[dict[str, Any]] = []
        for row in due:
            last += 1
            values: dict[str, int] = {}
            for early, flagged in ((True, row.early), (False, row.public)):
                if not flagged:
                    continue
                values["early_cursor" if early else "public_cursor"] = last
                status = Status(row.status)
                earlier = [rank for version, rank in shown[early].get(row.article_id, ()) if version < row.version]
                release = Release(row.version_seq, row.article_id, row.version, row.lang, row.category,
                                  status, utc(row.published), utc(row.embargo), early, row.machine_rank,
                                  min(earlier) if earlier else None)
                queued += [dict(partner=partner, cursor=last, version_seq=row.version_seq,
                                article_id=row.article_id, version=row.version, state="pending",
                                attempts=0, next_attempt_at=now, created_at=now, updated_at=now)
                           for partner in route(release)]
                if status is Status.USABLE:
                    shown[early].setdefault(row.article_id, []).append((row.version, row.machine_rank))
            cursors.append({"_seq": row.version_seq, "early_cursor": values.get("early_cursor"),
                            "public_cursor": values.get("public_cursor")})
        for early in (True, False):
            name = "early_cursor" if early else "public_cursor"
            rows = [{"_seq": c["_seq"], name: c[name]} for c in cursors if c[name] is not None]
            if rows:
                conn.execute(update(delivery_changes).where(delivery_changes.c.version_seq == bindparam("_seq"))
                             .values({name: bindparam(name)}), rows)
        if queued:
            conn.execute(insert(push_queue), queued)
        return last

    def sync(self, now: datetime, route: Callable[[Release], Iterable[str]]) -> int:
        """Index new versions and hand out cursors to those that became visible by ``now``; queue each
        released version for the partners ``route(release)`` names. Cheap when there is nothing to do (two
        reads, no write). Returns how many cursors were handed out.

        Raises:
            StoreError: the store failed.
        """
        now = utc(now)
        if not self._pending_work(now):
            return 0
        try:
            with self.db.write("cannot update the delivery change log") as conn:
                last = self._lock_counter(conn)
                self._index_new(conn)
                # which rows, then the rows in batches: a store's first sync (every version at once) stays small
                seqs = [int(seq) for seq in conn.execute(_due(now, only_seq=True)).scalars()]
                for start in range(0, len(seqs), _DUE_BATCH):
                    due = conn.execute(_due(now, seqs[start:start + _DUE_BATCH])).all()
                    last = self._release(conn, due, last, now, route)
                assigned = len(seqs)
                conn.execute(update(delivery_counter).where(delivery_counter.c.id == 1).values(last_cursor=last))
            return assigned
        except StoreError as exc:
            if not isinstance(exc.__cause__, IntegrityError):
                raise
            # a concurrent writer got past the counter lock (should not happen): the next sync redoes it
            log.warning("change log: concurrent update, will retry: %s", exc.__cause__.orig)
            return 0

    def last_cursor(self) -> int:
        """The newest cursor handed out (0 when none)."""
        with self.db.read("cannot read the delivery change log") as conn:
            value = conn.execute(select(delivery_counter.c.last_cursor).where(delivery_counter.c.id == 1)).scalar()
        return int(value or 0)

    def entries(self, *, early: bool, since: int, limit: int, scope: Scope | None = None,
                lang: str | None = None, category: str | None = None) -> tuple[int, list[Entry]]:
        """Versions released after cursor ``since`` (oldest first, at most ``limit``), within ``scope`` and the
        optional ``lang``/``category`` narrowing, and the newest cursor committed when they were read: every
        cursor up to it is visible, so paging on it neither skips nor repeats."""
        dc = delivery_changes.c
        col = _cursor(early)
        with self.db.read("cannot read the delivery change log") as conn:
            top = int(conn.execute(select(delivery_counter.c.last_cursor)
                                   .where(delivery_counter.c.id == 1)).scalar() or 0)
            stmt = (select(col.label("cursor"), dc.version_seq, article_versions.c.data)
                    .select_from(delivery_changes.join(article_versions, article_versions.c.seq == dc.version_seq))
                    .where(col > since, col <= top).order_by(col).limit(limit))
            if scope is not None and scope.languages is not None:
                stmt = stmt.where(dc.lang.in_(sorted(scope.languages)))
            if scope is not None and scope.categories is not None:
                stmt = stmt.where(dc.category.in_(sorted(scope.categories)))
            if lang:
                stmt = stmt.where(dc.lang == lang)
            if category:
                stmt = stmt.where(dc.category == category)
            rows = conn.execute(stmt).all()
        return top, [Entry(int(r.cursor), int(r.version_seq), decode(r.data)) for r in rows]

    def shown_before(self, versions: Iterable[tuple[str, int]], *, early: bool, upto: int | None = None,
                     max_rank: int = MACHINE_TRANSLATIONS["all"]) -> set[tuple[str, int]]:
        """Those of ``(article id, version)`` that had an earlier usable version released (to the kind of
        audience ``early`` names, at a cursor up to ``upto``) that an audience receiving machine ranks up to
        ``max_rank`` was shown."""
        wanted = list(dict.fromkeys(versions))
        if not wanted:
            return set()
        dc = delivery_changes.c
        col = _cursor(early)
        out: set[tuple[str, int]] = set()
        ids = sorted({a for a, _ in wanted})
        released: dict[str, list[int]] = {}
        with self.db.read("cannot read the delivery change log") as conn:
            for start in range(0, len(ids), CHUNK):
                query = select(dc.article_id, dc.version).where(
                    dc.article_id.in_(ids[start:start + CHUNK]), dc.status == Status.USABLE.value, col.is_not(None),
                    dc.machine_rank <= max_rank)
                if upto is not None:
                    query = query.where(col <= upto)
                for article_id, version in conn.execute(query):
                    released.setdefault(article_id, []).append(int(version))
        for article_id, version in wanted:
            if any(v < version for v in released.get(article_id, ())):
                out.add((article_id, version))
        return out

    def last_unusable(self, ids: Iterable[str], *, upto: int) -> dict[str, int]:
        """Per article: the highest withheld or canceled version released to the public by cursor ``upto``."""
        wanted = sorted(set(ids))
        dc = delivery_changes.c
        out: dict[str, int] = {}
        with self.db.read("cannot read the delivery change log") as conn:
            for start in range(0, len(wanted), CHUNK):
                query = (select(dc.article_id, func.max(dc.version))
                         .where(dc.article_id.in_(wanted[start:start + CHUNK]), dc.status != Status.USABLE.value,
                                dc.public_cursor.is_not(None), dc.public_cursor <= upto)
                         .group_by(dc.article_id))
                out.update({a: int(v) for a, v in conn.execute(query)})
        return out

    # -- push queue ------------------------------------------------------------------------------------
    def claim_head(self, partner: str, worker: str, now: datetime, lease: float) -> Claim | None:
        """Claim the partner's oldest unfinished row if it is due and not leased by a live worker."""
        q = push_queue.c
        with self.db.write("push queue: cannot claim") as conn:
            head = conn.execute(select(push_queue).where(q.partner == partner, q.state.in_(OPEN))
                                .order_by(q.cursor).limit(1)).mappings().first()
            if head is None:
                return None
            if head["state"] == "in-progress" and utc(head["lease_until"]) > now:
                return None
            if head["state"] == "retrying" and utc(head["next_attempt_at"]) > now:
                return None
            until = now + timedelta(seconds=lease)
            done = conn.execute(update(push_queue).where(
                q.id == head["id"],
                or_(q.state.in_(("pending", "retrying")), and_(q.state == "in-progress", q.lease_until <= now)))
                .values(state="in-progress", claimed_by=worker, lease_until=until, attempts=q.attempts + 1,
                        updated_at=now))
            if done.rowcount != 1:
                return None
        return Claim(id=head["id"], partner=partner, cursor=head["cursor"], version_seq=head["version_seq"],
                     article_id=head["article_id"], version=head["version"], attempts=head["attempts"] + 1,
                     lease_until=until)

    def _finish(self, claim: Claim, worker: str, now: datetime, **values: Any) -> bool:
        q = push_queue.c
        with self.db.write("push queue: cannot record an outcome") as conn:
            done = conn.execute(update(push_queue).where(q.id == claim.id, q.claimed_by == worker,
                                                         q.state == "in-progress")
                                .values(updated_at=now, lease_until=None, **values))
        return done.rowcount == 1

    def mark_success(self, claim: Claim, worker: str, now: datetime, status: int | None) -> bool:
        """Record a delivered row; ``False`` when this worker no longer holds the claim."""
        return self._finish(claim, worker, now, state="success", last_status=status, last_error=None)

    def mark_retry(self, claim: Claim, worker: str, now: datetime, delay: float, error: str,
                   status: int | None) -> bool:
        """Record a failed attempt that will be retried after ``delay`` seconds."""
        return self._finish(claim, worker, now, state="retrying", next_attempt_at=now + timedelta(seconds=delay),
                            last_error=error[:2000], last_status=status)

    def mark_failed(self, claim: Claim, worker: str, now: datetime, error: str, status: int | None) -> bool:
        """Record a row that will not be retried (4xx, or too many attempts)."""
        return self._finish(claim, worker, now, state="failed", last_error=error[:2000], last_status=status)

    def extend_lease(self, claim: Claim, worker: str, now: datetime, lease: float) -> bool:
        """Heartbeat: push the lease of a row this worker still holds."""
        q = push_queue.c
        with self.db.write("push queue: cannot extend a lease") as conn:
            done = conn.execute(update(push_queue).where(q.id == claim.id, q.claimed_by == worker,
                                                         q.state == "in-progress")
                                .values(lease_until=now + timedelta(seconds=lease), updated_at=now))
        return done.rowcount == 1

    def resend(self, partner: str, now: datetime, *, states: Sequence[str] = ("failed",)) -> int:
        """Manual resend: put a partner's rows in ``states`` back to ``pending`` (attempts reset)."""
        q = push_queue.c
        with self.db.write("push queue: cannot resend") as conn:
            done = conn.execute(update(push_queue).where(q.partner == partner, q.state.in_(list(states)))
                                .values(state="pending", attempts=0, next_attempt_at=now, updated_at=now,
                                        claimed_by=None, lease_until=None))
        return int(done.rowcount)

    def rows(self, partner: str | None = None) -> list[dict[str, Any]]:
        """Every queue row (of one partner), in delivery order: for inspection and tests."""
        q = push_queue.c
        query = select(push_queue).order_by(q.partner, q.cursor)
        if partner:
            query = query.where(q.partner == partner)
        with self.db.read("push queue: cannot read") as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def summary(self) -> list[dict[str, Any]]:
        """Per partner: ``{"partner": name, "pending": n, "in-progress": n, "retrying": n, "success": n,
        "failed": n, "oldest_open": datetime | None, "last_error": str | None}``, sorted by partner."""
        q = push_queue.c
        out: dict[str, dict[str, Any]] = {}
        with self.db.read("push queue: cannot summarise") as conn:
            for partner, state, count, oldest in conn.execute(
                    select(q.partner, q.state, func.count(), func.min(q.created_at)).group_by(q.partner, q.state)):
                entry = out.setdefault(partner, {"partner": partner, **{s: 0 for s in STATES},
                                                 "oldest_open": None, "last_error": None})
                entry[state] = int(count)
                if state in OPEN and (entry["oldest_open"] is None or utc(oldest) < entry["oldest_open"]):
                    entry["oldest_open"] = utc(oldest)
            for partner, error in conn.execute(
                    select(q.partner, q.last_error).where(q.last_error.is_not(None),
                                                          q.state.in_(("retrying", "failed")))
                    .order_by(q.updated_at)):
                out[partner]["last_error"] = error
        return [out[k] for k in sorted(out)]


__all__ = ["OPEN", "STATES", "Claim", "Delivery", "Entry", "Release"]
