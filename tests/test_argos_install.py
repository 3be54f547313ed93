"""`syndicate models` and the validated .argosmodel installer, and the whole Argos path with no network."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from argos_builder import build_argosmodel
from click.testing import CliRunner

from syndicate.cli.models import models
from syndicate.errors import TranslationError
from syndicate.translate.engines.argos import list_packages
from syndicate.translate.engines.argos_install import install_argosmodel

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def argosmodel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_argosmodel(tmp_path_factory.mktemp("dist"), "en", "ar", swaps={"Geneva": "جنيف"})


def test_cli_installs_and_lists_a_package(argosmodel: Path, tmp_path: Path) -> None:
    """`models install PATH.argosmodel` extracts one folder; `models list` shows pair, version and path."""
    runner = CliRunner()
    res = runner.invoke(models, ["install", str(argosmodel), "--packages-dir", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "installed en-ar 1.0" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["translate-en_ar-1_0"]
    listed = runner.invoke(models, ["list", "--packages-dir", str(tmp_path)])
    assert listed.output == f"en-ar\t1.0\t{tmp_path / 'translate-en_ar-1_0'}\n"


def test_cli_reads_packages_dir_from_the_config_file(argosmodel: Path, tmp_path: Path) -> None:
    """The real CLI on a real config file: without --packages-dir, `models install` and `models list` use
    `[translation] argos_packages_dir` (relative to the config file), never the home folder."""
    from sites import make_site

    from syndicate.cli import main

    cfg = make_site(tmp_path, extra='[translation]\nargos_packages_dir = "cfgdir"\n')
    home = tmp_path / "home"
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"), "ARGOS_PACKAGES_DIR": ""}
    res = CliRunner().invoke(main, ["--config", str(cfg), "models", "install", str(argosmodel)], env=env)
    assert res.exit_code == 0, res.output
    assert [p.pair for p in list_packages(tmp_path / "cfgdir")] == ["en-ar"]
    assert not home.exists()
    listed = CliRunner().invoke(main, ["--config", str(cfg), "models", "list"], env=env)
    assert listed.exit_code == 0 and str(tmp_path / "cfgdir" / "translate-en_ar-1_0") in listed.output


def test_reinstall_replaces_the_package_in_place(argosmodel: Path, tmp_path: Path) -> None:
    """Installing the same package twice leaves one folder and no temporary leftovers."""
    install_argosmodel(argosmodel, tmp_path)
    install_argosmodel(argosmodel, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["translate-en_ar-1_0"]


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


GOOD_META = json.dumps({"from_code": "en", "to_code": "ar", "package_version": "1.0"}).encode()


@pytest.mark.parametrize("files, message", [
    ({"a/metadata.json": GOOD_META, "a/model/model.bin": b"x", "b/sentencepiece.model": b"x"}, "one top folder"),
    ({"metadata.json": GOOD_META, "model/model.bin": b"x", "sentencepiece.model": b"x"}, "one top folder"),
    ({"a/metadata.json": GOOD_META, "a/sentencepiece.model": b"x"}, "lacks model/model.bin"),
    ({"a/model/model.bin": b"x", "a/sentencepiece.model": b"x"}, "lacks metadata.json"),
    ({"a/metadata.json": b'{"from_code": "en"}', "a/model/model.bin": b"x", "a/sentencepiece.model": b"x"},
     "needs from_code and to_code"),
    ({"a/metadata.json": b"{not json", "a/model/model.bin": b"x", "a/sentencepiece.model": b"x"}, "not valid JSON"),
    ({"a/metadata.json": GOOD_META, "a/model/model.bin": b"x", "a/sentencepiece.model": b"x",
      "a/../../evil": b"x"}, "unsafe path"),
    ({"a/metadata.json": GOOD_META, "a/model/model.bin": b"x", "a/bpe.model": b"x"}, "bpe.model .Moses . BPE"),
    ({"a/metadata.json": json.dumps({"from_code": "en", "to_code": "ar", "languages": ["en", "ar", "fr"],
                                     "target_prefix": "__ar__"}).encode(),
      "a/model/model.bin": b"x", "a/sentencepiece.model": b"x"}, "multilingual package"),
])
def test_invalid_packages_are_rejected_and_nothing_is_installed(tmp_path: Path, files: dict[str, bytes],
                                                                 message: str) -> None:
    """Zips without one top folder, model files or metadata are refused with a clear error."""
    bad = _zip(tmp_path / "bad.argosmodel", files)
    target = tmp_path / "packages"
    with pytest.raises(TranslationError, match=message):
        install_argosmodel(bad, target)
    assert not target.exists()


def test_not_a_zip_is_rejected_by_the_cli(tmp_path: Path) -> None:
    """A non-zip file gives a ClickException (exit 1) naming the problem."""
    bad = tmp_path / "x.argosmodel"
    bad.write_text("hello")
    res = CliRunner().invoke(models, ["install", str(bad), "--packages-dir", str(tmp_path / "p")])
    assert res.exit_code == 1 and "must be a zip archive" in res.output


OFFLINE_SCRIPT = textwrap.dedent("""
    import json, socket, subprocess, sys, time
    from pathlib import Path
    sys.path.insert(0, "tests")
    from argos_builder import build_argosmodel
    from factories import make_article
    from syndicate.config import Translation
    from syndicate.translate.articles import translate_articles
    from syndicate.translate.engines.base import get_translator
    from syndicate.translate.memory import InMemoryTM

    tmp = Path(sys.argv[1])
    out = {}
    try:
        socket.create_connection(("1.1.1.1", 443), timeout=2)
        out["network"] = "reachable"
    except OSError as exc:
        out["network"] = type(exc).__name__
    pkg = build_argosmodel(tmp / "dist", "en", "ar", swaps={"Geneva": "جنيف"})
    cli = [sys.executable, "-c", "from syndicate.cli.models import models; models()"]
    res = subprocess.run([*cli, "install", str(pkg), "--packages-dir", str(tmp / "pk")], capture_output=True, text=True)
    out["install"] = [res.returncode, res.stdout.strip()]
    started = time.monotonic()
    res = subprocess.run([*cli, "install", "en", "de", "--packages-dir", str(tmp / "pk")], capture_output=True,
                         text=True)
    out["index"] = [res.returncode, res.stderr.strip(), time.monotonic() - started]
    tr = get_translator("argos", Translation(argos_packages_dir=tmp / "pk"))
    art = make_article(1, body_html='<p>Talks in <a href="https://news.example.org/g">Geneva</a>. More soon.</p>')
    [r] = translate_articles([art], "ar", tr, InMemoryTM())
    out["title"], out["body"], out["error"] = r.article.title, r.article.body_html, str(r.error)
    print(json.dumps(out))
""")


def test_whole_argos_path_runs_with_no_network(tmp_path: Path) -> None:
    """Under `unshare -n` (no network at all): build, `models install` the file, translate an article;
    `models install FROM TO` fails fast with a clear message instead of hanging."""
    proc = subprocess.run(["unshare", "-n", sys.executable, "-c", OFFLINE_SCRIPT, str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["network"] != "reachable"
    assert out["install"] == [0, f"installed en-ar 1.0 in {tmp_path / 'pk' / 'translate-en_ar-1_0'}"]
    code, message, seconds = out["index"]
    assert code == 1 and "cannot reach the Argos package index" in message and seconds < 20
    assert out["error"] == "None"
    assert out["title"] == "Delegation 1 meets envoy in جنيف"
    assert out["body"] == '<p>Talks in <a href="https://news.example.org/g">جنيف</a>. More soon.</p>'
