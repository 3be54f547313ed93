"""What every command shares: the context object (config and store, loaded on first use), ``--now``, logging
and the report printers. The CLI is the only place that reads the wall clock (``--now`` overrides it)."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from syndicate.config import DEFAULT_CONFIG_PATH, Config, Translation, load_config
from syndicate.ingest.usecase import IngestReport
from syndicate.publish.usecase import PublishOutcome
from syndicate.store import Store, open_store
from syndicate.times import parse_iso
from syndicate.translate.usecase import TranslateReport


class IsoTime(click.ParamType):  # type: ignore[type-arg]  # click 8.2 made it generic; 8.1 is not
    name = "ISO8601"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return parse_iso(str(value))
        except ValueError:
            self.fail(f"{value!r} is not an ISO 8601 time with a time zone, like 2026-11-27T12:00:00Z", param, ctx)


NOW_OPTION = click.option("--now", type=IsoTime(), default=None,
                          help="Act as if it were this time (ISO 8601 with zone). Default: the current time.")


def now_or_clock(value: datetime | None) -> datetime:
    return value or datetime.now(UTC)


class Context:
    """The object every command receives (``@click.pass_obj``): the config file named by ``--config``, loaded
    on first use, and the store it names."""

    def __init__(self, config_path: str | None) -> None:
        self.config_path = config_path
        self._config: Config | None = None

    @property
    def config(self) -> Config:
        """The loaded config. Raises ConfigError (exit 2) when it is missing or invalid."""
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config

    def config_file_exists(self) -> bool:
        """Whether the config file this context names is there (commands that can run without one ask)."""
        if self._config is not None:
            return True
        import os

        return Path(self.config_path or os.environ.get("SYNDICATE_CONFIG") or DEFAULT_CONFIG_PATH).is_file()

    def translation(self) -> Translation:
        """``[translation]`` of the config, or the defaults when there is no config file."""
        return self.config.translation if self.config_file_exists() else Translation()

    def store(self) -> Store:
        return open_store(self.config.store_url)


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {"level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()}
        for key in ("run_id", "job", "feed"):
            if hasattr(record, key):
                data[key] = getattr(record, key)
        return json.dumps(data, ensure_ascii=False)


def setup_logging(verbose: int, fmt: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonFormatter() if fmt == "json"
                         else logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("syndicate")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    root.propagate = False


def info_logging() -> None:
    root = logging.getLogger("syndicate")
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)


def print_ingest(report: IngestReport) -> None:
    for position, err in report.rejected:
        click.echo(f"rejected {report.source} {position}: {err}", err=True)
    click.echo(f"ingest {report.source}: {report.count('inserted')} new, {report.count('updated')} updated, "
               f"{report.count('unchanged')} unchanged, {len(report.rejected)} rejected")


def print_translate(report: TranslateReport, *, prefix: str = "translate") -> None:
    for article_id, lang, err in report.pending:
        click.echo(f"translation pending {article_id} → {lang}: {err}", err=True)
    queued = f", {len(report.queued)} queued for review" if report.queued else ""
    click.echo(f"{prefix}: {len(report.translated)} translated{queued}, {len(report.pending)} pending; "
               f"memory {report.hits} hits, {report.misses} misses, {report.engine_calls} engine calls")


def print_publish(report: PublishOutcome, dry_run: bool) -> None:
    if report.translation is not None:
        print_translate(report.translation)
    for r in report.results:
        if not r.ok:
            click.echo(f"failed {r.key} ({r.path}): {r.error}", err=True)
    for err in report.held_back:
        click.echo(f"held back: {err}", err=True)
    verb = "would write" if dry_run else "written"
    empty = f", {report.empty} empty NewsML-G2 (not written)" if report.empty else ""
    click.echo(f"publish: {len(report.written)} feeds {verb}, {report.unchanged} unchanged{empty}, "
               f"{report.skipped} up to date (not rendered), {len(report.failed)} failed, "
               f"{report.item_files} item files; held back from the public: {report.held_summary()}")
