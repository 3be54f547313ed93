"""Reading sources: files and a real HTTP server on 127.0.0.1 (200, 404, oversize, external DTD never fetched)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from conftest import DATA

from syndicate.errors import IngestError
from syndicate.ingest import IngestOptions, load, read_source

RSS = DATA / "ingest" / "newsroom.rss"
BIG = b"x" * 5000


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:   # keep test output quiet
        pass

    def do_GET(self) -> None:
        type(self).hits.append(self.path)
        if self.path == "/feeds/politics.rss":
            self._send(200, RSS.read_bytes(), length=True)
        elif self.path == "/big":
            self._send(200, BIG, length=True)
        elif self.path == "/big-chunked":        # no Content-Length: the size cap must hold while streaming
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(5):
                self.wfile.write(b"y" * 1000)
        elif self.path == "/story.jsonl":
            self._send(200, b'{"id": "w1", "title": "Web", "body_html": "<a href=\\"/x\\">x</a>", '
                            b'"published": "2026-03-01T08:00:00Z"}\n', length=True)
        else:
            self._send(404, b"not here", length=True)

    def _send(self, status: int, body: bytes, *, length: bool) -> None:
        self.send_response(status)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_fetch_200_returns_the_bytes(server):
    """A 200 response gives exactly the served bytes."""
    assert read_source(f"{server}/feeds/politics.rss") == RSS.read_bytes()


def test_fetch_404_names_url_and_status(server):
    """Non-2xx is an IngestError naming the URL and the status."""
    url = f"{server}/missing.rss"
    with pytest.raises(IngestError) as info:
        read_source(url)
    assert "404" in str(info.value) and url in str(info.value)


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_fetch_oversize_is_refused(server, path):
    """Bodies beyond max_bytes are refused, with or without Content-Length."""
    with pytest.raises(IngestError, match="larger than 1000 bytes"):
        read_source(f"{server}{path}", max_bytes=1000)
    assert len(read_source(f"{server}{path}", max_bytes=5000)) == 5000


def test_unreachable_host_is_an_ingest_error():
    """A refused connection is wrapped in IngestError with the requests error as cause."""
    with pytest.raises(IngestError, match="cannot fetch") as info:
        read_source("http://127.0.0.1:9/feed.xml", timeout=2)
    assert info.value.__cause__ is not None


def test_load_url_detects_feed_and_uses_it_as_base(server):
    """load() on a URL detects the format and resolves relative links against the URL."""
    items = load(f"{server}/feeds/politics.rss", options=IngestOptions(languages=frozenset({"en"})))
    assert [i.ok for i in items] == [True, True, False, False]
    assert items[0].article.url == f"{server}/en/politics/envoy-meets-delegation"

    (story,) = load(f"{server}/story.jsonl", options=IngestOptions(category="politics", lang="en"))
    assert f'href="{server}/x"' in story.article.body_html


def test_external_dtd_is_never_fetched(server, tmp_path):
    """A DOCTYPE pointing at our server is refused without any request reaching the server."""
    _Handler.hits.clear()
    path = tmp_path / "dtd.xml"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{server}/evil.dtd">\n'
                    '<rss version="2.0"><channel><title>t</title></channel></rss>', encoding="utf-8")
    with pytest.raises(IngestError, match="external DTD"):
        load(str(path))
    assert _Handler.hits == []


def test_files(tmp_path):
    """Paths are read; a missing file, an oversize file and other schemes are IngestErrors."""
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"{}\n")
    assert read_source(str(path)) == b"{}\n"
    with pytest.raises(IngestError, match="larger than 2 bytes"):
        read_source(str(path), max_bytes=2)
    with pytest.raises(IngestError, match="cannot read") as info:
        read_source(str(tmp_path / "missing.jsonl"))
    assert isinstance(info.value.__cause__, OSError)
    with pytest.raises(IngestError, match="unsupported source scheme"):
        read_source("ftp://example.org/feed.xml")
