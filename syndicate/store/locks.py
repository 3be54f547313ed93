"""Named locks shared by every process that uses one store: the single-runner guarantee.

* SQLite: an exclusive ``flock`` on ``<database file>.<name>.lock`` beside the database. The kernel drops it
  when the process dies (even on ``kill -9``), so a crashed runner never leaves a stale lock behind.
* PostgreSQL: a session advisory lock (``pg_try_advisory_lock``) on a connection of its own, held for the
  lock's lifetime and closed on release; the server drops it when the session ends. Needs a direct
  connection (session advisory locks do not survive PgBouncer transaction pooling).
* ``sqlite:///:memory:``: a process-local lock (nothing else can open that store anyway).

Waiting polls every 50 ms up to ``timeout`` seconds, then raises :class:`~syndicate.errors.LockedError`.
Locks are not re-entrant: take each name once per holder (job locks outside, the ``publish`` lock inside).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from syndicate.errors import LockedError, SchedulerError
from syndicate.store.db import Database

POLL_SECONDS = 0.05
_memory_locks: dict[str, threading.Lock] = {}
_memory_guard = threading.Lock()


def lock_key(name: str) -> int:
    """Signed 64-bit advisory-lock key for ``name`` (stable across processes and hosts)."""
    return int.from_bytes(hashlib.sha256(b"syndicate:" + name.encode()).digest()[:8], "big", signed=True)


def lock_path(db: Database, name: str) -> Path:
    """The lock file of ``name`` beside a SQLite database."""
    path = db.sqlite_path
    if path is None:
        raise SchedulerError("this store has no lock file", context=name)
    return Path(f"{path}.{re.sub(r'[^A-Za-z0-9_.-]', '_', name)}.lock")


def _deadline_loop(timeout: float) -> Iterator[None]:
    deadline = time.monotonic() + max(timeout, 0.0)
    while True:
        yield
        if time.monotonic() >= deadline:
            return
        time.sleep(POLL_SECONDS)


@contextmanager
def _file_lock(path: Path, name: str, timeout: float) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        for _ in _deadline_loop(timeout):
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                continue
            except OSError as exc:
                raise SchedulerError("cannot lock", context=str(path)) from exc
        else:
            raise LockedError(f"another process holds the {name!r} lock", context=str(path))
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def _advisory_lock(db: Database, name: str, timeout: float) -> Iterator[None]:
    key = lock_key(name)
    try:
        conn: Any = db.engine.connect()
    except SQLAlchemyError as exc:
        raise SchedulerError("cannot connect to take a lock", context=name) from exc
    try:
        got = False
        for _ in _deadline_loop(timeout):
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar())
            conn.commit()
            if got:
                break
        if not got:
            raise LockedError(f"another process holds the {name!r} lock", context=f"advisory lock {key}")
        try:
            yield
        finally:
            try:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()
            except SQLAlchemyError:
                conn.invalidate()     # a dead session releases its locks by itself
    except SQLAlchemyError as exc:
        raise SchedulerError("advisory lock failed", context=name) from exc
    finally:
        conn.close()


@contextmanager
def _memory_lock(name: str, timeout: float) -> Iterator[None]:
    with _memory_guard:
        lock = _memory_locks.setdefault(name, threading.Lock())
    if not lock.acquire(timeout=max(timeout, 0.0)):
        raise LockedError(f"another thread holds the {name!r} lock", context="memory")
    try:
        yield
    finally:
        lock.release()


class Locks:
    """Store-wide named locks (e.g. ``"publish"``, ``"job:publish-all"``, ``"migrate"``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @contextmanager
    def hold(self, name: str, *, timeout: float = 0.0) -> Iterator[None]:
        """Hold the lock ``name`` for the ``with`` body.

        Raises:
            LockedError: still held by someone else after ``timeout`` seconds.
        """
        if self.db.dialect == "postgresql":
            ctx = _advisory_lock(self.db, name, timeout)
        elif self.db.sqlite_path is None:
            ctx = _memory_lock(f"{id(self.db.engine)}:{name}", timeout)
        else:
            ctx = _file_lock(lock_path(self.db, name), name, timeout)
        with ctx:
            yield
