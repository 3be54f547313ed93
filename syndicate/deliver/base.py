"""Sink contract: where rendered bytes go (files under feeds/, later HTTP push or SFTP)."""

from __future__ import annotations

from typing import Protocol


class Sink(Protocol):
    def deliver(self, path: str, body: bytes) -> bool:
        """Make ``body`` available at ``path`` (relative); ``False`` when it was already there unchanged."""
        ...
