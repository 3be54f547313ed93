"""Config checks that protect the public folder: every refusal is explained, all at once.

* partner names are slugs (``[partners.NAME]`` becomes a folder: ``../feeds/leak`` would write a partner's
  embargoed files into the public folder);
* ``output.dir``, ``output.partners_dir`` and the SQLite store file may not contain one another (partner
  files inside the public folder are served without a token; a store inside it is one name away from public);
* ``output.path_template``: ``{lang}``, ``{category}`` and ``{file}`` each exactly once and each a whole path
  segment, ``{file}`` last, other segments plain names; so every feed path stays inside its root and the
  server can read language and category back from a partner's request (:func:`syndicate.config.layout.parse_path`).

:func:`refusals` returns one line per problem (``key: what is wrong and why``); :func:`syndicate.config.parse_config`
raises one :class:`~syndicate.errors.ConfigError` carrying all of them, and ``syndicate check`` prints each.
"""

from __future__ import annotations

import re
from pathlib import Path

from syndicate.config import SLUG_PATTERN, Config

PLACEHOLDERS = ("{lang}", "{category}", "{file}")
#: a literal segment of the path template
_LITERAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
#: names the server gives a meaning to inside a language folder
RESERVED = ("items",)


def template_problems(template: str) -> list[str]:
    """Why ``template`` is not a valid ``path_template`` (empty when it is)."""
    problems = []
    for needed in PLACEHOLDERS:
        if template.count(needed) != 1:
            problems.append(f"must contain {needed} exactly once")
    if problems:
        return [f"output.path_template {template!r}: {p}" for p in problems]
    segments = template.split("/")
    if segments[-1] != "{file}":
        problems.append("{file} must be the last segment (the server serves feed files by name)")
    for seg in segments:
        if seg in PLACEHOLDERS:
            continue
        if "{" in seg or "}" in seg:
            problems.append(f"segment {seg!r}: a placeholder must be a whole segment, no other placeholders")
        elif not _LITERAL.match(seg):
            problems.append(f"segment {seg!r}: must be a plain name (letters, digits, '-', '_'), so the path "
                            f"stays inside its root (no '', '.', '..', absolute or hidden segments)")
    return [f"output.path_template {template!r}: {p}" for p in problems]


def _sqlite_file(url: str) -> Path | None:
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url[len("sqlite:///"):].split("?")[0]).resolve()
    return None


def _contains(outer: Path, inner: Path) -> bool:
    return outer == inner or outer in inner.parents


def refusals(config: Config) -> list[str]:
    """Every reason this config could publish a private file, one line each (empty when none)."""
    out: list[str] = []
    for partner in config.partners:
        if not SLUG_PATTERN.match(partner.name):
            out.append(f"partners.{partner.name!r}: a partner name must be a slug (lowercase letters, digits "
                       f"and '-'): it names the partner's folder under output.partners_dir")
    for cat in config.categories:
        if cat.slug in RESERVED:
            out.append(f"categories: slug {cat.slug!r} is reserved (the folder of NewsML-G2 item files)")
    out += template_problems(config.output.path_template)
    places: list[tuple[str, Path]] = [("output.dir", config.output.dir.resolve())]
    if config.output.partners_dir is not None:
        places.append(("output.partners_dir", config.output.partners_dir.resolve()))
    for i, (name_a, a) in enumerate(places):
        for name_b, b in places[i + 1:]:
            if _contains(a, b) or _contains(b, a):
                out.append(f"{name_a} {a} and {name_b} {b} may not be the same folder or inside one another: "
                           f"partner files under the public folder are served without a token")
    store = _sqlite_file(config.store_url)
    if store is not None:
        for name, folder in places:
            if _contains(folder, store):
                out.append(f"store.url: the store file {store} may not be inside {name} {folder}")
    return out
