"""The store-backed translation memory (implements :class:`syndicate.translators.cache.TranslationMemory`)."""

from __future__ import annotations

from typing import Mapping, Sequence

from syndicate.translate.memory import TMKey
from syndicate.store.sql import SqlStore


class StoreTM:
    """Translation memory rows in the article store, keyed by engine, model id, pair and segment hash."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def get_many(self, key: TMKey, hashes: Sequence[str]) -> dict[str, str]:
        return self.store.tm_get_many(key.engine, key.model_id, key.src, key.dst, hashes)

    def put_many(self, key: TMKey, pairs: Mapping[str, str]) -> None:
        self.store.tm_put_many(key.engine, key.model_id, key.src, key.dst, pairs)
