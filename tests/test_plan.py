"""The incremental planner decides from the data it is given: no database, no files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from syndicate.model import FeedKey
from syndicate.select.plan import FeedTarget, finish, first_pass, scopes_of_changes
from syndicate.store import Change, Watermark

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def target(lang: str, cat: str, size: int | None = 100, digest: str = "h") -> FeedTarget:
    key = FeedKey(lang, cat, "rss")
    return FeedTarget(f"{lang}/{cat}/rss.xml", key, digest, size)


def mark(t: FeedTarget, seq: int, at: datetime = T0, size: int = 100, digest: str = "h") -> Watermark:
    return Watermark(t.state_key, seq, digest, at, size, None)


def change(seq: int, article: str, lang: str, cat: str, family: str | None = None, version: int = 1) -> Change:
    return Change(seq, article, family or article, lang, cat, version, T0, None)


def test_static_reasons_settle_without_change_data():
    """First render, config change, a missing or edited file, a clock that went back, --full."""
    fresh, edited, gone, config, clock, quiet = (target("en", c) for c in ("a", "b", "c", "d", "e", "f"))
    gone = FeedTarget(gone.state_key, gone.key, "h", None)
    marks = {edited.state_key: mark(edited, 5, size=99), gone.state_key: mark(gone, 5),
             config.state_key: mark(config, 5, digest="old"), clock.state_key: mark(clock, 5, at=T0 + timedelta(1)),
             quiet.state_key: mark(quiet, 5)}
    pending = first_pass([fresh, edited, gone, config, clock, quiet], marks, 5, T0)
    assert pending.plan.dirty == {fresh.state_key: "never published", edited.state_key: "file changed on disk",
                                  gone.state_key: "file missing", config.state_key: "config changed",
                                  clock.state_key: "clock before last render"}
    assert [t for t, _ in pending.candidates] == [quiet] and pending.low_seq == 5
    assert set(first_pass([quiet], marks, 5, T0, full=True).plan.dirty.values()) == {"full"}


def test_a_change_touches_its_feed_its_all_feed_and_its_family():
    """One new Arabic politics story that translates an English original: the Arabic politics and all feeds,
    the English feeds of the original's category (its alternates) are dirty; nothing else."""
    targets = [target(lang, cat) for lang in ("en", "ar") for cat in ("politics", "economy", "all")]
    marks = {t.state_key: mark(t, 10) for t in targets}
    changes = [change(11, "a1-ar", "ar", "politics", family="a1")]
    scopes = scopes_of_changes(changes, [("a1", "en", "politics"), ("a1", "ar", "politics")], {})
    plan = finish(first_pass(targets, marks, 11, T0 + timedelta(minutes=1)), scopes, [])
    assert sorted(plan.dirty) == ["ar/all/rss.xml", "ar/politics/rss.xml", "en/all/rss.xml", "en/politics/rss.xml"]
    assert set(plan.dirty.values()) == {"articles changed"}
    assert sorted(plan.clean) == ["ar/economy/rss.xml", "en/economy/rss.xml"]


def test_a_moved_article_dirties_its_old_category():
    targets = [target("en", "politics"), target("en", "economy")]
    marks = {t.state_key: mark(t, 3) for t in targets}
    scopes = scopes_of_changes([change(4, "a1", "en", "economy", version=2)], [("a1", "en", "economy")],
                               {"a1": {"politics"}})
    plan = finish(first_pass(targets, marks, 4, T0), scopes, [])
    assert sorted(plan.dirty) == ["en/economy/rss.xml", "en/politics/rss.xml"]


def test_timers_and_floods():
    """A visibility instant due since the last render dirties its feed and the all feed; too many changes to
    trace (scopes None) dirties every feed behind the newest change."""
    targets = [target("en", "politics"), target("en", "all"), target("en", "economy")]
    marks = {t.state_key: mark(t, 7) for t in targets}
    now = T0 + timedelta(hours=1)
    plan = finish(first_pass(targets, marks, 7, now), {}, [("en", "politics", T0 + timedelta(minutes=30))])
    assert sorted(plan.dirty) == ["en/all/rss.xml", "en/politics/rss.xml"]
    assert set(plan.dirty.values()) == {"embargo or publish time reached"}
    flooded = finish(first_pass(targets, marks, 9, now), None, [])
    assert set(flooded.dirty.values()) == {"many changes"} and len(flooded.dirty) == 3
    untouched = finish(first_pass(targets, marks, 7, now), None, [])
    assert untouched.dirty == {}              # nothing newer than the watermarks: nothing to do
