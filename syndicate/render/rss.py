"""RSS 2.0 renderer: feedgen 1.0.0 plus our extension (:mod:`._feedgen_ext`).

Pure: the same spec, items and site always give the same bytes (``lastBuildDate`` is the newest item's
modification time; an empty feed's is ``spec.empty_updated``). Does no I/O and no validation.

As WordPress does: the item ``<description>`` is the short HTML (the summary, else an excerpt derived from
the body, with the machine-translation disclosure) and ``content:encoded`` the full HTML content (with the
disclosure, correction and credit notes). Every item has a ``<description>``. The item's page links follow as
``atom:link rel="alternate" hreflang``: its own language first, then the other language versions.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from feedgen.feed import FeedGenerator
from lxml import etree

from syndicate.config import Site
from syndicate.model import FeedItem, FeedSpec
from syndicate.render import _common as c
from syndicate.render._feedgen_ext import (
    ATOM_NS,
    CONTENT_NS,
    DC_NS,
    PreparedEntry,
    _link_attrs,
    install,
    render_feedgen,
)
from syndicate.sanitize import plain_text, xml_safe


def rss_text(text: str) -> str:
    """Plain ``text`` as an RSS title (item, channel, category).

    RSS titles are plain text, but many readers render them as HTML (the RSS Best Practices Profile, "Character
    Data"). Ordinary text, including a lone ``&`` or ``<`` (``AT&T``, ``growth < 3%``), is written once-escaped
    by XML, which every reader shows literally. Text a reader would take for markup (a tag start such as
    ``<img`` or a character reference such as ``&amp;``) is HTML-escaped before the XML escaping: feedparser
    then reports it as ``text/html`` whose rendering is exactly ``text``, and a reader that renders the raw
    title as HTML shows the text instead of running it.
    """
    return html.escape(text, quote=False) if c.looks_like_markup(text) else text


class RssRenderer:
    """RSS 2.0 channel: home-page ``<link>``, opaque guids, ``dc:language`` and ``dc:creator`` per item."""

    fmt = "rss"
    media_type = c.MEDIA_TYPES["rss"]
    filename = "rss.xml"

    def render(self, spec: FeedSpec, items: Sequence[FeedItem], site: Site) -> bytes:
        """Render ``items`` (kept in the given order, newest first) as an RSS 2.0 document (UTF-8 bytes).

        Raises:
            RenderError: an item has a naive datetime, or feedgen/lxml refused a value.
        """
        return render_feedgen(build, "rss_str", "RSS", spec, items, site)


def build(spec: FeedSpec, items: Sequence[FeedItem], site: Site) -> FeedGenerator:
    """The configured :class:`FeedGenerator` (exposed for tests and for the benchmark)."""
    fg = FeedGenerator()
    ext = install(fg, "rss")
    home = xml_safe(spec.home_url)
    updated = c.feed_updated(items, spec)
    ext.home_url = home
    ext.last_build = c.rfc822(updated)
    # The self link and the other links go out as atom:link through the extension (feedgen keeps only self).
    ext.links = [link for link in c.feed_links(spec, "rss") if link.get("type") != c.HTML_TYPE]
    fg.title(rss_text(c.config_text(spec.title) or c.config_text(site.name)))
    fg.link(href=home)
    fg.description(rss_text(c.config_text(spec.description) or c.config_text(spec.title) or c.config_text(site.name)))
    fg.language(xml_safe(spec.key.lang))
    fg.updated(updated)                      # lastBuildDate; feedgen would use now()
    fg.generator(c.GENERATOR)
    fg.docs("")                              # no <docs>
    if site.rights:
        fg.copyright(c.config_text(site.rights))
    if spec.key.category != "all":
        fg.category(_category(spec, spec.key.category))
    for feed_item in items:
        _add_item(fg, spec, feed_item, site)
    return fg


def _category(spec: FeedSpec, slug: str) -> dict[str, str]:
    """RSS shows the label as the category text and the scheme as ``domain``."""
    cat = {"term": xml_safe(slug), "label": c.category_label(spec, slug)}
    if spec.category_scheme:
        cat["scheme"] = xml_safe(spec.category_scheme)
    return cat


def _add_item(fg: FeedGenerator, spec: FeedSpec, feed_item: FeedItem, site: Site) -> None:
    fg.add_entry(PreparedEntry(_item_element(spec, feed_item, site)), order="append")  # feedgen prepends by default


def _item_element(spec: FeedSpec, feed_item: FeedItem, site: Site) -> etree._Element:
    """The ``<item>`` as feedgen 1.0.0 builds it from ``guid``, ``title``, ``link`` (the article's own URL only:
    RSS keeps the last one), ``description`` (the excerpt), ``content`` (``content:encoded``), ``published`` and
    the categories, with our extension's changes (RFC 822 GMT ``pubDate``, ``dc:creator``, ``dc:language``,
    ``atom:link`` alternates) already made."""
    article = feed_item.article
    title = rss_text(c.entry_title(article))
    description = c.excerpt_html(feed_item, site)
    content = c.content_html(feed_item, site)
    published = c.utc_time(feed_item.published, "published", article.id)
    if not (title or description):
        raise ValueError("Required fields not set")        # as feedgen's rss_entry
    item = etree.Element("item")
    if title:
        etree.SubElement(item, "title").text = title
    if description:
        etree.SubElement(item, "description").text = description
    if content:
        etree.SubElement(item, f"{{{CONTENT_NS}}}encoded").text = content
    guid = etree.SubElement(item, "guid")
    guid.text = article.guid
    guid.attrib["isPermaLink"] = "false"
    categories = [_category(spec, article.category)]
    if c.is_machine_translated(article):
        categories.append({"term": c.MACHINE_TRANSLATION_TERM, "scheme": c.DISCLOSURE_SCHEME})
    for cat in categories:
        element = etree.SubElement(item, "category")
        element.text = rss_text(cat.get("label", cat["term"]))    # feedgen: the label, else the term
        if cat.get("scheme"):
            element.attrib["domain"] = cat["scheme"]
    etree.SubElement(item, "pubDate").text = c.rfc822(published)
    creator = plain_text(article.author or "")
    if creator:
        etree.SubElement(item, f"{{{DC_NS}}}creator").text = creator
    lang = xml_safe(article.lang)
    if lang:
        etree.SubElement(item, f"{{{DC_NS}}}language").text = lang
    url = c.article_url(article, site)
    if url:
        # Own language first for readers that take the first alternate; <link> last, because feedparser (and
        # the readers built on it) takes the last one. Without an own page the alternates are left out, so
        # no reader sends the item's readers to another language.
        for attrs in c.entry_links(feed_item, site):
            etree.SubElement(item, f"{{{ATOM_NS}}}link", _link_attrs(attrs))
        etree.SubElement(item, "link").text = url
    return item
