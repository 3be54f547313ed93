"""``GET /api/v1/items``: the incremental NewsML-G2 API.

Query parameters: ``since`` (opaque cursor from a previous answer; omitted = from the beginning), ``lang``,
``category`` (narrow the partner's scope; outside it → 403), ``limit`` (1–500, default 50).

Answer: ``200`` with a ``newsMessage`` of the item versions the partner may see whose cursor is after
``since`` (new, updated, corrected, withheld, canceled), oldest first; or ``204`` when there is nothing new.
Either way ``X-Next-Cursor`` holds the cursor to send next time (and ``Link: <…>; rel="next"``).
Cursors are handed out in commit order (:mod:`syndicate.delivery.changes`), so paging while new versions are
published neither skips nor repeats a version.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, urlencode

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from syndicate.config import ALL, Config, Partner
from syndicate.deliver.changes import cursor_column, last_cursor, sync_changes
from syndicate.deliver.messages import MEDIA_TYPE, news_message, prepare
from syndicate.errors import StoreError
from syndicate.store.schema import article_versions
from syndicate.store.schema_delivery import delivery_changes
from syndicate.store.sql import SqlStore, _from_snapshot

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
_PREFIX = b"c1:"


class BadRequest(ValueError):
    """A query parameter is malformed (→ 400)."""


class Forbidden(ValueError):
    """A query parameter asks for something outside the partner's scope (→ 403)."""


def encode_cursor(value: int) -> str:
    """Opaque form of a cursor number."""
    return base64.urlsafe_b64encode(_PREFIX + str(value).encode()).decode().rstrip("=")


def decode_cursor(text: str) -> int:
    """The cursor number of an opaque cursor; :class:`BadRequest` when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise BadRequest("since: not a cursor returned by this API") from None
    if not raw.startswith(_PREFIX) or not raw[len(_PREFIX):].isdigit():
        raise BadRequest("since: not a cursor returned by this API")
    return int(raw[len(_PREFIX):])


@dataclass(frozen=True)
class Page:
    body: bytes | None        # None: nothing new
    next_cursor: str
    count: int


@dataclass(frozen=True)
class Query:
    since: int
    lang: str | None
    category: str | None
    limit: int


def parse_query(query_string: str, partner: Partner, config: Config) -> Query:
    """Validate the query parameters against the partner's scope."""
    params = parse_qs(query_string, keep_blank_values=True)

    def one(name: str) -> str | None:
        values = params.get(name)
        if not values or values[-1] == "":
            return None
        return values[-1]

    since = decode_cursor(one("since")) if one("since") else 0
    limit_text = one("limit")
    if limit_text is None:
        limit = DEFAULT_LIMIT
    elif not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_LIMIT:
        raise BadRequest(f"limit: must be an integer between 1 and {MAX_LIMIT}")
    else:
        limit = int(limit_text)
    lang, category = one("lang"), one("category")
    if lang is not None and (lang not in config.feed_languages
                             or bool(partner.languages) and lang not in partner.languages):
        raise Forbidden(f"lang {lang!r} is outside this partner's agreement")
    if category is not None:
        known = config.category(category) is not None
        allowed = not partner.categories or ALL in partner.categories or category in partner.categories
        if not known or not allowed:
            raise Forbidden(f"category {category!r} is outside this partner's agreement")
    return Query(since=since, lang=lang, category=category, limit=limit)


def fetch_page(config: Config, store: SqlStore, partner: Partner, query: Query, now: datetime) -> Page:
    """The page of versions after ``query.since`` for ``partner`` (syncs the change log first)."""
    sync_changes(store, now, config.partners)
    dc = delivery_changes.c
    col = cursor_column(partner)
    try:
        with store.engine.connect() as conn:
            top = last_cursor(conn)           # read first: every cursor <= top is committed and visible below
            stmt = (select(col.label("cursor"), article_versions.c.data)
                    .select_from(delivery_changes.join(article_versions,
                                                       article_versions.c.seq == dc.version_seq))
                    .where(col > query.since, col <= top).order_by(col).limit(query.limit))
            if partner.languages:
                stmt = stmt.where(dc.lang.in_(list(partner.languages)))
            if partner.categories and ALL not in partner.categories:
                stmt = stmt.where(dc.category.in_(list(partner.categories)))
            if query.lang:
                stmt = stmt.where(dc.lang == query.lang)
            if query.category:
                stmt = stmt.where(dc.category == query.category)
            rows = conn.execute(stmt).all()
    except SQLAlchemyError as exc:
        raise StoreError("items API query failed", context=store._safe_url()) from exc
    if len(rows) == query.limit:
        nxt = int(rows[-1].cursor)
    else:
        nxt = max(top, query.since)
    if not rows:
        return Page(body=None, next_cursor=encode_cursor(nxt), count=0)
    versions = [_from_snapshot(r.data) for r in rows]
    items = prepare(store, versions, now)
    body = news_message(config, items, f"api-{partner.name}-{query.since}", partner_embargo=partner.embargoed)
    return Page(body=body, next_cursor=encode_cursor(nxt), count=len(rows))


def next_link(query_string: str, cursor: str) -> str:
    """Relative URL of the next page (same filters, new ``since``)."""
    params = {k: v[-1] for k, v in parse_qs(query_string).items() if k != "since"}
    params["since"] = cursor
    return "/api/v1/items?" + urlencode(sorted(params.items()))


__all__ = ["BadRequest", "Forbidden", "MEDIA_TYPE", "Page", "Query", "decode_cursor", "encode_cursor",
           "fetch_page", "next_link", "parse_query"]
