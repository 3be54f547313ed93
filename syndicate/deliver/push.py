"""Push transmitter: POST each queued item version to its partner as a signed NewsML-G2 ``newsMessage``.

Request: ``POST <push_url>``, ``Content-Type: application/vnd.iptc.g2.newsmessage+xml``, headers
``X-Syndicate-Signature: sha256=<hex HMAC-SHA256 of the body with push_secret>``, ``X-Syndicate-Guid``,
``X-Syndicate-Version`` and ``X-Syndicate-Delivery`` (queue row id; the same on a retry). Delivery is
at-least-once: a receiver dedupes on guid + version.

Outcome by class: 2xx → success; 4xx (except 408 and 429) → failed at once; 5xx, 408, 429, timeouts and
connection errors → retrying after ``base_delay * 2**(attempt-1)`` seconds capped at ``max_delay``, failed
after ``max_attempts``.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import requests

from syndicate.config import Config, Partner
from syndicate.deliver.changes import sync_changes
from syndicate.deliver.messages import partner_message, prepare
from syndicate.errors import DeliveryError, StoreError, SyndicateError
from syndicate.media import NEWSMESSAGE
from syndicate.select.policy import audience_of, decide
from syndicate.store import Claim, Store

log = logging.getLogger("syndicate.push")
SIGNATURE_HEADER = "X-Syndicate-Signature"


def sign(secret: str, body: bytes) -> str:
    """Value of the signature header: ``sha256=`` + hex HMAC-SHA256 of ``body``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str | None) -> bool:
    """Receiver side: constant-time check of a signature header."""
    return header is not None and hmac.compare_digest(sign(secret, body), header)


def backoff(attempt: int, base: float, cap: float) -> float:
    """Delay before retry number ``attempt`` (1-based): base, 2·base, 4·base … capped."""
    return float(min(cap, base * 2 ** min(attempt - 1, 30)))


class Pusher:
    """One push worker. ``run_once()`` makes at most one attempt per partner; ``run()`` loops until stopped."""

    def __init__(self, config: Config, store: Store, *, worker: str | None = None,
                 session: requests.Session | None = None, clock: Callable[[], datetime] | None = None) -> None:
        self.config = config
        self.store = store
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.session = session or requests.Session()
        self.clock = clock or (lambda: datetime.now(UTC))
        self.partners = {p.name: p for p in config.partners if p.push_url}
        self.stop_event = threading.Event()

    def _version(self, claim: Claim) -> tuple[str, bytes]:
        article = self.store.articles.version_at(claim.version_seq)
        if article is None:
            raise StoreError("a queued version is not in the store", context=f"seq {claim.version_seq}")
        partner = self.partners[claim.partner]
        audience = audience_of(partner)
        now = self.clock()
        # the change log routed this version to the partner: a notice it carries had an earlier version shown
        decision = decide(article, audience, now, shown_before=True)
        items = prepare(self.store, [(article, decision)], audience, now)
        return article.guid, partner_message(self.config, items, f"push-{partner.name}", partner)

    def _post(self, partner: Partner, claim: Claim, guid: str, body: bytes) -> requests.Response:
        headers = {"Content-Type": NEWSMESSAGE, "X-Syndicate-Delivery": str(claim.id), "X-Syndicate-Guid": guid,
                   "X-Syndicate-Version": str(claim.version), "User-Agent": "syndicate-push/1"}
        if partner.push_secret:
            headers[SIGNATURE_HEADER] = sign(partner.push_secret, body)
        timeout = self.config.push.timeout
        assert partner.push_url is not None          # only push partners get a claim
        try:
            return self.session.post(partner.push_url, data=body, headers=headers,
                                     timeout=(min(5.0, timeout), timeout), allow_redirects=False)
        except requests.RequestException as exc:
            raise DeliveryError(f"push failed ({type(exc).__name__})", context=partner.push_url) from exc

    def attempt(self, claim: Claim) -> str:
        """Deliver one claimed row and record the outcome; returns the new state."""
        partner = self.partners[claim.partner]
        settings = self.config.push
        status: int | None = None
        try:
            guid, body = self._version(claim)
            response = self._post(partner, claim, guid, body)
            status = response.status_code
            response.close()
            if 200 <= status < 300:
                self.store.delivery.mark_success(claim, self.worker, self.clock(), status)
                return "success"
            error = f"HTTP {status}"
            permanent = 400 <= status < 500 and status not in (408, 429)
        except DeliveryError as exc:
            error, permanent = str(exc), False
        except SyndicateError as exc:   # cannot render or read: retrying will not help
            error, permanent = str(exc), True
        if permanent or claim.attempts >= settings.max_attempts:
            self.store.delivery.mark_failed(claim, self.worker, self.clock(), error, status)
            log.error("push %s #%s (%s v%s) failed: %s", partner.name, claim.id, claim.article_id, claim.version,
                      error)
            return "failed"
        delay = backoff(claim.attempts, settings.base_delay, settings.max_delay)
        self.store.delivery.mark_retry(claim, self.worker, self.clock(), delay, error, status)
        log.warning("push %s #%s: %s; retry in %.0fs", partner.name, claim.id, error, delay)
        return "retrying"

    def run_once(self) -> int:
        """Sync the change log, then one attempt for every partner whose head row is due. Returns attempts."""
        sync_changes(self.store, self.clock(), self.config.partners)
        done = 0
        for name in self.partners:
            claim = self.store.delivery.claim_head(name, self.worker, self.clock(), self.config.push.lease)
            if claim is not None:
                self.attempt(claim)
                done += 1
        return done

    def run(self, *, until_idle: bool = False) -> None:
        """Loop until :meth:`stop` (or, with ``until_idle``, until no partner has a due row)."""
        while not self.stop_event.is_set():
            try:
                busy = self.run_once()
            except StoreError as exc:
                log.error("push worker: %s", exc)
                busy = 0
            if busy:
                continue
            if until_idle:
                return
            self.stop_event.wait(self.config.push.poll_interval)

    def stop(self) -> None:
        self.stop_event.set()
