"""Machine-translate what is pending: originals without an up-to-date translation in each target language.

What is pending is found from the store's change sequence, not by scanning every original: per target
language a cursor (``translate:<dst>:<source languages>``) says how far the originals have been looked at, and
pairs that failed wait in ``translation_pending`` for the next run. So a run with nothing new costs a few small
reads whatever the size of the store; the first run (or a new target language) looks at every original once.

A human translation always wins and is never overwritten; a machine translation is redone only when its
original got a new version. A failing backend leaves that language's items pending (retried on the next run,
never published untranslated under the target language); other languages go on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from syndicate.config import Config
from syndicate.errors import SyndicateError, TranslationError
from syndicate.model import Article, Origin, Status
from syndicate.store import Store
from syndicate.translate.articles import needs_translation, translate_articles
from syndicate.translate.engines.base import Translator, engine_for_pair, get_translator
from syndicate.translate.memory import TMStats

log = logging.getLogger("syndicate.translate")
BATCH_ARTICLES = 200          # articles per engine call: bounds memory and lets progress show
Progress = Callable[[int, int], None]


@dataclass
class TranslateReport:
    translated: list[str] = field(default_factory=list)                 # ids of new/updated machine articles
    queued: list[str] = field(default_factory=list)                     # ids sent to the editors' review queue
    pending: list[tuple[str, str, TranslationError]] = field(default_factory=list)   # (article id, lang, error)
    hits: int = 0
    misses: int = 0
    engine_calls: int = 0
    looked_at: int = 0            # originals considered (changed since a cursor, or waiting for a retry)

    @property
    def ok(self) -> bool:
        return not self.pending


def cursor_name(config: Config, dst: str) -> str:
    """The change-sequence cursor of target ``dst`` (a change of source languages starts it again)."""
    return f"translate:{dst}:{','.join(sorted(config.languages))}"


def pending_translations(store: Store, dst: str, originals: Sequence[Article]) -> list[Article]:
    """Those ``originals`` (not in ``dst``) whose ``dst`` version is missing or made from an older version."""
    todo: list[Article] = []
    families = store.articles.family_members(a.family for a in originals)
    for original in originals:
        if original.lang == dst:
            continue
        existing = [m for m in families.get(original.family, ()) if m.lang == dst and m.id != original.id]
        human = next((m for m in existing if m.origin is not Origin.MACHINE), None)
        current = human or next(iter(existing), None)
        if needs_translation(original, current):
            todo.append(original)
    return todo


def _chunks(config: Config, store: Store, dst: str, upto: int) -> Iterator[tuple[list[Article], int | None]]:
    """Originals to look at for ``dst``, in chunks, each with the cursor to record once it is done: first
    those waiting for a retry (no cursor), then those changed since the cursor, up to change ``upto``."""
    waiting = [a for a, d, _ in store.pending.all() if d == dst]
    retry = store.articles.get_many(waiting)
    gone = [a for a in waiting if a not in retry]
    if gone:                        # the article is gone (a human translation replaced it): nothing to retry
        store.pending.remove((a, dst) for a in gone)
    retry_list = [a for a in retry.values() if a.origin is Origin.ORIGINAL]
    for start in range(0, len(retry_list), BATCH_ARTICLES):
        yield retry_list[start:start + BATCH_ARTICLES], None
    cursor = store.feeds.cursor(cursor_name(config, dst))
    after = cursor.seq if cursor is not None else 0
    while after < upto:
        after, chunk = store.articles.originals_changed(after, upto, config.languages, limit=BATCH_ARTICLES)
        yield [a for a in chunk if a.id not in retry], after


def translate_pending(config: Config, store: Store, now: datetime, *, targets: Sequence[str] | None = None,
                      progress: Progress | None = None) -> TranslateReport:
    """Translate every pending (original, target language) and store the machine translations.

    Raises:
        StoreError: the store failed (backend failures are returned as pending items instead).
    """
    report = TranslateReport()
    translators: dict[str, Translator] = {}
    upto = store.articles.max_seq()
    for dst in targets or config.translation.targets:
        for chunk, cursor in _chunks(config, store, dst, upto):
            report.looked_at += len(chunk)
            todo = pending_translations(store, dst, chunk)
            done_ids = {a.id for a in chunk} - {a.id for a in todo}
            store.pending.remove((a, dst) for a in done_ids)      # no longer needed (e.g. a human translation)
            by_engine: dict[str, list[Article]] = {}
            for article in todo:
                by_engine.setdefault(engine_for_pair(config.translation, article.lang, dst), []).append(article)
            for engine, articles in by_engine.items():
                _translate(config, store, now, dst, engine, articles, translators, report, progress)
            if cursor is not None:
                store.feeds.set_cursor(cursor_name(config, dst), cursor, now)
    return report


def _translate(config: Config, store: Store, now: datetime, dst: str, engine: str, articles: list[Article],
               translators: dict[str, Translator], report: TranslateReport, progress: Progress | None) -> None:
    stats = TMStats()
    try:
        if engine not in translators:
            translators[engine] = get_translator(engine, config.translation)
        results = translate_articles(articles, dst, translators[engine], store.memory, progress=progress,
                                     stats=stats)
    except SyndicateError as exc:
        err = exc if isinstance(exc, TranslationError) else TranslationError(str(exc))
        failed = [(a.id, dst, err) for a in articles]
        report.pending += failed
        store.pending.add(((a, d, str(e)) for a, d, e in failed), now)
        log.error("translation into %s with %s failed: %s", dst, engine, exc)
        return
    report.hits += stats.hits
    report.misses += stats.misses
    report.engine_calls += stats.engine_calls
    done = [r.article for r in results if r.ok and r.article is not None]
    failed = []
    for r in results:
        if not r.ok:
            error = r.error or TranslationError("no result")
            failed.append((r.source.id, dst, error))
            log.warning("translation of %s into %s pending: %s", r.source.id, dst, error)
    if done and config.translation.review_required(dst):
        # a usable translation is not public until an editor approves it (translate.review); a withheld or
        # killed original takes its translation down at once: no editor stands between a kill and partners
        usable = [a for a in done if a.status is Status.USABLE]
        downs = [a for a in done if a.status is not Status.USABLE]
        store.reviews.submit(usable, now)
        report.queued += [a.id for a in usable]
        if downs:
            store.reviews.supersede([a.id for a in downs], now)
            stored = store.articles.get_many([a.id for a in downs])
            upserts = [a for a in downs if a.id in stored]          # one never published needs no notice
            store.articles.upsert_many(upserts, now)
            report.translated += [a.id for a in upserts]
    elif done:
        store.articles.upsert_many(done, now)
        report.translated += [a.id for a in done]
    store.pending.remove((r.source.id, dst) for r in results if r.ok)
    if failed:
        report.pending += failed
        store.pending.add(((a, d, str(e)) for a, d, e in failed), now)


def pending_counts(config: Config, store: Store) -> dict[str, int]:
    """How many translations each target language waits for (for ``status``): pairs waiting for a retry
    plus originals changed since its cursor that need one. Costs what changed, not the store size."""
    upto = store.articles.max_seq()
    waiting = store.pending.count_by_language()
    counts: dict[str, int] = {}
    for dst in config.translation.targets:
        cursor = store.feeds.cursor(cursor_name(config, dst))
        after = cursor.seq if cursor is not None else 0
        total = waiting.get(dst, 0)
        while after < upto:
            after, chunk = store.articles.originals_changed(after, upto, config.languages, limit=500)
            total += len(pending_translations(store, dst, chunk))
        counts[dst] = total
    return counts


def pending_errors(store: Store) -> dict[str, list[str]]:
    """The distinct last errors of the pending pairs per target language (for ``status``), e.g.
    ``{"es": ["LibreTranslate is unreachable (connection refused) (at http://127.0.0.1:5000)"]}``."""
    errors: dict[str, list[str]] = {}
    for _, dst, error in store.pending.all():
        if error and error not in errors.setdefault(dst, []):
            errors[dst].append(error)
    return errors
