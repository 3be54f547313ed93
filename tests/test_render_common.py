"""Shared renderer helpers (_common) and behaviour every feed format must share (RSS, Atom, JSON Feed)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import feedparser
import pytest
from factories import SITE, bilingual_pair, item, make_article, make_spec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from syndicate.errors import RenderError
from syndicate.model import FeedItem, Origin
from syndicate.render import _common
from syndicate.render.base import get_renderer

FORMATS = ("rss", "atom", "json")


def machine(n: int = 5, **overrides: object) -> FeedItem:
    """A machine-translated Arabic item."""
    article = make_article(n, lang="ar", id=f"a{n}-ar", translation_of=f"a{n}", origin=Origin.MACHINE,
                           mt_engine="argos", mt_model="translate-en_ar-1_0", **overrides)
    return item(article)


def sample_items() -> list[FeedItem]:
    """Newest first: a machine translation, a human Arabic translation with its English original, an English one."""
    en, ar = bilingual_pair(3)
    return [machine(5), item(ar, en), item(en, ar), item(make_article(1))]


def ids(body: bytes, fmt: str) -> list[str]:
    if fmt == "json":
        return [i["id"] for i in json.loads(body)["items"]]
    return [e.id for e in feedparser.parse(body).entries]


def check_valid(body: bytes, fmt: str, atom_validator, jsonfeed_validator, feed_errors) -> None:
    if fmt == "json":
        assert jsonfeed_validator.errors(body) == []
        return
    assert feed_errors(body) == []
    if fmt == "atom":
        assert atom_validator.errors(body) == []


# --- _common helpers ------------------------------------------------------------------------------

def test_rfc822_is_gmt() -> None:
    """RSS dates are RFC 822 in GMT, whatever the input offset."""
    plus3 = timezone(timedelta(hours=3))
    assert _common.rfc822(datetime(2026, 3, 2, 13, 5, 9, tzinfo=plus3)) == "Mon, 02 Mar 2026 10:05:09 GMT"


def test_rfc3339_has_offset() -> None:
    """Atom/JSON dates are RFC 3339 in UTC with an explicit offset."""
    plus3 = timezone(timedelta(hours=3))
    assert _common.rfc3339(datetime(2026, 3, 2, 13, 0, tzinfo=plus3)) == "2026-03-02T10:00:00+00:00"


def test_naive_datetime_is_a_render_error() -> None:
    """A naive datetime is refused with a RenderError naming the item and the field."""
    article = make_article(1, published=datetime(2026, 3, 2, 9, 0))
    with pytest.raises(RenderError) as info:
        _common.check_items([item(article)])
    assert "a1" in str(info.value) and "published" in str(info.value)


def test_feed_updated_is_newest_modified_not_first_item() -> None:
    """The feed time is the newest `modified` among items, even when an older story was corrected later."""
    newest = make_article(5)
    corrected = make_article(1, updated=newest.published + timedelta(hours=2), correction_note="x")
    assert _common.feed_updated([item(newest), item(corrected)]) == corrected.updated


def test_feed_updated_of_empty_feed_is_fixed_constant() -> None:
    assert _common.feed_updated([]) == _common.EMPTY_FEED_UPDATED == datetime(1970, 1, 1, tzinfo=UTC)


def test_content_html_discloses_machine_translation() -> None:
    """A machine translation leads with a visible note naming engine and model."""
    html = _common.content_html(machine(), SITE)
    first = html.index("<em>")
    assert "argos" in html and "translate-en_ar-1_0" in html
    assert first < html.index("ناقش")            # before the body


@pytest.mark.parametrize("origin", [Origin.ORIGINAL, Origin.HUMAN])
def test_content_html_has_no_disclosure_for_human_text(origin: Origin) -> None:
    article = make_article(1, origin=origin, mt_engine="argos")
    html = _common.content_html(item(article), SITE)
    assert "<em>" not in html and "Machine translation" not in html


def test_content_html_shows_correction_and_credit() -> None:
    html = _common.content_html(item(make_article(1, correction_note="The envoy's name was misspelt.",
                                                  credit="Wire & Co")), SITE)
    assert "<strong>Correction:</strong> The envoy's name was misspelt.</p>" in html
    assert html.endswith("<p>Source: Wire &amp; Co</p>")


def test_content_html_notes_in_unlisted_language_are_marked_english() -> None:
    """A language without localised notes gets English notes marked lang="en" (so readers render them right)."""
    article = make_article(1, lang="sw", correction_note="Jina", origin=Origin.MACHINE, mt_engine="argos")
    html = _common.content_html(item(article), SITE)
    assert '<p lang="en" dir="ltr"><em>Machine translation (argos)' in html
    assert '<strong lang="en" dir="ltr">Correction:</strong>' in html


def test_content_html_wraps_rtl_only() -> None:
    en, ar = bilingual_pair(1)
    assert _common.content_html(item(ar), SITE).startswith('<div dir="rtl" lang="ar">')
    assert "dir=" not in _common.content_html(item(en), SITE)


def test_content_html_sanitises_and_absolutises() -> None:
    body = ('<p onclick="steal()">Hi <img src="/img/a.png" onerror="x()"> <a href="javascript:alert(1)">j</a>'
            '<a href="more.html">m</a></p><script>alert(2)</script>')
    article = make_article(1, body_html=body, url="https://news.example.org/en/2026/story-1")
    html = _common.content_html(item(article), SITE)
    for bad in ("<script", "onerror", "onclick", "javascript:", "alert"):
        assert bad not in html
    assert 'src="https://news.example.org/img/a.png"' in html
    assert 'href="https://news.example.org/en/2026/more.html"' in html


def test_feed_links_hub_only_when_configured() -> None:
    assert all(link["rel"] != "hub" for link in _common.feed_links(make_spec(), "atom"))
    links = _common.feed_links(make_spec(hub_url="https://hub.example.org/"), "atom")
    assert {"href": "https://hub.example.org/", "rel": "hub"} in links


def test_language_alternates_skip_own_language_and_bad_urls() -> None:
    en, ar = bilingual_pair(1)
    bad = replace(make_article(9, lang="fr"), url="javascript:alert(1)")
    links = _common.language_alternates(item(en, en, ar, bad), SITE)
    assert [(link["hreflang"], link["href"]) for link in links] == [("ar", ar.url)]


# --- every format ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,media_type,filename", [
    ("rss", "application/rss+xml", "rss.xml"), ("atom", "application/atom+xml", "atom.xml"),
    ("json", "application/feed+json", "feed.json")])
def test_renderer_identity(fmt: str, media_type: str, filename: str) -> None:
    renderer = get_renderer(fmt)
    assert (renderer.fmt, renderer.media_type, renderer.filename) == (fmt, media_type, filename)


class _AnyDatetime(type):
    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, datetime)


class _FutureClock(metaclass=_AnyDatetime):
    """Stands in for feedgen's ``datetime``: ``now()`` is far in the future, so a leak shows in the bytes."""

    @staticmethod
    def now(tz: object = None) -> datetime:
        return datetime(2099, 9, 9, 9, 9, 9, tzinfo=UTC)


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_is_deterministic(fmt: str) -> None:
    """Same inputs (rebuilt from scratch) → identical bytes."""
    first = get_renderer(fmt).render(make_spec(fmt=fmt), sample_items(), SITE)
    second = get_renderer(fmt).render(make_spec(fmt=fmt), sample_items(), SITE)
    assert first == second


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("items", [sample_items(), []], ids=["items", "empty"])
def test_no_wall_clock_in_output(fmt: str, items: list[FeedItem], monkeypatch: pytest.MonkeyPatch) -> None:
    """feedgen defaults every date to now(); none of it may reach the output."""
    import feedgen.entry
    import feedgen.feed

    monkeypatch.setattr(feedgen.feed, "datetime", _FutureClock)
    monkeypatch.setattr(feedgen.entry, "datetime", _FutureClock)
    body = get_renderer(fmt).render(make_spec(fmt=fmt), items, SITE)
    assert b"2099" not in body


def test_guids_equal_across_formats_and_order_preserved() -> None:
    items = sample_items()
    expected = [i.article.guid for i in items]
    for fmt in FORMATS:
        assert ids(get_renderer(fmt).render(make_spec(fmt=fmt), items, SITE), fmt) == expected, fmt


def test_input_order_is_kept_not_resorted() -> None:
    """Renderers keep the order they are given (selection sorts, not the renderer)."""
    items = list(reversed(sample_items()))
    for fmt in FORMATS:
        assert ids(get_renderer(fmt).render(make_spec(fmt=fmt), items, SITE), fmt) == \
            [i.article.guid for i in items]


@pytest.mark.parametrize("fmt", FORMATS)
def test_machine_translation_disclosed_in_every_format(fmt: str) -> None:
    body = get_renderer(fmt).render(make_spec(fmt=fmt), [machine()], SITE).decode()
    assert "translate-en_ar-1_0" in body and "machine-translation" in body
    human = get_renderer(fmt).render(make_spec(fmt=fmt), [item(bilingual_pair(1)[1])], SITE).decode()
    assert "machine-translation" not in human and "ترجمة آلية" not in human


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_feed_is_valid(fmt: str, atom_validator, jsonfeed_validator, feed_errors) -> None:
    body = get_renderer(fmt).render(make_spec(fmt=fmt), [], SITE)
    check_valid(body, fmt, atom_validator, jsonfeed_validator, feed_errors)
    assert ids(body, fmt) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_naive_datetime_fails_with_render_error(fmt: str) -> None:
    bad = make_article(1, updated=datetime(2026, 3, 2, 9, 0))
    with pytest.raises(RenderError):
        get_renderer(fmt).render(make_spec(fmt=fmt), [item(bad)], SITE)


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_character_in_title_becomes_space(fmt: str, atom_validator, jsonfeed_validator,
                                                  feed_errors) -> None:
    article = make_article(1, title="Breaking\x0bnews\x00 now\x85", summary="a\x1fb")
    body = get_renderer(fmt).render(make_spec(fmt=fmt), [item(article)], SITE)
    check_valid(body, fmt, atom_validator, jsonfeed_validator, feed_errors)
    title = json.loads(body)["items"][0]["title"] if fmt == "json" else feedparser.parse(body).entries[0].title
    assert title == "Breaking news now"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(max_size=60), body=st.text(max_size=120))
def test_arbitrary_text_survives_every_format(title: str, body: str, atom_validator, jsonfeed_validator,
                                              feed_errors) -> None:
    """Any title/body text gives a valid feed in every format (or, never, an lxml crash)."""
    article = make_article(1, title=title, body_html=body, author=title or None, credit=body or None)
    for fmt in FORMATS:
        rendered = get_renderer(fmt).render(make_spec(fmt=fmt), [item(article)], SITE)
        check_valid(rendered, fmt, atom_validator, jsonfeed_validator, feed_errors)
        if fmt != "json":
            etree.fromstring(rendered)       # well-formed for a strict parser too
