"""Atom 1.0 (RFC 4287) renderer: feedgen 1.0.0 plus our extension (:mod:`._feedgen_ext`).

Pure: the same spec, items and site always give the same bytes (no clock: ``updated`` is the newest item's
modification time; an empty feed's is ``spec.empty_updated``). Does no I/O and no validation.
"""

from __future__ import annotations

from collections.abc import Sequence

from feedgen.feed import FeedGenerator
from lxml import etree

from syndicate.config import Site
from syndicate.model import FeedItem, FeedSpec
from syndicate.render import _common as c
from syndicate.render._feedgen_ext import XML_LANG, PreparedEntry, _link_attrs, install, render_feedgen
from syndicate.sanitize import plain_text, xml_safe


class AtomRenderer:
    """Atom 1.0 feed: typed HTML content, per-entry ``xml:lang`` and complete hreflang links."""

    fmt = "atom"
    media_type = c.MEDIA_TYPES["atom"]
    filename = "atom.xml"

    def render(self, spec: FeedSpec, items: Sequence[FeedItem], site: Site) -> bytes:
        """Render ``items`` (kept in the given order, newest first) as an Atom document (UTF-8 bytes).

        Raises:
            RenderError: an item has a naive datetime, or feedgen/lxml refused a value.
        """
        return render_feedgen(build, "atom_str", "Atom", spec, items, site)


def build(spec: FeedSpec, items: Sequence[FeedItem], site: Site) -> FeedGenerator:
    """The configured :class:`FeedGenerator` (exposed for tests and for the benchmark)."""
    fg = FeedGenerator()
    install(fg, "atom")
    lang = xml_safe(spec.key.lang)
    fg.id(xml_safe(spec.self_url))
    fg.title(c.config_text(spec.title) or c.config_text(site.name))
    if c.config_text(spec.description):
        fg.subtitle(c.config_text(spec.description))
    fg.language(lang)                       # root xml:lang
    fg.updated(c.feed_updated(items, spec))
    fg.author({"name": c.feed_author(site), "uri": xml_safe(site.base_url)})
    fg.generator(c.GENERATOR)
    if site.rights:
        fg.rights(c.config_text(site.rights))
    if spec.key.category != "all":
        fg.category(_category(spec, spec.key.category))
    # Feed-level links are emitted correctly by feedgen (the #135 defect is entry-level only).
    fg.link(c.feed_links(spec, "atom"))
    for feed_item in items:
        _add_entry(fg, spec, feed_item, site)
    return fg


def _category(spec: FeedSpec, slug: str) -> dict[str, str]:
    cat = {"term": xml_safe(slug), "label": c.category_label(spec, slug)}
    if spec.category_scheme:
        cat["scheme"] = xml_safe(spec.category_scheme)
    return cat


def _add_entry(fg: FeedGenerator, spec: FeedSpec, feed_item: FeedItem, site: Site) -> None:
    fg.add_entry(PreparedEntry(_entry_element(spec, feed_item, site)), order="append")  # feedgen prepends by default


def _entry_element(spec: FeedSpec, feed_item: FeedItem, site: Site) -> etree._Element:
    """The ``<entry>`` exactly as feedgen 1.0.0 builds it from ``id``, ``title``, ``updated``, ``published``,
    ``author``, ``content`` (HTML), ``summary`` and the categories, with our extension's changes (complete
    links, ``xml:lang``) already made."""
    article = feed_item.article
    guid = article.guid
    title = c.entry_title(article)
    updated = c.utc_time(feed_item.updated, "updated", article.id)
    published = c.utc_time(feed_item.published, "published", article.id)
    if not (guid and title):
        raise ValueError("Required fields not set")        # as feedgen's atom_entry
    entry = etree.Element("entry")
    etree.SubElement(entry, "id").text = guid
    etree.SubElement(entry, "title").text = title
    etree.SubElement(entry, "updated").text = updated.isoformat()
    author = plain_text(article.author or "")
    if author:
        etree.SubElement(etree.SubElement(entry, "author"), "name").text = author
    summary = c.entry_summary(article)
    links = c.entry_links(feed_item, site)
    # Never a blank <content>: the HTML, else the summary (as escaped HTML); omitted only when there is neither
    # and the entry has a page link (RFC 4287: an entry without content needs an alternate link).
    html = c.content_html(feed_item, site)
    if not html and (summary or not links):
        html = c.excerpt_html(feed_item, site)
    if html:
        content = etree.SubElement(entry, "content")
        content.text = html
        content.attrib["type"] = "html"
    if summary:
        etree.SubElement(entry, "summary").text = summary
    categories = [_category(spec, article.category)]
    if c.is_machine_translated(article):
        categories.append({"term": c.MACHINE_TRANSLATION_TERM, "scheme": c.DISCLOSURE_SCHEME,
                           "label": c.machine_translation_note(article)})
    for cat in categories:
        element = etree.SubElement(entry, "category", term=cat["term"])
        if cat.get("scheme"):
            element.attrib["scheme"] = cat["scheme"]
        if cat.get("label"):
            element.attrib["label"] = cat["label"]
    etree.SubElement(entry, "published").text = published.isoformat()
    for attrs in links:
        etree.SubElement(entry, "link", _link_attrs(attrs))
    if len(links) > 1 and links[0]["hreflang"] == article.lang:
        # The own page again, without hreflang (a distinct type/hreflang pair, as RFC 4287 requires): readers
        # that take the first alternate and feedparser, which takes the last, both open the own language.
        etree.SubElement(entry, "link", _link_attrs({k: v for k, v in links[0].items() if k != "hreflang"}))
    lang = xml_safe(article.lang)
    if lang:
        entry.set(XML_LANG, lang)
    return entry
