"""Editorial review of machine translations: the queue (migration 3), `syndicate review`, the disclosure
"reviewed by an editor", `status`, and a new version of the original sending its translation back."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner, Result
from factories import make_article
from sites import make_site, write_jsonl
from sqlalchemy import inspect
from store_versions import migrated_from

from syndicate.cli import main
from syndicate.config import load_config
from syndicate.errors import ConfigError
from syndicate.model import Origin
from syndicate.store import open_store

ROWS = [
    {"id": "g1", "lang": "en", "category": "politics", "title": "Talks resume in Geneva",
     "body_html": "<p>Delegations met on Monday.</p>", "published": "2026-11-20T10:00:00Z"},
    {"id": "g2", "lang": "en", "category": "economy", "title": "Prices rise again",
     "body_html": "<p>Bread prices rose on Monday.</p>", "published": "2026-11-21T10:00:00Z"},
]
REVIEW = '[translation]\ntargets = ["es", "fr"]\nengine = "identity"\n[translation.review]\nes = "required"\n'


class Site:
    def __init__(self, tmp_path: Path) -> None:
        self.root = tmp_path
        self.cfg = make_site(tmp_path, formats=("atom", "json"), extra=REVIEW)
        self.runner = CliRunner()

    def run(self, *args: str, ok: bool = True) -> Result:
        result = self.runner.invoke(main, ["--config", str(self.cfg), *args])
        if ok:
            assert result.exit_code == 0, result.output
        return result

    def ingest(self, rows: list[dict[str, str]]) -> None:
        self.run("ingest", str(write_jsonl(self.root / "in.jsonl", rows)))

    def publish(self, now: str) -> None:
        self.run("publish", "--now", now)

    def feed(self, lang: str) -> list[dict[str, object]]:
        data = json.loads((self.root / "feeds" / lang / "all" / "feed.json").read_text(encoding="utf-8"))
        atom = feedparser.parse((self.root / "feeds" / lang / "all" / "atom.xml").read_bytes())
        assert not atom.bozo, atom.bozo_exception
        assert len(atom.entries) == len(data["items"])
        items: list[dict[str, object]] = data["items"]
        return items


def test_review_required_keeps_translations_out_until_approved(tmp_path: Path) -> None:
    """es waits for an editor (fr does not); approve publishes with the reviewed disclosure, reject never."""
    site = Site(tmp_path)
    site.ingest(ROWS)
    site.publish("2026-11-27T12:00:00Z")
    assert site.feed("es") == [] and len(site.feed("fr")) == 2
    status = json.loads(site.run("status", "--json", "--now", "2026-11-27T12:00:00Z").output)
    assert status["review_queue"] == {"es": 2}
    listed = json.loads(site.run("review", "list", "--json").output)
    assert [(e["id"], e["state"]) for e in listed] == [("g1~es", "pending"), ("g2~es", "pending")]
    assert "Talks resume in Geneva" in site.run("review", "show", "g1~es").output

    site.run("review", "approve", "g1~es", "--editor", "Ana", "--now", "2026-11-27T12:01:00Z")
    site.run("review", "reject", "g2~es", "--editor", "Ana", "--note", "wrong terms")
    assert site.run("review", "approve", "g2~es", ok=False).exit_code == 1      # already decided
    site.publish("2026-11-27T12:05:00Z")
    [item] = site.feed("es")
    assert item["title"] == "Talks resume in Geneva"                    # identity engine: g1, not g2
    assert "revisada por un editor" in str(item["content_html"]) and "no revisada" not in str(item["content_html"])
    assert all("non relue par un rédacteur" in str(i["content_html"]) for i in site.feed("fr"))
    status = json.loads(site.run("status", "--json", "--now", "2026-11-27T12:05:00Z").output)
    assert status["review_queue"] == {}
    store = open_store(load_config(site.cfg, env={}).store_url)
    try:
        approved = store.articles.get_many(["g1~es"])["g1~es"]
        assert approved.reviewed_by == "Ana" and approved.origin is Origin.MACHINE
    finally:
        store.close()
    # NewsML-G2: the first edNote (what one-note clients keep) says the translation was reviewed
    from factories import SITE, item, make_spec
    from lxml import etree

    from syndicate.render.newsml import render_item
    root = etree.fromstring(render_item(item(approved), make_spec("es", fmt="newsml"), SITE))
    first = root.find(".//{http://iptc.org/std/nar/2006-10-01/}edNote")
    assert first is not None and "reviewed by an editor" in first.text and "Unreviewed" not in first.text


def test_new_original_version_goes_back_to_review_and_an_edit_is_never_overwritten(tmp_path: Path) -> None:
    """A changed original queues its translation again (the approved one stays public meanwhile); an edited
    translation becomes human-revised and machine translation leaves it alone."""
    site = Site(tmp_path)
    site.ingest(ROWS[:1])
    site.publish("2026-11-27T12:00:00Z")
    site.run("review", "approve", "g1~es", "--editor", "Ana")
    site.publish("2026-11-27T12:01:00Z")
    site.ingest([{**ROWS[0], "title": "Talks resume in Geneva on Monday"}])
    site.publish("2026-11-27T12:02:00Z")
    [item] = site.feed("es")
    assert item["title"] == "Talks resume in Geneva"                     # the approved version, until reviewed
    listed = json.loads(site.run("review", "list", "--json").output)
    assert [(e["id"], e["source_version"], e["title"]) for e in listed] == [
        ("g1~es", 2, "Talks resume in Geneva on Monday")]
    body = tmp_path / "body.html"
    body.write_text("<p>Las delegaciones se reunieron el lunes.</p>", encoding="utf-8")
    site.run("review", "edit", "g1~es", "--title", "Se reanudan las conversaciones", "--body-file", str(body),
             "--editor", "Luis")
    site.publish("2026-11-27T12:03:00Z")
    [item] = site.feed("es")
    assert item["title"] == "Se reanudan las conversaciones"
    assert "Las delegaciones se reunieron" in str(item["content_html"])
    assert "Traducción automática" not in str(item["content_html"])     # human-revised: no MT disclosure
    site.ingest([{**ROWS[0], "title": "Talks resume in Geneva, third version"}])
    site.publish("2026-11-27T12:04:00Z")
    assert json.loads(site.run("review", "list", "--json").output) == []
    assert site.feed("es")[0]["title"] == "Se reanudan las conversaciones"


def test_a_kill_takes_translations_down_without_waiting_for_an_editor(tmp_path: Path) -> None:
    """An approved translation of a killed original leaves the feeds at the next publish; a translation still
    in the queue is superseded (approving it would publish a killed story) and nothing is stored for it."""
    site = Site(tmp_path)
    site.ingest(ROWS)
    site.publish("2026-11-27T12:00:00Z")
    site.run("review", "approve", "g1~es", "--editor", "Ana")
    site.publish("2026-11-27T12:01:00Z")
    assert [i["title"] for i in site.feed("es")] == ["Talks resume in Geneva"]
    site.ingest([{**r, "status": "canceled"} for r in ROWS])
    site.publish("2026-11-27T12:02:00Z")
    assert site.feed("es") == [] and site.feed("fr") == []
    listed = json.loads(site.run("review", "list", "--state", "all", "--json").output)
    assert {e["id"]: e["state"] for e in listed} == {"g1~es": "approved", "g2~es": "superseded"}
    assert site.run("review", "approve", "g2~es", ok=False).exit_code == 1
    store = open_store(load_config(site.cfg, env={}).store_url)
    try:
        found = store.articles.get_many(["g1~es", "g2~es"])
        assert set(found) == {"g1~es"} and found["g1~es"].status.value == "canceled"
    finally:
        store.close()


def test_review_setting_is_checked(tmp_path: Path) -> None:
    """`review` is "none" | "required", overall or per language."""
    cfg = load_config(make_site(tmp_path, extra='[translation]\ntargets = ["es"]\nreview = "required"\n'), env={})
    assert cfg.translation.review_required("es") and cfg.translation.review_required("de")
    (tmp_path / "bad").mkdir()
    with pytest.raises(ConfigError, match="review"):
        load_config(make_site(tmp_path / "bad", extra='[translation]\nreview = "sometimes"\n'), env={})


def test_migration_3_adds_the_review_queue_to_a_version_2_store(store_url: str) -> None:
    """A version-2 store (no reviewed_by, no translation_reviews) migrates to 3 with its articles intact."""
    store = open_store(store_url)
    store.articles.upsert_many([make_article(1)], make_article(1).published)
    store.close()
    with migrated_from(store_url, 2, "DROP TABLE translation_reviews", "ALTER TABLE articles DROP COLUMN reviewed_by",
                       "ALTER TABLE delivery_changes DROP COLUMN machine_rank") as (_, db), db.read("test") as conn:
        assert "reviewed_by" in {c["name"] for c in inspect(conn).get_columns("articles")}
    store = open_store(store_url)
    try:
        art = store.articles.get_many(["a1"])["a1"]
        assert art.reviewed_by is None and art.title == make_article(1).title
        assert store.reviews.count_by_language() == {}
    finally:
        store.close()
