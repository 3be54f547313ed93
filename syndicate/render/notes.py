"""Editorial notices of an article version (to partners' editors, not for publication), in the one order
every partner format uses: **the machine-translation disclosure first**.

Many ingest clients keep only the first note (Superdesk's NewsML-G2 parser keeps the first ``edNote`` and
ignores ``digitalSourceType`` and contributors), so a correction, withholding, kill or embargo notice must never
push the disclosure out of first place. NewsML-G2 writes these as ``edNote``\\ s; ninjs can reuse the same
list (:func:`editorial_notices`) or just the ordering rule (:func:`disclosure_first`). Pure, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from syndicate.model import Article, Origin, Status
from syndicate.sanitize import plain_text
from syndicate.times import utc

#: role codes (NewsML-G2: ``synnote:<role>``)
MACHINE_TRANSLATION = "machineTranslation"
KILL = "kill"
WITHHELD = "withheld"
CORRECTION = "correction"
EMBARGO = "embargo"

KILL_NOTICE = ("KILL: this item has been withdrawn and must not be used. "
               "Please remove it from all systems and do not publish it.")
WITHHELD_NOTICE = "WITHHELD: do not use this item until a later version makes it usable again."
# A notice names the story by its guid only: the headline, slugline and summary of a withheld or canceled
# version are its own new text, which was never usable, so they are not sent (as Superdesk's kill template does).
NOTICE_HEADLINES = {Status.CANCELED: "KILL NOTICE", Status.WITHHELD: "WITHHELD NOTICE"}
MT_NOTICE = "Unreviewed machine translation ({engine}). Not checked by an editor."
MT_REVIEWED_NOTICE = "Machine translation ({engine}), reviewed by an editor."
EMBARGO_NOTICE = "EMBARGOED until {when}. Do not publish before this time."


@dataclass(frozen=True)
class Notice:
    """One editorial notice."""

    role: str       # one of the role codes above
    text: str
    fixed: bool     # our fixed English wording (mark it as English inside an item in another language)


def disclosure_first(notices: Iterable[Notice]) -> list[Notice]:
    """The notices with the machine-translation disclosure moved to the front; the others keep their order."""
    ordered = list(notices)
    return ([n for n in ordered if n.role == MACHINE_TRANSLATION]
            + [n for n in ordered if n.role != MACHINE_TRANSLATION])


def editorial_notices(article: Article, *, embargo_shown: bool) -> list[Notice]:
    """Every notice of ``article``, disclosure first, then kill or withheld, correction, embargo.

    Args:
        article: the version being rendered.
        embargo_shown: the policy shows this version flagged embargoed (a partner receiving it early); only
            then is the embargo notice written.
    """
    notices: list[Notice] = []
    if article.origin is Origin.MACHINE:
        engine = " ".join(p for p in (article.mt_engine, article.mt_model) if p) or "unknown engine"
        wording = MT_REVIEWED_NOTICE if article.reviewed_by else MT_NOTICE
        notices.append(Notice(MACHINE_TRANSLATION, wording.format(engine=plain_text(engine)), True))
    if article.status is Status.CANCELED:
        notices.append(Notice(KILL, KILL_NOTICE, True))
    elif article.status is Status.WITHHELD:
        notices.append(Notice(WITHHELD, WITHHELD_NOTICE, True))
    if article.correction_note and plain_text(article.correction_note):   # the newsroom's words, its language
        notices.append(Notice(CORRECTION, plain_text(article.correction_note), False))
    if embargo_shown and article.embargo is not None:
        when = utc(article.embargo).isoformat(timespec="seconds").replace("+00:00", "Z")
        notices.append(Notice(EMBARGO, EMBARGO_NOTICE.format(when=when), True))
    return disclosure_first(notices)


__all__ = ["CORRECTION", "EMBARGO", "EMBARGO_NOTICE", "KILL", "KILL_NOTICE", "MACHINE_TRANSLATION", "MT_NOTICE",
           "MT_REVIEWED_NOTICE", "NOTICE_HEADLINES", "WITHHELD", "WITHHELD_NOTICE", "Notice", "disclosure_first",
           "editorial_notices"]
