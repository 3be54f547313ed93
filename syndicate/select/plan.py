"""Incremental publishing: which feeds must be rendered again, and the watermarks that decide it.

A feed's bytes depend only on (a) the config that shapes it, (b) the articles of its language and category
(plus their other-language versions, shown as alternates) and (c) ``now``, through embargo and future
``published`` times. So a feed is rendered again only when one of those moved since its last good render:

* no watermark yet, the config hash changed, ``--full``, the file on disk is missing or has another size,
  or ``now`` went back before the last render;
* an article whose scope touches the feed changed after the feed's watermark (``articles.seq``): its own
  (lang, category), the (lang, category) of every member of its family, and a category it moved out of;
  the ``all`` feed of each of those languages;
* a visibility timer of its scope fell due between its last render and ``now``.

The cost of planning grows with what changed (index range scans on ``seq`` and ``due_at``), not with the
size of the store. Contains no rendering and no file writes; the pipeline asks :meth:`Planner.plan` and
reports each good render with :meth:`Planner.record`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from syndicate import __version__
from syndicate.config import ALL, Config, Partner
from syndicate.errors import StoreError
from syndicate.model import FeedKey, FeedSpec
from syndicate.store.schema_runs import feed_watermarks, publish_cursors, publish_timers
from syndicate.store.sql import SqlStore, _utc

#: more changes than this since the oldest watermark: treat every watermarked feed as changed (a full build
#: costs less than tracing each change, and memory stays bounded)
MAX_TRACED_CHANGES = 5000
TIMER_CURSOR = "timers"
# built once (a run records every feed it renders): the values come as execution parameters
_UPDATE_WATERMARK = update(feed_watermarks).where(feed_watermarks.c.path == bindparam("where_path"))
_INSERT_WATERMARK = insert(feed_watermarks)


def config_hash(config: Config, spec: FeedSpec, partner: Partner | None = None) -> str:
    """sha256 of everything in the config (and code version) that shapes one feed's bytes."""
    shape: dict[str, Any] = {"version": __version__, "spec": asdict(spec), "site": asdict(config.site),
                             "languages": list(config.feed_languages)}
    if partner is not None:
        shape["partner"] = {"name": partner.name, "embargoed": partner.embargoed,
                            "languages": list(partner.languages), "categories": list(partner.categories)}
    blob = json.dumps(shape, sort_keys=True, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FeedTarget:
    """One output file a publish run may render."""

    state_key: str          # feed_state / watermark key: the path, prefixed for partners
    key: FeedKey
    file: Path              # where the file lives on disk
    config_hash: str


@dataclass(frozen=True)
class Watermark:
    path: str
    seq: int
    config_hash: str
    rendered_at: datetime
    size: int
    run_id: int | None


@dataclass
class Plan:
    """The outcome of planning: the store snapshot cursor and the feeds to render (with why)."""

    seq: int
    dirty: dict[str, str] = field(default_factory=dict)     # state_key -> reason
    clean: list[str] = field(default_factory=list)

    def needs(self, state_key: str) -> bool:
        return state_key in self.dirty


def _scopes_of_changes(store: SqlStore, changes: list[dict[str, Any]]) -> dict[tuple[str, str], int]:
    """(lang, category) → newest change seq touching it, for feeds of that category."""
    touched: dict[tuple[str, str], int] = {}

    def touch(lang: str, cat: str, seq: int) -> None:
        if touched.get((lang, cat), -1) < seq:
            touched[(lang, cat)] = seq

    members: dict[str, list[tuple[str, str]]] = {}
    for family, lang, cat in store.family_scopes(c["family"] for c in changes):
        members.setdefault(family, []).append((lang, cat))
    moved = [c for c in changes if c["version"] > 1]
    before = store.categories_before((c["id"] for c in moved), min((c["seq"] for c in moved), default=0))
    for c in changes:
        seq, lang = c["seq"], c["lang"]
        touch(lang, c["category"], seq)
        for old in before.get(c["id"], ()):
            touch(lang, old, seq)
        for m_lang, m_cat in members.get(c["family"], ()):
            touch(m_lang, m_cat, seq)        # its alternates / derivedFrom appear in the members' feeds
            touch(lang, m_cat, seq)          # a replaced machine version lived in the family's category
    return touched


class Planner:
    """Reads and writes the watermarks of one store."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    # -- watermarks ------------------------------------------------------------------------------------
    def watermarks(self) -> dict[str, Watermark]:
        try:
            with self.store.engine.connect() as conn:
                rows = conn.execute(select(feed_watermarks)).mappings().all()
        except SQLAlchemyError as exc:
            raise StoreError("cannot read feed watermarks") from exc
        return {r["path"]: Watermark(r["path"], int(r["seq"]), r["config_hash"], _utc(r["rendered_at"]),  # type: ignore[arg-type]
                                     int(r["size"]), r["run_id"]) for r in rows}

    def record(self, target: FeedTarget, seq: int, now: datetime, size: int, run_id: int | None = None) -> None:
        """Remember a good render of ``target`` (``size`` -1 when no file is written)."""
        values = dict(path=target.state_key, seq=seq, config_hash=target.config_hash, rendered_at=now,
                      size=size, run_id=run_id)
        try:
            with self.store.engine.begin() as conn:
                done = conn.execute(_UPDATE_WATERMARK, {"where_path": target.state_key, **values})
                if done.rowcount == 0:
                    conn.execute(_INSERT_WATERMARK, values)
        except SQLAlchemyError as exc:
            raise StoreError("cannot record feed watermark", context=target.state_key) from exc

    # -- timers ----------------------------------------------------------------------------------------
    def _sync_timers(self, seq: int, now: datetime) -> None:
        """Register the future visibility instants of every article changed since the last scan."""
        c = publish_cursors.c
        try:
            with self.store.engine.begin() as conn:
                row = conn.execute(select(c.seq, c.at).where(c.name == TIMER_CURSOR)).first()
                after = int(row.seq) if row else 0
                if row is not None and row.at is not None and now < _utc(row.at):  # type: ignore[operator]
                    after = 0        # the clock went back: instants in (now, last scan] are future again
                if after < seq or after == 0:
                    found = self.store.future_visibility(after, seq, now)
                    have = {(r.article_id, _utc(r.due_at)) for r in conn.execute(
                        select(publish_timers.c.article_id, publish_timers.c.due_at).where(
                            publish_timers.c.article_id.in_({f[0] for f in found})))} if found else set()
                    rows = [dict(article_id=a, lang=lang, category=cat, due_at=due) for a, lang, cat, due in found
                            if (a, due) not in have]
                    if rows:
                        conn.execute(insert(publish_timers), rows)
                if row is None:
                    conn.execute(insert(publish_cursors).values(name=TIMER_CURSOR, seq=seq, at=now))
                else:
                    conn.execute(update(publish_cursors).where(c.name == TIMER_CURSOR)
                                 .values(seq=max(seq, after), at=now))
        except IntegrityError:
            pass             # a concurrent planner registered the same instants: nothing is lost
        except SQLAlchemyError as exc:
            raise StoreError("cannot update publish timers") from exc

    def _due_timers(self, since: datetime, now: datetime) -> list[tuple[str, str, datetime]]:
        t = publish_timers.c
        try:
            with self.store.engine.connect() as conn:
                rows = conn.execute(select(t.lang, t.category, t.due_at).where(t.due_at > since, t.due_at <= now))
                return [(lang, cat, _utc(due)) for lang, cat, due in rows]  # type: ignore[misc]
        except SQLAlchemyError as exc:
            raise StoreError("cannot read publish timers") from exc

    def forget_timers(self, before: datetime) -> int:
        """Drop timers every feed has already rendered past."""
        try:
            with self.store.engine.begin() as conn:
                return int(conn.execute(delete(publish_timers).where(publish_timers.c.due_at <= before)).rowcount)
        except SQLAlchemyError as exc:
            raise StoreError("cannot prune publish timers") from exc

    # -- planning --------------------------------------------------------------------------------------
    def plan(self, targets: Iterable[FeedTarget], now: datetime, *, full: bool = False) -> Plan:
        """Decide which of ``targets`` to render at ``now``."""
        seq = self.store.max_seq()
        self._sync_timers(seq, now)
        plan = Plan(seq=seq)
        marks = self.watermarks()
        candidates: list[tuple[FeedTarget, Watermark]] = []
        for target in targets:
            mark = marks.get(target.state_key)
            reason = self._static_reason(target, mark, now, full)
            if reason:
                plan.dirty[target.state_key] = reason
            else:
                candidates.append((target, mark))  # type: ignore[arg-type]
        if not candidates:
            return plan
        low = min(m.seq for _, m in candidates)
        changes = self.store.changes_since(low, seq, limit=MAX_TRACED_CHANGES + 1) if low < seq else []
        flood = len(changes) > MAX_TRACED_CHANGES
        scopes = {} if flood else _scopes_of_changes(self.store, changes)
        lang_seq: dict[str, int] = {}
        for (lang, _), s in scopes.items():
            lang_seq[lang] = max(lang_seq.get(lang, -1), s)
        since = min(m.rendered_at for _, m in candidates)
        due: dict[tuple[str, str], datetime] = {}
        for lang, cat, at in self._due_timers(since, now):
            for scope in ((lang, cat), (lang, ALL)):
                if due.get(scope) is None or due[scope] < at:
                    due[scope] = at
        for target, mark in candidates:
            k = target.key
            newest = lang_seq.get(k.lang, -1) if k.category == ALL else scopes.get((k.lang, k.category), -1)
            if flood and mark.seq < seq:
                plan.dirty[target.state_key] = "many changes"
            elif newest > mark.seq:
                plan.dirty[target.state_key] = "articles changed"
            elif (k.lang, k.category) in due and due[(k.lang, k.category)] > mark.rendered_at:
                plan.dirty[target.state_key] = "embargo or publish time reached"
            else:
                plan.clean.append(target.state_key)
        return plan

    @staticmethod
    def _static_reason(target: FeedTarget, mark: Watermark | None, now: datetime, full: bool) -> str | None:
        if full:
            return "full"
        if mark is None:
            return "never published"
        if mark.config_hash != target.config_hash:
            return "config changed"
        if now < mark.rendered_at:
            return "clock before last render"
        if mark.size >= 0:
            try:
                size = target.file.stat().st_size
            except OSError:
                return "file missing"
            if size != mark.size:
                return "file changed on disk"
        return None
