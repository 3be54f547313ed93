"""Machine-translation backends (argos, libretranslate, apertium, identity) behind one Protocol,
plus the translation-memory seam. Articles are translated by :mod:`syndicate.translate`."""

from syndicate.translate.engines.base import Translator, engine_for_pair, get_translator
from syndicate.translate.memory import InMemoryTM, TMKey, TMStats, TranslationMemory, normalise_segment, segment_hash

__all__ = [
    "InMemoryTM",
    "TMKey",
    "TMStats",
    "TranslationMemory",
    "Translator",
    "engine_for_pair",
    "get_translator",
    "normalise_segment",
    "segment_hash",
]
