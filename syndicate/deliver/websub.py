"""WebSub publish pings: ``POST <hub>`` with ``hub.mode=publish&hub.url=<feed URL>``.

Called from the publisher's listeners, i.e. only after a public feed's *changed* bytes were durably written,
never for an unchanged feed. Pings go out from one background thread so a slow hub never slows publishing;
:meth:`HubPinger.close` waits for the queued ones. A failed ping is logged: feed readers still poll.
"""

from __future__ import annotations

import logging
import queue as _queue
import threading

import requests

from syndicate.errors import DeliveryError
from syndicate.net import PolicySession
from syndicate.redact import redact_url

log = logging.getLogger("syndicate.websub")
_STOP = object()


def ping(session: requests.Session, hub_url: str, feed_url: str, timeout: float = 10.0) -> int:
    """One publish ping; returns the hub's HTTP status.

    Raises:
        DeliveryError: the hub could not be reached or did not answer 2xx.
    """
    try:
        response = session.post(hub_url, data={"hub.mode": "publish", "hub.url": feed_url},
                                timeout=(min(5.0, timeout), timeout), allow_redirects=False)
    except requests.RequestException as exc:
        raise DeliveryError("WebSub hub unreachable", context=redact_url(hub_url)) from exc
    response.close()
    if not 200 <= response.status_code < 300:
        raise DeliveryError(f"WebSub hub answered HTTP {response.status_code}",
                            context=f"{redact_url(hub_url)} {feed_url}")
    return response.status_code


class HubPinger:
    """Sends publish pings for feed URLs from a background thread, in order."""

    def __init__(self, hub_url: str, *, session: requests.Session | None = None, timeout: float = 10.0) -> None:
        self.hub_url = hub_url
        self.session = session or PolicySession()   # redirects are not followed; total deadline
        self.timeout = timeout
        self.sent = 0
        self.failed = 0
        self._queue: _queue.Queue[object] = _queue.Queue()
        self._thread = threading.Thread(target=self._run, name="websub-ping", daemon=True)
        self._thread.start()

    def notify(self, feed_url: str) -> None:
        """Queue a ping for ``feed_url``."""
        self._queue.put(feed_url)

    def _run(self) -> None:
        while True:
            url = self._queue.get()
            try:
                if url is _STOP:
                    return
                ping(self.session, self.hub_url, str(url), self.timeout)
                self.sent += 1
            except DeliveryError as exc:
                self.failed += 1
                log.warning("WebSub ping for %s: %s", url, exc)
            finally:
                self._queue.task_done()

    def flush(self) -> None:
        """Wait until every queued ping was sent (or failed)."""
        self._queue.join()

    def close(self) -> None:
        """Send what is queued, then stop the thread."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join()
