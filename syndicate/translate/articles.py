"""Machine-translate articles: segments → translation memory → one engine call per pair → new articles.

:func:`translate_articles` collects the sentences of the title, summary and body of every article of one
language pair, de-duplicates them, looks them up in the translation memory, sends only the misses to ONE
``translate_batch`` call, stores the new translations and assembles machine-translated :class:`Article`\\ s.
A failure is returned per article as a :class:`TranslationResult` with ``error`` set (those stay pending);
untranslated text is never returned as a translation. :func:`needs_translation` is the policy: a human
translation always wins; a machine translation is redone only when the original's version changed.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TextIO

from syndicate.errors import ModelNotFoundError, SyndicateError, TranslationError
from syndicate.model import Article, Origin
from syndicate.translate.engines.base import Translator
from syndicate.translate.memory import TMKey, TMStats, TranslationMemory, segment_hash
from syndicate.translate.segments import HtmlTemplate, TextTemplate

if TYPE_CHECKING:
    from syndicate.config import Config

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class TranslationResult:
    """The outcome for one source article: the machine translation, or the error that stopped it."""

    source: Article
    article: Article | None = None
    error: TranslationError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.article is not None


def translation_id(original_id: str, dst: str) -> str:
    """Store id of the machine translation of ``original_id`` into ``dst``: ``"{id}~{dst}"``."""
    return f"{original_id}~{dst}"


def needs_translation(original: Article, existing: Article | None) -> bool:
    """Whether ``original`` must be (re-)machine-translated, given the ``existing`` version in the target language.

    False when a human (or original-language) version exists: human translation always wins and is never
    overwritten. True when there is none, or the existing machine translation was made from an older
    version of the original.
    """
    if existing is None:
        return True
    if existing.origin is not Origin.MACHINE:
        return False
    return existing.source_version is None or existing.source_version < original.version


@dataclass
class _Plan:
    article: Article
    title: TextTemplate
    summary: TextTemplate
    body: HtmlTemplate

    def segments(self) -> list[str]:
        return [*self.title.segments, *self.summary.segments, *self.body.segments]


def _error(exc: BaseException, message: str, context: str) -> TranslationError:
    if isinstance(exc, TranslationError):
        return exc
    err = TranslationError(message, context=context)
    err.__cause__ = exc
    return err


def _call_engine(translator: Translator, texts: list[str], src: str, dst: str,
                 progress: Progress | None) -> list[str]:
    kwargs = {}
    if progress is not None and "progress" in inspect.signature(translator.translate_batch).parameters:
        kwargs["progress"] = progress
    try:
        out = translator.translate_batch(texts, src, dst, **kwargs)
    except TranslationError:
        raise
    except Exception as exc:     # a backend's foreign failure must not stop other pairs
        raise TranslationError(f"{translator.engine} failed", context=f"{src}→{dst}") from exc
    if not isinstance(out, list) or len(out) != len(texts) or not all(isinstance(t, str) for t in out):
        raise TranslationError(f"{translator.engine} returned {len(out) if isinstance(out, list) else out!r} "
                               f"segments for {len(texts)}", context=f"{src}→{dst}")
    if progress is not None and not kwargs:
        progress(len(texts), len(texts))
    return out


def _translate_pair(articles: list[Article], src: str, dst: str, translator: Translator,
                    memory: TranslationMemory, stats: TMStats, progress: Progress | None) -> list[TranslationResult]:
    pair = f"{src}→{dst}"
    try:
        if not translator.supports(src, dst):
            err = ModelNotFoundError(f"engine {translator.engine} cannot translate {pair}")
            return [TranslationResult(a, error=err) for a in articles]
        model_id = translator.model_id(src, dst)
    except SyndicateError as exc:       # e.g. the server is unreachable: say so, it is not a missing model
        return [TranslationResult(a, error=_error(exc, "no model", pair)) for a in articles]
    results: dict[int, TranslationResult] = {}
    plans: list[tuple[int, _Plan]] = []
    for i, art in enumerate(articles):
        try:
            plans.append((i, _Plan(art, TextTemplate(art.title), TextTemplate(art.summary),
                                   HtmlTemplate(art.body_html, art.url))))
        except SyndicateError as exc:
            results[i] = TranslationResult(art, error=_error(exc, "cannot segment", art.id))
    unique: dict[str, str] = {}                     # hash -> segment, first occurrence order
    for _, plan in plans:
        for seg in plan.segments():
            unique.setdefault(segment_hash(seg), seg)
    key = TMKey(translator.engine, model_id, src, dst)
    known = memory.get_many(key, list(unique)) if unique else {}
    known.update(_legacy_hits(translator, memory, key, [h for h in unique if h not in known]))
    misses = [h for h in unique if h not in known]
    stats.hits += len(unique) - len(misses)
    stats.misses += len(misses)
    if misses:
        stats.engine_calls += 1
        stats.segments_sent += len(misses)
        try:
            out = _call_engine(translator, [unique[h] for h in misses], src, dst, progress)
        except TranslationError as exc:
            for i, plan in plans:
                results[i] = TranslationResult(plan.article, error=exc)
            return [results[i] for i in range(len(articles))]
        fresh = dict(zip(misses, out, strict=True))
        memory.put_many(key, fresh)
        known = {**known, **fresh}
    by_segment = {seg: known[h] for h, seg in unique.items()}
    for i, plan in plans:
        try:
            results[i] = TranslationResult(plan.article, article=_assemble(plan, by_segment, dst, translator.engine,
                                                                           model_id))
        except SyndicateError as exc:
            results[i] = TranslationResult(plan.article, error=_error(exc, "cannot assemble", plan.article.id))
    return [results[i] for i in range(len(articles))]


def _legacy_hits(translator: Translator, memory: TranslationMemory, key: TMKey, hashes: list[str]) -> dict[str, str]:
    """Translations stored under the engine's former model ids (``legacy_model_ids``), copied to ``key``."""
    legacy = getattr(translator, "legacy_model_ids", None)
    found: dict[str, str] = {}
    if not hashes or legacy is None:
        return found
    for old_id in legacy(key.src, key.dst):
        todo = [h for h in hashes if h not in found]
        if not todo:
            break
        found.update(memory.get_many(TMKey(key.engine, old_id, key.src, key.dst), todo))
    if found:
        memory.put_many(key, found)
    return found


def _assemble(plan: _Plan, translations: dict[str, str], dst: str, engine: str, model_id: str) -> Article:
    original = plan.article
    return replace(
        original, id=translation_id(original.id, dst), lang=dst, title=plan.title.render(translations),
        summary=plan.summary.render(translations), body_html=plan.body.render(translations),
        origin=Origin.MACHINE, translation_of=original.id, mt_engine=engine, mt_model=model_id,
        source_version=original.version,
    ).with_hash()


def translate_articles(articles: Sequence[Article], dst: str, translator: Translator, memory: TranslationMemory,
                       *, progress: Progress | None = None, stats: TMStats | None = None) -> list[TranslationResult]:
    """Machine-translate ``articles`` into ``dst``; one result per article, in order.

    Articles are grouped by source language; each group makes at most one ``translate_batch`` call
    (with only the segments the memory does not know).

    Args:
        articles: originals (any source languages).
        dst: target language.
        translator: the backend for these pairs.
        memory: translation memory, read before and written after the engine call.
        progress: ``progress(done, total)``, e.g. :func:`terminal_progress`: segments translated so far out
            of those sent, during each engine call (backends with a ``progress`` keyword, e.g. argos; the
            call is then streamed) and once when the call returns.
        stats: counters to update (hits, misses, engine_calls, segments_sent).

    Returns:
        ``TranslationResult`` per article: ``article`` set (origin MACHINE, id ``"{id}~{dst}"``), or ``error``.
    """
    stats = stats if stats is not None else TMStats()
    results: dict[int, TranslationResult] = {}
    groups: dict[str, list[int]] = {}
    for i, art in enumerate(articles):
        if art.lang == dst:
            results[i] = TranslationResult(art, error=TranslationError("already in the target language",
                                                                       context=f"{art.id} ({dst})"))
        else:
            groups.setdefault(art.lang, []).append(i)
    for src, indexes in groups.items():
        batch = [articles[i] for i in indexes]
        for i, res in zip(indexes, _translate_pair(batch, src, dst, translator, memory, stats, progress), strict=True):
            results[i] = res
    return [results[i] for i in range(len(articles))]


def terminal_progress(label: str = "translating", stream: TextIO | None = None) -> Progress | None:
    """A ``progress(done, total)`` callback drawing a bar on ``stream`` (stderr), or None if not a terminal."""
    out = stream if stream is not None else sys.stderr
    if not (hasattr(out, "isatty") and out.isatty()):
        return None

    def draw(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        out.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            out.write("\n")
        out.flush()

    return draw


def check_translation_setup(config: Config) -> list[TranslationError]:
    """Problems that would stop machine translation, for ``syndicate check``: one error per
    (source language, target) pair whose configured engine cannot serve it (e.g. a missing Argos package)
    or cannot be built. Empty when every pair is served. Loads no model."""
    from syndicate.errors import ConfigError
    from syndicate.translate.engines.base import engine_for_pair, get_translator

    problems: list[TranslationError] = []
    built: dict[str, Translator] = {}
    for dst in config.translation.targets:
        for src in config.languages:
            if src == dst:
                continue
            name = engine_for_pair(config.translation, src, dst)
            try:
                translator = built.get(name) or built.setdefault(name, get_translator(name, config.translation))
            except ConfigError as exc:
                err = TranslationError(f"engine {name} for {src}→{dst} is not configured: {exc}")
                problems.append(err)
                continue
            try:
                if not translator.supports(src, dst):
                    problems.append(ModelNotFoundError(f"engine {name} cannot translate {src}→{dst}",
                                                       context=_where(translator)))
            except TranslationError as exc:     # unreachable, refused: the engine's own words
                problems.append(TranslationError(f"engine {name} for {src}→{dst}: {exc}"))
    return problems


def _where(translator: Translator) -> str | None:
    folder = getattr(translator, "packages_dir", None) or getattr(translator, "where", None)
    return str(folder) if folder else None
