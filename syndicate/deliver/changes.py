"""The delivery change log: every stored article version gets a cursor when a partner may first see it.

Why not page on ``article_versions.seq`` directly? On PostgreSQL a sequence value is taken at insert time but
becomes visible at commit, so a reader can see seq 11 before seq 10 commits and would skip 10 forever. Here
cursors are handed out by one writer at a time (the ``delivery_counter`` row is locked for the whole
transaction), so cursors commit in increasing order: a reader that saw cursor ``n`` has seen every cursor below.

Visibility is time dependent (a future ``published``, an embargo), so a version gets two cursors:
``early_cursor`` once published (partners with ``embargoed = true``) and ``public_cursor`` once out of embargo
(everyone else). A version is released only when no later version of the same article is still held back, so
an embargo moved later by a correction never leaks through the earlier version.

The push queue is filled in the same transaction that hands out the cursors: durable, exactly once per
(partner, version), in cursor order.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from typing import Any, Iterable, Sequence

from sqlalchemy import and_, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from syndicate.config import ALL, Partner
from syndicate.errors import StoreError
from syndicate.store.schema import article_versions
from syndicate.store.schema_delivery import delivery_changes, delivery_counter, push_queue
from syndicate.store.sql import SqlStore

log = logging.getLogger("syndicate.delivery")
UTC = timezone.utc
#: On PostgreSQL, late commits are looked for among this many sequence values below the newest indexed one.
PG_LATE_COMMIT_WINDOW = 5000
_BATCH = 1000


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def covers(partner: Partner, lang: str, category: str) -> bool:
    """True when the partner's agreement covers this language and category (empty list = everything)."""
    if partner.languages and lang not in partner.languages:
        return False
    return not partner.categories or ALL in partner.categories or category in partner.categories


def cursor_column(partner: Partner) -> Any:
    """The cursor a partner pages on: early (embargoed items flagged) or public."""
    return delivery_changes.c.early_cursor if partner.embargoed else delivery_changes.c.public_cursor


def _held(now: datetime, *, public: bool) -> Any:
    """SQL condition: a version of the same article at or after this one is not yet visible."""
    later = delivery_changes.alias("later")
    cond = later.c.published > now
    if public:
        cond = or_(cond, and_(later.c.embargo.is_not(None), later.c.embargo > now))
    return exists().where(later.c.article_id == delivery_changes.c.article_id,
                          later.c.version >= delivery_changes.c.version, cond)


def _unindexed(store: SqlStore, conn: Any) -> Any:
    """Query of article versions not yet in the change log (newest window only; see module docs)."""
    dc = delivery_changes.c
    query = select(article_versions.c.seq, article_versions.c.data).where(
        ~exists().where(dc.version_seq == article_versions.c.seq))
    top = conn.execute(select(func.max(dc.version_seq))).scalar()
    if top is not None:
        low = top - PG_LATE_COMMIT_WINDOW if store.dialect == "postgresql" else top
        query = query.where(article_versions.c.seq > low)
    return query.order_by(article_versions.c.seq)


def _due(now: datetime) -> Any:
    dc = delivery_changes.c
    early = and_(dc.early_cursor.is_(None), ~_held(now, public=False))
    public = and_(dc.public_cursor.is_(None), ~_held(now, public=True))
    return (select(dc.version_seq, dc.article_id, dc.version, dc.lang, dc.category, early.label("early"),
                   public.label("public"))
            .where(or_(early, public)).order_by(dc.version_seq))


def _pending_work(store: SqlStore, now: datetime) -> bool:
    with store.engine.connect() as conn:
        if conn.execute(_unindexed(store, conn).limit(1)).first() is not None:
            return True
        return conn.execute(_due(now).limit(1)).first() is not None


def _lock_counter(conn: Any) -> int:
    """Lock the counter row (created on first use) and return the last cursor."""
    done = conn.execute(update(delivery_counter).where(delivery_counter.c.id == 1)
                        .values(last_cursor=delivery_counter.c.last_cursor))
    if done.rowcount == 0:
        conn.execute(insert(delivery_counter).values(id=1, last_cursor=0))
    return int(conn.execute(select(delivery_counter.c.last_cursor).where(delivery_counter.c.id == 1)).scalar_one())


def _index_new(store: SqlStore, conn: Any) -> int:
    count = 0
    while True:
        rows = conn.execute(_unindexed(store, conn).limit(_BATCH)).all()
        if not rows:
            return count
        values = []
        for seq, data in rows:
            doc = json.loads(data)
            values.append(dict(
                version_seq=seq, article_id=doc["id"], version=doc["version"], lang=doc["lang"],
                category=doc["category"], status=doc["status"],
                published=_utc(datetime.fromisoformat(doc["published"])),
                embargo=_utc(datetime.fromisoformat(doc["embargo"])) if doc.get("embargo") else None))
        conn.execute(insert(delivery_changes), values)
        count += len(values)


def _enqueue(conn: Any, partners: Sequence[Partner], row: Any, cursor: int, *, early: bool, now: datetime) -> None:
    for partner in partners:
        if partner.embargoed != early or not covers(partner, row.lang, row.category):
            continue
        conn.execute(insert(push_queue).values(
            partner=partner.name, cursor=cursor, version_seq=row.version_seq, article_id=row.article_id,
            version=row.version, state="pending", attempts=0, next_attempt_at=now, created_at=now,
            updated_at=now))


def sync_changes(store: SqlStore, now: datetime, partners: Iterable[Partner]) -> int:
    """Index new article versions and hand out cursors to those that became visible by ``now``.

    Versions that become visible are queued for every push partner (``push_url`` set) whose scope covers them,
    so always pass the configured partners: a version gets its cursor (and its push rows) only once.
    Cheap when there is nothing to do (two reads, no write). Returns how many cursors were handed out.

    Raises:
        StoreError: the store failed.
    """
    now = _utc(now)  # type: ignore[assignment]
    pushers = [p for p in partners if p.push_url]
    try:
        if not _pending_work(store, now):
            return 0
        with store.engine.begin() as conn:
            last = _lock_counter(conn)
            _index_new(store, conn)
            assigned = 0
            for row in conn.execute(_due(now)).all():
                last += 1
                values: dict[str, int] = {}
                if row.early:
                    values["early_cursor"] = last
                    _enqueue(conn, pushers, row, last, early=True, now=now)
                if row.public:
                    values["public_cursor"] = last
                    _enqueue(conn, pushers, row, last, early=False, now=now)
                conn.execute(update(delivery_changes).where(delivery_changes.c.version_seq == row.version_seq)
                             .values(**values))
                assigned += 1
            conn.execute(update(delivery_counter).where(delivery_counter.c.id == 1).values(last_cursor=last))
        return assigned
    except IntegrityError as exc:   # a concurrent writer without the lock (should not happen): retry later
        log.warning("change log: concurrent update, will retry: %s", exc.orig)
        return 0
    except SQLAlchemyError as exc:
        raise StoreError("cannot update the delivery change log", context=store._safe_url()) from exc


def last_cursor(conn: Any) -> int:
    """The newest cursor handed out (0 when none)."""
    value = conn.execute(select(delivery_counter.c.last_cursor).where(delivery_counter.c.id == 1)).scalar()
    return int(value or 0)
