"""Shared fixtures: paths to ../shared, validators built once per session, sample articles."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from syndicate.render.validate import AtomValidator, JsonFeedValidator, NewsMLValidator, feedparser_errors

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SYNDICATE_SHARED", ROOT.parent / "shared")).resolve()
SCHEMAS = SHARED / "schemas"
SEED_PAGE = SHARED / "seeds" / "coalition-news-2018-01-23.txt"
DATA = Path(__file__).resolve().parent / "data"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SCHEMAS.is_dir(), f"../shared/schemas not found at {SCHEMAS}: clone the project beside shared/"
    return SHARED


@pytest.fixture(scope="session")
def atom_validator(shared: Path) -> AtomValidator:
    return AtomValidator(SCHEMAS / "atom" / "atom.rng", SCHEMAS / "atom" / "atom-rules.sch")


@pytest.fixture(scope="session")
def jsonfeed_validator(shared: Path) -> JsonFeedValidator:
    return JsonFeedValidator(SCHEMAS / "jsonfeed")


@pytest.fixture(scope="session")
def newsml_validator(shared: Path) -> NewsMLValidator:
    return NewsMLValidator(SCHEMAS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd")


@pytest.fixture(scope="session")
def feed_errors():
    """``feed_errors(body)``: feedparser problems (bozo) of an RSS or Atom document."""
    return feedparser_errors


# -- stores: one contract suite, every backend ------------------------------------------------------------
PG_ADMIN_URL = os.environ.get("SYNDICATE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@pytest.fixture(scope="session")
def pg_database_url():
    """A fresh PostgreSQL database for this test session (dropped at the end). Never skipped: CI has PostgreSQL."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"syndicate_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """URL of an empty store, once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    from sqlalchemy import create_engine

    from syndicate.store.schema import metadata

    url = request.getfixturevalue("pg_database_url")
    engine = create_engine(url)
    metadata.drop_all(engine)
    engine.dispose()
    yield url


@pytest.fixture
def store(store_url):
    from syndicate.store import open_store

    s = open_store(store_url)
    yield s
    s.close()


# -- the real LibreTranslate 1.9.6 server (tests/lt_real.py): packages built once, one server per session ----------
@pytest.fixture(scope="session")
def lt_packages(tmp_path_factory):
    """The en→es and es→en test packages for LibreTranslate (fails, never skips, without ``.venv-lt``)."""
    from lt_real import build_packages, lt_executable

    lt_executable()
    return build_packages(tmp_path_factory.mktemp("lt-packages"))


@pytest.fixture(scope="session")
def real_lt(lt_packages, tmp_path_factory):
    """The real LibreTranslate server, started once per session with the default limits."""
    from lt_real import RealLT

    with RealLT(lt_packages, tmp_path_factory.mktemp("lt-server")) as server:
        yield server
