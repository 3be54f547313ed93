"""translate_articles: translation memory, one engine call per pair, policy, failures as values."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from argos_builder import installed_test_packages
from factories import bilingual_pair, make_article

from syndicate.config import Translation
from syndicate.errors import TranslationError
from syndicate.model import Origin
from syndicate.translate.articles import needs_translation, terminal_progress, translate_articles
from syndicate.translate.engines.argos import ArgosTranslator, clear_model_cache
from syndicate.translate.memory import InMemoryTM, TMKey, TMStats, segment_hash

CREDIT = "Levant Desk Media Department"


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return installed_test_packages(tmp_path_factory.mktemp("argos"))


@pytest.fixture()
def argos(packages: Path) -> ArgosTranslator:
    return ArgosTranslator(Translation(argos_packages_dir=packages))


def _articles(n: int) -> list:
    return [make_article(i, body_html=f"<p>Delegation {i} met the envoy in Geneva.</p><p>{CREDIT}.</p>")
            for i in range(1, n + 1)]


def test_rerun_makes_zero_engine_calls_and_identical_output(argos: ArgosTranslator) -> None:
    """Re-publishing unchanged articles is served entirely from the memory, byte for byte."""
    tm, first, second = InMemoryTM(), TMStats(), TMStats()
    one = translate_articles(_articles(3), "ar", argos, tm, stats=first)
    two = translate_articles(_articles(3), "ar", argos, tm, stats=second)
    assert first.engine_calls == 1 and first.hits == 0 and first.misses > 0
    assert second.engine_calls == 0 and second.misses == 0 and second.hits == first.misses
    assert [r.article for r in one] == [r.article for r in two]
    assert sum(n for _, n in argos.calls) == first.segments_sent      # nothing sent on the re-run


def test_repeated_boilerplate_sentence_is_translated_once(argos: ArgosTranslator) -> None:
    """The credit line shared by five articles is one segment in the one engine call."""
    stats = TMStats()
    results = translate_articles(_articles(5), "ar", argos, InMemoryTM(), stats=stats)
    assert all(r.ok for r in results)
    # title, summary, body sentence per article (all distinct) + 1 shared credit line
    assert stats.segments_sent == 5 * 3 + 1 and sum(n for _, n in argos.calls) == 16
    assert all(f"<p>{CREDIT}.</p>" in r.article.body_html for r in results if r.article)


def test_changed_article_retranslates_only_changed_sentences(argos: ArgosTranslator) -> None:
    """A new version with one edited sentence sends just that sentence to the engine."""
    tm = InMemoryTM()
    art = make_article(1, body_html="<p>The envoy arrived in Geneva. Talks began. Prices rose.</p>")
    translate_articles([art], "ar", argos, tm)
    edited = replace(art, body_html="<p>The envoy arrived in Geneva. Talks ended. Prices rose.</p>",
                     version=2).with_hash()
    stats = TMStats()
    [res] = translate_articles([edited], "ar", argos, tm, stats=stats)
    assert argos.calls[-1] == ("translate-en_ar-1_0", 1) and stats.misses == 1 and stats.hits == 4
    assert res.article is not None and res.article.source_version == 2
    assert res.article.body_html == "<p>The envoy arrived in جنيف. Talks ended. Prices rose.</p>"


def test_memory_is_keyed_by_model_and_pair(argos: ArgosTranslator) -> None:
    """Entries are stored under (engine, model id, src, dst) and the sha256 of the normalised sentence."""
    tm = InMemoryTM()
    translate_articles([make_article(1, summary="Geneva  talks.")], "ar", argos, tm)
    key = TMKey("argos", argos.model_id("en", "ar"), "en", "ar")
    assert tm.get_many(key, [segment_hash("Geneva talks.")]) == {segment_hash("Geneva talks."): "جنيف talks."}
    assert tm.get_many(key._replace(dst="fr"), [segment_hash("Geneva talks.")]) == {}


def test_human_translation_always_wins() -> None:
    """A human translation is never replaced; machine ones are redone only for a newer source version."""
    en, human_ar = bilingual_pair(1)
    assert human_ar.origin is Origin.HUMAN
    assert needs_translation(en, human_ar) is False
    assert needs_translation(replace(en, version=5), human_ar) is False
    assert needs_translation(en, None) is True
    machine = replace(human_ar, origin=Origin.MACHINE, source_version=1)
    assert needs_translation(en, machine) is False
    assert needs_translation(replace(en, version=2), machine) is True


def test_failing_backend_leaves_articles_pending(packages: Path, tmp_path: Path) -> None:
    """A broken model: every article of the pair gets the error, none gets text, the memory stays empty;
    once the package is repaired the same articles translate."""
    broken = tmp_path / "packages"
    shutil.copytree(packages, broken)
    model_bin = broken / "translate-en_ar-1_0" / "model" / "model.bin"
    good_bytes = model_bin.read_bytes()
    model_bin.write_bytes(good_bytes[:100])
    clear_model_cache()
    translator, tm = ArgosTranslator(Translation(argos_packages_dir=broken)), InMemoryTM()
    results = translate_articles(_articles(2), "ar", translator, tm)
    assert all(r.article is None and isinstance(r.error, TranslationError) for r in results)
    assert "cannot load Argos package" in str(results[0].error) and len(tm) == 0
    model_bin.write_bytes(good_bytes)
    clear_model_cache()
    assert all(r.ok for r in translate_articles(_articles(2), "ar", translator, tm))


def test_unsupported_pair_and_same_language_are_errors(argos: ArgosTranslator) -> None:
    """No model for de→ar, and an article already in the target language: errors, other articles go on."""
    de, en, ar = make_article(1, lang="de"), make_article(2), make_article(3, lang="ar")
    results = translate_articles([de, en, ar], "ar", argos, InMemoryTM())
    assert results[0].error is not None and "de→ar" in str(results[0].error)
    assert results[1].ok
    assert results[2].error is not None and results[2].article is None


def test_progress_bar_only_on_a_terminal() -> None:
    """No callback when stderr is not a TTY; on a TTY the bar reaches done/total."""
    assert terminal_progress(stream=io.StringIO()) is None

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    draw = terminal_progress("mt", stream=tty)
    assert draw is not None
    draw(5, 10)
    draw(10, 10)
    assert "5/10" in tty.getvalue() and tty.getvalue().endswith("] 10/10\n")


def test_pipeline_passes_progress_to_the_engine(argos: ArgosTranslator) -> None:
    """translate_articles streams the engine call when given a progress callback."""
    seen: list[tuple[int, int]] = []
    results = translate_articles(_articles(20), "ar", argos, InMemoryTM(), progress=lambda d, t: seen.append((d, t)))
    assert all(r.ok for r in results) and seen[-1] == (61, 61)


class _Garbage:
    """A real (if useless) Translator whose output holds XML-illegal control characters."""

    engine = "garbage"

    def model_id(self, src: str, dst: str) -> str:
        return "garbage"

    def supports(self, src: str, dst: str) -> bool:
        return True

    def translate_batch(self, texts: list[str], src: str, dst: str) -> list[str]:
        return [f"x\x00y\x1b{t}" for t in texts]


def test_control_characters_from_an_engine_become_spaces() -> None:
    """Byte-fallback garbage (NUL, ESC) never breaks lxml or the output: it becomes spaces."""
    [res] = translate_articles([make_article(1)], "ar", _Garbage(), InMemoryTM())
    assert res.article is not None
    assert res.article.title.startswith("x y Delegation") and "\x00" not in res.article.body_html
