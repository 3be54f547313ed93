"""``syndicate review list | show | approve | reject | edit``: the editors' queue of machine translations
(with ``[translation] review = "required"``; see :mod:`syndicate.translate.review`)."""

from __future__ import annotations

import getpass
import json
from datetime import datetime
from pathlib import Path

import click

from syndicate.cli.context import NOW_OPTION, Context, now_or_clock
from syndicate.errors import TranslationError
from syndicate.sanitize import plain_text
from syndicate.translate import review as usecase

EDITOR_OPTION = click.option("--editor", default=None,
                             help="Who decides (default: the login name); recorded and disclosed as reviewed.")


def _editor(editor: str | None) -> str:
    return editor or getpass.getuser()


@click.group()
def review() -> None:
    """Machine translations waiting for an editor before they are public."""


@review.command("list")
@click.option("--lang", help="Only this target language.")
@click.option("--state", type=click.Choice(["pending", "approved", "rejected", "edited", "superseded", "all"]),
              default="pending", show_default=True,
              help="superseded: the original was withheld or killed while the translation waited.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def list_command(obj: Context, lang: str | None, state: str, as_json: bool) -> None:
    """The queue: id, language, state, source version, title."""
    with obj.store() as store:
        entries = store.reviews.entries(None if state == "all" else state, lang)
    if as_json:
        click.echo(json.dumps([{"id": e.id, "lang": e.dst, "state": e.state, "source_version": e.source_version,
                                "title": plain_text(e.article.title), "editor": e.editor} for e in entries],
                              ensure_ascii=False, indent=2))
        return
    for e in entries:
        click.echo(f"{e.id}\t{e.dst}\t{e.state}\tv{e.source_version}\t{plain_text(e.article.title)}")
    if not entries:
        click.echo("review queue: empty")


@review.command()
@click.argument("translation_id")
@click.pass_obj
def show(obj: Context, translation_id: str) -> None:
    """The original next to its machine translation."""
    with obj.store() as store:
        entry = store.reviews.get(translation_id)
        original = store.articles.get_many([entry.original_id]).get(entry.original_id) if entry else None
    if entry is None:
        raise click.ClickException(f"{translation_id}: not in the review queue")
    mt = entry.article
    click.echo(f"{entry.id} ({entry.state}, {mt.mt_engine} {mt.mt_model}, from version {entry.source_version})")
    for name in ("title", "summary", "body_html"):
        if original is not None:
            click.echo(f"--- original {name}\n{getattr(original, name)}")
        click.echo(f"--- translation {name}\n{getattr(mt, name)}")


@review.command()
@click.argument("translation_id")
@EDITOR_OPTION
@NOW_OPTION
@click.pass_obj
def approve(obj: Context, translation_id: str, editor: str | None, now: datetime | None) -> None:
    """Publish the machine translation, disclosed as reviewed by an editor (next publish)."""
    with obj.store() as store:
        try:
            usecase.approve(store, translation_id, _editor(editor), now_or_clock(now))
        except TranslationError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"approved {translation_id}")


@review.command()
@click.argument("translation_id")
@click.option("--note", help="Why (kept with the decision).")
@EDITOR_OPTION
@NOW_OPTION
@click.pass_obj
def reject(obj: Context, translation_id: str, note: str | None, editor: str | None, now: datetime | None) -> None:
    """Keep the machine translation unpublished."""
    with obj.store() as store:
        try:
            usecase.reject(store, translation_id, _editor(editor), note, now_or_clock(now))
        except TranslationError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"rejected {translation_id}")


@review.command()
@click.argument("translation_id")
@click.option("--title", help="Revised title.")
@click.option("--summary", help="Revised summary.")
@click.option("--body-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Revised body (an HTML fragment; '-' is not accepted).")
@EDITOR_OPTION
@NOW_OPTION
@click.pass_obj
def edit(obj: Context, translation_id: str, title: str | None, summary: str | None, body_file: Path | None,
         editor: str | None, now: datetime | None) -> None:
    """Publish your revision as a human-revised translation (machine translation never overwrites it)."""
    if title is None and summary is None and body_file is None:
        raise click.UsageError("give --title, --summary and/or --body-file")
    body = body_file.read_text(encoding="utf-8") if body_file is not None else None
    with obj.store() as store:
        try:
            usecase.edit(store, translation_id, _editor(editor), now_or_clock(now), title=title, summary=summary,
                         body_html=body)
        except TranslationError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"edited {translation_id}: stored as a human-revised translation")
