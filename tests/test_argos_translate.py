"""The real Argos path (package folder → split → SentencePiece → CTranslate2 → decode) with tiny copy models.

The test packages copy their input and rewrite one word each (see ``argos_builder.TEST_PACKAGES``), so the
output shows exactly what was translated, by which package.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from argos_builder import installed_test_packages
from factories import make_article

from syndicate.config import Translation
from syndicate.errors import ModelNotFoundError, TranslationError
from syndicate.model import Origin
from syndicate.translate.articles import translate_articles
from syndicate.translate.engines.argos import ArgosTranslator, default_packages_dir, list_packages
from syndicate.translate.engines.base import get_translator
from syndicate.translate.memory import InMemoryTM, TMStats


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return installed_test_packages(tmp_path_factory.mktemp("argos"))


@pytest.fixture()
def argos(packages: Path) -> ArgosTranslator:
    translator = get_translator("argos", Translation(argos_packages_dir=packages, beam_size=2))
    assert isinstance(translator, ArgosTranslator)
    return translator


def test_installed_packages_are_listed_with_pairs_and_versions(packages: Path) -> None:
    """The installer's packages are readable: pair, version and a model id with a file hash."""
    pkgs = list_packages(packages)
    assert sorted(p.pair for p in pkgs) == ["ar-en", "en-ar", "en-fr"]
    assert all(p.package_version == "1.0" for p in pkgs)
    model_id = ArgosTranslator(Translation(argos_packages_dir=packages)).model_id("en", "ar")
    assert model_id.startswith("argos:translate-en_ar-1_0@1.0#") and len(model_id.split("#")[1]) == 12


def test_batch_translates_with_one_ctranslate2_call(argos: ArgosTranslator) -> None:
    """All segments go to one CTranslate2 call; output has the same count and order."""
    texts = ["The envoy met the delegation in Geneva.", "Prices rose by 2.5 percent.", "", "Geneva again."]
    out = argos.translate_batch(texts, "en", "ar")
    assert out == ["The envoy met the delegation in جنيف.", "Prices rose by 2.5 percent.", "", "جنيف again."]
    assert {code for code, _ in argos.calls} == {"translate-en_ar-1_0"}    # one call per decoding bound
    assert sum(n for _, n in argos.calls) == 3 and len(argos.calls) <= 2


def test_pivot_through_english_runs_both_legs(argos: ArgosTranslator) -> None:
    """ar→fr has no direct package: ar→en then en→fr, one call per leg; the model id names both."""
    out = argos.translate_batch(["اجتماع الوفد في جنيف.", "هل انتهت الأزمة؟"], "ar", "fr")
    assert out == ["اجتماع الوفد في Genève.", "هل انتهت الأزمة؟"]   # جنيف → Geneva (ar→en) → Genève (en→fr)
    assert list(dict.fromkeys(code for code, _ in argos.calls)) == ["translate-ar_en-1_0", "translate-en_fr-1_0"]
    assert "+" in argos.model_id("ar", "fr")
    assert argos.supports("ar", "fr") and not argos.supports("fr", "ar")


def test_missing_pair_raises_model_not_found(argos: ArgosTranslator) -> None:
    """No direct or pivot package: ModelNotFoundError, which is a TranslationError."""
    with pytest.raises(ModelNotFoundError, match="no Argos package for de→ar"):
        argos.translate_batch(["Hallo."], "de", "ar")
    assert issubclass(ModelNotFoundError, TranslationError)


def test_articles_keep_markup_links_and_untranslatable_elements(argos: ArgosTranslator) -> None:
    """Only text is translated: tags, attributes, links, code, pre and translate="no" survive; script is dropped."""
    body = ('<p>The envoy met the <b>delegation</b> in <a href="https://news.example.org/geneva" '
            'hreflang="en">Geneva</a> on Monday.</p><pre>Geneva = 1</pre><p>Run <code>Geneva()</code> now.</p>'
            '<p translate="no">Geneva stays.</p><script>alert("Geneva")</script>'
            '<ul><li>Geneva one.</li><li>Two in Geneva.</li></ul>')
    art = make_article(1, title="Talks in Geneva resume", summary="Geneva talks.", body_html=body)
    [res] = translate_articles([art], "ar", argos, InMemoryTM())
    assert res.error is None and res.article is not None
    out = res.article
    assert out.title == "Talks in جنيف resume" and out.summary == "جنيف talks."
    assert out.body_html == (
        '<p>The envoy met the <b>delegation</b> in <a href="https://news.example.org/geneva" hreflang="en">جنيف'
        '</a> on Monday.</p><pre>Geneva = 1</pre><p>Run <code>Geneva()</code> now.</p>'
        '<p translate="no">Geneva stays.</p><ul><li>جنيف one.</li><li>Two in جنيف.</li></ul>')
    assert (out.id, out.lang, out.origin, out.translation_of, out.mt_engine) == ("a1~ar", "ar", Origin.MACHINE,
                                                                                "a1", "argos")
    assert out.mt_model == argos.model_id("en", "ar") and out.source_version == art.version
    assert out.category == art.category and out.published == art.published and out.url == art.url
    assert out.content_hash and out.content_hash != art.content_hash


def test_underscores_kept_spaces_between_sentences_kept_inside_collapsed(argos: ArgosTranslator) -> None:
    """Documented white-space behaviour of our path (argostranslate turns '_' into ' ').

    Underscores survive; white space inside a sentence collapses (SentencePiece nmt_nfkc); the white
    space between sentences and blank lines between paragraphs are kept exactly.
    """
    summary = "The snake_case file_name.txt was attached.  Talks  in   Geneva.\n\nGeneva again."
    art = make_article(2, title="A  title", summary=summary)
    [res] = translate_articles([art], "ar", argos, InMemoryTM())
    assert res.article is not None
    assert res.article.summary == "The snake_case file_name.txt was attached.  Talks in جنيف.\n\nجنيف again."
    assert res.article.title == "A title"


def test_non_latin_text_and_symbols_survive(argos: ArgosTranslator) -> None:
    """Arabic, €, dashes, curly quotes and emoji (byte fallback) survive the round trip."""
    text = "Prices — “up” 5 € 😀 in جنيف."
    assert argos.translate_batch([text], "ar", "en") == ["Prices — “up” 5 € 😀 in Geneva."]


def test_streamed_batch_reports_progress(argos: ArgosTranslator) -> None:
    """With a progress callback the batch is streamed and progress reaches the total."""
    seen: list[tuple[int, int]] = []
    texts = [f"Delegation {n} met the envoy in Geneva." for n in range(40)]
    out = argos.translate_batch(texts, "en", "ar", progress=lambda d, t: seen.append((d, t)))
    assert out[7] == "Delegation 7 met the envoy in جنيف." and len(out) == 40
    assert seen[-1] == (40, 40) and len(seen) >= 2


def test_pipeline_counts_engine_calls_per_pair(argos: ArgosTranslator) -> None:
    """Articles in two source languages: one engine call per pair, results in input order."""
    en, ar = make_article(3), make_article(4, lang="ar")
    stats = TMStats()
    results = translate_articles([en, ar], "fr", argos, InMemoryTM(), stats=stats)
    assert [r.article.id if r.article else None for r in results] == ["a3~fr", "a4~fr"]
    assert stats.engine_calls == 2
    assert results[1].article is not None and "Genève" in results[1].article.title   # ar→en→fr pivot


def test_default_packages_dir_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Config wins over $ARGOS_PACKAGES_DIR, which wins over $XDG_DATA_HOME/argos-translate/packages."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    assert default_packages_dir(Translation()) == tmp_path / "xdg" / "argos-translate" / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "env"))
    assert default_packages_dir(Translation()) == tmp_path / "env"
    assert default_packages_dir(Translation(argos_packages_dir=tmp_path / "cfg")) == tmp_path / "cfg"


def test_check_reports_pairs_without_a_package(packages: Path) -> None:
    """check_translation_setup names every configured pair no engine serves (for `syndicate check`)."""
    from syndicate.config import parse_config
    from syndicate.translate.articles import check_translation_setup

    cfg = parse_config({
        "site": {"name": "Levant Desk", "base_url": "https://news.example.org/", "publisher": "Levant Desk"},
        "languages": {"source": ["en", "ar"]}, "categories": [{"slug": "politics", "name": "Politics"}],
        "translation": {"targets": ["ar", "fr", "de"], "argos_packages_dir": str(packages),
                        "pairs": {"en-de": "libretranslate"}},
    })
    problems = [str(p) for p in check_translation_setup(cfg)]
    assert any("argos cannot translate ar→de" in p for p in problems)
    assert any("libretranslate for en→de is not configured" in p for p in problems)
    assert len(problems) == 2          # en→ar, en→fr and ar→fr (pivot through en) are served
