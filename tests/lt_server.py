"""A hand-made LibreTranslate 1.9.6 API on 127.0.0.1, for the faults the real server will not produce on
demand (429, 500, limits) and for fast contract tests.

It reproduces LibreTranslate's text handling: ``format="text"`` answers ``html.unescape(translation)``;
``format="html"`` parses the fragment (entities decoded), translates each text node, serialises it with
``&``, ``<``, ``>`` escaped (BeautifulSoup's minimal formatter) and ``html.unescape``\\ s the whole result.
``transform`` is the "model" (upper-casing by default; ``identity`` for exactness tests). Also: list ``q``,
``api_key`` in the body (403 when wrong), 400 for an unsupported pair, ``--batch-limit`` / ``--char-limit``
and a key's own character limit with LibreTranslate's messages, ``/frontend/settings`` (``charLimit``), ``/spec`` (version), scripted answers.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

#: as the real server lists them: every language is also a target of itself (argostranslate's identity)
LANGUAGES = [{"code": "en", "name": "English", "targets": ["ar", "en", "es"]},
             {"code": "ar", "name": "Arabic", "targets": ["ar", "en"]}]
KEY = "secret-key"
VERSION = "1.9.6"


def identity(text: str) -> str:
    return text


class FakeLT(ThreadingHTTPServer):
    daemon_threads = True

    allow_reuse_address = True

    def __init__(self, transform: Callable[[str], str] = str.upper, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.transform = transform
        self.script: list[tuple[int, dict[str, Any]]] = []   # answers to send before normal service
        self.requests: list[dict[str, Any]] = []
        self.batch_limit = -1
        self.char_limit = -1
        self.key: str | None = KEY
        self.key_char_limit = -1      # the key's own character limit (not reported by /frontend/settings)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})
#: elements LibreTranslate's HTML translation leaves alone (besides ``translate="no"``)
UNTRANSLATED = frozenset({"address", "applet", "audio", "canvas", "code", "embed", "script", "style", "time",
                          "video"})


def _attr(name: str, value: str | None) -> str:
    value = (value or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if '"' in value and "'" not in value:
        return f" {name}='{value}'"
    return f' {name}="{value.replace(chr(34), "&quot;")}"'


class _Tree(HTMLParser):
    """Parses a fragment and serialises it back as LibreTranslate's BeautifulSoup (html.parser, minimal
    formatter) does: attributes double-quoted, void elements as ``<br/>``, open elements closed at the end,
    stray end tags dropped, comments turned into text; text nodes outside ``UNTRANSLATED`` elements and
    ``translate="no"`` go through ``transform``."""

    def __init__(self, transform: Callable[[str], str]) -> None:
        super().__init__(convert_charrefs=True)
        self.transform = transform
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []      # (tag, its text is translated)

    def _translating(self) -> bool:
        return not self.open or self.open[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(f"<{tag}{''.join(_attr(k, v) for k, v in attrs)}{'/' if tag in VOID else ''}>")
        if tag not in VOID:
            keep = tag in UNTRANSLATED or dict(attrs).get("translate") == "no"
            self.open.append((tag, self._translating() and not keep))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in [t for t, _ in self.open]:
            while self.open:
                name, _ = self.open.pop()
                self.out.append(f"</{name}>")
                if name == tag:
                    break

    def handle_data(self, data: str) -> None:
        text = self.transform(data) if data.strip() and self._translating() else data
        self.out.append(html.escape(text, quote=False))

    def handle_comment(self, data: str) -> None:
        self.handle_data(data)

    def result(self) -> str:
        self.close()
        self.out.extend(f"</{name}>" for name, _ in reversed(self.open))
        return "".join(self.out)


def _html_translate(fragment: str, transform: Callable[[str], str]) -> str:
    """Text nodes translated, markup kept, the result serialised as BeautifulSoup's minimal formatter does."""
    tree = _Tree(transform)
    tree.feed(fragment)
    return tree.result()


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
        elif self.path == "/frontend/settings":
            self._send(200, {"apiKeys": self.server.key is not None, "charLimit": self.server.char_limit,
                             "filesTranslation": False, "frontendTimeout": 500, "keyRequired": False,
                             "language": {"source": {"code": "auto", "name": "Auto Detect"},
                                          "target": {"code": "es", "name": "Spanish"}},
                             "suggestions": False, "supportedFilesFormat": []})
        elif self.path == "/spec":
            self._send(200, {"info": {"version": VERSION, "title": "LibreTranslate"}})
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
        if self.server.key is not None and body.get("api_key") != self.server.key:
            self._send(403, {"error": "Invalid API key"})
            return
        src, dst = body.get("source"), body.get("target")
        if not any(lang["code"] == src and dst in lang["targets"] for lang in LANGUAGES):
            self._send(400, {"error": f"{dst} is not supported"})
            return
        q = body["q"]
        items = q if isinstance(q, list) else [q]
        limit = self.server.batch_limit
        if isinstance(q, list) and limit != -1 and len(q) > limit:
            self._send(400, {"error": f"Invalid request: request ({len(q)}) exceeds text limit ({limit})"})
            return
        char_limit = self.server.char_limit
        if self.server.key is not None and self.server.key_char_limit != -1:
            char_limit = self.server.key_char_limit
        for text in items:
            if char_limit != -1 and len(text) > char_limit:
                self._send(400, {"error": f"Invalid request: request ({len(text)}) exceeds text limit ({char_limit})"})
                return
        transform = self.server.transform
        if body.get("format") == "html":
            out = [html.unescape(_html_translate(x, transform)) for x in items]   # what LibreTranslate 1.9.6 does
        else:
            out = [html.unescape(transform(x)) for x in items]
        self._send(200, {"translatedText": out if isinstance(q, list) else out[0]})


@contextmanager
def running(transform: Callable[[str], str] = str.upper, port: int = 0) -> Iterator[FakeLT]:
    srv = FakeLT(transform, port)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
