"""Small factories for articles, feed specs and feed items used across the tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from syndicate.config import Site
from syndicate.model import Alternate, Article, FeedItem, FeedKey, FeedSpec

BASE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

SITE = Site(name="Levant Desk", base_url="https://news.example.org/", feeds_url="https://news.example.org/feeds/",
            publisher="Levant Desk Media Department", rights="© 2026 Levant Desk",
            usage_terms="Partners only", author="Levant Desk Media Department", email="desk@news.example.org")

CATEGORY_NAMES = {
    "en": {"politics": "Politics", "economy": "Economy", "humanitarian": "Humanitarian"},
    "ar": {"politics": "سياسة", "economy": "اقتصاد", "humanitarian": "الشؤون الإنسانية"},
}


def make_article(n: int = 1, **overrides: Any) -> Article:
    """Article number ``n`` (distinct id, time and text); keyword overrides win."""
    lang = overrides.get("lang", "en")
    if lang == "ar":
        title, body = f"اجتماع الوفد رقم {n} في جنيف", f"<p>ناقش الوفد رقم {n} آخر التطورات السياسية.</p>"
    else:
        title = f"Delegation {n} meets envoy in Geneva"
        body = f"<p>Delegation {n} discussed the <b>latest</b> political developments.</p>"
    fields: dict[str, Any] = dict(
        id=f"a{n}", lang=lang, category="politics", title=title, summary=f"Summary of story {n}.",
        body_html=body, published=BASE + timedelta(hours=n), author="Media Department",
        credit="Levant Desk Media Department", url=f"https://news.example.org/{lang}/story-{n}",
    )
    fields.update(overrides)
    return Article(**fields).with_hash()


def make_spec(lang: str = "en", category: str = "politics", fmt: str = "atom", **overrides: Any) -> FeedSpec:
    filename = {"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json", "newsml": "newsml.xml"}[fmt]
    path = f"{lang}/{category}/{filename}"
    names = CATEGORY_NAMES.get(lang, CATEGORY_NAMES["en"])
    fields: dict[str, Any] = dict(
        key=FeedKey(lang, category, fmt), title=f"{names.get(category, 'All news')} — Levant Desk",
        description="Test feed", path=path, self_url=SITE.feeds_url + path,
        home_url=f"{SITE.base_url}{lang}/{category}/", category_name=names.get(category), max_items=50,
        alternates={f: f"{SITE.feeds_url}{lang}/{category}/{n}" for f, n in
                    (("rss", "rss.xml"), ("atom", "atom.xml"), ("json", "feed.json")) if f != fmt},
        translations={o: f"{SITE.feeds_url}{o}/{category}/{filename}" for o in ("en", "ar") if o != lang},
        category_names=dict(names), category_medtop={"politics": ("medtop:11000000",)},
        category_scheme=SITE.base_url + "categories/",
    )
    fields.update(overrides)
    return FeedSpec(**fields)


def item(article: Article, *others: Article, original: Article | None = None) -> FeedItem:
    """A feed item with ``rel=alternate hreflang`` links to ``others`` (the other language versions)."""
    return FeedItem(article=article, alternates=tuple(Alternate(o.lang, o.url or "", o.title) for o in others),
                    original=original)


def bilingual_pair(n: int = 1, **overrides: Any) -> tuple[Article, Article]:
    """An English original and its human Arabic translation."""
    en = make_article(n, **overrides)
    ar = make_article(n, lang="ar", id=f"a{n}-ar", translation_of=en.id, **{k: v for k, v in overrides.items()
                                                                               if k not in ("lang", "id")})
    ar = replace(ar, origin=ar.origin.__class__("human")).with_hash()
    return en, ar
