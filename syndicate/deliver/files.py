"""Atomic file output: readers see the old file or the new one, never a half-written one.

Write to a temp file in the target's folder (same filesystem), flush, fsync, ``os.replace`` over the final
name, then fsync the folder so the rename itself survives a power cut. Unchanged bytes are not rewritten.
Temp files are named ``.<name>.<random>.tmp`` (hidden, never a final name) and swept by :func:`sweep_temp`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from syndicate.errors import DeliveryError

TEMP_SUFFIX = ".tmp"


def atomic_write(target: Path, body: bytes) -> None:
    """Durably replace ``target`` with ``body`` (temp + fsync + rename + dir fsync)."""
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def sweep_temp(root: Path) -> int:
    """Remove temp files left by a killed writer; returns how many."""
    count = 0
    if root.is_dir():
        for tmp in root.rglob(f".*{TEMP_SUFFIX}"):
            try:
                tmp.unlink()
                count += 1
            except FileNotFoundError:
                pass
    return count


class FileSink:
    """Writes feeds under ``root``; refuses any path that would leave it."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def resolve(self, path: str) -> Path:
        target = (self.root / path).resolve()
        root = self.root.resolve()
        if path.startswith("/") or (target != root and root not in target.parents):
            raise DeliveryError("refusing to write outside the output dir", context=path)
        return target

    def read(self, path: str) -> bytes | None:
        try:
            return self.resolve(path).read_bytes()
        except FileNotFoundError:
            return None

    def exists(self, path: str) -> bool:
        return self.resolve(path).is_file()

    def deliver(self, path: str, body: bytes) -> bool:
        target = self.resolve(path)
        try:
            if target.is_file() and target.stat().st_size == len(body) and target.read_bytes() == body:
                return False
            atomic_write(target, body)
        except OSError as exc:
            raise DeliveryError("cannot write feed file", context=str(target)) from exc
        return True
