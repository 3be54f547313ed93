"""Shared fixtures: paths to ../shared, validators built once per session, sample articles."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from syndicate.validate import AtomValidator, JsonFeedValidator, NewsMLValidator, feedparser_errors

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SYNDICATE_SHARED", ROOT.parent / "shared")).resolve()
SCHEMAS = SHARED / "schemas"
SEED_PAGE = SHARED / "seeds" / "coalition-news-2018-01-23.txt"
DATA = Path(__file__).resolve().parent / "data"
UTC = timezone.utc


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
