"""The connection to one store database: engines, dialect, and the error wrapper every store part uses.

Dialect differences are kept here and small: SQLite runs in WAL mode with a busy timeout, and writes that
read-then-write take SQLite's write lock up front (``BEGIN IMMEDIATE``) on a second engine; PostgreSQL locks
the rows it is about to change (``SELECT … FOR UPDATE``) and uses one pooled engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Insert, Table, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from syndicate.errors import StoreError
from syndicate.redact import redact_url

#: rows per IN (…) list: well under SQLite's and PostgreSQL's parameter limits
CHUNK = 500


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _begin_immediate(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """Engines of one store URL: ``sqlite:///path`` (default) or ``postgresql+psycopg://…``."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.dialect = "sqlite" if url.startswith("sqlite") else "postgresql"
        self.safe_url = redact_url(url)
        try:
            if self.dialect == "sqlite":
                self._ensure_sqlite_dir(url)
                self.engine: Engine = create_engine(url, connect_args={"timeout": 30})
                event.listen(self.engine, "connect", _sqlite_pragmas)
                # writes that read then write (versioning, cursors, claims) take SQLite's write lock up front:
                # two processes can then never both read version N and both write N+1
                self.write_engine: Engine = create_engine(url, connect_args={"timeout": 30,
                                                                            "isolation_level": None})
                event.listen(self.write_engine, "connect", _sqlite_pragmas)
                event.listen(self.write_engine, "begin", _begin_immediate)
            else:
                self.engine = create_engine(url, pool_pre_ping=True)
                self.write_engine = self.engine
        except SQLAlchemyError as exc:
            raise StoreError("cannot open store", context=self.safe_url) from exc

    @staticmethod
    def _ensure_sqlite_dir(url: str) -> None:
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)

    @property
    def sqlite_path(self) -> str | None:
        """The database file of a SQLite store (``None`` for PostgreSQL and ``:memory:``)."""
        if self.dialect != "sqlite":
            return None
        database = self.engine.url.database
        return None if not database or database == ":memory:" else database

    def fail(self, what: str, exc: BaseException | None = None) -> StoreError:
        """A :class:`StoreError` for ``what`` failing, naming the store (never its password)."""
        err = StoreError(what, context=self.safe_url)
        if exc is not None:
            err.__cause__ = exc
        return err

    @contextmanager
    def read(self, what: str) -> Iterator[Connection]:
        """A connection for reads; SQL errors become a :class:`StoreError` naming ``what``."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise self.fail(what, exc) from exc

    @contextmanager
    def write(self, what: str) -> Iterator[Connection]:
        """A transaction that holds the write lock from its start (SQLite) and commits at the end."""
        try:
            with self.write_engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise self.fail(what, exc) from exc

    @contextmanager
    def transaction(self, what: str) -> Iterator[Connection]:
        """A plain transaction (no up-front write lock); commits at the end."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise self.fail(what, exc) from exc

    def insert_ignore(self, table: Table) -> Insert:
        """``INSERT … ON CONFLICT DO NOTHING`` for this dialect."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert
            return pg_insert(table).on_conflict_do_nothing()
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert
        return sqlite_insert(table).on_conflict_do_nothing()

    def close(self) -> None:
        self.engine.dispose()
        if self.write_engine is not self.engine:
            self.write_engine.dispose()
