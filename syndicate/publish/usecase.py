"""The one publish use case, shared by ``syndicate publish``, ``demo``, scheduled ``publish`` jobs and the tests:

    translate what is pending → plan → render → deliver → notify

1. **translate** (unless turned off per call or per schedule): pending machine translations, found from the
   change sequence (:mod:`syndicate.translate.usecase`);
2. **sync** the delivery change log: versions that became visible get their cursors, and the partners the
   policy lets see them get a push queued (:mod:`syndicate.deliver.changes`);
3. **plan, render, deliver** the feeds whose inputs changed, then the NewsML-G2 item files
   (:mod:`syndicate.publish.publisher`);
4. **notify**: a WebSub ping for every public feed whose bytes changed, after they are durably written.

Everything from step 1 runs under the store's ``publish`` lock, so two processes never publish at once; the
second waits, then finds nothing left to do. A dry run translates nothing, writes nothing and takes no lock.
Nothing here prints: the report says what happened.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from syndicate.config import Config
from syndicate.config.layout import public_url
from syndicate.deliver.changes import sync_changes
from syndicate.deliver.files import sweep_temp
from syndicate.deliver.websub import HubPinger
from syndicate.model import PUBLIC, PublishResult
from syndicate.net import PolicySession
from syndicate.publish.publisher import Publisher, PublishReport
from syndicate.select.policy import HELD_REASONS, held_back
from syndicate.store import Store
from syndicate.translate.usecase import Progress, TranslateReport, translate_pending

log = logging.getLogger("syndicate.publish")
#: how long a publisher waits for another one (same store) to finish before giving up
PUBLISH_LOCK_TIMEOUT = 900.0


@dataclass
class PublishOutcome(PublishReport):
    """A :class:`PublishReport` plus what the other steps did."""

    translation: TranslateReport | None = None
    #: what the public cannot see at ``now``, by policy reason (the same numbers ``status`` shows)
    withheld: Counter[str] = field(default_factory=Counter)
    cursors: int = 0            # change-log cursors handed out (new versions visible to partners)
    pings_sent: int = 0         # WebSub publish pings the hub accepted
    pings_failed: int = 0

    @property
    def ok(self) -> bool:
        return super().ok and (self.translation is None or self.translation.ok)

    def held_summary(self) -> str:
        """``"2 embargoed, 1 scheduled, 1 canceled, 0 render errors"``."""
        parts = [f"{self.withheld[r]} {r}" for r in HELD_REASONS if self.withheld.get(r)]
        return ", ".join([*parts, f"{len(self.held_back)} render errors"])


def held_back_now(store: Store, now: datetime) -> Counter[str]:
    """What the public cannot see at ``now`` and why (``publish`` and ``status`` share it)."""
    return held_back(store.articles.not_public(now), PUBLIC, now)


def publish(config: Config, store: Store, now: datetime, *, feeds: Sequence[str] = (),
            formats: Sequence[str] | None = None, full: bool = False, dry_run: bool = False, translate: bool = True,
            stop: Callable[[], bool] | None = None, run_id: int | None = None,
            lock_timeout: float = PUBLISH_LOCK_TIMEOUT, progress: Progress | None = None,
            session: Any = None) -> PublishOutcome:
    """Translate what is pending, then publish the feeds whose inputs changed (every feed with ``full``) as of
    ``now``, then notify.

    Args:
        feeds, formats: only feeds matching these ``LANG/CATEGORY`` patterns / of these formats (item files are
            written only by publishes that cover every feed).
        full: render every feed, not only those whose inputs changed.
        dry_run: render everything, write nothing, take no lock, translate nothing.
        translate: machine-translate pending items first (when ``[translation] targets`` are set).
        stop: asked before each feed; True ends the run early (``interrupted``).
        run_id: the scheduler's run, recorded with each watermark.
        lock_timeout: seconds to wait for another publisher of the same store.
        progress: translation progress callback.
        session: ``requests.Session`` for the WebSub pings (tests).

    Raises:
        LockedError: another publisher held the lock for longer than ``lock_timeout`` seconds.
        StoreError: the store failed.
    """
    outcome = PublishOutcome()
    publisher = Publisher(config, store, dry_run=dry_run)
    if dry_run:
        publisher.publish(now, feeds=feeds, formats=formats, full=True, report=outcome)
        outcome.withheld = held_back_now(store, now)
        return outcome
    pinger = (HubPinger(config.site.hub_url, session=session or PolicySession(config.fetch))
              if config.site.hub_url else None)

    def notify(result: PublishResult, _body: bytes) -> None:
        if pinger is not None:
            pinger.notify(public_url(config, result.path))

    publisher.listeners.append(notify)
    try:
        with store.locks.hold("publish", timeout=lock_timeout):
            # under the lock no other writer is mid-file: temp files left now are from a killed run
            swept = sum(sweep_temp(d) for d in (config.output.dir, config.output.partners_dir) if d)
            if swept:
                log.info("removed %d temp files left by an interrupted publish", swept)
            if translate and config.translation.targets:
                outcome.translation = translate_pending(config, store, now, progress=progress)
            outcome.cursors = sync_changes(store, now, config.partners)
            publisher.publish(now, feeds=feeds, formats=formats, full=full, stop=stop, run_id=run_id,
                              report=outcome)
    finally:
        if pinger is not None:
            pinger.close()
            outcome.pings_sent, outcome.pings_failed = pinger.sent, pinger.failed
    outcome.withheld = held_back_now(store, now)
    return outcome
