"""Read a source: a local file, standard input (``-``) or an http(s) URL, with a size cap.

This is the only ingest module that does I/O.
"""

from __future__ import annotations

import sys
from pathlib import Path

import requests

from syndicate.errors import IngestError

_CHUNK = 64 * 1024
USER_AGENT = "syndicate-ingest/0.1"
#: Largest source read. Well above any sane export, so one oversize *item* (refused on its own by
#: :data:`syndicate.ingest.base.MAX_TEXT_CHARS`) never costs the other items of its source.
MAX_SOURCE_BYTES = 128 * 1024 * 1024


def is_url(source: str) -> bool:
    """True for ``http://`` and ``https://`` sources."""
    return source.lower().startswith(("http://", "https://"))


def read_source(source: str, *, timeout: float = 20.0, max_bytes: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of ``source``: a path, ``-`` (stdin) or an http(s) URL.

    Args:
        timeout: read timeout in seconds for URLs (the connect timeout is 5 s).
        max_bytes: refuse sources larger than this.

    Raises:
        IngestError: unreadable file, unsupported scheme, network error, non-2xx status or too large;
            the message names the source (and the HTTP status).
    """
    if is_url(source):
        return _fetch(source, timeout, max_bytes)
    if "://" in source:
        raise IngestError("unsupported source scheme (use a path or an http(s) URL)", context=source)
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        try:
            if path.stat().st_size > max_bytes:
                raise IngestError(f"source larger than {max_bytes} bytes", context=source)
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise IngestError("cannot read source", context=source) from exc
    if len(data) > max_bytes:
        raise IngestError(f"source larger than {max_bytes} bytes", context=source)
    return data


def _fetch(url: str, timeout: float, max_bytes: int) -> bytes:
    try:
        with requests.get(url, timeout=(5, timeout), stream=True, allow_redirects=True,
                          headers={"User-Agent": USER_AGENT}) as response:
            if not 200 <= response.status_code < 300:
                raise IngestError(f"HTTP {response.status_code} {response.reason or ''}".rstrip(), context=url)
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise IngestError(f"source larger than {max_bytes} bytes (Content-Length {declared})",
                                  context=url)
            chunks: list[bytes] = []   # sizes count decoded bytes, so a gzip bomb stops at max_bytes too
            size = 0
            for chunk in response.iter_content(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise IngestError(f"source larger than {max_bytes} bytes", context=url)
                chunks.append(chunk)
            return b"".join(chunks)
    except requests.RequestException as exc:
        raise IngestError("cannot fetch source", context=url) from exc
