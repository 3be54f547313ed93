"""JSON Lines source: one JSON object per line, one article per object.

Fields: ``id`` (required), ``published`` (required, ISO 8601 with ``Z`` or an offset), ``lang``, ``category``
(both fall back to :class:`IngestOptions`), ``title``, ``summary``, ``body_html`` (HTML) or ``body`` (plain
text), ``author``, ``credit``, ``url``, ``updated``, ``embargo``, ``status``, ``translation_of``,
``correction_note``. Keys starting with ``_`` are comments and ignored; any other unknown key is an error so
that typos never pass silently. An id repeated later in the same source is an error (the first line wins).
Blank lines are skipped. Invalid UTF-8 is decoded with U+FFFD replacements.

Contains no I/O.
"""

from __future__ import annotations

import json
from typing import Any

from syndicate.errors import ItemError
from syndicate.ingest.base import (
    FirstWins,
    IngestOptions,
    ParsedItem,
    build_article,
    check_category,
    check_id,
    check_lang,
    check_status,
    check_url,
    failed,
    item_label,
    parse_time,
)
from syndicate.model import Article

#: Every key a JSON Lines object may carry (besides ``_comment``-style keys).
FIELDS = frozenset({
    "id", "lang", "category", "title", "summary", "body_html", "body", "author", "credit", "url", "published",
    "updated", "embargo", "status", "translation_of", "correction_note",
})


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def parse_jsonl(data: bytes, options: IngestOptions) -> list[ParsedItem]:
    """Parse JSON Lines ``data`` into one :class:`ParsedItem` per non-blank line (positions ``"line N"``)."""
    items: list[ParsedItem] = []
    ids = FirstWins()
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line = raw.decode("utf-8", errors="replace").strip().lstrip("\ufeff").strip()
        if not line:
            continue
        position = f"line {number}"
        try:
            article = _article(line, position, options)
            ids.claim(article, position, "ids must be unique within a source")
            items.append(ParsedItem(position=position, article=article))
        except ItemError as exc:
            items.append(failed(position, exc))
    return items


def _load(line: str, position: str) -> dict[str, Any]:
    try:
        obj = json.loads(line, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        raise ItemError("key given twice", item=position, field=exc.key) from None
    except ValueError as exc:
        raise ItemError(f"not valid JSON: {exc}", item=position) from None
    if not isinstance(obj, dict):
        raise ItemError(f"must be a JSON object, not {type(obj).__name__}", item=position)
    return obj


def _article(line: str, position: str, options: IngestOptions) -> Article:
    obj = _load(line, position)
    raw_id = obj.get("id")
    label = item_label(position, raw_id if isinstance(raw_id, str) and raw_id.strip() else None)
    unknown = sorted(k for k in obj if k not in FIELDS and not k.startswith("_"))
    if unknown:
        raise ItemError(f"unknown key (allowed: {', '.join(sorted(FIELDS))}; prefix comments with '_')",
                        item=label, field=unknown[0])
    item_id = check_id(raw_id, label)
    translation_of = check_id(obj["translation_of"], label, "translation_of") if obj.get("translation_of") else None
    url = check_url(obj.get("url"), label, options.base_url)
    return build_article(
        label, options, id=item_id, lang=check_lang(obj.get("lang"), options, label),
        category=check_category(obj.get("category"), options, label), title=obj.get("title"),
        published=parse_time(obj.get("published"), label, "published", required=True),  # type: ignore[arg-type]
        updated=parse_time(obj.get("updated"), label, "updated"),
        embargo=parse_time(obj.get("embargo"), label, "embargo"),
        body_html=obj.get("body_html"), body_text=obj.get("body"), summary=obj.get("summary"),
        author=obj.get("author"), credit=obj.get("credit"), url=url, status=check_status(obj.get("status"), label),
        translation_of=translation_of, correction_note=obj.get("correction_note"),
    )
