"""Partner delivery: change log (items API cursors), durable push queue and transmitter, WebSub pings.

Wiring: whoever builds a :class:`~syndicate.pipeline.Publisher` (CLI ``publish``, the scheduler) calls
:func:`attach` once and :meth:`Delivery.close` after the run::

    publisher = Publisher(config, store)
    delivery = attach(publisher, config, store)
    try:
        publisher.publish(now)
    finally:
        delivery.close()
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from syndicate.config import Config
from syndicate.config.layout import public_url
from syndicate.model import PublishResult
from syndicate.store.sql import SqlStore
from syndicate.deliver.changes import sync_changes
from syndicate.deliver.queue import queue_summary
from syndicate.deliver.websub import HubPinger

log = logging.getLogger("syndicate.delivery")
UTC = timezone.utc


@dataclass
class Delivery:
    """What :func:`attach` hooked onto a publisher; :meth:`close` after the run sends queued pings."""

    config: Config
    store: SqlStore
    pinger: HubPinger | None = None
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    enqueue: bool = True
    _synced: bool = False

    def on_written(self, result: PublishResult, body: bytes) -> None:
        """Publisher listener: a public feed's bytes changed and are durably written. Never raises."""
        try:
            if self.pinger is not None:
                self.pinger.notify(public_url(self.config, result.path))
            if self.enqueue and not self._synced and any(p.push_url for p in self.config.partners):
                self._synced = True     # once per run is enough: the push worker syncs on every scan too
                sync_changes(self.store, self.clock(), self.config.partners)
        except Exception:  # noqa: BLE001 - a delivery problem must never fail the feed that was written
            log.exception("delivery listener failed for %s", result.path)

    def close(self) -> None:
        if self.pinger is not None:
            self.pinger.close()


def attach(publisher: Any, config: Config, store: SqlStore, *, clock: Callable[[], datetime] | None = None,
           session: Any = None) -> Delivery:
    """Register the delivery listener on ``publisher.listeners``: WebSub ping when ``[site] hub_url`` is set,
    and an early push enqueue for partners with ``push_url``."""
    pinger = HubPinger(config.site.hub_url, session=session) if config.site.hub_url else None
    delivery = Delivery(config=config, store=store, pinger=pinger, clock=clock or (lambda: datetime.now(UTC)))
    publisher.listeners.append(delivery.on_written)
    return delivery


__all__ = ["Delivery", "attach", "queue_summary", "sync_changes"]
