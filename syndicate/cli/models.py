"""``syndicate models``: list and install Argos translation packages.

Register with ``cli.add_command(models)``. The ``[translation]`` config comes from
``click.get_current_context().obj["config"]`` when the parent command loaded one; otherwise
``$ARGOS_PACKAGES_DIR`` / argostranslate's default folder, or ``--packages-dir``.
"""

from __future__ import annotations

from pathlib import Path

import click

from syndicate.config import Translation
from syndicate.errors import SyndicateError
from syndicate.translate.engines.argos import default_packages_dir, list_packages
from syndicate.translate.engines.argos_install import install_argosmodel, install_from_index


def _translation_config() -> Translation:
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        obj = ctx.obj
        if isinstance(obj, dict) and obj.get("config") is not None:
            return obj["config"].translation
        ctx = ctx.parent
    return Translation()


def _packages_dir(option: Path | None) -> Path:
    return option if option is not None else default_packages_dir(_translation_config())


@click.group("models")
def models() -> None:
    """Machine-translation models (Argos packages)."""


@models.command("list")
@click.option("--packages-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Argos packages folder (default: translation.argos_packages_dir, $ARGOS_PACKAGES_DIR, "
                   "~/.local/share/argos-translate/packages).")
def list_command(packages_dir: Path | None) -> None:
    """List installed packages: pair, package version, path."""
    folder = _packages_dir(packages_dir)
    pkgs = list_packages(folder)
    if not pkgs:
        click.echo(f"no Argos packages in {folder}")
        return
    for pkg in pkgs:
        click.echo(f"{pkg.pair}\t{pkg.package_version}\t{pkg.path}")


@models.command("install")
@click.argument("source")
@click.argument("to_code", required=False)
@click.option("--packages-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Argos packages folder to install into.")
def install_command(source: str, to_code: str | None, packages_dir: Path | None) -> None:
    """Install ``PATH.argosmodel`` (validated), or ``FROM TO`` from the Argos package index (needs internet)."""
    folder = _packages_dir(packages_dir)
    try:
        if to_code is None:
            path = Path(source)
            if not path.is_file():
                raise click.BadParameter(f"{source} is not a file (give PATH.argosmodel, or FROM TO)",
                                         param_hint="SOURCE")
            pkg = install_argosmodel(path, folder)
        else:
            pkg = install_from_index(source, to_code, folder)
    except SyndicateError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"installed {pkg.pair} {pkg.package_version} in {pkg.path}")
