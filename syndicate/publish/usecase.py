"""The units of work that the CLI and the scheduler share: ingest a source, publish feeds.

Each returns a small report with per-item errors as values; nothing here prints.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Callable, Sequence

from syndicate.config import Config
from syndicate.errors import ItemError
from syndicate.model import Article, Origin
from syndicate.publish.publisher import PublishReport, Publisher
from syndicate.store.base import UpsertResult
from syndicate.store.sql import SqlStore

log = logging.getLogger("syndicate.jobs")


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


def _link_translations(articles: list[tuple[str, Article]], store: SqlStore
                       ) -> tuple[list[tuple[str, Article]], list[tuple[str, ItemError]]]:
    """Mark ingested translations as human and reject those whose original exists nowhere."""
    batch_ids = {a.id for _, a in articles}
    wanted = {a.translation_of for _, a in articles if a.translation_of and a.translation_of not in batch_ids}
    known = set(store.get_many(wanted)) if wanted else set()
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


def ingest(config: Config, store: SqlStore, source: str, now: datetime, *, fmt: str = "auto",
           category: str | None = None, lang: str | None = None) -> IngestReport:
    """Read ``source`` (path or URL), store every valid item, report every rejected one with its position."""
    from syndicate.ingest import IngestOptions, load

    options = IngestOptions(category=category, lang=lang,
                            categories=frozenset(c.slug for c in config.categories),
                            languages=frozenset(config.feed_languages), base_url=config.site.base_url)
    parsed = load(source, fmt, options)
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
    report.stored = store.upsert_many([a for _, a in good], now)
    for pos, err in report.rejected:
        log.warning("%s %s: %s", source, pos, err)
    return report


#: how long a publisher waits for another one (same store) to finish before giving up
PUBLISH_LOCK_TIMEOUT = 900.0


def publish(config: Config, store: SqlStore, now: datetime, *, feeds: Sequence[str] = (),
            formats: Sequence[str] | None = None, dry_run: bool = False, full: bool = False,
            stop: Callable[[], bool] | None = None, run_id: int | None = None,
            lock_timeout: float = PUBLISH_LOCK_TIMEOUT) -> PublishReport:
    """Publish the feeds whose inputs changed (every feed with ``full``) as of ``now``.

    Holds the store's ``publish`` lock (a file lock on SQLite, an advisory lock on PostgreSQL) for the whole
    run, so two processes never write the same feed at the same time; the second one waits, then finds
    nothing left to do. A dry run renders everything, writes nothing and takes no lock.

    Raises:
        LockedError: another publisher held the lock for longer than ``lock_timeout`` seconds.
    """
    publisher = Publisher(config, store, dry_run=dry_run)
    if dry_run:
        return publisher.publish(now, feeds=feeds, formats=formats, full=True)
    from syndicate.deliver import attach
    from syndicate.store.locks import store_lock
    from syndicate.deliver.files import sweep_temp

    # WebSub pings and the push enqueue hang off durable writes (Publisher.listeners)
    delivery = attach(publisher, config, store, clock=lambda: now)
    try:
        with store_lock(store, "publish", timeout=lock_timeout):
            # under the lock no other writer is mid-file: temp files left now are from a killed run
            swept = sum(sweep_temp(d) for d in (config.output.dir, config.output.partners_dir) if d)
            if swept:
                log.info("removed %d temp files left by an interrupted publish", swept)
            return publisher.publish(now, feeds=feeds, formats=formats, full=full, stop=stop, run_id=run_id)
    finally:
        delivery.close()
