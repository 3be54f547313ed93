"""NewsML-G2 ``newsMessage`` documents of arbitrary article versions (items API pages, push bodies).

Each item is rendered with the spec of its own language and category, exactly as in the partner feeds, so
a version reads the same whether it was pulled from a feed, the items API, or pushed.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Sequence

from lxml import etree

from syndicate.config import Config
from syndicate.errors import RenderError
from syndicate.config.layout import build_spec
from syndicate.model import Article, FeedItem
from syndicate.render.newsml_common import NAR, g2_datetime, nar, sub
from syndicate.render.newsml_item import build_item
from syndicate.select.feeds import feed_items
from syndicate.store.sql import SqlStore

MEDIA_TYPE = "application/vnd.iptc.g2.newsmessage+xml"


def prepare(store: SqlStore, versions: Sequence[Article], now: datetime) -> list[FeedItem]:
    """Feed items for versions: the original of a translation and the other language versions as links."""
    families = store.family_members(v.family for v in versions)
    return feed_items(list(versions), families, now, public=False)


def news_message(config: Config, items: Sequence[FeedItem], transmit: str, *, partner_embargo: bool) -> bytes:
    """A ``newsMessage`` with one full ``newsItem`` per version, in the given order.

    Raises:
        RenderError: no items (the XSD needs one) or an item cannot be expressed.
    """
    if not items:
        raise RenderError("a newsMessage needs at least one item", context=transmit)
    newest = max(items, key=lambda i: i.article.modified).article
    root = etree.Element(nar("newsMessage"), nsmap={None: NAR})
    header = sub(root, "header")
    sub(header, "sent", g2_datetime(newest.modified, what="updated", item=newest.guid))
    sub(header, "sender", config.site.domain)
    digest = hashlib.sha256("".join(f"{i.article.guid}\x1f{i.article.version}\n" for i in items).encode())
    sub(header, "transmitId", f"{transmit}-{digest.hexdigest()[:12]}")
    item_set = sub(root, "itemSet")
    specs: dict[tuple[str, str], object] = {}
    for fitem in items:
        article = fitem.article
        key = (article.lang, article.category)
        if key not in specs:
            specs[key] = build_spec(config, article.lang, article.category, "newsml")
        try:
            item_set.append(build_item(fitem, specs[key], config.site,  # type: ignore[arg-type]
                                       partner_embargo=partner_embargo))
        except RenderError as exc:
            if exc.context is None:
                exc.context = article.guid
            raise
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
