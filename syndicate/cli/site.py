"""``syndicate init``, ``demo``, ``check`` and ``migrate``: setting up a site and keeping its store current."""

from __future__ import annotations

import sys
from datetime import datetime
from importlib import resources
from pathlib import Path

import click

from syndicate.cli.context import NOW_OPTION, Context, now_or_clock, print_ingest, print_publish
from syndicate.errors import ConfigError, StoreError
from syndicate.ingest.usecase import ingest
from syndicate.publish.usecase import publish
from syndicate.store import migrate as run_migrations
from syndicate.store.db import Database


@click.command()
@click.argument("directory", type=click.Path(file_okay=False), default=".")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
def init(directory: str, force: bool) -> None:
    """Write an example config and sample articles into DIRECTORY (default: here)."""
    root = Path(directory)
    data = resources.files("syndicate") / "data"
    files = {root / "config" / "syndicate.toml": (data / "example-config.toml").read_bytes(),
             root / "samples" / "articles.jsonl": (data / "sample-articles.jsonl").read_bytes()}
    for path in files:
        if path.exists() and not force:
            raise click.UsageError(f"{path} exists (use --force to overwrite)")
    for path, body in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
        click.echo(f"wrote {path}")
    click.echo(f"next: cd {root} && syndicate ingest samples/articles.jsonl && syndicate publish")


@click.command()
@NOW_OPTION
@click.pass_obj
def demo(obj: Context, now: datetime | None) -> None:
    """Ingest the bundled sample articles (English and Arabic) into the configured store and publish."""
    sample = resources.files("syndicate") / "data" / "sample-articles.jsonl"
    when = now_or_clock(now)
    with obj.store() as store:
        with resources.as_file(sample) as path:
            ing = ingest(obj.config, store, str(path), when)
        print_ingest(ing)
        report = publish(obj.config, store, when)
    print_publish(report, False)
    click.echo(f"feeds are in {obj.config.output.dir}")
    sys.exit(0 if report.ok and ing.ok else 1)


@click.command()
@click.pass_obj
def check(obj: Context) -> None:
    """Validate the config, the store (schema version and columns) and the translation packages; exit 1 on
    problems (2 if the config itself is invalid; a config that could publish private files gets one
    ``refused:`` line per reason)."""
    from syndicate.cli.checks import run_checks

    try:
        config = obj.config
    except ConfigError as exc:
        if not exc.refusals:
            raise
        for reason in exc.refusals:      # explain every refusal, not only the first
            click.echo(f"refused: {reason}", err=True)
        click.echo(f"config {exc.file}: {len(exc.refusals)} refusal(s); nothing was published", err=True)
        sys.exit(exc.exit_code)
    problems = run_checks(config)
    for p in problems:
        click.echo(f"problem: {p}", err=True)
    cfg = obj.config
    click.echo(f"config {cfg.path}: {len(cfg.feed_languages)} languages, {len(cfg.categories)} categories, "
               f"{len(cfg.schedules)} schedules, {len(cfg.partners)} partners; store {cfg.store_url.split('://')[0]}")
    click.echo("ok" if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


@click.command()
@click.option("--dry-run", is_flag=True, help="Show the steps and their SQL, change nothing.")
@click.pass_obj
def migrate(obj: Context, dry_run: bool) -> None:
    """Upgrade the store's schema to this syndicate's version (back it up first). Safe to run twice and
    while other processes open the store: steps run one at a time under a lock, each in one transaction."""
    db = Database(obj.config.store_url)
    try:
        report = run_migrations(db, dry_run=dry_run)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()
    before = "empty" if report.before is None else f"version {report.before}"
    if not report.steps:
        click.echo(f"store {db.safe_url}: schema version {report.after}, up to date")
        return
    verb = "would migrate" if dry_run else "migrated"
    click.echo(f"store {db.safe_url}: {verb} from {before} to version {report.after}")
    for step, statements in report.steps:
        click.echo(f"  {step.version}: {step.description}")
        if dry_run:
            for statement in statements:
                click.echo(f"      {statement}")
