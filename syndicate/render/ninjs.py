"""IPTC ninjs 3.1 (News in JSON) documents for partners: one document per article version, as the NewsML-G2
``newsItem`` of the same version says it (``../shared/schemas/ninjs/ninjs-schema_3.1.json``).

Lifecycle, as in NewsML-G2: ``version`` counts the article's versions; ``pubStatus`` is ``usable``,
``withheld`` or ``canceled``, and a withheld or canceled version carries its notice instead of its text (its
headline is the notice, as in NewsML-G2: the version's own text was never usable; the guid names the story);
a correction carries the newsroom's note in
``edNote`` and the body; ``embargoedUntil`` is set only for partners that receive embargoed items early. A
machine translation is disclosed first everywhere a reader looks: the first ``edNote`` sentence, the first
description (role ``disclosure``) and the first paragraph of the body, plus ``digitalSourceType``
``trainedAlgorithmicMedia``. Translations are linked with ``associations``: ``derivedFrom`` the original (its
guid and version), ``translation`` for every other language version. Pure: no I/O, no clock.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from syndicate.config import Site
from syndicate.errors import RenderError
from syndicate.model import Article, FeedItem, FeedSpec, Origin, Show, Status
from syndicate.render._common import content_html, machine_translation_note, rfc3339
from syndicate.render.notes import KILL_NOTICE, NOTICE_HEADLINES, WITHHELD_NOTICE
from syndicate.sanitize import plain_text

MEDIA_TYPE = "application/json"
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
MEDIATOPIC = "http://cv.iptc.org/newscodes/mediatopic/"
TRAINED_ALGORITHMIC = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
_SLUG_WORDS = 6
#: characters an RFC 3986 URI may carry as they are (everything else is percent-encoded, UTF-8)
_URI_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def item_path(article: Article) -> str:
    """Path of the ninjs file of this article version: ``<lang>/items/<uuid>-v<version>.json`` (beside the
    NewsML-G2 ``….xml`` of the same version)."""
    name = article.guid.rsplit(":", 1)[-1]
    return f"{article.lang}/items/{name}-v{article.version}.json"


def _uri(url: str) -> str:
    return quote(url, safe=_URI_SAFE)


def _time(article: Article, value: Any, what: str) -> str:
    if value is None or value.tzinfo is None:
        raise RenderError(f"{what} must be an aware datetime", context=article.guid)
    return rfc3339(value)


def _notes(fitem: FeedItem) -> list[str]:
    """Editorial notes, the machine-translation disclosure first."""
    article = fitem.article
    notes: list[str] = []
    if article.origin is Origin.MACHINE:
        notes.append(machine_translation_note(article))
    if article.status is Status.CANCELED:
        notes.append(KILL_NOTICE)
    elif article.status is Status.WITHHELD:
        notes.append(WITHHELD_NOTICE)
    correction = plain_text(article.correction_note or "")
    if correction:
        notes.append(f"Correction: {correction}")
    if fitem.show is Show.EMBARGOED and article.embargo is not None:
        notes.append(f"EMBARGOED until {rfc3339(article.embargo)}. Do not publish before this time.")
    return notes


def build_ninjs(fitem: FeedItem, spec: FeedSpec, site: Site) -> dict[str, Any]:
    """The ninjs document of one feed item (how it is shown was decided by the policy: ``fitem.show``).

    Raises:
        RenderError: the article cannot be expressed (version < 1, naive datetime).
    """
    article = fitem.article
    if article.version < 1:
        raise RenderError(f"version must be >= 1, got {article.version}", context=article.guid)
    machine = article.origin is Origin.MACHINE
    usable = article.status is Status.USABLE
    doc: dict[str, Any] = {
        "uri": article.guid,
        "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA_URI},
        "type": "text",
        "representationType": "full",
        "profile": "syndicate-text",
        "version": str(article.version),
        "firstCreated": _time(article, article.published, "published"),
        "versionCreated": _time(article, article.modified, "updated"),
        "contentCreated": _time(article, article.published, "published"),
    }
    if fitem.show is Show.EMBARGOED and article.embargo is not None:
        doc["embargoedUntil"] = _time(article, article.embargo, "embargo")
    doc["pubStatus"] = Status(article.status).value
    doc["language"] = article.lang
    doc["copyrightHolder"] = plain_text(site.publisher)
    if site.rights:
        doc["copyrightNotice"] = plain_text(site.rights)
    if site.usage_terms:
        doc["usageTerms"] = plain_text(site.usage_terms)
    notes = _notes(fitem)
    if notes:
        doc["edNote"] = " ".join(notes)
    headline = NOTICE_HEADLINES.get(Status(article.status)) or plain_text(article.title)
    doc["headlines"] = [{"role": "main", "contentType": "text/plain", "value": headline}]
    descriptions = []
    if machine:
        descriptions.append({"role": "disclosure", "contentType": "text/plain",
                             "value": machine_translation_note(article)})
    summary = plain_text(article.summary or "")
    if usable and summary:
        descriptions.append({"role": "summary", "contentType": "text/plain", "value": summary})
    if descriptions:
        doc["descriptions"] = descriptions
    notice = {Status.CANCELED: KILL_NOTICE, Status.WITHHELD: WITHHELD_NOTICE}.get(Status(article.status))
    if notice is not None:
        text = f"{machine_translation_note(article)} {notice}" if machine else notice
        doc["bodies"] = [{"role": "main", "contentType": "text/plain", "value": text}]
    else:
        doc["bodies"] = [{"role": "main", "contentType": "text/html", "value": content_html(fitem, site)}]
    subjects: list[dict[str, Any]] = [{"name": plain_text(spec.category_names.get(article.category)
                                                         or article.category),
                                       "literal": article.category, "rel": "about"}]
    for qcode in spec.category_medtop.get(article.category, ()):
        subjects.append({"uri": MEDIATOPIC + qcode.split(":", 1)[-1], "literal": qcode, "rel": "about"})
    doc["subjects"] = subjects
    slug = "-".join(headline.split()[:_SLUG_WORDS])
    if slug and usable:
        doc["slugline"] = slug
    if article.author and plain_text(article.author):
        doc["by"] = plain_text(article.author)
    if article.credit and plain_text(article.credit):
        doc["infoSources"] = [{"name": plain_text(article.credit), "role": "source"}]
    if machine:
        engine = " ".join(p for p in (plain_text(article.mt_engine or ""), plain_text(article.mt_model or ""))
                          if p) or "unknown engine"
        doc["digitalSourceType"] = {"uri": TRAINED_ALGORITHMIC, "name": f"machine translation ({engine})"}
    associations = _associations(fitem)
    if associations:
        doc["associations"] = associations
    if article.url:
        doc["altIds"] = [{"role": "url", "value": _uri(article.url)}]
    return doc


def _associations(fitem: FeedItem) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    original = fitem.original
    if original is not None:
        out.append({"name": "original", "rel": "derivedFrom", "uri": original.guid,
                    "version": str(original.version), "language": original.lang,
                    "headlines": [{"role": "main", "value": plain_text(original.title)}]})
    seen = {fitem.article.lang}
    for alt in fitem.alternates:
        if alt.lang in seen or not alt.url:
            continue
        seen.add(alt.lang)
        entry: dict[str, Any] = {"name": f"translation-{alt.lang}", "rel": "translation", "uri": _uri(alt.url),
                                 "language": alt.lang}
        if alt.title:
            entry["headlines"] = [{"role": "main", "value": plain_text(alt.title)}]
        out.append(entry)
    return out


def dumps(data: Any) -> bytes:
    """Deterministic JSON bytes (sorted keys, UTF-8, trailing newline)."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def render_ninjs(fitem: FeedItem, spec: FeedSpec, site: Site) -> bytes:
    """The ninjs file of one item version."""
    return dumps(build_ninjs(fitem, spec, site))


def render_ninjs_list(docs: Sequence[dict[str, Any]]) -> bytes:
    """An items API page: ``{"items": [ninjs, …]}`` in the given order."""
    return dumps({"items": list(docs)})
