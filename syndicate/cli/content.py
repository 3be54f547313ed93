"""``syndicate ingest``, ``publish`` and ``translate``: content in, feeds out."""

from __future__ import annotations

import sys
from datetime import datetime

import click

from syndicate.cli.context import NOW_OPTION, Context, now_or_clock, print_ingest, print_publish, print_translate
from syndicate.ingest.usecase import ingest as ingest_source
from syndicate.publish.usecase import publish as publish_feeds
from syndicate.translate.articles import terminal_progress
from syndicate.translate.usecase import translate_pending


@click.command()
@click.argument("source")
@click.option("--format", "fmt", type=click.Choice(["auto", "jsonl", "page", "feed"]), default="auto",
              show_default=True, help="Source format.")
@click.option("--category", help="Category slug for items that do not name one.")
@click.option("--lang", help="Language for items that do not name one.")
@NOW_OPTION
@click.pass_obj
def ingest(obj: Context, source: str, fmt: str, category: str | None, lang: str | None, now: datetime | None) -> None:
    """Store the articles of SOURCE (file path, '-' for stdin, or http(s) URL): JSON Lines, a CMS page export,
    or RSS/Atom.

    Identical content changes nothing; changed content gets a new version. Each rejected item is reported
    with its position and reason; every other item is stored."""
    if category and obj.config.category(category) is None:
        raise click.BadParameter(f"unknown category {category!r}", param_hint="--category")
    with obj.store() as store:
        report = ingest_source(obj.config, store, source, now_or_clock(now), fmt=fmt, category=category, lang=lang)
    print_ingest(report)
    sys.exit(0 if report.ok else 1)


@click.command()
@click.option("--feed", "feeds", multiple=True, metavar="LANG/CATEGORY",
              help="Only feeds matching this pattern (repeatable; '*' wildcards, e.g. 'ar/*').")
@click.option("--format", "formats", multiple=True, type=click.Choice(["rss", "atom", "json", "newsml"]),
              help="Only these formats (repeatable).")
@click.option("--dry-run", is_flag=True, help="Render everything, write nothing.")
@click.option("--full", is_flag=True,
              help="Render every feed (and look at every item file), not only what changed.")
@click.option("--no-translate", is_flag=True, help="Skip machine translation of pending items before publishing.")
@NOW_OPTION
@click.pass_obj
def publish(obj: Context, feeds: tuple[str, ...], formats: tuple[str, ...], dry_run: bool, full: bool,
            no_translate: bool, now: datetime | None) -> None:
    """Translate what is pending, then render and atomically write every feed (language × category × format)
    whose inputs changed, as of NOW.

    Machine translation runs when `[translation] targets` are set (see `translate`); `--no-translate` skips it.
    Exit 1 when a feed failed, an item was held back by a render error or a translation stays pending."""
    with obj.store() as store:
        report = publish_feeds(obj.config, store, now_or_clock(now), feeds=feeds, formats=formats or None,
                               dry_run=dry_run, full=full, translate=not no_translate,
                               progress=terminal_progress())
    print_publish(report, dry_run)
    sys.exit(0 if report.ok else 1)


@click.command()
@click.option("--lang", "langs", multiple=True, help="Only this target language (repeatable).")
@NOW_OPTION
@click.pass_obj
def translate(obj: Context, langs: tuple[str, ...], now: datetime | None) -> None:
    """Translate every original without an up-to-date translation into each `[translation] targets` language.

    Human translations always win. Cached sentences (translation memory) cost no engine call. Items whose
    backend fails stay pending and are retried next time; they are never published untranslated."""
    config = obj.config
    unknown = [lang for lang in langs if lang not in config.translation.targets]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)} not in [translation] targets", param_hint="--lang")
    if not config.translation.targets:
        click.echo("no [translation] targets configured: nothing to do")
        return
    with obj.store() as store:
        report = translate_pending(config, store, now_or_clock(now), targets=langs or None,
                                   progress=terminal_progress())
    print_translate(report)
    sys.exit(0 if report.ok else 1)
