"""The ingest use case: read a source, store every valid item, report every rejected one with its position.

Shared by ``syndicate ingest``, ``demo`` and scheduled ``ingest`` jobs. Returns a report with per-item errors as
values; nothing here prints.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime

from syndicate.config import Config
from syndicate.errors import ItemError
from syndicate.ingest import IngestOptions, load
from syndicate.model import Article, Origin
from syndicate.redact import redact_url
from syndicate.store import Store, UpsertResult

log = logging.getLogger("syndicate.ingest")


@dataclass
class IngestReport:
    source: str
    stored: list[UpsertResult] = field(default_factory=list)
    rejected: list[tuple[str, ItemError]] = field(default_factory=list)   # (position, error)

    def count(self, action: str) -> int:
        return sum(1 for r in self.stored if r.action == action)

    @property
    def ok(self) -> bool:
        return not self.rejected


def _link_translations(articles: list[tuple[str, Article]], store: Store
                       ) -> tuple[list[tuple[str, Article]], list[tuple[str, ItemError]]]:
    """Mark ingested translations as human and reject those whose original exists nowhere."""
    batch_ids = {a.id for _, a in articles}
    wanted = {a.translation_of for _, a in articles if a.translation_of and a.translation_of not in batch_ids}
    known = set(store.articles.get_many(wanted)) if wanted else set()
    good: list[tuple[str, Article]] = []
    bad: list[tuple[str, ItemError]] = []
    for pos, article in articles:
        if article.translation_of:
            if article.translation_of == article.id:
                bad.append((pos, ItemError("an article cannot be a translation of itself", item=article.id,
                                           field="translation_of")))
                continue
            if article.translation_of not in batch_ids and article.translation_of not in known:
                bad.append((pos, ItemError(f"points to unknown article {article.translation_of!r}",
                                           item=article.id, field="translation_of")))
                continue
            if article.origin is Origin.ORIGINAL:
                article = replace(article, origin=Origin.HUMAN)
        good.append((pos, article))
    return good, bad


def ingest(config: Config, store: Store, source: str, now: datetime, *, fmt: str = "auto",
           category: str | None = None, lang: str | None = None) -> IngestReport:
    """Read ``source`` (path or URL), store every valid item, report every rejected one with its position.

    Raises:
        IngestError: the source as a whole cannot be read.
        StoreError: the store failed.
    """
    options = IngestOptions(category=category, lang=lang,
                            categories=frozenset(c.slug for c in config.categories),
                            languages=frozenset(config.feed_languages), base_url=config.site.base_url)
    parsed = load(source, fmt, options, policy=config.fetch)
    source = redact_url(source)          # from here on the source is only shown: never its credentials
    report = IngestReport(source=source)
    good: list[tuple[str, Article]] = []
    for p in parsed:
        if p.error is not None:
            report.rejected.append((p.position, p.error))
        elif p.article is not None:
            good.append((p.position, p.article))
    good, bad = _link_translations(good, store)
    report.rejected.extend(bad)
    # originals first, so a translation's original is stored in the same run before it
    good.sort(key=lambda pa: pa[1].translation_of is not None)
    report.stored = store.articles.upsert_many([a for _, a in good], now)
    for pos, err in report.rejected:
        log.warning("%s %s: %s", source, pos, err)
    return report
