"""Types and field cleaning shared by every ingest parser.

A parser turns a whole source into a list of :class:`ParsedItem`: one per item, holding either a cleaned
:class:`~syndicate.model.Article` or the :class:`~syndicate.errors.ItemError` that explains why the item was
refused. One bad item never stops the others.

Cleaning rules applied to every format (:func:`build_article`):

- times become timezone-aware UTC; a time without a zone is refused,
- language and category are checked (BCP 47 tag / slug, and membership in the known sets when given),
- the title is plain text (:func:`~syndicate.sanitize.plain_text`), derived from the body when missing,
- the body goes through the HTML allow-list with relative URLs made absolute against the item URL
  (else ``IngestOptions.base_url``).

Contains no I/O.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from syndicate.config import ALL, LANG_PATTERN, SLUG_PATTERN
from syndicate.errors import ItemError
from syndicate.model import Article, Status
from syndicate.sanitize import (
    absolute_url,
    clean_html,
    headline_from,
    name_text,
    plain_text,
    protect_text,
    text_field,
    text_to_html,
    xml_safe,
)

#: Source formats :func:`syndicate.ingest.parse` understands.
FORMATS = ("jsonl", "page", "feed")
_MAX_ID = 300
#: Longest title, summary or body (characters) an item may have: a feed must stay a few MB (feeds.md §9), and
#: cleaning a 50 MB body would stall the ingest; such an item is refused, naming the field.
MAX_TEXT_CHARS = 1_000_000
_ID_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ParsedItem:
    """One item of a source: exactly one of ``article`` and ``error`` is set.

    ``position`` is human-readable: ``"line 3"`` (JSONL), ``"item 2"`` (page), ``"entry 5"`` (feed).
    ``article.version``/``content_hash`` are left at their defaults: the store sets them.
    """

    position: str
    article: Article | None = None
    error: ItemError | None = None

    def __post_init__(self) -> None:
        if (self.article is None) == (self.error is None):
            raise ValueError("ParsedItem needs exactly one of article and error")

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class IngestOptions:
    """Defaults and limits for one ingest run (CLI ``--category``/``--lang``; known sets from the config)."""

    category: str | None = None                  # default category slug
    lang: str | None = None                      # default language
    categories: frozenset[str] | None = None     # known category slugs; None = accept any valid slug
    languages: frozenset[str] | None = None      # known languages; None = accept any BCP 47 tag
    base_url: str | None = None                  # for relative URLs when an item has no url of its own


def item_label(position: str, item_id: str | None = None) -> str:
    """``"line 3"`` or, once the id is known, ``"line 3 (story-17)"``: what ItemError names as the item."""
    return f"{position} ({item_id})" if item_id else position


def slugify(name: str) -> str:
    """``"Coalition News"`` → ``"coalition-news"`` (ASCII letters and digits, runs of others → ``-``)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def normalize_lang(tag: str) -> str:
    """Canonical case of a BCP 47 tag: ``EN_us`` → ``en-US``, ``zh-hant`` → ``zh-Hant``."""
    parts = [p for p in re.split(r"[-_]", tag.strip()) if p]
    if not parts:
        return ""
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def check_lang(value: Any, options: IngestOptions, item: str, *, lenient: bool = False) -> str:
    """The item's language (or ``options.lang``), validated.

    Args:
        lenient: accept ``en-US`` as ``en`` when only ``en`` is known (foreign feeds often say ``en-us``).

    Raises:
        ItemError: naming field ``lang``.
    """
    if value is None or value == "":
        value = options.lang
    if value is None:
        raise ItemError("no language: give one in the item or a default (--lang)", item=item, field="lang")
    if not isinstance(value, str):
        raise ItemError(f"must be a string, not {type(value).__name__}", item=item, field="lang")
    lang = normalize_lang(value)
    if not LANG_PATTERN.match(lang):
        raise ItemError(f"{value!r} is not a BCP 47 language tag (e.g. 'en', 'ar', 'pt-BR')", item=item,
                        field="lang")
    known = options.languages
    if known is not None and lang not in known:
        primary = lang.split("-")[0]
        if lenient and primary in known:
            return primary
        raise ItemError(f"unknown language {lang!r} (known: {', '.join(sorted(known))})", item=item, field="lang")
    return lang


def check_category(value: Any, options: IngestOptions, item: str) -> str:
    """The item's category slug (or ``options.category``), validated.

    Raises:
        ItemError: naming field ``category``.
    """
    if value is None or value == "":
        value = options.category
    if value is None:
        raise ItemError("no category: give one in the item or a default (--category)", item=item,
                        field="category")
    if not isinstance(value, str):
        raise ItemError(f"must be a string, not {type(value).__name__}", item=item, field="category")
    slug = value.strip()
    if not SLUG_PATTERN.match(slug) or slug == ALL:
        raise ItemError(f"{value!r} is not a category slug (lowercase letters, digits and '-', not {ALL!r})",
                        item=item, field="category")
    if options.categories is not None and slug not in options.categories:
        raise ItemError(f"unknown category {slug!r} (known: {', '.join(sorted(options.categories))})",
                        item=item, field="category")
    return slug


def check_id(value: Any, item: str, field: str = "id") -> str:
    """A non-empty id without white space or control characters, at most 300 characters."""
    if value is None or value == "":
        raise ItemError("is required", item=item, field=field)
    if not isinstance(value, str):
        raise ItemError(f"must be a string, not {type(value).__name__}", item=item, field=field)
    text = value.strip()
    if not text or len(text) > _MAX_ID or _ID_FORBIDDEN.search(text):
        raise ItemError(f"{value!r} is not a usable id (1–{_MAX_ID} characters, no spaces or controls)",
                        item=item, field=field)
    return text


def parse_time(value: Any, item: str, field: str, *, required: bool = False) -> datetime | None:
    """ISO 8601 date-time with ``Z`` or an offset → aware UTC ``datetime``.

    Raises:
        ItemError: naming ``field`` when the value is missing (and required), malformed or has no time zone.
    """
    if value is None or value == "":
        if required:
            raise ItemError("is required (ISO 8601 with 'Z' or an offset)", item=item, field=field)
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ItemError(f"{value!r} is not an ISO 8601 date-time", item=item, field=field) from None
    else:
        raise ItemError(f"must be a string, not {type(value).__name__}", item=item, field=field)
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ItemError(f"{value!r} has no time zone: add 'Z' or an offset like '+03:00'", item=item,
                        field=field)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:   # e.g. 9999-12-31T23:59:59-05:00 is in year 10000 in UTC
        raise ItemError(f"{value!r} is out of range in UTC (years 1–9999)", item=item, field=field) from None


def optional_text(value: Any, item: str, field: str, *, name: bool = False) -> str | None:
    """Plain one-line text or ``None`` when missing or blank. A ``name`` (author, credit) loses only real HTML
    tags (:func:`~syndicate.sanitize.name_text`): ``World & <Region>`` stays intact."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ItemError(f"must be a string, not {type(value).__name__}", item=item, field=field)
    text = protect_text(name_text(value)) if name else text_field(value)
    return text or None


def check_url(value: Any, item: str, base_url: str | None, field: str = "url") -> str | None:
    """An absolute http(s) URL (relative ones resolved against ``base_url``), or ``None`` when missing."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ItemError(f"must be a string, not {type(value).__name__}", item=item, field=field)
    url = absolute_url(xml_safe(value).strip(), base_url) or ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 2000:
        raise ItemError(f"{value!r} is not an absolute http(s) URL", item=item, field=field)
    return url


def check_status(value: Any, item: str) -> Status:
    """``usable`` (default), ``withheld`` or ``canceled``."""
    if value is None or value == "":
        return Status.USABLE
    try:
        return Status(value)
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise ItemError(f"{value!r} is not a status (known: {known})", item=item, field="status") from None


def text_headline(text: str) -> str:
    """Headline of plain text: like :func:`~syndicate.sanitize.headline_from` but ``<`` and ``&`` stay text."""
    return headline_from(html.escape(text, quote=False))


def build_article(item: str, options: IngestOptions, *, id: str, lang: str, category: str, title: Any,
                  published: datetime, body_html: Any = None, body_text: Any = None, summary: Any = None,
                  title_is_text: bool = False, author: Any = None, credit: Any = None, url: str | None = None,
                  updated: datetime | None = None, embargo: datetime | None = None,
                  status: Status = Status.USABLE, translation_of: str | None = None,
                  correction_note: Any = None) -> Article:
    """Clean the text fields and assemble an :class:`Article` (id, language, category and times already checked).

    ``body_html`` is HTML and goes through the allow-list with relative URLs resolved against ``url`` (else
    ``options.base_url``); ``body_text`` is plain text made into ``<p>`` paragraphs. A missing title is derived
    from the body's first sentence. ``title_is_text`` marks a title that is plain text, not HTML.

    Raises:
        ItemError: both bodies given, a field of the wrong type, or neither title nor body.
    """
    for name, value in (("title", title), ("summary", summary), ("body_html", body_html), ("body", body_text)):
        if value is not None and not isinstance(value, str):
            raise ItemError(f"must be a string, not {type(value).__name__}", item=item, field=name)
    for name, value in (("title", title), ("summary", summary), ("body_html", body_html), ("body", body_text)):
        if value is not None and len(value) > MAX_TEXT_CHARS:
            raise ItemError(f"too long ({len(value):,} characters; at most {MAX_TEXT_CHARS:,})", item=item,
                            field=name)
    if body_html and body_text:
        raise ItemError("give either body_html (HTML) or body (plain text), not both", item=item, field="body")
    if body_html:
        body = clean_html(body_html, base_url=url or options.base_url)
    elif body_text:
        body = text_to_html(body_text)
    else:
        body = ""
    if title:
        clean_title = plain_text(html.escape(title, quote=False) if title_is_text else title)
    else:
        clean_title = ""
    if not clean_title:
        clean_title = text_headline(plain_text(body)) if body else ""
    if not clean_title and not plain_text(body):
        raise ItemError("has neither a title nor a body", item=item, field="title")
    # stored so that the renderers' plain_text shows exactly this visible text (see sanitize.text_field)
    clean_title = protect_text(clean_title)
    return Article(
        id=id, lang=lang, category=category, title=clean_title, body_html=body, published=published,
        summary=optional_text(summary, item, "summary") or "",
        author=optional_text(author, item, "author", name=True),
        credit=optional_text(credit, item, "credit", name=True),
        url=url, updated=updated, embargo=embargo, status=status,
        translation_of=translation_of, correction_note=optional_text(correction_note, item, "correction_note"),
    )


def failed(position: str, error: ItemError) -> ParsedItem:
    """A :class:`ParsedItem` carrying ``error``."""
    return ParsedItem(position=position, error=error)


class FirstWins:
    """Ids already used in one source: the first item with an id wins; each repeat is an
    :class:`ItemError` on field ``id`` naming the earlier item (which of two records is right is unknowable)."""

    def __init__(self, label: str = "same id") -> None:
        self.label = label
        self.seen: dict[str, str] = {}        # id -> position of its first item

    def claim(self, article: Article, position: str, why: str) -> None:
        if article.id in self.seen:
            raise ItemError(f"{self.label} as {self.seen[article.id]} ({why})", item=item_label(position, article.id),
                            field="id")
        self.seen[article.id] = position

