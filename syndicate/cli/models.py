"""``syndicate models``: list and install Argos translation packages.

The packages folder is ``--packages-dir``, else ``[translation] argos_packages_dir`` of the config file (when
there is one), else ``$ARGOS_PACKAGES_DIR`` or argostranslate's default folder.
"""

from __future__ import annotations

from pathlib import Path

import click

from syndicate.cli.context import Context
from syndicate.config import Translation
from syndicate.errors import SyndicateError
from syndicate.translate.engines.argos import default_packages_dir, list_packages
from syndicate.translate.engines.argos_install import install_argosmodel, install_from_index


def _packages_dir(obj: Context | None, option: Path | None) -> Path:
    if option is not None:
        return option
    return default_packages_dir(obj.translation() if obj is not None else Translation())


@click.group("models")
def models() -> None:
    """Machine-translation models (Argos packages)."""


@models.command("list")
@click.option("--packages-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Argos packages folder (default: translation.argos_packages_dir, $ARGOS_PACKAGES_DIR, "
                   "~/.local/share/argos-translate/packages).")
@click.pass_obj
def list_command(obj: Context | None, packages_dir: Path | None) -> None:
    """List installed packages: pair, package version, path."""
    folder = _packages_dir(obj, packages_dir)
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
@click.pass_obj
def install_command(obj: Context | None, source: str, to_code: str | None, packages_dir: Path | None) -> None:
    """Install ``PATH.argosmodel`` (validated), or ``FROM TO`` from the Argos package index (needs internet)."""
    folder = _packages_dir(obj, packages_dir)
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
