"""One contract for every engine (argos, libretranslate, apertium, identity): text that is not translated
is never changed, and what is translated is sent as plain text.

Every engine translates the same tricky article (entities, ``<`` and ``&`` in text, quotes, RTL, emoji,
markup, ``translate="no"``, ``code``, ``alt``/``title`` attributes). Exact engines (identity, the argos copy
model, the hand-made LibreTranslate with an identity model, the REAL LibreTranslate 1.9.6 server on a copy
package: ``lt-real``, see ``lt_real.py``) must give the input back; real ones (Apertium, LibreTranslate
upper-casing) must keep everything they are not given.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from argos_builder import installed_test_packages
from factories import make_article
from lt_server import KEY, identity, running

from syndicate.config import Translation
from syndicate.model import Article
from syndicate.sanitize import clean_html, plain_text, protect_text
from syndicate.translate.articles import translate_articles
from syndicate.translate.engines.base import Translator, get_translator
from syndicate.translate.engines.libretranslate import LibreTranslateTranslator
from syndicate.translate.memory import InMemoryTM

TITLE = protect_text("Use <b> for bold, 3 & 4 — “quoted” 😀")
SUMMARY = protect_text("(see <table 2> and AT&T's &copy note) in Geneva.")
KEPT_SPAN = '<span translate="no">Do Not Translate &amp; this &lt;tag&gt;</span>'
KEPT_CODE = "<code>x &lt; y &amp;&amp; z</code>"
BODY = clean_html(
    "<p>Use &lt;b&gt; for bold, 3 &amp; 4, \"quoted\" and 'single'.</p>"
    '<p dir="rtl">اجتماع الوفد في دمشق.</p>'
    "<p>Emoji 😀 stay 🇸🇾 in Geneva.</p>"
    f"<p>Keep {KEPT_SPAN} and {KEPT_CODE} as they are.</p>"
    '<p><img src="https://e.org/i.png" alt="A photo of Geneva." title="Geneva at night.">'
    ' <a href="https://e.org/a?x=1&amp;y=2" title="Read more about it.">More news</a></p>')
NEVER_SENT = ("Do Not Translate", "x < y", "&lt;", "&amp;", "<b>&", "<p")


class Recording:
    """A real engine whose inputs are kept (delegation, not a stand-in)."""

    def __init__(self, inner: Translator, name: str) -> None:
        self.inner = inner
        self.name = name
        self.engine = inner.engine
        self.sent: list[str] = []

    def model_id(self, src: str, dst: str) -> str:
        return self.inner.model_id(src, dst)

    def supports(self, src: str, dst: str) -> bool:
        return self.inner.supports(src, dst)

    def translate_batch(self, texts: list[str], src: str, dst: str) -> list[str]:
        self.sent.extend(texts)
        return self.inner.translate_batch(texts, src, dst)


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return installed_test_packages(tmp_path_factory.mktemp("argos-contract"))


#: engine name → (target language, exact?)
ENGINES = {"identity": ("es", True), "argos": ("ar", False), "lt-identity": ("es", True),
           "lt-upper": ("es", False), "lt-real": ("es", True), "apertium": ("es", False)}
#: the one word each exact engine's model translates
WORD = {"argos": "جنيف", "lt-real": "Ginebra"}


def _build(name: str, request: pytest.FixtureRequest) -> Iterator[tuple[Recording, str, bool]]:
    dst, exact = ENGINES[name]
    if name == "lt-real":
        server = request.getfixturevalue("real_lt")      # the real LibreTranslate 1.9.6, once per session
        yield Recording(LibreTranslateTranslator(server.url, backoff=0.01), name), dst, exact
        return
    if name.startswith("lt-"):
        with running(identity if name == "lt-identity" else str.upper) as srv:
            yield Recording(LibreTranslateTranslator(srv.url, api_key=KEY, backoff=0.01), name), dst, exact
        return
    cfg = Translation(argos_packages_dir=request.getfixturevalue("packages"), beam_size=2)
    yield Recording(get_translator(name, cfg), name), dst, exact


@pytest.fixture(params=list(ENGINES))
def engine(request: pytest.FixtureRequest) -> Iterator[tuple[Recording, str, bool]]:
    yield from _build(request.param, request)


@pytest.fixture(params=["identity", "argos", "lt-identity", "lt-real"])
def exact_engine(request: pytest.FixtureRequest) -> Iterator[tuple[Recording, str, bool]]:
    yield from _build(request.param, request)


def _article() -> Article:
    return make_article(1, title=TITLE, summary=SUMMARY, body_html=BODY)


def _translated(engine: tuple[Recording, str, bool]) -> tuple[Article, Recording]:
    translator, dst, _ = engine
    [res] = translate_articles([_article()], dst, translator, InMemoryTM())
    assert res.error is None and res.article is not None, res.error
    return res.article, translator


def test_untranslated_markup_and_attributes_survive_exactly(engine: tuple[Recording, str, bool]) -> None:
    """translate="no", code, href, src and dir come back byte for byte; the body stays sanitised."""
    out, _ = _translated(engine)
    assert KEPT_SPAN in out.body_html and KEPT_CODE in out.body_html
    assert 'href="https://e.org/a?x=1&amp;y=2"' in out.body_html and 'src="https://e.org/i.png"' in out.body_html
    assert '<p dir="rtl">' in out.body_html
    assert clean_html(out.body_html) == out.body_html


def test_engines_get_plain_text_only(engine: tuple[Recording, str, bool]) -> None:
    """No entity, tag or skipped text is ever sent; alt and title attributes are."""
    _, translator = _translated(engine)
    sent = " | ".join(translator.sent)
    assert not [x for x in NEVER_SENT if x in sent], sent
    assert {"A photo of Geneva.", "Geneva at night.", "Read more about it."} <= set(translator.sent)
    assert "(see <table 2> and AT&T's &copy note) in Geneva." in translator.sent
    assert "Use <b> for bold, 3 & 4 — “quoted” 😀" in translator.sent


def test_visible_symbols_of_title_and_summary_survive(engine: tuple[Recording, str, bool]) -> None:
    """What readers see of `<`, `>` and `&` in a title or summary is still there after translation."""
    out, _ = _translated(engine)
    summary = plain_text(out.summary)
    assert "<" in summary and ">" in summary and "&" in summary and "©" not in summary
    assert "&" in plain_text(out.title) and "<" in plain_text(out.title)


def test_exact_engines_give_the_input_back(exact_engine: tuple[Recording, str, bool]) -> None:
    """identity and LibreTranslate with an identity model: title, summary and body unchanged; the argos
    copy model and the real LibreTranslate's copy package change only their one dictionary word (Geneva →
    جنيف, Geneva → Ginebra)."""
    out, translator = _translated(exact_engine)
    art = _article()
    word = WORD.get(translator.name, "Geneva")

    def expect(x: str) -> str:
        return x.replace("Geneva", word)
    assert (out.title, out.summary) == (expect(art.title), expect(art.summary))
    assert out.body_html == expect(art.body_html)
    root = lxml.html.fragment_fromstring(out.body_html, create_parent="div")
    assert root.find(".//img").get("alt") == expect("A photo of Geneva.")
