"""Schema versions and numbered migrations.

Every store records its schema version in ``schema_version`` (0.1.0 stores have no such table: they are
version 1). Opening a store checks it: an empty database is created at :data:`SCHEMA_VERSION` at once; an older
one is refused with an error naming ``syndicate migrate``; a newer one (written by a later syndicate) is refused
too. :func:`migrate` upgrades step by step, each step in one transaction (SQLite and PostgreSQL both roll back
DDL), under the store's ``migrate`` lock, so concurrent first opens and upgrades are safe: whoever waits finds
the work done. ``dry_run`` runs the same steps, records every SQL statement, and rolls back.

A fresh store is built from the current tables (:mod:`syndicate.store.schema`); a migrated one must end up the
same. :func:`schema_problems` compares a database with the tables column by column (``syndicate check`` and the
upgrade test use it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Index, bindparam, exists, insert, inspect, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from syndicate.errors import StoreError
from syndicate.store.db import Database
from syndicate.store.locks import Locks
from syndicate.store.schema import (
    SCHEMA_VERSION,
    article_versions,
    articles,
    delivery_changes,
    metadata,
    rate_limits,
    schema_version,
    translation_pending,
    translation_reviews,
)
from syndicate.store.snapshots import decode

#: how long an opener waits for another process's creation or migration of the same store
LOCK_TIMEOUT = 120.0


class SchemaVersionError(StoreError):
    """The store's schema is older or newer than this code; the message says what to run."""

    exit_code = 2


@dataclass(frozen=True)
class Migration:
    version: int                   # the schema version this step produces
    description: str
    apply: Callable[[Connection, str], None]


@dataclass
class MigrationReport:
    before: int | None             # None: the database was empty
    after: int
    steps: list[tuple[Migration, list[str]]] = field(default_factory=list)   # each step and its SQL
    dry_run: bool = False


# -- the steps ---------------------------------------------------------------------------------------------
def _to_2(conn: Connection, dialect: str) -> None:
    """0.1.0 → 0.2.0: schema version table; ``articles.public_at`` (the later of published and embargo) with
    its indexes; pending translations; shared rate limits."""
    schema_version.create(conn)
    column_type = articles.c.public_at.type.compile(dialect=conn.dialect)
    conn.execute(text(f"ALTER TABLE articles ADD COLUMN public_at {column_type}"))
    conn.execute(text("UPDATE articles SET public_at = CASE WHEN embargo IS NOT NULL AND embargo > published "
                      "THEN embargo ELSE published END"))
    for index in articles.indexes:
        if index.name in ("ix_articles_public", "ix_articles_lang_public", "ix_articles_public_at",
                          "ix_articles_status"):
            index.create(conn)
    translation_pending.create(conn)
    rate_limits.create(conn)


def _to_3(conn: Connection, dialect: str) -> None:
    """0.2.0 (schema 2 → 3): editorial review of machine translations: ``articles.reviewed_by`` and the
    ``translation_reviews`` queue."""
    column_type = articles.c.reviewed_by.type.compile(dialect=conn.dialect)
    conn.execute(text(f"ALTER TABLE articles ADD COLUMN reviewed_by {column_type}"))
    translation_reviews.create(conn)


def _to_4(conn: Connection, dialect: str) -> None:
    """0.2.0 (schema 3 → 4): partners' ``machine_translations`` agreements: ``delivery_changes.machine_rank``
    (how machine-made each logged version is), filled in from the stored versions."""
    conn.execute(text("ALTER TABLE delivery_changes ADD COLUMN machine_rank SMALLINT NOT NULL DEFAULT 0"))
    rows = select(article_versions.c.seq, article_versions.c.data).where(
        exists().where(delivery_changes.c.version_seq == article_versions.c.seq))
    ranks: list[dict[str, int]] = []
    for seq, data in conn.execute(rows):
        rank = decode(data).machine_rank
        if rank:
            ranks.append({"_seq": int(seq), "rank": rank})
    for start in range(0, len(ranks), 1000):
        conn.execute(update(delivery_changes).where(delivery_changes.c.version_seq == bindparam("_seq"))
                     .values(machine_rank=bindparam("rank")), ranks[start:start + 1000])


MIGRATIONS: tuple[Migration, ...] = (
    Migration(2, "0.2.0: schema version, articles.public_at (+ indexes), translation_pending, rate_limits", _to_2),
    Migration(3, "0.2.0: editorial review of machine translations (articles.reviewed_by, translation_reviews)",
              _to_3),
    Migration(4, "0.2.0: partners' machine_translations agreements (delivery_changes.machine_rank)", _to_4),
)
assert MIGRATIONS[-1].version == SCHEMA_VERSION, "the last migration must produce SCHEMA_VERSION"


# -- reading the version -----------------------------------------------------------------------------------
def read_version(conn: Connection) -> int | None:
    """The schema version of the database behind ``conn`` (``None`` when it holds none of our tables)."""
    names = set(inspect(conn).get_table_names())
    if schema_version.name in names:
        value = conn.execute(select(schema_version.c.version).where(schema_version.c.id == 1)).scalar()
        if value is None:
            raise StoreError("the schema_version table is empty: the store was not created completely")
        return int(value)
    if articles.name in names:
        return 1
    if names & set(metadata.tables):
        ours = ", ".join(sorted(names & set(metadata.tables)))
        raise StoreError(f"the database holds some syndicate tables ({ours}) "
                         "but no articles table: not a syndicate store")
    return None


def _version_of(db: Database) -> int | None:
    try:
        with db.engine.connect() as conn:
            return read_version(conn)
    except SQLAlchemyError as exc:
        raise db.fail("cannot read the schema version", exc) from exc


def _describe(version: int | None) -> str:
    return "empty" if version is None else f"version {version}" + (" (syndicate 0.1.0)" if version == 1 else "")


def ensure_current(db: Database) -> None:
    """Make a fresh store, or check that an existing one is at :data:`SCHEMA_VERSION`.

    Raises:
        SchemaVersionError: the store is older (run ``syndicate migrate``) or newer than this code.
    """
    version = _version_of(db)
    if version == SCHEMA_VERSION:
        return
    if version is None:
        with _locked(db):
            if _version_of(db) is None:
                _create(db)
        version = _version_of(db)
    if version is not None and version < SCHEMA_VERSION:
        raise SchemaVersionError(f"the store's schema is {_describe(version)}, this syndicate needs version "
                                 f"{SCHEMA_VERSION}: back it up, then run `syndicate migrate` "
                                 "(`syndicate migrate --dry-run` shows what would change)", context=db.safe_url)
    if version is not None and version > SCHEMA_VERSION:
        raise SchemaVersionError(f"the store's schema is version {version}, newer than this syndicate understands "
                                 f"({SCHEMA_VERSION}): upgrade syndicate", context=db.safe_url)


@contextmanager
def _locked(db: Database) -> Iterator[None]:
    with Locks(db).hold("migrate", timeout=LOCK_TIMEOUT):
        yield


def _stamp(conn: Connection, version: int) -> None:
    now = datetime.now(UTC)
    done = conn.execute(update(schema_version).where(schema_version.c.id == 1)
                        .values(version=version, migrated_at=now))
    if done.rowcount == 0:
        conn.execute(insert(schema_version).values(id=1, version=version, migrated_at=now))


def _create(db: Database) -> None:
    try:
        with db.write_engine.begin() as conn:
            metadata.create_all(conn)
            _stamp(conn, SCHEMA_VERSION)
    except SQLAlchemyError as exc:
        raise db.fail("cannot create the store's tables", exc) from exc


# -- migrating ---------------------------------------------------------------------------------------------
def migrate(db: Database, *, dry_run: bool = False) -> MigrationReport:
    """Bring the store to :data:`SCHEMA_VERSION` (an empty database is created). With ``dry_run`` nothing
    changes; the report holds the SQL each step would run.

    Raises:
        SchemaVersionError: the store is newer than this code.
        StoreError: a step failed (that step is rolled back; earlier steps stay applied).
    """
    with _locked(db):
        before = _version_of(db)
        report = MigrationReport(before=before, after=before or 0, dry_run=dry_run)
        if before is not None and before > SCHEMA_VERSION:
            raise SchemaVersionError(f"the store's schema is version {before}, newer than this syndicate "
                                     f"({SCHEMA_VERSION}): upgrade syndicate", context=db.safe_url)
        if before is None:
            def create(conn: Connection) -> None:
                metadata.create_all(conn)
                _stamp(conn, SCHEMA_VERSION)

            statements = _run(db, create, dry_run)
            report.steps.append((Migration(SCHEMA_VERSION, "create every table (empty store)",
                                           lambda c, d: None), statements))
            report.after = SCHEMA_VERSION
            return report
        todo = [step for step in MIGRATIONS if step.version > before]
        if dry_run and todo:
            # one transaction for all steps (rolled back), so each step sees the ones before it
            recorded: list[str] = []
            ends: list[int] = []

            def apply_all(conn: Connection) -> None:
                for step in todo:
                    step.apply(conn, db.dialect)
                    _stamp(conn, step.version)
                    ends.append(len(recorded))

            _run(db, apply_all, True, recorded)
            for i, step in enumerate(todo):
                report.steps.append((step, recorded[ends[i - 1] if i else 0:ends[i]]))
            report.after = todo[-1].version
            return report
        for step in todo:

            def apply(conn: Connection, step: Migration = step) -> None:
                step.apply(conn, db.dialect)
                _stamp(conn, step.version)

            report.steps.append((step, _run(db, apply, dry_run)))
            report.after = step.version
        return report


def _run(db: Database, work: Callable[[Connection], Any], dry_run: bool,
         statements: list[str] | None = None) -> list[str]:
    """Run ``work`` in one transaction, recording its SQL (into ``statements`` if given); roll back when
    ``dry_run``."""
    statements = [] if statements is None else statements

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if not statement.lstrip().upper().startswith(("SELECT", "PRAGMA", "BEGIN")):
            statements.append(" ".join(statement.split()))

    try:
        with db.write_engine.connect() as conn:
            from sqlalchemy import event

            event.listen(conn, "before_cursor_execute", record)
            trans = conn.begin()
            try:
                work(conn)
            except BaseException:
                trans.rollback()
                raise
            if dry_run:
                trans.rollback()
            else:
                trans.commit()
    except SQLAlchemyError as exc:
        raise db.fail("migration failed (rolled back)", exc) from exc
    return statements


# -- checking ----------------------------------------------------------------------------------------------
def schema_problems(db: Database) -> list[str]:
    """Differences between the database and the tables this code uses: missing tables, missing or extra
    columns, columns whose nullability differs, missing indexes. Empty when the schema is exactly right."""
    problems: list[str] = []
    with db.read("cannot inspect the store") as conn:
        insp = inspect(conn)
        names = set(insp.get_table_names())
        for table in metadata.sorted_tables:
            if table.name not in names:
                problems.append(f"table {table.name} is missing")
                continue
            have = {c["name"]: c for c in insp.get_columns(table.name)}
            for column in table.columns:
                found = have.pop(column.name, None)
                if found is None:
                    problems.append(f"column {table.name}.{column.name} is missing")
                elif not column.primary_key and bool(found["nullable"]) != bool(column.nullable):
                    problems.append(f"column {table.name}.{column.name} is "
                                    f"{'nullable' if found['nullable'] else 'NOT NULL'}, expected "
                                    f"{'nullable' if column.nullable else 'NOT NULL'}")
            problems += [f"column {table.name}.{name} is not known to this syndicate" for name in sorted(have)]
            indexes = {i["name"] for i in insp.get_indexes(table.name)}
            for index in table.indexes:
                if isinstance(index, Index) and index.name not in indexes:
                    problems.append(f"index {index.name} on {table.name} is missing")
    return problems


def check_store(db: Database) -> list[str]:
    """What ``syndicate check`` says of a store: its schema version against this code's, then its tables column
    by column. Empty when the store is usable (an empty database is created on first use)."""
    try:
        with db.read("cannot read the schema version") as conn:
            version = read_version(conn)
        if version is None:
            return []
        if version != SCHEMA_VERSION:
            hint = "upgrade syndicate" if version > SCHEMA_VERSION else "run `syndicate migrate`"
            return [f"store {db.safe_url}: schema version {version}, this syndicate uses {SCHEMA_VERSION}: {hint}"]
        return [f"store {db.safe_url}: {p} (the schema does not match version {SCHEMA_VERSION})"
                for p in schema_problems(db)]
    except StoreError as exc:
        return [str(exc).splitlines()[0]]
