"""The one redaction function: what of a URL (or of a text that contains URLs) may be shown.

Every log line, status field, CLI listing and error message that can carry a URL passes through
:func:`redact` (``SyndicateError.__str__`` does it for every error message). It removes the userinfo
(``https://user:pass@host`` → ``https://***@host``) and masks the value of query parameters whose name looks
secret (``?key=…``, ``api_key``, ``token``, ``sig``, ``password`` …). Config errors never print the value of a
secret key at all (:func:`is_secret_name`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

MASK = "***"
#: query parameter / config key names whose values are secrets (matched as a word part, case-insensitive)
_SECRET_NAME = re.compile(
    r"(^|[_\-.])(key|apikey|api[_\-]?key|token|access[_\-]?token|secret|password|passwd|pass|pwd|sig|"
    r"signature|auth|authorization|credential|credentials|session|sessionid)($|[_\-.])",
    re.IGNORECASE)
#: a URL inside free text: scheme://… up to whitespace or a quote/bracket
_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s'\"<>()\[\]]+")
#: "url: /path?query" as printed by urllib3 (no scheme): mask secret query values there too
_QUERY_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])([A-Za-z0-9_.\-]+)=([^&\s'\"<>()]+)")


def is_secret_name(name: str) -> bool:
    """True for a query parameter or config key name that holds a secret (``key``, ``push_secret`` …)."""
    return bool(_SECRET_NAME.search(name))


def redact_url(url: str) -> str:
    """``url`` without userinfo and with secret-looking query values masked; other text is returned as is."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _mask_query_text(url.rsplit("@", 1)[-1])
    if not parts.scheme or not parts.netloc:
        return _mask_query_text(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = MASK + "@" + netloc.rsplit("@", 1)[1]
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(is_secret_name(k) for k, _ in pairs):
            query = "&".join(f"{quote(k, safe='')}={MASK if is_secret_name(k) else quote(v, safe='')}"
                             for k, v in pairs)
    return urlunsplit((parts.scheme, netloc, parts.path, query, _mask_query_text(parts.fragment)))


def _mask_query_text(text: str) -> str:
    return _QUERY_IN_TEXT.sub(lambda m: f"{m.group(1)}={MASK}" if is_secret_name(m.group(1)) else m.group(0),
                              text)


def redact(text: str) -> str:
    """``text`` with every URL in it redacted (:func:`redact_url`) and secret ``name=value`` pairs masked."""
    if not text:
        return text
    return _mask_query_text(_URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text))
