"""Apertium backend against the real Debian `apertium` + `apertium-eng-spa` packages."""

from __future__ import annotations

import pytest
from factories import make_article

from syndicate.config import Translation
from syndicate.errors import ModelNotFoundError
from syndicate.translate.articles import translate_articles
from syndicate.translate.engines.apertium import ApertiumTranslator, to_iso639_1, to_iso639_3
from syndicate.translate.engines.base import get_translator
from syndicate.translate.memory import InMemoryTM, TMStats


@pytest.fixture(scope="module")
def apertium() -> ApertiumTranslator:
    translator = get_translator("apertium", Translation())
    assert isinstance(translator, ApertiumTranslator)
    return translator


def test_pairs_come_from_apertium_l_with_iso_639_1_codes(apertium: ApertiumTranslator) -> None:
    """`apertium -l` lists eng-spa and spa-eng; we see them as en→es and es→en."""
    assert apertium.pairs()[("en", "es")] == "eng-spa"
    assert apertium.supports("es", "en") and not apertium.supports("en", "ar")
    assert apertium.model_id("en", "es") == "apertium:eng-spa"
    assert (to_iso639_3("en"), to_iso639_1("spa"), to_iso639_3("hbs")) == ("eng", "es", "hbs")


def test_batch_is_one_process_with_segments_in_order(apertium: ApertiumTranslator) -> None:
    """Several segments in, the same number out, really translated; escaping survives."""
    out = apertium.translate_batch(["Talks ended.", "Prices rose 3 < 4 percent & more.", "The envoy met Lavrov."],
                                   "en", "es")
    assert out[0] == "Las charlas acabaron."
    assert out[1].startswith("Los precios") and "3 < 4" in out[1] and "&" in out[1]
    assert len(out) == 3 and "enviado" in out[2]


def test_article_markup_survives_real_translation(apertium: ApertiumTranslator) -> None:
    """Links, bold, code and translate="no" survive; the text is Spanish."""
    body = ('<p>The delegation met the envoy in <a href="https://news.example.org/moscow">Moscow</a> on '
            '<b>Monday</b>.</p><p>Run <code>make talks</code> now.</p><p translate="no">Keep this English.</p>')
    art = make_article(1, title="Talks ended", summary="Prices rose.", body_html=body)
    stats = TMStats()
    [res] = translate_articles([art], "es", apertium, InMemoryTM(), stats=stats)
    assert res.error is None and res.article is not None
    out = res.article
    assert out.title == "Las charlas acabaron" and out.summary == "Los precios ascendieron."
    assert '<a href="https://news.example.org/moscow">Moscú</a>' in out.body_html
    # text nodes are translated one by one, so "Monday" alone comes back capitalised (documented limitation)
    assert "<b>Lunes</b>" in out.body_html and "<code>make talks</code>" in out.body_html
    assert '<p translate="no">Keep this English.</p>' in out.body_html
    assert out.mt_model == "apertium:eng-spa" and stats.engine_calls == 1


def test_missing_pair_is_reported_per_article(apertium: ApertiumTranslator) -> None:
    """No en→ar pair: the article comes back with ModelNotFoundError."""
    [res] = translate_articles([make_article(1)], "ar", apertium, InMemoryTM())
    assert isinstance(res.error, ModelNotFoundError) and res.article is None
    with pytest.raises(ModelNotFoundError, match="no Apertium pair en→ar"):
        apertium.translate_batch(["x"], "en", "ar")


def test_missing_command_is_model_not_found() -> None:
    """An absent executable is reported, not crashed on."""
    missing = ApertiumTranslator(command="apertium-not-installed-here")
    assert missing.supports("en", "es") is False
