"""Machine-translate what is pending: every original without an up-to-date translation in each target language.

A human translation always wins and is never overwritten; a machine translation is redone only when its
original got a new version. A failing backend leaves that language's items pending (they are retried on the
next run and never published untranslated under the target language); other languages go on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Iterator, Sequence

from syndicate.config import Config
from syndicate.errors import SyndicateError, TranslationError
from syndicate.model import Article, Origin
from syndicate.store.sql import SqlStore

log = logging.getLogger("syndicate.translate")
BATCH_ARTICLES = 200          # articles per engine call: bounds memory and lets progress show


@dataclass
class TranslateReport:
    translated: list[str] = field(default_factory=list)                 # ids of new/updated machine articles
    pending: list[tuple[str, str, TranslationError]] = field(default_factory=list)   # (article id, lang, error)
    hits: int = 0
    misses: int = 0
    engine_calls: int = 0

    @property
    def ok(self) -> bool:
        return not self.pending


def _originals(store: SqlStore, config: Config) -> Iterator[Article]:
    for article in store.iter_articles(origin=Origin.ORIGINAL.value):
        if article.lang in config.languages:
            yield article


def pending_translations(store: SqlStore, config: Config, dst: str, originals: Sequence[Article]) -> list[Article]:
    """Originals (not in ``dst``) whose ``dst`` version is missing or made from an older version."""
    from syndicate.translate.articles import needs_translation

    todo: list[Article] = []
    families = store.family_members(a.family for a in originals)
    for original in originals:
        if original.lang == dst:
            continue
        existing = [m for m in families.get(original.family, ()) if m.lang == dst and m.id != original.id]
        human = next((m for m in existing if m.origin is not Origin.MACHINE), None)
        current = human or next(iter(existing), None)
        if needs_translation(original, current):
            todo.append(original)
    return todo


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def translate_pending(config: Config, store: SqlStore, now: datetime, *, targets: Sequence[str] | None = None,
                      progress: Callable[[int, int], None] | None = None) -> TranslateReport:
    """Translate every pending (original, target language) and store the machine translations."""
    from syndicate.translate.storetm import StoreTM
    from syndicate.translate.articles import translate_articles
    from syndicate.translate.engines.base import engine_for_pair, get_translator
    from syndicate.translate.memory import TMStats

    report = TranslateReport()
    tm = StoreTM(store)
    langs = [t for t in (targets or config.translation.targets)]
    translators: dict[str, object] = {}
    for chunk in _chunks(_originals(store, config), BATCH_ARTICLES):
        for dst in langs:
            todo = pending_translations(store, config, dst, chunk)
            by_engine: dict[str, list[Article]] = {}
            for article in todo:
                engine = engine_for_pair(config.translation, article.lang, dst)
                by_engine.setdefault(engine, []).append(article)
            for engine, articles in by_engine.items():
                stats = TMStats()
                try:
                    if engine not in translators:
                        translators[engine] = get_translator(engine, config.translation)
                    results = translate_articles(articles, dst, translators[engine], tm,  # type: ignore[arg-type]
                                                 progress=progress, stats=stats)
                except SyndicateError as exc:
                    err = exc if isinstance(exc, TranslationError) else TranslationError(str(exc))
                    report.pending += [(a.id, dst, err) for a in articles]
                    log.error("translation into %s with %s failed: %s", dst, engine, exc)
                    continue
                report.hits += stats.hits
                report.misses += stats.misses
                report.engine_calls += stats.engine_calls
                done = [r.article for r in results if r.ok and r.article is not None]
                for r in results:
                    if not r.ok:
                        report.pending.append((r.source.id, dst, r.error or TranslationError("no result")))
                        log.warning("translation of %s into %s pending: %s", r.source.id, dst, r.error)
                if done:
                    store.upsert_many(done, now)
                    report.translated += [a.id for a in done]
    return report
