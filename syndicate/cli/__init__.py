"""Command line: ``syndicate [--config PATH] COMMAND``. One module per command group:

* :mod:`.site`: ``init``, ``demo``, ``check``, ``migrate``;
* :mod:`.content`: ``ingest``, ``publish``, ``translate``;
* :mod:`.run`: ``run`` (the scheduler), ``status``;
* :mod:`.serve`: ``serve``, ``partners …``;
* :mod:`.models`: ``models list|install``;
* :mod:`.validate`: ``validate``.

Exit codes: 0 ok; 1 some items or feeds failed; 2 usage or configuration error (also a store that must be
migrated). Errors go to stderr as one line. The faces only parse arguments and print: the work is done by the
use cases (``ingest``, ``publish``, ``translate_pending``) they call.
"""

from __future__ import annotations

from typing import Any

import click

from syndicate import __version__
from syndicate.cli import content, models, review, run, serve, site, validate
from syndicate.cli.context import Context, setup_logging
from syndicate.errors import SyndicateError


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
    setup_logging(verbose, log_format)
    ctx.obj = Context(config_path)


for command in (site.init, site.demo, site.check, site.migrate, content.ingest, content.publish,
                content.translate, run.run, run.status, serve.serve, serve.partners, serve.operators, models.models,
                validate.validate_command, review.review):
    main.add_command(command)

__all__ = ["Context", "main"]
