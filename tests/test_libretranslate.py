"""LibreTranslate backend against a real HTTP server on 127.0.0.1 implementing its API (``lt_server``).

The server "translates" by upper-casing text nodes (markup kept) and reproduces LibreTranslate 1.9.6's
behaviours: list ``q``, ``html.unescape`` of every result (``format="text"`` too), ``api_key`` in the body
(403 when wrong), 400 for an unsupported language or a request over its limits, scripted 429/500 answers.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from click.testing import CliRunner
from factories import make_article
from lt_server import KEY, FakeLT, identity, running
from sites import make_site, write_jsonl

from syndicate.cli import main
from syndicate.config import Config, Translation
from syndicate.errors import ConfigError, EngineUnavailableError, ModelNotFoundError, TranslationError
from syndicate.translate.articles import check_translation_setup, translate_articles
from syndicate.translate.engines.base import get_translator
from syndicate.translate.engines.libretranslate import LibreTranslateTranslator, split_text
from syndicate.translate.memory import InMemoryTM, TMKey, segment_hash


@pytest.fixture()
def server() -> Iterator[FakeLT]:
    with running() as srv:
        yield srv


def _lt(server: FakeLT, **kwargs: Any) -> LibreTranslateTranslator:
    kwargs.setdefault("api_key", KEY)
    return LibreTranslateTranslator(f"http://127.0.0.1:{server.server_port}", backoff=0.01, **kwargs)


def test_list_q_in_one_request_with_api_key_in_body(server: FakeLT) -> None:
    """All segments go in one POST as a list of escaped text (format=html); api_key is a body field."""
    out = _lt(server).translate_batch(["Talks began.", "Prices rose 3&4 <b>."], "en", "ar")
    assert out == ["TALKS BEGAN.", "PRICES ROSE 3&4 <B>."]
    assert server.requests == [{"q": ["Talks began.", "Prices rose 3&amp;4 &lt;b&gt;."], "source": "en",
                                "target": "ar", "format": "html", "api_key": KEY}]


def test_plain_text_comes_back_exactly_although_lt_unescapes() -> None:
    """With an identity model, entity-like text survives (format=text would turn `&copy` into ©)."""
    tricky = ["Use &lt;b&gt; for bold, 3 &amp; 4", "(see <table 2> and AT&T's &copy note)", 'He said "no" & left',
              "a < b > c", "&#169; &amp;amp;"]
    with running(identity) as srv:
        assert _lt(srv).translate_batch(tricky, "en", "es") == tricky
        import html
        naive = [html.unescape(t) for t in tricky]        # what format="text" gives
        assert naive != tricky


def test_html_results_are_resanitised_after_lt_unescapes_them(server: FakeLT) -> None:
    """format=html: LT unescapes `&lt;script&gt;` into live markup; we sanitise it away again."""
    fragment = '<p>Hi <a href="https://e.org/x">there</a> &lt;script&gt;alert(1)&lt;/script&gt; 3&amp;4</p>'
    [out] = _lt(server).translate_html_batch([fragment], "en", "ar")
    assert server.requests[0]["format"] == "html"
    assert "<script" not in out and "alert(1)" not in out
    assert out.startswith('<p>HI <a href="https://e.org/x">THERE</a>') and "3&amp;4" in out


def test_articles_translate_through_the_pipeline(server: FakeLT) -> None:
    """translate_articles with LibreTranslate: markup kept, one request, engine recorded."""
    lt = _lt(server)
    art = make_article(1)
    [res] = translate_articles([art], "ar", lt, InMemoryTM())
    assert res.article is not None and res.article.mt_engine == "libretranslate"
    assert res.article.body_html == "<p>DELEGATION 1 DISCUSSED THE <b>LATEST</b> POLITICAL DEVELOPMENTS.</p>"
    assert len(server.requests) == 1


def test_429_twice_then_ok_is_retried(server: FakeLT) -> None:
    """Two 'Slowdown' answers are retried with backoff; the third attempt succeeds."""
    server.script = [(429, {"error": "Slowdown: 5 per 1 minute"})] * 2
    assert _lt(server).translate_batch(["ok."], "en", "ar") == ["OK."]
    assert len(server.requests) == 3


def test_persistent_500_fails_after_bounded_retries(server: FakeLT) -> None:
    """A server error on every attempt: TranslationError with the server's message after retries+1 tries."""
    server.script = [(500, {"error": "Cannot translate text: boom"})] * 10
    with pytest.raises(TranslationError, match="500: Cannot translate text: boom"):
        _lt(server, retries=2).translate_batch(["x."], "en", "ar")
    assert len(server.requests) == 3


def test_bad_api_key_is_403_without_retry(server: FakeLT) -> None:
    """403 is not retried and names the server's reason."""
    with pytest.raises(TranslationError, match=r"403\): Invalid API key"):
        _lt(server, api_key="wrong").translate_batch(["x."], "en", "ar")
    assert len(server.requests) == 1


def test_unsupported_language_is_400_and_unsupported_pair_is_reported(server: FakeLT) -> None:
    """/languages drives supports(); a direct call for an unsupported target gets the server's 400."""
    lt = _lt(server)
    assert lt.supports("en", "es") and not lt.supports("en", "fr")
    with pytest.raises(ModelNotFoundError):
        lt.model_id("en", "fr")
    with pytest.raises(TranslationError, match=r"400\): fr is not supported"):
        lt.translate_batch(["x."], "en", "fr")


def test_failing_server_leaves_articles_pending(server: FakeLT) -> None:
    """A 500 on every attempt: the articles come back with the error and no text."""
    server.script = [(500, {"error": "Cannot translate text"})] * 10
    results = translate_articles([make_article(1), make_article(2)], "ar", _lt(server, retries=1), InMemoryTM())
    assert all(r.article is None and r.error is not None for r in results)


def test_unreachable_server_fails_fast_and_is_not_a_missing_model() -> None:
    """Connection refused: EngineUnavailableError at once (no retries), in the articles and in `check`."""
    lt = LibreTranslateTranslator("http://user:pw@127.0.0.1:9", retries=3, backoff=1.0, timeout=(1, 1))
    started = time.monotonic()
    with pytest.raises(EngineUnavailableError, match="unreachable") as info:
        lt.supports("en", "ar")
    [res] = translate_articles([make_article(1)], "ar", lt, InMemoryTM())
    assert time.monotonic() - started < 1.0
    assert isinstance(res.error, EngineUnavailableError) and not isinstance(res.error, ModelNotFoundError)
    assert "pw" not in str(info.value) and "127.0.0.1:9" in str(info.value)
    cfg = SimpleNamespace(languages=("en",), translation=Translation(targets=("ar",), engine="libretranslate",
                                                                     libretranslate_url="http://127.0.0.1:9"))
    [problem] = check_translation_setup(cast(Config, cfg))
    assert "unreachable" in str(problem) and "cannot translate" not in str(problem)


def test_4xx_and_429_say_what_happened(server: FakeLT) -> None:
    """A 400 names LibreTranslate's message; a 429 after the retries says rate limited."""
    with pytest.raises(TranslationError, match=r"refused the request \(400\): fr is not supported"):
        _lt(server).translate_batch(["x."], "en", "fr")
    server.script = [(429, {"error": "Slowdown: 5 per 1 minute"})] * 5
    with pytest.raises(TranslationError, match=r"rate-limited the request \(429\): Slowdown"):
        _lt(server, retries=1).translate_batch(["x."], "en", "ar")


def test_batch_limit_is_learnt_and_requests_are_chunked(server: FakeLT) -> None:
    """--batch-limit 8 (not reported by /frontend/settings): a 12-segment article is sent as 8 + 4."""
    server.batch_limit = 8
    lt = _lt(server)
    texts = [f"Sentence {i} is here." for i in range(12)]
    assert lt.translate_batch(texts, "en", "ar") == [t.upper() for t in texts]
    assert lt.requests == [12, 8, 4] and lt.batch_limit == 8
    lt.translate_batch(texts, "en", "ar")
    assert lt.requests[3:] == [8, 4]


def test_char_limit_from_settings_cuts_long_segments(server: FakeLT) -> None:
    """charLimit from /frontend/settings: a long segment goes in pieces cut at spaces, joined again; a word
    longer than the limit is cut inside and joined without a space; white space alone is not sent."""
    server.char_limit = 20
    long = "alpha beta gamma delta epsilon zeta eta theta & iota"
    word = "Wikipedia:" + "x" * 25 + "&&"
    out = _lt(server).translate_batch([long, word, "  "], "en", "ar")
    assert out == [long.upper(), word.upper(), ""]
    assert all(len(x) <= 20 for body in server.requests for x in body["q"])
    assert "  " not in [x for body in server.requests for x in body["q"]]


def test_a_keys_own_char_limit_is_learnt_from_the_refusal(server: FakeLT) -> None:
    """charLimit 60 reported, the key allows 20: the refusal of one text lowers the limit and the texts are cut
    again; the limit is kept for the next batch."""
    server.char_limit, server.key_char_limit = 60, 20
    lt = _lt(server)
    texts = ["alpha beta gamma delta epsilon zeta eta theta & iota", "short"]
    assert lt.translate_batch(texts, "en", "ar") == [t.upper() for t in texts]
    assert lt.key_char_limit == 20 and lt.char_limit == 20
    assert lt.translate_batch(texts, "en", "ar") == [t.upper() for t in texts]
    assert [len(body["q"]) for body in server.requests] == [2, 4, 4]
    assert all(len(x) <= 20 for body in server.requests[1:] for x in body["q"])


def test_split_text_keeps_every_character() -> None:
    """Pieces join back to the text; cuts fall after a space, inside a word only when it is too long."""
    assert split_text("aaaa bbbb cccc", 9) == ["aaaa bbbb ", "cccc"]
    assert split_text("x" * 20, 8) == ["x" * 8, "x" * 8, "x" * 4]
    assert split_text("short", 9) == ["short"] and split_text("any length", -1) == ["any length"]
    text = "one && two <three> four five"
    pieces = split_text(text, 10, lambda t: len(t.replace("&", "&amp;")))
    assert "".join(pieces) == text and all(len(p.rstrip().replace("&", "&amp;")) <= 10 for p in pieces)


def test_model_id_names_version_and_pair_never_the_url(server: FakeLT) -> None:
    """libretranslate:1.9.6:en-ar; the memory key survives a change of URL and old rows are still read."""
    lt = _lt(server)
    assert lt.model_id("en", "ar") == "libretranslate:1.9.6:en-ar"
    memory = InMemoryTM()
    art = make_article(1)
    seg = "Summary of story 1."
    legacy = TMKey("libretranslate", f"libretranslate:{server.url}", "en", "ar")
    memory.put_many(legacy, {segment_hash(seg): "RESUMEN 1."})
    [res] = translate_articles([art], "ar", lt, memory)
    assert res.article is not None and res.article.summary == "RESUMEN 1."
    assert res.article.mt_model == "libretranslate:1.9.6:en-ar" and "127.0.0.1" not in res.article.mt_model
    assert seg.upper() not in [x for body in server.requests for x in body["q"]]
    assert memory.get_many(TMKey("libretranslate", lt.model_id("en", "ar"), "en", "ar"), [segment_hash(seg)])


def test_factory_needs_a_url(server: FakeLT) -> None:
    """get_translator('libretranslate') needs translation.libretranslate_url and passes the key."""
    with pytest.raises(ConfigError):
        get_translator("libretranslate", Translation())
    lt = get_translator("libretranslate", Translation(libretranslate_url=f"http://127.0.0.1:{server.server_port}",
                                                      libretranslate_api_key=KEY))
    assert lt.engine == "libretranslate" and lt.supports("en", "ar")


def test_server_down_then_up_through_publish_status_and_check(tmp_path: Path) -> None:
    """Down: publish fails fast saying unreachable, status lists the error, check says unreachable (not a
    missing model). Up again on the same port: the next publish completes the translation."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cfg = make_site(tmp_path, formats=("atom", "json"), extra=f"""
[translation]
targets = ["es"]
engine = "libretranslate"
libretranslate_url = "http://127.0.0.1:{port}"
libretranslate_api_key = "{KEY}"
""")
    row = {"id": "s1", "lang": "en", "category": "politics", "title": "AT&amp;T's &amp;copy note",
           "body_html": "<p>Use &lt;b&gt; for bold, 3 &amp; 4.</p>", "published": "2026-11-20T10:00:00Z"}
    write_jsonl(tmp_path / "in.jsonl", [row])
    runner = CliRunner()
    base = ["--config", str(cfg)]
    assert runner.invoke(main, [*base, "ingest", str(tmp_path / "in.jsonl")]).exit_code == 0
    started = time.monotonic()
    down = runner.invoke(main, [*base, "publish", "--now", "2026-11-27T12:00:00Z"])
    assert time.monotonic() - started < 5
    assert down.exit_code == 1 and "unreachable" in down.output and "cannot translate" not in down.output
    status = runner.invoke(main, [*base, "status", "--json", "--now", "2026-11-27T12:00:00Z"])
    data = json.loads(status.output)
    assert data["pending_translations"] == {"es": 1} and "unreachable" in data["translation_errors"]["es"][0]
    check = runner.invoke(main, [*base, "check"])
    assert check.exit_code == 1 and "unreachable" in check.output and "cannot translate" not in check.output
    with running(identity, port):
        up = runner.invoke(main, [*base, "publish", "--now", "2026-11-27T12:05:00Z"])
        assert up.exit_code == 0, up.output
    feed = (tmp_path / "feeds" / "es" / "all" / "feed.json").read_text(encoding="utf-8")
    [item] = json.loads(feed)["items"]
    # the title reads as sent (JSON Feed adds an invisible word joiner after a '&' that could start an entity)
    assert item["title"].replace("\u2060", "") == "AT&T's &copy note" and "Use &lt;b&gt; for bold, 3 &amp; 4." in item["content_html"]
    assert "127.0.0.1" not in feed and "libretranslate:1.9.6:en-es" in feed
