"""CMS page export: the plain text of a listing page ("Coalition News", one day's items), one article per block.

Layout of an export::

    Coalition News                              <- first line: the listing name (not content)
    23 January 2018 In Coalition News           <- date line: starts an item (day month year " In " category)

    First paragraph …                           <- paragraphs separated by blank lines
    … last paragraph. (Source: Media Dept)      <- optional trailing credit, moved to ``credit``
    Home Media Center … Items filtered by date: …   <- breadcrumb footer (not content)

Rules (see README "Page exports"):

- category = slug of the date line's category name (``Coalition News`` → ``coalition-news``) unless
  ``IngestOptions.category`` is given; language = ``IngestOptions.lang`` or ``en``.
- title = first sentence of the first paragraph (:func:`~syndicate.sanitize.headline_from`).
- published = the date at 00:00 UTC plus *k* seconds, where *k* = 1 + the number of items of the same day
  below it on the page. The page is newest first, so this keeps page order when sorting by time, and the
  times of existing items do not change when new items of the day are added at the top.
- id = ``<page category slug>-<yyyymmdd>-<8 hex>``, the hex being sha256 of the first 200 characters of the
  first paragraph (white space collapsed). Editing the start of the first paragraph therefore makes a *new*
  article; edits further down make a new version of the same article.

Contains no I/O.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from syndicate.errors import ItemError
from syndicate.ingest.base import (
    FirstWins,
    IngestOptions,
    ParsedItem,
    build_article,
    check_category,
    check_lang,
    failed,
    item_label,
    slugify,
    text_headline,
)
from syndicate.model import Article
from syndicate.times import UTC

_MONTHS = {name: number for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
# The category part is a short name without sentence punctuation, so a paragraph that merely starts with
# "3 March 2018 In a statement, …" stays text.
_DATE_LINE = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s+In\s+(\S[^.,;:!?()\"“”]{0,60}?)\s*$")
_FOOTER = re.compile(r"^\s*Home\s.*(Items filtered by date:|\bMedia Center\b)")
_CREDIT = re.compile(r"\s*\(Source:\s*([^()]*?)\s*\)\s*$")
_SPACES = re.compile(r"\s+")
_ID_PREFIX_CHARS = 200


@dataclass
class _Block:
    line: int
    day: date | None
    category_name: str
    error: str | None = None
    paragraphs: list[list[str]] = field(default_factory=lambda: [[]])

    def add(self, text: str) -> None:
        if text.strip():
            self.paragraphs[-1].append(text.strip())
        elif self.paragraphs[-1]:
            self.paragraphs.append([])

    def texts(self) -> list[str]:
        return [_SPACES.sub(" ", " ".join(p)).strip() for p in self.paragraphs if p]


def _date_line(text: str) -> tuple[date | None, str, str | None] | None:
    """``(day, category name, error)`` when ``text`` is a date line, else ``None``."""
    match = _DATE_LINE.match(text)
    if not match or match.group(2).lower() not in _MONTHS:
        return None
    day, month, year, category = match.groups()
    try:
        return date(int(year), _MONTHS[month.lower()], int(day)), category, None
    except ValueError:
        return None, category, f"{text.strip()!r} is not a valid date"


def _blocks(text: str) -> tuple[list[_Block], list[int]]:
    """Item blocks, and the line numbers of stray text before the first date line."""
    blocks: list[_Block] = []
    stray: list[int] = []
    seen_name = False
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        dated = _date_line(line)
        if dated is not None:
            blocks.append(_Block(line=number, day=dated[0], category_name=dated[1], error=dated[2]))
        elif _FOOTER.match(line):
            continue
        elif blocks:
            blocks[-1].add(line)
        elif line.strip():
            if seen_name:
                stray.append(number)
            seen_name = True
    return blocks, stray


def _offsets(blocks: list[_Block]) -> list[int]:
    """Seconds after midnight per block: 1 for the last item of a day on the page, 2 for the one above…"""
    below: dict[date | None, int] = {}
    out = [0] * len(blocks)
    for index in range(len(blocks) - 1, -1, -1):
        day = blocks[index].day
        below[day] = below.get(day, 0) + 1
        out[index] = below[day]
    return out


def page_id(category_slug: str, day: date, first_paragraph: str) -> str:
    """Stable id ``<slug>-<yyyymmdd>-<8 hex of the first 200 characters of the first paragraph>``."""
    prefix = _SPACES.sub(" ", first_paragraph).strip()[:_ID_PREFIX_CHARS]
    digest = hashlib.sha256(prefix.encode("utf-8")).hexdigest()[:8]
    return f"{category_slug}-{day:%Y%m%d}-{digest}"


def parse_page(data: bytes, options: IngestOptions) -> list[ParsedItem]:
    """Parse a CMS page export into one :class:`ParsedItem` per date-line block (positions ``"item N"``)."""
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    blocks, stray = _blocks(text)
    items = [failed(f"line {n}", ItemError("text before the first date line ('23 January 2018 In …')",
                                           item=f"line {n}", field="published")) for n in stray[:1]]
    ids = FirstWins()
    for index, (block, offset) in enumerate(zip(blocks, _offsets(blocks), strict=True), start=1):
        position = f"item {index}"
        try:
            article = _article(block, offset, position, options)
            ids.claim(article, position, "same day and same first paragraph")
            items.append(ParsedItem(position=position, article=article))
        except ItemError as exc:
            items.append(failed(position, exc))
    return items


def _article(block: _Block, offset: int, position: str, options: IngestOptions) -> Article:
    label = f"{position} (line {block.line})"
    if block.error or block.day is None:
        raise ItemError(block.error or "no date", item=label, field="published")
    paragraphs = block.texts()
    credit = None
    if paragraphs:
        match = _CREDIT.search(paragraphs[-1])
        if match:
            credit = match.group(1) or None
            paragraphs[-1] = paragraphs[-1][: match.start()].strip()
            if not paragraphs[-1]:
                paragraphs.pop()
    if not paragraphs:
        raise ItemError("item has no text", item=label, field="body")
    page_slug = slugify(block.category_name)
    category = check_category(options.category or page_slug, options, label)
    lang = check_lang(options.lang or "en", options, label)
    item_id = page_id(page_slug or category, block.day, paragraphs[0])
    published = datetime.combine(block.day, time(0, 0), tzinfo=UTC) + timedelta(seconds=offset)
    return build_article(
        item_label(label, item_id), options, id=item_id, lang=lang, category=category,
        title=text_headline(paragraphs[0]), title_is_text=True, published=published,
        body_text="\n\n".join(paragraphs), credit=credit,
    )
