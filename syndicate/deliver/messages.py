"""NewsML-G2 ``newsMessage`` documents of arbitrary article versions (items API pages, push bodies).

Each item is rendered with the spec of its own language and category, exactly as in the partner feeds, so a
version reads the same whether it was pulled from a feed, the items API, or pushed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from syndicate.config import Config, Partner
from syndicate.config.layout import build_spec
from syndicate.model import Article, Audience, FeedItem, FeedSpec
from syndicate.render.newsml import news_message
from syndicate.select.feeds import with_links
from syndicate.select.policy import Decision
from syndicate.store import Store


def prepare(store: Store, shown: Sequence[tuple[Article, Decision]], audience: Audience, now: datetime
            ) -> list[FeedItem]:
    """Feed items for versions the policy lets ``audience`` see: with their original (for a translation) and
    their other language versions as links."""
    families = store.articles.family_members(a.family for a, _ in shown)
    items = [FeedItem(article=a, show=d.show, shown_at=d.at) for a, d in shown]
    return with_links(items, families, audience, now)


def partner_message(config: Config, items: Sequence[FeedItem], transmit: str, partner: Partner | None = None
                    ) -> bytes:
    """A ``newsMessage`` with one full ``newsItem`` per version, in the given order, with ``partner``'s
    NewsML-G2 options (``html_rendition``).

    Raises:
        RenderError: no items (the XSD needs one) or an item cannot be expressed.
    """
    specs: dict[tuple[str, str], FeedSpec] = {}

    def spec_for(item: FeedItem) -> FeedSpec:
        key = (item.article.lang, item.article.category)
        if key not in specs:
            specs[key] = build_spec(config, item.article.lang, item.article.category, "newsml", partner)
        return specs[key]

    return news_message(items, config.site, spec_for, transmit)
