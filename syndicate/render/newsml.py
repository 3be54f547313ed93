"""NewsML-G2 2.35 renderer (power conformance) for partners.

- :class:`NewsMLRenderer` renders a feed as one ``newsMessage`` (``header`` + ``itemSet`` of full ``newsItem``\\ s);
- :func:`render_item` renders one standalone ``newsItem`` document, stored at :func:`item_path`.

Output layout (relative to the output dir)::

    <lang>/<category>/newsml.xml            newsMessage of the feed (latest N items, newest first)
    <lang>/items/<uuid>-v<version>.xml      one newsItem per article language version and version

Item files never change once written (guid + version name them), so every version stays retrievable.
Lifecycle (version numbers, status) is decided by the store; this module only expresses it. Embargoes:
``<embargoed>`` is written only for items the policy shows flagged embargoed (partners that receive them
early); what is shown at all was decided before (:mod:`syndicate.select.policy`): renderers never read the clock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from lxml import etree

from syndicate.config import Site
from syndicate.errors import RenderError
from syndicate.media import NEWSITEM, NEWSMESSAGE
from syndicate.model import Article, FeedItem, FeedSpec
from syndicate.render.newsml_common import NAR, g2_datetime, nar, sub
from syndicate.render.newsml_item import build_item

MEDIA_TYPE = NEWSMESSAGE
ITEM_MEDIA_TYPE = NEWSITEM


def _serialise(root: etree._Element) -> bytes:
    body: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return body


def render_item(item: FeedItem, spec: FeedSpec, site: Site) -> bytes:
    """One standalone ``newsItem`` document (UTF-8, XML declaration, canonical bytes).

    Args:
        item: the article, how the policy shows it, and for a translation its original.
        spec: the feed the item belongs to (service, category names and Media Topics).
        site: publisher, rights, domain.

    Raises:
        RenderError: the item cannot be expressed (e.g. naive datetimes).
    """
    return _serialise(build_item(item, spec, site))


def item_path(article: Article) -> str:
    """Path of the item file of this article version: ``<lang>/items/<uuid>-v<version>.xml``."""
    guid = article.guid
    name = guid.rsplit(":", 1)[-1]
    return f"{article.lang}/items/{name}-v{article.version}.xml"


def transmit_id(prefix: str, items: Sequence[FeedItem]) -> str:
    """Deterministic ``transmitId``: ``prefix-`` + 12 hex of a sha256 over the items' guids and versions."""
    digest = hashlib.sha256()
    for fitem in items:
        digest.update(f"{fitem.article.guid}\x1f{fitem.article.version}\n".encode())
    return f"{prefix}-{digest.hexdigest()[:12]}"


def news_message(items: Sequence[FeedItem], site: Site, spec_for: Callable[[FeedItem], FeedSpec],
                 transmit: str) -> bytes:
    """The one ``newsMessage`` envelope (feeds, items API pages, push bodies): a header and one full
    ``newsItem`` per item, in the given order, each rendered with ``spec_for(item)``.

    ``sent`` is the newest item's version time (never the clock), ``sender`` the site's domain,
    ``transmitId`` :func:`transmit_id` of ``transmit``.

    Raises:
        RenderError: no items (the XSD needs at least one in ``itemSet``), or an item cannot be expressed.
    """
    if not items:
        raise RenderError("a newsMessage needs at least one item", context=transmit)
    newest = max(items, key=lambda i: i.article.modified).article
    root = etree.Element(nar("newsMessage"), nsmap={None: NAR})
    header = sub(root, "header")
    sub(header, "sent", g2_datetime(newest.modified, what="updated", item=newest.guid))
    sub(header, "sender", site.domain)
    sub(header, "transmitId", transmit_id(transmit, items))
    item_set = sub(root, "itemSet")
    for fitem in items:
        try:
            item_set.append(build_item(fitem, spec_for(fitem), site))
        except RenderError as exc:
            if exc.context is None:
                exc.context = fitem.article.guid
            raise
    return _serialise(root)


class NewsMLRenderer:
    """Feed → ``newsMessage`` of its items (their ``show`` says how each may be shown)."""

    fmt = "newsml"
    media_type = MEDIA_TYPE
    filename = "newsml.xml"

    def render(self, spec: FeedSpec, items: Sequence[FeedItem], site: Site) -> bytes:
        """The ``newsMessage`` of a feed; items keep the given order.

        Raises:
            RenderError: no items (the XSD needs at least one item in ``itemSet``), or an item cannot be expressed.
        """
        if not items:
            raise RenderError("a newsMessage needs at least one item", context=str(spec.key))
        return news_message(items, site, lambda _item: spec, f"{spec.key.lang}-{spec.key.category}")
