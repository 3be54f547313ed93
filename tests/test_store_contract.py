"""The store contract, run against every backend (SQLite file and PostgreSQL at 127.0.0.1:5432)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from factories import BASE, make_article

from syndicate.model import Origin, Status


def test_insert_then_identical_reingest_changes_nothing(store):
    """Re-storing identical content keeps version 1 and reports 'unchanged'."""
    a = make_article(1)
    assert [r.action for r in store.articles.upsert_many([a], now=BASE)] == ["inserted"]
    assert [r.action for r in store.articles.upsert_many([a], now=BASE + timedelta(days=1))] == ["unchanged"]
    got = store.articles.get("a1")
    assert got.version == 1 and got.title == a.title and got.content_hash == a.content_hash


def test_round_trip_keeps_every_field_and_utc(store):
    """Every field comes back as stored, datetimes timezone-aware UTC."""
    a = make_article(2, lang="ar", embargo=BASE + timedelta(days=3), status=Status.WITHHELD,
                     correction_note="fixed a name", summary="ملخص")
    store.articles.upsert_many([a], now=BASE)
    got = store.articles.get("a2")
    assert got.published == a.published and got.published.utcoffset() == timedelta(0)
    assert got.embargo == a.embargo and got.status is Status.WITHHELD
    assert (got.lang, got.summary, got.correction_note, got.body_html) == ("ar", "ملخص", "fixed a name", a.body_html)


def test_changed_content_bumps_version_and_keeps_history(store):
    """A changed body gives version 2; both versions stay retrievable."""
    a = make_article(3)
    store.articles.upsert_many([a], now=BASE)
    b = replace(a, body_html="<p>Changed.</p>")
    res = store.articles.upsert_many([b], now=BASE + timedelta(hours=5))
    assert (res[0].action, res[0].version) == ("updated", 2)
    got = store.articles.get("a3")
    assert got.version == 2 and got.updated == BASE + timedelta(hours=5)
    history = store.articles.versions("a3")
    assert [v.version for v in history] == [1, 2]
    assert history[0].body_html == a.body_html and history[1].body_html == "<p>Changed.</p>"


def test_status_change_is_a_new_version(store):
    a = make_article(4)
    store.articles.upsert_many([a], now=BASE)
    store.articles.upsert_many([replace(a, status=Status.CANCELED)], now=BASE + timedelta(hours=1))
    assert store.articles.get("a4").version == 2 and store.articles.get("a4").status is Status.CANCELED


def test_feed_candidates_hide_future_embargoed_withheld_and_canceled(store):
    """Only usable items published and out of embargo by `now` are candidates, newest first; ``early`` (partners
    that receive embargoed items) also offers embargoed ones; an item released by its embargo sorts by it."""
    now = BASE + timedelta(hours=10)
    items = [
        make_article(1), make_article(2), make_article(3),
        make_article(20, published=now + timedelta(hours=1)),                 # future
        make_article(5, embargo=now + timedelta(minutes=5)),                  # embargoed
        make_article(6, status=Status.WITHHELD), make_article(7, status=Status.CANCELED),
        make_article(8, category="economy"), make_article(9, lang="ar"),
    ]
    store.articles.upsert_many(items, now=BASE)
    got = store.articles.feed_candidates("en", "politics", now, 50)
    assert [a.id for a in got] == ["a3", "a2", "a1"]
    assert [a.id for a in store.articles.feed_candidates("en", None, now, 50)] == ["a8", "a3", "a2", "a1"]
    assert "a5" in [a.id for a in store.articles.feed_candidates("en", "politics", now, 50, early=True)]
    assert "a5" in [a.id for a in store.articles.feed_candidates("en", "politics", now + timedelta(minutes=5), 50)]
    assert [a.id for a in store.articles.feed_candidates("en", "politics", now, 2)] == ["a3", "a2"]
    released = store.articles.feed_candidates("en", "politics", now + timedelta(minutes=5), 50)
    assert released[0].id == "a5"          # published before a3 but released after it: newest release first


def test_equal_times_have_a_stable_tie_break(store):
    same = [make_article(n, published=BASE) for n in (3, 1, 2)]
    store.articles.upsert_many(same, now=BASE)
    assert [a.id for a in store.articles.feed_candidates("en", None, BASE, 10)] == ["a1", "a2", "a3"]


def test_human_translation_replaces_machine_translation(store):
    """A human translation wins: the machine version of that language is removed, the guid is the same."""
    en = make_article(1)
    mt = make_article(1, lang="ar", id="a1~ar", translation_of="a1", origin=Origin.MACHINE, mt_engine="argos",
                      mt_model="m", source_version=1)
    store.articles.upsert_many([en, mt], now=BASE)
    assert {a.id for a in store.articles.family_members(["a1"])["a1"]} == {"a1", "a1~ar"}
    human = make_article(1, lang="ar", id="a1-ar", translation_of="a1", origin=Origin.HUMAN)
    store.articles.upsert_many([human], now=BASE)
    members = store.articles.family_members(["a1"])["a1"]
    assert {a.id for a in members} == {"a1", "a1-ar"}
    assert human.guid == mt.guid


def test_translation_memory_round_trip_and_isolation(store):
    store.memory.put_many(("argos", "m1", "en", "ar"), {"h1": "ترجمة", "h2": "أخرى"})
    store.memory.put_many(("argos", "m1", "en", "ar"), {"h1": "ترجمة"})          # idempotent
    assert store.memory.get_many(("argos", "m1", "en", "ar"), ["h1", "h2", "h3"]) == {"h1": "ترجمة", "h2": "أخرى"}
    assert store.memory.get_many(("argos", "m2", "en", "ar"), ["h1"]) == {}
    assert store.memory.get_many(("argos", "m1", "en", "fr"), ["h1"]) == {}


def test_duplicate_ids_in_one_batch_version_in_order(store):
    """Two different contents for one id in one batch: the later one is version 2."""
    a = make_article(1)
    res = store.articles.upsert_many([a, replace(a, title="Second title")], now=BASE)
    assert [(r.action, r.version) for r in res] == [("inserted", 1), ("updated", 2)]
    assert store.articles.get("a1").title == "Second title"


def test_check_reports_a_usable_store(store):
    assert store.check() == []


def test_concurrent_writers_never_hand_out_one_version_twice(store_url):
    """Four writers (own connections) change one article at once: versions 1..N, each exactly once."""
    import threading

    from syndicate.store import open_store

    stores = [open_store(store_url) for _ in range(4)]
    base = make_article(1)
    stores[0].articles.upsert_many([base], now=BASE)
    errors: list[Exception] = []

    def writer(k: int) -> None:
        try:
            for i in range(5):
                stores[k].articles.upsert_many([replace(base, title=f"writer {k} edit {i}")], now=BASE)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    history = stores[0].articles.versions("a1")
    assert [v.version for v in history] == list(range(1, 22))
    assert stores[0].articles.get("a1").version == 21
    for s in stores:
        s.close()


def test_run_totals_durations_and_last_finished_for_metrics(store):
    """What /metrics and /healthz read from the run ledger and the watermarks, on every backend."""
    from syndicate.store import Watermark

    t = BASE + timedelta(days=1)
    assert store.runs.totals() == [] and store.runs.last_finished("publish") is None
    assert store.feeds.last_rendered() is None
    for i, (job, kind, status, secs) in enumerate([("hourly", "publish", "success", 4), ("hourly", "publish", "failed", 1),
                                                    ("hourly", "publish", "success", 6), ("prune", "prune", "success", 2)]):
        run = store.runs.claim(job, kind, t + timedelta(hours=i), t + timedelta(hours=i))
        store.runs.finish(run, status, t + timedelta(hours=i, seconds=secs), error="boom" if status == "failed" else None)
    assert store.runs.totals() == [("hourly", "publish", "failed", 1), ("hourly", "publish", "success", 2),
                                   ("prune", "prune", "success", 1)]
    assert store.runs.durations("publish") == {"hourly": [4.0, 6.0]}
    last = store.runs.last_finished("publish")
    assert last is not None and last.finished == t + timedelta(hours=2, seconds=6)
    for path, hours in (("en/politics/rss.xml", 1), ("ar/all/atom.xml", 5)):
        store.feeds.record_watermark(Watermark(path=path, seq=1, config_hash="x", rendered_at=t + timedelta(hours=hours),
                                               size=10, run_id=None))
    assert store.feeds.last_rendered() == t + timedelta(hours=5)
