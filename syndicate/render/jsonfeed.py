"""JSON Feed 1.1 renderer (https://www.jsonfeed.org/version/1.1/), written directly with :mod:`json`.

Pure and deterministic: keys in a fixed order, compact separators (so the C encoder runs, not the slower
pure-Python one used for indented output), ``ensure_ascii=False``, UTF-8 with a trailing newline.
syndicate's own data goes under ``_syndicate`` (custom keys start with ``_``): the credit, the
machine-translation disclosure, the correction note and the other language versions of the item.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from syndicate.config import Site
from syndicate.errors import RenderError
from syndicate.model import FeedItem, FeedSpec, Origin
from syndicate.render import _common as c
from syndicate.sanitize import plain_text, xml_safe

VERSION = "https://jsonfeed.org/version/1.1"


class JsonFeedRenderer:
    """JSON Feed 1.1 with the same ids (guids), content and notes as the RSS and Atom feeds."""

    fmt = "json"
    media_type = c.MEDIA_TYPES["json"]
    filename = "feed.json"

    def render(self, spec: FeedSpec, items: Sequence[FeedItem], site: Site) -> bytes:
        """Render ``items`` (kept in the given order, newest first) as JSON Feed 1.1 (UTF-8 bytes).

        Raises:
            RenderError: an item has a naive datetime or a value JSON cannot hold.
        """
        c.check_items(items)
        doc = feed_document(spec, items, site)
        try:
            text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise RenderError("cannot render JSON Feed", context=str(spec.key)) from exc
        return (text + "\n").encode("utf-8")


def feed_document(spec: FeedSpec, items: Sequence[FeedItem], site: Site) -> dict[str, Any]:
    """The JSON Feed as an ordered ``dict`` (the key order is the output order)."""
    lang = xml_safe(spec.key.lang)
    doc: dict[str, Any] = {
        "version": VERSION,
        "title": c.inert_text(c.config_text(spec.title) or c.config_text(site.name)),
        "home_page_url": xml_safe(spec.home_url),
        "feed_url": xml_safe(spec.self_url),
    }
    description = c.config_text(spec.description)
    if description:
        doc["description"] = description
    doc["language"] = lang
    doc["authors"] = [{"name": c.feed_author(site), "url": xml_safe(site.base_url)}]
    if spec.hub_url:
        doc["hubs"] = [{"type": "WebSub", "url": xml_safe(spec.hub_url)}]
    extra = _feed_extension(spec)
    if extra:
        doc["_syndicate"] = extra
    doc["items"] = [_item(spec, feed_item, site) for feed_item in items]
    return doc


def _feed_extension(spec: FeedSpec) -> dict[str, Any]:
    """Links between formats and languages (JSON Feed has no rel=alternate)."""
    extra: dict[str, Any] = {}
    formats = {f: xml_safe(u) for f, u in sorted(spec.alternates.items()) if f != "json"}
    if formats:
        extra["formats"] = formats
    translations = {lg: xml_safe(u) for lg, u in sorted(spec.translations.items()) if lg != spec.key.lang}
    if translations:
        extra["translations"] = translations
    return extra


def _item(spec: FeedSpec, feed_item: FeedItem, site: Site) -> dict[str, Any]:
    article = feed_item.article
    out: dict[str, Any] = {"id": article.guid}
    url = c.article_url(article, site)
    if url:
        out["url"] = url
    out["title"] = c.inert_text(c.entry_title(article))
    out["content_html"] = c.content_html(feed_item, site)
    summary = c.entry_summary(article)
    if summary:
        out["summary"] = summary
    out["date_published"] = c.rfc3339(feed_item.published)
    out["date_modified"] = c.rfc3339(feed_item.updated)
    author = plain_text(article.author or "")
    if author:
        out["authors"] = [{"name": author}]
    tags = [c.category_label(spec, article.category)]
    if c.is_machine_translated(article):
        tags.append(c.MACHINE_TRANSLATION_TERM)
    out["tags"] = tags
    if article.lang != spec.key.lang:
        out["language"] = xml_safe(article.lang)
    out["_syndicate"] = _item_extension(feed_item, site)
    return out


def _item_extension(feed_item: FeedItem, site: Site) -> dict[str, Any]:
    article = feed_item.article
    ext: dict[str, Any] = {"category": xml_safe(article.category), "origin": article.origin.value,
                           "machine_translated": article.origin == Origin.MACHINE}
    if article.origin == Origin.MACHINE:
        if article.mt_engine:
            ext["engine"] = plain_text(article.mt_engine)
        if article.mt_model:
            ext["model"] = plain_text(article.mt_model)
        ext["disclosure"] = c.machine_translation_note(article)
    if feed_item.original is not None:
        ext["translation_of"] = feed_item.original.guid
    credit = plain_text(article.credit or "")
    if credit:
        ext["credit"] = credit
    correction = plain_text(article.correction_note or "")
    if correction:
        ext["correction"] = correction
    alternates = [{"language": link["hreflang"], "url": link["href"],
                   **({"title": link["title"]} if "title" in link else {})}
                  for link in c.language_alternates(feed_item, site)]
    if alternates:
        ext["alternates"] = alternates
    ext["version"] = article.version
    return ext
