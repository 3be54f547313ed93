"""Pure selection: which articles a feed shows at ``now``, in which order, with which links.

Nothing here does I/O; the store supplies candidates (already filtered in SQL for speed) and this module
applies the same rules again, so a backend bug cannot leak an embargoed or future item into a feed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Mapping, Sequence

from syndicate.model import Alternate, Article, FeedItem, Origin, Status


def is_public(article: Article, now: datetime) -> bool:
    """Visible in public feeds: usable, published by ``now`` and out of embargo."""
    return (article.status is Status.USABLE and article.published <= now
            and (article.embargo is None or article.embargo <= now))


def is_partner_visible(article: Article, now: datetime, *, embargoed: bool) -> bool:
    """Visible to a NewsML-G2 partner: any status (withheld and canceled are lifecycle news for partners),
    published by ``now``; embargoed items only for partners that receive them early (flagged)."""
    if article.published > now:
        return False
    return embargoed or article.embargo is None or article.embargo <= now


def sort_key(article: Article) -> tuple[float, str]:
    """Newest first, then article id: the one order used by every feed and format."""
    return (-article.published.timestamp(), article.id)


def _rank(article: Article) -> tuple[int, int]:
    # a human translation (or original) beats a machine one; then the highest version
    return (0 if article.origin is not Origin.MACHINE else 1, -article.version)


def select_articles(candidates: Iterable[Article], now: datetime, limit: int, *, public: bool = True,
                    embargoed: bool = False) -> list[Article]:
    """Filter by visibility, keep one article per guid, sort newest first, cap at ``limit``."""
    best: dict[str, Article] = {}
    for article in candidates:
        visible = is_public(article, now) if public else is_partner_visible(article, now, embargoed=embargoed)
        if not visible:
            continue
        held = best.get(article.guid)
        if held is None or _rank(article) < _rank(held):
            best[article.guid] = article
    return sorted(best.values(), key=sort_key)[:limit]


def feed_items(selected: Sequence[Article], families: Mapping[str, Sequence[Article]], now: datetime, *,
               public: bool = True, embargoed: bool = False) -> list[FeedItem]:
    """Wrap selected articles with their other-language versions (hreflang alternates) and original.

    A family member the reader may not see yet (embargoed, or published after ``now``) is neither an alternate
    nor the ``original``: its URL, title and guid would leak it. ``embargoed`` is for partners that receive
    embargoed items early.
    """
    out: list[FeedItem] = []
    for article in selected:
        members = families.get(article.family, ())
        alternates: dict[str, Alternate] = {}
        original = None
        for other in sorted(members, key=lambda a: (a.lang, _rank(a))):
            seen = is_public(other, now) if public else is_partner_visible(other, now, embargoed=embargoed)
            if other.id == article.translation_of and seen:
                original = other
            if other.lang == article.lang or not other.url or other.url == article.url:
                continue
            if not seen:
                continue
            alternates.setdefault(other.lang, Alternate(other.lang, other.url, other.title))
        out.append(FeedItem(article=article, alternates=tuple(alternates.values()), original=original))
    return out
