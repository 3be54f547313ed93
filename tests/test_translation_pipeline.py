"""Machine translation inside the publish pipeline: real tiny Argos packages, the store's translation memory,
human translations winning, failures leaving items pending, and disclosure in every output."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import feedparser
import pytest
from argos_builder import installed_test_packages
from click.testing import CliRunner
from lxml import etree
from sites import make_site, site_config, write_jsonl

from syndicate.cli import main
from syndicate.ingest.usecase import ingest
from syndicate.model import Origin
from syndicate.publish.usecase import publish
from syndicate.store import open_store
from syndicate.translate.usecase import translate_pending

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
G2 = {"g": "http://iptc.org/std/nar/2006-10-01/"}


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    return installed_test_packages(tmp_path_factory.mktemp("argos"))


def mt_site(tmp_path, packages, store_url=None, targets=("ar", "fr"), extra=""):
    return site_config(tmp_path, store_url=store_url, formats=("rss", "atom", "json", "newsml"), extra=f"""
[translation]
targets = {json.dumps(list(targets))}
engine = "argos"
argos_packages_dir = "{packages}"
beam_size = 2
{extra}
""")


ROWS = [
    {"id": "g1", "lang": "en", "category": "politics", "title": "Talks resume in Geneva",
     "body_html": '<p>Delegations met in <a href="https://example.org/geneva">Geneva</a> on Monday.</p>'
                  '<p>Source: Levant Desk.</p>', "published": "2026-11-20T10:00:00Z"},
    {"id": "g2", "lang": "en", "category": "economy", "title": "Prices rise again",
     "body_html": "<p>Bread prices rose on Monday.</p><p>Source: Levant Desk.</p>",
     "published": "2026-11-21T10:00:00Z"},
]


def test_translations_are_stored_published_disclosed_and_cached(tmp_path, packages, store_url, atom_validator,
                                                                 newsml_validator, feed_errors):
    config = mt_site(tmp_path, packages, store_url)
    store = open_store(config.store_url)
    ingest(config, store, str(write_jsonl(tmp_path / "in.jsonl", ROWS)), NOW)
    first = translate_pending(config, store, NOW)
    assert first.ok and sorted(first.translated) == ["g1~ar", "g1~fr", "g2~ar", "g2~fr"]
    assert first.engine_calls >= 2
    ar = store.articles.get("g1~ar")
    assert ar.origin is Origin.MACHINE and ar.translation_of == "g1" and ar.source_version == 1
    assert "جنيف" in ar.title and 'href="https://example.org/geneva"' in ar.body_html     # markup survives
    assert "Genève" in store.articles.get("g1~fr").title
    # the repeated boilerplate sentence "Source: Levant Desk." was sent to the engine once per pair
    # and a re-run makes no engine call at all
    again = translate_pending(config, store, NOW)
    assert again.translated == [] and again.engine_calls == 0
    report = publish(config, store, NOW)
    assert not report.failed
    out = config.output.dir
    atom = (out / "ar/politics/atom.xml").read_bytes()
    assert atom_validator.errors(atom) == [] and feed_errors(atom) == []
    entry = feedparser.parse(atom).entries[0]
    assert "جنيف" in entry.title
    assert any(t.term == "machine-translation" for t in entry.tags)
    jf = json.loads((out / "fr/all/feed.json").read_bytes())
    assert all(i["_syndicate"]["machine_translated"] for i in jf["items"])
    doc = (out / "ar/politics/newsml.xml").read_bytes()
    assert newsml_validator.errors(doc) == []
    root = etree.fromstring(doc)
    assert root.xpath("//g:digitalSourceType/@qcode", namespaces=G2) == ["digsrctype:trainedAlgorithmicMedia"]
    derived = root.xpath("//g:link[@rel='irel:derivedFrom']", namespaces=G2)[0]
    assert derived.get("residref") == store.articles.get("g1").guid and derived.get("version") == "1"
    store.close()


def test_changed_original_retranslates_only_changed_sentences(tmp_path, packages):
    config = mt_site(tmp_path, packages, targets=("ar",))
    store = open_store(config.store_url)
    ingest(config, store, str(write_jsonl(tmp_path / "in.jsonl", ROWS)), NOW)
    translate_pending(config, store, NOW)
    changed = dict(ROWS[0], body_html=ROWS[0]["body_html"] + "<p>A new paragraph was added.</p>")
    ingest(config, store, str(write_jsonl(tmp_path / "in2.jsonl", [changed])), NOW)
    report = translate_pending(config, store, NOW)
    assert report.translated == ["g1~ar"]
    assert report.misses == 1 and report.hits >= 2           # only the new sentence went to the engine
    assert store.articles.get("g1~ar").source_version == 2 and store.articles.get("g1~ar").version == 2
    store.close()


def test_human_translation_wins_and_is_never_overwritten(tmp_path, packages):
    config = mt_site(tmp_path, packages, targets=("ar",))
    store = open_store(config.store_url)
    human = {"id": "g1-ar", "lang": "ar", "category": "politics", "translation_of": "g1",
             "title": "استئناف المحادثات", "body": "نص بشري.", "published": "2026-11-20T10:00:00Z"}
    ingest(config, store, str(write_jsonl(tmp_path / "in.jsonl", ROWS[:1])), NOW)
    translate_pending(config, store, NOW)
    assert store.articles.get("g1~ar") is not None
    ingest(config, store, str(write_jsonl(tmp_path / "h.jsonl", [human])), NOW)
    assert store.articles.get("g1~ar") is None                        # the machine version is gone
    changed = dict(ROWS[0], title="Talks resume in Geneva today")
    ingest(config, store, str(write_jsonl(tmp_path / "c.jsonl", [changed])), NOW)
    report = translate_pending(config, store, NOW)
    assert report.translated == [] and store.articles.get("g1~ar") is None
    assert store.articles.get("g1-ar").title == "استئناف المحادثات"
    store.close()


def test_failing_backend_leaves_items_pending_and_other_languages_publish(tmp_path, packages):
    """German has no package: de items stay pending (not published untranslated); ar is published."""
    config = mt_site(tmp_path, packages, targets=("ar", "de"))
    store = open_store(config.store_url)
    ingest(config, store, str(write_jsonl(tmp_path / "in.jsonl", ROWS)), NOW)
    report = translate_pending(config, store, NOW)
    assert {(i, lang) for i, lang, _ in report.pending} == {("g1", "de"), ("g2", "de")}
    assert sorted(report.translated) == ["g1~ar", "g2~ar"]
    publish(config, store, NOW)
    de = feedparser.parse((config.output.dir / "de/all/atom.xml").read_bytes())
    assert de.entries == []                                  # nothing English published as German
    assert len(feedparser.parse((config.output.dir / "ar/all/atom.xml").read_bytes()).entries) == 2
    # retried next time (still pending, not forgotten)
    assert len(translate_pending(config, store, NOW).pending) == 2
    store.close()


def test_publish_command_translates_first_and_check_reports_missing_package(tmp_path, packages):
    cfg = make_site(tmp_path, formats=("rss", "atom", "json"), extra=f"""
[translation]
targets = ["ar", "de"]
argos_packages_dir = "{packages}"
""")
    write_jsonl(tmp_path / "in.jsonl", ROWS)
    runner = CliRunner()
    assert runner.invoke(main, ["--config", str(cfg), "ingest", str(tmp_path / "in.jsonl")]).exit_code == 0
    result = runner.invoke(main, ["--config", str(cfg), "publish", "--now", "2026-11-27T12:00:00Z"])
    assert result.exit_code == 1                              # de pending
    assert "2 translated" in result.output and "translation pending g1 → de" in result.output
    check = runner.invoke(main, ["--config", str(cfg), "check"])
    assert check.exit_code == 1 and "cannot translate en→de" in check.output
