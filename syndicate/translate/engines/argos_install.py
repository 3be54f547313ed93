"""Install Argos packages: a local ``.argosmodel`` file (validated, extracted atomically) or one from the
Argos package index (needs internet; fails fast with a clear error offline).

argostranslate's own ``install_from_path`` validates nothing (a zip with files at its root scatters them
into the packages folder); here a package must be a zip with exactly one top folder holding
``metadata.json`` (with ``from_code`` and ``to_code``), ``model/model.bin`` and ``sentencepiece.model``.
It is extracted into a temporary folder beside the target and renamed into place, so a reader never sees
half a package.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

import requests

from syndicate.errors import TranslationError
from syndicate.translate.engines.argos import ArgosPackage, clear_model_cache, read_package

PACKAGE_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
INDEX_TIMEOUT = (5, 30)
REQUIRED = ("metadata.json", "model/model.bin", "sentencepiece.model")


def validate_argosmodel(path: Path) -> tuple[str, dict[str, object]]:
    """Check an ``.argosmodel`` zip; returns its top folder name and parsed metadata.

    Raises:
        TranslationError: not a zip, not exactly one top folder, unsafe member paths, missing files or metadata keys.
    """
    if not zipfile.is_zipfile(path):
        raise TranslationError("not a valid Argos package (must be a zip archive)", context=str(path))
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n and not n.startswith("__MACOSX/")]
        for name in names:
            p = PurePosixPath(name)
            if p.is_absolute() or ".." in p.parts or "\\" in name:
                raise TranslationError(f"unsafe path {name!r} in package", context=str(path))
        tops = {PurePosixPath(n).parts[0] for n in names}
        if len(tops) != 1 or any(len(PurePosixPath(n).parts) == 1 and not n.endswith("/") for n in names):
            raise TranslationError(f"a package must hold exactly one top folder, found {sorted(tops)}",
                                   context=str(path))
        top = tops.pop()
        present = set(names)
        missing = [f for f in REQUIRED if f"{top}/{f}" not in present]
        if "sentencepiece.model" in missing and f"{top}/bpe.model" in present:
            raise TranslationError("package uses bpe.model (Moses + BPE tokenizer), which syndicate does not read; "
                                   "use a SentencePiece package or the libretranslate engine", context=str(path))
        if missing:
            raise TranslationError(f"package lacks {', '.join(missing)}", context=str(path))
        try:
            meta = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise TranslationError("metadata.json is not valid JSON", context=str(path)) from exc
    codes = ("from_code", "to_code")
    if not isinstance(meta, dict) or not all(isinstance(meta.get(k), str) and meta[k] for k in codes):
        raise TranslationError("metadata.json needs from_code and to_code", context=str(path))
    if meta.get("languages"):
        raise TranslationError("multilingual package (metadata.json 'languages') is not supported; install a "
                               "package for one language pair", context=str(path))
    return top, meta


def install_argosmodel(path: Path, packages_dir: Path) -> ArgosPackage:
    """Validate ``path`` and install it into ``packages_dir`` (replacing a package of the same folder name).

    Returns:
        The installed package.

    Raises:
        TranslationError: invalid package or the folder cannot be written.
    """
    top, _ = validate_argosmodel(path)
    try:
        packages_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".install-", dir=packages_dir))
        try:
            with zipfile.ZipFile(path) as zf:
                zf.extractall(tmp)
            target = packages_dir / top
            old = None
            if target.exists():
                old = packages_dir / f".old-{top}-{os.getpid()}"
                os.replace(target, old)
            os.replace(tmp / top, target)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    except (OSError, zipfile.BadZipFile) as exc:
        raise TranslationError("cannot install package", context=str(packages_dir)) from exc
    clear_model_cache()
    return read_package(target)


def install_from_index(from_code: str, to_code: str, packages_dir: Path, *, index_url: str = PACKAGE_INDEX_URL,
                       timeout: tuple[float, float] = INDEX_TIMEOUT) -> ArgosPackage:
    """Download the ``from_code`` → ``to_code`` package named by the Argos package index and install it.

    Raises:
        TranslationError: the index or the package cannot be fetched (e.g. offline), or the index has no such pair.
    """
    try:
        resp = requests.get(index_url, timeout=timeout)
        resp.raise_for_status()
        index = resp.json()
    except (requests.RequestException, ValueError) as exc:
        raise TranslationError("cannot reach the Argos package index (installing by language pair needs "
                               "internet; offline, install a downloaded file: `syndicate models install "
                               "PATH.argosmodel`)", context=index_url) from exc
    entries = [e for e in index if isinstance(e, dict) and e.get("from_code") == from_code
               and e.get("to_code") == to_code and e.get("type", "translate") == "translate"]
    if not entries:
        raise TranslationError(f"the Argos package index has no {from_code}→{to_code} package", context=index_url)
    links = entries[-1].get("links") or []
    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp) / "package.argosmodel"
        for link in links:
            try:
                with requests.get(link, timeout=timeout, stream=True) as r:
                    r.raise_for_status()
                    with dest.open("wb") as fh:
                        for chunk in r.iter_content(1 << 20):
                            fh.write(chunk)
                break
            except requests.RequestException:
                continue
        else:
            raise TranslationError(f"cannot download the {from_code}→{to_code} package", context=", ".join(links))
        return install_argosmodel(dest, packages_dir)
