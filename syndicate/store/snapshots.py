"""Version snapshots: the JSON kept in ``article_versions.data`` for every version ever stored.

A snapshot carries its format (``"_format"``); 0.1.0 wrote format 1 (no marker). :func:`decode` upgrades any
older format when it reads it, so a version stored by an old release always reads as a current
:class:`~syndicate.model.Article`: a field the old format lacks gets its default, a field the code no longer
knows is dropped. Nothing here talks to the database.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, fields
from datetime import datetime
from typing import Any

from syndicate.errors import StoreError
from syndicate.model import Article, Origin, Status
from syndicate.times import utc

#: The format :func:`encode` writes.
SNAPSHOT_FORMAT = 2
_FIELDS = {f.name: f for f in fields(Article)}
_DATES = ("published", "updated", "embargo")


def article_row(article: Article) -> dict[str, Any]:
    """The ``articles`` row of an article (also the body of its snapshot)."""
    row: dict[str, Any] = {name: getattr(article, name) for name in _FIELDS}
    row["status"] = article.status.value
    row["origin"] = article.origin.value
    row["family"] = article.family
    row["public_at"] = article.public_at
    return row


def encode(article: Article) -> str:
    """The snapshot of one version (current format)."""
    row = article_row(article)
    del row["public_at"]                      # derived: never stored in a snapshot
    for key in _DATES:
        row[key] = row[key].isoformat() if row[key] else None
    row["_format"] = SNAPSHOT_FORMAT
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def _upgrade(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring a decoded snapshot of any format to the current one."""
    fmt = doc.pop("_format", 1)
    if not isinstance(fmt, int) or fmt > SNAPSHOT_FORMAT:
        raise StoreError(f"snapshot format {fmt!r} is newer than this syndicate understands "
                         f"({SNAPSHOT_FORMAT}): upgrade syndicate")
    # format 1 (0.1.0) -> 2: the same keys; the marker is new. Every later format also lands here: a key the
    # snapshot lacks takes the field's default below.
    return doc


def decode(data: str) -> Article:
    """The :class:`Article` of a snapshot of any format.

    Raises:
        StoreError: the snapshot is not JSON, lacks a required field, or is of a newer format.
    """
    try:
        doc = json.loads(data)
    except ValueError as exc:
        raise StoreError("a stored version is not valid JSON") from exc
    if not isinstance(doc, dict):
        raise StoreError("a stored version is not a JSON object")
    doc = _upgrade(doc)
    values: dict[str, Any] = {}
    for name, f in _FIELDS.items():
        if name in doc:
            values[name] = doc[name]
        elif f.default is not MISSING:
            values[name] = f.default
        elif f.default_factory is not MISSING:
            values[name] = f.default_factory()
        else:
            raise StoreError(f"a stored version lacks the field {name!r}", context=str(doc.get("id", "?")))
    try:
        for key in _DATES:
            values[key] = utc(datetime.fromisoformat(values[key])) if values[key] else None
        values["status"] = Status(values["status"])
        values["origin"] = Origin(values["origin"])
    except (TypeError, ValueError) as exc:
        raise StoreError("a stored version has an unreadable field", context=str(values.get("id"))) from exc
    values["summary"] = values["summary"] or ""
    return Article(**values)
