"""Renderer contract: one module per output format, each exposing a class that satisfies :class:`Renderer`.

A renderer is pure: ``render(spec, items, site)`` depends only on its arguments (no clock, no I/O) and
returns canonical bytes, so the same store and config always give the same bytes.
``items`` arrive already selected and sorted newest first (see :mod:`syndicate.select`); the renderer keeps
that order. Text fields of the articles are already sanitised at ingest; renderers still pass every string
through :func:`syndicate.sanitize.xml_safe` (and HTML through :func:`syndicate.sanitize.clean_html`) so output
is valid whatever the store holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from syndicate.config import Site
from syndicate.model import FeedItem, FeedSpec


class Renderer(Protocol):
    fmt: str            # "rss" | "atom" | "json" | "newsml"
    media_type: str     # e.g. "application/rss+xml"
    filename: str       # file name in the feed folder, e.g. "rss.xml"

    def render(self, spec: FeedSpec, items: Sequence[FeedItem], site: Site) -> bytes: ...


def get_renderer(fmt: str) -> Renderer:
    """The renderer for a format name; ``LookupError`` names the unknown format."""
    if fmt == "rss":
        from syndicate.render.rss import RssRenderer
        return RssRenderer()
    if fmt == "atom":
        from syndicate.render.atom import AtomRenderer
        return AtomRenderer()
    if fmt == "json":
        from syndicate.render.jsonfeed import JsonFeedRenderer
        return JsonFeedRenderer()
    if fmt == "newsml":
        from syndicate.render.newsml import NewsMLRenderer
        return NewsMLRenderer()
    raise LookupError(f'No renderer by the name "{fmt}" was found')
