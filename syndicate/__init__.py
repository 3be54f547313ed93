"""syndicate: multilingual news syndication publisher (RSS 2.0, Atom, JSON Feed, NewsML-G2)."""

from syndicate.errors import SyndicateError
from syndicate.model import Article, FeedKey, FeedSpec, Origin, PublishResult, Status

__version__ = "0.2.0"
__all__ = ["Article", "FeedKey", "FeedSpec", "Origin", "PublishResult", "Status",
           "SyndicateError", "__version__"]
