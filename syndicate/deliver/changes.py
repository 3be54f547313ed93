"""Who gets each released version pushed: the visibility policy applied to the delivery change log.

The store hands out change-log cursors (:meth:`syndicate.store.delivery.Delivery.sync`); for each version that
became visible it asks :func:`router` which push partners may be sent it, and queues them in the same
transaction. Run by every publish, by the push worker on every scan and by the items API before a page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from syndicate.config import Partner
from syndicate.select.policy import audience_of, decide
from syndicate.store import Release, Store


def router(partners: Iterable[Partner], now: datetime) -> Callable[[Release], Iterator[str]]:
    """The route callback: names of the push partners (``push_url`` set) the policy lets see a release."""
    pushers = [(p.name, audience_of(p)) for p in partners if p.push_url]

    def route(release: Release) -> Iterator[str]:
        for name, audience in pushers:
            if audience.embargoed == release.early and decide(
                    release, audience, now, shown_before=release.shown_before(audience.max_machine_rank)).visible:
                yield name

    return route


def sync_changes(store: Store, now: datetime, partners: Iterable[Partner]) -> int:
    """Index new versions, hand out cursors to those visible by ``now`` and queue their pushes.

    Always pass every configured partner: a version gets its cursor (and its push rows) only once.
    Returns how many cursors were handed out.

    Raises:
        StoreError: the store failed.
    """
    return store.delivery.sync(now, router(partners, now))
