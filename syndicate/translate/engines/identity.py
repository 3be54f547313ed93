"""The ``identity`` engine: returns its input. For demos and pipeline tests only; the output is marked as a
machine translation with model id ``identity`` so it is never mistaken for a real one."""

from __future__ import annotations


class IdentityTranslator:
    """A :class:`~syndicate.translate.engines.base.Translator` that copies each segment."""

    engine = "identity"

    def model_id(self, src: str, dst: str) -> str:
        """Always ``"identity"``."""
        return "identity"

    def supports(self, src: str, dst: str) -> bool:
        """Every pair."""
        return True

    def translate_batch(self, texts: list[str], src: str, dst: str) -> list[str]:
        """The segments unchanged."""
        return list(texts)
