"""``syndicate serve``: public feeds, partner feeds and the incremental NewsML-G2 API over waitress."""

from __future__ import annotations

from syndicate.serve.app import SyndicateApp
from syndicate.serve.run import serve

__all__ = ["SyndicateApp", "serve"]
