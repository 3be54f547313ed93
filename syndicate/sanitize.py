"""Text cleaning shared by ingest and every renderer.

- :func:`xml_safe` replaces characters that XML 1.0 forbids (and C0/C1 controls, DEL, lone surrogates,
  U+FFFE/U+FFFF) by one space, so words never merge and lxml never raises.
- :func:`clean_html` keeps an allow-list of tags and attributes (nh3), drops ``script``/``style``/``iframe``
  with their content, event attributes and ``javascript:``/``data:`` URLs, and makes relative URLs absolute.
- :func:`plain_text` turns a title into plain text: entities unescaped, tags stripped, spaces collapsed.
  It is *the* documented cleaning of every one-line text field (title, summary, author, credit): what a reader
  sees in any output is ``plain_text`` of what the source gave.
- :func:`text_field` is how ingest stores such a field: the visible text, with only the ``<`` and ``&`` that
  :func:`plain_text` would read as markup escaped, so ``plain_text(text_field(x)) == plain_text(x)`` and renderers
  (which apply :func:`plain_text` again) show exactly the visible text. For ordinary text it changes nothing.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import nh3

from syndicate.urls import safe_uri

# Everything outside the XML 1.0 Char production, plus DEL and the C1 controls (U+007F–U+009F).
_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
)
# Bidi embedding/override/isolate controls: allowed by XML but let a title spoof its neighbours.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")
# Only what an HTML parser reads as markup: "<" followed by a letter, "/letter", "!" or "?". A "<" before a
# space or a digit is text ("growth < 3%", "<2%"), so it must survive.
_TAG = re.compile(r"<(?:[A-Za-z!?]|/[A-Za-z])[^>]*>")
_TAG_START = re.compile(r"<(?=[A-Za-z!?]|/[A-Za-z])")
# Elements whose content is never visible text.
_HIDDEN = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
# Same as the character reference pattern of html.unescape.
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dfn", "div", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"lang", "dir", "title", "translate"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})


def xml_safe(text: str) -> str:
    """Replace every XML-illegal or control character by one space (never delete: words must not merge)."""
    return _ILLEGAL.sub(" ", text)


def strip_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS.sub("", text)


@lru_cache(maxsize=16384)
def plain_text(text: str) -> str:
    """Plain one-line text for titles, names and summaries: tags stripped, entities unescaped,
    XML-illegal characters and bidi overrides removed, white space collapsed."""
    text = xml_safe(text)
    text = _HIDDEN.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = xml_safe(text)                  # entities may have produced control characters
    text = strip_bidi_controls(text)
    return _SPACES.sub(" ", text).strip()


# Elements of HTML (and the old presentational ones) that a byline may carry as markup; any other "<word>" in
# a name is text ("World & <Region>", "Desk <North>").
_HTML_ELEMENTS = frozenset(ALLOWED_TAGS | {
    "address", "area", "article", "aside", "audio", "base", "bdi", "bdo", "big", "body", "button", "canvas",
    "center", "col", "colgroup", "data", "datalist", "details", "dialog", "embed", "fieldset", "font", "footer",
    "form", "frame", "frameset", "h1", "head", "header", "html", "iframe", "input", "label", "legend", "link",
    "main", "map", "marquee", "meta", "meter", "nav", "nobr", "noscript", "object", "optgroup", "option",
    "output", "param", "picture", "progress", "rp", "rt", "ruby", "script", "section", "select", "slot",
    "source", "strike", "style", "summary", "svg", "math", "template", "textarea", "title", "track", "tt",
    "var", "video", "wbr", "xmp",
})
_ANY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>|<![^<>]*>|<\?[^<>]*>")


def _strip_html_tag(match: re.Match[str]) -> str:
    name = match.group(2)
    return " " if name is None or name.lower() in _HTML_ELEMENTS else match.group(0)


@lru_cache(maxsize=16384)
def name_text(text: str) -> str:
    """A name or byline (author, credit) as visible text: like :func:`plain_text`, but only real HTML tags are
    markup; any other ``<word>`` stays, so ``World & <Region>`` keeps its ``<Region>``."""
    text = xml_safe(text)
    text = _HIDDEN.sub(" ", text)
    text = _ANY_TAG.sub(_strip_html_tag, text)
    text = html.unescape(text)
    text = xml_safe(text)
    text = strip_bidi_controls(text)
    return _SPACES.sub(" ", text).strip()


def _escape_charref(match: re.Match[str]) -> str:
    ref = match.group(0)
    return "&amp;" + ref[1:] if html.unescape(ref) != ref else ref


def text_field(text: str) -> str:
    """The stored form of a one-line text field: :func:`plain_text`, then ``<`` and ``&`` escaped only where
    :func:`plain_text` would read them as a tag or a character reference.

    ``plain_text(text_field(x)) == plain_text(x)`` for every ``x`` (the renderers' second pass is lossless),
    and ``text_field(x) == plain_text(x)`` for text without such sequences (``"AT&T"``, ``"growth < 3%"``).
    """
    return protect_text(plain_text(text))


def protect_text(visible: str) -> str:
    """Escape the ``<`` and ``&`` of already visible text that :func:`plain_text` would read as markup, so that
    ``plain_text(protect_text(v)) == v`` for any output ``v`` of :func:`plain_text`."""
    return _TAG_START.sub("&lt;", _CHARREF.sub(_escape_charref, visible))


@lru_cache(maxsize=16384)
def absolute_url(url: str, base: str | None) -> str | None:
    """``url`` made absolute against ``base``; ``None`` for schemes we do not publish (javascript:, data:…)."""
    url = url.strip()
    if base:
        url = urljoin(base, url)
    scheme = urlsplit(url).scheme.lower()
    if scheme not in URL_SCHEMES:
        return None
    return url


@lru_cache(maxsize=16384)
def clean_html(fragment: str, base_url: str | None = None) -> str:
    """Allow-listed HTML fragment, safe to embed in RSS, Atom, JSON Feed and XHTML.

    ``base_url`` (the article's URL or the site URL) resolves relative ``href``/``src``/``cite``.
    """

    def _filter(tag: str, attribute: str, value: str) -> str | None:
        if attribute in _URL_ATTRIBUTES:
            url = absolute_url(value, base_url)
            return safe_uri(url) if url else None      # IRI → URI; an unrepairable link is dropped
        return value

    cleaned = nh3.clean(
        xml_safe(fragment),
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style", "iframe", "object", "embed", "noscript", "template", "svg",
                            "math", "textarea", "select"},
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_filter,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    return xml_safe(cleaned).strip()


def text_to_html(text: str) -> str:
    """Plain text with blank-line separated paragraphs → ``<p>`` paragraphs (escaped)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", xml_safe(text)) if p.strip()]
    return "".join(f"<p>{html.escape(_SPACES.sub(' ', p), quote=False)}</p>" for p in paragraphs)


def headline_from(text: str, limit: int = 110) -> str:
    """A headline for an untitled item: its first sentence, cut at a word boundary near ``limit``
    characters with an ellipsis when cut."""
    text = plain_text(text)
    match = re.search(r"(?<=[.!?؟…])[\"'”’»)]?\s", text)
    sentence = text[: match.start()].rstrip() if match else text
    sentence = sentence.rstrip()
    if len(sentence) <= limit:
        return sentence.rstrip(" .") if sentence.endswith(".") and not sentence.endswith("..") else sentence
    cut = sentence[: limit + 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    else:
        cut = cut[:limit]
    return cut.rstrip(" ,;:-–—") + "…"
