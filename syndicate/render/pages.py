"""A subscriber's front door: ``index.html`` (output root and per language), ``feeds.opml`` and ``feed.xsl``.

Pure: the pages depend only on the feeds listed (no clock), so the same config and output give the same bytes.
The publisher lists only the feed files that exist, so no page links a file that is not written.

- ``index.html`` (HTML that is also well-formed XML: void elements self-closed) lists every feed with its
  format links and carries ``<link rel="alternate">`` discovery tags
  (typed, with ``hreflang``) for every feed file; the root page has every language, each language page its
  own, right-to-left for Arabic and other RTL languages. Plain HTML, no script.
- ``feeds.opml`` is OPML 2.0: one outline per language holding one outline per category (``type="rss"``,
  ``xmlUrl`` = its RSS, else Atom, else JSON Feed file; ``htmlUrl`` = the section page).
- ``feed.xsl`` (``[output] stylesheet = true``) turns RSS and Atom into a readable page in a browser: the
  feeds then start with ``<?xml-stylesheet type="text/xsl" href="…/feed.xsl"?>`` (a relative href, so the
  stylesheet comes from the same origin as the feed, as browsers require).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from syndicate.media import FORMAT_TYPES
from syndicate.model import text_direction
from syndicate.render._common import config_text
from syndicate.sanitize import xml_safe
from syndicate.urls import safe_uri

INDEX = "index.html"
OPML = "feeds.opml"
XSL = "feed.xsl"

FORMAT_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed", "newsml": "NewsML-G2"}
LANGUAGE_NAMES = {"en": "English", "ar": "العربية", "es": "Español", "fr": "Français", "de": "Deutsch",
                  "tr": "Türkçe", "fa": "فارسی", "ru": "Русский", "he": "עברית", "ur": "اردو"}
#: page texts per language: (heading "Feeds", "Every language", "All feeds as OPML")
_TEXTS = {"en": ("Feeds", "Every language", "All feeds (OPML)"),
          "ar": ("الخلاصات", "كل اللغات", "كل الخلاصات (OPML)"),
          "es": ("Fuentes", "Todos los idiomas", "Todas las fuentes (OPML)"),
          "fr": ("Flux", "Toutes les langues", "Tous les flux (OPML)")}
_OPML_ORDER = ("rss", "atom", "json")


@dataclass(frozen=True)
class FeedEntry:
    """One (language, category) feed and the URLs of its written files by format."""

    lang: str
    category: str
    name: str                                # localised section name, e.g. "Politics"
    title: str                               # feed title, e.g. "Politics — Levant Desk"
    home_url: str
    files: tuple[tuple[str, str], ...]       # (fmt, public URL), in config order; only files that exist


def _e(text: str) -> str:
    return html.escape(xml_safe(text), quote=True)


def _url(url: str) -> str:
    return _e(safe_uri(url) or "")


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang.split("-")[0].lower(), lang)


def _texts(lang: str) -> tuple[str, str, str]:
    return _TEXTS.get(lang.split("-")[0].lower(), _TEXTS["en"])


def index_html(site_name: str, feeds: Sequence[FeedEntry], *, lang: str, languages: Sequence[tuple[str, str]],
               opml_url: str, root_url: str | None) -> bytes:
    """One index page in ``lang`` listing ``feeds`` (grouped by language, in the given order).

    ``languages`` are (lang, URL of its page) for the language navigation; ``root_url`` links back to the
    page of every language (``None`` on that page itself).
    """
    heading, every_language, opml_label = _texts(lang)
    site = config_text(site_name)
    direction = text_direction(lang)
    head = [f'<!DOCTYPE html>\n<html lang="{_e(lang)}" dir="{direction}">\n<head>\n<meta charset="utf-8"/>',
            '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
            f"<title>{_e(heading)} — {_e(site)}</title>",
            "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem;line-height:1.5}"
            "li{margin:.3rem 0}.formats a{margin-inline-end:.6rem}</style>"]
    for feed in feeds:
        for fmt, url in feed.files:
            label = f"{config_text(feed.title)} ({FORMAT_LABELS.get(fmt, fmt)})"
            head.append(f'<link rel="alternate" type="{FORMAT_TYPES[fmt]}" hreflang="{_e(feed.lang)}" '
                        f'title="{_e(label)}" href="{_url(url)}"/>')
    head.append(f'<link rel="outline" type="text/x-opml" title="{_e(opml_label)}" href="{_url(opml_url)}"/>')
    body = ["</head>\n<body>", f"<h1>{_e(heading)} — {_e(site)}</h1>"]
    nav = []
    if root_url is not None:
        nav.append(f'<a href="{_url(root_url)}">{_e(every_language)}</a>')
    for other, url in languages:
        nav.append(f'<a href="{_url(url)}" hreflang="{_e(other)}" lang="{_e(other)}" '
                   f'dir="{text_direction(other)}">{_e(language_name(other))}</a>')
    if nav:
        body.append('<nav class="languages">' + " · ".join(nav) + "</nav>")
    by_lang: dict[str, list[FeedEntry]] = {}
    for feed in feeds:
        by_lang.setdefault(feed.lang, []).append(feed)
    for feed_lang, group in by_lang.items():
        body.append(f'<section lang="{_e(feed_lang)}" dir="{text_direction(feed_lang)}">'
                    f"<h2>{_e(language_name(feed_lang))}</h2>\n<ul>")
        for feed in group:
            links = " ".join(f'<a href="{_url(url)}" type="{FORMAT_TYPES[fmt]}">{_e(FORMAT_LABELS.get(fmt, fmt))}</a>'
                             for fmt, url in feed.files)
            body.append(f'<li class="feed" data-feed="{_e(feed.lang)}/{_e(feed.category)}">'
                        f'<a href="{_url(feed.home_url)}">{_e(config_text(feed.name))}</a> '
                        f'<span class="formats">{links}</span></li>')
        body.append("</ul></section>")
    body.append(f'<p><a href="{_url(opml_url)}" type="text/x-opml">{_e(opml_label)}</a></p>\n</body>\n</html>\n')
    return "\n".join(head + body).encode("utf-8")


def opml(site_name: str, feeds: Sequence[FeedEntry]) -> bytes:
    """OPML 2.0 subscription list: one outline per language, one per category inside it. No dates (stable)."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = f"{config_text(site_name)} — feeds"
    body = etree.SubElement(root, "body")
    groups: dict[str, etree._Element] = {}
    for feed in feeds:
        files = dict(feed.files)
        fmt = next((f for f in _OPML_ORDER if f in files), None)
        if fmt is None:
            continue
        if feed.lang not in groups:
            name = language_name(feed.lang)
            groups[feed.lang] = etree.SubElement(body, "outline", text=name, title=name, language=feed.lang)
        title = config_text(feed.title)
        etree.SubElement(groups[feed.lang], "outline", type="rss", text=title, title=title,
                         xmlUrl=safe_uri(files[fmt]) or "", htmlUrl=safe_uri(feed.home_url) or "",
                         language=feed.lang, version="RSS2" if fmt == "rss" else fmt)
    out: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return out


def with_stylesheet(body: bytes, href: str) -> bytes:
    """An XML feed document with the ``xml-stylesheet`` processing instruction after its declaration."""
    pi = f'<?xml-stylesheet type="text/xsl" href="{html.escape(href, quote=True)}"?>\n'.encode()
    if body.startswith(b"<?xml"):
        end = body.index(b"?>") + 2
        newline = b"\n" if body[end:end + 1] == b"\n" else b""
        return body[:end] + b"\n" + pi + body[end + len(newline):]
    return pi + body


_RTL_TEST = " or ".join(f"starts-with($lang, '{code}')" for code in ("ar", "fa", "he", "ur", "ps", "yi", "dv"))

FEED_XSL = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- syndicate: shows an RSS 2.0 or Atom feed as a readable page in a browser. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="yes"/>
  <xsl:variable name="lang" select="string(/rss/channel/language | /atom:feed/@xml:lang)"/>
  <xsl:variable name="dir"><xsl:choose><xsl:when test="{_RTL_TEST}">rtl</xsl:when>
    <xsl:otherwise>ltr</xsl:otherwise></xsl:choose></xsl:variable>
  <!-- RSS titles that look like markup are HTML-escaped once more (render.rss.rss_text): undo exactly that
       one level as text (&lt; and &gt; first, &amp; last); the serialiser escapes the result, so it stays text -->
  <xsl:template name="replace">
    <xsl:param name="text"/><xsl:param name="from"/><xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/><xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/><xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="rss-text">
    <xsl:param name="text"/>
    <xsl:variable name="lt"><xsl:call-template name="replace"><xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="from" select="'&amp;lt;'"/><xsl:with-param name="to" select="'&lt;'"/>
    </xsl:call-template></xsl:variable>
    <xsl:variable name="gt"><xsl:call-template name="replace"><xsl:with-param name="text" select="$lt"/>
      <xsl:with-param name="from" select="'&amp;gt;'"/><xsl:with-param name="to" select="'&gt;'"/>
    </xsl:call-template></xsl:variable>
    <xsl:call-template name="replace"><xsl:with-param name="text" select="$gt"/>
      <xsl:with-param name="from" select="'&amp;amp;'"/><xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:variable name="title"><xsl:choose>
    <xsl:when test="/rss"><xsl:call-template name="rss-text">
      <xsl:with-param name="text" select="string(/rss/channel/title)"/></xsl:call-template></xsl:when>
    <xsl:otherwise><xsl:value-of select="/atom:feed/atom:title"/></xsl:otherwise></xsl:choose></xsl:variable>
  <xsl:variable name="subtitle"><xsl:choose>
    <xsl:when test="/rss"><xsl:call-template name="rss-text">
      <xsl:with-param name="text" select="string(/rss/channel/description)"/></xsl:call-template></xsl:when>
    <xsl:otherwise><xsl:value-of select="/atom:feed/atom:subtitle"/></xsl:otherwise></xsl:choose></xsl:variable>
  <xsl:template match="/">
    <html lang="{{$lang}}" dir="{{$dir}}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <style>body{{font-family:system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem;line-height:1.5}}
          .note{{background:#eef;padding:.5rem}} li{{margin:.6rem 0}}</style>
      </head>
      <body>
        <p class="note">This is a news feed. Copy its address into a feed reader to subscribe.</p>
        <h1><xsl:value-of select="$title"/></h1>
        <p><xsl:value-of select="$subtitle"/></p>
        <ul class="items">
          <xsl:for-each select="/rss/channel/item">
            <li class="item"><a href="{{link}}"><xsl:call-template name="rss-text">
              <xsl:with-param name="text" select="string(title)"/></xsl:call-template></a>
              <br/><small><xsl:value-of select="pubDate"/></small></li>
          </xsl:for-each>
          <xsl:for-each select="/atom:feed/atom:entry">
            <li class="item" lang="{{@xml:lang}}"><a href="{{atom:link[@rel='alternate'][1]/@href}}">
              <xsl:value-of select="atom:title"/></a>
              <br/><small><xsl:value-of select="atom:updated"/></small></li>
          </xsl:for-each>
        </ul>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
"""


def feed_xsl() -> bytes:
    return FEED_XSL.encode("utf-8")
