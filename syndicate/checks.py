"""`syndicate check`: problems with a loaded config and its store, as a list of strings."""

from __future__ import annotations

import os

from .config import Config


def run_checks(config: Config) -> list[str]:
    problems: list[str] = []
    from .stores import open_store
    from .errors import StoreError

    try:
        store = open_store(config.store_url)
    except StoreError as exc:
        return [str(exc)]
    try:
        problems += store.check()
    finally:
        store.close()
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
        from .translators.base import get_translator
    except ImportError:
        return ["translation targets configured but the 'mt' extra is not installed (pip install syndicate[mt])"]
    problems = []
    for src in config.languages:
        for dst in config.translation.targets:
            if src == dst:
                continue
            engine = config.translation.pairs.get(f"{src}-{dst}", config.translation.engine)
            try:
                translator = get_translator(engine, config.translation)
                if not translator.supports(src, dst):
                    problems.append(f"translation {src}→{dst}: engine {engine!r} has no package or pair for it")
            except Exception as exc:  # noqa: BLE001 - report, do not crash the check
                problems.append(f"translation {src}→{dst}: engine {engine!r}: {exc}")
    return problems
