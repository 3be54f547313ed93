"""``syndicate validate [PATH…]``: validate output files offline (NewsML-G2 XSD + QCode lint, Atom RELAX NG +
Schematron, RSS/Atom through feedparser, JSON Feed schema).

Exit codes: 0 all valid, 1 any error (each printed as ``file:line: message`` on stdout), 2 a needed schema is
missing or cannot be loaded, or a usage error. Does not render or fetch anything.
"""

from __future__ import annotations

from pathlib import Path

import click

from syndicate.cli.context import Context
from syndicate.config import Config
from syndicate.errors import ValidationError
from syndicate.render.validate import SchemaMissingError, validate_paths

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
_DIR = click.Path(exists=True, file_okay=False, path_type=Path)


def _config(ctx: click.Context) -> Config | None:
    """The config of the context, when there is a config file (the command also runs without one)."""
    obj = ctx.obj
    return obj.config if isinstance(obj, Context) and obj.config_file_exists() else None


@click.command(name="validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--schema", "schema", type=_FILE, envvar="SYNDICATE_NEWSML_SCHEMA", show_envvar=True,
              help="NewsML-G2 XSD (xml.xsd and the IPTC catalog v41 beside it). Default: [newsml] schema.")
@click.option("--atom-schema", "atom_rng", type=_FILE, help="RFC 4287 RELAX NG schema (atom.rng).")
@click.option("--atom-rules", "atom_sch", type=_FILE, help="Atom co-occurrence rules (ISO Schematron).")
@click.option("--jsonfeed-schema", "jsonfeed_dir", type=_DIR,
              help="Folder with json-feed-schema.json and json-feed-item-schema.json.")
@click.pass_context
def validate_command(ctx: click.Context, paths: tuple[Path, ...], schema: Path | None, atom_rng: Path | None,
                     atom_sch: Path | None, jsonfeed_dir: Path | None) -> None:
    """Validate feed files and folders (default: the configured output folder).

    Prints each error as FILE:LINE: MESSAGE and exits 1 if there is any.
    """
    config = _config(ctx)
    if schema is None and config is not None:
        schema = config.newsml_schema
    if not paths:
        if config is None:
            raise click.UsageError("give PATH… (or a config file whose output dir to validate)")
        paths = (config.output.dir,)
    if atom_sch is not None and atom_rng is None:
        raise click.UsageError("--atom-rules needs --atom-schema")
    try:
        errors = validate_paths(list(paths), newsml_schema=schema, atom_rng=atom_rng, atom_sch=atom_sch,
                                jsonfeed_dir=jsonfeed_dir)
    except SchemaMissingError as exc:
        click.echo(f"error: {exc}", err=True)
        ctx.exit(exc.exit_code)
    except ValidationError as exc:       # a schema that cannot be loaded
        click.echo(f"error: {exc}", err=True)
        ctx.exit(2)
    for path, line, message in errors:
        click.echo(f"{path}:{line}: {message}")
    if errors:
        files = len({e[0] for e in errors})
        click.echo(f"{len(errors)} error(s) in {files} file(s)", err=True)
        ctx.exit(1)
