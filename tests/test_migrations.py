"""Schema versions: fresh stores, concurrent first opens, stores newer than the code, snapshot formats.

The upgrade from a real 0.1.0 store (SQLite and PostgreSQL) is ``test_upgrade.py``."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from dataclasses import replace

import pytest
from factories import BASE, make_article
from sqlalchemy import create_engine, text, update

from syndicate.errors import StoreError
from syndicate.store import SchemaVersionError, Store, open_store
from syndicate.store.db import Database
from syndicate.store.migrations import SCHEMA_VERSION, migrate, read_version, schema_problems
from syndicate.store.schema import article_versions, schema_version
from syndicate.store.snapshots import SNAPSHOT_FORMAT, decode, encode

OPEN_AND_WRITE = """
import sys
from datetime import datetime, timezone
from syndicate.model import Article
from syndicate.store import open_store
store = open_store(sys.argv[1])
n = sys.argv[2]
store.articles.upsert_many([Article(id="p" + n, lang="en", category="politics", title="T" + n, body_html="<p>b</p>",
                                    published=datetime(2026, 1, 1, tzinfo=timezone.utc)).with_hash()],
                           datetime(2026, 1, 1, tzinfo=timezone.utc))
store.close()
"""


def fresh_url(kind: str, tmp_path, request) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / f'{uuid.uuid4().hex}.sqlite3'}"
    from conftest import PG_ADMIN_URL

    name = f"syndicate_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    request.addfinalizer(drop)
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_processes_opening_a_new_store_at_once_all_succeed(kind, tmp_path, request):
    """Six processes open one empty database at the same instant, twice over: every one succeeds (0.1.0 failed
    with "table articles already exists" in 5 of 12 tries) and the store is created exactly once."""
    for attempt in range(2):
        url = fresh_url(kind, tmp_path, request)
        procs = [subprocess.Popen([sys.executable, "-c", OPEN_AND_WRITE, url, f"{attempt}{i}"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(6)]
        results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
        assert [code for code, _ in results] == [0] * 6, results
        with open_store(url) as store:
            assert store.articles.count() == 6 and store.check() == []
            with store.db.read("test") as conn:
                assert read_version(conn) == SCHEMA_VERSION
                assert conn.execute(schema_version.select()).all().__len__() == 1


def test_a_store_newer_than_the_code_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    open_store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(update(schema_version).values(version=SCHEMA_VERSION + 1))
    engine.dispose()
    with pytest.raises(SchemaVersionError, match="newer than this syndicate") as refused:
        open_store(url)
    assert refused.value.exit_code == 2
    db = Database(url)
    try:
        with pytest.raises(SchemaVersionError, match="upgrade syndicate"):
            migrate(db)
    finally:
        db.close()


def test_migrate_on_an_empty_database_creates_it_and_dry_run_changes_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    db = Database(url)
    try:
        dry = migrate(db, dry_run=True)
        assert dry.before is None and dry.after == SCHEMA_VERSION
        assert any(s.startswith("CREATE TABLE articles") for s in dry.steps[0][1])
        with db.read("test") as conn:
            assert read_version(conn) is None
        assert migrate(db).after == SCHEMA_VERSION
        assert schema_problems(db) == [] and migrate(db).steps == []
    finally:
        db.close()


def test_check_names_a_missing_column(tmp_path):
    """`check` compares the database with the tables column by column."""
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    open_store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE rate_limits DROP COLUMN at"))
    engine.dispose()
    store = Store(url)
    try:
        assert store.check() == [f"store {store.safe_url}: column rate_limits.at is missing "
                                 f"(the schema does not match version {SCHEMA_VERSION})"]
    finally:
        store.close()


def test_old_snapshots_are_upgraded_when_read(store):
    """A version stored by 0.1.0 (format 1: no marker) reads as a current Article, a missing optional field
    takes its default; an unknown future format is refused with a clear message."""
    article = make_article(1, correction_note="fixed").with_hash()
    doc = json.loads(encode(article))
    assert doc.pop("_format") == SNAPSHOT_FORMAT
    del doc["source_version"], doc["mt_model"]                    # fields an older format may lack
    old = decode(json.dumps(doc))
    assert old == replace(article, source_version=None, mt_model=None)
    with pytest.raises(StoreError, match="newer than this syndicate"):
        decode(json.dumps(doc | {"_format": SNAPSHOT_FORMAT + 1}))
    store.articles.upsert_many([article], BASE)
    with store.db.write_engine.begin() as conn:                  # make the stored row look like 0.1.0's
        conn.execute(update(article_versions).values(data=json.dumps(doc)))
    [stored] = store.articles.versions(article.id)
    assert stored.correction_note == "fixed" and stored.mt_model is None
