"""Apertium (the Debian ``apertium`` command) as an offline, rule-based engine.

A whole batch is ONE process: each segment is escaped into its own ``<p>`` of an HTML document and run
through ``apertium -u -f html <pair>`` (``-u`` hides the ``*`` unknown-word marks; the html format keeps
tags in place), then the paragraphs are read back. Pairs come from ``apertium -l`` (ISO 639-3 or -1 names,
e.g. ``eng-spa``); syndicate speaks ISO 639-1 (``en``, ``es``), mapped here.
"""

from __future__ import annotations

import shutil
import subprocess
from html import escape

import lxml.html

from syndicate.errors import ModelNotFoundError, TranslationError

#: ISO 639-1 → 639-3 for the languages of the Debian pairs (and common ones).
ISO639_3 = {
    "en": "eng", "es": "spa", "ca": "cat", "gl": "glg", "eu": "eus", "eo": "epo", "is": "isl", "mk": "mkd",
    "fr": "fra", "pt": "por", "it": "ita", "ro": "ron", "oc": "oci", "an": "arg", "ast": "ast", "nb": "nob",
    "nn": "nno", "da": "dan", "sv": "swe", "de": "deu", "nl": "nld", "af": "afr", "hbs": "hbs", "sh": "hbs",
    "ar": "ara", "mt": "mlt", "cy": "cym", "br": "bre", "ga": "gle", "kk": "kaz", "tt": "tat", "ru": "rus",
    "uk": "ukr", "be": "bel", "pl": "pol", "cs": "ces", "sk": "slk", "sl": "slv", "bg": "bul", "hi": "hin",
    "ur": "urd", "fa": "fas", "tr": "tur", "az": "aze", "ky": "kir", "uz": "uzb",
}
ISO639_1 = {v: k for k, v in ISO639_3.items() if len(k) == 2}


def to_iso639_3(code: str) -> str:
    """``en`` → ``eng``; three-letter codes are returned unchanged."""
    return ISO639_3.get(code, code)


def to_iso639_1(code: str) -> str:
    """``eng`` → ``en``; unknown codes are returned unchanged."""
    return ISO639_1.get(code, code)


class ApertiumTranslator:
    """:class:`~syndicate.translate.engines.base.Translator` running the ``apertium`` command.

    Args:
        command: the executable (default ``apertium`` on ``$PATH``).
        timeout: seconds per batch before the process is killed.
    """

    engine = "apertium"

    def __init__(self, command: str = "apertium", timeout: float = 120.0) -> None:
        self.command = command
        self.timeout = timeout
        self._pairs: dict[tuple[str, str], str] | None = None

    def _run(self, args: list[str], stdin: str = "") -> str:
        exe = shutil.which(self.command)
        if exe is None:
            raise ModelNotFoundError(f"{self.command!r} is not installed (apt-get install apertium apertium-eng-spa)")
        try:
            proc = subprocess.run([exe, *args], input=stdin, capture_output=True, text=True, timeout=self.timeout,
                                  check=False)
        except (subprocess.TimeoutExpired, OSError) as exc:
            raise TranslationError(f"apertium {' '.join(args)} failed") from exc
        if proc.returncode != 0:
            raise TranslationError(f"apertium exited with {proc.returncode}: {proc.stderr.strip()[:200]}",
                                   context=" ".join(args))
        return proc.stdout

    def pairs(self) -> dict[tuple[str, str], str]:
        """``{(src, dst): mode}`` from ``apertium -l`` with ISO 639-1 codes, e.g. ``("en", "es"): "eng-spa"``."""
        if self._pairs is None:
            found: dict[tuple[str, str], str] = {}
            for line in self._run(["-l"]).split():
                parts = line.split("-")
                if len(parts) == 2:            # skip variants such as spa-eng_US
                    found[(to_iso639_1(parts[0]), to_iso639_1(parts[1]))] = line
            self._pairs = found
        return self._pairs

    def _mode(self, src: str, dst: str) -> str:
        try:
            pairs = self.pairs()
        except TranslationError as exc:
            raise ModelNotFoundError("cannot list Apertium pairs") from exc
        mode = pairs.get((src, dst)) or pairs.get((to_iso639_1(src), to_iso639_1(dst)))
        if mode is None:
            raise ModelNotFoundError(f"no Apertium pair {src}→{dst} (installed: {', '.join(sorted(pairs.values()))})")
        return mode

    def supports(self, src: str, dst: str) -> bool:
        """Whether ``apertium -l`` lists the pair."""
        try:
            self._mode(src, dst)
        except ModelNotFoundError:
            return False
        return True

    def model_id(self, src: str, dst: str) -> str:
        """``apertium:{mode}``, e.g. ``apertium:eng-spa``."""
        return f"apertium:{self._mode(src, dst)}"

    def translate_batch(self, texts: list[str], src: str, dst: str) -> list[str]:
        """Translate plain-text segments in one ``apertium -u -f html`` process.

        Raises:
            ModelNotFoundError: pair not installed.
            TranslationError: the process failed, timed out or returned a different number of segments.
        """
        mode = self._mode(src, dst)
        if not texts:
            return []
        doc = "\n".join(f"<p>{escape(' '.join(t.split()), quote=False)}</p>" for t in texts)
        out = self._run(["-u", "-f", "html", mode], doc)
        try:
            root = lxml.html.fragment_fromstring(out, create_parent="div")
        except (ValueError, lxml.etree.ParserError) as exc:
            raise TranslationError("apertium returned unparseable output", context=mode) from exc
        paragraphs = [" ".join(p.text_content().split()) for p in root.findall("p")]
        if len(paragraphs) != len(texts):
            raise TranslationError(f"apertium returned {len(paragraphs)} segments for {len(texts)}", context=mode)
        return paragraphs
