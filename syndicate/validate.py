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

from .errors import ValidationError

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


class _LocalXmlXsd(etree.Resolver):
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
        import jsonschema
        from referencing import Registry, Resource

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
