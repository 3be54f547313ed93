"""Table definitions (SQLAlchemy Core), shared by every SQL backend (SQLite, PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import (BigInteger, Column, DateTime, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint)

metadata = MetaData()

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
    Index("ix_articles_feed", "lang", "category", "published"),
    Index("ix_articles_lang_published", "lang", "published"),
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

# Tables of other concerns live in their own modules and register on the same metadata.
from syndicate.store import schema_delivery, schema_runs  # noqa: E402,F401
