"""The one table of media types: renderers advertise them, the server sends them, push uses them.

A NewsML-G2 feed file is a ``newsMessage``; a single item file is a ``newsItem``. Nothing else in the
package spells a media type.
"""

from __future__ import annotations

#: format name -> media type of the document that format writes
FORMAT_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
    "newsml": "application/vnd.iptc.g2.newsmessage+xml",
}
#: one NewsML-G2 newsItem (``<lang>/items/<uuid>-v<N>.xml``, irel:derivedFrom links)
NEWSITEM = "application/vnd.iptc.g2.newsitem+xml"
NEWSMESSAGE = FORMAT_TYPES["newsml"]
#: one ninjs document (IPTC registers no media type of its own; agencies serve it as JSON)
NINJS = "application/json"
HTML = "text/html"
XHTML = "application/xhtml+xml"

#: file name in a feed folder -> format name
FILENAMES = {"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json", "newsml": "newsml.xml"}
FORMAT_OF_FILE = {name: fmt for fmt, name in FILENAMES.items()}


def with_charset(media_type: str) -> str:
    """``media_type`` with ``; charset=utf-8`` (every document syndicate writes is UTF-8)."""
    return f"{media_type}; charset=utf-8"
