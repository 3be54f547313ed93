"""``syndicate init``, ``demo``, ``check`` and ``migrate``: setting up a site and keeping its store current."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from importlib import resources
from pathlib import Path

import click

from syndicate.cli.context import NOW_OPTION, Context, now_or_clock, print_ingest, print_publish
from syndicate.config import ALL, Config
from syndicate.config.layout import feed_path
from syndicate.errors import ConfigError, StoreError, SyndicateError
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


#: the demo's machine translation: Debian Apertium's English→Spanish pair, when installed
DEMO_MT_PAIR = ("en", "es")
DEMO_MT_HOW = ("to see a disclosed Spanish machine translation too: apt-get install apertium apertium-eng-spa, "
               "then run the demo again")


def demo_config(config: Config, has_pair: Callable[[str, str], bool]) -> tuple[Config, str]:
    """``config`` with a Spanish machine translation by Apertium added when ``has_pair("en", "es")`` (and the
    config has English and no Spanish yet), and the line the demo prints about it."""
    src, dst = DEMO_MT_PAIR
    if dst in config.feed_languages:
        return config, f"{dst} feeds are configured already"
    if src not in config.languages:
        return config, f"no machine translation in the demo: the config has no {src!r} source"
    if not has_pair(src, dst):
        return config, DEMO_MT_HOW
    tr = config.translation
    mt = replace(tr, targets=(*tr.targets, dst), pairs={**tr.pairs, f"{src}-{dst}": "apertium"})
    return replace(config, translation=mt), (f"machine translation: {src}→{dst} by Apertium (eng-spa), disclosed in "
                                             f"every item; Spanish feeds under {dst}/")


def _apertium_has(src: str, dst: str) -> bool:
    from syndicate.translate.engines.apertium import ApertiumTranslator

    try:
        return bool(ApertiumTranslator().supports(src, dst))
    except SyndicateError:
        return False


def where_to_look(config: Config) -> list[str]:
    """The demo's last lines: the index page, one feed of each format, the operator console."""
    out = Path(config.output.dir)
    lines = [f"index page: {out / 'index.html'}  (served as {config.site.feeds_url}index.html)"]
    lang = config.languages[0] if config.languages else "en"
    for fmt in config.output.formats:
        path = feed_path(config, lang, ALL, fmt)
        if (out / path).is_file():
            lines.append(f"{fmt:>6}: {out / path}")
    server = config.server
    lines.append(f"console: http://{server.host}:{server.port}/admin/  "
                 "(run `syndicate serve`; needs an operator token)")
    return lines


@click.command()
@NOW_OPTION
@click.pass_obj
def demo(obj: Context, now: datetime | None) -> None:
    """Ingest the bundled sample articles (English and Arabic) into the configured store and publish; with
    Debian's Apertium and its eng-spa pair installed, also a disclosed Spanish machine translation."""
    sample = resources.files("syndicate") / "data" / "sample-articles.jsonl"
    when = now_or_clock(now)
    config, mt_line = demo_config(obj.config, _apertium_has)
    with obj.store() as store:
        with resources.as_file(sample) as path:
            ing = ingest(config, store, str(path), when)
        print_ingest(ing)
        report = publish(config, store, when)
        ok = report.ok
        unpaired = 0
        if config is not obj.config and report.translation is not None and not report.translation.ok:
            # the demo's Spanish comes from English only: Apertium has no pair for the Arabic samples
            src, dst = DEMO_MT_PAIR
            expected = [p for p in report.translation.pending if p[1] == dst
                        and (a := store.articles.get(p[0])) is not None and a.lang != src]
            unpaired = len(expected)
            if unpaired == len(report.translation.pending):
                ok = not report.failed and not report.held_back
    print_publish(report, False)
    click.echo(mt_line)
    if unpaired:
        click.echo(f"{unpaired} non-English samples stay untranslated into {DEMO_MT_PAIR[1]} "
                   "(no offline engine for that pair); they are retried on every publish")
    click.echo(f"feeds are in {config.output.dir}")
    for line in where_to_look(config):
        click.echo(line)
    sys.exit(0 if ok and ing.ok else 1)


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
