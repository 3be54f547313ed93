"""NewsML-G2 ``newsMessage`` documents (and ninjs lists) of arbitrary article versions (items API pages, push
bodies).

Each item is rendered with the spec of its own language and category, exactly as in the partner feeds, so a
version reads the same whether it was pulled from a feed, the items API, or pushed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from syndicate.config import Config, Partner
from syndicate.config.layout import build_spec
from syndicate.model import Article, Audience, FeedItem, FeedSpec
from syndicate.render.newsml import news_message
from syndicate.render.ninjs import build_ninjs, render_ninjs, render_ninjs_list
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


def _spec_cache(config: Config, partner: Partner | None = None) -> Callable[[FeedItem], FeedSpec]:
    specs: dict[tuple[str, str], FeedSpec] = {}

    def spec_for(item: FeedItem) -> FeedSpec:
        key = (item.article.lang, item.article.category)
        if key not in specs:
            specs[key] = build_spec(config, item.article.lang, item.article.category, "newsml", partner)
        return specs[key]
    return spec_for


def partner_ninjs(config: Config, items: Sequence[FeedItem], partner: Partner | None = None) -> bytes:
    """``{"items": [ninjs, …]}``: one ninjs 3.1 document per version, in the given order, each as the partner's
    ninjs item file of that version says it.

    Raises:
        RenderError: an item cannot be expressed.
    """
    spec_for = _spec_cache(config, partner)
    return render_ninjs_list([build_ninjs(item, spec_for(item), config.site) for item in items])


def partner_ninjs_item(config: Config, item: FeedItem, partner: Partner | None = None) -> bytes:
    """One ninjs 3.1 document: the partner's ninjs item file of that version (a push body).

    Raises:
        RenderError: the item cannot be expressed.
    """
    return render_ninjs(item, _spec_cache(config, partner)(item), config.site)


def partner_message(config: Config, items: Sequence[FeedItem], transmit: str, partner: Partner | None = None
                    ) -> bytes:
    """A ``newsMessage`` with one full ``newsItem`` per version, in the given order, with ``partner``'s
    NewsML-G2 options (``html_rendition``).

    Raises:
        RenderError: no items (the XSD needs one) or an item cannot be expressed.
    """
    return news_message(items, config.site, _spec_cache(config, partner), transmit)
