"""LibreTranslate backend against a real HTTP server on 127.0.0.1 implementing its API.

The server "translates" by upper-casing text (HTML tags kept) and reproduces LibreTranslate 1.9.6's
behaviours: list ``q``, ``format=html`` with ``html.unescape`` of the result, ``api_key`` in the body
(403 when wrong), 400 for an unsupported language, scripted 429/500 answers.
"""

from __future__ import annotations

import html
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from factories import make_article

from syndicate.config import Translation
from syndicate.errors import ConfigError, ModelNotFoundError, TranslationError
from syndicate.translate.articles import translate_articles
from syndicate.translate.engines.base import get_translator
from syndicate.translate.engines.libretranslate import LibreTranslateTranslator
from syndicate.translate.memory import InMemoryTM

LANGUAGES = [{"code": "en", "name": "English", "targets": ["ar", "es"]},
             {"code": "ar", "name": "Arabic", "targets": ["en"]}]
KEY = "secret-key"


class FakeLT(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.script: list[tuple[int, dict[str, Any]]] = []   # answers to send before normal service
        self.requests: list[dict[str, Any]] = []


def _upper_text(fragment: str) -> str:
    return re.sub(r"(^|>)([^<]*)", lambda m: m.group(1) + m.group(2).upper(), fragment)


class Handler(BaseHTTPRequestHandler):
    server: FakeLT

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path == "/languages":
            self._send(200, LANGUAGES)
        else:
            self._send(404, {"error": "Not Found"})

    def do_POST(self) -> None:
        if self.path != "/translate":
            self._send(404, {"error": "Not Found"})
            return
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        if self.server.script:
            status, answer = self.server.script.pop(0)
            self._send(status, answer)
            return
        if body.get("api_key") != KEY:
            self._send(403, {"error": "Invalid API key"})
            return
        src, dst = body.get("source"), body.get("target")
        if not any(lang["code"] == src and dst in lang["targets"] for lang in LANGUAGES):
            self._send(400, {"error": f"{dst} is not supported"})
            return
        q = body["q"]
        items = q if isinstance(q, list) else [q]
        if body.get("format") == "html":
            out = [html.unescape(_upper_text(x)) for x in items]      # what LibreTranslate 1.9.6 does
        else:
            out = [x.upper() for x in items]
        self._send(200, {"translatedText": out if isinstance(q, list) else out[0]})


@pytest.fixture()
def server() -> Iterator[FakeLT]:
    srv = FakeLT()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _lt(server: FakeLT, **kwargs: Any) -> LibreTranslateTranslator:
    kwargs.setdefault("api_key", KEY)
    return LibreTranslateTranslator(f"http://127.0.0.1:{server.server_port}", backoff=0.01, **kwargs)


def test_list_q_in_one_request_with_api_key_in_body(server: FakeLT) -> None:
    """All segments go in one POST as a list; api_key, source, target and format are body fields."""
    out = _lt(server).translate_batch(["Talks began.", "Prices rose 3&4 <b>."], "en", "ar")
    assert out == ["TALKS BEGAN.", "PRICES ROSE 3&4 <B>."]
    assert server.requests == [{"q": ["Talks began.", "Prices rose 3&4 <b>."], "source": "en", "target": "ar",
                                "format": "text", "api_key": KEY}]


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
    with pytest.raises(TranslationError, match="403: Invalid API key"):
        _lt(server, api_key="wrong").translate_batch(["x."], "en", "ar")
    assert len(server.requests) == 1


def test_unsupported_language_is_400_and_unsupported_pair_is_reported(server: FakeLT) -> None:
    """/languages drives supports(); a direct call for an unsupported target gets the server's 400."""
    lt = _lt(server)
    assert lt.supports("en", "es") and not lt.supports("en", "fr")
    with pytest.raises(ModelNotFoundError):
        lt.model_id("en", "fr")
    with pytest.raises(TranslationError, match="400: fr is not supported"):
        lt.translate_batch(["x."], "en", "fr")


def test_failing_server_leaves_articles_pending(server: FakeLT) -> None:
    """A 500 on every attempt: the articles come back with the error and no text."""
    server.script = [(500, {"error": "Cannot translate text"})] * 10
    results = translate_articles([make_article(1), make_article(2)], "ar", _lt(server, retries=1), InMemoryTM())
    assert all(r.article is None and r.error is not None for r in results)


def test_unreachable_server_is_a_translation_error() -> None:
    """Connection refused: TranslationError after retries."""
    lt = LibreTranslateTranslator("http://127.0.0.1:9", retries=1, backoff=0.01, timeout=(1, 1))
    with pytest.raises(TranslationError, match="unreachable"):
        lt.translate_batch(["x."], "en", "ar")
    assert lt.supports("en", "ar") is False


def test_factory_needs_a_url(server: FakeLT) -> None:
    """get_translator('libretranslate') needs translation.libretranslate_url and passes the key."""
    with pytest.raises(ConfigError):
        get_translator("libretranslate", Translation())
    lt = get_translator("libretranslate", Translation(libretranslate_url=f"http://127.0.0.1:{server.server_port}",
                                                      libretranslate_api_key=KEY))
    assert lt.engine == "libretranslate" and lt.supports("en", "ar")
