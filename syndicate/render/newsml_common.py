"""Shared pieces of the NewsML-G2 renderer: namespaces, our scheme aliases, dates, element helpers and the
XHTML body builder. Pure functions, no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import lxml.html
from lxml import etree

from syndicate.config import Site
from syndicate.errors import RenderError
from syndicate.sanitize import xml_safe

NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
STANDARD_VERSION = "2.35"

#: Our own (non-IPTC) scheme aliases, declared in every item's inline catalog.
CATEGORY_ALIAS = "syncat"      # our category scheme: syncat:<slug>
SERVICE_ALIAS = "synsvc"       # our feeds as services: synsvc:<lang>/<category>
NOTE_ALIAS = "synnote"         # edNote roles: synnote:correction|machineTranslation|embargo|withheld|kill
ROLE_ALIAS = "exrole"          # contributor roles: exrole:machineTranslation
CREDIT_ROLE_ALIAS = "cRole"    # infoSource role: cRole:source (the spelling Superdesk's ingest matches)


def nar(tag: str) -> str:
    """Clark name of a NewsML-G2 (NAR namespace) element."""
    return f"{{{NAR}}}{tag}"


def sub(parent: etree._Element, tag: str, text: str | None = None,
        attrs: Iterable[tuple[str, str | None]] = ()) -> etree._Element:
    """Append a NAR element with attributes in the given (fixed) order; ``None`` values are left out.

    Every text and attribute value goes through :func:`xml_safe`.
    """
    el = etree.SubElement(parent, nar(tag))
    for key, value in attrs:
        if value is not None:
            el.set(key, xml_safe(value))
    if text is not None:
        el.text = xml_safe(text)
    return el


def g2_datetime(value: datetime, *, what: str = "datetime", item: str | None = None) -> str:
    """``xs:dateTime`` in UTC with a ``Z`` offset; naive datetimes are a :class:`RenderError`."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise RenderError(f"{what} must be timezone-aware, got {value.isoformat()}", context=item)
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def own_schemes(site: Site, category_scheme: str) -> list[tuple[str, str]]:
    """(alias, uri) of every non-IPTC alias we use, in a fixed order."""
    base = site.base_url if site.base_url.endswith("/") else site.base_url + "/"
    feeds = site.feeds_url if site.feeds_url.endswith("/") else site.feeds_url + "/"
    return [
        (CATEGORY_ALIAS, category_scheme or base + "categories/"),
        (SERVICE_ALIAS, feeds),
        (NOTE_ALIAS, base + "newscodes/ednoterole/"),
        (ROLE_ALIAS, base + "newscodes/contributorrole/"),
        (CREDIT_ROLE_ALIAS, base + "newscodes/sourcerole/"),
    ]


def xhtml_document(title: str, body_html: str, lang: str, direction: str) -> etree._Element:
    """A full XHTML ``<html lang dir><head><title/></head><body>…</body></html>`` element.

    ``body_html`` must already be sanitised (:func:`syndicate.sanitize.clean_html`); it is parsed into
    real XHTML elements, never embedded as escaped text.
    """
    html = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML})
    html.set("lang", lang)
    html.set("dir", direction)
    head = etree.SubElement(html, f"{{{XHTML}}}head")
    etree.SubElement(head, f"{{{XHTML}}}title").text = xml_safe(title)
    body = etree.SubElement(html, f"{{{XHTML}}}body")
    if body_html.strip():
        try:
            fragment = lxml.html.fragment_fromstring(body_html, create_parent="div")
        except (etree.LxmlError, ValueError) as exc:
            raise RenderError("body is not parseable HTML") from exc
        _copy_children(fragment, body)
        _unindented(body)
    return html


#: block elements of the sanitiser's allow-list: a newline after each keeps text readers' words apart
_BLOCKS = frozenset({"p", "div", "ul", "ol", "li", "blockquote", "pre", "figure", "figcaption", "table", "caption",
                     "thead", "tbody", "tfoot", "tr", "td", "th", "h2", "h3", "h4", "h5", "h6", "hr", "dl", "dt", "dd"})


def _unindented(body: etree._Element) -> None:
    """Keep the serialiser's indentation out of the XHTML body, newline after each block instead.

    A text node in ``<body>`` makes libxml2's pretty-printer leave all inside it as built. Indented, a block that
    holds only elements (``<ul>``, ``<blockquote><p>``) gets whitespace text, which Superdesk's ingest parser keeps
    as body (an empty ``<ul>\\n      </ul>``), with other whitespace in a ``newsMessage`` (nested deeper) than in
    the item file of the same version. Newlines go only after blocks (tails), never before a block's first child.
    """
    if body.text is None:
        body.text = "\n"
    for el in body.iter():
        if el is not body and isinstance(el.tag, str) and etree.QName(el).localname in _BLOCKS and not el.tail:
            el.tail = "\n"


def _copy_children(source: etree._Element, target: etree._Element) -> None:
    """Copy text and element children of an HTML element into ``target`` as XHTML elements."""
    target.text = xml_safe(source.text) if source.text else None
    last: etree._Element | None = None
    for child in source:
        if isinstance(child.tag, str):
            el = etree.SubElement(target, f"{{{XHTML}}}{child.tag.lower()}")
            for key in sorted(child.attrib):
                if ":" not in key:       # the allow-list has no namespaced attributes; be strict anyway
                    el.set(key, xml_safe(child.attrib[key]))
            _copy_children(child, el)
            last = el
        tail = xml_safe(child.tail) if child.tail else None
        if tail is None:
            continue
        if not isinstance(child.tag, str):     # comment or PI dropped: keep its tail text
            if last is None:
                target.text = (target.text or "") + tail
            else:
                last.tail = (last.tail or "") + tail
        else:
            el.tail = tail
