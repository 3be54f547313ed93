"""SQL article store on SQLAlchemy Core: one implementation for SQLite (the default, a file) and PostgreSQL.

Dialect differences are kept here and small: SQLite runs in WAL mode with a busy timeout; PostgreSQL locks the
rows it is about to version (``SELECT … FOR UPDATE``) so two concurrent ingests never hand out one version twice.
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator, Mapping, Sequence

from sqlalchemy import and_, bindparam, create_engine, delete, event, func, insert, or_, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from syndicate.errors import StoreError
from syndicate.model import Article, Origin, Status, content_hash
from syndicate.store.base import FeedState, UpsertResult
from syndicate.store.schema import article_versions, articles, feed_state, metadata, translation_memory

UTC = timezone.utc
_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
# built once (a publish run records every feed it writes): the values come as execution parameters
_UPDATE_FEED_STATE = update(feed_state).where(feed_state.c.path == bindparam("where_path"))
_INSERT_FEED_STATE = insert(feed_state)
_CHUNK = 500


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _row_to_article(row: Mapping[str, Any]) -> Article:
    data = {k: row[k] for k in _ARTICLE_FIELDS}
    for key in ("published", "updated", "embargo"):
        data[key] = _utc(data[key])
    data["status"] = Status(data["status"])
    data["origin"] = Origin(data["origin"])
    data["summary"] = data["summary"] or ""
    return Article(**data)


_STATUSES = {s.value: s for s in Status}
_ORIGINS = {o.value: o for o in Origin}
_DATE_FIELDS = frozenset(("published", "updated", "embargo"))


def _rows_to_articles(result: Any) -> list[Article]:
    """:func:`_row_to_article` for every row of a result, reading the rows as tuples (the same values,
    without building a mapping per row)."""
    keys = list(result.keys())
    index = [keys.index(name) for name in _ARTICLE_FIELDS]
    dates = [i for name, i in zip(_ARTICLE_FIELDS, index) if name in _DATE_FIELDS]
    status_at, origin_at, summary_at = (index[_ARTICLE_FIELDS.index(n)] for n in ("status", "origin", "summary"))
    out: list[Article] = []
    for row in result:
        values = list(row)
        for i in dates:
            value = values[i]
            if value is not None:
                values[i] = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        status = values[status_at]
        values[status_at] = _STATUSES.get(status) or Status(status)
        origin = values[origin_at]
        values[origin_at] = _ORIGINS.get(origin) or Origin(origin)
        values[summary_at] = values[summary_at] or ""
        out.append(Article(*[values[i] for i in index]))
    return out


def _article_to_row(article: Article) -> dict[str, Any]:
    row = {name: getattr(article, name) for name in _ARTICLE_FIELDS}
    row["status"] = article.status.value
    row["origin"] = article.origin.value
    row["family"] = article.family
    return row


def _snapshot(article: Article) -> str:
    row = _article_to_row(article)
    for key in ("published", "updated", "embargo"):
        row[key] = row[key].isoformat() if row[key] else None
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def _from_snapshot(data: str) -> Article:
    row = json.loads(data)
    for key in ("published", "updated", "embargo"):
        row[key] = datetime.fromisoformat(row[key]) if row[key] else None
    return _row_to_article(row)


class SqlStore:
    """Article store on SQLite or PostgreSQL (``postgresql+psycopg://…``)."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self.dialect = "sqlite" if url.startswith("sqlite") else "postgresql"
        try:
            if self.dialect == "sqlite":
                self._ensure_sqlite_dir(url)
                self.engine: Engine = create_engine(url, connect_args={"timeout": 30})
                event.listen(self.engine, "connect", self._sqlite_pragmas)
                # Writes that read-then-write (versioning) take SQLite's write lock up front (BEGIN IMMEDIATE):
                # two processes can then never both read version N and both write N+1.
                self.write_engine: Engine = create_engine(url, connect_args={"timeout": 30, "isolation_level": None})
                event.listen(self.write_engine, "connect", self._sqlite_pragmas)
                event.listen(self.write_engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
            else:
                self.engine = create_engine(url, pool_pre_ping=True)
                self.write_engine = self.engine
            if create:
                metadata.create_all(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError("cannot open store", context=self._safe_url()) from exc

    @staticmethod
    def _ensure_sqlite_dir(url: str) -> None:
        from pathlib import Path
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    def _safe_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True) if hasattr(self, "engine") else self.url

    # -- writing ---------------------------------------------------------------------------------------
    def upsert_many(self, items: Sequence[Article], now: datetime) -> list[UpsertResult]:
        try:
            with self.write_engine.begin() as conn:
                return self.upsert_in(conn, items, now)
        except SQLAlchemyError as exc:
            raise StoreError("cannot store articles", context=self._safe_url()) from exc

    def upsert_in(self, conn: Any, items: Sequence[Article], now: datetime) -> list[UpsertResult]:
        """:meth:`upsert_many` inside the caller's transaction (``conn``); the caller commits."""
        now = _utc(now)  # type: ignore[assignment]
        results: list[UpsertResult] = []
        for start in range(0, len(items), _CHUNK):
            chunk = items[start:start + _CHUNK]
            query = select(articles.c.id, articles.c.version, articles.c.content_hash, articles.c.updated,
                           articles.c.published).where(articles.c.id.in_([a.id for a in chunk]))
            if self.dialect == "postgresql":
                query = query.with_for_update()
            existing = {r["id"]: dict(r) for r in conn.execute(query).mappings()}
            batch: list[tuple[Article, bool]] = []       # (versioned article, is new)
            in_batch: set[str] = set()
            for article in chunk:
                if article.id in in_batch:
                    self._write(conn, batch, now)        # the same id twice: version in order
                    batch, in_batch = [], set()
                result, stored = self._plan(article, existing.get(article.id), now)
                results.append(result)
                if stored is not None:
                    batch.append((stored, result.action == "inserted"))
                    in_batch.add(article.id)
                    existing[article.id] = {"version": stored.version, "content_hash": stored.content_hash,
                                            "updated": stored.updated, "published": stored.published}
            self._write(conn, batch, now)
        return results

    @staticmethod
    def _plan(article: Article, old: Mapping[str, Any] | None, now: datetime
              ) -> tuple[UpsertResult, Article | None]:
        """Decide what storing ``article`` does; the versioned article to write, or None when unchanged."""
        digest = content_hash(article)
        if old is not None and old["content_hash"] == digest:
            return UpsertResult(article.id, "unchanged", old["version"]), None
        version = 1 if old is None else old["version"] + 1
        updated = _utc(article.updated)
        if old is not None:
            previous = _utc(old["updated"]) or _utc(old["published"])
            if updated is None or (previous is not None and updated <= previous):
                updated = now        # a change without a newer source time is dated by the store
        stored = replace(article, version=version, content_hash=digest, updated=updated)
        return UpsertResult(article.id, "inserted" if old is None else "updated", version), stored

    def _write(self, conn: Any, batch: list[tuple[Article, bool]], now: datetime) -> None:
        """Write a batch of new versions (distinct ids) with one statement per kind of row."""
        if not batch:
            return
        version_rows = [dict(article_id=a.id, version=a.version, content_hash=a.content_hash, recorded_at=now,
                             data=_snapshot(a)) for a, _ in batch]
        seqs = conn.execute(insert(article_versions).returning(article_versions.c.seq, sort_by_parameter_order=True),
                            version_rows).scalars().all()
        rows = [(_article_to_row(a) | {"seq": seq}, new) for (a, new), seq in zip(batch, seqs)]
        inserts = [row for row, new in rows if new]
        if inserts:
            conn.execute(insert(articles), inserts)
        updates = [row | {"_id": row["id"]} for row, new in rows if not new]
        if updates:
            columns = {c.name: bindparam(c.name) for c in articles.c}
            conn.execute(update(articles).where(articles.c.id == bindparam("_id")).values(columns), updates)
        for article, _ in batch:
            if article.origin is Origin.HUMAN and article.translation_of:
                # a human translation always wins: drop the machine version of the same language
                conn.execute(delete(articles).where(and_(articles.c.family == article.family,
                                                         articles.c.lang == article.lang,
                                                         articles.c.origin == Origin.MACHINE.value)))

    # -- reading ---------------------------------------------------------------------------------------
    def _query(self, query: Any) -> list[Article]:
        try:
            with self.engine.connect() as conn:
                return _rows_to_articles(conn.execute(query))
        except SQLAlchemyError as exc:
            raise StoreError("store query failed", context=self._safe_url()) from exc

    def get(self, article_id: str) -> Article | None:
        found = self._query(select(articles).where(articles.c.id == article_id))
        return found[0] if found else None

    def get_many(self, ids: Iterable[str]) -> dict[str, Article]:
        ids = list(dict.fromkeys(ids))
        out: dict[str, Article] = {}
        for start in range(0, len(ids), _CHUNK):
            for a in self._query(select(articles).where(articles.c.id.in_(ids[start:start + _CHUNK]))):
                out[a.id] = a
        return out

    def iter_articles(self, *, lang: str | None = None, category: str | None = None,
                      origin: str | None = None) -> Iterator[Article]:
        query = select(articles).order_by(articles.c.published.desc(), articles.c.id)
        if lang:
            query = query.where(articles.c.lang == lang)
        if category:
            query = query.where(articles.c.category == category)
        if origin:
            query = query.where(articles.c.origin == origin)
        try:
            with self.engine.connect() as conn:
                for row in conn.execution_options(yield_per=1000).execute(query).mappings():
                    yield _row_to_article(row)
        except SQLAlchemyError as exc:
            raise StoreError("store query failed", context=self._safe_url()) from exc

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())

    def feed_candidates(self, lang: str, category: str | None, now: datetime, limit: int, *,
                        statuses: Sequence[str] = ("usable",), include_embargoed: bool = False) -> list[Article]:
        now = _utc(now)  # type: ignore[assignment]
        query = (select(articles)
                 .where(articles.c.lang == lang, articles.c.status.in_(list(statuses)),
                        articles.c.published <= now)
                 .order_by(articles.c.published.desc(), articles.c.id).limit(limit))
        if category is not None:
            query = query.where(articles.c.category == category)
        if not include_embargoed:
            query = query.where(or_(articles.c.embargo.is_(None), articles.c.embargo <= now))
        return self._query(query)

    def family_members(self, families: Iterable[str]) -> dict[str, list[Article]]:
        fams = list(dict.fromkeys(families))
        out: dict[str, list[Article]] = {f: [] for f in fams}
        for start in range(0, len(fams), _CHUNK):
            query = (select(articles).where(articles.c.family.in_(fams[start:start + _CHUNK]))
                     .order_by(articles.c.lang, articles.c.id))
            for a in self._query(query):
                out[a.family].append(a)
        return out

    def versions(self, article_id: str) -> list[Article]:
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(select(article_versions.c.data)
                                    .where(article_versions.c.article_id == article_id)
                                    .order_by(article_versions.c.version)).scalars().all()
        except SQLAlchemyError as exc:
            raise StoreError("store query failed", context=self._safe_url()) from exc
        return [_from_snapshot(d) for d in rows]

    # -- translation memory ----------------------------------------------------------------------------
    def tm_get_many(self, engine: str, model_id: str, src: str, dst: str, hashes: Sequence[str]) -> dict[str, str]:
        tm = translation_memory.c
        out: dict[str, str] = {}
        wanted = list(dict.fromkeys(hashes))
        try:
            with self.engine.connect() as conn:
                for start in range(0, len(wanted), _CHUNK):
                    query = select(tm.source_hash, tm.target).where(
                        tm.engine == engine, tm.model_id == model_id, tm.src == src, tm.dst == dst,
                        tm.source_hash.in_(wanted[start:start + _CHUNK]))
                    out.update({h: t for h, t in conn.execute(query)})
        except SQLAlchemyError as exc:
            raise StoreError("translation memory query failed", context=self._safe_url()) from exc
        return out

    def tm_put_many(self, engine: str, model_id: str, src: str, dst: str, pairs: Mapping[str, str]) -> None:
        if not pairs:
            return
        have = self.tm_get_many(engine, model_id, src, dst, list(pairs))
        rows = [dict(engine=engine, model_id=model_id, src=src, dst=dst, source_hash=h, target=t)
                for h, t in pairs.items() if h not in have]
        if not rows:
            return
        try:
            with self.engine.begin() as conn:
                if self.dialect == "postgresql":
                    from sqlalchemy.dialects.postgresql import insert as pg_insert
                    conn.execute(pg_insert(translation_memory).on_conflict_do_nothing(), rows)
                else:
                    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
                    conn.execute(sqlite_insert(translation_memory).on_conflict_do_nothing(), rows)
        except SQLAlchemyError as exc:
            raise StoreError("cannot write translation memory", context=self._safe_url()) from exc

    # -- feed state ------------------------------------------------------------------------------------
    def feed_state(self, path: str) -> FeedState | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(feed_state).where(feed_state.c.path == path)).mappings().first()
        if row is None:
            return None
        return FeedState(path=row["path"], sha256=row["sha256"], size=row["size"], items=row["items"],
                         last_modified=_utc(row["last_modified"]), written_at=_utc(row["written_at"]))

    def all_feed_states(self) -> list[FeedState]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(feed_state).order_by(feed_state.c.path)).mappings().all()
        return [FeedState(path=r["path"], sha256=r["sha256"], size=r["size"], items=r["items"],
                          last_modified=_utc(r["last_modified"]), written_at=_utc(r["written_at"])) for r in rows]

    def record_feed(self, state: FeedState) -> None:
        values = dict(path=state.path, sha256=state.sha256, size=state.size, items=state.items,
                      last_modified=state.last_modified, written_at=state.written_at)
        try:
            with self.engine.begin() as conn:
                done = conn.execute(_UPDATE_FEED_STATE, {"where_path": state.path, **values})
                if done.rowcount == 0:
                    conn.execute(_INSERT_FEED_STATE, values)
        except SQLAlchemyError as exc:
            raise StoreError("cannot record feed state", context=self._safe_url()) from exc

    # -- change tracking (incremental publishing) ------------------------------------------------------
    def max_seq(self) -> int:
        """The newest ``article_versions.seq`` (0 for an empty store): a cursor over every change."""
        try:
            with self.engine.connect() as conn:
                return int(conn.execute(select(func.max(article_versions.c.seq))).scalar() or 0)
        except SQLAlchemyError as exc:
            raise StoreError("store query failed", context=self._safe_url()) from exc

    def changes_since(self, seq: int, upto: int | None = None, *, limit: int | None = None
                      ) -> list[dict[str, Any]]:
        """Current rows changed after ``seq`` (up to ``upto``), oldest change first, at most ``limit``:
        seq, id, family, lang, category, version, published, embargo."""
        a = articles.c
        query = (select(a.seq, a.id, a.family, a.lang, a.category, a.version, a.published, a.embargo)
                 .where(a.seq > seq).order_by(a.seq))
        if upto is not None:
            query = query.where(a.seq <= upto)
        if limit is not None:
            query = query.limit(limit)
        try:
            with self.engine.connect() as conn:
                rows = [dict(r) for r in conn.execute(query).mappings()]
        except SQLAlchemyError as exc:
            raise StoreError("store query failed", context=self._safe_url()) from exc
        for row in rows:
            row["published"], row["embargo"] = _utc(row["published"]), _utc(row["embargo"])
        return rows

    def future_visibility(self, after: int, upto: int, now: datetime) -> list[tuple[str, str, str, datetime]]:
        """(id, lang, category, instant) for rows changed in ``(after, upto]`` that become visible later than
        ``now`` (a future ``published`` or ``embargo``); one tuple per future instant."""
        now = _utc(now)  # type: ignore[assignment]
        a = articles.c
        query = select(a.id, a.lang, a.category, a.published, a.embargo).where(
            a.seq > after, a.seq <= upto, or_(a.published > now, a.embargo > now))
        out: list[tuple[str, str, str, datetime]] = []
        try:
            with self.engine.connect() as conn:
                for article_id, lang, cat, published, embargo in conn.execute(query):
                    for instant in {_utc(published), _utc(embargo)}:
                        if instant is not None and instant > now:
                            out.append((article_id, lang, cat, instant))
        except SQLAlchemyError as exc:
            raise StoreError("store query failed", context=self._safe_url()) from exc
        return out

    def family_scopes(self, families: Iterable[str]) -> list[tuple[str, str, str]]:
        """(family, lang, category) of every current member of the given families."""
        fams = list(dict.fromkeys(families))
        out: list[tuple[str, str, str]] = []
        try:
            with self.engine.connect() as conn:
                for start in range(0, len(fams), _CHUNK):
                    query = select(articles.c.family, articles.c.lang, articles.c.category).where(
                        articles.c.family.in_(fams[start:start + _CHUNK]))
                    out.extend((f, lang, cat) for f, lang, cat in conn.execute(query))
        except SQLAlchemyError as exc:
            raise StoreError("store query failed", context=self._safe_url()) from exc
        return out

    def categories_before(self, ids: Iterable[str], seq: int) -> dict[str, set[str]]:
        """Categories the given articles had in versions recorded up to ``seq`` (an article can move)."""
        wanted = list(dict.fromkeys(ids))
        out: dict[str, set[str]] = {}
        try:
            with self.engine.connect() as conn:
                for start in range(0, len(wanted), _CHUNK):
                    query = select(article_versions.c.article_id, article_versions.c.data).where(
                        article_versions.c.article_id.in_(wanted[start:start + _CHUNK]),
                        article_versions.c.seq <= seq)
                    for article_id, data in conn.execute(query):
                        out.setdefault(article_id, set()).add(json.loads(data)["category"])
        except SQLAlchemyError as exc:
            raise StoreError("store query failed", context=self._safe_url()) from exc
        return out

    # -- housekeeping ----------------------------------------------------------------------------------
    def check(self) -> list[str]:
        problems: list[str] = []
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
                for table in (articles, article_versions, translation_memory, feed_state):
                    conn.execute(select(func.count()).select_from(table))
        except SQLAlchemyError as exc:
            problems.append(f"store {self._safe_url()}: {type(exc).__name__}: {exc}".splitlines()[0])
        return problems

    def close(self) -> None:
        self.engine.dispose()
        if self.write_engine is not self.engine:
            self.write_engine.dispose()
