"""Incremental publishing: a publish run renders only the feeds whose inputs changed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from factories import make_article
from sites import site_config, snapshot

from syndicate.model import Origin
from syndicate.publish.usecase import publish
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
CATS = ("politics", "humanitarian", "economy", "coalition-news")


def corpus(n: int) -> list:
    """``n`` English and Arabic originals over the four categories, published before NOW."""
    out = []
    for i in range(n):
        lang = "en" if i % 2 == 0 else "ar"
        out.append(make_article(i, id=f"s{i}", lang=lang, category=CATS[i % 4],
                                published=NOW - timedelta(minutes=10 * (n - i) + 5),
                                url=f"https://news.example.org/{lang}/s{i}"))
    return out


@pytest.fixture
def site(tmp_path, store_url):
    config = site_config(tmp_path, store_url=store_url, formats=("rss", "atom", "json", "newsml"))
    store = open_store(config.store_url)
    yield config, store
    store.close()


def mtimes(root):
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*.*") if p.parent.name != "items"}


def test_one_new_article_in_thousands_rewrites_only_its_feeds(site):
    """3,000 articles, a full publish, then one new English politics story: exactly en/politics and en/all
    are rendered and rewritten (4 formats each), and its NewsML-G2 item file is added; nothing else is
    touched on disk."""
    config, store = site
    store.articles.upsert_many(corpus(3000), NOW - timedelta(minutes=1))
    first = publish(config, store, NOW)
    assert len(first.results) == 40 and first.skipped == 0 and not first.failed
    before = mtimes(config.output.dir)
    store.articles.upsert_many([make_article(99999, id="new", category="politics", published=NOW)], NOW)
    second = publish(config, store, NOW + timedelta(minutes=5))
    rendered = sorted(r.path for r in second.results)
    assert rendered == sorted(f"en/{c}/{f}" for c in ("politics", "all")
                              for f in ("rss.xml", "atom.xml", "feed.json", "newsml.xml"))
    assert len(second.written) == 8 and second.skipped == 32 and second.item_files == 1
    after = mtimes(config.output.dir)
    changed = sorted(p for p in after if after[p] != before.get(p))
    assert changed == rendered
    third = publish(config, store, NOW + timedelta(minutes=10))
    assert third.results == [] and third.skipped == 40


def test_incremental_output_equals_a_full_build(site, tmp_path):
    """After edits, a category move, a withdrawal and a human translation, incremental publishing leaves
    exactly the bytes a full build of the same store gives."""
    config, store = site
    arts = corpus(200)
    store.articles.upsert_many(arts, NOW - timedelta(hours=1))
    publish(config, store, NOW)
    edits = [replace(arts[10], title="Edited headline"), replace(arts[20], category="economy"),
             replace(arts[30], status=arts[30].status.__class__("withheld"))]
    human = make_article(1, id="s40-ar", lang="ar", category=arts[40].category, translation_of="s40",
                         origin=Origin.HUMAN, url="https://news.example.org/ar/s40", published=arts[40].published)
    store.articles.upsert_many([*edits, human], NOW + timedelta(minutes=1))
    report = publish(config, store, NOW + timedelta(minutes=2))
    assert 0 < len(report.results) < 40
    incremental = snapshot(config.output.dir)
    publish(config, store, NOW + timedelta(minutes=2), full=True)
    assert snapshot(config.output.dir) == incremental
    # the moved article (en politics → economy) left its old category feed
    assert (arts[20].lang, arts[20].category) == ("en", "politics")
    assert b"Delegation 20 meets" not in (config.output.dir / "en/politics/feed.json").read_bytes()
    assert b"Delegation 22 meets" in (config.output.dir / "en/economy/feed.json").read_bytes()


def test_embargo_lifting_re_renders_without_any_store_change(site):
    """An embargoed item appears when its time comes, although no article changed: a visibility timer."""
    config, store = site
    store.articles.upsert_many([*corpus(40), make_article(7777, id="emb", category="economy", published=NOW - timedelta(hours=1), embargo=NOW + timedelta(hours=2))], NOW - timedelta(hours=1))
    publish(config, store, NOW)
    assert b"Delegation 7777" not in (config.output.dir / "en/economy/rss.xml").read_bytes()
    quiet = publish(config, store, NOW + timedelta(hours=1))
    assert quiet.results == []
    lifted = publish(config, store, NOW + timedelta(hours=2))
    assert sorted({r.key.category for r in lifted.results}) == ["all", "economy"]
    assert {r.key.lang for r in lifted.results} == {"en"}
    assert b"Delegation 7777" in (config.output.dir / "en/economy/rss.xml").read_bytes()


def test_config_change_and_missing_file_force_a_render(site, tmp_path):
    """A feed is rendered again when the config that shapes it changes or its file disappeared."""
    config, store = site
    store.articles.upsert_many(corpus(40), NOW - timedelta(hours=1))
    publish(config, store, NOW)
    (config.output.dir / "ar/politics/atom.xml").unlink()
    again = publish(config, store, NOW)
    assert [(r.path, again.reasons[r.path]) for r in again.results] == [("ar/politics/atom.xml", "file missing")]
    assert (config.output.dir / "ar/politics/atom.xml").is_file()
    renamed = replace(config, site=replace(config.site, name="Levant Desk Wire"))
    report = publish(renamed, store, NOW)
    assert len(report.results) == 40 and set(report.reasons.values()) == {"config changed"}
    forced = publish(renamed, store, NOW, full=True)
    assert len(forced.results) == 40 and forced.written == []
