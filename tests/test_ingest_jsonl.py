"""JSON Lines ingest: field rules, per-line errors, sanitising."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime

import pytest
from conftest import DATA
from hypothesis import given, settings
from hypothesis import strategies as st

from syndicate.errors import IngestError, ItemError
from syndicate.ingest import IngestOptions, ParsedItem, detect_format, load, parse
from syndicate.model import Status

STORIES = DATA / "ingest" / "stories.jsonl"
KNOWN = IngestOptions(category="politics", lang="en", categories=frozenset({"politics", "economy"}),
                      languages=frozenset({"en", "ar"}))


def one(record: dict, options: IngestOptions = KNOWN) -> ParsedItem:
    (parsed,) = parse(json.dumps(record, ensure_ascii=False).encode(), "jsonl", options)
    return parsed


def good(**fields) -> dict:
    record = {"id": "s1", "title": "Budget agreed", "body": "The council agreed a budget.",
              "published": "2026-03-01T08:00:00Z"}
    record.update(fields)
    return record


@pytest.fixture(scope="module")
def stories() -> list[ParsedItem]:
    return load(str(STORIES), options=KNOWN)


def test_good_lines_are_returned_and_bad_ones_reported(stories):
    """Every non-blank line gives one result at its line number; the blank line 2 gives none."""
    assert [i.position for i in stories] == [f"line {n}" for n in (1, *range(3, 14))]
    assert [i.position for i in stories if i.ok] == ["line 1", "line 3", "line 13"]


@pytest.mark.parametrize("line, field, words", [
    (4, "published", "no time zone"),
    (5, "publshed", "unknown key"),
    (6, None, "not valid JSON"),
    (7, None, "JSON object"),
    (8, "category", "unknown category 'sports'"),
    (9, "lang", "unknown language 'fr'"),
    (10, "title", "neither a title nor a body"),
    (11, "id", "is required"),
    (12, "status", "'killed'"),
])
def test_each_bad_line_names_position_and_field(stories, line, field, words):
    """The ItemError of a bad line names the line (and id when known) and the offending field."""
    (parsed,) = [i for i in stories if i.position == f"line {line}"]
    assert parsed.article is None and isinstance(parsed.error, ItemError)
    assert parsed.error.item.startswith(f"line {line}")
    assert parsed.error.field == field
    assert words in str(parsed.error)


def test_full_record_fields(stories):
    """All fields of line 1 arrive cleaned; times are converted to UTC."""
    article = stories[0].article
    assert article.id == "desk-0301-envoy" and article.lang == "en" and article.category == "politics"
    assert article.title == "Envoy meets delegation" and article.summary == "Three hours of talks."
    assert article.body_html == "<p>The envoy met the <b>delegation</b>.</p>"
    assert (article.author, article.credit) == ("Media Department", "Levant Desk")
    assert article.url == "https://desk.example.org/en/politics/envoy"
    assert article.published == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert article.updated == datetime(2026, 3, 1, 15, 0, tzinfo=UTC)
    assert article.status is Status.USABLE and article.version == 1 and article.content_hash == ""


def test_defaults_plain_body_and_derived_title(stories):
    """Line 3: category/lang from options, plain body → escaped paragraphs, title from the first sentence."""
    article = stories[1].article
    assert (article.category, article.lang) == ("politics", "en")
    assert article.body_html == ("<p>Two crossings will reopen next week. Traders welcomed the news.</p>"
                                 "<p>Prices fell by &lt; 10% &amp; more.</p>")
    assert article.title == "Two crossings will reopen next week"


def test_translation_of_is_kept(stories):
    """Line 13: an Arabic human translation points at its original."""
    article = stories[-1].article
    assert (article.lang, article.translation_of, article.title) == ("ar", "desk-0301-envoy", "الوفد يلتقي المبعوث")


def test_underscore_keys_are_ignored():
    """Keys starting with '_' are comments."""
    assert one(good(_note="ignore me", _n=3)).ok


def test_control_character_in_title_becomes_space():
    """A vertical tab inside a title becomes one space (words must not merge)."""
    assert one(good(title="Breaking\u000bnews\u0085today")).article.title == "Breaking news today"


def test_body_html_is_sanitised():
    """<script>, on* handlers and javascript: URLs are removed from body_html."""
    body = ('<p onclick="x()">Hi<script>alert(1)</script></p><img src="a.png" onerror="alert(2)">'
            '<a href="javascript:alert(3)">x</a>')
    html = one(good(body=None, body_html=body, url="https://desk.example.org/en/s1")).article.body_html
    assert "script" not in html and "alert" not in html and "onerror" not in html and "onclick" not in html
    assert "javascript:" not in html
    assert '<img src="https://desk.example.org/en/a.png">' in html


def test_relative_urls_resolve_against_item_url_then_base():
    """Relative href/src use the item url; without one, IngestOptions.base_url."""
    body = '<p><a href="/more">more</a> <a href="next">next</a></p>'
    with_url = one(good(body=None, body_html=body, url="https://a.example/news/s1")).article
    assert 'href="https://a.example/more"' in with_url.body_html
    assert 'href="https://a.example/news/next"' in with_url.body_html
    options = IngestOptions(category="politics", lang="en", base_url="https://b.example/site/")
    without = one(good(body=None, body_html=body), options).article
    assert 'href="https://b.example/more"' in without.body_html
    assert 'href="https://b.example/site/next"' in without.body_html


def test_relative_item_url_resolves_against_base_and_bad_url_is_error():
    """A relative item url becomes absolute against base_url; a javascript: url is an error."""
    options = IngestOptions(category="politics", lang="en", base_url="https://b.example/")
    assert one(good(url="/en/s1"), options).article.url == "https://b.example/en/s1"
    assert one(good(url="javascript:alert(1)")).error.field == "url"


@pytest.mark.parametrize("field, value", [
    ("published", "2026-03-01"), ("published", "yesterday"), ("updated", "2026-03-01T08:00:00"),
    ("embargo", "2026-03-01 08:00"), ("published", 1700000000), ("title", ["a"]), ("lang", "english!"),
    ("category", "Politics News"), ("category", "all"), ("id", "has space"), ("translation_of", 7),
])
def test_bad_values_name_their_field(field, value):
    """Malformed values are refused with an ItemError naming exactly that field."""
    parsed = one(good(**{field: value}))
    assert parsed.error is not None and parsed.error.field == field, parsed


def test_missing_published_is_an_error():
    """'published' is required."""
    record = good()
    del record["published"]
    assert one(record).error.field == "published"


def test_offsets_become_utc_and_embargo_kept():
    """Offsets are converted to UTC for published, updated and embargo."""
    article = one(good(published="2026-03-01T08:00:00+05:30", embargo="2026-03-02T00:00:00-05:00",
                       status="withheld", correction_note="Corrects\tthe  date.")).article
    assert article.published == datetime(2026, 3, 1, 2, 30, tzinfo=UTC)
    assert article.embargo == datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
    assert article.status is Status.WITHHELD and article.correction_note == "Corrects the date."


def test_both_bodies_is_an_error():
    """body and body_html together are ambiguous."""
    assert one(good(body_html="<p>x</p>")).error.field == "body"


def test_duplicate_key_is_an_error():
    """A key given twice on one line would silently lose a value: refused."""
    data = b'{"id": "a", "title": "One", "title": "Two", "published": "2026-03-01T08:00:00Z"}'
    (parsed,) = parse(data, "jsonl", KNOWN)
    assert parsed.error.field == "title"


def test_without_defaults_lang_and_category_are_required():
    """With no item value and no default, lang and category are errors."""
    assert one(good(), IngestOptions(category="politics")).error.field == "lang"
    assert one(good(), IngestOptions(lang="en")).error.field == "category"


def test_any_valid_slug_and_tag_accepted_without_known_sets():
    """No known sets: any valid slug and BCP 47 tag pass (tags are normalised)."""
    article = one(good(category="local-news", lang="PT_br"), IngestOptions()).article
    assert (article.category, article.lang) == ("local-news", "pt-BR")


def test_invalid_utf8_line_does_not_stop_others():
    """Bad bytes are replaced on their line; the following line still parses."""
    data = (b'{"id": "a", "title": "Caf\xe9", "published": "2026-03-01T08:00:00Z"}\n'
            + json.dumps(good(id="b")).encode())
    items = parse(data, "jsonl", KNOWN)
    assert [i.ok for i in items] == [True, True]
    assert items[0].article.title == "Caf\ufffd"


def test_detect_and_unknown_format():
    """A JSON Lines file is detected; an unknown format name is an IngestError."""
    assert detect_format(STORIES.read_bytes(), "x") == "jsonl"
    with pytest.raises(IngestError, match="unknown source format"):
        parse(b"", "csv", KNOWN)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_arbitrary_input_never_crashes(data):
    """Any bytes give ParsedItems (JSON Lines and page) or an IngestError (feed): nothing else escapes."""
    for fmt in ("jsonl", "page"):
        for parsed in parse(data, fmt, KNOWN):
            assert (parsed.article is None) != (parsed.error is None)
    with contextlib.suppress(IngestError):
        parse(data, "feed", KNOWN)
