"""Helpers shared by the RSS, Atom and JSON Feed renderers (and reusable by NewsML-G2).

Everything that must read the same in every format lives here: date formatting, the feed's ``updated``
time, titles, links, and the HTML content of an item with its visible notes (machine-translation
disclosure, correction, credit) and the right-to-left wrapper. Pure functions: no clock, no I/O.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import lru_cache

from syndicate.config import Site
from syndicate.errors import ItemError, RenderError
from syndicate.media import FORMAT_TYPES, HTML
from syndicate.model import Article, FeedItem, FeedSpec, Origin, text_direction
from syndicate.sanitize import absolute_url, clean_html, headline_from, plain_text, protect_text, xml_safe
from syndicate.translate.review import reviewed_note
from syndicate.urls import BadUrl, safe_uri, to_uri

#: ``updated`` / ``lastBuildDate`` of a feed without items: fixed, so an empty feed is byte-stable too.
EMPTY_FEED_UPDATED = datetime(1970, 1, 1, tzinfo=UTC)

#: Fixed generator name: no version number, so upgrading syndicate does not change every feed's bytes.
GENERATOR = "syndicate"

#: Category scheme of syndicate's own flags (``machine-translation``) in Atom ``scheme`` / RSS ``domain``.
DISCLOSURE_SCHEME = "urn:syndicate:disclosure"
MACHINE_TRANSLATION_TERM = "machine-translation"

MEDIA_TYPES = FORMAT_TYPES
HTML_TYPE = HTML

# Visible notes per language: (machine translation, "… not reviewed", correction label, source label).
# Languages not listed get the English text marked lang="en" dir="ltr".
_NOTES: dict[str, tuple[str, str, str, str]] = {
    "en": ("Machine translation", "not reviewed by an editor.", "Correction:", "Source:"),
    "ar": ("ترجمة آلية", "لم يراجعها محرر.", "تصحيح:", "المصدر:"),
    "fr": ("Traduction automatique", "non relue par un rédacteur.", "Rectificatif :", "Source :"),
    "es": ("Traducción automática", "no revisada por un editor.", "Corrección:", "Fuente:"),
    "de": ("Maschinelle Übersetzung", "nicht von der Redaktion geprüft.", "Korrektur:", "Quelle:"),
}


def utc_time(value: datetime, what: str, item: str | None = None) -> datetime:
    """``value`` converted to UTC; :class:`RenderError` for a naive datetime (it would be ambiguous)."""
    if value.tzinfo is None or value.utcoffset() is None:
        where = f"item {item}, {what}" if item else what
        raise RenderError("naive datetime (no time zone)", context=where)
    return value.astimezone(UTC)


def rfc822(value: datetime) -> str:
    """RSS date: RFC 822 in GMT, e.g. ``Mon, 02 Mar 2026 10:00:00 GMT``."""
    return format_datetime(utc_time(value, "date"), usegmt=True)


def rfc3339(value: datetime) -> str:
    """Atom / JSON Feed date: RFC 3339 in UTC with an explicit offset, e.g. ``2026-03-02T10:00:00+00:00``."""
    return utc_time(value, "date").isoformat()


def feed_updated(items: Sequence[FeedItem], spec: FeedSpec | None = None) -> datetime:
    """The newest shown modification time of the items (never the wall clock; an item released by its embargo
    counts from its release); with no items the spec's ``empty_updated`` (when the feed first existed), else
    :data:`EMPTY_FEED_UPDATED`."""
    times = [utc_time(i.updated, "updated", i.article.id) for i in items]
    if times:
        return max(times)
    if spec is not None and spec.empty_updated is not None:
        return utc_time(spec.empty_updated, "empty feed date")
    return EMPTY_FEED_UPDATED


def check_items(items: Sequence[FeedItem]) -> None:
    """Fail early, naming the item and field, on inputs that would make an invalid feed."""
    for i in items:
        a = i.article
        utc_time(a.published, "published", a.id)
        if a.updated is not None:
            utc_time(a.updated, "updated", a.id)


def entry_title(article: Article) -> str:
    """Plain-text title; an untitled article gets a headline from its summary or body."""
    title = plain_text(article.title)
    if not title:
        title = headline_from(article.summary or article.body_html) or plain_text(article.id)
    return title


@lru_cache(maxsize=4096)
def config_text(text: str) -> str:
    """A name from the config (site, feed, category, author, rights) as visible text: taken literally, so
    ``World & <Region>`` stays ``World & <Region>`` (only controls and bidi overrides removed, spaces collapsed).
    Config names are written by people as text, not HTML; :func:`plain_text` would strip the ``<Region>``."""
    return plain_text(protect_text(text))


# What an HTML parser reads as the start of markup: "<" before a letter, "/letter", "!" or "?".
_MARKUP_START = re.compile(r"<(?=[A-Za-z!?]|/[A-Za-z])")
_AMPERSAND = re.compile(r"&(?=[#A-Za-z0-9])")
#: U+2060 WORD JOINER: invisible and unbreakable; after "<" or "&" it stops an HTML parser reading markup.
WORD_JOINER = "\u2060"


def looks_like_markup(text: str) -> bool:
    """True if a reader that renders ``text`` as HTML would not show it literally: it has a tag start or a
    character reference (``&amp;``, ``&copy``…)."""
    return bool(_MARKUP_START.search(text)) or html.unescape(text) != text


def inert_text(text: str) -> str:
    """Plain ``text`` for formats whose titles are plain text by spec (JSON Feed, NewsML-G2 headlines) but that
    some readers render as HTML: a word joiner after each ``<`` that starts a tag and each ``&`` that starts a
    character reference, so the text reads the same and never becomes markup. Ordinary text is unchanged."""
    if not looks_like_markup(text):
        return text
    text = _MARKUP_START.sub("<" + WORD_JOINER, text)
    return _AMPERSAND.sub("&" + WORD_JOINER, text)


def entry_summary(article: Article) -> str:
    """Plain-text summary (may be empty)."""
    return plain_text(article.summary)


#: Length (in characters) of an excerpt derived from the body when an item has no summary.
EXCERPT_LENGTH = 300


def entry_excerpt(article: Article, limit: int = EXCERPT_LENGTH) -> str:
    """Plain-text excerpt: the summary, else the body's text cut at a word boundary near ``limit`` characters
    (with an ellipsis when cut), else the title. Never empty for an item that has any text."""
    summary = entry_summary(article)
    if summary:
        return summary
    text = plain_text(article.body_html)
    if len(text) > limit:
        cut = text[: limit + 1]
        space = cut.rfind(" ")
        cut = cut[:space] if space > limit // 2 else cut[:limit]
        text = cut.rstrip(" ,;:-–—") + "…"
    return text or entry_title(article)


@lru_cache(maxsize=8192)
def excerpt_html(item: FeedItem, site: Site) -> str:
    """The short HTML of an item (RSS ``description``): the machine-translation disclosure when there is one,
    then :func:`entry_excerpt` as one paragraph, wrapped right-to-left like :func:`content_html`."""
    article = item.article
    _, attrs = _notes(article.lang)
    parts: list[str] = []
    if is_machine_translated(article):
        parts.append(f"<p{attrs}><em>{html.escape(machine_translation_note(article), quote=False)}</em></p>")
    parts.append(f"<p>{html.escape(entry_excerpt(article), quote=False)}</p>")
    return _directed(article, "".join(parts))


_SLUG_DROP = re.compile(r"[^\w\s-]+")
_SLUG_GAPS = re.compile(r"[\s_-]+")


def slug(text: str, words: int = 8) -> str:
    """URL slug of a title: lower case, letters and digits of any script kept, words joined by ``-``."""
    kept = _SLUG_DROP.sub(" ", plain_text(text).lower())
    return "-".join(_SLUG_GAPS.sub(" ", kept).split()[:words])


def templated_url(article: Article, site: Site) -> str | None:
    """``site.item_url_template`` filled for ``article`` (``{base_url}``, ``{lang}``, ``{category}``, ``{id}``,
    ``{slug}``), or ``None`` without a template."""
    if not site.item_url_template:
        return None
    return site.item_url_template.format(base_url=site.base_url, lang=article.lang, category=article.category,
                                         id=article.id, slug=slug(article.title) or article.id)


@lru_cache(maxsize=8192)
def article_url(article: Article, site: Site) -> str | None:
    """The article's public URL made absolute and converted to an RFC 3986 URI (percent-encoded path, IDNA
    host); its ``item_url_template`` URL when it has none; ``None`` if neither or of an unpublishable scheme.

    Raises:
        ItemError: the URL cannot be made a valid URI (the item is held back, not written with a bad link).
    """
    raw = article.url or templated_url(article, site)
    if not raw:
        return None
    url = absolute_url(xml_safe(raw), site.base_url)
    if url is None:
        return None
    try:
        return to_uri(url)
    except BadUrl as exc:
        raise ItemError(str(exc), item=article.id, field="url") from None


def category_label(spec: FeedSpec, slug: str) -> str:
    """Localised name of a category slug in this feed's language (the slug itself if unknown)."""
    return config_text(spec.category_names.get(slug) or slug)


def is_machine_translated(article: Article) -> bool:
    return article.origin == Origin.MACHINE


def _notes(lang: str) -> tuple[tuple[str, str, str, str], str]:
    """Note texts for ``lang`` and the attributes to add when they are in another language."""
    base = lang.split("-")[0].lower()
    if base in _NOTES:
        return _NOTES[base], ""
    return _NOTES["en"], ' lang="en" dir="ltr"'


def machine_translation_note(article: Article) -> str:
    """Plain text of the disclosure, e.g. ``Machine translation (argos, m1) — not reviewed by an editor.``"""
    (label, reviewed, _, _), _attrs = _notes(article.lang)
    reviewed = reviewed_note(article.lang, reviewed) if article.reviewed_by else reviewed
    sep = "، " if article.lang.split("-")[0].lower() == "ar" and not _attrs else ", "
    engine = sep.join(t for t in (plain_text(p or "") for p in (article.mt_engine, article.mt_model)) if t)
    return f"{label} ({engine}) — {reviewed}" if engine else f"{label} — {reviewed}"


@lru_cache(maxsize=8192)
def content_html(item: FeedItem, site: Site) -> str:
    """The item's HTML as every format publishes it.

    Order: machine-translation disclosure (only for ``Origin.MACHINE``), correction note, the cleaned body
    (relative URLs resolved against the article URL, else the site URL), the credit line. Right-to-left
    languages are wrapped in ``<div dir="rtl" lang="xx">``. The result is XML-safe.
    """
    article = item.article
    (_, _, correction_label, source_label), attrs = _notes(article.lang)
    parts: list[str] = []
    if is_machine_translated(article):
        note = html.escape(machine_translation_note(article), quote=False)
        parts.append(f"<p{attrs}><em>{note}</em></p>")
    correction = plain_text(article.correction_note or "")
    if correction:
        parts.append(f"<p><strong{attrs}>{html.escape(correction_label, quote=False)}</strong> "
                     f"{html.escape(correction, quote=False)}</p>")
    base = article_url(article, site) or site.base_url
    body = clean_html(article.body_html, base_url=base)
    if body:
        parts.append(body)
    credit = plain_text(article.credit or "")
    if credit:
        label = html.escape(source_label, quote=False)
        label = f"<span{attrs}>{label}</span>" if attrs else label
        parts.append(f"<p>{label} {html.escape(credit, quote=False)}</p>")
    return _directed(article, "".join(parts))


def feed_links(spec: FeedSpec, fmt: str) -> list[dict[str, str]]:
    """Feed-level links: self (exact URL, typed), the home page, the other formats, the same feed in
    other languages (``hreflang``) and the WebSub hub when configured. Order is fixed."""
    lang = xml_safe(spec.key.lang)
    links = [{"href": xml_safe(spec.self_url), "rel": "self", "type": MEDIA_TYPES[fmt]},
             {"href": xml_safe(spec.home_url), "rel": "alternate", "type": HTML_TYPE, "hreflang": lang}]
    for other in sorted(spec.alternates):
        if other != fmt and other in MEDIA_TYPES:
            links.append({"href": xml_safe(spec.alternates[other]), "rel": "alternate",
                          "type": MEDIA_TYPES[other], "hreflang": lang})
    for other_lang in sorted(spec.translations):
        if other_lang != spec.key.lang:
            links.append({"href": xml_safe(spec.translations[other_lang]), "rel": "alternate",
                          "type": MEDIA_TYPES[fmt], "hreflang": xml_safe(other_lang)})
    if spec.hub_url:
        links.append({"href": xml_safe(spec.hub_url), "rel": "hub"})
    return links


def entry_links(item: FeedItem, site: Site) -> list[dict[str, str]]:
    """The item's own ``rel=alternate`` page link first, then :func:`language_alternates`.

    Own language first: readers that take the first text/html alternate (most of them) open the page in the
    entry's language; feedparser takes the first one too (its ``entry.link``).
    """
    article = item.article
    own = article_url(article, site)
    links = language_alternates(item, site)
    if own:
        links.insert(0, {"href": own, "rel": "alternate", "type": HTML_TYPE, "hreflang": xml_safe(article.lang)})
    return links


def language_alternates(item: FeedItem, site: Site) -> list[dict[str, str]]:
    """One ``rel=alternate hreflang`` link per other language version of the item (at most one per
    language, never the item's own; unusable URLs are skipped). Keys: href, rel, type, hreflang[, title]."""
    seen = {item.article.lang}
    links: list[dict[str, str]] = []
    for alt in item.alternates:
        url = absolute_url(xml_safe(alt.url), site.base_url) if alt.url else None
        url = safe_uri(url) if url else None
        if not url or alt.lang in seen:
            continue
        seen.add(alt.lang)
        link = {"href": url, "rel": "alternate", "type": HTML_TYPE, "hreflang": xml_safe(alt.lang)}
        title = plain_text(alt.title)
        if title:
            link["title"] = title
        links.append(link)
    return links


def feed_author(site: Site) -> str:
    """Feed-level author name: ``site.author``, else the publisher, else the site name."""
    return config_text(site.author or site.publisher or site.name)


def _directed(article: Article, html_text: str) -> str:
    """``html_text`` wrapped in ``<div dir="rtl" lang=…>`` for a right-to-left language; XML-safe either way."""
    if text_direction(article.lang) == "rtl":
        lang = html.escape(xml_safe(article.lang), quote=True)
        html_text = f'<div dir="rtl" lang="{lang}">{html_text}</div>'
    return xml_safe(html_text)
