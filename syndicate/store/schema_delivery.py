"""Tables of partner delivery: the change log behind the items API and push, and the push queue.

``delivery_changes`` indexes every row of ``article_versions`` once, with the two cursors at which the version
became visible: ``early_cursor`` for partners that receive embargoed items early, ``public_cursor`` for the
others (after the embargo). Cursors come from the single-row ``delivery_counter``, which is also the lock that
serialises cursor assignment, so cursors always commit in increasing order (see :mod:`syndicate.delivery.changes`).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Index, Integer, String, Table, Text, UniqueConstraint

from syndicate.store.schema import metadata

#: One row (id = 1): the last cursor handed out. Updating it is the lock of the change-log writer.
delivery_counter = Table(
    "delivery_counter", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_cursor", BigInteger, nullable=False),
)

#: Every article version, once, with the metadata needed to filter by partner scope without parsing JSON.
delivery_changes = Table(
    "delivery_changes", metadata,
    Column("version_seq", BigInteger, primary_key=True, autoincrement=False),   # article_versions.seq
    Column("article_id", String(255), nullable=False),
    Column("version", Integer, nullable=False),
    Column("lang", String(35), nullable=False),
    Column("category", String(100), nullable=False),
    Column("status", String(16), nullable=False),
    Column("published", DateTime(timezone=True), nullable=False),
    Column("embargo", DateTime(timezone=True)),
    Column("early_cursor", BigInteger),      # visible to partners with embargoed = true from here
    Column("public_cursor", BigInteger),     # visible to every other partner from here
    Index("ix_delivery_changes_early", "early_cursor"),
    Index("ix_delivery_changes_public", "public_cursor"),
    Index("ix_delivery_changes_article", "article_id", "version"),
)

#: Durable push queue: one row per (partner, article version); per-partner order is ``cursor``.
push_queue = Table(
    "push_queue", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("partner", String(100), nullable=False),
    Column("cursor", BigInteger, nullable=False),
    Column("version_seq", BigInteger, nullable=False),
    Column("article_id", String(255), nullable=False),
    Column("version", Integer, nullable=False),
    Column("state", String(16), nullable=False),          # pending|in-progress|retrying|success|failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("lease_until", DateTime(timezone=True)),
    Column("claimed_by", String(100)),
    Column("last_error", Text),
    Column("last_status", Integer),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("partner", "version_seq", name="uq_push_partner_version"),
    Index("ix_push_queue_partner_state", "partner", "state", "cursor"),
)
