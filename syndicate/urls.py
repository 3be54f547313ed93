"""URLs as written in every output: IRIs converted to RFC 3986 URIs.

An article URL may be an IRI (an Arabic slug, a space, an internationalised host name). Feeds, NewsML-G2 and
HTML pages must carry URIs (the W3C Feed Validator reports ``InvalidUriChar``, ``UriNotIri``, ``InvalidIRI``):

- the host goes through IDNA (UTS #46 mapping, IDNA 2008 via :mod:`idna`), lower-cased;
- every character that RFC 3986 does not allow where it stands (non-ASCII as UTF-8 octets, space, ``"<>\\^`{|}``)
  is percent-encoded; existing ``%XX`` escapes are kept, a ``%`` not followed by two hex digits becomes ``%25``;
- nothing else changes, so a URL that already is a URI comes out byte for byte the same.

:func:`to_uri` raises :class:`BadUrl` for what cannot be repaired (no host, a host IDNA refuses, a bad port):
callers turn it into an item error or leave the link out.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, urlsplit, urlunsplit

import idna

# Characters RFC 3986 allows, per component, besides unreserved ALPHA / DIGIT / "-._~" and "%" escapes.
_SUB_DELIMS = "!$&'()*+,;="
_SAFE_PATH = _SUB_DELIMS + ":@/%"
_SAFE_QUERY = _SUB_DELIMS + ":@/?%"
_SAFE_USER = _SUB_DELIMS + ":%"
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PORT = re.compile(r"[0-9]*")
_HOST_LABEL = re.compile(r"[a-z0-9-]+|\[[0-9a-f:.]+\]")


class BadUrl(ValueError):
    """A URL that cannot be made a valid URI."""


def _encode(part: str, safe: str) -> str:
    return quote(_BAD_PERCENT.sub("%25", part), safe=safe, encoding="utf-8", errors="strict")


def _host(host: str) -> str:
    if host.startswith("["):
        if not _HOST_LABEL.fullmatch(host.lower()):
            raise BadUrl(f"invalid IP literal {host!r}")
        return host.lower()
    try:
        ascii_host = idna.encode(host.rstrip("."), uts46=True).decode("ascii") if not host.isascii() else host
    except idna.IDNAError as exc:
        raise BadUrl(f"host {host!r} is not a valid internationalised domain name: {exc}") from None
    ascii_host = ascii_host.lower()
    if not ascii_host or not all(_HOST_LABEL.fullmatch(label) for label in ascii_host.rstrip(".").split(".")):
        raise BadUrl(f"invalid host {host!r}")
    return ascii_host


@lru_cache(maxsize=16384)
def to_uri(url: str) -> str:
    """``url`` (an absolute IRI or URI) as an RFC 3986 URI; :class:`BadUrl` if it cannot be repaired."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port            # ValueError for a non-numeric or out-of-range port
    except ValueError as exc:
        raise BadUrl(f"cannot parse URL {url!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise BadUrl(f"not an absolute URL: {url!r}")
    if scheme == "mailto":
        return urlunsplit((scheme, "", _encode(parts.path, _SAFE_PATH), _encode(parts.query, _SAFE_QUERY), ""))
    netloc = parts.netloc
    userinfo, _, hostport = netloc.rpartition("@")
    host = parts.hostname or ""
    if not host:
        raise BadUrl(f"no host in {url!r}")
    if hostport.startswith("["):
        host = hostport[: hostport.index("]") + 1] if "]" in hostport else hostport
    elif ":" in hostport:
        host = hostport.rsplit(":", 1)[0]
    else:
        host = hostport
    if not host:
        raise BadUrl(f"no host in {url!r}")
    new_netloc = _host(host)
    if port is not None:
        new_netloc += f":{port}"     # "host:" (empty port: the default) loses its colon
    if userinfo:
        new_netloc = _encode(userinfo, _SAFE_USER) + "@" + new_netloc
    path = _encode(parts.path, _SAFE_PATH)
    query = _encode(parts.query, _SAFE_QUERY)
    fragment = _encode(parts.fragment, _SAFE_QUERY)
    out = urlunsplit((scheme, new_netloc, path, query, fragment))
    if parts.query == "" and url.endswith("?"):
        out += "?"
    return out


def safe_uri(url: str) -> str | None:
    """:func:`to_uri`, or ``None`` when the URL cannot be repaired (for links that may be left out)."""
    try:
        return to_uri(url)
    except BadUrl:
        return None
