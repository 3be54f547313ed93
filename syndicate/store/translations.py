"""Translation memory (one row per engine, model, pair and sentence hash) and the pairs waiting for a retry.

:class:`TranslationMemoryTable` satisfies :class:`syndicate.translate.memory.TranslationMemory` directly: its
key is any ``(engine, model_id, src, dst)`` tuple.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from sqlalchemy import delete, select, tuple_

from syndicate.store.db import CHUNK, Database
from syndicate.store.schema import translation_memory, translation_pending

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
