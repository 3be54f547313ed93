"""Push transmitter: POST each queued item version to its partner as a signed NewsML-G2 ``newsMessage`` (or,
with ``push_format = "ninjs"``, as one ninjs 3.1 document, exactly the partner's ninjs item file of it).

Request: ``POST <push_url>``, ``Content-Type: application/vnd.iptc.g2.newsmessage+xml`` (ninjs:
``application/json``), signed by the
Standard Webhooks scheme (https://www.standardwebhooks.com/): ``webhook-id`` (``msg_<queue row id>``, the
same on a retry), ``webhook-timestamp`` (Unix seconds of this attempt) and ``webhook-signature``
(``v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">``, one space-separated entry per configured secret,
so a secret can be rotated). A secret ``whsec_<base64>`` is used as its decoded bytes, any other as UTF-8.
A receiver rejects timestamps more than 5 minutes off and ids it has seen (docs/security.md has an example).
``X-Syndicate-Guid``, ``X-Syndicate-Version`` and ``X-Syndicate-Delivery`` stay; the body-only
``X-Syndicate-Signature: sha256=<hex>`` is sent for one more release (deprecated: it can be replayed).
Delivery is at-least-once: a receiver dedupes on ``webhook-id`` (or guid + version).

Outcome by class: 2xx → success; 4xx (except 408 and 429) → failed at once; 5xx, 408, 429, timeouts and
connection errors → retrying after ``base_delay * 2**(attempt-1)`` seconds capped at ``max_delay``, failed
after ``max_attempts``.
"""

from __future__ import annotations

import base64
import binascii
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
from syndicate.deliver.messages import partner_message, partner_ninjs_item, prepare
from syndicate.errors import DeliveryError, StoreError, SyndicateError
from syndicate.media import NEWSMESSAGE, NINJS
from syndicate.net import PolicySession
from syndicate.redact import redact_url
from syndicate.select.policy import audience_of, decide
from syndicate.store import Claim, Store

log = logging.getLogger("syndicate.push")
SIGNATURE_HEADER = "X-Syndicate-Signature"      # deprecated body-only signature, kept for one release
#: a receiver refuses deliveries whose webhook-timestamp is further than this from its clock
TOLERANCE = 300


def sign(secret: str, body: bytes) -> str:
    """Deprecated ``X-Syndicate-Signature`` value: ``sha256=`` + hex HMAC-SHA256 of ``body`` (replayable)."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str | None) -> bool:
    """Receiver side of the deprecated header: constant-time check of ``X-Syndicate-Signature``."""
    return header is not None and hmac.compare_digest(sign(secret, body), header)


def secret_key(secret: str) -> bytes:
    """HMAC key of a secret: ``whsec_<base64>`` → the decoded bytes (Standard Webhooks), else UTF-8."""
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret[len("whsec_"):], validate=True)
        except (binascii.Error, ValueError):
            pass
    return secret.encode("utf-8")


def webhook_signature(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """One Standard Webhooks signature: ``v1,`` + base64 HMAC-SHA256 of ``id.timestamp.body``."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(secret_key(secret), signed, hashlib.sha256).digest()).decode()


def webhook_headers(secrets: tuple[str, ...] | list[str], msg_id: str, timestamp: int, body: bytes
                    ) -> dict[str, str]:
    """``webhook-id``, ``webhook-timestamp`` and ``webhook-signature`` (one entry per secret)."""
    return {"webhook-id": msg_id, "webhook-timestamp": str(timestamp),
            "webhook-signature": " ".join(webhook_signature(s, msg_id, timestamp, body) for s in secrets)}


def verify_webhook(secrets: tuple[str, ...] | list[str], headers: dict[str, str], body: bytes, now: float, *,
                   seen: set[str] | None = None, tolerance: int = TOLERANCE) -> bool:
    """Receiver side (reference for partners): signature valid for one of ``secrets``, timestamp within
    ``tolerance`` seconds of ``now``, and ``webhook-id`` not in ``seen`` (which it is added to on success).

    ``headers`` keys are lower case."""
    msg_id, stamp, header = (headers.get(k) for k in ("webhook-id", "webhook-timestamp", "webhook-signature"))
    if not msg_id or not stamp or not header or not stamp.isdigit() or abs(now - int(stamp)) > tolerance:
        return False
    if seen is not None and msg_id in seen:
        return False
    given = [part.partition(",")[2] for part in header.split() if part.startswith("v1,")]
    for secret in secrets:
        expected = webhook_signature(secret, msg_id, int(stamp), body).partition(",")[2]
        if any(hmac.compare_digest(expected, g) for g in given):
            if seen is not None:
                seen.add(msg_id)
            return True
    return False


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
        self.session = session or PolicySession(config.fetch)
        self.clock = clock or (lambda: datetime.now(UTC))
        self.partners = {p.name: p for p in config.partners if p.push_url}
        self.stop_event = threading.Event()

    def _version(self, claim: Claim) -> tuple[str, bytes, str]:
        """(guid, body, media type) of the queued version, in the partner's ``push_format``."""
        article = self.store.articles.version_at(claim.version_seq)
        if article is None:
            raise StoreError("a queued version is not in the store", context=f"seq {claim.version_seq}")
        partner = self.partners[claim.partner]
        audience = audience_of(partner)
        now = self.clock()
        # the change log routed this version to the partner: a notice it carries had an earlier version shown
        decision = decide(article, audience, now, shown_before=True)
        items = prepare(self.store, [(article, decision)], audience, now)
        if partner.push_format == "ninjs":
            return article.guid, partner_ninjs_item(self.config, items[0], partner), NINJS
        return article.guid, partner_message(self.config, items, f"push-{partner.name}", partner), NEWSMESSAGE

    def _post(self, partner: Partner, claim: Claim, guid: str, body: bytes, media: str) -> requests.Response:
        headers = {"Content-Type": media, "X-Syndicate-Delivery": str(claim.id), "X-Syndicate-Guid": guid,
                   "X-Syndicate-Version": str(claim.version), "User-Agent": "syndicate-push/1"}
        secrets = partner.push_secrets or ((partner.push_secret,) if partner.push_secret else ())
        if secrets:
            headers.update(webhook_headers(secrets, f"msg_{claim.id}", int(self.clock().timestamp()), body))
            headers[SIGNATURE_HEADER] = sign(secrets[0], body)
        timeout = self.config.push.timeout
        assert partner.push_url is not None          # only push partners get a claim
        try:
            return self.session.post(partner.push_url, data=body, headers=headers,
                                     timeout=(min(5.0, timeout), timeout), allow_redirects=False)
        except requests.RequestException as exc:
            raise DeliveryError(f"push failed ({type(exc).__name__})", context=redact_url(partner.push_url)) from exc

    def attempt(self, claim: Claim) -> str:
        """Deliver one claimed row and record the outcome; returns the new state."""
        partner = self.partners[claim.partner]
        settings = self.config.push
        status: int | None = None
        try:
            guid, body, media = self._version(claim)
            response = self._post(partner, claim, guid, body, media)
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
