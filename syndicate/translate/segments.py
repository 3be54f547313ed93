"""Cut titles, summaries and HTML bodies into translatable sentences, and put the translations back.

Strategy for HTML: *text-node segments*. The fragment is parsed with lxml and walked element by element;
every text node (an element's ``text`` and each child's ``tail``) is split into sentences, and only those
sentences are translated. Tags, attributes and links are never sent to an engine, so they survive exactly,
with any engine. Left untouched: ``code``, ``pre``, ``kbd``, ``samp``, ``script``, ``style`` and any element
with ``translate="no"`` (with everything inside; the text after it is translated). The ``alt`` and ``title``
attributes of translated elements are segments too; every other attribute is kept as it is.

Engines only ever see *plain text*: an HTML text node is already plain (lxml decoded its entities), and a
stored title or summary (the entity-protected form of :func:`syndicate.sanitize.text_field`) is read as the
renderers read it (:func:`~syndicate.sanitize.plain_text`) before it is sent, and the answer is protected
again (:func:`~syndicate.sanitize.protect_text`), so ``&lt;table 2&gt;`` or ``&amp;copy`` survive a round trip.

Why not placeholders (``<b>`` → ``⟦1⟧``)? Argos models were never trained on placeholders and drop or move
them; a sentence that spans inline markup is instead translated in pieces (less context, but never broken
markup). The result is re-sanitised with :func:`syndicate.sanitize.clean_html`.

Contains no engine calls: a template lists its segments, and ``render`` takes ``{segment: translation}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Union

import lxml.etree as etree
import lxml.html

from syndicate.errors import TranslationError
from syndicate.sanitize import clean_html, plain_text, protect_text, xml_safe
from syndicate.translate.memory import normalise_segment
from syndicate.translate.splitter import split_spans

#: attributes whose text is translated (on elements that are translated themselves)
TEXT_ATTRIBUTES = ("alt", "title")
SKIP_TAGS = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"})

_Part = Union[str, "_Seg"]


class _Seg(str):
    """A translatable segment (already normalised) inside a template's parts."""


def _text_parts(text: str, stored: bool = False) -> list[_Part]:
    """Literal separators and sentence segments, in order, such that joining the sources gives ``text``
    (up to white space inside a sentence, which engines collapse anyway). ``stored``: ``text`` is a stored
    text field; each segment is then its visible plain text (what the renderers show)."""
    parts: list[_Part] = []
    pos = 0
    for start, end in split_spans(text):
        if start > pos:
            parts.append(text[pos:start])
        seg = normalise_segment(plain_text(text[start:end]) if stored else text[start:end])
        # punctuation, symbols or numbers alone are kept as they are (nothing to translate, nothing to lose)
        parts.append(_Seg(seg) if any(ch.isalpha() for ch in seg) else text[start:end])
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
    return parts


def _fill(parts: list[_Part], translations: Mapping[str, str], stored: bool = False) -> str:
    out = []
    for p in parts:
        if isinstance(p, _Seg):
            if p not in translations:
                raise TranslationError("segment has no translation", context=p[:60])
            text = xml_safe(translations[p])      # engines can emit control characters (byte pieces)
            out.append(protect_text(text) if stored else text)
        else:
            out.append(p)
    return "".join(out)


class TextTemplate:
    """A stored text field (title, summary): sentences are segments, sent as their visible plain text and
    protected again on the way back; line breaks, blank lines and the white space between sentences are
    kept exactly."""

    def __init__(self, text: str) -> None:
        self.parts = _text_parts(text, stored=True)

    @property
    def segments(self) -> list[str]:
        """The normalised sentences to translate, in order (may repeat)."""
        return [str(p) for p in self.parts if isinstance(p, _Seg)]

    def render(self, translations: Mapping[str, str]) -> str:
        """The text with every segment replaced by its translation.

        Raises:
            TranslationError: a segment is missing from ``translations``.
        """
        return _fill(self.parts, translations, stored=True)


class HtmlTemplate:
    """An HTML fragment whose text nodes are segments (see the module docstring)."""

    def __init__(self, fragment: str, base_url: str | None = None) -> None:
        self.base_url = base_url
        try:
            self.root = lxml.html.fragment_fromstring(fragment or "", create_parent="div")
        except (etree.ParserError, ValueError) as exc:
            raise TranslationError("body is not parseable HTML") from exc
        self.slots: list[tuple[etree._Element, str, list[_Part]]] = []
        self._walk(self.root)

    def _add(self, el: etree._Element, attr: str) -> None:
        text = _get(el, attr)
        if text and text.strip():
            self.slots.append((el, attr, _text_parts(text)))

    def _walk(self, el: etree._Element) -> None:
        for name in TEXT_ATTRIBUTES:
            self._add(el, "@" + name)
        self._add(el, "text")
        for child in el:
            if isinstance(child.tag, str) and not (child.tag.lower() in SKIP_TAGS
                                                   or child.get("translate", "").lower() == "no"):
                self._walk(child)
            self._add(child, "tail")       # text after a child belongs to this element, even a skipped child

    @property
    def segments(self) -> list[str]:
        """The normalised sentences to translate, in document order (may repeat)."""
        return [str(p) for _, _, parts in self.slots for p in parts if isinstance(p, _Seg)]

    def render(self, translations: Mapping[str, str]) -> str:
        """Sanitised HTML with every segment replaced by its translation (the template itself is unchanged).

        Raises:
            TranslationError: a segment is missing from ``translations``.
        """
        filled = {(id(el), attr): _fill(parts, translations) for el, attr, parts in self.slots}
        originals = [(el, attr, _get(el, attr)) for el, attr, _ in self.slots]
        try:
            for el, attr, _ in self.slots:
                _set(el, attr, filled[(id(el), attr)])
            html = _inner_html(self.root)
        finally:
            for el, attr, value in originals:
                _set(el, attr, value)
        return clean_html(html, self.base_url)


def _get(el: etree._Element, slot: str) -> str | None:
    """An element's ``text``/``tail``, or the attribute ``name`` for slot ``"@name"``."""
    if slot.startswith("@"):
        attr: str | None = el.get(slot[1:])
        return attr
    value: str | None = getattr(el, slot)
    return value


def _set(el: etree._Element, slot: str, value: str | None) -> None:
    if slot.startswith("@"):
        if value is not None:
            el.set(slot[1:], value)
    else:
        setattr(el, slot, value)


def _inner_html(root: etree._Element) -> str:
    head = escape(root.text or "", quote=False)
    return head + "".join(etree.tostring(child, encoding="unicode", method="html") for child in root)
