"""``syndicate check``: problems with a loaded config, its store and its translation setup, as strings."""

from __future__ import annotations

import os

from syndicate.config import Config
from syndicate.errors import StoreError
from syndicate.store.db import Database
from syndicate.store.migrations import check_store


def store_problems(url: str) -> list[str]:
    """The store's schema version against this code's, then its tables column by column."""
    try:
        db = Database(url)
    except StoreError as exc:
        return [str(exc)]
    try:
        return check_store(db)
    finally:
        db.close()


def run_checks(config: Config) -> list[str]:
    problems = store_problems(config.store_url)
    out = config.output.dir
    parent = out if out.exists() else out.parent
    if not parent.exists() or not os.access(parent, os.W_OK):
        problems.append(f"output dir {out}: not writable")
    if config.newsml_schema and not config.newsml_schema.is_file():
        problems.append(f"newsml.schema {config.newsml_schema}: file not found")
    problems += _translation_problems(config)
    return problems


def _translation_problems(config: Config) -> list[str]:
    """Every (source → target) pair must be served by its engine (a missing Argos package is a problem)."""
    if not config.translation.targets:
        return []
    try:
        from syndicate.translate.articles import check_translation_setup
    except ImportError:
        return ["translation targets configured but the 'mt' extra is not installed (pip install syndicate[mt])"]
    return [f"translation: {err}" for err in check_translation_setup(config)]
