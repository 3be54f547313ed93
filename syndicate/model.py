"""Plain data that flows through the pipeline. No I/O here.

Times are always timezone-aware UTC ``datetime`` objects.
"""

from __future__ import annotations

import enum
import hashlib
import json
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache

#: Namespace for the uuid5 guids of article language versions. Never change it: guids are permanent.
GUID_NAMESPACE = uuid.UUID("6f0d4f0e-2d3a-5b8e-9a57-5f0a3c1d2b7e")

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "ckb", "sd", "ug", "dv"})


def text_direction(lang: str) -> str:
    """``"rtl"`` for right-to-left languages (ar, fa, he, ur, …), else ``"ltr"``."""
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


class Status(str, enum.Enum):
    """Publication status, as in NewsML-G2 ``pubStatus`` (stat:usable / stat:withheld / stat:canceled)."""

    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"


class Show(str, enum.Enum):
    """How one article version may be shown to one audience (decided by :mod:`syndicate.select.policy`)."""

    FULL = "full"                       # the version itself
    EMBARGOED = "embargoed"             # the version, flagged with its embargo (partners that get it early)
    WITHHELD_NOTICE = "withheld"        # stat:withheld with a notice instead of the text
    KILL_NOTICE = "kill"                # stat:canceled with a kill notice instead of the text
    HIDDEN = "hidden"                   # not at all

    @property
    def visible(self) -> bool:
        return self is not Show.HIDDEN


class Origin(str, enum.Enum):
    """Where the text of an article language version comes from."""

    ORIGINAL = "original"   # written in this language by the newsroom
    HUMAN = "human"         # a human translation of another article (``translation_of`` set)
    MACHINE = "machine"     # machine-translated by syndicate (``translation_of`` set, engine/model recorded)


# Fields whose change makes a new version. Order matters: it is the order hashed. Never edit this tuple: a
# content field added later goes into LATER_CONTENT_FIELDS.
CONTENT_FIELDS = (
    "lang", "category", "title", "summary", "body_html", "author", "credit", "url",
    "published", "embargo", "status", "translation_of", "correction_note",
)
#: Content fields added after 0.1.0, with their default value. A field is hashed only when it differs from its
#: default, so adding one leaves every stored hash as it was: no article is re-versioned by an upgrade and no
#: partner gets a spurious update.
LATER_CONTENT_FIELDS: dict[str, object] = {}


@dataclass(frozen=True)
class Article:
    """One language version of a news article, as held in the store.

    ``id`` is the store's stable identity. A human translation is its own article with ``translation_of``
    set to the original's id; a machine translation likewise, with ``origin=MACHINE``.
    ``version`` starts at 1 and goes up exactly when :func:`content_hash` changes.
    """

    id: str
    lang: str
    category: str
    title: str
    body_html: str
    published: datetime
    summary: str = ""
    author: str | None = None
    credit: str | None = None
    url: str | None = None
    updated: datetime | None = None          # time of the current version; defaults to ``published``
    embargo: datetime | None = None
    status: Status = Status.USABLE
    translation_of: str | None = None
    correction_note: str | None = None       # set when this version corrects an earlier one
    origin: Origin = Origin.ORIGINAL
    mt_engine: str | None = None             # e.g. "argos"
    mt_model: str | None = None              # e.g. "translate-en_ar-1_0"
    source_version: int | None = None        # version of the original this translation was made from
    version: int = 1
    content_hash: str = ""
    reviewed_by: str | None = None           # editor who approved this machine translation (not content)

    @property
    def modified(self) -> datetime:
        """The time of the current version (``updated`` or ``published``)."""
        return self.updated or self.published

    @property
    def family(self) -> str:
        """Id shared by an article and all its translations (the original's id)."""
        return self.translation_of or self.id

    @property
    def guid(self) -> str:
        """Opaque, permanent guid of this language version: the same in every feed and format."""
        return guid_for(self.family, self.lang)

    @property
    def direction(self) -> str:
        return text_direction(self.lang)

    @property
    def public_at(self) -> datetime:
        """When the public may first see this version: the later of ``published`` and ``embargo``."""
        return max(self.published, self.embargo) if self.embargo is not None else self.published

    @property
    def machine_rank(self) -> int:
        """How machine-made this version's text is (see :data:`MACHINE_TRANSLATIONS`)."""
        return machine_rank(self.origin, self.reviewed_by)

    def with_hash(self) -> Article:
        return replace(self, content_hash=content_hash(self))


#: A partner's ``machine_translations`` agreement -> the highest :func:`machine_rank` it receives: ``none``
#: only text written by people (originals, human translations, editor-revised machine translations),
#: ``reviewed`` also machine translations an editor approved, ``all`` every machine translation published.
MACHINE_TRANSLATIONS: dict[str, int] = {"none": 0, "reviewed": 1, "all": 2}


def machine_rank(origin: Origin | str, reviewed_by: str | None) -> int:
    """0: written or translated by people; 1: machine translation approved by an editor; 2: machine
    translation no editor has approved."""
    if Origin(origin) is not Origin.MACHINE:
        return 0
    return 1 if reviewed_by else 2


@lru_cache(maxsize=65536)
def guid_for(family: str, lang: str) -> str:
    """``urn:uuid:`` guid derived from (original article id, language)."""
    return "urn:uuid:" + str(uuid.uuid5(GUID_NAMESPACE, f"{family}\x1f{lang}"))


def _jsonable(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def content_hash(article: Article) -> str:
    """sha256 over the fields that define a version (see :data:`CONTENT_FIELDS`)."""
    pairs = [[k, _jsonable(getattr(article, k))] for k in CONTENT_FIELDS]
    pairs += [[k, _jsonable(getattr(article, k))] for k, default in LATER_CONTENT_FIELDS.items()
              if getattr(article, k) != default]
    payload = json.dumps(pairs, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True, order=True)
class FeedKey:
    """One public feed: a language, a category slug (or ``"all"``) and a format."""

    lang: str
    category: str
    fmt: str   # "rss" | "atom" | "json" | "newsml"

    def __str__(self) -> str:
        return f"{self.lang}/{self.category}/{self.fmt}"


@dataclass(frozen=True)
class FeedSpec:
    """Everything a renderer needs to know about one feed besides its items."""

    key: FeedKey
    title: str                  # e.g. "Coalition News — Example Newsroom"
    description: str
    path: str                   # output path relative to the output dir, e.g. "en/coalition-news/rss.xml"
    self_url: str               # exact public URL of this file
    home_url: str               # site or section page
    category_name: str | None   # localised category name (None for "all")
    max_items: int = 50
    #: other formats of the same feed: fmt -> public URL (for rel=alternate links between formats)
    alternates: dict[str, str] = field(default_factory=dict)
    #: the same category in other languages: lang -> public URL of the same format
    translations: dict[str, str] = field(default_factory=dict)
    hub_url: str | None = None  # WebSub hub, advertised only when configured
    #: slug -> localised name in this feed's language, for every category (items of an "all" feed vary)
    category_names: dict[str, str] = field(default_factory=dict)
    #: slug -> IPTC Media Topic qcodes mapped in config (NewsML-G2 subjects)
    category_medtop: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: slug -> legacy IPTC Subject Code mapped in config (``subj:04000000``; NewsML-G2 subject)
    category_subj: dict[str, str] = field(default_factory=dict)
    #: NewsML-G2: add the body again as an ``inlineData contenttype="text/html"`` rendition (per partner)
    html_rendition: bool = False
    #: public URL of the category scheme (category qcodes resolve against it)
    category_scheme: str = ""
    #: date of the feed while it has no items: when it first existed (kept in its feed state by the publisher)
    empty_updated: datetime | None = None
    #: href of the XSL stylesheet (``[output] stylesheet = true``): RSS and Atom open readable in a browser
    stylesheet: str | None = None


@dataclass(frozen=True)
class Alternate:
    """Another language version of an item, for ``rel=alternate hreflang`` links."""

    lang: str
    url: str
    title: str = ""


@dataclass(frozen=True)
class Scope:
    """Languages and categories an audience receives; ``None`` = every one."""

    languages: frozenset[str] | None = None
    categories: frozenset[str] | None = None

    def covers(self, lang: str, category: str) -> bool:
        """True when this language and category are inside the scope (``all`` feeds are covered when the
        language is: they hold only the covered categories' items)."""
        if self.languages is not None and lang not in self.languages:
            return False
        return self.categories is None or category == "all" or category in self.categories


@dataclass(frozen=True)
class Audience:
    """Who receives an output: the public, or one partner with its scope, formats and embargo agreement."""

    name: str = "public"                     # "public" or the partner's name
    scope: Scope = field(default_factory=Scope)
    formats: frozenset[str] | None = None    # None = every format
    embargoed: bool = False                  # receives embargoed items early, flagged
    partner: bool = False
    machine_translations: str = "all"        # which machine translations it receives (MACHINE_TRANSLATIONS)

    @property
    def max_machine_rank(self) -> int:
        """The most machine-made version this audience receives (:func:`machine_rank`)."""
        return MACHINE_TRANSLATIONS[self.machine_translations]

    @property
    def is_public(self) -> bool:
        return not self.partner


PUBLIC = Audience()


@dataclass(frozen=True)
class FeedItem:
    """An article version prepared for one audience: how it is shown, when, and its links to other versions."""

    article: Article
    alternates: tuple[Alternate, ...] = ()
    #: for a translation: the original article (its guid, version and headline for derivedFrom links)
    original: Article | None = None
    show: Show = Show.FULL
    #: when the audience could first see it (the later of ``published`` and, for the public, ``embargo``)
    shown_at: datetime | None = None

    @property
    def published(self) -> datetime:
        """The publication date feeds show: when this audience could first see the item."""
        return self.shown_at or self.article.published

    @property
    def updated(self) -> datetime:
        """The modification date feeds show: never before :attr:`published`, so a released item is new."""
        if self.shown_at is None:
            return self.article.modified
        return max(self.article.modified, self.shown_at)


@dataclass(frozen=True)
class PublishResult:
    """Outcome of one feed in a publish run; ``error`` holds the failure as a value."""

    key: FeedKey
    path: str
    written: bool = False       # False when the bytes were unchanged (or dry run)
    items: int = 0
    size: int = 0
    sha256: str = ""
    error: Exception | None = None
    audience: str = "public"    # "public" or the partner's name

    @property
    def ok(self) -> bool:
        return self.error is None
