"""Inspect the prologue of an untrusted XML document before any XML parser sees it.

We decode the document ourselves (BOM, then the declared encoding), read comments, processing instructions and the
DOCTYPE up to the root element's start tag, and refuse a document whose DOCTYPE declares entities (XXE, billion
laughs, quadratic blowup) or points at an external DTD. A bare ``<!DOCTYPE rss>`` and the well-known Netscape RSS
0.91 DOCTYPE (which feedparser recognises and never fetches) are allowed. Work is linear in the prologue size. The
checked text is handed on re-encoded as UTF-8, so the parser reads exactly what was checked.

Contains no I/O and no XML parser."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from syndicate.errors import IngestError
from syndicate.sanitize import xml_safe

#: The only external DTD we let through: RSS 0.91's, which feedparser handles without fetching it.
ALLOWED_PUBLIC_IDS = frozenset({"-//Netscape Communications//DTD RSS 0.91//EN"})
_NAME = re.compile(r"[A-Za-z_:][-\w.:]*")
_PUBLIC = re.compile(r"""\s+PUBLIC\s+(["'])(.*?)\1""", re.S)
_ENCODING = re.compile(r"""\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_DECLARATION = re.compile(r"\s*<\?xml\s.*?\?>", re.S)


@dataclass(frozen=True)
class Prologue:
    """What precedes the root element: the DOCTYPE (if any) split into its parts, and the root's name."""

    root: str | None                 # qualified name of the root element ("rss", "feed", "rdf:RDF"), None if not XML
    doctype: str | None = None       # the whole <!DOCTYPE …> declaration
    external_id: str = ""            # text between the DOCTYPE name and the internal subset ("PUBLIC …" / "SYSTEM …")
    internal_subset: str = ""        # text between [ and ]

    @property
    def local_root(self) -> str | None:
        return self.root.rsplit(":", 1)[-1] if self.root else None


def decode_xml(data: bytes) -> str:
    """Decode an XML document the way an XML parser would: BOM, else UTF-16 ``<?`` pattern, else the
    ``encoding`` of the XML declaration, else UTF-8. Undecodable bytes become U+FFFD.

    Decoding ourselves (instead of letting the parser do it) means the prologue we check is exactly the
    text the parser reads, whatever the declared encoding (UTF-7, Shift_JIS, EBCDIC…).

    Raises:
        IngestError: the declared encoding is unknown.
    """
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    for pattern, codec in ((b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
                           (b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be")):
        if data[:4] == pattern:
            return data.decode(codec, errors="replace")
    declared = _ENCODING.match(data[:1024].decode("latin-1"))
    codec = declared.group(1) if declared else "utf-8"
    try:
        codecs.lookup(codec)
    except LookupError:
        raise IngestError(f"unknown character encoding {codec!r}") from None
    return data.decode(codec, errors="replace")


def _doctype_end(text: str, start: int) -> tuple[int, int, int]:
    """End of a DOCTYPE starting at ``start``; also the bounds of its internal subset (or -1, -1)."""
    quote = ""
    subset_start = subset_end = -1
    i = start
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "[" and subset_start < 0:
            subset_start = i + 1
        elif ch == "]" and subset_start >= 0 and subset_end < 0:
            subset_end = i
        elif ch == "<" and subset_start >= 0 and subset_end < 0 and text.startswith("<!--", i):
            close = text.find("-->", i + 4)
            i = len(text) if close < 0 else close + 2
        elif ch == ">" and (subset_start < 0 or subset_end >= 0):
            return i + 1, subset_start, subset_end
        i += 1
    raise IngestError("unterminated DOCTYPE declaration")


def read_prologue(text: str) -> Prologue:
    """Scan the prologue of the decoded document ``text``; ``root`` is ``None`` when it does not start like XML."""
    i = len(text) - len(text.lstrip())
    doctype: tuple[str, str, str] | None = None
    while i < len(text):
        if text.startswith("<?", i):
            end = text.find("?>", i + 2)
            if end < 0:
                return Prologue(root=None)
            i = end + 2
        elif text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            if end < 0:
                return Prologue(root=None)
            i = end + 3
        elif text[i:i + 9].upper() == "<!DOCTYPE":
            end, s0, s1 = _doctype_end(text, i + 9)
            j = i + 9
            while j < len(text) and text[j].isspace():
                j += 1
            name = _NAME.match(text, j)
            head_end = s0 - 1 if s0 >= 0 else end - 1
            doctype = (text[i:end], text[name.end() if name else j:head_end].strip(), text[s0:s1] if s0 >= 0 else "")
            i = end
        elif text.startswith("<", i):
            match = _NAME.match(text, i + 1)
            root = match.group(0) if match else None
            if doctype is None:
                return Prologue(root=root)
            return Prologue(root=root, doctype=doctype[0], external_id=doctype[1], internal_subset=doctype[2])
        elif text[i].isspace():
            i += 1
        else:
            return Prologue(root=None)
    return Prologue(root=None)


def check_prologue(prologue: Prologue, name: str = "<input>") -> Prologue:
    """Refuse entity declarations and external DTDs in ``prologue``; return it unchanged otherwise.

    Raises:
        IngestError: the DOCTYPE declares entities, uses parameter entities or names an external DTD
            (other than RSS 0.91's public id).
    """
    if prologue.doctype is None:
        return prologue
    subset = prologue.internal_subset
    if "<!ENTITY" in subset.upper():
        raise IngestError("refused: the DOCTYPE declares entities (XXE / entity expansion)", context=name)
    if "%" in subset:
        raise IngestError("refused: the DOCTYPE uses parameter entities", context=name)
    external = prologue.external_id
    if external:
        public = _PUBLIC.match(" " + external)
        if public is None or public.group(2).strip() not in ALLOWED_PUBLIC_IDS:
            raise IngestError(f"refused: the DOCTYPE names an external DTD ({external[:120]})", context=name)
    return prologue


def guard_xml(data: bytes, name: str = "<input>") -> tuple[Prologue, bytes]:
    """Decode ``data``, check its prologue and return it as UTF-8 with a matching XML declaration.

    XML-illegal characters are replaced by spaces (:func:`~syndicate.sanitize.xml_safe`) so one stray
    control character does not make the whole document malformed.

    Raises:
        IngestError: see :func:`decode_xml` and :func:`check_prologue`.
    """
    text = xml_safe(decode_xml(data))
    prologue = check_prologue(read_prologue(text), name)
    body = _DECLARATION.sub("", text, count=1) if _DECLARATION.match(text) else text
    return prologue, ('<?xml version="1.0" encoding="utf-8"?>\n' + body.lstrip()).encode("utf-8")
