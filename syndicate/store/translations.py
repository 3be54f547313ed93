"""Translation memory (one row per engine, model, pair and sentence hash) and the pairs waiting for a retry.

:class:`TranslationMemoryTable` satisfies :class:`syndicate.translate.memory.TranslationMemory` directly: its
key is any ``(engine, model_id, src, dst)`` tuple.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, tuple_, update

from syndicate.model import Article
from syndicate.store.db import CHUNK, Database
from syndicate.store.schema import translation_memory, translation_pending, translation_reviews
from syndicate.store.snapshots import decode, encode
from syndicate.times import utc

TMKeyTuple = tuple[str, str, str, str]      # (engine, model_id, src, dst)


class TranslationMemoryTable:
    """The store's translation memory."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get_many(self, key: TMKeyTuple, hashes: Sequence[str]) -> dict[str, str]:
        """Known translations among ``hashes`` (segment hash -> translated text)."""
        engine, model_id, src, dst = key
        tm = translation_memory.c
        out: dict[str, str] = {}
        wanted = list(dict.fromkeys(hashes))
        with self.db.read("translation memory query failed") as conn:
            for start in range(0, len(wanted), CHUNK):
                query = select(tm.source_hash, tm.target).where(
                    tm.engine == engine, tm.model_id == model_id, tm.src == src, tm.dst == dst,
                    tm.source_hash.in_(wanted[start:start + CHUNK]))
                out.update({h: t for h, t in conn.execute(query)})
        return out

    def put_many(self, key: TMKeyTuple, pairs: Mapping[str, str]) -> None:
        """Store ``{segment hash: translation}``; an entry already there is kept."""
        if not pairs:
            return
        engine, model_id, src, dst = key
        have = self.get_many(key, list(pairs))
        rows = [dict(engine=engine, model_id=model_id, src=src, dst=dst, source_hash=h, target=t)
                for h, t in pairs.items() if h not in have]
        if not rows:
            return
        with self.db.write("cannot write translation memory") as conn:
            conn.execute(self.db.insert_ignore(translation_memory), rows)


class PendingTranslations:
    """(original id, target language) pairs whose translation failed and will be retried."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[tuple[str, str, str | None]]:
        """Every pending pair with its last error, oldest first."""
        p = translation_pending.c
        with self.db.read("cannot read pending translations") as conn:
            return [(a, d, e) for a, d, e in conn.execute(
                select(p.article_id, p.dst, p.error).order_by(p.since, p.article_id, p.dst))]

    def count_by_language(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for _, dst, _ in self.all():
            out[dst] = out.get(dst, 0) + 1
        return out

    def add(self, pairs: Iterable[tuple[str, str, str]], now: datetime) -> None:
        """Remember failed pairs ``(article id, dst, error)`` (the error of a pair already pending is updated)."""
        rows = {(a, d): e for a, d, e in pairs}
        if not rows:
            return
        p = translation_pending.c
        with self.db.write("cannot record pending translations") as conn:
            keys = list(rows)
            for start in range(0, len(keys), CHUNK):
                conn.execute(delete(translation_pending).where(
                    tuple_(p.article_id, p.dst).in_(keys[start:start + CHUNK])))
            # a concurrent translator may record the same pair: it is pending either way
            conn.execute(self.db.insert_ignore(translation_pending),
                         [dict(article_id=a, dst=d, error=e[:2000], since=now) for (a, d), e in rows.items()])

    def remove(self, pairs: Iterable[tuple[str, str]]) -> None:
        keys = list(dict.fromkeys(pairs))
        if not keys:
            return
        p = translation_pending.c
        with self.db.write("cannot clear pending translations") as conn:
            for start in range(0, len(keys), CHUNK):
                conn.execute(delete(translation_pending).where(
                    tuple_(p.article_id, p.dst).in_(keys[start:start + CHUNK])))


@dataclass(frozen=True)
class Review:
    """One machine translation in the review queue."""

    id: str
    original_id: str
    dst: str
    source_version: int
    state: str
    article: Article
    editor: str | None
    note: str | None
    updated_at: datetime


class TranslationReviews:
    """The editorial review queue of machine translations (``translation_reviews``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def submit(self, translations: Iterable[Article], now: datetime) -> None:
        """Queue machine translations as ``pending`` (a queued or decided one of the same id is replaced: a
        new version of the original sends its translation back to review)."""
        rows = [dict(id=a.id, original_id=a.translation_of or a.id, dst=a.lang, source_version=a.source_version or 0,
                     state="pending", data=encode(a), editor=None, note=None, updated_at=now) for a in translations]
        if not rows:
            return
        r = translation_reviews.c
        with self.db.write("cannot queue translations for review") as conn:
            conn.execute(delete(translation_reviews).where(r.id.in_([row["id"] for row in rows])))
            conn.execute(translation_reviews.insert(), rows)

    def supersede(self, ids: Sequence[str], now: datetime) -> None:
        """Mark the pending entries of these translation ids ``superseded`` (the original was withheld or
        killed since: approving the queued text would publish it again)."""
        r = translation_reviews.c
        if not ids:
            return
        with self.db.write("cannot update the review queue") as conn:
            for start in range(0, len(ids), CHUNK):
                conn.execute(update(translation_reviews)
                             .where(r.id.in_(list(ids[start:start + CHUNK])), r.state == "pending")
                             .values(state="superseded", updated_at=now))

    def get(self, review_id: str) -> Review | None:
        """One queue entry, or None."""
        found = self._select(translation_reviews.c.id == review_id)
        return found[0] if found else None

    def entries(self, state: str | None = "pending", dst: str | None = None) -> list[Review]:
        """Entries in ``state`` (None: all), optionally of one language, oldest first."""
        r = translation_reviews.c
        conditions = [c for c in ((r.state == state) if state else None, (r.dst == dst) if dst else None)
                      if c is not None]
        return self._select(*conditions)

    def _select(self, *conditions: Any) -> list[Review]:
        r = translation_reviews.c
        query = select(r.id, r.original_id, r.dst, r.source_version, r.state, r.data, r.editor, r.note,
                       r.updated_at).where(*conditions).order_by(r.updated_at, r.id)
        with self.db.read("review queue query failed") as conn:
            rows = list(conn.execute(query))
        return [Review(row[0], row[1], row[2], row[3], row[4], decode(row[5]), row[6], row[7], utc(row[8]))
                for row in rows]

    def decide(self, review_id: str, state: str, editor: str | None, note: str | None, now: datetime) -> None:
        """Record an editor's decision (``approved``, ``rejected``, ``edited``)."""
        r = translation_reviews.c
        with self.db.write("cannot record the review") as conn:
            conn.execute(update(translation_reviews).where(r.id == review_id)
                         .values(state=state, editor=editor, note=note, updated_at=now))

    def count_by_language(self, state: str = "pending") -> dict[str, int]:
        """``{dst: n}`` of entries in ``state``."""
        r = translation_reviews.c
        with self.db.read("review queue query failed") as conn:
            return {d: n for d, n in conn.execute(select(r.dst, func.count()).where(r.state == state)
                                                  .group_by(r.dst).order_by(r.dst))}
