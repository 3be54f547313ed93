"""Parsing of each config section into the dataclasses of :mod:`syndicate.config`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from syndicate.config import (
    ALL,
    DEVICES,
    ENGINES,
    FORMATS,
    MISFIRE_POLICIES,
    REVIEW_MODES,
    SCHEDULE_KINDS,
    SLUG_PATTERN,
    Category,
    Config,
    Output,
    Partner,
    Push,
    Schedule,
    Server,
    Site,
    Translation,
    _lang,
    _Reader,
    _url,
    parse_interval,
)
from syndicate.errors import ConfigError
from syndicate.model import MACHINE_TRANSLATIONS
from syndicate.net import FetchPolicy

_SUBJ = re.compile(r"subj:[0-9]{8}")


def _path(base_dir: Path, value: str | None) -> Path | None:
    if value is None:
        return None
    p = Path(value).expanduser()
    return p if p.is_absolute() else (base_dir / p).resolve()


def _site(r: _Reader) -> Site:
    r.unknown({"name", "base_url", "feeds_url", "publisher", "rights", "usage_terms", "author", "email", "hub_url",
               "item_url_template"})
    base = _url(r, "base_url", r.get("base_url", str, required=True))
    if not base.endswith("/"):
        base += "/"
    feeds = _url(r, "feeds_url", r.get("feeds_url", str, base + "feeds/"))
    if not feeds.endswith("/"):
        feeds += "/"
    publisher = r.get("publisher", str, required=True)
    hub = r.get("hub_url", str)
    return Site(name=r.get("name", str, required=True), base_url=base, feeds_url=feeds, publisher=publisher,
                rights=r.get("rights", str, f"© {publisher}"), usage_terms=r.get("usage_terms", str, ""),
                author=r.get("author", str, publisher), email=r.get("email", str),
                hub_url=_url(r, "hub_url", hub) if hub else None,
                item_url_template=_item_url_template(r))


ITEM_URL_FIELDS = ("base_url", "lang", "category", "id", "slug")


def _item_url_template(r: _Reader) -> str | None:
    """``[site] item_url_template``: only the known ``{fields}``, checked now rather than at publish time."""
    template = r.get("item_url_template", str)
    if not template:
        return None
    template = str(template)
    try:
        template.format(**{name: "x" for name in ITEM_URL_FIELDS})
    except (KeyError, IndexError, ValueError) as exc:
        fields = ", ".join(ITEM_URL_FIELDS)
        raise r.fail("item_url_template", f"unknown or malformed field {exc} (fields: {fields})") from None
    return template


def _categories(r: _Reader, langs: tuple[str, ...]) -> tuple[Category, ...]:
    items = r.get("categories", list, required=True)
    cats: list[Category] = []
    for i, item in enumerate(items):
        c = _Reader(item if isinstance(item, dict) else {}, r.file, f"categories[{i}].")
        if not isinstance(item, dict):
            raise r.fail(f"categories[{i}]", "must be a table with slug and name")
        c.unknown({"slug", "name", "medtop", "subj"})
        slug = c.get("slug", str, required=True)
        if not SLUG_PATTERN.match(slug) or slug == ALL:
            raise c.fail("slug", f"{slug!r} must be lowercase letters, digits and '-', and not {ALL!r}")
        if any(x.slug == slug for x in cats):
            raise c.fail("slug", f"duplicate category {slug!r}")
        names = c.get("name", (dict, str), slug)
        if isinstance(names, str):
            names = {lang: names for lang in langs}
        for lang, name in names.items():
            _lang(c, f"name.{lang}", lang)
            if not isinstance(name, str) or not name.strip():
                raise c.fail(f"name.{lang}", "must be a non-empty string")
        medtop = c.strings("medtop")
        for code in medtop:
            if not code.startswith("medtop:"):
                raise c.fail("medtop", f"{code!r} must be an IPTC Media Topic qcode like 'medtop:11000000'")
        subj = c.get("subj", str)
        if subj is not None and not _SUBJ.fullmatch(subj):
            raise c.fail("subj", f"{subj!r} must be an IPTC Subject Code qcode like 'subj:11000000'")
        cats.append(Category(slug=slug, names=dict(names), medtop=medtop, subj=subj))
    if not cats:
        raise r.fail("categories", "needs at least one category")
    return tuple(cats)


def _output(r: _Reader, base_dir: Path) -> Output:
    r.unknown({"dir", "formats", "items_per_feed", "path_template", "partners_dir", "stylesheet"})
    formats = r.strings("formats", ("rss", "atom", "json"))
    for f in formats:
        if f not in FORMATS:
            raise r.fail("formats", f"unknown format {f!r} (known: {', '.join(FORMATS)})")
    n = r.get("items_per_feed", int, 50)
    if not 1 <= n <= 1000:
        raise r.fail("items_per_feed", f"must be between 1 and 1000, not {n}")
    template = r.get("path_template", str, "{lang}/{category}/{file}")   # checked in config/safety.py
    out_dir = _path(base_dir, r.get("dir", str, "../feeds"))
    assert out_dir is not None
    return Output(dir=out_dir, formats=formats, items_per_feed=n,
                  path_template=template, partners_dir=_path(base_dir, r.get("partners_dir", str, "../partners")),
                  stylesheet=bool(r.get("stylesheet", bool, False)))


def _store_url(r: _Reader, base_dir: Path) -> str:
    r.unknown({"url"})
    url: str = r.get("url", str, "sqlite:///../var/syndicate.sqlite3")
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////") and url != "sqlite:///:memory:":
        url = "sqlite:///" + str((base_dir / url[len("sqlite:///"):]).resolve())
    if not url.startswith(("sqlite:", "postgresql")):
        raise r.fail("url", f"{url!r}: only sqlite:/// and postgresql+psycopg:// stores are supported")
    return url


def _translation(r: _Reader, base_dir: Path, langs: tuple[str, ...]) -> Translation:
    r.unknown({"targets", "engine", "pairs", "argos_packages_dir", "beam_size", "intra_threads", "max_batch_size",
               "libretranslate_url", "libretranslate_api_key", "device", "compute_type", "inter_threads",
               "review"})
    targets = tuple(_lang(r, "targets", t) for t in r.strings("targets"))
    engine = r.get("engine", str, "argos")
    if engine not in ENGINES:
        raise r.fail("engine", f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    pairs = r.get("pairs", dict, {})
    for pair, eng in pairs.items():
        if pair.count("-") < 1 or eng not in ENGINES:
            raise r.fail(f"pairs.{pair}", f"must map 'src-dst' to one of {', '.join(ENGINES)}")
    lt = r.get("libretranslate_url", str)
    for key in ("beam_size", "intra_threads", "max_batch_size", "inter_threads"):
        if r.get(key, int, 1) < 1:
            raise r.fail(key, "must be at least 1")
    device = r.get("device", str, "auto")
    raw_review = r.data.get("review", "none")
    review = {"default": raw_review} if isinstance(raw_review, str) else raw_review
    if not isinstance(review, dict) or not all(isinstance(v, str) and v in REVIEW_MODES for v in review.values()):
        raise r.fail("review", f"must be one of {', '.join(REVIEW_MODES)}, or a table of languages to one of them")
    if device not in DEVICES:
        raise r.fail("device", f"must be one of {', '.join(DEVICES)}")
    return Translation(targets=targets, engine=engine, pairs=dict(pairs),
                       argos_packages_dir=_path(base_dir, r.get("argos_packages_dir", str)),
                       beam_size=r.get("beam_size", int, 2), intra_threads=r.get("intra_threads", int, 1),
                       max_batch_size=r.get("max_batch_size", int, 64),
                       libretranslate_url=_url(r, "libretranslate_url", lt) if lt else None,
                       libretranslate_api_key=r.get("libretranslate_api_key", str), device=device,
                       compute_type=r.get("compute_type", str, "auto"), inter_threads=r.get("inter_threads", int, 1),
                       review=dict(review))


def _schedules(r: _Reader, cats: tuple[Category, ...], langs: tuple[str, ...], formats: tuple[str, ...]
               ) -> tuple[Schedule, ...]:
    from apscheduler.triggers.cron import CronTrigger

    out: list[Schedule] = []
    slugs = {c.slug for c in cats} | {"all", "*"}
    for name, body in r.data.items():
        if not isinstance(body, dict):
            raise r.fail(name, "must be a table")
        s = _Reader(body, r.file, f"{r.prefix}{name}.")
        s.unknown({"kind", "cron", "interval", "timezone", "misfire", "feeds", "formats", "source", "format",
                   "category", "lang", "keep_days", "translate"})
        kind = s.get("kind", str, required=True)
        if kind not in SCHEDULE_KINDS:
            raise s.fail("kind", f"unknown kind {kind!r} (known: {', '.join(SCHEDULE_KINDS)})")
        tz = s.get("timezone", str, "UTC")
        try:
            zone = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise s.fail("timezone", f"unknown IANA time zone {tz!r}") from None
        cron, interval = s.get("cron", str), s.get("interval", (str, int))
        if (cron is None) == (interval is None):
            raise s.fail("cron", "give exactly one of 'cron' or 'interval'")
        seconds = None
        if cron is not None:
            try:
                CronTrigger.from_crontab(cron, timezone=zone)
            except ValueError as exc:
                raise s.fail("cron", f"bad cron expression {cron!r}: {exc}") from None
        else:
            try:
                seconds = interval if isinstance(interval, int) else parse_interval(interval)
            except ValueError as exc:
                raise s.fail("interval", str(exc)) from None
            if seconds < 1:
                raise s.fail("interval", "must be at least 1 second")
        misfire = s.get("misfire", str, "catch_up")
        if misfire not in MISFIRE_POLICIES:
            raise s.fail("misfire", f"must be one of {', '.join(MISFIRE_POLICIES)}")
        feeds = s.strings("feeds")
        for pattern in feeds:
            lang, _, cat = pattern.partition("/")
            if lang != "*" and lang not in langs:
                raise s.fail("feeds", f"{pattern!r}: unknown language {lang!r}")
            if cat and cat not in slugs:
                raise s.fail("feeds", f"{pattern!r}: unknown category {cat!r}")
        fmts = s.strings("formats")
        for f in fmts:
            if f not in formats:
                raise s.fail("formats", f"{f!r} is not an output format of this site ({', '.join(formats)})")
        source = s.get("source", str)
        if kind == "ingest" and not source:
            raise s.fail("source", "an ingest job needs a source path or URL")
        category = s.get("category", str)
        if category and category not in slugs:
            raise s.fail("category", f"unknown category {category!r}")
        lang = s.get("lang", str)
        if lang:
            _lang(s, "lang", lang)
        out.append(Schedule(name=name, kind=kind, cron=cron, interval_seconds=seconds, timezone=tz,
                            misfire=misfire, feeds=feeds, formats=fmts, source=source,
                            source_format=s.get("format", str, "auto"), category=category, lang=lang,
                            keep_days=s.get("keep_days", int, 30), translate=s.get("translate", bool, True)))
    return tuple(out)


def _partners(r: _Reader, cats: tuple[Category, ...], langs: tuple[str, ...]) -> tuple[Partner, ...]:
    out: list[Partner] = []
    slugs = {c.slug for c in cats} | {"all"}
    for name, body in r.data.items():
        if not isinstance(body, dict):
            raise r.fail(name, "must be a table")
        p = _Reader(body, r.file, f"{r.prefix}{name}.")
        p.unknown({"languages", "categories", "formats", "embargoed", "token_hashes", "push_url", "push_secret",
                   "rate_limit", "html_rendition", "machine_translations", "push_format"})
        for lang in p.strings("languages"):
            if lang not in langs:
                raise p.fail("languages", f"unknown language {lang!r} (site languages: {', '.join(langs)})")
        for cat in p.strings("categories"):
            if cat not in slugs:
                raise p.fail("categories", f"unknown category {cat!r}")
        formats = p.strings("formats", ("newsml",))
        for f in formats:
            if f not in (*FORMATS, "ninjs"):      # ninjs: partner item files, the items API and pushes only
                raise p.fail("formats", f"unknown format {f!r}")
        hashes = _hashes(p, "token_hashes", "syndicate partners token")
        push = p.get("push_url", str)
        if push:
            _url(p, "push_url", push)
        secret = p.get("push_secret", (str, list))
        secrets = tuple([secret] if isinstance(secret, str) else secret or ())
        if not all(isinstance(x, str) and x for x in secrets) or (secret is not None and not secrets):
            raise p.fail("push_secret", "must be a non-empty string or a list of them (old and new while "
                                        "rotating)")
        push_format = p.get("push_format", str, "newsml" if "newsml" in formats else "ninjs")
        if push_format not in ("newsml", "ninjs"):
            raise p.fail("push_format", f"must be newsml or ninjs (got {push_format!r})")
        if push_format not in formats:
            raise p.fail("push_format", f"{push_format} is not among the partner's formats ({', '.join(formats)})")
        machine = p.get("machine_translations", str, "all")
        if machine not in MACHINE_TRANSLATIONS:
            raise p.fail("machine_translations", f"must be one of {', '.join(MACHINE_TRANSLATIONS)} "
                                                 f"(got {machine!r})")
        rate = p.get("rate_limit", int, 60)
        if rate < 1:
            raise p.fail("rate_limit", "must be at least 1 request per minute")
        out.append(Partner(name=name, languages=p.strings("languages"), categories=p.strings("categories"),
                           formats=formats, embargoed=p.get("embargoed", bool, False),
                           token_hashes=hashes, push_url=push, push_secret=secrets[0] if secrets else None,
                           push_secrets=secrets, rate_limit=rate,
                           html_rendition=p.get("html_rendition", bool, False), machine_translations=machine,
                           push_format=push_format))
    return tuple(out)


def _hashes(r: _Reader, key: str, command: str) -> tuple[str, ...]:
    hashes = r.strings(key)
    for h in hashes:
        if len(h) != 64 or any(ch not in "0123456789abcdef" for ch in h):
            raise r.fail(key, f"each must be a sha256 hex digest (see `{command}`)")
    return hashes


def _server(r: _Reader) -> Server:
    r.unknown({"host", "port", "threads", "workers", "operator_token_hashes", "health_max_age", "max_connections",
               "header_timeout"})
    port = r.get("port", int, 8080)
    if not 0 <= port <= 65535:
        raise r.fail("port", f"{port} is not a TCP port")
    threads = r.get("threads", int, 8)
    if threads < 1:
        raise r.fail("threads", "must be at least 1")
    workers = r.get("workers", int, 1)
    if not 1 <= workers <= 64:
        raise r.fail("workers", "must be between 1 and 64")
    max_age = r.get("health_max_age", (int, float), 3600)
    if max_age <= 0:
        raise r.fail("health_max_age", "must be a positive number of seconds")
    connections = r.get("max_connections", int, Server.max_connections)
    if not 16 <= connections <= 1_000_000:
        raise r.fail("max_connections", "must be between 16 and 1000000")
    header_timeout = r.get("header_timeout", (int, float), Server.header_timeout)
    if not 1 <= header_timeout <= 300:
        raise r.fail("header_timeout", "must be between 1 and 300 seconds")
    return Server(host=r.get("host", str, "127.0.0.1"), port=port, threads=threads, workers=workers,
                  operator_token_hashes=_hashes(r, "operator_token_hashes", "syndicate operators token"),
                  health_max_age=float(max_age), max_connections=connections, header_timeout=float(header_timeout))


def _push(r: _Reader) -> Push:
    r.unknown({"base_delay", "max_delay", "max_attempts", "lease", "timeout", "poll_interval"})
    values: dict[str, float] = {}
    for key in ("base_delay", "max_delay", "lease", "timeout", "poll_interval"):
        value = r.get(key, (int, float), getattr(Push, key))
        if value <= 0:
            raise r.fail(key, "must be a positive number of seconds")
        values[key] = float(value)
    attempts = r.get("max_attempts", int, Push.max_attempts)
    if attempts < 1:
        raise r.fail("max_attempts", "must be at least 1")
    return Push(max_attempts=attempts, **values)


def _fetch(r: _Reader) -> FetchPolicy:
    import ipaddress

    r.unknown({"allow_private", "max_redirects", "timeout", "max_bytes", "max_decoded_bytes"})
    allow = r.strings("allow_private")
    for entry in allow:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            if not entry or "/" in entry or ":" in entry or " " in entry:
                raise r.fail("allow_private", f"{entry!r} is neither a host name nor a network like "
                                              f"'10.0.0.0/8'") from None
    redirects = r.get("max_redirects", int, FetchPolicy.max_redirects)
    if not 0 <= redirects <= 20:
        raise r.fail("max_redirects", "must be between 0 and 20")
    timeout = r.get("timeout", (int, float), FetchPolicy.timeout)
    if timeout <= 0:
        raise r.fail("timeout", "must be a positive number of seconds")
    sizes = {key: r.get(key, int, getattr(FetchPolicy, key)) for key in ("max_bytes", "max_decoded_bytes")}
    for key, value in sizes.items():
        if value < 1:
            raise r.fail(key, "must be at least 1 byte")
    return FetchPolicy(allow_private=allow, max_redirects=redirects, timeout=float(timeout), **sizes)


def parse_sections(r: _Reader, base_dir: Path, raw: Mapping[str, Any]) -> Config:
    r.unknown({"site", "languages", "categories", "output", "store", "translation", "schedules", "partners",
               "newsml", "server", "push", "fetch"})
    site = _site(r.table("site"))
    langs_r = r.table("languages")
    langs_r.unknown({"source"})
    langs = tuple(_lang(langs_r, "source", x) for x in langs_r.strings("source", ("en",)))
    if not langs:
        raise langs_r.fail("source", "needs at least one language")
    cats = _categories(r, langs)
    output = _output(r.table("output"), base_dir)
    translation = _translation(r.table("translation"), base_dir, langs)
    all_langs = tuple(dict.fromkeys((*langs, *translation.targets)))
    newsml = r.table("newsml")
    newsml.unknown({"schema"})
    config = Config(path=None if r.file == "<config>" else Path(r.file), site=site, languages=langs,
                    categories=cats, output=output, store_url=_store_url(r.table("store"), base_dir),
                    translation=translation,
                    schedules=_schedules(r.table("schedules"), cats, all_langs, output.formats),
                    partners=_partners(r.table("partners"), cats, all_langs),
                    newsml_schema=_path(base_dir, newsml.get("schema", str)), server=_server(r.table("server")),
                    push=_push(r.table("push")), fetch=_fetch(r.table("fetch")), raw=dict(raw))
    from syndicate.config.safety import refusals

    problems = refusals(config)
    if problems:
        raise ConfigError("refused, this config could publish private files:\n  " + "\n  ".join(problems),
                          file=r.file, refusals=problems)
    return config
