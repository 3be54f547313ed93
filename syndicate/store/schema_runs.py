"""Tables of the scheduler and incremental publishing (job runs, feed watermarks, visibility timers).

* ``job_runs``: one row per (job, fire time), ``UNIQUE(job, fire_time)``: however many processes fire, one
  row exists, so a fire time is never run twice. The row is the audit trail (status, error, counts).
* ``feed_watermarks``: per output file, the article ``seq`` its last successful render had seen, the hash
  of the config that shapes it, and the ``now`` it was rendered at. A feed whose inputs did not move since
  is not rendered again (see :mod:`syndicate.incremental`).
* ``publish_timers``: future instants (``published`` or ``embargo`` later than the publish ``now``) at which
  an article becomes visible, so a feed is re-rendered when time alone changes its selection.
* ``publish_cursors``: small named counters (how far ``publish_timers`` has scanned ``articles.seq``).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Index, Integer, String, Table, Text, UniqueConstraint

from syndicate.store.schema import metadata

job_runs = Table(
    "job_runs", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("job", String(200), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("fire_time", DateTime(timezone=True), nullable=False),
    Column("started", DateTime(timezone=True), nullable=False),
    Column("finished", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),        # running | success | failed | interrupted
    Column("error", Text),
    Column("counts", Text),                                # JSON object
    Column("owner", String(255), nullable=False),          # host:pid of the process that ran it
    Column("attempts", Integer, nullable=False, default=1),
    UniqueConstraint("job", "fire_time", name="uq_job_runs_job_fire"),
    Index("ix_job_runs_job_started", "job", "started"),
)

feed_watermarks = Table(
    "feed_watermarks", metadata,
    Column("path", String(512), primary_key=True),        # same key as feed_state.path
    Column("seq", BigInteger, nullable=False),            # max articles.seq seen by the last good render
    Column("config_hash", String(64), nullable=False),
    Column("rendered_at", DateTime(timezone=True), nullable=False),   # the publish ``now``
    Column("size", Integer, nullable=False),              # bytes on disk, -1 when no file is written
    Column("run_id", BigInteger),                         # job_runs.id when published by a scheduled run
)

publish_timers = Table(
    "publish_timers", metadata,
    Column("article_id", String(255), primary_key=True),
    Column("due_at", DateTime(timezone=True), primary_key=True),
    Column("lang", String(35), nullable=False),
    Column("category", String(100), nullable=False),
    Index("ix_publish_timers_due", "due_at"),
)

publish_cursors = Table(
    "publish_cursors", metadata,
    Column("name", String(64), primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("at", DateTime(timezone=True)),
)
