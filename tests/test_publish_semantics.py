"""What one publish promises (issue cases): a released embargo is new at the top of its feeds, a renderer bug
fails the feed instead of emptying it, item files exist for every visible version whatever the feed cut, empty
NewsML-G2 feeds are neither written nor advertised, pending translations come from the change sequence."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from click.testing import CliRunner
from factories import make_article
from sites import make_site, site_config

from syndicate.cli import main
from syndicate.config import load_config
from syndicate.publish.usecase import publish
from syndicate.render import _common
from syndicate.schedule.status import gather_status
from syndicate.store import open_store
from syndicate.translate.usecase import cursor_name

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.fixture
def site(tmp_path, store_url):
    config = site_config(tmp_path, store_url=store_url, formats=("rss", "atom", "json", "newsml"), items=5)
    store = open_store(config.store_url)
    yield config, store
    store.close()


def test_a_released_embargo_is_new_at_the_top_and_moves_the_feed(site):
    """An embargoed story published long before the feed's 5th item appears at the top when its embargo lifts,
    dated by its release; the feed's updated/lastBuildDate move; status and publish agree before that."""
    config, store = site
    recent = [make_article(n, published=NOW - timedelta(hours=n)) for n in range(1, 9)]
    old = make_article(50, id="embargoed", published=NOW - timedelta(days=2), embargo=NOW + timedelta(hours=1))
    store.articles.upsert_many([*recent, old], NOW - timedelta(days=3))
    before = publish(config, store, NOW)
    assert before.withheld == {"embargoed": 1}
    status = gather_status(config, store, NOW)["held_back"]
    assert status["embargoed"] == 1 and status["embargo_list"][0]["id"] == "embargoed"
    assert status["embargo_list"][0]["until"] == "2026-11-27T13:00:00Z"
    rss = feedparser.parse((config.output.dir / "en/politics/rss.xml").read_bytes())
    assert old.guid not in [e.id for e in rss.entries]

    after = publish(config, store, NOW + timedelta(hours=2))
    assert after.withheld == {} and gather_status(config, store, NOW + timedelta(hours=2))["held_back"]["embargoed"] == 0
    for name in ("rss.xml", "atom.xml", "feed.json"):
        assert any(r.path == f"en/politics/{name}" and r.written for r in after.results), name
    rss = feedparser.parse((config.output.dir / "en/politics/rss.xml").read_bytes())
    atom = feedparser.parse((config.output.dir / "en/all/atom.xml").read_bytes())
    for parsed in (rss, atom):
        top = parsed.entries[0]
        assert top.id == old.guid and len(parsed.entries) == 5
        assert datetime(*top.published_parsed[:6], tzinfo=UTC) == NOW + timedelta(hours=1)
    assert datetime(*rss.feed.updated_parsed[:6], tzinfo=UTC) == NOW + timedelta(hours=1)
    assert datetime(*atom.feed.updated_parsed[:6], tzinfo=UTC) == NOW + timedelta(hours=1)


def test_a_renderer_bug_fails_the_feed_and_keeps_the_old_file(site, monkeypatch):
    """If no item of a feed renders (a bug in a shared helper), the feed fails naming why, the old file stays,
    its watermark does not move; after the fix the next publish brings the items."""
    config, store = site
    store.articles.upsert_many([make_article(1)], NOW)
    assert publish(config, store, NOW).ok
    path = config.output.dir / "en/politics/rss.xml"
    old_bytes = path.read_bytes()
    marks = store.feeds.watermarks()
    store.articles.upsert_many([make_article(2, published=NOW)], NOW + timedelta(minutes=1))

    def broken(item, site):
        raise KeyError("lang")

    monkeypatch.setattr(_common, "content_html", broken)
    report = publish(config, store, NOW + timedelta(minutes=2))
    failed = {r.path: r for r in report.failed}
    assert "en/politics/rss.xml" in failed and "no item of the feed could be rendered" in str(failed["en/politics/rss.xml"].error)
    assert not report.ok and path.read_bytes() == old_bytes
    assert store.feeds.watermarks()["en/politics/rss.xml"] == marks["en/politics/rss.xml"]
    monkeypatch.undo()
    fixed = publish(config, store, NOW + timedelta(minutes=3))
    assert fixed.ok and any(r.path == "en/politics/rss.xml" and r.written for r in fixed.results)
    assert make_article(2).guid.encode() in path.read_bytes()


def test_item_files_exist_for_every_visible_version_whatever_the_cut(site):
    """12 stories, 3 of them edited, in a 5-item feed: 15 public item files; none for an embargoed story; the
    embargoed partner gets its own, early."""
    config, store = site
    stories = [make_article(n, published=NOW - timedelta(hours=n)) for n in range(1, 13)]
    store.articles.upsert_many(stories, NOW - timedelta(days=1))
    store.articles.upsert_many([replace(s, title=s.title + " (updated)").with_hash() for s in stories[:3]],
                               NOW - timedelta(hours=20))
    store.articles.upsert_many([make_article(99, id="later", embargo=NOW + timedelta(days=1))], NOW)
    report = publish(config, store, NOW)
    files = sorted(p.name for p in (config.output.dir / "en" / "items").iterdir())
    assert len(files) == 15 == report.item_files
    assert not any(make_article(99, id="later").guid.rsplit(":", 1)[1] in f for f in files)
    assert publish(config, store, NOW).item_files == 0           # never rewritten


def test_an_empty_newsml_feed_is_neither_written_nor_advertised(site):
    config, store = site
    store.articles.upsert_many([make_article(1)], NOW)
    publish(config, store, NOW)
    out = config.output.dir
    assert (out / "en/politics/newsml.xml").is_file() and not (out / "en/economy/newsml.xml").exists()
    assert b"politics/newsml.xml" in (out / "en/politics/atom.xml").read_bytes()
    for name in ("rss.xml", "atom.xml", "feed.json"):
        assert b"newsml.xml" not in (out / "en/economy" / name).read_bytes(), name
    atom = (out / "en/politics/atom.xml").read_bytes()
    assert b'type="application/vnd.iptc.g2.newsmessage+xml"' in atom and b"newsitem+xml" not in atom


TRANSLATING = '[translation]\ntargets = ["es"]\nengine = "identity"\npairs = {{ "ar-es" = "{ar_engine}" }}\n'


def test_pending_translations_come_from_the_change_sequence(tmp_path):
    """The first publish looks at every original once; one with nothing new looks at none; a pair its engine
    cannot serve stays pending (reported, in status) and is retried without rescanning the rest."""
    config = load_config(make_site(tmp_path, extra=TRANSLATING.format(ar_engine="apertium")), env={})
    with open_store(config.store_url) as store:
        store.articles.upsert_many([make_article(n) for n in range(1, 6)] + [make_article(9, lang="ar", id="ar9")],
                                   NOW)
        first = publish(config, store, NOW)
        assert first.translation is not None and first.translation.looked_at == 6
        assert sorted(first.translation.translated) == [f"a{n}~es" for n in range(1, 6)]
        assert [(a, d) for a, d, _ in first.translation.pending] == [("ar9", "es")]
        assert store.pending.count_by_language() == {"es": 1}
        assert gather_status(config, store, NOW)["pending_translations"] == {"es": 1}
        assert store.feeds.cursor(cursor_name(config, "es")).seq == store.articles.max_seq() - 5
        again = publish(config, store, NOW + timedelta(minutes=1))
        assert again.translation.looked_at == 1 and len(again.translation.pending) == 1    # only the retry
        store.articles.upsert_many([make_article(7)], NOW + timedelta(minutes=2))
        third = publish(config, store, NOW + timedelta(minutes=3))
        assert third.translation.looked_at == 2 and third.translation.translated == ["a7~es"]
        skipped = publish(config, store, NOW + timedelta(minutes=4), translate=False)
        assert skipped.translation is None


def test_a_scheduled_publish_translates_before_publishing(tmp_path):
    """`syndicate run --once` with a publish schedule and [translation] targets: the Spanish feeds carry the
    machine translation, disclosed; a schedule with `translate = false` publishes without translating."""
    extra = TRANSLATING.format(ar_engine="identity") + '[schedules.publish-all]\nkind = "publish"\ninterval = "15m"\n'
    cfg = make_site(tmp_path, extra=extra)
    config = load_config(cfg, env={})
    with open_store(config.store_url) as store:
        store.articles.upsert_many([make_article(1, published=NOW - timedelta(hours=1))], NOW - timedelta(hours=1))
    result = CliRunner().invoke(main, ["--config", str(cfg), "run", "--once", "--now", NOW.isoformat()])
    assert result.exit_code == 0, result.output
    es = feedparser.parse((config.output.dir / "es/politics/rss.xml").read_bytes())
    assert [e.id for e in es.entries] == [make_article(1, lang="es", translation_of="a1").guid]
    assert "machine-translation" in {t.term for t in es.entries[0].tags}
    with open_store(config.store_url) as store:
        [run] = store.runs.recent("publish-all")
        assert run.counts["translated"] == 1 and run.status == "success"

    other = tmp_path / "other"
    other.mkdir()
    cfg2 = make_site(other, extra=extra.replace('interval = "15m"', 'interval = "15m"\ntranslate = false'))
    config2 = load_config(cfg2, env={})
    with open_store(config2.store_url) as store:
        store.articles.upsert_many([make_article(1, published=NOW - timedelta(hours=1))], NOW - timedelta(hours=1))
    assert CliRunner().invoke(main, ["--config", str(cfg2), "run", "--once", "--now", NOW.isoformat()]).exit_code == 0
    assert feedparser.parse((config2.output.dir / "es/politics/rss.xml").read_bytes()).entries == []
    with open_store(config2.store_url) as store:
        assert store.articles.get("a1~es") is None


def test_a_partner_with_categories_all_gets_every_category_everywhere(tmp_path):
    """``categories = ["all"]`` means every category, in the files (each category and the ``all`` feed), the
    items API, the server's authorisation and the push queue alike (0.1.0 gave only the ``all`` file)."""
    import hashlib

    import requests
    from lxml import etree
    from test_serve_support import ThreadedServer

    extra = (f'[partners.everything]\nlanguages = ["en"]\ncategories = ["all"]\nrate_limit = 100000\n'
             f'token_hashes = ["{hashlib.sha256(b"tok").hexdigest()}"]\n'
             'push_url = "http://127.0.0.1:9/nowhere"\npush_secret = "s"\n')
    config = site_config(tmp_path, formats=("rss", "atom", "newsml"), extra=extra)
    store = open_store(config.store_url)
    server = ThreadedServer(config, store, NOW)
    try:
        stories = [make_article(1, category="politics"), make_article(2, category="economy"),
                   make_article(3, category="humanitarian"), make_article(4, lang="ar", category="economy")]
        store.articles.upsert_many(stories, NOW - timedelta(days=1))
        outcome = publish(config, store, NOW)
        assert not outcome.failed
        root = config.output.partners_dir / "everything"
        ns = {"g": "http://iptc.org/std/nar/2006-10-01/"}

        def guids(path):
            return set(etree.parse(str(path)).xpath("//g:newsItem/@guid", namespaces=ns))

        english = {a.guid for a in stories if a.lang == "en"}
        assert guids(root / "en/all/newsml.xml") == english
        for story in stories[:3]:
            assert guids(root / f"en/{story.category}/newsml.xml") == {story.guid}
        assert not (root / "ar").exists()                               # languages still limit it
        auth = {"Authorization": "Bearer tok"}
        for cat in ("politics", "economy", "humanitarian", "all"):
            assert requests.get(f"{server.base}/partners/everything/en/{cat}/newsml.xml",
                                headers=auth).status_code == 200, cat
        assert requests.get(f"{server.base}/partners/everything/ar/economy/newsml.xml",
                            headers=auth).status_code in (403, 404)
        page = requests.get(f"{server.base}/api/v1/items", params={"limit": "50"}, headers=auth)
        assert page.status_code == 200
        assert set(etree.fromstring(page.content).xpath("//g:newsItem/@guid", namespaces=ns)) == english
        assert {r["article_id"] for r in store.delivery.rows("everything")} == {"a1", "a2", "a3"}
    finally:
        server.close()
        store.close()
