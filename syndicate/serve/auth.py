"""Partner authentication (bearer tokens stored as sha256 hashes) and per-partner rate limits.

Tokens: ``syndicate partners token NAME`` prints a random token once and the sha256 hex to put in
``[partners.NAME] token_hashes``. A presented token is hashed and compared with *every* configured hash with
:func:`hmac.compare_digest` (no early exit), so timing tells nothing about which hash, or how much of it, matched.

Rate limits live in the store (:mod:`syndicate.store.limits`), so every server worker shares them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Sequence

from syndicate.config import Partner


def new_token() -> tuple[str, str]:
    """A fresh random token (43 url-safe characters, 256 bits) and its sha256 hex for the config."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    """sha256 hex of a token, the form stored in ``token_hashes``."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def bearer(header: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else ``None``."""
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value or len(value) > 512:
        return None
    return value


class Authenticator:
    """Finds the partner a token belongs to, comparing against every hash in constant time."""

    def __init__(self, partners: Sequence[Partner]) -> None:
        self._hashes = [(bytes.fromhex(h), p) for p in partners for h in p.token_hashes]

    def partner_for(self, token: str | None) -> Partner | None:
        if token is None:
            return None
        presented = hashlib.sha256(token.encode("utf-8", "surrogateescape")).digest()
        found: Partner | None = None
        for digest, partner in self._hashes:
            if hmac.compare_digest(presented, digest):
                found = partner
        return found


def operator_token(header: str | None) -> str | None:
    """The token of ``Authorization: Bearer <token>`` or of HTTP Basic (any user name, the token as password),
    so that a browser on a phone can open the console through its own login prompt."""
    token = bearer(header)
    if token is not None or not header:
        return token
    scheme, _, value = header.strip().partition(" ")
    if scheme.lower() != "basic" or not value or len(value) > 1024:
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    _, sep, password = decoded.partition(":")
    return password if sep and password else None


class OperatorAuth:
    """Checks operator tokens (``[server] operator_token_hashes``) against every hash in constant time."""

    def __init__(self, hashes: Sequence[str]) -> None:
        self._hashes = [bytes.fromhex(h) for h in hashes]

    def allows(self, token: str | None) -> bool:
        if token is None or not self._hashes:
            return False
        presented = hashlib.sha256(token.encode("utf-8", "surrogateescape")).digest()
        found = False
        for digest in self._hashes:
            if hmac.compare_digest(presented, digest):
                found = True
        return found
