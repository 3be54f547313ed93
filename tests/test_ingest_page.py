"""CMS page exports: the shared seed, our own multi-day export, and broken blocks."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime

import pytest
from conftest import DATA, SEED_PAGE

from syndicate.ingest import IngestOptions, detect_format, load, page_id, parse
from syndicate.sanitize import headline_from, plain_text

HUMAN_RIGHTS = DATA / "pages" / "human-rights-2018-02.txt"
SEED_CREDIT = "Syrian Coalition’s Media Department"


def _paragraphs(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


@pytest.fixture(scope="module")
def seed_items():
    return parse(SEED_PAGE.read_bytes(), "page", IngestOptions())


def test_seed_gives_exactly_two_articles(seed_items):
    """The seed export holds two items; both parse without errors."""
    assert [i.position for i in seed_items] == ["item 1", "item 2"]
    assert all(i.ok for i in seed_items), [str(i.error) for i in seed_items]


def test_seed_metadata(seed_items):
    """Both items: 23 January 2018, category coalition-news, language en, credit from '(Source: …)'."""
    for parsed in seed_items:
        article = parsed.article
        assert article.published.date() == date(2018, 1, 23)
        assert article.published.tzinfo is not None and article.published.utcoffset().total_seconds() == 0
        assert article.category == "coalition-news"
        assert article.lang == "en"
        assert article.credit == SEED_CREDIT
        assert re.fullmatch(r"coalition-news-20180123-[0-9a-f]{8}", article.id)
    assert seed_items[0].article.id != seed_items[1].article.id


def test_seed_keeps_page_order_newest_first(seed_items):
    """The first item on the page gets the later time, so sorting newest-first keeps page order."""
    first, second = (i.article for i in seed_items)
    assert first.published > second.published
    assert first.published == datetime(2018, 1, 23, 0, 0, 2, tzinfo=UTC)
    assert second.published == datetime(2018, 1, 23, 0, 0, 1, tzinfo=UTC)


def test_seed_bodies_hold_only_the_paragraphs(seed_items):
    """Bodies are the text paragraphs: no date line, no '(Source: …)', no breadcrumb footer."""
    raw = SEED_PAGE.read_text(encoding="utf-8")
    blocks = re.split(r"^\d{1,2} \w+ \d{4} In Coalition News$", raw, flags=re.M)[1:]
    for parsed, block in zip(seed_items, blocks, strict=True):
        body = parsed.article.body_html
        assert "January 2018 In" not in body
        assert "(Source:" not in body and "Media Department" not in body
        assert "Items filtered by date" not in body and "Home Media Center" not in body
        paragraphs = _paragraphs(block.split("Home Media Center")[0])
        paragraphs[-1] = paragraphs[-1].replace(f"(Source: {SEED_CREDIT})", "").strip()
        assert body.count("<p>") == len(paragraphs)
        assert plain_text(body) == plain_text(" ".join(paragraphs))


def test_seed_titles_are_first_sentence_headlines(seed_items):
    """Untitled items get the first sentence of their first paragraph, cut near 110 characters."""
    raw = SEED_PAGE.read_text(encoding="utf-8")
    blocks = re.split(r"^\d{1,2} \w+ \d{4} In Coalition News$", raw, flags=re.M)[1:]
    for parsed, block in zip(seed_items, blocks, strict=True):
        first = _paragraphs(block)[0]
        title = parsed.article.title
        assert title == headline_from(first)
        assert len(title) <= 111 and first.startswith(title.rstrip("…"))
        assert parsed.article.id == page_id("coalition-news", date(2018, 1, 23), first)


def test_seed_is_detected_as_page():
    """A plain-text export is detected as format 'page'."""
    assert detect_format(SEED_PAGE.read_bytes(), SEED_PAGE.name) == "page"


def test_page_id_hashes_first_200_characters():
    """The id hashes only the first 200 characters of the first paragraph: later edits keep the id."""
    first = "x" * 200
    expected = hashlib.sha256(first.encode()).hexdigest()[:8]
    assert page_id("news", date(2018, 1, 2), first + " tail one") == f"news-20180102-{expected}"
    assert page_id("news", date(2018, 1, 2), first + " tail two") == f"news-20180102-{expected}"
    assert page_id("news", date(2018, 1, 2), "y" + first) != f"news-20180102-{expected}"


@pytest.fixture(scope="module")
def hr_items():
    return load(str(HUMAN_RIGHTS))


def test_own_page_three_items_other_category(hr_items):
    """Our export: three items, category human-rights, dated 14, 14 and 12 February 2018."""
    assert all(i.ok for i in hr_items), [str(i.error) for i in hr_items]
    articles = [i.article for i in hr_items]
    assert [a.category for a in articles] == ["human-rights"] * 3
    assert [a.published.date() for a in articles] == [date(2018, 2, 14), date(2018, 2, 14), date(2018, 2, 12)]
    assert [a.id.rsplit("-", 1)[0] for a in articles] == [
        "human-rights-20180214", "human-rights-20180214", "human-rights-20180212"]


def test_own_page_order_is_stable_per_day(hr_items):
    """Seconds after midnight count items of the same day from the bottom: 2, 1 on the 14th, 1 on the 12th."""
    assert [a.article.published.time().second for a in hr_items] == [2, 1, 1]
    times = [a.article.published for a in hr_items]
    assert times == sorted(times, reverse=True)


def test_own_page_credits(hr_items):
    """A trailing '(Source: …)' becomes the credit, also on its own line; the second item has none."""
    assert [i.article.credit for i in hr_items] == ["Relief Committee Office", None, "Idlib Health Directorate"]
    assert all("(Source" not in i.article.body_html for i in hr_items)


def test_own_page_escapes_ampersand_and_less_than(hr_items):
    """'&' and '<' in page text survive as text: escaped in the body, literal in the title."""
    first = hr_items[0].article
    assert "Douma &amp; Harasta" in first.body_html
    assert "by &lt; 10%" in first.body_html
    assert "Douma & Harasta" in first.title
    assert first.body_html.count("<p>") == 2      # lines of one paragraph are joined, blank lines split
    assert "said. The convoys carried" in first.body_html


def test_own_page_footer_and_listing_name_are_not_content(hr_items):
    """The listing name (first line) and the breadcrumb footer never reach a body."""
    for parsed in hr_items:
        assert "Items filtered by date" not in parsed.article.body_html
        assert not parsed.article.body_html.startswith("<p>Human Rights")


def test_category_and_language_options_win():
    """--category and --lang override the page's category and the default 'en'; the id keeps the page slug."""
    items = parse(HUMAN_RIGHTS.read_bytes(), "page", IngestOptions(category="humanitarian", lang="en-GB"))
    assert {i.article.category for i in items} == {"humanitarian"}
    assert {i.article.lang for i in items} == {"en-GB"}
    assert all(i.article.id.startswith("human-rights-2018021") for i in items)


def test_unknown_page_category_is_an_item_error():
    """With a known category set, a page category outside it is reported per item."""
    items = parse(HUMAN_RIGHTS.read_bytes(), "page", IngestOptions(categories=frozenset({"politics"})))
    assert [i.error.field for i in items] == ["category"] * 3


EMPTY_BLOCK = b"""Politics
3 March 2026 In Politics

The council met on Tuesday. It agreed a budget.

2 March 2026 In Politics

(Source: Desk)

1 March 2026 In Politics

Talks resumed in Geneva.
"""


def test_item_without_text_is_an_item_error_and_others_survive():
    """A block with no text (only a credit) is an ItemError naming item 2; items 1 and 3 are fine."""
    items = parse(EMPTY_BLOCK, "page", IngestOptions())
    assert [i.ok for i in items] == [True, False, True]
    error = items[1].error
    assert error.field == "body" and "item 2" in error.item
    assert items[0].article.title == "The council met on Tuesday"
    assert items[2].article.published == datetime(2026, 3, 1, 0, 0, 1, tzinfo=UTC)


def test_invalid_date_and_stray_text_are_reported():
    """An impossible date and text before the first date line are item errors, not crashes."""
    data = b"Listing\nstray words\n30 February 2018 In Politics\n\nText.\n\n1 March 2018 In Politics\n\nMore.\n"
    items = parse(data, "page", IngestOptions())
    assert [(i.position, i.ok) for i in items] == [("line 2", False), ("item 1", False), ("item 2", True)]
    assert items[1].error.field == "published" and "30 February 2018" in str(items[1].error)


def test_invalid_utf8_is_replaced_not_fatal():
    """Undecodable bytes become U+FFFD; the item still parses."""
    data = "Politics\n1 March 2018 In Politics\n\nCaf\xe9 talks.\n".encode("latin-1")
    (parsed,) = parse(data, "page", IngestOptions())
    assert parsed.ok and "Caf\ufffd talks." in parsed.article.body_html


def test_duplicate_item_on_one_day_is_an_error():
    """Two items of one day with the same first paragraph would share an id: the second is refused."""
    data = b"P\n1 March 2018 In Politics\n\nSame text.\n\n1 March 2018 In Politics\n\nSame text.\n"
    items = parse(data, "page", IngestOptions())
    assert items[0].ok and items[1].error.field == "id"


def test_sentence_starting_with_a_date_is_not_a_date_line():
    """'3 March 2018 In a statement, …' inside an item is text, not the start of a new item."""
    data = (b"P\n4 March 2018 In Politics\n\nThe council met.\n\n"
            b"3 March 2018 In a statement, the council said it would meet again.\n")
    (parsed,) = parse(data, "page", IngestOptions())
    assert parsed.ok and "In a statement, the council said" in parsed.article.body_html
