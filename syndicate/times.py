"""Time helpers shared by every stage: one ``utc()``, ISO 8601 text. No clock is read here.

Every time inside syndicate is an aware UTC ``datetime``; databases and old snapshots may hand back naive
values, which are UTC by construction (the store only ever writes UTC).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload

__all__ = ["UTC", "iso", "parse_iso", "utc"]



@overload
def utc(value: datetime) -> datetime: ...


@overload
def utc(value: None) -> None: ...


def utc(value: datetime | None) -> datetime | None:
    """``value`` as aware UTC: a naive value is taken to be UTC, an aware one is converted."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z`` (``2026-03-01T10:00:00Z``); ``None`` stays ``None``."""
    if value is None:
        return None
    return utc(value).isoformat().replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    """An ISO 8601 time with a zone (``Z`` or an offset) as aware UTC.

    Raises:
        ValueError: not ISO 8601, or no time zone.
    """
    parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ValueError(f"{text!r} has no time zone (add Z or an offset)")
    return parsed.astimezone(UTC)
