"""The store: every byte of state syndicate keeps, and the only package that speaks SQL.

``open_store(url)`` opens SQLite (``sqlite:///path``, the default) or PostgreSQL
(``postgresql+psycopg://…``); a new database is created at the current schema version, an older one must be
upgraded with ``syndicate migrate`` first (:mod:`.migrations`). The store object is made of one part per
domain, each with its own tables and methods::

    store.articles     articles and their versions, the change sequence            (articles.py)
    store.memory       translation memory                                           (translations.py)
    store.pending      translations waiting for a retry                             (translations.py)
    store.reviews      machine translations waiting for an editor                   (translations.py)
    store.feeds        feed state, watermarks, visibility timers, named cursors     (feeds.py)
    store.runs         the job run ledger                                           (runs.py)
    store.delivery     change log (items API, push, item files) and push queue      (delivery.py)
    store.locks        store-wide named locks                                       (locks.py)
    store.limits       rate limits shared by server workers                         (limits.py)
"""

from __future__ import annotations

from syndicate.store.articles import Articles, Change, UpsertResult
from syndicate.store.db import Database
from syndicate.store.delivery import Claim, Delivery, Entry, Release
from syndicate.store.feeds import Cursor, Feeds, FeedState, Watermark
from syndicate.store.limits import Quota, RateLimits
from syndicate.store.locks import Locks
from syndicate.store.migrations import SchemaVersionError, check_store, ensure_current, migrate
from syndicate.store.runs import Run, Runs
from syndicate.store.translations import PendingTranslations, TranslationMemoryTable, TranslationReviews


class Store:
    """One store database and its parts (see the module docs)."""

    def __init__(self, url: str, *, check_version: bool = True) -> None:
        self.db = Database(url)
        try:
            if check_version:
                ensure_current(self.db)
        except BaseException:
            self.db.close()
            raise
        self.articles = Articles(self.db)
        self.memory = TranslationMemoryTable(self.db)
        self.pending = PendingTranslations(self.db)
        self.reviews = TranslationReviews(self.db)
        self.feeds = Feeds(self.db)
        self.runs = Runs(self.db)
        self.delivery = Delivery(self.db)
        self.locks = Locks(self.db)
        self.limits = RateLimits(self.db)

    @property
    def url(self) -> str:
        return self.db.url

    @property
    def dialect(self) -> str:
        return self.db.dialect

    @property
    def safe_url(self) -> str:
        return self.db.safe_url

    def check(self) -> list[str]:
        """Problems found (empty when the store is usable): connection, schema version and columns."""
        return check_store(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_store(url: str) -> Store:
    """Open the store at ``url`` (creating an empty one).

    Raises:
        SchemaVersionError: the store must be migrated first (or is newer than this code).
        StoreError: it cannot be opened.
    """
    return Store(url)


__all__ = ["Articles", "Change", "Claim", "Cursor", "Delivery", "Entry", "FeedState", "Feeds", "Locks",
           "PendingTranslations", "Quota", "RateLimits", "Release", "Run", "Runs", "SchemaVersionError", "Store",
           "TranslationMemoryTable", "UpsertResult", "Watermark", "migrate", "open_store"]
