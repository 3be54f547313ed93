"""The visibility policy: the one place that decides whether and how an article version may be shown.

:func:`decide` answers for one version, one :class:`~syndicate.model.Audience` (the public, or a partner with
its languages, categories, formats and embargo agreement) and ``now``. Every output asks it and nothing else
decides: RSS, Atom, JSON Feed, the public NewsML-G2 feeds and item files, partner NewsML-G2 files, the items
API, the push queue, the server's file authorisation, ``status`` and the publish report.

The rules:

* **Release.** A version becomes visible at its *release time*: for the public and for partners without early
  embargoes, the later of ``published`` and ``embargo``; for partners that receive embargoed items early
  (``embargoed = true``), ``published``. Before it, nothing is shown (*scheduled* or *embargoed*). Feeds show the
  release time as the item's publication date, so a released item is new at the top of its feeds.
* **The public** sees usable versions only, in full. A withheld or canceled version is never shown to the
  public, so the public never receives a byte of a version that was never usable, and a kill makes the item
  leave the public feeds.
* **Partners** see usable versions in full (flagged with their embargo when they receive it early). A withheld
  version becomes a *withheld notice* and a canceled one a *kill notice*, but only for a partner that was shown
  an earlier usable version of the same article: a story a partner never had is never named to it.
* **Scope and formats.** Nothing outside an audience's languages, categories or formats is shown.
* **Machine translations.** A partner's ``machine_translations`` agreement (``all``, ``reviewed``, ``none``)
  caps how machine-made a version it is shown may be (:func:`syndicate.model.machine_rank`): ``reviewed``
  partners get machine translations only once an editor approved them, ``none`` partners only text written by
  people. It caps text: a withheld or kill notice (which carries no text) goes to every partner that was shown
  an earlier version, so a partner given an approved translation is told when it is killed.
  The public receives every machine translation that is published (review, where required, comes first).

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from syndicate.config import Partner
from syndicate.model import PUBLIC, Audience, Scope, Show, Status

__all__ = [
    "PUBLIC",
    "Decision",
    "Version",
    "audience_of",
    "decide",
    "held_back",
    "may_fetch",
    "release_time",
    "scope_of",
    "shown_before",
]

#: Reasons a version is not shown (Decision.reason when ``show`` is HIDDEN), in the order reports list them.
HELD_REASONS = ("embargoed", "scheduled", "withheld", "canceled", "never-shown", "outside-scope", "format",
                "machine-translation")


class Version(Protocol):
    """What the policy needs to know about a version (an Article, or a change-log release)."""

    @property
    def lang(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def published(self) -> datetime: ...
    @property
    def embargo(self) -> datetime | None: ...
    @property
    def machine_rank(self) -> int: ...


@dataclass(frozen=True)
class Decision:
    """How a version may be shown; ``at`` is its release time for this audience."""

    show: Show
    reason: str                # "visible", or one of HELD_REASONS
    at: datetime

    @property
    def visible(self) -> bool:
        return self.show is not Show.HIDDEN

    @property
    def full(self) -> bool:
        """Shown with its own text (in full, or flagged embargoed)."""
        return self.show in (Show.FULL, Show.EMBARGOED)


def scope_of(languages: Iterable[str] = (), categories: Iterable[str] = ()) -> Scope:
    """The scope an agreement's lists describe: an empty list, or ``"all"`` among the categories, means every
    one. The one definition of partner scope (files, server, items API, push)."""
    langs = frozenset(languages)
    cats = frozenset(categories)
    return Scope(languages=langs or None, categories=None if not cats or "all" in cats else cats)


def release_time(version: Version, audience: Audience) -> datetime:
    """When ``audience`` may first see ``version``."""
    if audience.embargoed or version.embargo is None or version.embargo <= version.published:
        return version.published
    return version.embargo


def decide(version: Version, audience: Audience, now: datetime, *, fmt: str | None = None,
           shown_before: bool = False) -> Decision:
    """Whether and how ``audience`` may be shown ``version`` at ``now``.

    Args:
        version: the article version.
        audience: the public (:data:`PUBLIC`) or a partner's audience.
        now: the time of the decision.
        fmt: the output format asking ("rss", "newsml", …); checked against the audience's formats.
        shown_before: an earlier usable version of the same article was shown to this audience (see
            :func:`shown_before`); only withheld and canceled versions depend on it.
    """
    at = release_time(version, audience)
    if fmt is not None and audience.formats is not None and fmt not in audience.formats:
        return Decision(Show.HIDDEN, "format", at)
    if not audience.scope.covers(version.lang, version.category):
        return Decision(Show.HIDDEN, "outside-scope", at)
    if version.published > now:
        return Decision(Show.HIDDEN, "scheduled", at)
    if at > now:
        return Decision(Show.HIDDEN, "embargoed", at)
    status = Status(version.status)
    if status is Status.USABLE and version.machine_rank > audience.max_machine_rank:
        return Decision(Show.HIDDEN, "machine-translation", at)
    if audience.is_public:
        if status is Status.USABLE:
            return Decision(Show.FULL, "visible", at)
        return Decision(Show.HIDDEN, status.value, at)
    if status is Status.USABLE:
        flagged = audience.embargoed and version.embargo is not None
        return Decision(Show.EMBARGOED if flagged else Show.FULL, "visible", at)
    if not shown_before:
        return Decision(Show.HIDDEN, "never-shown", at)
    return Decision(Show.WITHHELD_NOTICE if status is Status.WITHHELD else Show.KILL_NOTICE, "visible", at)


def shown_before(earlier: Iterable[Version], audience: Audience, now: datetime) -> bool:
    """True when one of the ``earlier`` versions of an article was shown to ``audience`` in full by ``now``."""
    return any(decide(v, audience, now).full for v in earlier)


def held_back(versions: Iterable[Version], audience: Audience, now: datetime) -> Counter[str]:
    """How many of ``versions`` ``audience`` may not see at ``now``, by reason (``status`` and publish report)."""
    counts: Counter[str] = Counter()
    for v in versions:
        decision = decide(v, audience, now)
        if not decision.visible:
            counts[decision.reason] += 1
    return counts


def may_fetch(audience: Audience, lang: str, section: str, fmt: str | None = None) -> bool:
    """May ``audience`` fetch a file of language ``lang`` and feed folder ``section`` (a category slug, ``all``
    or ``items``)? For the server's authorisation of partner files; the files themselves only ever hold what
    :func:`decide` allowed."""
    if fmt is not None and audience.formats is not None and fmt not in audience.formats:
        return False
    if section in ("items", "all"):
        return audience.scope.languages is None or lang in audience.scope.languages
    return audience.scope.covers(lang, section)


def audience_of(partner: Partner) -> Audience:
    """The audience of a partner agreement (``[partners.NAME]``)."""
    return Audience(name=partner.name, scope=scope_of(partner.languages, partner.categories),
                    formats=frozenset(partner.formats), embargoed=partner.embargoed, partner=True,
                    machine_translations=partner.machine_translations)
