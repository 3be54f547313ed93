"""Tables of partner delivery (push queue, pull API bookkeeping)."""

from __future__ import annotations

from .schema import metadata  # noqa: F401  (tables defined here register on the shared metadata)
