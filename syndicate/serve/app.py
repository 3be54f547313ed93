"""The WSGI application of ``syndicate serve``.

URL layout::

    /<lang>/<category>/rss.xml|atom.xml|feed.json|newsml.xml   public feeds (files under [output] dir)
    /<lang>/items/<uuid>-v<N>.xml                              public NewsML-G2 item versions
    /partners/<name>/<lang>/<category>/newsml.xml              partner feeds (files under [output] partners_dir)
    /partners/<name>/<lang>/items/<uuid>-v<N>.xml              partner item versions
    /api/v1/items?since=&lang=&category=&limit=               incremental NewsML-G2 API (partners)
    /api/v1/quota                                              the partner's rate limit and what is left
    /metrics                                                   Prometheus metrics (operator token)
    /healthz                                                   store reachable, last publish recent (no token)
    /admin/…                                                   the operator console (operator token)

Files: strong ``ETag`` (sha256 of the bytes; ``-gzip`` suffix for the gzip bytes), ``Last-Modified`` (time the
file was last written: bytes only change when a publish writes them), ``304`` on ``If-None-Match`` /
``If-Modified-Since``, gzip when accepted, HEAD. Partner paths and the API need ``Authorization: Bearer``:
401 without a valid token, 429 (``Retry-After``) over the rate limit, 403 outside the partner's scope.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from syndicate.config import Config, Partner
from syndicate.config.layout import parse_path
from syndicate.errors import SyndicateError
from syndicate.media import NEWSMESSAGE, with_charset
from syndicate.select.policy import audience_of, may_fetch
from syndicate.serve.admin import Console
from syndicate.serve.auth import Authenticator, OperatorAuth, bearer, operator_token
from syndicate.serve.files import Entry, FileCache, safe_parts
from syndicate.serve.items import BadRequest, Forbidden, fetch_page, next_link, parse_query
from syndicate.serve.metrics import CONTENT_TYPE as METRICS_TYPE
from syndicate.serve.metrics import health, render_metrics
from syndicate.store import Store, open_store

log = logging.getLogger("syndicate.server")
StartResponse = Callable[..., Any]
_STATUS = {200: "200 OK", 204: "204 No Content", 304: "304 Not Modified", 400: "400 Bad Request",
           401: "401 Unauthorized", 403: "403 Forbidden", 404: "404 Not Found", 405: "405 Method Not Allowed",
           406: "406 Not Acceptable", 429: "429 Too Many Requests", 503: "503 Service Unavailable"}


def _accepts_gzip(header: str | None) -> bool:
    if not header or "gzip" not in header:
        return False
    for part in header.split(","):
        name, _, params = part.partition(";")
        if name.strip().lower() == "gzip":
            params = params.replace(" ", "")
            return not (params.startswith("q=0") and params.strip("q=0.") == "")
    return False


def _wants_json(header: str | None) -> bool:
    """``Accept`` asks for JSON (ninjs) rather than XML: ``application/json`` (or ``+json``) listed and not
    refused with ``q=0``, and preferred over any XML type it also lists."""
    if not header:
        return False
    best_json, best_xml = 0.0, 0.0
    for part in header.split(","):
        media, _, params = part.strip().partition(";")
        media = media.strip().lower()
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media == "application/json" or media.endswith("+json"):
            best_json = max(best_json, q)
        elif media.endswith("xml") or media in ("*/*", "application/*"):
            best_xml = max(best_xml, q)
    return best_json > 0 and best_json >= best_xml


def _etag_matches(header: str, entry: Entry) -> bool:
    if header == entry.etag or header == entry.gz_etag:
        return True
    for tag in header.split(","):
        tag = tag.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag == "*" or tag == entry.etag or tag == entry.gz_etag:
            return True
    return False


def _not_modified_since(header: str, entry: Entry) -> bool:
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError, OverflowError):
        return False                 # unparseable or absurd: ignored, as RFC 9110 asks
    if since is None or since.tzinfo is None:
        return False
    try:
        return entry.mtime <= since.timestamp()
    except (OverflowError, OSError, ValueError):
        return False


class SyndicateApp:
    """WSGI callable serving the output folder, partner folders and the items API of one config."""

    def __init__(self, config: Config, *, store: Store | None = None,
                 clock: Callable[[], datetime] | None = None, limit_clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.public = FileCache(config.output.dir)
        pdir = config.output.partners_dir
        self.partner_files = {p.name: FileCache(pdir / p.name) for p in config.partners} if pdir else {}
        self.auth = Authenticator(config.partners)
        self.operators = OperatorAuth(config.server.operator_token_hashes)
        self.console = Console(config)
        self.clock = clock or (lambda: datetime.now(UTC))
        self.limit_clock = limit_clock
        self._store = store
        self._store_lock = threading.Lock()
        hub = config.site.hub_url
        self._hub_link = f'<{hub}>; rel="hub"' if hub else None

    @property
    def store(self) -> Store:
        if self._store is None:
            with self._store_lock:
                if self._store is None:
                    self._store = open_store(self.config.store_url)
        return self._store

    # -- responses -------------------------------------------------------------------------------------
    @staticmethod
    def _simple(start: StartResponse, code: int, message: str, headers: Iterable[tuple[str, str]] = (),
                head: bool = False) -> list[bytes]:
        body = (message + "\n").encode("utf-8")
        start(_STATUS[code], [("Content-Type", "text/plain; charset=utf-8"),
                              ("Content-Length", str(len(body))), *headers])
        return [] if head else [body]

    def _file(self, environ: dict[str, Any], start: StartResponse, entry: Entry, cache: str,
              link: str | None) -> list[bytes]:
        gz = entry.gz is not None and _accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING"))
        etag = entry.gz_etag if gz else entry.etag
        headers = [("ETag", etag), ("Last-Modified", entry.last_modified), ("Cache-Control", cache),
                   ("Vary", "Accept-Encoding")]
        if link:
            headers.append(("Link", link))
        inm = environ.get("HTTP_IF_NONE_MATCH")
        ims = environ.get("HTTP_IF_MODIFIED_SINCE")
        if (inm is not None and _etag_matches(inm, entry)) or (inm is None and ims and
                                                               _not_modified_since(ims, entry)):
            start("304 Not Modified", headers)
            return []
        body = entry.gz if gz and entry.gz is not None else entry.body
        headers.append(("Content-Type", entry.media_type))
        headers.append(("Content-Length", str(len(body))))
        if gz:
            headers.append(("Content-Encoding", "gzip"))
        start("200 OK", headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    # -- dispatch --------------------------------------------------------------------------------------
    def __call__(self, environ: dict[str, Any], start: StartResponse) -> list[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        head = method == "HEAD"
        if method != "GET" and not head:
            return self._simple(start, 405, "method not allowed", [("Allow", "GET, HEAD")])
        path = environ.get("PATH_INFO", "/")
        try:
            if path == "/healthz":
                return self._health(start, head)
            if path == "/metrics" or path == "/admin" or path.startswith("/admin/"):
                return self._operator(environ, start, path, head)
            if path.startswith("/partners/") or path.startswith("/api/"):
                return self._partner(environ, start, path, head)
            parts = safe_parts(path)
            entry = self.public.get(parts) if parts else None
            if entry is None or parts is None:
                return self._simple(start, 404, "not found", head=head)
            link = None
            if self._hub_link:
                link = f'{self._hub_link}, <{self.config.site.feeds_url}{"/".join(parts)}>; rel="self"'
            return self._file(environ, start, entry, "public, max-age=60", link)
        except SyndicateError as exc:
            log.error("%s %s: %s", method, path, exc)
            return self._simple(start, 503, "temporarily unavailable", [("Retry-After", "30")], head=head)

    def _send(self, start: StartResponse, code: int, body: bytes, media_type: str, head: bool,
              headers: Iterable[tuple[str, str]] = ()) -> list[bytes]:
        start(_STATUS[code], [("Content-Type", media_type), ("Content-Length", str(len(body))),
                              ("Cache-Control", "no-store"), *headers])
        return [] if head else [body]

    def _health(self, start: StartResponse, head: bool) -> list[bytes]:
        result = health(self.config, lambda: self.store, self.clock())
        return self._send(start, 200 if result.ok else 503, result.body, "application/json", head)

    def _operator(self, environ: dict[str, Any], start: StartResponse, path: str, head: bool) -> list[bytes]:
        if not self.operators.allows(operator_token(environ.get("HTTP_AUTHORIZATION"))):
            return self._simple(start, 401, "a valid operator token is required",
                                [("WWW-Authenticate", 'Bearer realm="syndicate-operator"'),
                                 ("WWW-Authenticate", 'Basic realm="syndicate-operator", charset="UTF-8"')],
                                head=head)
        if path == "/metrics":
            return self._send(start, 200, render_metrics(self.config, self.store, self.clock()), METRICS_TYPE,
                              head)
        page = self.console.page(path.removeprefix("/admin").lstrip("/"), self.store, self.clock())
        return self._send(start, page.status, page.body, "text/html; charset=utf-8", head,
                          [("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer"),
                           ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                                                       "img-src 'self'; frame-ancestors 'none'")])

    def _partner(self, environ: dict[str, Any], start: StartResponse, path: str, head: bool) -> list[bytes]:
        partner = self.auth.partner_for(bearer(environ.get("HTTP_AUTHORIZATION")))
        if partner is None:
            return self._simple(start, 401, "a valid partner token is required",
                                [("WWW-Authenticate", 'Bearer realm="syndicate"')], head=head)
        # one bucket per partner in the store, shared by every worker process
        quota = self.store.limits.take(partner.name, partner.rate_limit, self.limit_clock())
        remaining = quota.remaining
        if not quota.allowed:
            return self._simple(start, 429, "rate limit exceeded", [("Retry-After", str(quota.retry_after))],
                                head=head)
        if path == "/api/v1/items":
            return self._items(environ, start, partner, head)
        if path == "/api/v1/quota":
            body = json.dumps({"partner": partner.name, "limit_per_minute": partner.rate_limit,
                               "remaining": remaining}).encode()
            start("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                             ("Cache-Control", "no-store")])
            return [] if head else [body]
        parts = safe_parts(path)
        if not parts or parts[0] != "partners" or len(parts) < 4:
            return self._simple(start, 404, "not found", head=head)
        name, rel = parts[1], parts[2:]
        if name != partner.name:
            return self._simple(start, 403, "outside this partner's agreement", head=head)
        where = parse_path(self.config, rel)      # language and feed folder under any valid path_template
        if where is None:
            return self._simple(start, 404, "not found", head=head)
        if not may_fetch(audience_of(partner), *where):
            return self._simple(start, 403, "outside this partner's agreement", head=head)
        cache = self.partner_files.get(name)
        entry = cache.get(rel) if cache else None
        if entry is None:
            return self._simple(start, 404, "not found", head=head)
        return self._file(environ, start, entry, "private, max-age=60", None)

    def _items(self, environ: dict[str, Any], start: StartResponse, partner: Partner, head: bool) -> list[bytes]:
        qs = environ.get("QUERY_STRING", "")
        try:
            query = parse_query(qs, partner, self.config)
        except BadRequest as exc:
            return self._simple(start, 400, str(exc), head=head)
        except Forbidden as exc:
            return self._simple(start, 403, str(exc), head=head)
        fmt = "ninjs" if _wants_json(environ.get("HTTP_ACCEPT")) else "newsml"
        if fmt not in partner.formats:
            return self._simple(start, 406, f"{fmt} is not among this partner's formats", head=head)
        page = fetch_page(self.config, self.store, partner, query, self.clock(), fmt=fmt)
        headers = [("X-Next-Cursor", page.next_cursor), ("X-Item-Count", str(page.count)),
                   ("Link", f'<{next_link(qs, page.next_cursor)}>; rel="next"'), ("Cache-Control", "no-store")]
        if page.body is None:
            start("204 No Content", headers)
            return []
        media = "application/json" if fmt == "ninjs" else with_charset(NEWSMESSAGE)
        headers += [("Content-Type", media), ("Vary", "Accept"),
                    ("Content-Length", str(len(page.body)))]
        start("200 OK", headers)
        return [] if head else [page.body]
