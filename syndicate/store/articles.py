"""Articles and their versions: the newsroom's content and its whole history.

``articles`` holds the current state of every language version; ``article_versions`` a snapshot of every
version ever stored, numbered by ``seq``, the store's change sequence (a cursor over every change, used by
incremental publishing, pending translations and the delivery change log).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from syndicate.model import Article, Origin, Status, content_hash
from syndicate.store.db import CHUNK, Database
from syndicate.store.schema import article_versions, articles
from syndicate.store.snapshots import article_row, decode, encode
from syndicate.times import utc

_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_STATUSES = {s.value: s for s in Status}
_ORIGINS = {o.value: o for o in Origin}
_DATE_FIELDS = frozenset(("published", "updated", "embargo"))
#: the columns an Article is read from (``public_at``, ``family`` and ``seq`` are derived or internal)
_COLUMNS = [articles.c[name] for name in _ARTICLE_FIELDS]


@dataclass(frozen=True)
class UpsertResult:
    """What storing one article did: ``"inserted"``, ``"updated"`` (new version) or ``"unchanged"``."""

    id: str
    action: str
    version: int


@dataclass(frozen=True)
class Change:
    """The current state of an article changed after some ``seq`` (what the incremental planner needs)."""

    seq: int
    id: str
    family: str
    lang: str
    category: str
    version: int
    published: datetime
    embargo: datetime | None


def _articles(result: Any) -> list[Article]:
    """Articles from a result of ``select(*_COLUMNS)``, read as tuples (no mapping per row)."""
    status_at, origin_at, summary_at = (_ARTICLE_FIELDS.index(n) for n in ("status", "origin", "summary"))
    dates = [i for i, name in enumerate(_ARTICLE_FIELDS) if name in _DATE_FIELDS]
    out: list[Article] = []
    for row in result:
        values = list(row)
        for i in dates:
            if values[i] is not None:
                values[i] = utc(values[i])
        status = values[status_at]
        values[status_at] = _STATUSES.get(status) or Status(status)
        origin = values[origin_at]
        values[origin_at] = _ORIGINS.get(origin) or Origin(origin)
        values[summary_at] = values[summary_at] or ""
        out.append(Article(*values))
    return out


class Articles:
    """Reads and writes ``articles`` and ``article_versions``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writing ---------------------------------------------------------------------------------------
    def upsert_many(self, items: Sequence[Article], now: datetime) -> list[UpsertResult]:
        """Store articles; identical content changes nothing, changed content or status makes a new version."""
        with self.db.write("cannot store articles") as conn:
            return self.upsert_in(conn, items, now)

    def upsert_in(self, conn: Connection, items: Sequence[Article], now: datetime) -> list[UpsertResult]:
        """:meth:`upsert_many` inside the caller's transaction (``conn``); the caller commits."""
        now = utc(now)
        results: list[UpsertResult] = []
        for start in range(0, len(items), CHUNK):
            chunk = items[start:start + CHUNK]
            query = select(articles.c.id, articles.c.version, articles.c.content_hash, articles.c.updated,
                           articles.c.published).where(articles.c.id.in_([a.id for a in chunk]))
            if self.db.dialect == "postgresql":
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
        updated = utc(article.updated)
        if old is not None:
            previous = utc(old["updated"]) or utc(old["published"])
            if updated is None or (previous is not None and updated <= previous):
                updated = now        # a change without a newer source time is dated by the store
        stored = replace(article, version=version, content_hash=digest, updated=updated)
        return UpsertResult(article.id, "inserted" if old is None else "updated", version), stored

    def _write(self, conn: Connection, batch: list[tuple[Article, bool]], now: datetime) -> None:
        """Write a batch of new versions (distinct ids) with one statement per kind of row."""
        if not batch:
            return
        version_rows = [dict(article_id=a.id, version=a.version, content_hash=a.content_hash, recorded_at=now,
                             data=encode(a)) for a, _ in batch]
        seqs = conn.execute(insert(article_versions).returning(article_versions.c.seq, sort_by_parameter_order=True),
                            version_rows).scalars().all()
        rows = [(article_row(a) | {"seq": seq}, new) for (a, new), seq in zip(batch, seqs, strict=True)]
        inserts = [row for row, new in rows if new]
        if inserts:
            conn.execute(insert(articles), inserts)
        updates = [row | {"_id": row["id"]} for row, new in rows if not new]
        if updates:
            columns: dict[str, Any] = {c.name: bindparam(c.name) for c in articles.c}
            conn.execute(update(articles).where(articles.c.id == bindparam("_id")).values(columns), updates)
        for article, _ in batch:
            if article.origin is Origin.HUMAN and article.translation_of:
                # a human translation always wins: drop the machine version of the same language
                conn.execute(delete(articles).where(and_(articles.c.family == article.family,
                                                         articles.c.lang == article.lang,
                                                         articles.c.origin == Origin.MACHINE.value)))

    # -- reading ---------------------------------------------------------------------------------------
    def _query(self, query: Any) -> list[Article]:
        with self.db.read("store query failed") as conn:
            return _articles(conn.execute(query))

    def get(self, article_id: str) -> Article | None:
        found = self._query(select(*_COLUMNS).where(articles.c.id == article_id))
        return found[0] if found else None

    def get_many(self, ids: Iterable[str]) -> dict[str, Article]:
        wanted = list(dict.fromkeys(ids))
        out: dict[str, Article] = {}
        for start in range(0, len(wanted), CHUNK):
            for a in self._query(select(*_COLUMNS).where(articles.c.id.in_(wanted[start:start + CHUNK]))):
                out[a.id] = a
        return out

    def iter_articles(self, *, lang: str | None = None, category: str | None = None,
                      origin: Origin | None = None) -> Iterator[Article]:
        """Every current article (newest first), optionally of one language, category or origin."""
        query = select(*_COLUMNS).order_by(articles.c.published.desc(), articles.c.id)
        if lang:
            query = query.where(articles.c.lang == lang)
        if category:
            query = query.where(articles.c.category == category)
        if origin:
            query = query.where(articles.c.origin == origin.value)
        with self.db.read("store query failed") as conn:
            result = conn.execution_options(yield_per=1000).execute(query)
            while batch := result.fetchmany(1000):
                yield from _articles(batch)

    def count(self) -> int:
        with self.db.read("store query failed") as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())

    def feed_candidates(self, lang: str, category: str | None, now: datetime, limit: int, *,
                        statuses: Sequence[Status] = (Status.USABLE,), early: bool = False,
                        categories: Iterable[str] | None = None) -> list[Article]:
        """The newest articles of a feed that may be visible at ``now``, newest release first.

        ``early`` orders and filters by ``published`` (partners that receive embargoed items early); otherwise
        by ``public_at``, the later of ``published`` and ``embargo``, so an item released by its embargo sorts
        as new. ``category=None`` is every category (of ``categories``, when given). The policy decides what is
        really shown.
        """
        now = utc(now)
        when = articles.c.published if early else articles.c.public_at
        query = (select(*_COLUMNS)
                 .where(articles.c.lang == lang, articles.c.status.in_([s.value for s in statuses]), when <= now)
                 .order_by(when.desc(), articles.c.id).limit(limit))
        if category is not None:
            query = query.where(articles.c.category == category)
        elif categories is not None:
            query = query.where(articles.c.category.in_(sorted(categories)))
        return self._query(query)

    def not_public(self, now: datetime) -> list[Article]:
        """Articles the public cannot see at ``now`` for a reason of their own: not yet released (embargo or a
        future ``published``) or not usable. For ``status`` and publish reports."""
        now = utc(now)
        # two queries, each on its own index (an OR of the two makes SQLite scan the whole table)
        later = self._query(select(*_COLUMNS).where(articles.c.public_at > now))
        unusable = self._query(select(*_COLUMNS).where(
            articles.c.status.in_([Status.WITHHELD.value, Status.CANCELED.value])))
        found = {a.id: a for a in (*later, *unusable)}
        return sorted(found.values(), key=lambda a: (a.public_at, a.id))

    def family_members(self, families: Iterable[str]) -> dict[str, list[Article]]:
        """All current language versions of the given families (original ids), keyed by family."""
        fams = list(dict.fromkeys(families))
        out: dict[str, list[Article]] = {f: [] for f in fams}
        for start in range(0, len(fams), CHUNK):
            query = (select(*_COLUMNS).where(articles.c.family.in_(fams[start:start + CHUNK]))
                     .order_by(articles.c.lang, articles.c.id))
            for a in self._query(query):
                out[a.family].append(a)
        return out

    def versions(self, article_id: str) -> list[Article]:
        """Every stored version of an article, oldest first (old snapshot formats are upgraded)."""
        return self.versions_of([article_id]).get(article_id, [])

    def versions_of(self, ids: Iterable[str]) -> dict[str, list[Article]]:
        """Every stored version of each article, oldest first."""
        wanted = list(dict.fromkeys(ids))
        out: dict[str, list[Article]] = {}
        with self.db.read("store query failed") as conn:
            for start in range(0, len(wanted), CHUNK):
                query = (select(article_versions.c.article_id, article_versions.c.data)
                         .where(article_versions.c.article_id.in_(wanted[start:start + CHUNK]))
                         .order_by(article_versions.c.article_id, article_versions.c.version))
                for article_id, data in conn.execute(query):
                    out.setdefault(article_id, []).append(decode(data))
        return out

    def version_at(self, seq: int) -> Article | None:
        """The version recorded at change ``seq``."""
        with self.db.read("store query failed") as conn:
            data = conn.execute(select(article_versions.c.data)
                                .where(article_versions.c.seq == seq)).scalar_one_or_none()
        return decode(data) if data is not None else None

    # -- change tracking -------------------------------------------------------------------------------
    def max_seq(self) -> int:
        """The newest ``article_versions.seq`` (0 for an empty store): a cursor over every change."""
        with self.db.read("store query failed") as conn:
            return int(conn.execute(select(func.max(article_versions.c.seq))).scalar() or 0)

    def changes_since(self, seq: int, upto: int | None = None, *, limit: int | None = None) -> list[Change]:
        """Current rows changed after ``seq`` (up to ``upto``), oldest change first, at most ``limit``."""
        a = articles.c
        query = (select(a.seq, a.id, a.family, a.lang, a.category, a.version, a.published, a.embargo)
                 .where(a.seq > seq).order_by(a.seq))
        if upto is not None:
            query = query.where(a.seq <= upto)
        if limit is not None:
            query = query.limit(limit)
        with self.db.read("store query failed") as conn:
            rows = conn.execute(query).all()
        return [Change(int(r.seq), r.id, r.family, r.lang, r.category, int(r.version), utc(r.published),
                       utc(r.embargo)) for r in rows]

    def originals_changed(self, after: int, upto: int, languages: Sequence[str], *, limit: int
                          ) -> tuple[int, list[Article]]:
        """Originals of the given languages whose current version was recorded in ``(after, upto]``, oldest
        change first, at most ``limit``; and the seq to continue after (``upto`` when nothing is left)."""
        query = (select(articles.c.seq, *_COLUMNS)
                 .where(articles.c.seq > after, articles.c.seq <= upto,
                        articles.c.origin == Origin.ORIGINAL.value, articles.c.lang.in_(list(languages)))
                 .order_by(articles.c.seq).limit(limit))
        with self.db.read("store query failed") as conn:
            rows = conn.execute(query).all()
        if len(rows) < limit:
            return upto, _articles(row[1:] for row in rows)
        return int(rows[-1][0]), _articles(row[1:] for row in rows)

    def future_visibility(self, after: int, upto: int, now: datetime) -> list[tuple[str, str, str, datetime]]:
        """(id, lang, category, instant) for rows changed in ``(after, upto]`` that become visible later than
        ``now`` (a future ``published`` or ``embargo``); one tuple per future instant."""
        now = utc(now)
        a = articles.c
        query = select(a.id, a.lang, a.category, a.published, a.embargo).where(
            a.seq > after, a.seq <= upto, or_(a.published > now, a.embargo > now))
        out: list[tuple[str, str, str, datetime]] = []
        with self.db.read("store query failed") as conn:
            for article_id, lang, cat, published, embargo in conn.execute(query):
                for instant in {utc(published), utc(embargo)}:
                    if instant is not None and instant > now:
                        out.append((article_id, lang, cat, instant))
        return out

    def family_scopes(self, families: Iterable[str]) -> list[tuple[str, str, str]]:
        """(family, lang, category) of every current member of the given families."""
        fams = list(dict.fromkeys(families))
        out: list[tuple[str, str, str]] = []
        with self.db.read("store query failed") as conn:
            for start in range(0, len(fams), CHUNK):
                query = select(articles.c.family, articles.c.lang, articles.c.category).where(
                    articles.c.family.in_(fams[start:start + CHUNK]))
                out.extend((f, lang, cat) for f, lang, cat in conn.execute(query))
        return out

    def categories_before(self, ids: Iterable[str], seq: int) -> dict[str, set[str]]:
        """Categories the given articles had in versions recorded up to ``seq`` (an article can move)."""
        wanted = list(dict.fromkeys(ids))
        out: dict[str, set[str]] = {}
        with self.db.read("store query failed") as conn:
            for start in range(0, len(wanted), CHUNK):
                query = select(article_versions.c.article_id, article_versions.c.data).where(
                    article_versions.c.article_id.in_(wanted[start:start + CHUNK]),
                    article_versions.c.seq <= seq)
                for article_id, data in conn.execute(query):
                    out.setdefault(article_id, set()).add(decode(data).category)
        return out


__all__ = ["Articles", "Change", "UpsertResult"]
