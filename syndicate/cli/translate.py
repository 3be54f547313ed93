"""`syndicate translate`: machine-translate pending articles into the configured target languages."""

from __future__ import annotations

import sys
from datetime import datetime, timezone

import click


@click.command()
@click.option("--lang", "langs", multiple=True, help="Only this target language (repeatable).")
@click.option("--now", default=None, help="Act as if it were this time (ISO 8601 with zone).")
@click.pass_obj
def translate(obj, langs: tuple[str, ...], now: str | None) -> None:  # type: ignore[no-untyped-def]
    """Translate every original without an up-to-date translation into each `[translation] targets` language.

    Human translations always win. Cached sentences (translation memory) cost no engine call. Items whose
    backend fails stay pending and are retried next time; they are never published untranslated."""
    from syndicate.cli import IsoTime
    from syndicate.translate.articles import terminal_progress
    from syndicate.translate.usecase import translate_pending

    config = obj.config
    when = IsoTime().convert(now, None, None) if now else datetime.now(timezone.utc)
    unknown = [lang for lang in langs if lang not in config.translation.targets]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)} not in [translation] targets", param_hint="--lang")
    if not config.translation.targets:
        click.echo("no [translation] targets configured: nothing to do")
        return
    store = obj.store()
    try:
        report = translate_pending(config, store, when, targets=langs or None, progress=terminal_progress())
    finally:
        store.close()
    for article_id, lang, err in report.pending:
        click.echo(f"pending {article_id} → {lang}: {err}", err=True)
    click.echo(f"translate: {len(report.translated)} translated, {len(report.pending)} pending; "
               f"memory {report.hits} hits, {report.misses} misses, {report.engine_calls} engine calls")
    sys.exit(0 if report.ok else 1)
