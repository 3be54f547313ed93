"""Validators for our outputs, offline: Atom (RELAX NG + ISO Schematron), RSS/Atom (feedparser, bozo),
JSON Feed 1.1 (JSON Schema) and NewsML-G2 (IPTC XSD).

Schema files are not shipped with syndicate: pass their paths (config ``[newsml] schema``, ``--schema``),
e.g. the copies in ``../shared/schemas/``. Each validator is built once and reused; ``errors(body)`` returns
a list of ``"line N: message"`` strings (empty when valid).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from lxml import etree, isoschematron

from syndicate.errors import ValidationError

#: Parser for untrusted XML: no entities, no DTDs, no network.
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_xml(body: bytes) -> etree._Element:
    try:
        return etree.fromstring(body, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ValidationError(f"not well-formed XML: {exc}") from None


def _log(log: etree._ListErrorLog) -> list[str]:
    return [f"line {e.line}: {e.message}" for e in log]


class AtomValidator:
    """RFC 4287 RELAX NG plus the RFC's co-occurrence rules as ISO Schematron."""

    def __init__(self, rng_path: str | Path, sch_path: str | Path | None = None) -> None:
        try:
            self.rng = etree.RelaxNG(etree.parse(str(rng_path), SAFE_PARSER))
            self.sch = isoschematron.Schematron(etree.parse(str(sch_path), SAFE_PARSER)) if sch_path else None
        except (OSError, etree.LxmlError) as exc:
            raise ValidationError(f"cannot load Atom schema {rng_path}") from exc

    def errors(self, body: bytes) -> list[str]:
        try:
            doc = parse_xml(body)
        except ValidationError as exc:
            return [str(exc)]
        out = [] if self.rng.validate(doc) else _log(self.rng.error_log)
        if self.sch is not None and not self.sch.validate(doc):
            out += _log(self.sch.error_log) or ["schematron: rule failed"]
        return out


class _LocalXmlXsd(etree.Resolver):  # type: ignore[misc]  # lxml ships no type information
    """Map a remote ``…/xml.xsd`` import to the local copy beside the NewsML-G2 XSD; refuse everything else."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        if url and url.startswith(("http://", "https://")) and url.endswith("/xml.xsd"):
            return self.resolve_filename(str(self.folder / "xml.xsd"), context)
        return None


class NewsMLValidator:
    """The IPTC NewsML-G2 XSD (e.g. ``NewsML-G2_2.35-spec-All-Power.xsd``, with ``xml.xsd`` beside it)."""

    def __init__(self, xsd_path: str | Path) -> None:
        path = Path(xsd_path)
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        parser.resolvers.add(_LocalXmlXsd(path.parent))
        try:
            self.schema = etree.XMLSchema(etree.parse(str(path), parser))
        except (OSError, etree.LxmlError) as exc:
            raise ValidationError(f"cannot load NewsML-G2 schema {path}") from exc

    def errors(self, body: bytes) -> list[str]:
        try:
            doc = parse_xml(body)
        except ValidationError as exc:
            return [str(exc)]
        return [] if self.schema.validate(doc) else _log(self.schema.error_log)


@lru_cache(maxsize=4)
def newsml_validator(xsd_path: str) -> NewsMLValidator:
    """One validator per schema path per process (loading takes ~10 ms... and more on cold disks)."""
    return NewsMLValidator(xsd_path)


def feedparser_errors(body: bytes) -> list[str]:
    """RSS or Atom through feedparser: any ``bozo`` is an error."""
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.bozo:
        return [f"feedparser: {type(parsed.bozo_exception).__name__}: {parsed.bozo_exception}"]
    if not parsed.version:
        return ["feedparser: not recognised as RSS or Atom"]
    return []


class JsonFeedValidator:
    """JSON Feed 1.1 JSON Schema (``json-feed-schema.json`` + ``json-feed-item-schema.json`` in one folder)."""

    def __init__(self, folder: str | Path) -> None:
        try:
            import jsonschema
            from referencing import Registry, Resource
        except ImportError as exc:
            raise ValidationError("JSON Feed validation needs the jsonschema package "
                                  "(pip install jsonschema, or the project's 'dev' extra)") from exc

        folder = Path(folder)
        feed = json.loads((folder / "json-feed-schema.json").read_text(encoding="utf-8"))
        item = json.loads((folder / "json-feed-item-schema.json").read_text(encoding="utf-8"))
        registry = Registry().with_resources(
            [(s["$id"], Resource.from_contents(s)) for s in (feed, item) if "$id" in s])
        cls = jsonschema.validators.validator_for(feed)
        self.validator = cls(feed, registry=registry, format_checker=cls.FORMAT_CHECKER)

    def errors(self, body: bytes) -> list[str]:
        try:
            doc = json.loads(body)
        except ValueError as exc:
            return [f"not valid JSON: {exc}"]
        return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in self.validator.iter_errors(doc)]


# --- NewsML-G2 QCode lint and validating a tree of output files (issue 3) --------------------------------

NAR_NS = "http://iptc.org/std/nar/2006-10-01/"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ATOM_NS = "http://www.w3.org/2005/Atom"
IPTC_CATALOG_FILE = "catalog.IPTC-G2-Standards_41.xml"
#: attributes whose values are QCodes (``role`` may hold a space-separated list of QCodes)
QCODE_ATTRIBUTES = ("qcode", "rel", "role", "type")
_ITEM_TAGS = frozenset(f"{{{NAR_NS}}}{t}" for t in ("newsItem", "packageItem", "conceptItem", "knowledgeItem",
                                                     "planningItem", "catalogItem"))
_XHTML_EXTRA_TAGS = frozenset({"html", "head", "title", "body"})
_WALK_SUFFIXES = frozenset({".xml", ".json", ".atom", ".rss"})


class SchemaMissingError(ValidationError):
    """A file needs a schema that was not given (e.g. NewsML-G2 without ``--schema``)."""

    exit_code = 2


@lru_cache(maxsize=4)
def _catalog_aliases(path: str) -> frozenset[str]:
    try:
        doc = etree.parse(path, SAFE_PARSER)
    except (OSError, etree.LxmlError) as exc:
        raise ValidationError(f"cannot read IPTC catalog {path}") from exc
    return frozenset(s.get("alias", "") for s in doc.iter(f"{{{NAR_NS}}}scheme")) - {""}


def iptc_catalog_aliases(xsd_or_catalog: str | Path) -> frozenset[str]:
    """Scheme aliases of the IPTC catalog v41: the catalog file itself, or the one beside the given XSD.

    Returns an empty set when there is no catalog file there.
    """
    path = Path(xsd_or_catalog)
    if path.name != IPTC_CATALOG_FILE:
        path = path.parent / IPTC_CATALOG_FILE
    return _catalog_aliases(str(path)) if path.is_file() else frozenset()


def _scope_aliases(scope: etree._Element, catalog_aliases: frozenset[str] | set[str]) -> set[str]:
    """Aliases declared for one item (or newsMessage header): inline catalogs plus the IPTC catalog if referenced."""
    declared: set[str] = set()
    for child in scope:
        if child.tag == f"{{{NAR_NS}}}catalog":
            declared.update(s.get("alias", "") for s in child.iter(f"{{{NAR_NS}}}scheme"))
        elif child.tag == f"{{{NAR_NS}}}catalogRef" and (child.get("href") or "").endswith(IPTC_CATALOG_FILE):
            declared.update(catalog_aliases)
    return declared - {""}


def _scope_elements(scope: etree._Element) -> list[etree._Element]:
    """NAR elements of one scope, not descending into nested items (each is its own scope)."""
    out = [scope]
    for child in scope:
        if isinstance(child.tag, str) and child.tag.startswith(f"{{{NAR_NS}}}") and child.tag not in _ITEM_TAGS:
            out += _scope_elements(child)
    return out


def qcode_errors(doc: etree._Element | bytes, catalog_aliases: frozenset[str] | set[str]) -> list[str]:
    """QCode lint (the XSD cannot do it): every scheme alias used in ``qcode``/``rel``/``role``/``type``
    attributes of NewsML-G2 elements must be declared by an inline ``catalog`` of the same item, or by the
    IPTC catalog v41 (``catalog_aliases``) when the item has a ``catalogRef`` to it.

    Returns ``"line N: message"`` strings (empty when clean). Checks aliases, not codes.
    """
    if isinstance(doc, bytes):
        try:
            doc = parse_xml(doc)
        except ValidationError as exc:
            return [str(exc)]
    scopes = [el for el in doc.iter() if el.tag in _ITEM_TAGS]
    header = doc.find(f"{{{NAR_NS}}}header")
    if header is not None:
        scopes.append(header)
    errors: list[str] = []
    for scope in scopes:
        declared = _scope_aliases(scope, catalog_aliases)
        for el in _scope_elements(scope):
            for attr in QCODE_ATTRIBUTES:
                value = el.get(attr)
                if value is None:
                    continue
                for qcode in value.split():
                    alias, sep, code = qcode.partition(":")
                    name = etree.QName(el).localname
                    if not sep or not alias or not code:
                        errors.append(f"line {el.sourceline}: {name}/@{attr}={qcode!r} is not a QCode")
                    elif alias not in declared:
                        errors.append(f"line {el.sourceline}: {name}/@{attr}={qcode!r}: scheme alias {alias!r} "
                                      "is declared by no inline catalog and not by the IPTC catalog")
    return list(dict.fromkeys(errors))


def xhtml_body_errors(doc: etree._Element) -> list[str]:
    """The XSD does not check ``inlineXML`` (lax): every XHTML element must be on our tag allow-list."""
    from syndicate.sanitize import ALLOWED_TAGS

    allowed = ALLOWED_TAGS | _XHTML_EXTRA_TAGS
    errors = []
    for inline in doc.iter(f"{{{NAR_NS}}}inlineXML"):
        for el in inline.iter():
            if el is inline or not isinstance(el.tag, str):
                continue
            qname = etree.QName(el)
            if qname.namespace != XHTML_NS or qname.localname not in allowed:
                errors.append(f"line {el.sourceline}: element {el.tag} not allowed in the XHTML body")
    return errors


def _line_split(message: str) -> tuple[int, str]:
    """``"line 12: msg"`` → ``(12, "msg")``; anything else → ``(1, message)`` (whole-document errors)."""
    head, sep, rest = message.partition(": ")
    if sep and head.startswith("line ") and head[5:].isdigit():
        return int(head[5:]), rest
    return 1, message


def _feedparser_problems(body: bytes) -> list[tuple[int, str]]:
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.bozo:
        exc = parsed.bozo_exception
        line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else 1
        return [(int(line or 1), f"feedparser: {type(exc).__name__}: {exc}")]
    if not parsed.version:
        return [(1, "feedparser: not recognised as RSS or Atom")]
    return []


def _iter_files(paths: list[Path]) -> list[tuple[Path, bool]]:
    """(file, named explicitly) for every file given or found under a given folder, in sorted order."""
    found: list[tuple[Path, bool]] = []
    for path in paths:
        if path.is_dir():
            found += [(p, False) for p in sorted(path.rglob("*"))
                      if p.is_file() and p.suffix.lower() in _WALK_SUFFIXES
                      and not any(part.startswith(".") for part in p.relative_to(path).parts)]
        else:
            found.append((path, True))
    return found


def validate_paths(paths: list[str | Path] | tuple[str | Path, ...], *, newsml_schema: str | Path | None = None,
                   atom_rng: str | Path | None = None, atom_sch: str | Path | None = None,
                   jsonfeed_dir: str | Path | None = None) -> list[tuple[str, int, str]]:
    """Validate files and folders (walked recursively) of our output, dispatching on content.

    - ``newsItem``/``newsMessage``: the NewsML-G2 XSD, the QCode lint and the XHTML allow-list;
    - Atom: RELAX NG (+ Schematron) when ``atom_rng`` is given, and feedparser;
    - RSS: feedparser; JSON Feed: its JSON Schema when ``jsonfeed_dir`` is given (else JSON syntax only).

    In folders only ``.xml``/``.json``/``.atom``/``.rss`` files are read, and well-formed files of other
    kinds are skipped; a file named explicitly must be one of the kinds above.

    Returns:
        ``(path, line, message)`` per error, in file order; empty when everything is valid.

    Raises:
        SchemaMissingError: a NewsML-G2 file was found but no ``newsml_schema`` given.
        ValidationError: a schema could not be loaded.
    """
    out: list[tuple[str, int, str]] = []
    atom = AtomValidator(atom_rng, atom_sch) if atom_rng else None
    jsonfeed = JsonFeedValidator(jsonfeed_dir) if jsonfeed_dir else None
    for path, explicit in _iter_files([Path(p) for p in paths]):
        name = str(path)
        try:
            body = path.read_bytes()
        except OSError as exc:
            out.append((name, 1, f"cannot read: {exc}"))
            continue
        problems = _check_body(body, name, explicit, newsml_schema, atom, jsonfeed)
        out += [(name, line, message) for line, message in problems]
    return out


def _check_body(body: bytes, name: str, explicit: bool, newsml_schema: str | Path | None,
                atom: AtomValidator | None, jsonfeed: JsonFeedValidator | None) -> list[tuple[int, str]]:
    if body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        try:
            doc = json.loads(body)
        except ValueError as exc:
            return [(getattr(exc, "lineno", 1), f"not valid JSON: {exc}")]
        is_feed = isinstance(doc, dict) and str(doc.get("version", "")).startswith("https://jsonfeed.org/version/")
        if not is_feed:
            return [(1, "not a JSON Feed")] if explicit else []
        return [(1, message) for message in jsonfeed.errors(body)] if jsonfeed else []
    try:
        root = etree.fromstring(body, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        return [(exc.lineno or 1, f"not well-formed XML: {exc.msg}")]
    if root.tag in (f"{{{NAR_NS}}}newsItem", f"{{{NAR_NS}}}newsMessage"):
        if newsml_schema is None:
            raise SchemaMissingError("NewsML-G2 file needs an XSD (--schema, SYNDICATE_NEWSML_SCHEMA or "
                                     "[newsml] schema)", context=name)
        messages = newsml_validator(str(newsml_schema)).errors(body)
        messages += qcode_errors(root, iptc_catalog_aliases(newsml_schema))
        messages += xhtml_body_errors(root)
        return [_line_split(m) for m in messages]
    if root.tag == f"{{{ATOM_NS}}}feed":
        found = [_line_split(m) for m in atom.errors(body)] if atom else []
        return found + _feedparser_problems(body)
    if root.tag == "rss":
        return _feedparser_problems(body)
    return [(1, f"unrecognised document (root element {root.tag})")] if explicit else []
