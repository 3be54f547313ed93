"""Read a source: a local file, standard input (``-``) or an http(s) URL, with a size cap.

This is the only ingest module that does I/O. URLs go through the fetch policy (:mod:`syndicate.net`):
redirects re-checked (no private or metadata targets unless allowed), one total deadline, byte limits.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import requests

from syndicate.errors import IngestError
from syndicate.net import FetchPolicy, PolicySession
from syndicate.redact import redact_url

USER_AGENT = "syndicate-ingest/0.1"
#: Largest source read. Well above any sane export, so one oversize *item* (refused on its own by
#: :data:`syndicate.ingest.base.MAX_TEXT_CHARS`) never costs the other items of its source.
MAX_SOURCE_BYTES = 128 * 1024 * 1024


def is_url(source: str) -> bool:
    """True for ``http://`` and ``https://`` sources."""
    return source.lower().startswith(("http://", "https://"))


def read_source(source: str, *, policy: FetchPolicy | None = None, timeout: float | None = None,
                max_bytes: int | None = None) -> bytes:
    """The bytes of ``source``: a path, ``-`` (stdin) or an http(s) URL.

    Args:
        policy: the fetch policy for URLs (total deadline, redirects, byte limits); default
            :class:`FetchPolicy` (20 s in all, 5 redirects to public addresses only).
        timeout: total seconds for a URL (overrides the policy's).
        max_bytes: refuse sources larger than this (default 128 MiB; for URLs it overrides the policy's
            transfer and decoded limits).

    Raises:
        IngestError: unreadable file, unsupported scheme, network error, refused redirect, non-2xx status
            or too large; the message names the source (redacted) and the HTTP status.
    """
    if is_url(source):
        policy = policy or FetchPolicy()
        if timeout is not None:
            policy = replace(policy, timeout=timeout)
        if max_bytes is not None:
            policy = replace(policy, max_bytes=max_bytes, max_decoded_bytes=max_bytes)
        return _fetch(source, policy)
    max_bytes = max_bytes or MAX_SOURCE_BYTES
    if "://" in source:
        raise IngestError("unsupported source scheme (use a path or an http(s) URL)", context=redact_url(source))
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


def _fetch(url: str, policy: FetchPolicy) -> bytes:
    safe = redact_url(url)
    try:
        with PolicySession(policy, user_agent=USER_AGENT) as session:
            response = session.get(url)
    except requests.RequestException as exc:
        raise IngestError("cannot fetch source", context=safe) from exc
    if not 200 <= response.status_code < 300:
        raise IngestError(f"HTTP {response.status_code} {response.reason or ''}".rstrip(), context=safe)
    return response.content
