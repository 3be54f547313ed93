"""What was published: the last bytes of every output file, per-feed watermarks, visibility timers and the
named cursors of incremental work (pending translations, item files).

* ``feed_state``: sha256, size and items of the last bytes written per output file (hash skip, status).
* ``feed_watermarks``: per output file, the change ``seq`` its last good render had seen, the hash of the
  config that shapes it and the ``now`` it was rendered at (see :mod:`syndicate.select.plan`).
* ``publish_timers``: future instants (``published`` or ``embargo`` later than a publish's ``now``) at which an
  article becomes visible, so a feed is rendered again when time alone changes what it shows.
* ``publish_cursors``: small named counters (how far a piece of incremental work has read the change sequence).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection, RowMapping

from syndicate.store.db import Database
from syndicate.store.schema import feed_state, feed_watermarks, publish_cursors, publish_timers
from syndicate.times import utc

TIMER_CURSOR = "timers"
# built once (a publish records every feed it writes): the values come as execution parameters
_UPDATE_FEED_STATE = update(feed_state).where(feed_state.c.path == bindparam("where_path"))
_UPDATE_WATERMARK = update(feed_watermarks).where(feed_watermarks.c.path == bindparam("where_path"))


@dataclass(frozen=True)
class FeedState:
    path: str
    sha256: str
    size: int
    items: int
    last_modified: datetime | None
    written_at: datetime


@dataclass(frozen=True)
class Watermark:
    path: str
    seq: int
    config_hash: str
    rendered_at: datetime
    size: int                  # bytes on disk, -1 when no file is written
    run_id: int | None


@dataclass(frozen=True)
class Cursor:
    name: str
    seq: int
    at: datetime | None


class Feeds:
    """Reads and writes feed state, watermarks, timers and cursors."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- feed state ------------------------------------------------------------------------------------
    def state(self, path: str) -> FeedState | None:
        with self.db.read("cannot read feed state") as conn:
            row = conn.execute(select(feed_state).where(feed_state.c.path == path)).mappings().first()
        return None if row is None else self._state(row)

    @staticmethod
    def _state(r: RowMapping) -> FeedState:
        return FeedState(path=r["path"], sha256=r["sha256"], size=r["size"], items=r["items"],
                         last_modified=utc(r["last_modified"]), written_at=utc(r["written_at"]))

    def states(self) -> list[FeedState]:
        with self.db.read("cannot read feed state") as conn:
            rows = conn.execute(select(feed_state).order_by(feed_state.c.path)).mappings().all()
        return [self._state(r) for r in rows]

    def record(self, state: FeedState) -> None:
        values = dict(path=state.path, sha256=state.sha256, size=state.size, items=state.items,
                      last_modified=state.last_modified, written_at=state.written_at)
        with self.db.write("cannot record feed state") as conn:
            done = conn.execute(_UPDATE_FEED_STATE, {"where_path": state.path, **values})
            if done.rowcount == 0:
                conn.execute(insert(feed_state), values)

    # -- watermarks ------------------------------------------------------------------------------------
    def watermarks(self) -> dict[str, Watermark]:
        with self.db.read("cannot read feed watermarks") as conn:
            rows = conn.execute(select(feed_watermarks)).mappings().all()
        return {r["path"]: Watermark(r["path"], int(r["seq"]), r["config_hash"], utc(r["rendered_at"]),
                                     int(r["size"]), r["run_id"]) for r in rows}

    def last_rendered(self) -> datetime | None:
        """The newest ``now`` any feed was rendered at (the last good publish of a feed), or None."""
        with self.db.read("feed watermarks: cannot read") as conn:
            value = conn.execute(select(func.max(feed_watermarks.c.rendered_at))).scalar_one_or_none()
        return utc(value) if value is not None else None

    def record_watermark(self, mark: Watermark) -> None:
        """Remember a good render (``size`` -1 when no file is written)."""
        values = dict(path=mark.path, seq=mark.seq, config_hash=mark.config_hash, rendered_at=mark.rendered_at,
                      size=mark.size, run_id=mark.run_id)
        with self.db.write("cannot record feed watermark") as conn:
            done = conn.execute(_UPDATE_WATERMARK, {"where_path": mark.path, **values})
            if done.rowcount == 0:
                conn.execute(insert(feed_watermarks), values)

    # -- visibility timers -----------------------------------------------------------------------------
    def sync_timers(self, seq: int, now: datetime,
                    found: Callable[[int, int, datetime], list[tuple[str, str, str, datetime]]]) -> None:
        """Register the future visibility instants of every article changed since the last scan.

        ``found(after, upto, now)`` lists them (:meth:`syndicate.store.articles.Articles.future_visibility`).
        """
        c = publish_cursors.c
        with self.db.write("cannot update publish timers") as conn:
            row = conn.execute(select(c.seq, c.at).where(c.name == TIMER_CURSOR)).first()
            after = int(row.seq) if row else 0
            if row is not None and row.at is not None and now < utc(row.at):
                after = 0        # the clock went back: instants in (now, last scan] are future again
            if after < seq or after == 0:
                instants = found(after, seq, now)
                have = self._timers_of(conn, {f[0] for f in instants}) if instants else set()
                rows = [dict(article_id=a, lang=lang, category=cat, due_at=due) for a, lang, cat, due in instants
                        if (a, due) not in have]
                if rows:     # a concurrent planner may register the same instants: nothing is lost
                    conn.execute(self.db.insert_ignore(publish_timers), rows)
            self._set_cursor(conn, TIMER_CURSOR, max(seq, after), now, exists=row is not None)

    @staticmethod
    def _timers_of(conn: Connection, ids: set[str]) -> set[tuple[str, datetime]]:
        t = publish_timers.c
        return {(r.article_id, utc(r.due_at)) for r in conn.execute(
            select(t.article_id, t.due_at).where(t.article_id.in_(ids)))}

    def due_timers(self, since: datetime, now: datetime) -> list[tuple[str, str, datetime]]:
        """(lang, category, instant) of every timer in ``(since, now]``."""
        t = publish_timers.c
        with self.db.read("cannot read publish timers") as conn:
            rows = conn.execute(select(t.lang, t.category, t.due_at).where(t.due_at > since, t.due_at <= now))
            return [(lang, cat, utc(due)) for lang, cat, due in rows]

    def forget_timers(self, before: datetime) -> int:
        """Drop timers every feed has already rendered past."""
        with self.db.write("cannot prune publish timers") as conn:
            return int(conn.execute(delete(publish_timers).where(publish_timers.c.due_at <= before)).rowcount)

    # -- named cursors ---------------------------------------------------------------------------------
    def cursor(self, name: str) -> Cursor | None:
        c = publish_cursors.c
        with self.db.read("cannot read cursor") as conn:
            row = conn.execute(select(c.seq, c.at).where(c.name == name)).first()
        if row is None:
            return None
        return Cursor(name, int(row.seq), utc(row.at))

    def set_cursor(self, name: str, seq: int, at: datetime | None) -> None:
        with self.db.write("cannot record cursor") as conn:
            exists = conn.execute(select(publish_cursors.c.name).where(publish_cursors.c.name == name)).first()
            self._set_cursor(conn, name, seq, at, exists=exists is not None)

    def cursors(self, prefix: str) -> list[Cursor]:
        c = publish_cursors.c
        with self.db.read("cannot read cursors") as conn:
            rows = conn.execute(select(c.name, c.seq, c.at).where(c.name.startswith(prefix))).all()
        return [Cursor(r.name, int(r.seq), utc(r.at)) for r in rows]

    def drop_cursors(self, names: Iterable[str]) -> None:
        wanted = list(names)
        if wanted:
            with self.db.write("cannot drop cursors") as conn:
                conn.execute(delete(publish_cursors).where(publish_cursors.c.name.in_(wanted)))

    @staticmethod
    def _set_cursor(conn: Connection, name: str, seq: int, at: datetime | None, *, exists: bool) -> None:
        c = publish_cursors.c
        if exists:
            conn.execute(update(publish_cursors).where(c.name == name).values(seq=seq, at=at))
        else:
            conn.execute(insert(publish_cursors).values(name=name, seq=seq, at=at))

