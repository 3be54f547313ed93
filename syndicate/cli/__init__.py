"""Command line: ``syndicate [--config PATH] COMMAND``.

Exit codes: 0 ok; 1 some items or feeds failed; 2 usage or configuration error. Errors go to stderr.
The CLI is the only place that reads the wall clock (``--now`` overrides it).
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import click

from syndicate import __version__
from syndicate.config import Config, load_config
from syndicate.errors import ConfigError, SyndicateError

UTC = timezone.utc


class IsoTime(click.ParamType):
    name = "ISO8601"

    def convert(self, value: Any, param: Any, ctx: Any) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            self.fail(f"{value!r} is not an ISO 8601 time like 2026-11-27T12:00:00Z", param, ctx)
        if parsed.tzinfo is None:
            self.fail(f"{value!r} has no time zone (add Z or an offset)", param, ctx)
        return parsed.astimezone(UTC)


NOW_OPTION = click.option("--now", type=IsoTime(), default=None,
                          help="Act as if it were this time (ISO 8601 with zone). Default: the current time.")


def _now(value: datetime | None) -> datetime:
    return value or datetime.now(UTC)


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {"level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()}
        for key in ("run_id", "job", "feed"):
            if hasattr(record, key):
                data[key] = getattr(record, key)
        return json.dumps(data, ensure_ascii=False)


def _setup_logging(verbose: int, fmt: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonFormatter() if fmt == "json" else logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("syndicate")
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    root.propagate = False


class Context:
    def __init__(self, config_path: str | None) -> None:
        self.config_path = config_path
        self._config: Config | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config

    def store(self):  # type: ignore[no-untyped-def]
        from syndicate.store import open_store
        return open_store(self.config.store_url)

    def __getitem__(self, key: str) -> Any:       # dict-style access for plugin commands
        if key == "config":
            return self.config
        if key == "config_path":
            return self.config_path
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except (KeyError, ConfigError):
            return default

    def __contains__(self, key: str) -> bool:
        return key in ("config", "config_path")


class SyndicateGroup(click.Group):
    """Turns SyndicateErrors into one stderr line and the right exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SyndicateError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=SyndicateGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="SYNDICATE_CONFIG",
              help="Config file (default: config/syndicate.toml; env SYNDICATE_CONFIG).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Log line format on stderr.")
@click.version_option(__version__, prog_name="syndicate")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, verbose: int, log_format: str) -> None:
    """syndicate: publish multilingual news as RSS 2.0, Atom, JSON Feed and NewsML-G2."""
    _setup_logging(verbose, log_format)
    ctx.obj = Context(config_path)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False), default=".")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def init(directory: str, force: bool) -> None:
    """Write an example config and sample articles into DIRECTORY (default: here)."""
    root = Path(directory)
    data = resources.files("syndicate") / "data"
    files = {root / "config" / "syndicate.toml": (data / "example-config.toml").read_bytes(),
             root / "samples" / "articles.jsonl": (data / "sample-articles.jsonl").read_bytes()}
    for path, body in files.items():
        if path.exists() and not force:
            raise click.UsageError(f"{path} exists (use --force to overwrite)")
    for path, body in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
        click.echo(f"wrote {path}")
    click.echo(f"next: cd {root} && syndicate ingest samples/articles.jsonl && syndicate publish")


def _print_ingest(report: Any) -> None:
    for position, err in report.rejected:
        click.echo(f"rejected {report.source} {position}: {err}", err=True)
    click.echo(f"ingest {report.source}: {report.count('inserted')} new, {report.count('updated')} updated, "
               f"{report.count('unchanged')} unchanged, {len(report.rejected)} rejected")


def _print_publish(report: Any, dry_run: bool) -> None:
    for r in report.results:
        if not r.ok:
            click.echo(f"failed {r.key} ({r.path}): {r.error}", err=True)
    for err in report.held_back:
        click.echo(f"held back: {err}", err=True)
    unchanged = sum(1 for r in report.results if r.ok and not r.written)
    verb = "would write" if dry_run else "written"
    click.echo(f"publish: {len(report.written)} feeds {verb}, {unchanged} unchanged, "
               f"{getattr(report, 'skipped', 0)} up to date (not rendered), {len(report.failed)} failed, "
               f"{report.item_files} item files, {len(report.held_back)} items held back")


@main.command()
@click.argument("source")
@click.option("--format", "fmt", type=click.Choice(["auto", "jsonl", "page", "feed"]), default="auto",
              show_default=True, help="Source format.")
@click.option("--category", help="Category slug for items that do not name one.")
@click.option("--lang", help="Language for items that do not name one.")
@NOW_OPTION
@click.pass_obj
def ingest(obj: Context, source: str, fmt: str, category: str | None, lang: str | None, now: datetime | None) -> None:
    """Store the articles of SOURCE (file path or http(s) URL): JSON Lines, a CMS page export, or RSS/Atom.

    Identical content changes nothing; changed content gets a new version. Each rejected item is reported
    with its position and reason; every other item is stored."""
    from syndicate.publish import usecase as jobs

    if category and obj.config.category(category) is None:
        raise click.BadParameter(f"unknown category {category!r}", param_hint="--category")
    store = obj.store()
    try:
        report = jobs.ingest(obj.config, store, source, _now(now), fmt=fmt, category=category, lang=lang)
    finally:
        store.close()
    _print_ingest(report)
    sys.exit(0 if report.ok else 1)


@main.command()
@click.option("--feed", "feeds", multiple=True, metavar="LANG/CATEGORY",
              help="Only feeds matching this pattern (repeatable; '*' wildcards, e.g. 'ar/*').")
@click.option("--format", "formats", multiple=True, type=click.Choice(["rss", "atom", "json", "newsml"]),
              help="Only these formats (repeatable).")
@click.option("--dry-run", is_flag=True, help="Render everything, write nothing.")
@click.option("--full", is_flag=True,
              help="Render every feed, not only those whose articles, config or embargo times changed.")
@click.option("--no-translate", is_flag=True, help="Skip machine translation of pending items before publishing.")
@NOW_OPTION
@click.pass_obj
def publish(obj: Context, feeds: tuple[str, ...], formats: tuple[str, ...], dry_run: bool, full: bool,
            no_translate: bool, now: datetime | None) -> None:
    """Render and atomically write every feed (language × category × format) as of NOW.

    With `[translation] targets` configured, pending machine translations are made first (see `translate`)."""
    from syndicate.publish import usecase as jobs

    store = obj.store()
    pending = 0
    try:
        if obj.config.translation.targets and not no_translate and not dry_run:
            from syndicate.translate.articles import terminal_progress
            from syndicate.translate.usecase import translate_pending

            tr = translate_pending(obj.config, store, _now(now), progress=terminal_progress())
            for article_id, lang, err in tr.pending:
                click.echo(f"translation pending {article_id} → {lang}: {err}", err=True)
            click.echo(f"translate: {len(tr.translated)} translated, {len(tr.pending)} pending, "
                       f"{tr.engine_calls} engine calls")
            pending = len(tr.pending)
        report = jobs.publish(obj.config, store, _now(now), feeds=feeds, formats=formats or None, dry_run=dry_run,
                              full=full)
    finally:
        store.close()
    _print_publish(report, dry_run)
    sys.exit(0 if report.ok and not pending else 1)


@main.command()
@click.pass_obj
def check(obj: Context) -> None:
    """Validate the config and the store; exit 1 on problems (2 if the config itself is invalid)."""
    from syndicate.cli.checks import run_checks

    problems = run_checks(obj.config)
    for p in problems:
        click.echo(f"problem: {p}", err=True)
    cfg = obj.config
    click.echo(f"config {cfg.path}: {len(cfg.feed_languages)} languages, {len(cfg.categories)} categories, "
               f"{len(cfg.schedules)} schedules, {len(cfg.partners)} partners; store {cfg.store_url.split('://')[0]}")
    click.echo("ok" if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


@main.command()
@NOW_OPTION
@click.pass_obj
def demo(obj: Context, now: datetime | None) -> None:
    """Ingest the bundled sample articles (English and Arabic) into the configured store and publish."""
    from syndicate.publish import usecase as jobs

    sample = resources.files("syndicate") / "data" / "sample-articles.jsonl"
    store = obj.store()
    try:
        with resources.as_file(sample) as path:
            ing = jobs.ingest(obj.config, store, str(path), _now(now))
        _print_ingest(ing)
        report = jobs.publish(obj.config, store, _now(now))
    finally:
        store.close()
    _print_publish(report, False)
    click.echo(f"feeds are in {obj.config.output.dir}")
    sys.exit(0 if report.ok and ing.ok else 1)


def _register_plugins() -> None:
    """Commands that live in their own modules (validate, models, …)."""
    import importlib

    for module, attr in (("syndicate.cli.validate", "validate_command"), ("syndicate.cli.models", "models"),
                         ("syndicate.cli.translate", "translate"),
                         ("syndicate.cli.run", "run"), ("syndicate.cli.run", "status"),
                         ("syndicate.cli.serve", "serve"), ("syndicate.cli.serve", "partners")):
        try:
            mod = importlib.import_module(module)
        except ImportError as exc:
            if exc.name != module:
                raise
            continue
        main.add_command(getattr(mod, attr))


_register_plugins()
