"""WSGI entry point for external servers: ``syndicate.serve.wsgi:app`` (config from ``$SYNDICATE_CONFIG``)."""

from __future__ import annotations

from typing import Any

from syndicate.config import load_config
from syndicate.serve.app import SyndicateApp


def create_app() -> SyndicateApp:
    """The app of the config named by ``$SYNDICATE_CONFIG`` (or ``config/syndicate.toml``)."""
    return SyndicateApp(load_config())


def __getattr__(name: str) -> Any:   # ``app`` is built on first access, so importing stays cheap
    if name == "app":
        value = create_app()
        globals()["app"] = value
        return value
    raise AttributeError(name)
