"""The visibility policy on its own (pure): every status, time and audience, the release time, scope."""

from __future__ import annotations

from datetime import timedelta

import pytest
from factories import BASE, make_article

from syndicate.config import Partner
from syndicate.model import PUBLIC, Audience, Scope, Show, Status
from syndicate.select.policy import audience_of, decide, held_back, may_fetch, release_time, scope_of, shown_before

NOW = BASE + timedelta(days=1)
EARLY = Audience(name="wire", embargoed=True, partner=True)
LATE = Audience(name="acme", partner=True)


@pytest.mark.parametrize(("status", "public", "partner_seen", "partner_unseen"), [
    (Status.USABLE, Show.FULL, Show.FULL, Show.FULL),
    (Status.WITHHELD, Show.HIDDEN, Show.WITHHELD_NOTICE, Show.HIDDEN),
    (Status.CANCELED, Show.HIDDEN, Show.KILL_NOTICE, Show.HIDDEN),
])
def test_status_decides_how_each_audience_sees_a_released_version(status, public, partner_seen, partner_unseen):
    """The public sees usable versions only; a partner gets the notice of a withheld or killed story only if it
    was shown the story before."""
    article = make_article(1, status=status)
    assert decide(article, PUBLIC, NOW).show is public
    assert decide(article, LATE, NOW, shown_before=True).show is partner_seen
    assert decide(article, LATE, NOW, shown_before=False).show is partner_unseen


def test_embargo_and_future_times():
    """Before its release nothing is shown; partners that get embargoes early see it flagged, from published."""
    embargoed = make_article(1, published=NOW - timedelta(hours=5), embargo=NOW + timedelta(hours=1))
    public = decide(embargoed, PUBLIC, NOW)
    assert (public.show, public.reason, public.at) == (Show.HIDDEN, "embargoed", embargoed.embargo)
    assert decide(embargoed, LATE, NOW).show is Show.HIDDEN
    early = decide(embargoed, EARLY, NOW)
    assert (early.show, early.at) == (Show.EMBARGOED, embargoed.published)
    later = NOW + timedelta(hours=1)
    assert decide(embargoed, PUBLIC, later).show is Show.FULL and decide(embargoed, PUBLIC, later).at == later
    future = make_article(2, published=NOW + timedelta(minutes=1))
    for audience in (PUBLIC, LATE, EARLY):
        assert decide(future, audience, NOW).reason == "scheduled"
    lapsed = make_article(3, published=NOW - timedelta(hours=5), embargo=NOW - timedelta(hours=6))
    assert release_time(lapsed, PUBLIC) == lapsed.published    # an embargo before publication changes nothing


def test_scope_and_formats():
    """Outside the agreement's languages, categories or formats nothing is shown; ``all`` means everything."""
    partner = Partner(name="gulf", languages=("ar",), categories=("politics",), formats=("newsml",))
    audience = audience_of(partner)
    assert audience.scope == Scope(frozenset({"ar"}), frozenset({"politics"}))
    assert decide(make_article(1, lang="ar"), audience, NOW).visible
    assert decide(make_article(1, lang="en"), audience, NOW).reason == "outside-scope"
    assert decide(make_article(1, lang="ar", category="economy"), audience, NOW).reason == "outside-scope"
    assert decide(make_article(1, lang="ar"), audience, NOW, fmt="rss").reason == "format"
    assert scope_of((), ("all",)) == scope_of() == Scope()
    assert scope_of(("en",), ("politics", "all")).categories is None
    assert may_fetch(audience, "ar", "politics") and may_fetch(audience, "ar", "all")
    assert may_fetch(audience, "ar", "items") and not may_fetch(audience, "en", "items")
    assert not may_fetch(audience, "ar", "economy") and not may_fetch(audience, "ar", "politics", "rss")


def test_shown_before_and_held_back_counts():
    v1 = make_article(1, version=1)
    v2_withheld = make_article(1, version=2, status=Status.WITHHELD)
    unseen = make_article(2, embargo=NOW + timedelta(hours=1))
    assert shown_before([v1], LATE, NOW) and not shown_before([unseen], LATE, NOW)
    assert shown_before([unseen], EARLY, NOW)
    counts = held_back([v1, v2_withheld, unseen, make_article(3, status=Status.CANCELED),
                        make_article(4, published=NOW + timedelta(days=1))], PUBLIC, NOW)
    assert counts == {"withheld": 1, "embargoed": 1, "canceled": 1, "scheduled": 1}
