"""Argos packages run directly with CTranslate2 + SentencePiece (argostranslate is never imported).

An installed package is a folder holding ``metadata.json`` (``from_code``, ``to_code``, ``package_version``,
``type``, optional ``target_prefix``), ``model/`` (a CTranslate2 model) and ``sentencepiece.model``.
Models load once per process (cached by folder, device, compute type and thread counts). The segments of one
language pair are decoded in batches, so a decode step serves many sentences instead of one (argostranslate
decodes about one sentence per batch; guide §6).

**Output independent of the batch.** Each sentence has its own decoding bound, a function of that sentence
alone: :func:`decoding_bound` (``2 × its tokens + 10``, rounded up to a multiple of 16, at most 256).
Sentences are grouped by bound and each group is one ``translate_batch`` call (at most 16 groups), so a
sentence translates the same alone or next to a long neighbour, and a store rebuild gives the same bytes.

The translator translates plain-text segments (sentences) it is given; splitting text and HTML into
sentences is done by :mod:`syndicate.translate.segments`. It never touches the network.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from syndicate.errors import ModelNotFoundError, TranslationError

if TYPE_CHECKING:
    from syndicate.config import Translation

PIVOT = "en"
#: Upper bound of generated tokens per sentence (CTranslate2's own default, which argostranslate relies on).
MAX_DECODING_LENGTH = 256
LENGTH_PENALTY = 0.2          # as argostranslate
BOUND_STEP = 16


def decoding_bound(source_tokens: int) -> int:
    """The decoding bound of one sentence: ``2 × tokens + 10`` rounded up to a multiple of 16, at most 256."""
    raw = 2 * source_tokens + 10
    return min(MAX_DECODING_LENGTH, -(-raw // BOUND_STEP) * BOUND_STEP)


def resolve_device(device: str) -> str:
    """``auto`` → ``cuda`` when CTranslate2 sees a GPU, else ``cpu``; other values unchanged."""
    if device != "auto":
        return device
    import ctranslate2

    try:
        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    except RuntimeError:
        return "cpu"


def resolve_compute_type(compute_type: str, device: str) -> str:
    """``auto`` → ``int8`` on CPU (the packages' own type), CTranslate2's ``auto`` on CUDA."""
    if compute_type != "auto":
        return compute_type
    return "int8" if device == "cpu" else "auto"


def default_packages_dir(cfg: Translation | None = None) -> Path:
    """Where Argos packages are installed: ``translation.argos_packages_dir``, else ``$ARGOS_PACKAGES_DIR``,
    else argostranslate's default ``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share/…``)."""
    if cfg is not None and cfg.argos_packages_dir:
        return Path(cfg.argos_packages_dir)
    if os.environ.get("ARGOS_PACKAGES_DIR"):
        return Path(os.environ["ARGOS_PACKAGES_DIR"])
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "argos-translate" / "packages"


@dataclass(frozen=True)
class ArgosPackage:
    """One installed Argos translation package (read from its ``metadata.json``)."""

    path: Path
    from_code: str
    to_code: str
    package_version: str
    type: str = "translate"
    target_prefix: str | None = None

    @property
    def code(self) -> str:
        """The package folder name, e.g. ``translate-en_ar-1_0``."""
        return self.path.name

    @property
    def pair(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    def file_hash(self) -> str:
        """First 12 hex digits of sha256 over ``model/model.bin`` and ``sentencepiece.model`` (cached)."""
        return _file_hash(self.path)

    def model_id(self) -> str:
        """``{code}@{package_version}#{file hash}``."""
        return f"{self.code}@{self.package_version}#{self.file_hash()}"


_HASHES: dict[tuple[str, float, int], str] = {}


def _file_hash(folder: Path) -> str:
    model_bin, spm_file = folder / "model" / "model.bin", folder / "sentencepiece.model"
    stats = [p.stat() for p in (model_bin, spm_file)]
    key = (str(folder), max(s.st_mtime for s in stats), sum(s.st_size for s in stats))
    if key not in _HASHES:
        digest = hashlib.sha256()
        for p in (model_bin, spm_file):
            with p.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
        _HASHES[key] = digest.hexdigest()[:12]
    return _HASHES[key]


def read_package(folder: Path) -> ArgosPackage:
    """Read one package folder.

    Raises:
        ModelNotFoundError: no readable ``metadata.json`` or missing ``from_code``/``to_code``.
    """
    try:
        meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        return ArgosPackage(path=folder, from_code=str(meta["from_code"]), to_code=str(meta["to_code"]),
                            package_version=str(meta.get("package_version", "0")),
                            type=str(meta.get("type", "translate")), target_prefix=meta.get("target_prefix") or None)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelNotFoundError("not a readable Argos package", context=str(folder)) from exc


def list_packages(packages_dir: Path) -> list[ArgosPackage]:
    """Installed translation packages in ``packages_dir`` (sorted by folder; unreadable folders skipped)."""
    if not packages_dir.is_dir():
        return []
    found = []
    for folder in sorted(p for p in packages_dir.iterdir() if p.is_dir()):
        try:
            pkg = read_package(folder)
        except ModelNotFoundError:
            continue
        if pkg.type == "translate":
            found.append(pkg)
    return found


class _Loaded:
    """A package's CTranslate2 translator and SentencePiece processor, loaded once."""

    def __init__(self, pkg: ArgosPackage, intra_threads: int, device: str = "cpu", compute_type: str = "int8",
                 inter_threads: int = 1) -> None:
        import ctranslate2
        import sentencepiece

        try:
            self.translator = ctranslate2.Translator(str(pkg.path / "model"), device=device,
                                                     compute_type=compute_type, intra_threads=intra_threads,
                                                     inter_threads=inter_threads)
            self.sp = sentencepiece.SentencePieceProcessor(model_file=str(pkg.path / "sentencepiece.model"))
        except (RuntimeError, OSError, ValueError) as exc:
            raise TranslationError("cannot load Argos package", context=pkg.code) from exc
        self.lock = threading.Lock()


_LOADED: dict[tuple[str, int, str, str, int], _Loaded] = {}
_LOAD_LOCK = threading.Lock()


def _load(pkg: ArgosPackage, intra_threads: int, device: str = "cpu", compute_type: str = "int8",
          inter_threads: int = 1) -> _Loaded:
    key = (str(pkg.path.resolve()), intra_threads, device, compute_type, inter_threads)
    with _LOAD_LOCK:
        if key not in _LOADED:
            _LOADED[key] = _Loaded(pkg, intra_threads, device, compute_type, inter_threads)
        return _LOADED[key]


def clear_model_cache() -> None:
    """Forget loaded models (after a package was replaced in place)."""
    with _LOAD_LOCK:
        _LOADED.clear()
        _HASHES.clear()


Progress = Callable[[int, int], None]



def _offset_progress(progress: Progress, base: int, total: int) -> Progress:
    """A leg's progress reported as part of the whole route (a pivot translates every text twice)."""
    def report(done: int, _leg_total: int) -> None:
        progress(base + done, total)

    return report

class ArgosTranslator:
    """:class:`~syndicate.translate.engines.base.Translator` over installed Argos packages, pivoting through English.

    Args:
        cfg: ``[translation]`` settings: ``argos_packages_dir``, ``beam_size``, ``intra_threads``, ``max_batch_size``,
            ``device``, ``compute_type``, ``inter_threads``.
        packages_dir: overrides the packages folder (else :func:`default_packages_dir`).
        max_decoding_length: fixed bound of generated tokens; default :func:`decoding_bound` per sentence.
    """

    engine = "argos"

    def __init__(self, cfg: Translation, packages_dir: Path | None = None,
                 max_decoding_length: int | None = None) -> None:
        self.packages_dir = packages_dir or default_packages_dir(cfg)
        self.beam_size = cfg.beam_size
        self.intra_threads = cfg.intra_threads
        self.max_batch_size = cfg.max_batch_size
        self.max_decoding_length = max_decoding_length
        self.device_setting = cfg.device
        self.compute_type_setting = cfg.compute_type
        self.inter_threads = cfg.inter_threads
        self._device: str | None = None
        #: (package code, number of segments) of every CTranslate2 call, for tests and stats
        self.calls: list[tuple[str, int]] = []

    @property
    def device(self) -> str:
        """The CTranslate2 device in use (``auto`` resolved once)."""
        if self._device is None:
            self._device = resolve_device(self.device_setting)
        return self._device

    @property
    def compute_type(self) -> str:
        return resolve_compute_type(self.compute_type_setting, self.device)

    def packages(self) -> dict[tuple[str, str], ArgosPackage]:
        """Installed packages by (from, to); a later folder (sorted) wins on duplicates."""
        return {(p.from_code, p.to_code): p for p in list_packages(self.packages_dir)}

    def route(self, src: str, dst: str) -> list[ArgosPackage]:
        """The packages that translate ``src`` → ``dst``: one direct, or two through English.

        Raises:
            ModelNotFoundError: neither a direct package nor both pivot legs are installed.
        """
        pkgs = self.packages()
        if (src, dst) in pkgs:
            return [pkgs[(src, dst)]]
        if PIVOT not in (src, dst) and (src, PIVOT) in pkgs and (PIVOT, dst) in pkgs:
            return [pkgs[(src, PIVOT)], pkgs[(PIVOT, dst)]]
        raise ModelNotFoundError(f"no Argos package for {src}→{dst} (direct or via {PIVOT}) "
                                 f"(install one with `syndicate models install`)", context=str(self.packages_dir))

    def supports(self, src: str, dst: str) -> bool:
        """Whether a direct or pivot route exists."""
        try:
            self.route(src, dst)
        except ModelNotFoundError:
            return False
        return True

    def model_id(self, src: str, dst: str) -> str:
        """``argos:{code}@{version}#{hash}``, legs joined by ``+`` when pivoting; ``/{device}-{compute type}``
        is appended when not the CPU int8 default (the output may differ)."""
        base = "argos:" + "+".join(p.model_id() for p in self.route(src, dst))
        if (self.device, self.compute_type) != ("cpu", "int8"):
            base += f"/{self.device}-{self.compute_type}"
        return base

    def translate_batch(self, texts: list[str], src: str, dst: str, *, progress: Progress | None = None) -> list[str]:
        """Translate plain-text segments with one CTranslate2 call per route leg.

        Args:
            progress: called as ``progress(done, total)`` while sentences finish (streams the batch).

        Raises:
            ModelNotFoundError: no route for the pair.
            TranslationError: loading or decoding failed.
        """
        route = self.route(src, dst)
        out = list(texts)
        for leg, pkg in enumerate(route):
            leg_progress = None if progress is None else _offset_progress(progress, leg * len(texts),
                                                                          len(texts) * len(route))
            out = self._translate_leg(pkg, out, leg_progress)
        return out

    def _translate_leg(self, pkg: ArgosPackage, texts: list[str], progress: Progress | None) -> list[str]:
        loaded = _load(pkg, self.intra_threads, self.device, self.compute_type, self.inter_threads)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        result = [""] * len(texts)
        if not todo:
            return result
        try:
            pieces = {i: loaded.sp.encode(texts[i], out_type=str) for i in todo}
        except (RuntimeError, TypeError) as exc:
            raise TranslationError("SentencePiece encoding failed", context=pkg.code) from exc
        groups: dict[int, list[int]] = {}        # decoding bound -> sentence indexes (in order)
        for i in todo:
            groups.setdefault(self.max_decoding_length or decoding_bound(len(pieces[i])), []).append(i)
        done = 0
        for limit in sorted(groups):
            members = groups[limit]
            batch = [pieces[i] for i in members]
            options: dict[str, Any] = dict(beam_size=self.beam_size, max_batch_size=self.max_batch_size,
                                           batch_type="examples", max_decoding_length=limit,
                                           length_penalty=LENGTH_PENALTY, replace_unknowns=True)
            prefix = [[pkg.target_prefix]] * len(batch) if pkg.target_prefix else None
            self.calls.append((pkg.code, len(batch)))
            group_progress = None if progress is None else _offset_progress(progress, done, len(todo))
            try:
                with loaded.lock:     # one decode per model at a time; CTranslate2 threads do the parallel work
                    if group_progress is None:
                        hyps = [r.hypotheses[0] for r in loaded.translator.translate_batch(
                            batch, target_prefix=prefix, **options)]
                    else:
                        hyps = self._streamed(loaded, batch, prefix, options, group_progress)
            except (RuntimeError, ValueError, IndexError) as exc:
                raise TranslationError(f"CTranslate2 failed on {len(batch)} segments", context=pkg.code) from exc
            for i, tokens in zip(members, hyps, strict=True):
                if pkg.target_prefix and tokens and tokens[0] == pkg.target_prefix:
                    tokens = tokens[1:]
                result[i] = loaded.sp.decode_pieces(tokens).strip()
            done += len(members)
        return result

    @staticmethod
    def _streamed(loaded: _Loaded, pieces: list[list[str]], prefix: list[list[str]] | None,
                  options: dict[str, Any], progress: Progress) -> list[list[str]]:
        options = dict(options)
        options.pop("batch_type")
        batch = options.pop("max_batch_size")
        hyps = []
        stream = loaded.translator.translate_iterable(pieces, target_prefix=prefix, max_batch_size=batch,
                                                      batch_type="examples", **options)
        for done, res in enumerate(stream, 1):
            hyps.append(res.hypotheses[0])
            if done % 16 == 0 or done == len(pieces):
                progress(done, len(pieces))
        return hyps
