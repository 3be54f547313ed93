"""Our one feedgen 1.0.0 extension: fixes feedgen's known defects after it has built each element.

Register it with :func:`install` **before** adding entries. It fixes (see ``guides/feeds.md`` §2):

- Entries are built directly as elements (:class:`PreparedEntry`, by the renderers) with complete links
  (feedgen drops ``rel``/``type``/``hreflang``/``title``, #135), ``xml:lang`` on every Atom entry and
  ``dc:language``/``dc:creator`` on every RSS item (#59, #67), so no entry-level extension is needed.
- RSS ``<channel><link>`` = the home page, not whichever ``fg.link()`` came last; ``<docs>`` removed;
  ``lastBuildDate`` and item ``pubDate`` rewritten as RFC 822 GMT (feedgen writes ``+0000`` and switches the
  process locale to do it); feed links (self, other formats, translations, ``rel=hub``) as ``atom:link``
  in the RSS channel, since feedgen keeps only ``rel=self`` and drops the hub (#122).

Does not choose any values: the renderers set every attribute below.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

if TYPE_CHECKING:
    from syndicate.config import Site
    from syndicate.model import FeedItem, FeedSpec

NAME = "syndicate"          # attribute name on FeedGenerator / FeedEntry: ``fg.syndicate``, ``fe.syndicate``
ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LINK_ATTRS = ("href", "rel", "type", "hreflang", "title", "length")


def _link_attrs(link: dict[str, str]) -> dict[str, str]:
    """Link attributes in a fixed order, empty ones left out."""
    return {k: link[k] for k in _LINK_ATTRS if link.get(k)}


class SyndicateFeedExtension(BaseExtension):  # type: ignore[misc]
    """Feed-level fixes. Set ``fmt`` ("rss" | "atom"), ``home_url``, ``links`` and ``last_build`` first."""

    def __init__(self) -> None:
        self.fmt = "atom"
        self.home_url = ""
        self.links: list[dict[str, str]] = []     # RSS only: emitted as atom:link in the channel
        self.last_build = ""                      # RSS only: RFC 822 GMT text of lastBuildDate

    def extend_ns(self) -> dict[str, str]:
        return {"dc": DC_NS, "content": CONTENT_NS} if self.fmt == "rss" else {}

    def extend_rss(self, rss: Any) -> Any:
        channel = rss.find("channel")
        link = channel.find("link")
        if link is not None and self.home_url:
            link.text = self.home_url
        for docs in channel.findall("docs"):
            channel.remove(docs)
        last = channel.find("lastBuildDate")
        if last is not None and self.last_build:
            last.text = self.last_build
        for old in channel.findall(f"{{{ATOM_NS}}}link"):
            channel.remove(old)
        for attrs in self.links:
            etree.SubElement(channel, f"{{{ATOM_NS}}}link", _link_attrs(attrs))
        return rss


def install(fg: FeedGenerator, fmt: str) -> SyndicateFeedExtension:
    """Register the extension on ``fg`` (before any ``add_entry``) and return its feed-level instance."""
    fg.register_extension(NAME, SyndicateFeedExtension, None, atom=fmt == "atom", rss=fmt == "rss")
    ext: SyndicateFeedExtension = getattr(fg, NAME)
    ext.fmt = fmt
    return ext


class PreparedEntry(FeedEntry):  # type: ignore[misc]
    """A feedgen entry whose element is already built (with the fixes above applied): pass it to
    ``fg.add_entry(feedEntry=…)``. feedgen appends the element where it would append its own, so the
    document is the same; building the element directly skips feedgen's per-entry setters and checks,
    which the renderers repeat where they matter (see ``rss._item_element`` and ``atom._entry_element``)."""

    def __init__(self, element: Any) -> None:   # no FeedEntry state: only the element is used
        self.element = element

    def register_extension(self, *args: Any, **kwargs: Any) -> None:
        """The element already carries the extension's changes."""

    def atom_entry(self, extensions: bool = True) -> Any:
        return self.element

    def rss_entry(self, extensions: bool = True) -> Any:
        return self.element


def render_feedgen(build: Callable[[FeedSpec, Sequence[FeedItem], Site], FeedGenerator], method: str, label: str,
                   spec: FeedSpec, items: Sequence[FeedItem], site: Site) -> bytes:
    """Shared body of the feedgen renderers: check the items, build, serialise with ``fg.<method>`` (canonical
    UTF-8 with declaration), and turn feedgen/lxml refusals into a :class:`RenderError` naming the feed."""
    from syndicate.errors import ItemError, RenderError
    from syndicate.render._common import check_items

    check_items(items)
    try:
        fg = build(spec, items, site)
        body: bytes = getattr(fg, method)(pretty=True, encoding="UTF-8", xml_declaration=True)
    except ItemError:
        raise                       # names the item and field already
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise RenderError(f"cannot render {label} feed", context=str(spec.key)) from exc
    if spec.stylesheet:
        from syndicate.render.pages import with_stylesheet

        body = with_stylesheet(body, spec.stylesheet)
    return body

