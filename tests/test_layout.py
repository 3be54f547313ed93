"""The tree is the flow: each folder is one stage and imports only from the stages below it; SQL lives only in
the store; no module reaches into another module's private names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "syndicate"

#: lowest first; a module may import from its own stage and the stages before it
STAGES = [
    {"__init__", "errors", "model", "times", "media", "sanitize", "redact", "urls"},   # shared vocabulary, no I/O
    {"net"},                                                                            # the one HTTP client
    {"config"},
    {"store"},
    {"select"},
    {"ingest"},
    {"translate"},
    {"render"},
    {"deliver"},
    {"publish"},
    {"schedule"},
    {"serve"},
    {"cli", "__main__"},
]


def stage_of(name: str) -> int:
    """Stage index of a top-level name under ``syndicate`` (a module or a folder)."""
    for i, names in enumerate(STAGES):
        if name in names:
            return i
    raise AssertionError(f"syndicate/{name} belongs to no stage: add it to STAGES in tests/test_layout.py")


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def top(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(absolute module, imported names, line) of every import in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, list[str], int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: use absolute imports"
            out.append((node.module or "", [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            out.extend((a.name, [], node.lineno) for a in node.names)
    return out


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_stage_imports_only_downwards(path: Path) -> None:
    """A module of stage N imports nothing from a stage above N."""
    mine = stage_of(top(path))
    for module, names, line in imports(path):
        parts = module.split(".")
        if parts[0] != "syndicate":
            continue
        targets = [parts[1]] if len(parts) > 1 else names
        for target in targets:
            if target.startswith("__version__"):
                continue
            assert stage_of(target) <= mine, (f"{path.relative_to(PACKAGE)}:{line} imports syndicate.{target}, "
                                              f"a later stage")


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_sql_only_in_the_store(path: Path) -> None:
    """Only syndicate/store speaks SQL (SQLAlchemy, drivers)."""
    if top(path) == "store":
        return
    for module, _names, line in imports(path):
        assert module.split(".")[0] not in ("sqlalchemy", "psycopg", "sqlite3"), \
            f"{path.relative_to(PACKAGE)}:{line} imports {module}: SQL belongs in syndicate/store"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_names_from_other_modules(path: Path) -> None:
    """``from syndicate.x import _name`` only inside the module's own folder (private modules like
    ``render/_common.py`` serve their folder alone)."""
    folder = path.relative_to(PACKAGE).parts[:-1]
    for module, names, line in imports(path):
        parts = module.split(".")
        if parts[0] != "syndicate":
            continue
        private = [n for n in names if n.startswith("_") and n != "__version__"]
        private_module = any(p.startswith("_") and p not in ("__init__",) for p in parts[1:])
        same_folder = tuple(parts[1:len(folder) + 1]) == folder and len(parts) - 1 <= len(folder) + 1
        if (private or private_module) and not same_folder:
            raise AssertionError(f"{path.relative_to(PACKAGE)}:{line} reaches into {module} "
                                 f"{', '.join(private) or '(private module)'}")
        assert not private or tuple(parts[1:]) != (), f"{path}:{line}: private names of the package root"
