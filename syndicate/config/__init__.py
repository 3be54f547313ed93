"""Configuration: TOML file → typed, validated :class:`Config`.

Layers, later wins: built-in defaults ← the TOML file ← ``SYNDICATE_*`` environment variables ← CLI flags.
Relative paths (output dir, SQLite file, schema paths) are resolved against the config file's folder.
Every error names the file, the key and what is wrong (:class:`~syndicate.errors.ConfigError`).
See ``README.md`` (Configuration reference) for every key.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from syndicate.errors import ConfigError
from syndicate.net import FetchPolicy
from syndicate.redact import is_secret_name
from syndicate.urls import BadUrl, to_uri

DEFAULT_CONFIG_PATH = Path("config/syndicate.toml")
FORMATS = ("rss", "atom", "json", "newsml")
SCHEDULE_KINDS = ("publish", "ingest", "translate", "prune")
MISFIRE_POLICIES = ("catch_up", "skip")
ENGINES = ("argos", "libretranslate", "apertium", "identity")
DEVICES = ("auto", "cpu", "cuda")
REVIEW_MODES = ("none", "required")
ALL = "all"
#: a BCP 47 language tag as configured (``en``, ``ar``, ``pt-BR``)
LANG_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
#: a category slug
SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_INTERVAL = re.compile(r"^(\d+)\s*(s|m|h|d)$")


@dataclass(frozen=True)
class Site:
    name: str
    base_url: str
    feeds_url: str                  # public URL of the output directory, ends with "/"
    publisher: str
    rights: str
    usage_terms: str = ""
    author: str = ""                # feed-level author name (Atom needs one); defaults to publisher
    email: str | None = None
    hub_url: str | None = None      # WebSub hub, advertised only if pinged (see delivery)
    item_url_template: str | None = None   # link of items without url, e.g. "{base_url}{lang}/{category}/{slug}"

    @property
    def domain(self) -> str:
        return urlsplit(self.base_url).hostname or "localhost"


@dataclass(frozen=True)
class Category:
    slug: str
    names: Mapping[str, str]        # lang -> localised name
    medtop: tuple[str, ...] = ()    # optional IPTC Media Topic qcodes, e.g. "medtop:11000000"
    subj: str | None = None         # optional legacy IPTC Subject Code, e.g. "subj:11000000"

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or next(iter(self.names.values()), self.slug)


@dataclass(frozen=True)
class Output:
    dir: Path
    formats: tuple[str, ...] = ("rss", "atom", "json")
    items_per_feed: int = 50
    #: layout of feed files under the output dir; placeholders {lang} {category} {file}
    path_template: str = "{lang}/{category}/{file}"
    #: NewsML-G2 for partners (not public): <partners_dir>/<partner>/<lang>/<category>/newsml.xml
    partners_dir: Path | None = None
    #: write feed.xsl and link it from RSS and Atom, so a feed opened in a browser is readable
    stylesheet: bool = False


@dataclass(frozen=True)
class Schedule:
    name: str
    kind: str
    cron: str | None = None
    interval_seconds: int | None = None
    timezone: str = "UTC"
    misfire: str = "catch_up"
    feeds: tuple[str, ...] = ()     # publish: "lang/category" patterns, "*" allowed; empty = all
    formats: tuple[str, ...] = ()   # publish: subset of output formats; empty = all
    source: str | None = None       # ingest: path or URL
    source_format: str = "auto"     # ingest
    category: str | None = None     # ingest: default category
    lang: str | None = None         # ingest: default language
    keep_days: int = 30             # prune
    translate: bool = True          # publish: machine-translate what is pending first


@dataclass(frozen=True)
class Partner:
    name: str
    languages: tuple[str, ...] = ()     # empty = all
    categories: tuple[str, ...] = ()    # empty = all
    formats: tuple[str, ...] = ("newsml",)
    embargoed: bool = False             # receives embargoed items early, flagged
    token_hashes: tuple[str, ...] = ()  # sha256 hex of pull tokens
    push_url: str | None = None
    push_secret: str | None = None      # the first of push_secrets (kept for callers of one secret)
    push_secrets: tuple[str, ...] = ()  # every delivery is signed with each (rotation: old and new)
    rate_limit: int = 60                # requests per minute
    html_rendition: bool = False        # NewsML-G2: add the body as inlineData text/html too
    push_format: str = "newsml"         # what a push carries: "newsml" (newsMessage) or "ninjs" (one document)
    machine_translations: str = "all"   # "all" | "reviewed" (approved by an editor) | "none" (people's text only)


@dataclass(frozen=True)
class Translation:
    targets: tuple[str, ...] = ()               # languages to machine-translate into
    engine: str = "argos"                       # default engine
    pairs: Mapping[str, str] = field(default_factory=dict)   # "en-ar" -> engine
    argos_packages_dir: Path | None = None
    beam_size: int = 2
    intra_threads: int = 1
    max_batch_size: int = 64
    libretranslate_url: str | None = None
    libretranslate_api_key: str | None = None
    device: str = "auto"                        # argos: "auto" (CUDA when CTranslate2 sees a GPU), "cpu", "cuda"
    compute_type: str = "auto"                  # argos: "auto" = int8 on CPU, CTranslate2's choice on CUDA
    inter_threads: int = 1                      # argos: parallel CTranslate2 batches (large backfills)
    review: Mapping[str, str] = field(default_factory=dict)   # {"default"|lang: "none"|"required"}

    def review_required(self, dst: str) -> bool:
        """Whether machine translations into ``dst`` wait for an editor before they are public."""
        return self.review.get(dst, self.review.get("default", "none")) == "required"


@dataclass(frozen=True)
class Server:
    """`syndicate serve`: where to listen and how (see syndicate/serve)."""

    host: str = "127.0.0.1"
    port: int = 8080
    threads: int = 8
    workers: int = 1                    # pre-forked server processes (each with ``threads`` threads)
    operator_token_hashes: tuple[str, ...] = ()  # sha256 hex of operator tokens (/admin/, /metrics)
    health_max_age: float = 3600.0      # /healthz fails when the last successful publish is older (seconds)
    max_connections: int = 4096         # open connections per worker process (granian backpressure)
    header_timeout: float = 10.0        # seconds to send a request's headers, and to idle between requests


@dataclass(frozen=True)
class Push:
    """Push delivery to partners (see syndicate/delivery): backoff, lease and timeouts, in seconds."""

    base_delay: float = 60.0            # first retry after this; doubles per attempt
    max_delay: float = 3600.0           # backoff cap
    max_attempts: int = 10              # then the item is failed
    lease: float = 120.0                # a claimed item returns to the queue if its worker is silent this long
    timeout: float = 30.0               # HTTP read timeout (connect timeout is min(5, timeout))
    poll_interval: float = 5.0          # idle worker sleeps this long between queue scans


@dataclass(frozen=True)
class Config:
    path: Path | None
    site: Site
    languages: tuple[str, ...]          # source languages of the newsroom
    categories: tuple[Category, ...]
    output: Output
    store_url: str
    translation: Translation = field(default_factory=Translation)
    schedules: tuple[Schedule, ...] = ()
    partners: tuple[Partner, ...] = ()
    newsml_schema: Path | None = None
    server: Server = field(default_factory=Server)
    push: Push = field(default_factory=Push)
    fetch: FetchPolicy = field(default_factory=FetchPolicy)   # [fetch]: redirects, deadline, size limits
    raw: Mapping[str, Any] = field(default_factory=dict)

    @property
    def feed_languages(self) -> tuple[str, ...]:
        """Languages that get feeds: source languages, then machine-translation targets."""
        seen: list[str] = []
        for lang in (*self.languages, *self.translation.targets):
            if lang not in seen:
                seen.append(lang)
        return tuple(seen)

    def category(self, slug: str) -> Category | None:
        return next((c for c in self.categories if c.slug == slug), None)


class _Reader:
    """Typed access to one TOML table with errors that name the file and dotted key."""

    def __init__(self, data: Mapping[str, Any], file: str, prefix: str = "") -> None:
        self.data, self.file, self.prefix = data, file, prefix

    def key(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def fail(self, name: str, message: str) -> ConfigError:
        return ConfigError(message, file=self.file, key=self.key(name))

    def get(self, name: str, kind: type | tuple[type, ...], default: Any = None, required: bool = False) -> Any:
        if name not in self.data:
            if required:
                raise self.fail(name, "is required")
            return default
        value = self.data[name]
        if (kind is bool and not isinstance(value, bool)) or not isinstance(value, kind) or (
                kind is int and isinstance(value, bool)):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            shown = "" if is_secret_name(name) else f" {value!r}"    # never echo a secret's value
            raise self.fail(name, f"must be a {names}, not {type(value).__name__}{shown}")
        return value

    def strings(self, name: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        value = self.get(name, (list, str), list(default))
        if isinstance(value, str):
            value = [value]
        if not all(isinstance(v, str) for v in value):
            raise self.fail(name, "must be a list of strings")
        return tuple(value)

    def table(self, name: str) -> _Reader:
        return _Reader(self.get(name, dict, {}), self.file, f"{self.prefix}{name}.")

    def unknown(self, allowed: set[str]) -> None:
        extra = sorted(set(self.data) - allowed)
        if extra:
            raise self.fail(extra[0], f"unknown key (allowed: {', '.join(sorted(allowed))})")


def _lang(reader: _Reader, name: str, value: str) -> str:
    if not LANG_PATTERN.match(value):
        raise reader.fail(name, f"{value!r} is not a BCP 47 language tag (e.g. 'en', 'ar', 'pt-BR')")
    return value


def _url(reader: _Reader, name: str, value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise reader.fail(name, f"{value!r} is not an absolute http(s) URL")
    try:
        return to_uri(value)       # an IRI (IDN host, Arabic path) is written as the URI it names
    except BadUrl as exc:
        raise reader.fail(name, str(exc)) from None


def parse_interval(text: str) -> int:
    match = _INTERVAL.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not an interval like '90s', '15m', '2h' or '1d'")
    return int(match.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


def _env_overrides(env: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """``SYNDICATE_STORE_URL`` → ``{"store": {"url": ...}}``; only string-valued leaf keys."""
    known = {"STORE_URL": ("store", "url"), "OUTPUT_DIR": ("output", "dir"),
             "SITE_BASE_URL": ("site", "base_url"), "SITE_FEEDS_URL": ("site", "feeds_url"),
             "NEWSML_SCHEMA": ("newsml", "schema"), "ARGOS_PACKAGES_DIR": ("translation", "argos_packages_dir"),
             "LIBRETRANSLATE_URL": ("translation", "libretranslate_url"),
             "LIBRETRANSLATE_API_KEY": ("translation", "libretranslate_api_key")}
    out: dict[str, dict[str, Any]] = {}
    for suffix, (section, key) in known.items():
        value = env.get(f"SYNDICATE_{suffix}")
        if value:
            out.setdefault(section, {})[key] = value
    return out


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


def load_config(path: str | os.PathLike[str] | None = None, *, env: Mapping[str, str] | None = None,
                overrides: Mapping[str, Any] | None = None) -> Config:
    """Load and validate the config. ``path`` defaults to ``$SYNDICATE_CONFIG`` or ``config/syndicate.toml``."""
    env = os.environ if env is None else env
    cfg_path = Path(path or env.get("SYNDICATE_CONFIG") or DEFAULT_CONFIG_PATH)
    try:
        data = tomllib.loads(cfg_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("config file not found (run `syndicate init` to create one)", file=str(cfg_path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", file=str(cfg_path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", file=str(cfg_path)) from None
    data = _merge(data, _env_overrides(env))
    if overrides:
        data = _merge(data, overrides)
    return parse_config(data, file=str(cfg_path), base_dir=cfg_path.resolve().parent)


def parse_config(data: Mapping[str, Any], *, file: str = "<config>", base_dir: Path | None = None) -> Config:
    from syndicate.config.sections import parse_sections  # one module per concern keeps this file short
    return parse_sections(_Reader(data, file), base_dir or Path.cwd(), data)
