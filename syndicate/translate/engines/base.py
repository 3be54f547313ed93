"""The :class:`Translator` seam and the factory that picks a backend by name.

A translator turns plain-text segments (sentences) of one language into another: same count out as in, in
order. It knows nothing about articles, HTML or the translation memory (see :mod:`syndicate.translate`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from syndicate.errors import ConfigError

if TYPE_CHECKING:
    from syndicate.config import Translation


@runtime_checkable
class Translator(Protocol):
    """A machine-translation backend.

    ``engine`` names the backend ("argos", "libretranslate", "apertium", "identity"). ``model_id(src, dst)``
    names the exact model (engine, package code, version and a file hash where there are files); it goes into
    the translation-memory key and the machine-translation disclosure of every output format.
    """

    engine: str

    def model_id(self, src: str, dst: str) -> str:
        """Stable id of the model that translates ``src`` → ``dst``; raises ModelNotFoundError if none."""
        ...

    def supports(self, src: str, dst: str) -> bool:
        """True when this backend can translate ``src`` → ``dst`` (directly or by pivot)."""
        ...

    def translate_batch(self, texts: list[str], src: str, dst: str) -> list[str]:
        """Translate plain-text segments; returns exactly ``len(texts)`` strings, in order.

        Raises:
            TranslationError: the backend failed; nothing is returned half-translated.
        """
        ...


def engine_for_pair(cfg: Translation, src: str, dst: str) -> str:
    """The engine configured for ``src`` → ``dst``: ``[translation.pairs]["src-dst"]``, else ``engine``."""
    return cfg.pairs.get(f"{src}-{dst}", cfg.engine)


def get_translator(name: str, cfg: Translation) -> Translator:
    """Build the backend called ``name`` from the ``[translation]`` config.

    Loading is lazy: Argos models load on first use and are cached per process, so calling this per run
    is cheap.

    Raises:
        ConfigError: unknown engine name, or a backend whose required settings are missing.
    """
    if name == "argos":
        from syndicate.translate.engines.argos import ArgosTranslator
        return ArgosTranslator(cfg)
    if name == "libretranslate":
        from syndicate.translate.engines.libretranslate import LibreTranslateTranslator
        if not cfg.libretranslate_url:
            raise ConfigError("engine libretranslate needs translation.libretranslate_url",
                              key="translation.libretranslate_url")
        return LibreTranslateTranslator(cfg.libretranslate_url, api_key=cfg.libretranslate_api_key)
    if name == "apertium":
        from syndicate.translate.engines.apertium import ApertiumTranslator
        return ApertiumTranslator()
    if name == "identity":
        from syndicate.translate.engines.identity import IdentityTranslator
        return IdentityTranslator()
    raise ConfigError(f"unknown translation engine {name!r} (known: argos, libretranslate, apertium, identity)",
                      key="translation.engine")
