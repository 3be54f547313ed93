"""Incremental publishing: which feeds must be rendered again, and the watermarks that decide it.

A feed's bytes depend only on (a) the config that shapes it, (b) the articles of its language and category
(plus their other-language versions, shown as alternates) and (c) ``now``, through embargo and future
``published`` times. So a feed is rendered again only when one of those moved since its last good render:

* no watermark yet, the config hash changed, ``--full``, the file on disk is missing or has another size,
  or ``now`` went back before the last render;
* an article whose scope touches the feed changed after the feed's watermark (``articles.seq``): its own
  (lang, category), the (lang, category) of every member of its family, and a category it moved out of;
  the ``all`` feed of each of those languages;
* a visibility timer of its scope fell due between its last render and ``now``.

The cost of planning grows with what changed (index range scans on ``seq`` and ``due_at``), not with the
size of the store. Planning is pure: it decides from the data it is given (watermarks, the changes since the
oldest one, the family scopes of those changes, the timers that fell due, the sizes of the files on disk),
in two steps: :func:`first_pass` settles what needs no change data and says which changes to read;
:func:`finish` decides the rest. The publisher (:mod:`syndicate.publish.publisher`) reads and records.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from syndicate import __version__
from syndicate.config import ALL, Config, Partner
from syndicate.model import FeedKey, FeedSpec
from syndicate.store import Change, Watermark

#: more changes than this since the oldest watermark: treat every watermarked feed as changed (a full build
#: costs less than tracing each change, and memory stays bounded)
MAX_TRACED_CHANGES = 5000


_SITE_SHAPES: dict[int, tuple[Config, dict[str, Any]]] = {}


def _site_shape(config: Config) -> dict[str, Any]:
    """``asdict(config.site)``, computed once per config object (a publish asks for every feed)."""
    cached = _SITE_SHAPES.get(id(config))
    if cached is None or cached[0] is not config:
        _SITE_SHAPES.clear()                  # one config at a time: a reload replaces it
        cached = _SITE_SHAPES[id(config)] = (config, asdict(config.site))
    return cached[1]


def config_hash(config: Config, spec: FeedSpec, partner: Partner | None = None) -> str:
    """sha256 of everything in the config (and code version) that shapes one feed's bytes."""
    shape: dict[str, Any] = {"version": __version__, "spec": asdict(spec), "site": _site_shape(config),
                             "languages": list(config.feed_languages)}
    if partner is not None:
        shape["partner"] = {"name": partner.name, "embargoed": partner.embargoed,
                            "languages": list(partner.languages), "categories": list(partner.categories)}
    blob = json.dumps(shape, sort_keys=True, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FeedTarget:
    """One output file a publish run may render."""

    state_key: str          # feed_state / watermark key: the path, prefixed for partners
    key: FeedKey
    config_hash: str
    size_on_disk: int | None = None     # None: no file there


@dataclass
class Plan:
    """The outcome of planning: the store snapshot cursor and the feeds to render (with why)."""

    seq: int
    dirty: dict[str, str] = field(default_factory=dict)     # state_key -> reason
    clean: list[str] = field(default_factory=list)

    def needs(self, state_key: str) -> bool:
        return state_key in self.dirty


@dataclass
class Pending:
    """What :func:`first_pass` could not settle, and the change data :func:`finish` needs for it."""

    plan: Plan
    candidates: list[tuple[FeedTarget, Watermark]]

    @property
    def low_seq(self) -> int:
        """Read the changes after this seq (the oldest watermark among the candidates)."""
        return min((m.seq for _, m in self.candidates), default=self.plan.seq)

    @property
    def since(self) -> datetime | None:
        """Read the timers due after this instant (the oldest render among the candidates)."""
        return min((m.rendered_at for _, m in self.candidates), default=None)


def static_reason(target: FeedTarget, mark: Watermark | None, now: datetime, full: bool) -> str | None:
    """Why ``target`` must be rendered whatever the articles did, or None."""
    if full:
        return "full"
    if mark is None:
        return "never published"
    if mark.config_hash != target.config_hash:
        return "config changed"
    if now < mark.rendered_at:
        return "clock before last render"
    if mark.size >= 0:
        if target.size_on_disk is None:
            return "file missing"
        if target.size_on_disk != mark.size:
            return "file changed on disk"
    return None


def first_pass(targets: Iterable[FeedTarget], marks: Mapping[str, Watermark], seq: int, now: datetime, *,
               full: bool = False) -> Pending:
    """Settle every target that needs no change data (first render, config changed, file missing, ``full``)."""
    plan = Plan(seq=seq)
    candidates: list[tuple[FeedTarget, Watermark]] = []
    for target in targets:
        mark = marks.get(target.state_key)
        reason = static_reason(target, mark, now, full)
        if reason:
            plan.dirty[target.state_key] = reason
        else:
            assert mark is not None
            candidates.append((target, mark))
    return Pending(plan, candidates)


def scopes_of_changes(changes: Sequence[Change], family_scopes: Iterable[tuple[str, str, str]],
                      categories_before: Mapping[str, set[str]]) -> dict[tuple[str, str], int]:
    """(lang, category) → newest change seq touching it, for feeds of that category.

    ``family_scopes`` are (family, lang, category) of the current members of the changed families;
    ``categories_before`` the categories changed articles had in earlier versions (an article can move).
    """
    touched: dict[tuple[str, str], int] = {}

    def touch(lang: str, cat: str, seq: int) -> None:
        if touched.get((lang, cat), -1) < seq:
            touched[(lang, cat)] = seq

    members: dict[str, list[tuple[str, str]]] = {}
    for family, lang, cat in family_scopes:
        members.setdefault(family, []).append((lang, cat))
    for c in changes:
        touch(c.lang, c.category, c.seq)
        for old in categories_before.get(c.id, ()):
            touch(c.lang, old, c.seq)
        for m_lang, m_cat in members.get(c.family, ()):
            touch(m_lang, m_cat, c.seq)      # its alternates / derivedFrom appear in the members' feeds
            touch(c.lang, m_cat, c.seq)      # a replaced machine version lived in the family's category
    return touched


def finish(pending: Pending, scopes: Mapping[tuple[str, str], int] | None,
           due: Iterable[tuple[str, str, datetime]]) -> Plan:
    """Decide the candidates from the scopes their changes touched (``None``: too many changes to trace) and
    the visibility timers that fell due since their last render."""
    plan = pending.plan
    lang_seq: dict[str, int] = {}
    for (lang, _), s in (scopes or {}).items():
        lang_seq[lang] = max(lang_seq.get(lang, -1), s)
    due_at: dict[tuple[str, str], datetime] = {}
    for lang, cat, at in due:
        for scope in ((lang, cat), (lang, ALL)):
            if due_at.get(scope) is None or due_at[scope] < at:
                due_at[scope] = at
    for target, mark in pending.candidates:
        k = target.key
        newest = lang_seq.get(k.lang, -1) if k.category == ALL else (scopes or {}).get((k.lang, k.category), -1)
        if scopes is None and mark.seq < plan.seq:
            plan.dirty[target.state_key] = "many changes"
        elif newest > mark.seq:
            plan.dirty[target.state_key] = "articles changed"
        elif (k.lang, k.category) in due_at and due_at[(k.lang, k.category)] > mark.rendered_at:
            plan.dirty[target.state_key] = "embargo or publish time reached"
        else:
            plan.clean.append(target.state_key)
    return plan
