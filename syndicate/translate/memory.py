"""Translation memory (TM): the seam, its key, segment hashing, an in-memory implementation and counters.

The store-backed TM lives with the stores; it implements the same :class:`TranslationMemory` Protocol.
Contains no engine calls.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol


class TMKey(NamedTuple):
    """What a cached translation depends on besides its source sentence."""

    engine: str
    model_id: str
    src: str
    dst: str


def normalise_segment(text: str) -> str:
    """NFC, white space collapsed to single spaces, trimmed (engines collapse white space anyway)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def segment_hash(text: str) -> str:
    """sha256 hex of the normalised segment: the TM's per-sentence key."""
    return hashlib.sha256(normalise_segment(text).encode("utf-8")).hexdigest()


class TranslationMemory(Protocol):
    """Stores translated segments by (key, segment hash)."""

    def get_many(self, key: TMKey, hashes: Sequence[str]) -> dict[str, str]:
        """The known translations among ``hashes`` (missing hashes are simply absent)."""
        ...

    def put_many(self, key: TMKey, pairs: Mapping[str, str]) -> None:
        """Store ``{segment hash: translation}``; an existing entry is replaced."""
        ...


class InMemoryTM:
    """A :class:`TranslationMemory` in a dict (tests, one-off runs)."""

    def __init__(self) -> None:
        self._data: dict[tuple[TMKey, str], str] = {}

    def get_many(self, key: TMKey, hashes: Sequence[str]) -> dict[str, str]:
        """Known translations among ``hashes``."""
        return {h: self._data[(key, h)] for h in hashes if (key, h) in self._data}

    def put_many(self, key: TMKey, pairs: Mapping[str, str]) -> None:
        """Store ``{hash: translation}`` under ``key``."""
        for h, text in pairs.items():
            self._data[(key, h)] = text

    def __len__(self) -> int:
        return len(self._data)


@dataclass
class TMStats:
    """Counters of one or more :func:`syndicate.translate.translate_articles` runs.

    ``hits``/``misses`` count unique segments found / not found in the TM; ``engine_calls`` counts calls of
    ``Translator.translate_batch``; ``segments_sent`` the segments those calls carried.
    """

    hits: int = 0
    misses: int = 0
    engine_calls: int = 0
    segments_sent: int = 0
