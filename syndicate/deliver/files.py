"""Atomic file output: readers see the old file or the new one, never a half-written one.

Write to a temp file in the target's folder (same filesystem), flush, fsync, ``os.replace`` over the final
name, then fsync the folder so the rename itself survives a power cut. Unchanged bytes are not rewritten.
Temp files are named ``.<name>.<random>.tmp`` (hidden, never a final name) and swept by :func:`sweep_temp`.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from syndicate.errors import DeliveryError

TEMP_SUFFIX = ".tmp"


def atomic_write(target: Path, body: bytes, *, sync_dir: bool = True) -> None:
    """Durably replace ``target`` with ``body`` (temp + fsync + rename + dir fsync). ``sync_dir=False`` leaves
    the folder's fsync to the caller (:meth:`FileSink.deliver_many` does it once for many files)."""
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
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if sync_dir:
        _fsync_dir(folder)


def _load_syncfs() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        func = libc.syncfs
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int]
    func.restype = ctypes.c_int
    return func


_SYNCFS = _load_syncfs()
_HAVE_SYNCFS = _SYNCFS is not None


def _syncfs(folder: Path) -> None:
    """Flush every written file of the filesystem holding ``folder`` (Linux ``syncfs``)."""
    assert _SYNCFS is not None
    fd = os.open(folder, os.O_RDONLY)
    try:
        if _SYNCFS(fd) != 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err), str(folder))
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
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
        self._real_dirs: dict[str, str] = {}      # folder under the root -> its real path (symlinks resolved)

    def resolve(self, path: str) -> Path:
        """The real path of ``path`` under the root; :class:`DeliveryError` if it would leave the root (``..``,
        an absolute path, a symlink pointing out)."""
        if path.startswith("/"):
            raise DeliveryError("refusing to write outside the output dir", context=path)
        folder, _, name = path.rpartition("/")
        real = self._real_dirs.get(folder)
        if real is None:
            root = os.path.realpath(self.root)
            real = os.path.realpath(os.path.join(root, folder)) if folder else root
            if real != root and not real.startswith(root + os.sep):
                raise DeliveryError("refusing to write outside the output dir", context=path)
            self._real_dirs[folder] = real
        target = Path(os.path.realpath(os.path.join(real, name))) if name in ("..", ".", "") or os.path.islink(
            os.path.join(real, name)) else Path(real, name)
        root = os.path.realpath(self.root)
        if str(target) != root and not str(target).startswith(root + os.sep):
            raise DeliveryError("refusing to write outside the output dir", context=path)
        return target

    def read(self, path: str) -> bytes | None:
        try:
            return self.resolve(path).read_bytes()
        except FileNotFoundError:
            return None

    def exists(self, path: str) -> bool:
        return self.resolve(path).is_file()

    def remove_matching(self, pattern: str) -> int:
        """Remove the files matching a glob ``pattern`` relative to the root (e.g. every version of one item);
        returns how many. The folder is fsynced so the removal survives a power cut."""
        folder = self.resolve(pattern).parent
        count = 0
        for path in sorted(folder.glob(Path(pattern).name)) if folder.is_dir() else ():
            try:
                path.unlink()
                count += 1
            except FileNotFoundError:
                pass
        if count:
            _fsync_dir(folder)
        return count

    def deliver_many(self, files: list[tuple[str, bytes]]) -> int:
        """Write new files (item files: never rewritten) atomically and durably, in one batch: every temp file
        is written, the filesystem is synced once (``syncfs``; one ``fsync`` per file where that is missing),
        then each is renamed to its final name and each folder fsynced once. Files already there are left
        alone. Returns how many were written."""
        staged: list[tuple[str, Path]] = []
        try:
            for path, body in files:
                target = self.resolve(path)
                if target.is_file():
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
                staged.append((tmp, target))
                with os.fdopen(fd, "wb") as fh:
                    fh.write(body)
                    if not _HAVE_SYNCFS:
                        fh.flush()
                        os.fsync(fh.fileno())
                os.chmod(tmp, 0o644)
            if staged and _HAVE_SYNCFS:
                _syncfs(staged[0][1].parent)
            for tmp, target in staged:
                os.replace(tmp, target)
        except OSError as exc:
            for tmp, _ in staged:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            raise DeliveryError("cannot write item files", context=str(self.root)) from exc
        for folder in sorted({target.parent for _, target in staged}):
            _fsync_dir(folder)
        return len(staged)

    def deliver(self, path: str, body: bytes) -> bool:
        target = self.resolve(path)
        try:
            if target.is_file() and target.stat().st_size == len(body) and target.read_bytes() == body:
                return False
            atomic_write(target, body)
        except OSError as exc:
            raise DeliveryError("cannot write feed file", context=str(target)) from exc
        return True
