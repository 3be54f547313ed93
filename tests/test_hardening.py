"""Regression suite of the attack run (issue 12): one test per class that got through, each against real
components (HTTP servers on 127.0.0.1, a real store, ``syndicate serve`` in a subprocess).

1 SSRF through redirects · 2 total deadline and decoded-size limit · 3 secrets echoed · 4 push replay ·
5 config that publishes private files · 7 server exhaustion (FIFOs, idle sockets). (6, titles, lives with
the renderers.)"""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import logging
import os
import resource
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from factories import make_article
from sites import make_site
from test_serve_support import PARTNERS, TOKENS, Received, Receiver, Server, partner_site, raw_get, recent

from syndicate.cli import main
from syndicate.config import load_config
from syndicate.config.layout import parse_path
from syndicate.deliver.push import Pusher, verify_webhook, webhook_signature
from syndicate.errors import ConfigError, IngestError
from syndicate.ingest import read_source
from syndicate.ingest.usecase import ingest
from syndicate.net import FetchPolicy
from syndicate.publish.usecase import publish
from syndicate.redact import redact, redact_url
from syndicate.serve.auth import token_hash
from syndicate.store import open_store

JSONL = (b'{"id": "x1", "title": "Internal export", "body_html": "<p>secret rows</p>", '
         b'"published": "2026-03-01T08:00:00Z", "category": "politics", "lang": "en"}\n')


class Origin:
    """A local HTTP server whose answers are functions of the request path."""

    def __init__(self, routes: dict[str, Callable[[BaseHTTPRequestHandler], None]]) -> None:
        self.hits: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.hits.append(self.path)
                route = routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                else:
                    route(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def redirect(target: str, status: int = 302) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Location", target)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return answer


def body(data: bytes, **headers: str) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        for k, v in headers.items():
            h.send_header(k.replace("_", "-"), v)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)
    return answer


@pytest.fixture
def internal() -> Iterator[Origin]:
    """The "internal service" on another loopback port, with an export that must never be published."""
    origin = Origin({"/admin/export": body(JSONL, Content_Type="application/x-ndjson")})
    yield origin
    origin.close()


# -- 1. SSRF through redirects ---------------------------------------------------------------------------

def test_redirect_to_an_internal_service_is_refused_and_nothing_is_stored(tmp_path, internal):
    """A partner feed that 302/307-redirects to another loopback port (or the metadata address, or a
    non-http scheme) is refused; the internal service is never reached and no article is stored."""
    target = f"{internal.url}/admin/export"
    feed = Origin({"/x": redirect(target), "/y": redirect(target, 307),
                   "/meta": redirect("http://169.254.169.254/latest/meta-data/"),
                   "/file": redirect("file:///etc/passwd"), "/ok": body(JSONL)})
    config = load_config(make_site(tmp_path), env={})
    store = open_store(config.store_url)
    try:
        for path in ("/x", "/y", "/meta", "/file"):
            with pytest.raises(IngestError, match="refused"):
                ingest(config, store, f"{feed.url}{path}", recent(0), fmt="jsonl")
        assert internal.hits == []
        assert store.articles.count() == 0
        # the first URL an operator configures may be internal: only what it redirects to is judged
        report = ingest(config, store, f"{feed.url}/ok", recent(0), fmt="jsonl")
        assert report.count("inserted") == 1
    finally:
        store.close()
        feed.close()


def test_allow_private_lets_an_intranet_redirect_through(tmp_path, internal):
    feed = Origin({"/x": redirect(f"{internal.url}/admin/export")})
    try:
        allowed = FetchPolicy(allow_private=("127.0.0.0/8",))
        assert read_source(f"{feed.url}/x", policy=allowed) == JSONL
        assert read_source(f"{feed.url}/x", policy=FetchPolicy(allow_private=("127.0.0.1",))) == JSONL
        with pytest.raises(IngestError, match="refused"):
            read_source(f"{feed.url}/x", policy=FetchPolicy(allow_private=("10.0.0.0/8",)))
        path = make_site(tmp_path, extra='\n[fetch]\nallow_private = ["127.0.0.0/8"]\n')
        assert load_config(path, env={}).fetch.allow_private == ("127.0.0.0/8",)
    finally:
        feed.close()


def test_redirect_chains_are_bounded():
    loop = Origin({})
    loop_routes = {f"/r{i}": redirect(f"/r{i + 1}") for i in range(10)}
    loop.httpd.RequestHandlerClass.do_GET = (  # type: ignore[method-assign]
        lambda h: (loop.hits.append(h.path), loop_routes.get(h.path, body(b"end"))(h)))
    try:
        allowed = FetchPolicy(allow_private=("127.0.0.1",))
        with pytest.raises(IngestError, match="more than 5 redirects"):
            read_source(f"{loop.url}/r0", policy=allowed)
        assert len(loop.hits) == 6
        assert read_source(f"{loop.url}/r6", policy=allowed) == b"end"      # 4 hops: fine
    finally:
        loop.close()


# -- 2. total deadline, decoded size ---------------------------------------------------------------------

def drip(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Length", "40")
    h.end_headers()
    try:
        for _ in range(40):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.25)
    except OSError:
        pass


def test_total_deadline_stops_a_dripping_server():
    """One byte every 0.25 s for 10 s: a 2 s fetch gives up at about 2 s (a per-read timeout never fires)."""
    origin = Origin({"/drip": drip})
    try:
        start = time.monotonic()
        with pytest.raises(IngestError, match="cannot fetch source"):
            read_source(f"{origin.url}/drip", timeout=2)
        assert time.monotonic() - start < 4
    finally:
        origin.close()


def test_decoded_size_is_bounded_separately_from_the_transfer():
    bomb = gzip.compress(b"\0" * (8 * 1024 * 1024))          # ~8 KiB on the wire, 8 MiB inflated
    origin = Origin({"/bomb": body(bomb, Content_Encoding="gzip")})
    try:
        policy = FetchPolicy(max_bytes=1024 * 1024, max_decoded_bytes=1024 * 1024)
        with pytest.raises(IngestError, match="decoded"):
            read_source(f"{origin.url}/bomb", policy=policy)
        roomy = FetchPolicy(max_bytes=1024 * 1024, max_decoded_bytes=16 * 1024 * 1024)
        assert len(read_source(f"{origin.url}/bomb", policy=roomy)) == 8 * 1024 * 1024
    finally:
        origin.close()


# -- 3. secrets are never echoed -------------------------------------------------------------------------

SECRET_WORDS = ("hunter2", "s3cr3tkey", "tok-999")


def no_secret(text: str) -> None:
    for word in SECRET_WORDS:
        assert word not in text, f"{word!r} leaked in {text!r}"


def test_redaction_of_urls_and_texts():
    assert redact_url("https://user:hunter2@feeds.example/x?key=s3cr3tkey&page=2") == \
        "https://***@feeds.example/x?key=***&page=2"
    assert redact_url("https://h/x?api_key=1&token=2&access_token=3&sig=4&lang=en") == \
        "https://h/x?api_key=***&token=***&access_token=***&sig=***&lang=en"
    assert redact_url("https://feeds.example/x?page=2") == "https://feeds.example/x?page=2"
    text = redact("Max retries exceeded with url: /in?token=tok-999 (http://u:hunter2@h:1/in?token=tok-999)")
    no_secret(text)
    assert "url: /in?token=***" in text


def test_ingest_errors_and_logs_do_not_show_credentials(tmp_path, caplog):
    origin = Origin({})
    config = load_config(make_site(tmp_path), env={})
    store = open_store(config.store_url)
    url = origin.url.replace("http://", "http://user:hunter2@") + "/missing?key=s3cr3tkey"
    try:
        with pytest.raises(IngestError) as caught:
            ingest(config, store, url, recent(0), fmt="jsonl")
        no_secret(str(caught.value))
        assert "HTTP 404" in str(caught.value)
        closed = "http://user:hunter2@127.0.0.1:9/x?token=tok-999"
        with pytest.raises(IngestError) as caught:
            ingest(config, store, closed, recent(0), fmt="jsonl")
        no_secret(str(caught.value))
    finally:
        store.close()
        origin.close()


def test_push_status_logs_and_listing_do_not_show_credentials(tmp_path, caplog):
    extra = ('\n[partners.pushco]\nlanguages = ["en"]\n'
             'push_url = "http://bot:hunter2@127.0.0.1:9/in?token=tok-999"\npush_secret = "whsec_c2VjcmV0"\n'
             '\n[push]\nbase_delay = 0.01\nmax_delay = 0.01\nmax_attempts = 2\n')
    config = partner_site(tmp_path, extra=extra)
    store = open_store(config.store_url)
    try:
        store.articles.upsert_many([make_article(1, published=recent(1))], recent(0))
        pusher = Pusher(config, store)
        with caplog.at_level(logging.WARNING, logger="syndicate.push"):
            for _ in range(20):
                pusher.run_once()
                if all(r["state"] == "failed" for r in store.delivery.rows()):
                    break
                time.sleep(0.02)
        rows = store.delivery.rows()
        assert rows and all(r["state"] == "failed" for r in rows)
        for row in rows:
            no_secret(str(row["last_error"]))
        for s in store.delivery.summary():
            no_secret(str(s))
        assert caplog.records and "push failed" in caplog.text
        no_secret(caplog.text)
    finally:
        store.close()
    listing = CliRunner().invoke(main, ["--config", str(config.path), "partners", "list"])
    assert listing.exit_code == 0, listing.output
    assert "push http://***@127.0.0.1:9/in?token=***" in listing.output
    no_secret(listing.output)
    status = CliRunner().invoke(main, ["--config", str(config.path), "status"])
    no_secret(status.output)


def test_config_errors_never_print_a_secret_value(tmp_path):
    for line in ('push_secret = 31337', 'push_secret = ["hunter2", 5]'):
        path = make_site(tmp_path, extra=f'\n[partners.p]\npush_url = "http://127.0.0.1:9/"\n{line}\n')
        with pytest.raises(ConfigError, match="push_secret") as caught:
            load_config(path, env={})
        assert "31337" not in str(caught.value) and "hunter2" not in str(caught.value)
    path = make_site(tmp_path, extra='\n[translation]\nlibretranslate_api_key = 4242\n')
    with pytest.raises(ConfigError, match="libretranslate_api_key") as caught:
        load_config(path, env={})
    assert "4242" not in str(caught.value)


# -- 4. push signatures: Standard Webhooks, replay protection, rotation -----------------------------------

def test_push_is_signed_with_id_and_timestamp_and_a_replay_is_rejected(tmp_path):
    """The receiver of the README example accepts each delivery once: a replayed request (same id) and a
    stale one (timestamp 10 min old) are refused; during a rotation both the old and new secret verify."""
    old, new = "whsec_" + base64.b64encode(b"old-secret-bytes").decode(), "new-plain-secret"
    seen: set[str] = set()
    verdicts: list[bool] = []

    def decide(req: Received) -> int:
        ok = verify_webhook([new], req.headers, req.body, time.time(), seen=seen)
        verdicts.append(ok)
        return 200 if ok else 401

    receiver = Receiver(decide)
    extra = (f'\n[partners.pushco]\nlanguages = ["en"]\npush_url = "{receiver.url}in"\n'
             f'push_secret = ["{old}", "{new}"]\n\n[push]\nbase_delay = 0.01\nmax_attempts = 1\n')
    config = partner_site(tmp_path, extra=extra)
    store = open_store(config.store_url)
    try:
        store.articles.upsert_many([make_article(1, published=recent(1))], recent(0))
        Pusher(config, store).run_once()
    finally:
        store.close()
        receiver.close()
    assert verdicts == [True]
    req = receiver.requests[0]
    msg_id, stamp = req.headers["webhook-id"], req.headers["webhook-timestamp"]
    assert abs(int(stamp) - time.time()) < 60 and msg_id.startswith("msg_")
    signed = f"{msg_id}.{stamp}.".encode() + req.body
    expected_old = base64.b64encode(hmac.new(b"old-secret-bytes", signed, hashlib.sha256).digest()).decode()
    assert req.headers["webhook-signature"].split() == [f"v1,{expected_old}",
                                                        webhook_signature(new, msg_id, int(stamp), req.body)]
    assert verify_webhook([old], req.headers, req.body, time.time())             # old receivers still verify
    # replay of the captured delivery: same id → refused
    assert not verify_webhook([new], req.headers, req.body, time.time(), seen=seen)
    # stale: the same bytes 10 minutes later → refused, even with a fresh id cache
    assert not verify_webhook([new], req.headers, req.body, time.time() + 600, seen=set())
    # tampering: another body or a moved timestamp breaks the signature
    assert not verify_webhook([new], req.headers, req.body + b" ", time.time(), seen=set())
    moved = dict(req.headers, **{"webhook-timestamp": str(int(stamp) + 1)})
    assert not verify_webhook([new], moved, req.body, time.time(), seen=set())


# -- 5. config that could publish private files ----------------------------------------------------------

def refusals_of(path: Path) -> tuple[str, ...]:
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    return caught.value.refusals


def test_config_refuses_what_would_publish_private_files(tmp_path):
    site = make_site(tmp_path, extra='\n[partners."../feeds/leak"]\nembargoed = true\n')
    assert any("partner name must be a slug" in r for r in refusals_of(site))
    text = site.read_text(encoding="utf-8").replace('[partners."../feeds/leak"]\nembargoed = true\n', "")
    for old, new, why in (('partners_dir = "partners"', 'partners_dir = "feeds/partners"', "inside one another"),
                          ('partners_dir = "partners"', 'partners_dir = "feeds"', "inside one another"),
                          ('dir = "feeds"', 'dir = "."', "store file"),
                          ("items_per_feed", 'path_template = "../{lang}/{category}/{file}"\nitems_per_feed',
                           "plain name"),
                          ("items_per_feed", 'path_template = "{lang}/{category}-{file}"\nitems_per_feed',
                           "last segment")):
        site.write_text(text.replace(old, new, 1), encoding="utf-8")
        assert any(why in r for r in refusals_of(site)), (new, refusals_of(site))


def test_check_explains_each_refusal(tmp_path):
    path = make_site(tmp_path, extra='\n[partners."../feeds/leak"]\nembargoed = true\n')
    path.write_text(path.read_text(encoding="utf-8").replace('partners_dir = "partners"',
                                                             'partners_dir = "feeds/p"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(path), "check"])
    assert result.exit_code == 2
    refused = [line for line in result.output.splitlines() if line.startswith("refused: ")]
    assert len(refused) == 2, result.output
    assert "slug" in refused[0] and "served without a token" in refused[1]


def test_partner_feeds_work_with_any_valid_template(tmp_path):
    extra = 'path_template = "{category}/{lang}/{file}"\nitems_per_feed'
    path = make_site(tmp_path, formats=("rss", "newsml"), extra=PARTNERS.format(
        **{k: token_hash(v) for k, v in TOKENS.items()}))
    path.write_text(path.read_text(encoding="utf-8").replace("items_per_feed", extra, 1), encoding="utf-8")
    config = load_config(path, env={})
    assert parse_path(config, ["politics", "en", "newsml.xml"]) == ("en", "politics")
    assert parse_path(config, ["en", "items", "x-v1.xml"]) == ("en", "items")
    assert parse_path(config, ["en", "politics", "newsml.xml"]) is None
    store = open_store(config.store_url)
    try:
        store.articles.upsert_many([make_article(1, published=recent(1))], recent(0))
        publish(config, store, recent(0))
    finally:
        store.close()
    assert (tmp_path / "partners" / "acme" / "politics" / "en" / "newsml.xml").is_file()
    server = Server(path)
    try:
        auth = {"Authorization": f"Bearer {TOKENS['acme']}"}
        assert raw_get(server.port, "/partners/acme/politics/en/newsml.xml", auth)[0] == 200
        assert raw_get(server.port, "/partners/acme/economy/en/newsml.xml", auth)[0] == 403    # out of scope
        assert raw_get(server.port, "/partners/acme/politics/ar/newsml.xml", auth)[0] == 403
        assert raw_get(server.port, "/partners/acme/politics/en/newsml.xml")[0] == 401
    finally:
        server.stop()


# -- 7. server exhaustion --------------------------------------------------------------------------------

@pytest.mark.parametrize("engine", ["granian", "waitress"])
def test_fifo_in_the_output_folder_does_not_block_workers(tmp_path, engine):
    path = make_site(tmp_path)
    fifo = tmp_path / "feeds" / "en" / "politics"
    fifo.mkdir(parents=True)
    os.mkfifo(fifo / "rss.xml")
    (tmp_path / "feeds" / "en" / "all").mkdir(parents=True)
    (tmp_path / "feeds" / "en" / "all" / "rss.xml").write_bytes(b"<rss/>")
    server = Server(path, "--engine", engine)
    try:
        with ThreadPoolExecutor(12) as pool:
            codes = list(pool.map(lambda _: raw_get(server.port, "/en/politics/rss.xml")[0], range(12)))
        assert codes == [404] * 12
        assert raw_get(server.port, "/en/all/rss.xml")[0] == 200
    finally:
        server.stop()


@pytest.mark.parametrize("engine", ["granian", "waitress"])
def test_normal_requests_work_while_1500_idle_sockets_are_open(tmp_path, engine):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    # 1,500 client sockets plus the server's own: a machine that cannot open them cannot run this check
    assert hard == resource.RLIM_INFINITY or hard >= 2000, f"open-file hard limit {hard} < 2000: raise ulimit -Hn"
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 2000) if hard == resource.RLIM_INFINITY
                                                else min(max(soft, 2000), hard), hard))
    path = make_site(tmp_path)
    (tmp_path / "feeds" / "en" / "all").mkdir(parents=True)
    (tmp_path / "feeds" / "en" / "all" / "rss.xml").write_bytes(b"<rss/>")
    server = Server(path, "--engine", engine)
    idle: list[socket.socket] = []
    try:
        for _ in range(1500):
            idle.append(socket.create_connection(("127.0.0.1", server.port), timeout=5))
        idle[-1].sendall(b"GET /en/all/rss.xml HTTP/1.1\r\nHost: x\r\n")     # a half-sent request too
        time.sleep(0.5)
        start = time.monotonic()
        for _ in range(5):
            assert raw_get(server.port, "/en/all/rss.xml")[0] == 200
        assert time.monotonic() - start < 5            # well before the 10 s header timeout frees anything
    finally:
        for sock in idle:
            sock.close()
        server.stop()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
