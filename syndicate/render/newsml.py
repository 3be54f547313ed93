"""NewsML-G2 2.35 renderer (power conformance) for partners.

- :class:`NewsMLRenderer` renders a feed as one ``newsMessage`` (``header`` + ``itemSet`` of full ``newsItem``\\ s);
- :func:`render_item` renders one standalone ``newsItem`` document, stored at :func:`item_path`.

Output layout (relative to the output dir)::

    <lang>/<category>/newsml.xml            newsMessage of the feed (latest N items, newest first)
    <lang>/items/<uuid>-v<version>.xml      one newsItem per article language version and version

Item files never change once written (guid + version name them), so every version stays retrievable.
Lifecycle (version numbers, status) is decided by the store; this module only expresses it. Embargoes:
``<embargoed>`` is written only when ``partner_embargo`` is set; keeping embargoed items out of public
outputs before their time is the caller's job (selection), since renderers never read the clock.
"""

from __future__ import annotations

import hashlib
from typing import Sequence

from lxml import etree

from syndicate.config import Site
from syndicate.errors import RenderError
from syndicate.model import Article, FeedItem, FeedSpec
from syndicate.render.newsml_common import NAR, g2_datetime, nar, sub
from syndicate.render.newsml_item import build_item

MEDIA_TYPE = "application/vnd.iptc.g2.newsmessage+xml"
ITEM_MEDIA_TYPE = "application/vnd.iptc.g2.newsitem+xml"


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def render_item(item: FeedItem, spec: FeedSpec, site: Site, *, partner_embargo: bool = False) -> bytes:
    """One standalone ``newsItem`` document (UTF-8, XML declaration, canonical bytes).

    Args:
        item: the article (and, for a translation, its original).
        spec: the feed the item belongs to (service, category names and Media Topics).
        site: publisher, rights, domain.
        partner_embargo: express ``article.embargo`` as ``<embargoed>`` plus an embargo ``edNote``.

    Raises:
        RenderError: the item cannot be expressed (e.g. naive datetimes).
    """
    return _serialise(build_item(item, spec, site, partner_embargo=partner_embargo))


def item_path(article: Article) -> str:
    """Path of the item file of this article version: ``<lang>/items/<uuid>-v<version>.xml``."""
    guid = article.guid
    name = guid.rsplit(":", 1)[-1]
    return f"{article.lang}/items/{name}-v{article.version}.xml"


def transmit_id(spec: FeedSpec, items: Sequence[FeedItem]) -> str:
    """Deterministic ``transmitId``: ``<lang>-<category>-`` + 12 hex of a sha256 over guids and versions."""
    digest = hashlib.sha256()
    for fitem in items:
        digest.update(f"{fitem.article.guid}\x1f{fitem.article.version}\n".encode("utf-8"))
    return f"{spec.key.lang}-{spec.key.category}-{digest.hexdigest()[:12]}"


class NewsMLRenderer:
    """Feed → ``newsMessage``. ``partner_embargo=True`` for partners that receive embargoed items early."""

    fmt = "newsml"
    media_type = MEDIA_TYPE
    filename = "newsml.xml"

    def __init__(self, *, partner_embargo: bool = False) -> None:
        self.partner_embargo = partner_embargo

    def render(self, spec: FeedSpec, items: Sequence[FeedItem], site: Site) -> bytes:
        """The ``newsMessage`` of a feed; items keep the given order.

        ``sent`` is the newest item's version time (never the clock), ``sender`` the site's domain.

        Raises:
            RenderError: no items (the XSD needs at least one item in ``itemSet``), or an item cannot be expressed.
        """
        if not items:
            raise RenderError("a newsMessage needs at least one item", context=str(spec.key))
        newest = max(items, key=lambda i: i.article.modified).article
        root = etree.Element(nar("newsMessage"), nsmap={None: NAR})
        header = sub(root, "header")
        sub(header, "sent", g2_datetime(newest.modified, what="updated", item=newest.guid))
        sub(header, "sender", site.domain)
        sub(header, "transmitId", transmit_id(spec, items))
        item_set = sub(root, "itemSet")
        for fitem in items:
            try:
                item_set.append(build_item(fitem, spec, site, partner_embargo=self.partner_embargo))
            except RenderError as exc:
                if exc.context is None:
                    exc.context = fitem.article.guid
                raise
        return _serialise(root)
