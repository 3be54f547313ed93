"""Every table of the store (SQLAlchemy Core), by domain. The schema version is :data:`SCHEMA_VERSION`.

A change to any table here needs a numbered migration in :mod:`syndicate.store.migrations` (the upgrade test
from 0.1.0 fails otherwise: it compares a migrated 0.1.0 store with a fresh one, column by column).

Domains: articles and versions; translation memory and pending translations; feed state, watermarks and
visibility timers; job runs; delivery (change log and push queue); rate limits; the schema version itself.
"""

from __future__ import annotations

from sqlalchemy import (
                        BigInteger,
                        Column,
                        DateTime,
                        Float,
                        Index,
                        Integer,
                        MetaData,
                        SmallInteger,
                        String,
                        Table,
                        Text,
                        UniqueConstraint,
)

#: The schema this code reads and writes. 1 = syndicate 0.1.0 (no version table).
SCHEMA_VERSION = 4

metadata = MetaData()

#: One row: the schema version of this store (absent in 0.1.0 stores, which are version 1).
schema_version = Table(
    "schema_version", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", Integer, nullable=False),
    Column("migrated_at", DateTime(timezone=True)),
)

#: Current state of every article language version.
articles = Table(
    "articles", metadata,
    Column("id", String(255), primary_key=True),
    Column("family", String(255), nullable=False),          # translation_of or id: groups language versions
    Column("lang", String(35), nullable=False),
    Column("category", String(100), nullable=False),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False, default=""),
    Column("body_html", Text, nullable=False),
    Column("author", Text),
    Column("credit", Text),
    Column("url", Text),
    Column("published", DateTime(timezone=True), nullable=False),
    Column("updated", DateTime(timezone=True)),
    Column("embargo", DateTime(timezone=True)),
    Column("status", String(16), nullable=False),
    Column("translation_of", String(255)),
    Column("correction_note", Text),
    Column("origin", String(16), nullable=False),
    Column("mt_engine", String(64)),
    Column("mt_model", String(255)),
    Column("source_version", Integer),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),               # article_versions.seq of the current version
    # the later of published and embargo: when the public (and partners without early embargoes) may see it
    Column("public_at", DateTime(timezone=True)),                # always written; nullable for SQLite ALTER
    Column("reviewed_by", Text),                                 # editor who approved a machine translation
    Index("ix_articles_feed", "lang", "category", "published"),
    Index("ix_articles_lang_published", "lang", "published"),
    Index("ix_articles_public", "lang", "category", "public_at"),
    Index("ix_articles_lang_public", "lang", "public_at"),
    Index("ix_articles_public_at", "public_at"),             # held back from the public: not yet released
    Index("ix_articles_status", "status"),                   # held back from the public: withheld, canceled
    Index("ix_articles_family", "family", "lang"),
    Index("ix_articles_seq", "seq"),
)

#: Every version ever stored (full snapshot as JSON), so all NewsML-G2 versions stay retrievable.
#: ``seq`` grows with every new version in the store: a change cursor for incremental work.
article_versions = Table(
    "article_versions", metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("article_id", String(255), nullable=False),
    Column("version", Integer, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("data", Text, nullable=False),
    UniqueConstraint("article_id", "version", name="uq_article_version"),
)

#: Translation memory: one row per (engine, model, pair, source segment hash).
translation_memory = Table(
    "translation_memory", metadata,
    Column("engine", String(64), primary_key=True),
    Column("model_id", String(255), primary_key=True),
    Column("src", String(35), primary_key=True),
    Column("dst", String(35), primary_key=True),
    Column("source_hash", String(64), primary_key=True),
    Column("target", Text, nullable=False),
)

#: (original article, target language) pairs whose machine translation failed and waits for a retry. Pairs to
#: translate are found from the change sequence (``publish_cursors`` row ``translate``); this table holds only
#: what is left over, so a publish with nothing new costs the same whatever the size of the store.
translation_pending = Table(
    "translation_pending", metadata,
    Column("article_id", String(255), primary_key=True),
    Column("dst", String(35), primary_key=True),
    Column("error", Text),
    Column("since", DateTime(timezone=True), nullable=False),
)

#: Machine translations waiting for (or done with) an editor's review (``[translation] review``): the
#: translation as a version snapshot; only an approved or edited one is stored in ``articles`` (public).
translation_reviews = Table(
    "translation_reviews", metadata,
    Column("id", String(255), primary_key=True),             # the translation's id, "{original}~{dst}"
    Column("original_id", String(255), nullable=False),
    Column("dst", String(35), nullable=False),
    Column("source_version", Integer, nullable=False),
    Column("state", String(16), nullable=False),             # pending | approved | rejected | edited
    Column("data", Text, nullable=False),
    Column("editor", Text),
    Column("note", Text),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_translation_reviews_state", "state", "dst"),
)

#: Last bytes written per output file (hash skip, status, incremental publishing).
feed_state = Table(
    "feed_state", metadata,
    Column("path", String(512), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("items", Integer, nullable=False),
    Column("last_modified", DateTime(timezone=True)),
    Column("written_at", DateTime(timezone=True), nullable=False),
)

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
    # model.machine_rank: 0 people's text, 1 machine translation approved by an editor, 2 unreviewed machine
    Column("machine_rank", SmallInteger, nullable=False, server_default="0"),
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

#: Token buckets of the server's rate limits, shared by every worker process (``key`` = partner name).
rate_limits = Table(
    "rate_limits", metadata,
    Column("key", String(200), primary_key=True),
    Column("tokens", Float, nullable=False),
    Column("at", Float, nullable=False),                   # unix time of the last refill
)
