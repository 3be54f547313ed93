"""argostranslate itself, run in a process of its own for ``tests/test_argos_fidelity.py``.

argostranslate reads its settings (folders, beam, threads) once, at import, and keeps module-level caches, so it
runs here, started with the environment of :func:`argos_builder.argos_environment`:

    python tests/argos_reference.py REQUEST.json  →  JSON on stdout

The request names ``.argosmodel`` files (installed with argostranslate's own ``install_from_path``) and jobs
``{"text", "src", "dst"}``. For each job the answer has argostranslate's ``translate(text, src, dst)``, the sentences
its splitter cut the text into (the splitter of the first package of the route), argostranslate's translation of
each of those sentences alone, and for a pivot (no direct package) the intermediate English text, its sentences
as the second package's splitter cuts them and their translations alone.

Two things are added to argostranslate, nothing else is changed:

* **No network.** Before argostranslate is imported, every IP connection and name lookup of this process raises
  ``OSError`` and is recorded in ``network_attempts`` (the test asserts the list is empty).
* **The decoding bound.** argostranslate sets no ``max_decoding_length`` (CTranslate2's 256 applies). Its
  ``ctranslate2.Translator`` is wrapped so that each sentence gets syndicate's bound for its own length
  (:func:`syndicate.translate.engines.argos.decoding_bound`); every other option of argostranslate's call is passed
  through as it is, and recorded in ``calls`` so that the test can check beam and length penalty.
"""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path
from typing import Any

network_attempts: list[str] = []


def _refused(what: str) -> Any:
    def refuse(*args: object, **kwargs: object) -> Any:
        network_attempts.append(f"{what}{args[1:2] if what.startswith('socket.') else args[:1]}")
        raise OSError(f"the fidelity test forbids network access ({what})")
    return refuse


def _guard_network() -> None:
    inet = (socket.AF_INET, socket.AF_INET6)
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in inet:
            _refused("socket.connect")(self, address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in inet:
            _refused("socket.connect_ex")(self, address)
        return real_connect_ex(self, address)

    socket.socket.connect = connect            # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex      # type: ignore[method-assign]
    socket.getaddrinfo = _refused("getaddrinfo")
    socket.gethostbyname = _refused("gethostbyname")
    socket.create_connection = _refused("create_connection")


class BoundedTranslator:
    """argostranslate's ``ctranslate2.Translator`` with syndicate's per-sentence decoding bound added."""

    def __init__(self, real: Any, calls: list[dict[str, Any]]) -> None:
        self.real, self.calls = real, calls

    def translate_batch(self, tokens: list[list[str]], **options: Any) -> list[Any]:
        from syndicate.translate.engines.argos import decoding_bound

        prefix = options.pop("target_prefix", None)
        self.calls.append({k: v for k, v in options.items() if isinstance(v, int | float | str | bool)})
        results = []
        for i, sentence in enumerate(tokens):       # one call per sentence: each has its own bound
            results.extend(self.real.translate_batch(
                [sentence], target_prefix=None if prefix is None else [prefix[i]],
                max_decoding_length=decoding_bound(len(sentence)), **options))
        return results


def main() -> None:
    _guard_network()
    try:                                        # the guard itself must work
        socket.getaddrinfo("example.org", 443)
        guard = "no error"
    except OSError:
        guard = "refused"
    network_attempts.clear()
    request = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))

    import argostranslate.package
    import argostranslate.settings
    import argostranslate.translate as at
    import ctranslate2

    for path in request["packages"]:
        argostranslate.package.install_from_path(Path(path))
    at.get_installed_languages()
    calls: list[dict[str, Any]] = []
    package_translations = {}
    for entry in at.installed_translates:
        inner = entry.cached_translation.underlying
        real = ctranslate2.Translator(str(inner.pkg.package_path / "model"), device=argostranslate.settings.device,
                                      compute_type=argostranslate.settings.compute_type,
                                      intra_threads=argostranslate.settings.intra_threads,
                                      inter_threads=argostranslate.settings.inter_threads)
        inner.translator = BoundedTranslator(real, calls)
        package_translations[entry.package_key] = inner

    def split(text: str, src: str, dst: str) -> list[str]:
        """As argostranslate cuts text: paragraphs at line breaks, then its sentence splitter."""
        sentencizer = package_translations[f"{src}-{dst}"].sentencizer
        return [str(s) for paragraph in text.split("\n") for s in sentencizer.split_sentences(paragraph)]

    def alone(sentences: list[str], src: str, dst: str) -> list[str]:
        return [at.translate(s, src, dst) for s in sentences] if len(sentences) > 1 else []

    answers = []
    for job in request["jobs"]:
        text, src, dst = job["text"], job["src"], job["dst"]
        answer: dict[str, Any] = {"out": at.translate(text, src, dst)}
        if f"{src}-{dst}" in package_translations:
            answer["sentences"] = split(text, src, dst)
            answer["alone"] = alone(answer["sentences"], src, dst)
        else:
            mid = request["pivot"]
            answer["sentences"] = split(text, src, mid)
            answer["alone"] = alone(answer["sentences"], src, mid)
            answer["mid"] = at.translate(text, src, mid)
            answer["mid_sentences"] = split(answer["mid"], mid, dst)
            answer["mid_alone"] = alone(answer["mid_sentences"], mid, dst)
        answers.append(answer)
    print(json.dumps({"answers": answers, "guard": guard, "calls": calls, "network_attempts": network_attempts,
                      "packages": sorted(package_translations), "argos_version": _version()}))


def _version() -> str:
    from importlib.metadata import version

    return version("argostranslate")


if __name__ == "__main__":
    main()
