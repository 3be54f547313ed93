"""Ingest: turn a source (JSON Lines, a CMS page export, an RSS/Atom feed) into cleaned articles.

>>> from syndicate.ingest import IngestOptions, load
>>> for item in load("stories.jsonl", options=IngestOptions(lang="en")):
...     print(item.position, item.article or item.error)

Parsers are pure (bytes in, :class:`ParsedItem` out); :func:`read_source` is the only I/O.
A bad item becomes a ParsedItem with an :class:`~syndicate.errors.ItemError`; a bad source raises
:class:`~syndicate.errors.IngestError`.
"""

from __future__ import annotations

from dataclasses import replace

from syndicate.errors import IngestError
from syndicate.ingest.base import FORMATS, IngestOptions, ParsedItem, slugify
from syndicate.ingest.feed import FEED_ROOTS, parse_feed
from syndicate.ingest.fetch import is_url, read_source
from syndicate.ingest.jsonl import parse_jsonl
from syndicate.ingest.page import page_id, parse_page
from syndicate.ingest.xmlguard import decode_xml, read_prologue
from syndicate.net import FetchPolicy
from syndicate.redact import redact_url

__all__ = ["FORMATS", "IngestOptions", "ParsedItem", "detect_format", "load", "page_id", "parse", "read_source",
           "slugify"]

_FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")


def detect_format(data: bytes, name: str = "") -> str:
    """``"feed"`` if the XML root is rss/feed/RDF, ``"jsonl"`` if the first non-blank line starts with ``{``,
    else ``"page"``. A document that starts like XML but has another root counts as ``"feed"`` when ``name``
    ends in .xml/.rss/.atom/.rdf (so the feed parser reports what is wrong)."""
    head = data[:65536]
    try:
        root = read_prologue(decode_xml(head)).local_root
    except IngestError:
        root = None
    if root in FEED_ROOTS:
        return "feed"
    for line in head.split(b"\n"):
        text = line.decode("utf-8", errors="replace").lstrip("\ufeff").strip()
        if text:
            if text.startswith("{"):
                return "jsonl"
            if text.startswith("<") and name.lower().endswith(_FEED_SUFFIXES):
                return "feed"
            break
    return "page"


def parse(data: bytes, fmt: str, options: IngestOptions, *, name: str = "<input>") -> list[ParsedItem]:
    """Parse ``data`` in format ``fmt`` (``jsonl``, ``page`` or ``feed``) into one ParsedItem per item.

    Raises:
        IngestError: unknown format, or the whole source is unusable (e.g. not a feed, unsafe DOCTYPE).
    """
    if fmt == "jsonl":
        return parse_jsonl(data, options)
    if fmt == "page":
        return parse_page(data, options)
    if fmt == "feed":
        return parse_feed(data, options, name=name)
    raise IngestError(f"unknown source format {fmt!r} (known: {', '.join(FORMATS)}, auto)", context=name)


def load(source: str, fmt: str = "auto", options: IngestOptions | None = None, *,
         policy: FetchPolicy | None = None) -> list[ParsedItem]:
    """Read ``source`` (path, ``-`` or http(s) URL), detect its format when ``fmt="auto"`` and parse it.

    For a URL without ``options.base_url``, the URL itself resolves relative links.

    Raises:
        IngestError: the source cannot be read or is unusable as a whole.
    """
    options = options if options is not None else IngestOptions()
    data = read_source(source, policy=policy)
    if fmt == "auto":
        fmt = detect_format(data, source)
    if is_url(source) and options.base_url is None:
        options = replace(options, base_url=source)
    return parse(data, fmt, options, name=redact_url(source))
