"""Turning a store back into an older schema version and migrating it forward again (migration tests)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from syndicate.store.db import Database
from syndicate.store.migrations import SCHEMA_VERSION, MigrationReport, migrate, read_version, schema_problems


@contextmanager
def migrated_from(store_url: str, version: int, *undo: str) -> Iterator[tuple[MigrationReport, Database]]:
    """Run ``undo`` (SQL dropping what the versions after ``version`` added), mark the store as ``version``,
    migrate it, check every later step ran and the result matches a fresh store; yield the report and the
    still-open database."""
    db = Database(store_url)
    try:
        with db.write(f"downgrade to version {version}") as conn:
            for statement in undo:
                conn.execute(text(statement))
            conn.execute(text(f"UPDATE schema_version SET version = {int(version)}"))
        report = migrate(db)
        assert (report.before, report.after) == (version, SCHEMA_VERSION)
        assert [m.version for m, _ in report.steps] == list(range(version + 1, SCHEMA_VERSION + 1))
        assert schema_problems(db) == []
        with db.read("test") as conn:
            assert read_version(conn) == SCHEMA_VERSION
        yield report, db
    finally:
        db.close()
