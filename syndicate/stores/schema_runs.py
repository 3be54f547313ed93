"""Tables of the scheduler and incremental publishing (job runs, feed watermarks, locks)."""

from __future__ import annotations

from .schema import metadata  # noqa: F401  (tables defined here register on the shared metadata)
