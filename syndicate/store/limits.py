"""Rate limits shared by every server worker: one token bucket per key (a partner), kept in the store.

A bucket holds at most ``capacity`` requests and refills at ``capacity`` per ``period`` seconds. Taking a token
is one short write transaction (SQLite's write lock, or a row lock on PostgreSQL), so two worker processes
never hand out the same token: a partner limited to 10 a minute gets 10 however many workers serve it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import select, update

from syndicate.store.db import Database
from syndicate.store.schema import rate_limits


@dataclass(frozen=True)
class Quota:
    allowed: bool
    retry_after: int          # seconds until the next token (0 when allowed)
    remaining: int            # whole tokens left after this request


class RateLimits:
    """Token buckets in ``rate_limits``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def take(self, key: str, capacity: int, now: float, *, period: float = 60.0) -> Quota:
        """Take one token from ``key``'s bucket at unix time ``now``."""
        rate = capacity / period
        r = rate_limits.c
        with self.db.write("cannot update the rate limit") as conn:
            conn.execute(self.db.insert_ignore(rate_limits), [dict(key=key, tokens=float(capacity), at=now)])
            query = select(r.tokens, r.at).where(r.key == key)
            if self.db.dialect == "postgresql":
                query = query.with_for_update()
            row = conn.execute(query).one()
            tokens = min(float(capacity), float(row.tokens) + max(0.0, now - float(row.at)) * rate)
            allowed = tokens >= 1.0
            left = tokens - 1.0 if allowed else tokens
            conn.execute(update(rate_limits).where(r.key == key).values(tokens=left, at=max(now, float(row.at))))
        if allowed:
            return Quota(True, 0, int(left))
        return Quota(False, max(1, math.ceil((1.0 - tokens) / rate)), 0)

    def remaining(self, key: str, capacity: int, now: float, *, period: float = 60.0) -> int:
        """Whole tokens in ``key``'s bucket at ``now`` (without taking one)."""
        r = rate_limits.c
        with self.db.read("cannot read the rate limit") as conn:
            row = conn.execute(select(r.tokens, r.at).where(r.key == key)).first()
        if row is None:
            return capacity
        return int(min(float(capacity), float(row.tokens) + max(0.0, now - float(row.at)) * capacity / period))


__all__ = ["Quota", "RateLimits"]
