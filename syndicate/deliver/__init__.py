"""Deliver: where rendered bytes go and who is told.

* :mod:`.files`: atomic file output under ``feeds/`` and ``partners/`` (temp + fsync + rename + dir fsync);
* :mod:`.changes`: which partners get each released version pushed (the policy over the change log);
* :mod:`.messages`: NewsML-G2 messages of single versions (items API pages, push bodies);
* :mod:`.push`: the push worker (signed POSTs, retries with backoff, leases);
* :mod:`.websub`: WebSub publish pings after a public feed's bytes changed.
"""

from __future__ import annotations

from syndicate.deliver.changes import sync_changes
from syndicate.deliver.files import FileSink, atomic_write, sweep_temp

__all__ = ["FileSink", "atomic_write", "sweep_temp", "sync_changes"]
