"""The REAL LibreTranslate 1.9.6 server for the tests, started offline on tiny real Argos packages.

``make test`` installs PyPI ``libretranslate==1.9.6`` into ``.venv-lt/`` (a venv of its own: it pins Flask 2.2,
its own argostranslate fork and torch; ``SYNDICATE_LT_VENV`` points elsewhere). When it is missing, the tests
that need it fail and say to run ``make test``: CI runs ``make test``, so they always run there.

How it stays offline (read from LibreTranslate's ``init.py`` and argos-translate-lt's ``settings.py``/``sbd.py``):

* at start-up ``boot()`` fetches the package index only when fewer than **two** packages are installed (or with
  ``--update-models``), so :func:`build_packages` installs two: en→es and es→en;
* the sentence splitter is MiniSBD; it downloads ``<lang>.onnx`` unless the package carries
  ``minisbd/<lang>.onnx``, so every package carries one (:func:`argos_builder.build_minisbd_onnx`);
* argostranslate reads ``HOME``, ``XDG_DATA_HOME``/``XDG_CONFIG_HOME``/``XDG_CACHE_HOME`` and
  ``ARGOS_PACKAGES_DIR`` at import, so each server gets a folder of its own under the test's tmp folder, and a
  clean environment (no ``LT_*`` variable of the caller leaks in); ``ARGOS_PACKAGE_INDEX`` points at a closed
  port, so a fetch that should not happen fails at once instead of going out.

The packages are copy models (``argos_builder``: output == input) that rewrite one word, "Geneva" → "Ginebra",
so an answer proves that the package ran and that nothing else in the text changed.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import pytest

ROOT = Path(__file__).resolve().parent.parent
LT_VENV = Path(os.environ.get("SYNDICATE_LT_VENV", ROOT / ".venv-lt"))
VERSION = "1.9.6"
#: (from, to, swaps): copy models that translate one word, so the output shows the package ran
PACKAGES = (("en", "es", {"Geneva": "Ginebra"}), ("es", "en", {"Ginebra": "Geneva"}))
SWAP = ("Geneva", "Ginebra")
#: what LibreTranslate prints when it goes for the package index or a MiniSBD model
FETCH_MARKERS = ("Updating language models", "Cannot update models", "Downloading")


def lt_executable() -> Path:
    """``.venv-lt/bin/libretranslate``; fails the calling test (never skips) when it is not installed."""
    exe = LT_VENV / "bin" / "libretranslate"
    if not exe.is_file():
        pytest.fail(f"the real LibreTranslate {VERSION} server is not installed ({exe} is missing): run `make test` "
                    "(or `make lt-server`), which builds .venv-lt", pytrace=False)
    return exe


def build_packages(root: Path) -> Path:
    """Build the two :data:`PACKAGES` (``.argosmodel`` with a MiniSBD splitter) into ``root/dist`` and install
    them into ``root/packages`` with syndicate's own installer; returns the packages folder."""
    from argos_builder import build_argosmodel

    from syndicate.translate.engines.argos_install import install_argosmodel

    packages = root / "packages"
    for src, dst, swaps in PACKAGES:
        install_argosmodel(build_argosmodel(root / "dist", src, dst, swaps=swaps, symbols=(SWAP[1],), sbd=True),
                           packages)
    return packages


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the test process dies, so a killed pytest leaves no server."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)     # PR_SET_PDEATHSIG (Linux)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RealLT:
    """One ``libretranslate`` process on 127.0.0.1 (``start``/``stop`` may be called again: same port).

    Args:
        packages: the installed packages folder (shared, read only).
        home: this server's own folder (HOME, XDG_*, cwd, ``server.log``).
        port: default: a free one.
        args: extra command-line flags, e.g. ``["--batch-limit", "8"]``.
    """

    def __init__(self, packages: Path, home: Path, port: int | None = None, args: Sequence[str] = ()) -> None:
        self.exe = lt_executable()
        self.packages = packages
        self.home = home
        self.port = port or free_port()
        self.args = list(args)
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = home / "server.log"
        self.started_in = 0.0      # seconds from spawn to the first good /languages

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [str(self.exe), "--host", "127.0.0.1", "--port", str(self.port), "--load-only", "en,es",
                "--disable-web-ui", "--disable-files-translation", *self.args]

    def environment(self) -> dict[str, str]:
        h = self.home
        return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOME": str(h / "home"),
                "XDG_DATA_HOME": str(h / "data"), "XDG_CONFIG_HOME": str(h / "config"),
                "XDG_CACHE_HOME": str(h / "cache"), "ARGOS_PACKAGES_DIR": str(self.packages),
                "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/", "ARGOS_DEVICE_TYPE": "cpu",
                "ARGOS_INTRA_THREADS": "1", "ARGOS_INTER_THREADS": "1", "OMP_NUM_THREADS": "1",
                "PYTHONUNBUFFERED": "1"}

    def start(self, timeout: float = 120.0) -> RealLT:
        """Spawn the server and wait until ``GET /languages`` lists en and es."""
        assert self.proc is None, "already running"
        self.home.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(self.command(), env=self.environment(), cwd=self.home, stdout=log,
                                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         preexec_fn=_die_with_parent)
        started = time.monotonic()
        while True:
            if self.proc.poll() is not None:
                code = self.proc.returncode
                self.proc = None
                pytest.fail(f"LibreTranslate exited with {code} while starting:\n{self.log()[-3000:]}", pytrace=False)
            try:
                with urllib.request.urlopen(f"{self.url}/languages", timeout=2) as resp:
                    codes = {x["code"] for x in json.load(resp)}
                if {"en", "es"} <= codes:
                    break
            except (OSError, ValueError, urllib.error.URLError):
                pass
            if time.monotonic() - started > timeout:
                self.stop()
                pytest.fail(f"LibreTranslate did not answer /languages within {timeout:.0f} s:\n{self.log()[-3000:]}",
                            pytrace=False)
            time.sleep(0.1)
        self.started_in = time.monotonic() - started
        return self

    def stop(self) -> None:
        """Terminate the process (SIGTERM, then SIGKILL after 10 s) and wait for it."""
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None

    def add_key(self, key: str, req_limit: int = 1000, char_limit: int | None = None) -> str:
        """Add an API key with LibreTranslate's own ``ltmanage`` (the server runs with ``--api-keys
        --api-keys-db-path``, which created the database)."""
        db = self.args[self.args.index("--api-keys-db-path") + 1]
        cmd = [str(self.exe.parent / "ltmanage"), "keys", "--api-keys-db-path", db, "add", str(req_limit),
               "--key", key, *(["--char-limit", str(char_limit)] if char_limit else [])]
        done = subprocess.run(cmd, env=self.environment(), cwd=self.home, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and done.stdout.strip() == key, done.stdout + done.stderr
        return key

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def fetched(self) -> list[str]:
        """Lines of the log that show a fetch of the package index or of a MiniSBD model (should be none)."""
        return [line for line in self.log().splitlines()
                if not line.startswith("INFO:") and any(m in line for m in FETCH_MARKERS)]

    def __enter__(self) -> RealLT:
        return self.start() if self.proc is None else self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
