"""``syndicate serve`` and ``syndicate partners …`` (token, list, push, resend)."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from syndicate.cli.context import Context
from syndicate.redact import redact_url

log = logging.getLogger("syndicate.server")




@click.command()
@click.option("--host", help="Address to listen on (default: [server] host).")
@click.option("--port", type=int, help="TCP port (default: [server] port; 0 = any free port).")
@click.option("--threads", type=int, help="Worker threads per process (default: [server] threads).")
@click.option("--workers", type=int, help="Server processes (default: [server] workers).")
@click.option("--engine", type=click.Choice(["granian", "waitress"]), default="granian", show_default=True,
              help="HTTP server (granian: Rust, multi-process; waitress: pure Python).")
@click.option("--push/--no-push", "push", default=None,
              help="Also run the push worker as a child process (default: on when a partner has push_url).")
@click.pass_obj
def serve(obj: Context, host: str | None, port: int | None, threads: int | None, workers: int | None,
          engine: str, push: bool | None) -> None:
    """Serve public feeds, partner feeds, the items API, the operator console (/admin/), /metrics and /healthz."""
    from syndicate.serve.run import serve as run_server

    config = obj.config
    if push is None:
        push = any(p.push_url for p in config.partners)
    children: list[subprocess.Popen[bytes]] = []

    def ready(real_host: str, real_port: int) -> None:
        click.echo(f"listening on http://{real_host}:{real_port}/", nl=True)
        sys.stdout.flush()
        if push and config.path is not None:
            children.append(subprocess.Popen([sys.executable, "-m", "syndicate", "--config",
                                              str(Path(config.path).resolve()), "partners", "push"]))

    try:
        run_server(config, host=host, port=port, threads=threads, workers=workers or config.server.workers,
                   engine=engine, ready=ready)
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            child.terminate()
            try:
                child.wait(timeout=config.push.timeout + 5)
            except subprocess.TimeoutExpired:
                child.kill()


@click.group()
def partners() -> None:
    """Partner tokens, push queue and resends."""


@partners.command("token")
@click.argument("name")
@click.pass_obj
def token(obj: Context, name: str) -> None:
    """Create a pull token for partner NAME: shown once; put the sha256 line in the config."""
    from syndicate.serve.auth import new_token

    config = obj.config
    if not any(p.name == name for p in config.partners):
        raise click.BadParameter(f"no [partners.{name}] in {config.path}", param_hint="NAME")
    secret, digest = new_token()
    click.echo(f"token for {name} (shown once, give it to the partner): {secret}")
    click.echo(f'add to [partners.{name}] token_hashes: "{digest}"')
    click.echo(f"sha256 {digest}")


@partners.command("list")
@click.pass_obj
def list_partners(obj: Context) -> None:
    """Partners with their scope, tokens, push endpoint and queue counts."""
    config = obj.config
    with obj.store() as store:
        summary = {row["partner"]: row for row in store.delivery.summary()}
    for p in config.partners:
        push = redact_url(p.push_url) if p.push_url else "-"       # never the credentials inside push_url
        q = summary.get(p.name, {})
        counts = ", ".join(f"{s} {q.get(s, 0)}" for s in ("pending", "in-progress", "retrying", "success", "failed"))
        click.echo(f"{p.name}: languages {','.join(p.languages) or 'all'}; categories "
                   f"{','.join(p.categories) or 'all'}; formats {','.join(p.formats)}; "
                   f"embargoed {'yes' if p.embargoed else 'no'}; machine translations {p.machine_translations}; "
                   f"{len(p.token_hashes)} token(s); "
                   f"rate {p.rate_limit}/min; push {push}"
                   + ("; html rendition" if p.html_rendition else "") + (f" [{counts}]" if p.push_url else ""))


@partners.command("push")
@click.option("--until-idle", is_flag=True, help="Stop when no partner has a due item (else run until killed).")
@click.pass_obj
def push_command(obj: Context, until_idle: bool) -> None:
    """Run the push worker: POST queued item versions to partners, with retries."""
    from syndicate.deliver.push import Pusher

    config = obj.config
    store = obj.store()
    pusher = Pusher(config, store)
    signal.signal(signal.SIGTERM, lambda *_: pusher.stop())
    try:
        pusher.run(until_idle=until_idle)
    except KeyboardInterrupt:
        pass
    finally:
        store.close()


@partners.command("resend")
@click.argument("name")
@click.option("--state", "states", multiple=True, default=("failed",), show_default=True,
              type=click.Choice(["failed", "retrying", "success"]), help="Which rows to send again.")
@click.pass_obj
def resend(obj: Context, name: str, states: tuple[str, ...]) -> None:
    """Queue partner NAME's failed (or other) items again."""
    if not any(p.name == name for p in obj.config.partners):
        raise click.BadParameter(f"no [partners.{name}] in {obj.config.path}", param_hint="NAME")
    with obj.store() as store:
        count = store.delivery.resend(name, datetime.now(UTC), states=states)
    click.echo(f"{count} item(s) queued again for {name}")


@click.group()
def operators() -> None:
    """Operator tokens for the console (/admin/) and /metrics."""


@operators.command("token")
def operator_token() -> None:
    """Create an operator token: shown once; put the sha256 line in [server] operator_token_hashes."""
    from syndicate.serve.auth import new_token

    secret, digest = new_token()
    click.echo(f"operator token (shown once; send it as 'Authorization: Bearer …' or as the password): {secret}")
    click.echo(f'add to [server] operator_token_hashes: "{digest}"')
    click.echo(f"sha256 {digest}")
