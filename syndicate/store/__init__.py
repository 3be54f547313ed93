"""Article stores. ``open_store(url)`` picks the backend from the URL scheme."""

from __future__ import annotations

from syndicate.store.base import ArticleStore, FeedState, UpsertResult
from syndicate.store.sql import SqlStore


def open_store(url: str) -> SqlStore:
    """Open (and create the tables of) the store at ``url``: ``sqlite:///path`` or ``postgresql+psycopg://…``."""
    return SqlStore(url)


__all__ = ["ArticleStore", "FeedState", "SqlStore", "UpsertResult", "open_store"]
