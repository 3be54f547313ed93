"""Property tests: arbitrary Unicode titles, bodies and authors go ingest → store → every renderer and come out
valid, and a feed reader sees the same visible text, modulo the one documented cleaning.

The documented cleaning is :func:`syndicate.sanitize.plain_text` (a text field as a reader sees it): source
title/author ``x`` must read back as ``plain_text(x)`` in RSS, Atom, JSON Feed and NewsML-G2; a plain-text body
``b`` must read back with the visible text ``plain_text(html.escape(b))`` (its text, spaces collapsed).
"""

from __future__ import annotations

import html
import itertools
import json
from datetime import UTC, datetime

import feedparser
import pytest
from factories import SITE, item, make_spec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from syndicate.ingest import IngestOptions
from syndicate.ingest.jsonl import parse_jsonl
from syndicate.render._common import WORD_JOINER
from syndicate.render.base import get_renderer
from syndicate.sanitize import name_text, plain_text, protect_text, text_field
from syndicate.store import open_store

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
NAR = {"g": "http://iptc.org/std/nar/2006-10-01/", "x": "http://www.w3.org/1999/xhtml"}
OPTIONS = IngestOptions(categories=frozenset({"politics"}), languages=frozenset({"en", "ar"}))
PROPERTY_SETTINGS = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Markup-ish fragments mixed into arbitrary text: tags, entities (with and without ';'), comments, controls,
# bidi overrides, lone surrogates, C1 controls, BOM, RTL letters.
TOKENS = ["<", ">", "&", "&amp;", "&lt;", "&gt", "&copy", "&#", "&#x41;", "&#0;", ";", "<b>", "</b>", "</i>",
          "<p>", "<script>x</script>", "<!--", "-->", "<?", "< ", "<2", "\u202e", "\u2066", "\x00", "\x0b",
          "\x85", "\x7f", "\ud800", "\udfff", "\ufeff", "\ufffe", "\u200f", "مرحبا", "שלום", " ", "\n", "\n\n",
          "\t", "AT&T"]
# Any code point, lone surrogates included (JSON can carry them as \ud800 escapes).
ANY_CHAR = st.characters(exclude_categories=())
TEXT = st.lists(st.one_of(st.text(ANY_CHAR, max_size=12), st.sampled_from(TOKENS)), max_size=8).map("".join)

_ids = itertools.count(1)


@pytest.fixture(scope="module")
def prop_store(tmp_path_factory):
    s = open_store(f"sqlite:///{tmp_path_factory.mktemp('props') / 'store.sqlite3'}")
    yield s
    s.close()


def shown(detail) -> str:
    """What a reader displays for a feedparser text construct: HTML is read as HTML, text as text."""
    if detail.get("type") in ("text/html", "application/xhtml+xml"):
        return plain_text(detail["value"])
    return detail["value"]


def ingest_one(store, *, title: str, body: str, author: str, lang: str):
    """One JSON Lines record through the real parser and the store; the stored article (or the ItemError)."""
    article_id = f"p{next(_ids)}"
    record = {"id": article_id, "lang": lang, "category": "politics", "title": title, "body": body,
              "author": author, "published": "2026-03-01T10:00:00Z"}
    [parsed] = parse_jsonl(json.dumps(record).encode("utf-8"), OPTIONS)
    if parsed.error is not None:
        return None, parsed.error
    store.articles.upsert_many([parsed.article], NOW)
    return store.articles.get(article_id), None


def readback(article, atom_validator, jsonfeed_validator, newsml_validator, feed_errors) -> dict[str, dict]:
    """Render the article in every format, validate each, and return what a reader sees per format."""
    out: dict[str, dict] = {}
    for fmt in ("rss", "atom", "json", "newsml"):
        body = get_renderer(fmt).render(make_spec(lang=article.lang, fmt=fmt), [item(article)], SITE)
        if fmt == "json":
            assert jsonfeed_validator.errors(body) == []
            doc = json.loads(body)["items"][0]
            out[fmt] = {"title": doc["title"], "content": plain_text(doc["content_html"]),
                        "author": doc.get("authors", [{}])[0].get("name")}
        elif fmt == "newsml":
            assert newsml_validator.errors(body) == []
            root = etree.fromstring(body)
            body_el = root.xpath("//g:inlineXML/x:html/x:body", namespaces=NAR)[0]
            out[fmt] = {"title": root.xpath("string(//g:contentMeta/g:headline)", namespaces=NAR),
                        "content": plain_text(etree.tostring(body_el, encoding="unicode")),
                        "author": root.xpath("string(//g:creator/g:name)", namespaces=NAR) or None}
        else:
            assert feed_errors(body) == []
            if fmt == "atom":
                assert atom_validator.errors(body) == []
            entry = feedparser.parse(body).entries[0]
            content = entry.content[0] if "content" in entry else None     # RSS: content:encoded
            out[fmt] = {"title": shown(entry.title_detail),
                        "content": shown(content) if content else "",
                        "author": entry.get("author")}
    return out


@PROPERTY_SETTINGS
@given(title=TEXT, body=TEXT, author=TEXT, lang=st.sampled_from(["en", "ar"]))
def test_arbitrary_text_round_trips_through_every_format(prop_store, title, body, author, lang, atom_validator,
                                                         jsonfeed_validator, newsml_validator, feed_errors):
    """Ingest → store → RSS/Atom/JSON Feed/NewsML-G2: valid, and readers see plain_text of the source text."""
    article, error = ingest_one(prop_store, title=title, body=body, author=author, lang=lang)
    visible_body = plain_text(html.escape(body, quote=False))
    if not plain_text(title) and not visible_body:
        assert error is not None and error.field == "title"
        return
    assert error is None
    expected_title = plain_text(title) or plain_text(article.title)
    assert expected_title
    for fmt, seen in readback(article, atom_validator, jsonfeed_validator, newsml_validator, feed_errors).items():
        # JSON Feed titles and NewsML-G2 headlines carry an invisible word joiner after a "<" or "&" that would
        # start markup (render._common.inert_text); the visible text is the same
        title_seen = seen["title"].replace(WORD_JOINER, "") if fmt in ("json", "newsml") else seen["title"]
        assert title_seen == expected_title, fmt
        # an Atom entry with neither body nor link falls back to its excerpt (the title) rather than no content
        assert seen["content"] == visible_body or (fmt == "atom" and not visible_body
                                                   and seen["content"] == plain_text(article.title)), fmt
        assert seen["author"] == (name_text(author) or None), fmt      # bylines lose only real HTML tags


@PROPERTY_SETTINGS
@given(text=TEXT)
def test_stored_text_fields_show_exactly_their_visible_text(text):
    """The renderers' plain_text pass over a stored field is lossless (sanitize.text_field's contract)."""
    assert plain_text(text_field(text)) == plain_text(text)
    visible = plain_text(text)
    assert plain_text(protect_text(visible)) == visible


@PROPERTY_SETTINGS
@given(text=TEXT)
def test_stored_names_show_exactly_their_visible_text(text):
    """A byline stored as protect_text(name_text(x)) reads back through the renderers' plain_text unchanged."""
    assert plain_text(protect_text(name_text(text))) == name_text(text)


@pytest.mark.parametrize("text, visible", [
    ("Inflation < 3% as rates > 4%", "Inflation < 3% as rates > 4%"),
    ("Growth <2% &amp; AT&T", "Growth <2% & AT&T"),
    ("<b>Talks</b>\u202e resume\x0b<script>alert(1)</script>", "Talks resume"),
    ("&lt;blink&gt; turns 30", "<blink> turns 30"),
])
def test_plain_text_examples(text, visible):
    """Examples of the documented cleaning: only real markup goes, '<' before a space or digit is text."""
    assert plain_text(text) == visible
