"""``GET /api/v1/items``: the incremental NewsML-G2 (or, with ``Accept: application/json``, ninjs) API.

Query parameters: ``since`` (opaque cursor from a previous answer; omitted = from the beginning), ``lang``,
``category`` (narrow the partner's scope; outside it → 403), ``limit`` (1–500, default 50).

Answer: ``200`` with a ``newsMessage`` of the item versions the partner may see whose cursor is after
``since`` (new, updated, corrected, withheld, canceled), oldest first; or ``204`` when there is nothing new.
Either way ``X-Next-Cursor`` holds the cursor to send next time (and ``Link: <…>; rel="next"``).
Cursors are handed out in commit order (:mod:`syndicate.deliver.changes`), so paging while new versions are
published neither skips nor repeats a version.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, urlencode

from syndicate.config import Config, Partner
from syndicate.deliver.changes import sync_changes
from syndicate.deliver.messages import partner_message, partner_ninjs, prepare
from syndicate.model import Status
from syndicate.select.policy import audience_of, decide
from syndicate.store import Store

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
#: cursors are 64-bit in the store; anything larger was not handed out by this API
MAX_CURSOR = 2**63 - 1
_PREFIX = b"c1:"
_DIGITS = re.compile(r"[0-9]{1,19}")


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
    number = raw[len(_PREFIX):].decode("ascii", "replace")
    if not raw.startswith(_PREFIX) or not _DIGITS.fullmatch(number) or int(number) > MAX_CURSOR:
        raise BadRequest("since: not a cursor returned by this API")
    return int(number)


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
    """Validate the query parameters against the partner's scope.

    Raises:
        BadRequest: a parameter is malformed.
        Forbidden: a parameter asks for something outside the partner's agreement.
    """
    try:
        params = parse_qs(query_string, keep_blank_values=True, strict_parsing=False, max_num_fields=50)
    except ValueError as exc:
        raise BadRequest(f"query: {exc}") from None

    def one(name: str) -> str | None:
        values = params.get(name)
        if not values or values[-1] == "":
            return None
        return values[-1]

    since_text = one("since")
    since = decode_cursor(since_text) if since_text else 0
    limit_text = one("limit")
    if limit_text is None:
        limit = DEFAULT_LIMIT
    elif not re.fullmatch(r"[0-9]{1,4}", limit_text) or not 1 <= int(limit_text) <= MAX_LIMIT:
        raise BadRequest(f"limit: must be an integer between 1 and {MAX_LIMIT}")
    else:
        limit = int(limit_text)
    scope = audience_of(partner).scope
    lang, category = one("lang"), one("category")
    if lang is not None and (lang not in config.feed_languages
                             or (scope.languages is not None and lang not in scope.languages)):
        raise Forbidden(f"lang {lang!r} is outside this partner's agreement")
    if category is not None:
        known = config.category(category) is not None
        if not known or (scope.categories is not None and category not in scope.categories):
            raise Forbidden(f"category {category!r} is outside this partner's agreement")
    return Query(since=since, lang=lang, category=category, limit=limit)


def fetch_page(config: Config, store: Store, partner: Partner, query: Query, now: datetime, *,
               fmt: str = "newsml") -> Page:
    """The page of versions after ``query.since`` the policy lets ``partner`` see (syncs the change log first),
    as a NewsML-G2 ``newsMessage`` or (``fmt="ninjs"``) ``{"items": [ninjs, …]}``.

    The next cursor is that of the last version read, shown or not, so paging never repeats nor skips."""
    sync_changes(store, now, config.partners)
    audience = audience_of(partner)
    top, entries = store.delivery.entries(early=audience.embargoed, since=query.since, limit=query.limit,
                                          scope=audience.scope, lang=query.lang, category=query.category)
    nxt = entries[-1].cursor if len(entries) == query.limit else max(top, query.since)
    notices = [(e.article.id, e.article.version) for e in entries if e.article.status is not Status.USABLE]
    before = (store.delivery.shown_before(notices, early=audience.embargoed,
                                           max_rank=audience.max_machine_rank) if notices else set())
    shown = []
    for e in entries:
        decision = decide(e.article, audience, now, fmt=fmt,
                          shown_before=(e.article.id, e.article.version) in before)
        if decision.visible:
            shown.append((e.article, decision))
    if not shown:
        return Page(body=None, next_cursor=encode_cursor(nxt), count=0)
    items = prepare(store, shown, audience, now)
    if fmt == "ninjs":
        body = partner_ninjs(config, items, partner)
    else:
        body = partner_message(config, items, f"api-{partner.name}-{query.since}", partner)
    return Page(body=body, next_cursor=encode_cursor(nxt), count=len(shown))


def next_link(query_string: str, cursor: str) -> str:
    """Relative URL of the next page (same filters, new ``since``)."""
    params = {k: v[-1] for k, v in parse_qs(query_string).items() if k != "since"}
    params["since"] = cursor
    return "/api/v1/items?" + urlencode(sorted(params.items()))


__all__ = ["BadRequest", "Forbidden", "Page", "Query", "decode_cursor", "encode_cursor", "fetch_page",
           "next_link", "parse_query"]
