"""The store contract. Backends: :mod:`syndicate.stores.sql` (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Iterator, Mapping, Protocol, Sequence

from syndicate.model import Article


@dataclass(frozen=True)
class UpsertResult:
    """What storing one article did: ``"inserted"``, ``"updated"`` (new version) or ``"unchanged"``."""

    id: str
    action: str
    version: int


@dataclass(frozen=True)
class FeedState:
    path: str
    sha256: str
    size: int
    items: int
    last_modified: datetime | None
    written_at: datetime


class ArticleStore(Protocol):
    """Where articles live. All times are aware UTC datetimes."""

    def upsert_many(self, articles: Sequence[Article], now: datetime) -> list[UpsertResult]:
        """Store articles; identical content changes nothing, changed content or status bumps ``version``."""
        ...

    def get(self, article_id: str) -> Article | None: ...

    def get_many(self, ids: Iterable[str]) -> dict[str, Article]: ...

    def iter_articles(self, *, lang: str | None = None, category: str | None = None,
                      origin: str | None = None) -> Iterator[Article]: ...

    def feed_candidates(self, lang: str, category: str | None, now: datetime, limit: int, *,
                        statuses: Sequence[str] = ("usable",), include_embargoed: bool = False) -> list[Article]:
        """Newest-first (published desc, id asc) articles of a feed visible at ``now``; ``category=None`` = all."""
        ...

    def family_members(self, families: Iterable[str]) -> dict[str, list[Article]]:
        """All language versions of the given families (original ids), keyed by family."""
        ...

    def versions(self, article_id: str) -> list[Article]:
        """Every stored version of an article, oldest first."""
        ...

    def tm_get_many(self, engine: str, model_id: str, src: str, dst: str,
                    hashes: Sequence[str]) -> dict[str, str]: ...

    def tm_put_many(self, engine: str, model_id: str, src: str, dst: str, pairs: Mapping[str, str]) -> None: ...

    def feed_state(self, path: str) -> FeedState | None: ...

    def record_feed(self, state: FeedState) -> None: ...

    def check(self) -> list[str]:
        """Problems found (empty when the store is usable)."""
        ...

    def close(self) -> None: ...
