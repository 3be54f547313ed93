"""Safe file lookup under a root folder, and an in-memory cache of file bytes, gzip bytes and validators.

Request paths arrive URL-decoded (WSGI ``PATH_INFO``). :func:`safe_parts` refuses anything that could leave the
root: ``..`` or ``.`` segments, hidden names (also the publisher's ``.name.tmp`` temp files), backslashes, NUL,
empty segments (``//etc/passwd``), non-UTF-8 bytes. :meth:`FileCache.get` then resolves symlinks and serves
the file only if its real path is still inside the real root, only for the known feed file names, and only
if it is a regular file (a FIFO, device or socket placed in the folder would block a worker thread).

Cache entries are keyed by URL path and revalidated on every request with one ``os.stat`` (mtime, size,
inode): the publisher replaces files atomically, so a new file always has a new inode.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import stat
import threading
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path

from syndicate.media import FILENAMES, FORMAT_TYPES, NEWSITEM, with_charset

#: File name → media type (the table of :mod:`syndicate.media`); items/<uuid>-vN.xml are single NewsML-G2 items.
MEDIA_TYPES = {name: with_charset(FORMAT_TYPES[fmt]) for fmt, name in FILENAMES.items()}
ITEM_MEDIA_TYPE = with_charset(NEWSITEM)
MAX_CACHED = 4096
MAX_FILE = 16 * 1024 * 1024
GZIP_MIN = 256


def safe_parts(path_info: str) -> list[str] | None:
    """Segments of a URL path that is safe to map under a root, or ``None``.

    ``path_info`` is the WSGI string (latin-1 transport of the raw bytes after percent-decoding).
    """
    try:
        path = path_info.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    if not path.startswith("/") or "\\" in path or "\x00" in path or ":" in path:
        return None
    parts = path[1:].split("/")
    for part in parts:
        if not part or part.startswith(".") or part.strip() != part:
            return None
    return parts


PAGE_TYPES = {"index.html": "text/html", "feeds.opml": "text/x-opml", "feed.xsl": "text/xsl"}


def media_type_for(parts: list[str]) -> str | None:
    """The media type of a servable feed file, ``None`` for any other name."""
    name = parts[-1]
    if name in MEDIA_TYPES:
        return MEDIA_TYPES[name]
    if name in PAGE_TYPES and (len(parts) == 1 or (len(parts) == 2 and name == "index.html")):
        return PAGE_TYPES[name]         # the front door (render/pages.py): root pages, per-language index
    if len(parts) >= 2 and parts[-2] == "items" and name.endswith(".xml"):
        return ITEM_MEDIA_TYPE
    if len(parts) >= 2 and parts[-2] == "items" and name.endswith(".json"):
        return "application/json"       # a partner's ninjs item file
    return None


@dataclass(frozen=True)
class Entry:
    """A cached file: bytes, gzip bytes (or ``None``), validators and headers."""

    stamp: tuple[int, int, int]
    body: bytes
    gz: bytes | None
    etag: str                 # quoted strong ETag of the identity bytes
    gz_etag: str              # quoted strong ETag of the gzip bytes
    mtime: int                # whole seconds (HTTP dates have no fraction)
    last_modified: str        # HTTP date
    media_type: str


def _stamp(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class FileCache:
    """Serves the files under ``root`` from memory, revalidated by ``stat`` on every request."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.real_root = os.path.realpath(self.root)
        self._entries: dict[str, Entry] = {}
        self._lock = threading.Lock()

    def _inside(self, real: str) -> bool:
        return real.startswith(self.real_root + os.sep)

    def get(self, parts: list[str]) -> Entry | None:
        """The entry of the file at ``parts`` (from :func:`safe_parts`), or ``None`` (not found / not allowed)."""
        media_type = media_type_for(parts)
        if media_type is None:
            return None
        fs_path = os.path.join(self.real_root, *parts)
        try:
            st = os.stat(fs_path)
        except (OSError, ValueError):
            return None
        if not _is_regular(st):          # a FIFO, device or socket would block or leak: only regular files
            return None
        key = "/".join(parts)
        entry = self._entries.get(key)
        stamp = _stamp(st)
        if entry is not None and entry.stamp == stamp:
            return entry
        return self._load(key, fs_path, media_type)

    def _load(self, key: str, fs_path: str, media_type: str) -> Entry | None:
        real = os.path.realpath(fs_path)
        if not self._inside(real):
            return None
        try:
            # O_NONBLOCK: if a FIFO replaced the file since the stat, opening it does not wait for a writer
            fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        try:
            st = os.fstat(fd)
            if not _is_regular(st) or st.st_size > MAX_FILE:
                return None
            with os.fdopen(fd, "rb", closefd=False) as fh:
                body = fh.read()
        finally:
            os.close(fd)
        digest = hashlib.sha256(body).hexdigest()
        gz = gzip.compress(body, compresslevel=6, mtime=0) if len(body) >= GZIP_MIN else None
        mtime = int(st.st_mtime)
        entry = Entry(stamp=_stamp(st), body=body, gz=gz, etag=f'"{digest}"', gz_etag=f'"{digest}-gzip"',
                      mtime=mtime, last_modified=formatdate(mtime, usegmt=True), media_type=media_type)
        with self._lock:
            if len(self._entries) >= MAX_CACHED:
                self._entries.clear()
            self._entries[key] = entry
        return entry


def _is_regular(st: os.stat_result) -> bool:
    return stat.S_ISREG(st.st_mode)
