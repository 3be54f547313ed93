"""Helpers (no tests) for the server, items API, push and WebSub tests: a running ``syndicate serve``,
raw HTTP requests, a local HTTP receiver, and a partner site config."""

from __future__ import annotations

import http.server
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sites import make_site

from syndicate.config import load_config
from syndicate.serve.app import SyndicateApp
from syndicate.serve.auth import token_hash
from syndicate.serve.run import make_server

TOKENS = {"acme": "acme-token-0123456789", "wire": "wire-token-abcdefghij", "slow": "slow-token-zyxwvu"}

PARTNERS = """
[partners.acme]
languages = ["en"]
categories = ["politics"]
token_hashes = ["{acme}"]
rate_limit = 100000

[partners.wire]
languages = ["en", "ar"]
embargoed = true
token_hashes = ["{wire}"]
rate_limit = 100000

[partners.slow]
token_hashes = ["{slow}"]
rate_limit = 3
"""


def partner_site(tmp_path: Path, store_url: str | None = None, *, extra: str = "", hub_url: str | None = None,
                 **kwargs):  # type: ignore[no-untyped-def]
    """Config of a site with three partners (acme: en politics; wire: en+ar, embargoed; slow: 3/min)."""
    text = PARTNERS.format(**{k: token_hash(v) for k, v in TOKENS.items()}) + extra
    path = make_site(tmp_path, store_url, formats=("rss", "atom", "json", "newsml"), extra=text, **kwargs)
    if hub_url:
        site_line = 'usage_terms = "Partners only"'
        path.write_text(path.read_text(encoding="utf-8").replace(site_line, f'{site_line}\nhub_url = "{hub_url}"'),
                        encoding="utf-8")
    return load_config(path, env={})


def recent(hours: float) -> datetime:
    """A real time ``hours`` ago (the server and push worker use the real clock)."""
    return (datetime.now(UTC) - timedelta(hours=hours)).replace(microsecond=0)


class Server:
    """``syndicate serve`` in a subprocess on a free 127.0.0.1 port."""

    def __init__(self, config_path: Path, *args: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "syndicate", "--config", str(config_path), "serve",
                                      "--port", "0", "--no-push", "--workers", "1", "--threads", "4", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                     start_new_session=True)
        line = self.proc.stdout.readline() if self.proc.stdout else ""
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.stop()
            raise RuntimeError(f"serve did not start: {line!r}")
        self.port = int(match.group(1))
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError("serve is not accepting connections") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def raw_get(port: int, target: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """Send ``GET <target>`` exactly as given (no client-side normalisation); (status, whole response)."""
    lines = [f"GET {target} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A local HTTP server that records POSTs and answers with ``decide(request) -> status``."""

    decide: Callable[[Received], int] = lambda r: 200
    requests: list[Received] = field(default_factory=list)

    def __post_init__(self) -> None:
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                got = Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                owner.requests.append(got)
                status = owner.decide(got)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class ThreadedServer:
    """The WSGI app under waitress on a free 127.0.0.1 port, in a thread, with a settable clock."""

    def __init__(self, config, store, now: datetime) -> None:  # type: ignore[no-untyped-def]
        self.now = now
        app = SyndicateApp(config, store=store, clock=lambda: self.now)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        self.base = f"http://127.0.0.1:{sock.getsockname()[1]}"
        self.server = make_server(app, sock, 4)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.task_dispatcher.shutdown()       # let the worker threads finish before the trigger closes
        self.server.close()
