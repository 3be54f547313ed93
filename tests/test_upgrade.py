"""Upgrading from 0.1.0 keeps the data: the SQLite store and the PostgreSQL dump that release 0.1.0 made
(``tests/data/upgrade-0.1.0``, see its README) are refused until ``syndicate migrate``, migrate to exactly the
schema of a fresh store, keep every row, and publish the feeds 0.1.0 wrote: byte for byte, except for the
changes documented in ``docs/upgrading.md``, each of which is checked here for what it is."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import create_engine, func, inspect, select, text

from syndicate.model import guid_for
from syndicate.store import SchemaVersionError, open_store
from syndicate.store.db import Database
from syndicate.store.migrations import SCHEMA_VERSION, read_version, schema_problems
from syndicate.store.schema import articles, metadata

FIXTURE = Path(__file__).resolve().parent / "data" / "upgrade-0.1.0"
T3 = "2026-03-03T10:00:00Z"           # the final --now of the fixture (its README)
SUMMIT = "nv-0301-summit-statement"   # embargoed at T1, released 2026-03-02T06:00Z
RELEASED_AT = {"rss": "Mon, 02 Mar 2026 06:00:00 GMT", "atom": "2026-03-02T06:00:00+00:00",
               "json": "2026-03-02T06:00:00+00:00"}
WITHDRAWN = ("nv-0302-flood-warning", "nv-0302-ar-fuel-subsidy")      # withheld, canceled at T3
OLD_TABLES = ("articles", "article_versions", "translation_memory", "feed_state", "feed_watermarks",
              "publish_timers", "publish_cursors", "job_runs", "delivery_counter", "delivery_changes", "push_queue")
NS = {"g": "http://iptc.org/std/nar/2006-10-01/", "a": "http://www.w3.org/2005/Atom"}


def guids(*ids: str) -> set[str]:
    """Guids of the articles and of their Spanish machine translations (same family)."""
    out = set()
    for article_id in ids:
        lang = "ar" if "-ar-" in article_id else "en"
        out |= {guid_for(article_id, lang), guid_for(article_id, "es")}
    return out


def syndicate(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "syndicate", "--config", str(config), *args],
                          capture_output=True, text=True, timeout=300)


def row_counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: conn.execute(select(func.count()).select_from(metadata.tables[t])).scalar_one()
                    for t in OLD_TABLES}
    finally:
        engine.dispose()


@pytest.fixture
def site(tmp_path):
    """The fixture copied (store, config, the feeds 0.1.0 wrote) into a temp folder."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    return root


def sqlite_url(root: Path) -> str:
    return f"sqlite:///{root / 'store' / 'syndicate-0.1.0.sqlite'}"


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL database loaded from the 0.1.0 dump with psql (dropped afterwards)."""
    from conftest import PG_ADMIN_URL

    name = f"syndicate_upgrade_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    loaded = subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", plain, "-f",
                             str(FIXTURE / "store" / "syndicate-0.1.0.postgres.sql")],
                            capture_output=True, text=True, timeout=120)
    assert loaded.returncode == 0, loaded.stderr
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


# -- the comparison ----------------------------------------------------------------------------------------
def _normalise(body: bytes) -> bytes:
    """The two changes every file may carry: NewsML-G2 names the generator's new version, and feeds advertise
    newsml.xml as the newsMessage it is (0.1.0 said newsItem)."""
    body = re.sub(rb'(<generator versioninfo=")[^"]+(")', rb"\1X\2", body)
    return re.sub(rb'(newsml\.xml" rel="alternate" type=")application/vnd\.iptc\.g2\.newsitem\+xml',
                  rb"\1application/vnd.iptc.g2.newsmessage+xml", body)


def _entries(path: str, body: bytes) -> tuple[bytes, list[tuple[str, bytes]], bool]:
    """(the document without its entries and feed dates, [(guid, entry)] in order, is a feed) of a file."""
    name = path.rsplit("/", 1)[-1]
    if name == "feed.json":
        doc = json.loads(body)
        items = [(i["id"], json.dumps(i, sort_keys=True).encode()) for i in doc.pop("items")]
        return json.dumps(doc, sort_keys=True).encode(), items, True
    root = etree.fromstring(body)
    if name == "rss.xml":
        channel = root.find("channel")
        entries = channel.findall("item")
        for tag in ("lastBuildDate",):
            for el in channel.findall(tag):
                channel.remove(el)
        keyed = [(e.findtext("guid"), etree.tostring(e, with_tail=False)) for e in entries]
    elif name == "atom.xml":
        entries = root.findall("a:entry", NS)
        for el in root.findall("a:updated", NS):
            root.remove(el)
        keyed = [(e.findtext("a:id", namespaces=NS), etree.tostring(e, with_tail=False)) for e in entries]
    elif name == "newsml.xml":
        item_set = root.find("g:itemSet", NS)
        entries = list(item_set)
        root.remove(root.find("g:header", NS))
        keyed = [(e.get("guid"), etree.tostring(e, with_tail=False)) for e in entries]
    else:                                           # a single newsItem
        return b"", [(root.get("guid"), etree.tostring(root, with_tail=False))], False
    for e in entries:
        e.getparent().remove(e)
    return etree.tostring(root), keyed, True


# documented (issue 14, README "What readers see"): RSS description = excerpt + content:encoded = body,
# own-language alternates first (RSS atom:link, Atom own link again without hreflang), no blank Atom content
_READER_PARTS = re.compile(rb"\s*<description>.*?</description>|\s*<content:encoded>.*?</content:encoded>"
                           rb"|\s*<atom:link [^>]*/>|\s*<link>[^<]*</link>|\s*<link [^>]*/>"
                           rb"|\s*<content[^>]*>.*?</content>|\s*<content[^>]*/>", re.S)


def _without_reader_parts(entry: bytes) -> bytes:
    return re.sub(rb' xmlns:\w+="[^"]*"', b"", _READER_PARTS.sub(b"", entry))


def _without_dates(entry: bytes, fmt: str) -> bytes:
    if fmt == "json":
        item = json.loads(entry)
        item.pop("date_published"), item.pop("date_modified")
        return json.dumps(item, sort_keys=True).encode()
    return re.sub(rb"<(pubDate|published|updated)>[^<]*</\1>", b"", entry)


def _dates(entry: bytes, fmt: str) -> str:
    if fmt == "json":
        return json.loads(entry)["date_published"]
    tag = "pubDate" if fmt == "rss" else "published"
    found = re.search(rf"<{tag}>([^<]*)</{tag}>".encode(), entry)
    assert found, entry
    return found.group(1).decode()


_OLD_NOTE_ORDER = ("synnote:kill", "synnote:withheld", "synnote:correction", "synnote:machineTranslation",
                   "synnote:embargo")


def _before_issue15(entry: bytes) -> bytes:
    """A newsItem as 0.1.0 wrote it, from one written since issue 15: no ``by``, no ``cRole`` scheme, no
    ``role``/``literal`` on ``infoSource``, and the edNotes back in their old order (MT disclosure third)."""
    item = etree.fromstring(entry, etree.XMLParser(remove_blank_text=True))     # indentation aside
    for el in item.xpath("g:contentMeta/g:by | g:catalog/g:scheme[@alias='cRole']", namespaces=NS):
        el.getparent().remove(el)
    for source in item.xpath("g:contentMeta/g:infoSource", namespaces=NS):
        for attr in ("role", "literal"):
            source.attrib.pop(attr, None)
    meta = item.find("g:itemMeta", NS)
    notes = meta.findall("g:edNote", NS) if meta is not None else []
    if notes:
        at = list(meta).index(notes[0])
        for note in notes:
            meta.remove(note)
        for offset, note in enumerate(sorted(notes, key=lambda n: _OLD_NOTE_ORDER.index(n.get("role")))):
            meta.insert(at + offset, note)
    return etree.tostring(item, with_tail=False)


def compare_with_010(new_root: Path) -> dict[str, str]:
    """Compare the output under ``new_root`` (feeds/ and partners/) with 0.1.0's, file by file; return what
    changed and why. Fails on any change the documented list does not explain."""
    released, withdrawn = guids(SUMMIT), guids(*WITHDRAWN)
    changes: dict[str, str] = {}
    old_files = {str(p.relative_to(FIXTURE)): p for top in ("feeds", "partners")
                 for p in (FIXTURE / top).rglob("*") if p.is_file()}
    new_files = {str(p.relative_to(new_root)): p for top in ("feeds", "partners")
                 for p in (new_root / top).rglob("*") if p.is_file()}
    public = lambda path: path.startswith("feeds/")          # noqa: E731
    for path, old_path in sorted(old_files.items()):
        old = _normalise(old_path.read_bytes())
        if path not in new_files:
            # documented: the public keeps no item file of a withheld or killed story
            _, [(guid, _)], _ = _entries(path, old)
            assert public(path) and "/items/" in path and guid in withdrawn, f"{path} disappeared"
            changes[path] = "removed: withdrawn story"
            continue
        new = _normalise(new_files[path].read_bytes())
        if new == old:
            continue
        fmt = {"rss.xml": "rss", "atom.xml": "atom", "feed.json": "json"}.get(path.rsplit("/", 1)[-1], "newsml")
        old_doc, old_entries, is_feed = _entries(path, old)
        new_doc, new_entries, _ = _entries(path, new)
        assert is_feed, f"{path}: an item file was rewritten"
        reasons = set()
        if new_doc != old_doc:
            # documented: an empty feed no longer advertises the NewsML-G2 feed that is never written
            advert = re.compile(rb'\s*<(atom:)?link href="[^"]*newsml\.xml"[^>]*/>|"newsml": "[^"]*", ')
            # documented (issue 14): RSS declares content:encoded; an empty feed is dated when it first existed
            issue14 = re.compile(rb' xmlns:content="[^"]*"|<lastBuildDate>[^<]*</lastBuildDate>|<updated>[^<]*</updated>')
            old_doc14, new_doc14 = issue14.sub(b"", old_doc), issue14.sub(b"", new_doc)
            if old_doc14 != new_doc14:
                assert not new_entries and advert.sub(b"", old_doc14) == advert.sub(b"", new_doc14), \
                    f"{path}: feed changed"
                reasons.add("empty feed: NewsML-G2 not advertised")
            else:
                reasons.add("content:encoded namespace / empty feed date (issue 14)")
        old_by, new_by = dict(old_entries), dict(new_entries)
        gone, added = set(old_by) - set(new_by), set(new_by) - set(old_by)
        if gone:
            # documented: withheld and canceled versions never reach the public
            assert public(path) and gone <= withdrawn, f"{path}: entries missing {gone - withdrawn}"
            reasons.add("withdrawn story left the public feed")
        if added:
            # ... so older stories move into the feed's cut: the public NewsML-G2 feed now shows exactly what
            # the RSS feed of the same folder shows (one policy for every format)
            rss = new_root / path.rsplit("/", 1)[0] / "rss.xml"
            assert gone and fmt == "newsml" and public(path), f"{path}: new entries {added}"
            assert set(new_by) == {g for g, _ in _entries(str(rss), rss.read_bytes())[1]}, path
            reasons.add("older stories moved into the cut")
        if fmt == "newsml" and public(path) and new_entries:
            rss = new_root / path.rsplit("/", 1)[0] / "rss.xml"
            assert set(new_by) == {g for g, _ in _entries(str(rss), rss.read_bytes())[1]}, path
        for guid in set(old_by) & set(new_by):
            if old_by[guid] == new_by[guid]:
                continue
            if fmt == "newsml" and _before_issue15(old_by[guid]) == _before_issue15(new_by[guid]):
                # documented: NewsML-G2 for one-note readers (byline, cRole:source credit, MT disclosure first)
                reasons.add("NewsML-G2 by, credit role, MT note first")
                continue
            if guid in released and fmt in RELEASED_AT:
                # documented: an item released by its embargo is dated by its release
                reader = _without_reader_parts if fmt in ("rss", "atom") else (lambda b: b)
                assert reader(_without_dates(old_by[guid], fmt)) == reader(_without_dates(new_by[guid], fmt)), \
                    (path, guid)
                assert _dates(new_by[guid], fmt) == RELEASED_AT[fmt], (path, guid)
                reasons.add("embargo release date")
            elif fmt in ("rss", "atom") and _without_reader_parts(old_by[guid]) == \
                    _without_reader_parts(new_by[guid]):
                reasons.add("description/content:encoded and own-language links (issue 14)")
            elif guid in withdrawn and not public(path):
                # documented: partners get the withheld notice instead of the text (the kill notice as before)
                assert b"WITHHELD" in new_by[guid] or b"KILL" in new_by[guid], (path, guid)
                reasons.add("partner notice")
            else:
                raise AssertionError(f"{path}: entry {guid} changed")
        changes[path] = "; ".join(sorted(reasons))
    for path in sorted(set(new_files) - set(old_files)):
        if path in ("feeds/index.html", "feeds/feeds.opml") or re.fullmatch(r"feeds/[a-z]{2}/index\.html", path):
            changes[path] = "new: front door (issue 14)"     # documented: index pages and OPML
            continue
        # documented: a partner whose agreement lists categories gets its `all` feed of those categories
        assert path == "partners/gulf-desk/ar/all/newsml.xml", f"new file {path}"
        body = new_files[path].read_bytes()
        categories = set(etree.fromstring(body).xpath("//g:contentMeta/g:subject/@qcode", namespaces=NS))
        assert {c for c in categories if c.startswith("syncat:")} == {"syncat:politics"}
        changes[path] = "new: partner all feed"
    return changes


# -- the tests ---------------------------------------------------------------------------------------------
def _upgrade_and_publish(root: Path, url: str) -> dict[str, str]:
    config = root / "config" / "syndicate.toml"
    env_config = config
    if not url.startswith("sqlite"):
        env_config = root / "config" / "pg.toml"
        env_config.write_text(config.read_text(encoding="utf-8").replace(
            'url = "sqlite:///../store/syndicate-0.1.0.sqlite"', f'url = "{url}"'), encoding="utf-8")
    before = row_counts(url)

    refused = syndicate(env_config, "publish", "--now", T3)
    assert refused.returncode == 2 and "syndicate migrate" in refused.stderr, refused.stderr
    with pytest.raises(SchemaVersionError, match="syndicate migrate"):
        open_store(url)
    check = syndicate(env_config, "check")
    assert check.returncode == 1 and "schema version 1" in check.stderr and "syndicate migrate" in check.stderr

    dry = syndicate(env_config, "migrate", "--dry-run")
    assert dry.returncode == 0 and f"would migrate from version 1 to version {SCHEMA_VERSION}" in dry.stdout, dry.stdout
    assert "ALTER TABLE articles ADD COLUMN public_at" in dry.stdout
    db = Database(url)
    try:
        with db.read("test") as conn:
            assert read_version(conn) == 1                     # the dry run changed nothing
            assert "public_at" not in {c["name"] for c in inspect(conn).get_columns("articles")}
    finally:
        db.close()

    done = syndicate(env_config, "migrate")
    assert done.returncode == 0 and f"migrated from version 1 to version {SCHEMA_VERSION}" in done.stdout, done.stderr
    again = syndicate(env_config, "migrate")
    assert again.returncode == 0 and "up to date" in again.stdout
    db = Database(url)
    try:
        assert schema_problems(db) == []                       # exactly the tables of a fresh store
        with db.read("test") as conn:
            assert read_version(conn) == SCHEMA_VERSION
            assert conn.execute(select(func.count()).select_from(articles)
                                .where(articles.c.public_at.is_(None))).scalar_one() == 0
    finally:
        db.close()
    assert row_counts(url) == before                           # every row kept
    assert syndicate(env_config, "check").returncode == 0

    with open_store(url) as store:                             # old snapshots read as current articles
        versions = store.articles.versions("nv-0301-council-budget")
        assert [v.version for v in versions] == [1, 2, 3] and versions[-1].correction_note
        pushes = store.delivery.rows("wire")
        assert len(pushes) == 49 and {r["state"] for r in pushes} == {"pending"}

    published = syndicate(env_config, "publish", "--now", T3)
    assert published.returncode == 0, published.stdout + published.stderr
    assert "0 translated" in published.stdout and "0 item files" in published.stdout
    # re-ingesting the last round 0.1.0 ingested changes nothing: the upgrade re-versions no article (its
    # content hash is the one 0.1.0 stored), so partners get no spurious update
    again = syndicate(env_config, "ingest", str(root / "input" / "round3.jsonl"), "--now", T3)
    assert again.returncode == 0 and " 0 new, 0 updated, 10 unchanged" in again.stdout, again.stdout
    return compare_with_010(root)


EXPECTED = {
    "empty feed: NewsML-G2 not advertised": {"feeds/ar/environment/atom.xml", "feeds/ar/environment/feed.json",
                                             "feeds/ar/environment/rss.xml"},
    "new: partner all feed": {"partners/gulf-desk/ar/all/newsml.xml"},
}


def _check_changes(changes: dict[str, str]) -> None:
    for reason, paths in EXPECTED.items():
        assert {p for p, r in changes.items() if r == reason} == paths, reason
    assert sum(r == "removed: withdrawn story" for r in changes.values()) == 8       # 2 stories × (orig + es) × 2 versions
    assert any("embargo release date" in r for r in changes.values())
    assert any("partner notice" in r for r in changes.values())
    assert "feeds/en/all/newsml.xml" in changes and "withdrawn" in changes["feeds/en/all/newsml.xml"]


def test_sqlite_store_of_0_1_0_upgrades_and_publishes_the_same_feeds(site):
    _check_changes(_upgrade_and_publish(site, sqlite_url(site)))


@pytest.mark.postgres
def test_postgresql_dump_of_0_1_0_upgrades_and_publishes_the_same_feeds(site, pg_url):
    _check_changes(_upgrade_and_publish(site, pg_url))
