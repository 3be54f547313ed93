"""RSS 0.9x/1.0/2.0 and Atom sources, read with feedparser after the prologue check of :mod:`.xmlguard`.

Per entry: id = the entry's id/guid, else its link; title, summary, content (the first HTML content wins,
else the RSS description), author, link, published (else updated) and updated, all converted to UTC.
Language = the entry's ``xml:lang``, else the feed's language, else ``IngestOptions.lang`` (``en-US`` is
accepted as ``en`` when only ``en`` is known). Category = ``IngestOptions.category``, else the slug of the
entry's first tag. Relative links resolve against the URL the feed was fetched from, else its own home link, else
``IngestOptions.base_url``.

Contains no I/O: bytes in, items out.
"""

from __future__ import annotations

import calendar
import time
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser

from syndicate.errors import IngestError, ItemError
from syndicate.ingest.base import (
    FirstWins,
    IngestOptions,
    ParsedItem,
    build_article,
    check_category,
    check_id,
    check_lang,
    check_url,
    failed,
    item_label,
    slugify,
)
from syndicate.ingest.xmlguard import guard_xml
from syndicate.model import Article
from syndicate.times import UTC

#: Root element local names of the feeds we read.
FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def parse_feed(data: bytes, options: IngestOptions, *, name: str = "<input>") -> list[ParsedItem]:
    """Parse an RSS or Atom document into one :class:`ParsedItem` per entry (positions ``"entry N"``).

    Raises:
        IngestError: the document declares entities or an external DTD, or is not RSS/Atom.
    """
    prologue, body = guard_xml(data, name)
    if prologue.local_root not in FEED_ROOTS:
        raise IngestError(f"not an RSS or Atom feed (root element {prologue.root!r})", context=name)
    try:
        parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser wraps most problems in bozo; anything raised is a foreign bug
        raise IngestError("feedparser failed", context=name) from exc
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        raise IngestError(f"not an RSS or Atom feed{f' ({problem})' if problem else ''}", context=name)
    feed_lang = parsed.feed.get("language")
    # A feed is a third party's document: its relative links are relative to where it was fetched from, else
    # to its own home link, never to our site (IngestOptions.base_url is only the last fallback).
    fetched_from = name if urlsplit(name).scheme in ("http", "https") else None
    options = replace(options, base_url=fetched_from or _home(parsed.feed) or options.base_url)
    items: list[ParsedItem] = []
    ids = FirstWins("same id/guid")
    for number, entry in enumerate(parsed.entries, start=1):
        position = f"entry {number}"
        try:
            article = _article(entry, feed_lang, position, options)
            ids.claim(article, position, "the first entry wins")
            items.append(ParsedItem(position=position, article=article))
        except ItemError as exc:
            items.append(failed(position, exc))
    return items


def _home(feed: Any) -> str | None:
    """The feed's own http(s) home link: the base for relative links when the caller gave none."""
    link = feed.get("link")
    return link if isinstance(link, str) and urlsplit(link).scheme in ("http", "https") else None


def _time(value: time.struct_time | None) -> datetime | None:
    """feedparser's ``*_parsed`` (a UTC struct_time) → aware UTC datetime."""
    if not value:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)


def _link(entry: Any, label: str, options: IngestOptions) -> str | None:
    """The entry's page: the first rel=alternate link that is (or resolves to) an http(s) URL.

    feedparser copies a guid into ``link`` when there is no link (``guidislink``); such a value is used only
    when it already is an absolute URL, never resolved against the base.
    """
    candidates = [(link.get("href"), options.base_url) for link in entry.get("links", ())
                  if link.get("rel", "alternate") == "alternate"]
    if entry.get("link"):
        from_guid = bool(entry.get("guidislink")) and entry.get("link") == entry.get("id")
        candidates.append((entry.get("link"), None if from_guid else options.base_url))
    for candidate, base in candidates:
        try:
            url = check_url(candidate, label, base)
        except ItemError:
            continue
        if url:
            return url
    return None


def _content(entry: Any) -> tuple[str | None, str | None]:
    """``(html, plain text)`` body: the first HTML content, else any content, else the summary."""
    contents = list(entry.get("content") or ())
    chosen = next((c for c in contents if c.get("type") in _HTML_TYPES), contents[0] if contents else None)
    if chosen is None:
        detail = entry.get("summary_detail") or {}
        chosen = {"type": detail.get("type", "text/html"), "value": entry.get("summary")}
    value = chosen.get("value") or None
    if chosen.get("type") == "text/plain":
        return None, value
    return value, None


def _lang_of(entry: Any) -> str | None:
    for key in ("content", "title_detail", "summary_detail"):
        detail = entry.get(key)
        if isinstance(detail, list):
            detail = detail[0] if detail else None
        if detail and detail.get("language"):
            return str(detail["language"])
    return None


def _article(entry: Any, feed_lang: str | None, position: str, options: IngestOptions) -> Article:
    raw_id = entry.get("id") or entry.get("link")
    label = item_label(position, raw_id if isinstance(raw_id, str) else None)
    if not raw_id:
        raise ItemError("entry has neither an id/guid nor a link", item=position, field="id")
    item_id = check_id(raw_id, label)
    url = _link(entry, label, options)
    # dict.get: FeedParserDict.get("updated_parsed") would fall back to published_parsed (with a warning)
    updated = _time(dict.get(entry, "updated_parsed"))
    published = _time(dict.get(entry, "published_parsed")) or updated
    if published is None:
        raise ItemError("entry has no (parsable) published or updated date", item=label, field="published")
    tags = [t.get("term") for t in entry.get("tags", ()) if t.get("term")]
    category = options.category or (slugify(tags[0]) if tags else None)
    body_html, body_text = _content(entry)
    summary = entry.get("summary") if entry.get("content") else None
    if summary and any(summary == c.get("value") for c in entry.get("content", ())):
        summary = None   # feedparser copies the content into summary when there is none
    title_detail = entry.get("title_detail") or {}
    return build_article(
        label, options, id=item_id, lang=check_lang(_lang_of(entry) or feed_lang, options, label, lenient=True),
        category=check_category(category, options, label), title=entry.get("title"),
        title_is_text=title_detail.get("type") == "text/plain", published=published,
        updated=updated if updated and updated != published else None, body_html=body_html,
        body_text=body_text, summary=summary, author=entry.get("author"), url=url,
    )
