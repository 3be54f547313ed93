"""Feed selection: which versions a feed shows to its audience at ``now``, in which order, with which links.

The store supplies candidates (already narrowed in SQL for speed); every candidate goes through the policy
(:mod:`syndicate.select.policy`) again, so a backend bug cannot leak an embargoed, future or withheld item.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from syndicate.model import PUBLIC, Alternate, Article, Audience, FeedItem, Origin
from syndicate.select.policy import Decision, decide, shown_before


def sort_key(item: FeedItem) -> tuple[float, str]:
    """Newest release first, then article id: the one order used by every feed and format."""
    return (-item.published.timestamp(), item.article.id)


def _rank(article: Article) -> tuple[int, int]:
    # a human translation (or original) beats a machine one; then the highest version
    return (0 if article.origin is not Origin.MACHINE else 1, -article.version)


def decide_with_history(article: Article, audience: Audience, now: datetime, *, fmt: str | None = None,
                        history: Mapping[str, Sequence[Article]] | None = None) -> Decision:
    """:func:`decide` for a current article, with ``shown_before`` taken from its earlier stored versions."""
    earlier = [v for v in (history or {}).get(article.id, ()) if v.version < article.version]
    return decide(article, audience, now, fmt=fmt, shown_before=shown_before(earlier, audience, now))


def select_items(candidates: Iterable[Article], audience: Audience, now: datetime, limit: int, *,
                 fmt: str | None = None, history: Mapping[str, Sequence[Article]] | None = None) -> list[FeedItem]:
    """The items a feed shows: visible to ``audience``, one per guid, newest release first, at most ``limit``.

    ``history`` holds the stored versions of candidates that are withheld or canceled (a partner is shown
    their notice only if it was shown an earlier version).
    """
    best: dict[str, tuple[Article, Decision]] = {}
    for article in candidates:
        decision = decide_with_history(article, audience, now, fmt=fmt, history=history)
        if not decision.visible:
            continue
        held = best.get(article.guid)
        if held is None or _rank(article) < _rank(held[0]):
            best[article.guid] = (article, decision)
    items = [FeedItem(article=a, show=d.show, shown_at=d.at) for a, d in best.values()]
    return sorted(items, key=sort_key)[:limit]


def with_links(items: Sequence[FeedItem], families: Mapping[str, Sequence[Article]], audience: Audience,
               now: datetime) -> list[FeedItem]:
    """Add each item's other-language versions (hreflang alternates) and, for a translation, its original.

    A family member is linked only when the audience may see it in full, or the public may (a partner's
    agreement may not cover a language whose page is public anyway): an embargoed, scheduled or withheld member
    is neither an alternate nor the ``original``, since its URL, title and guid would leak it.
    """
    out: list[FeedItem] = []
    for fi in items:
        article = fi.article
        alternates: dict[str, Alternate] = {}
        original = None
        for other in sorted(families.get(article.family, ()), key=lambda a: (a.lang, _rank(a))):
            seen = decide(other, audience, now).full or decide(other, PUBLIC, now).full
            if other.id == article.translation_of and seen:
                original = other
            if other.lang == article.lang or not other.url or other.url == article.url or not seen:
                continue
            alternates.setdefault(other.lang, Alternate(other.lang, other.url, other.title))
        out.append(FeedItem(article=article, alternates=tuple(alternates.values()), original=original,
                            show=fi.show, shown_at=fi.shown_at))
    return out
