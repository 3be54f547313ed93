"""Render and write the feeds of one config from one store: plan → select → render → deliver, one file at a time.

Every feed's outcome is a :class:`~syndicate.model.PublishResult` with the error inside, so one feed's failure
never stops the others. An item that makes a renderer fail is held back alone (an
:class:`~syndicate.errors.ItemError`) and the feed is written without it; if no item of a feed renders, the
feed fails: the old file stays and its watermark does not move, so the items come back once the bug is fixed.

NewsML-G2 item files (one per article version an audience may see, whatever the feed cut) are written from
the delivery change log, per audience, from a cursor (``items:public``, ``items:partner:<name>``).

This module takes no lock and translates nothing: :mod:`syndicate.publish.usecase` is the one entry point.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from syndicate.config import ALL, Config, Partner
from syndicate.config.layout import build_spec, categories_of, matches
from syndicate.deliver.files import FileSink
from syndicate.errors import ItemError, RenderError, SyndicateError
from syndicate.model import PUBLIC, Article, Audience, FeedItem, FeedKey, FeedSpec, PublishResult, Status
from syndicate.render import ninjs, pages
from syndicate.render.base import Renderer, get_renderer
from syndicate.render.newsml import item_path, render_item
from syndicate.render.pages import FeedEntry
from syndicate.select.feeds import select_items, with_links
from syndicate.select.plan import (
    MAX_TRACED_CHANGES,
    FeedTarget,
    Plan,
    config_hash,
    finish,
    first_pass,
    scopes_of_changes,
)
from syndicate.select.policy import Decision, audience_of, decide
from syndicate.store import FeedState, Store, Watermark

log = logging.getLogger("syndicate.publish")
#: families remembered during one publish run (each about four articles): bounds the memory whatever the store size
FAMILY_CACHE_SIZE = 2048
#: change-log entries read per batch when writing item files
ITEM_BATCH = 500


@dataclass
class PublishReport:
    """What one publish did; errors are values inside."""

    results: list[PublishResult] = field(default_factory=list)
    held_back: list[ItemError] = field(default_factory=list)     # items that could not be rendered
    item_files: int = 0
    item_files_removed: int = 0
    feeds_removed: list[str] = field(default_factory=list)
    skipped: int = 0            # feeds not rendered: their inputs did not change (incremental publishing)
    interrupted: bool = False   # stopped early on request (SIGTERM); the rest stays out of date
    reasons: dict[str, str] = field(default_factory=dict)   # state key -> why it was rendered
    pages_written: int = 0      # index pages, OPML and XSL written (unchanged ones are not rewritten)
    page_errors: list[str] = field(default_factory=list)

    @property
    def written(self) -> list[PublishResult]:
        return [r for r in self.results if r.ok and r.written]

    @property
    def failed(self) -> list[PublishResult]:
        return [r for r in self.results if not r.ok]

    @property
    def empty(self) -> int:
        """NewsML-G2 feeds with no item: not written (an empty newsMessage is not valid) nor advertised."""
        return sum(1 for r in self.results if r.ok and not r.written and not r.sha256)

    @property
    def unchanged(self) -> int:
        return sum(1 for r in self.results if r.ok and not r.written and r.sha256)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.held_back


@dataclass(frozen=True)
class Unit:
    """One output file to maybe render: where it goes, for whom, how."""

    target: FeedTarget
    spec: FeedSpec
    sink: FileSink
    audience: Audience
    prefix: str              # state-key prefix ("" public, "partners/<name>/")


class Publisher:
    """Publishes the feeds of one config from one store into its output folders."""

    def __init__(self, config: Config, store: Store, *, dry_run: bool = False) -> None:
        self.config = config
        self.store = store
        self.dry_run = dry_run
        self.sink = FileSink(config.output.dir)
        self._renderers: dict[str, Renderer] = {}
        self._family_cache: OrderedDict[str, list[Article]] | None = None   # only during publish()
        self._site_first: datetime | None = None     # when the site's feeds first existed (empty feeds' date)
        #: called as ``listener(result, body)`` after a public feed's new bytes are durably written (WebSub)
        self.listeners: list[Callable[[PublishResult, bytes], None]] = []

    def renderer(self, fmt: str) -> Renderer:
        if fmt not in self._renderers:
            self._renderers[fmt] = get_renderer(fmt)
        return self._renderers[fmt]

    # -- selection -------------------------------------------------------------------------------------
    def items_for(self, audience: Audience, lang: str, category: str, now: datetime) -> list[FeedItem]:
        """The items of one feed for one audience at ``now``, with their links."""
        limit = self.config.output.items_per_feed
        cat = None if category == ALL else category
        statuses = (Status.USABLE,) if audience.is_public else tuple(Status)
        # fetch a margin: a machine and a human version of one guid count once after selection
        candidates = self.store.articles.feed_candidates(
            lang, cat, now, limit * 2 + 10, statuses=statuses, early=audience.embargoed,
            categories=None if cat is not None else audience.scope.categories)
        unusable = [a.id for a in candidates if a.status is not Status.USABLE]
        history = self.store.articles.versions_of(unusable) if unusable else None
        chosen = select_items(candidates, audience, now, limit, history=history)
        families = self._family_members([fi.article.family for fi in chosen])
        return with_links(chosen, families, audience, now)

    def _family_members(self, families: Sequence[str]) -> dict[str, list[Article]]:
        """``store.articles.family_members``, remembered for the rest of the run by :meth:`publish`: in a full
        build each family is shown in every language's feed. Bounded (least recently used out), and dropped
        when the run ends: data read after the run's plan is at least as new as its watermark."""
        cache = self._family_cache
        if cache is None:
            return self.store.articles.family_members(families)
        wanted = list(dict.fromkeys(families))
        out: dict[str, list[Article]] = {}
        for fam in wanted:
            if fam in cache:
                cache.move_to_end(fam)
                out[fam] = cache[fam]
        missing = [f for f in wanted if f not in out]
        if missing:
            fetched = self.store.articles.family_members(missing)
            for fam in missing:
                out[fam] = cache[fam] = fetched.get(fam, [])
            while len(cache) > FAMILY_CACHE_SIZE:
                cache.popitem(last=False)
        return out

    # -- rendering -------------------------------------------------------------------------------------
    def render(self, renderer: Renderer, spec: FeedSpec, items: list[FeedItem], report: PublishReport
               ) -> tuple[bytes, list[FeedItem]]:
        """Render, holding back any item that makes the renderer fail.

        Raises:
            RenderError: the feed cannot be rendered: no item renders on its own (a bug shared by every item
                fails the feed instead of emptying it), or it fails without any item at fault.
        """
        try:
            return renderer.render(spec, items, self.config.site), items
        except Exception as first:
            good: list[FeedItem] = []
            bad: list[ItemError] = []
            for fi in items:
                try:
                    renderer.render(spec, [fi], self.config.site)
                    good.append(fi)
                except Exception as exc:  # noqa: BLE001
                    bad.append(ItemError(f"cannot render ({type(exc).__name__}: {exc}); held back from {spec.key}",
                                         item=fi.article.id, field="*"))
            if not bad:
                raise RenderError("render failed", context=str(spec.key)) from first
            if not good:
                raise RenderError(f"no item of the feed could be rendered ({len(bad)} tried; first: {bad[0]}); "
                                  "the previous file is kept", context=str(spec.key)) from first
            for err in bad:
                report.held_back.append(err)
                log.error("%s", err)
            return renderer.render(spec, good, self.config.site), good

    def deliver(self, sink: FileSink, key: FeedKey, path: str, body: bytes, items: int,
                last_modified: datetime | None, now: datetime, state_key: str) -> PublishResult:
        digest = hashlib.sha256(body).hexdigest()
        written = False if self.dry_run else sink.deliver(path, body)
        if not self.dry_run:
            state = self.store.feeds.state(state_key)
            if written or state is None or state.sha256 != digest:
                # also heals a state left stale by a run killed between the write and this record
                self.store.feeds.record(FeedState(path=state_key, sha256=digest, size=len(body), items=items,
                                                  last_modified=last_modified, written_at=now))
        return PublishResult(key=key, path=path, written=written, items=items, size=len(body), sha256=digest)

    def first_existed(self, state_key: str, now: datetime) -> datetime:
        """Date of an empty feed: its feed state's ``last_modified`` (when it was first written empty, or its
        newest item's time when it last had items); for a feed without a state yet, when the site's feeds
        first existed (the earliest ``written_at`` of any feed state), else ``now``. Stable: an empty feed keeps
        its bytes from run to run, and a run killed halfway then resumed later dates its remaining empty feeds
        like an uninterrupted run; never 1970."""
        state = self.store.feeds.state(state_key)
        if state is not None and state.last_modified is not None:
            return state.last_modified
        if self._site_first is None:
            self._site_first = min((s.written_at for s in self.store.feeds.states()), default=now)
        return self._site_first

    def publish_feed(self, unit: Unit, items: list[FeedItem], now: datetime, report: PublishReport) -> PublishResult:
        spec = unit.spec
        if spec.key.fmt == "newsml" and not items:
            # a newsMessage needs at least one item (XSD): an empty NewsML feed is simply not written, and the
            # file of a feed that has just become empty is removed (it would still carry a killed story)
            if not self.dry_run and unit.sink.remove_matching(spec.path):
                report.feeds_removed.append(unit.prefix + spec.path)
                log.info("removed %s: the feed has no item to show now", unit.prefix + spec.path)
            result = PublishResult(key=spec.key, path=spec.path, audience=unit.audience.name)
            report.results.append(result)
            return result
        if not items and "newsml" in spec.alternates:
            # ... and therefore not advertised by an empty feed of another format
            spec = replace(spec, alternates={f: u for f, u in spec.alternates.items() if f != "newsml"})
        if not items:
            spec = replace(spec, empty_updated=self.first_existed(unit.prefix + spec.path, now))
        try:
            body, used = self.render(self.renderer(spec.key.fmt), spec, items, report)
            newest = max((fi.updated for fi in used), default=spec.empty_updated)
            result = replace(self.deliver(unit.sink, spec.key, spec.path, body, len(used), newest, now,
                                          unit.prefix + spec.path), audience=unit.audience.name)
            if result.written and unit.audience.is_public:
                for listener in self.listeners:
                    listener(result, body)
        except SyndicateError as exc:
            result = PublishResult(key=spec.key, path=spec.path, error=exc, audience=unit.audience.name)
            log.error("feed %s failed: %s", spec.key, exc)
        except Exception as exc:
            err = RenderError(f"unexpected {type(exc).__name__}", context=str(spec.key))
            err.__cause__ = exc
            result = PublishResult(key=spec.key, path=spec.path, error=err, audience=unit.audience.name)
            log.exception("feed %s failed", spec.key)
        report.results.append(result)
        return result

    # -- item files ------------------------------------------------------------------------------------
    def item_audiences(self) -> Iterator[tuple[str, Audience, FileSink, str]]:
        """(cursor name, audience, sink, format) of every audience that gets item files: NewsML-G2, and ninjs
        for partners that asked for it (written beside their NewsML-G2 files, with a cursor of its own)."""
        if "newsml" in self.config.output.formats:
            yield "items:public", PUBLIC, self.sink, "newsml"
        if self.config.output.partners_dir is not None:
            for partner in self.config.partners:
                sink = FileSink(Path(self.config.output.partners_dir) / partner.name)
                if "newsml" in partner.formats:
                    yield f"items:partner:{partner.name}", audience_of(partner), sink, "newsml"
                if "ninjs" in partner.formats:
                    yield f"items-ninjs:partner:{partner.name}", audience_of(partner), sink, "ninjs"

    def write_item_files(self, now: datetime, report: PublishReport, *, full: bool = False) -> None:
        """One NewsML-G2 file per article version each audience may see, from the change log (run
        :func:`syndicate.deliver.sync_changes` first). Files are never rewritten; ``full`` looks at every
        version again (and writes what is missing). A kill or withholding removes the public files of the
        article (partners get the notice instead)."""
        for cursor_name, audience, sink, fmt in self.item_audiences():
            cursor = None if full else self.store.feeds.cursor(cursor_name)
            since = cursor.seq if cursor is not None else 0
            while True:
                top, entries = self.store.delivery.entries(early=audience.embargoed, since=since, limit=ITEM_BATCH,
                                                           scope=audience.scope)
                self._item_batch([e.article for e in entries], audience, sink, now, report, upto=top, fmt=fmt)
                if len(entries) < ITEM_BATCH:
                    since = max(since, top)
                    break
                since = entries[-1].cursor
            self.store.feeds.set_cursor(cursor_name, since, now)

    def _item_batch(self, versions: list[Article], audience: Audience, sink: FileSink, now: datetime,
                    report: PublishReport, *, upto: int, fmt: str = "newsml") -> None:
        """Item files of one batch of released versions (in cursor order) for one audience.

        For the public, a withheld or canceled version removes the files of the article's versions up to it,
        and an earlier version is never written once a later one was withheld or killed: whether a publish
        goes version by version or looks at the whole history at once (``--full``), the same files remain.
        """
        path_of, render_of = (ninjs.item_path, ninjs.render_ninjs) if fmt == "ninjs" else (item_path, render_item)
        notices = [(v.id, v.version) for v in versions if v.status is not Status.USABLE]
        before = (self.store.delivery.shown_before(notices, early=audience.embargoed, upto=upto,
                                                  max_rank=audience.max_machine_rank) if notices else set())
        stopped = self.store.delivery.last_unusable({v.id for v in versions}, upto=upto) if audience.is_public else {}
        shown: list[tuple[Article, Decision]] = []
        for version in versions:
            if audience.is_public and version.status is not Status.USABLE:
                report.item_files_removed += _remove_versions_upto(sink, version)
                continue
            if stopped.get(version.id, 0) > version.version:
                continue
            decision = decide(version, audience, now, fmt=fmt,
                              shown_before=(version.id, version.version) in before)
            if decision.visible and not sink.exists(path_of(version)):
                shown.append((version, decision))
        if not shown:
            return
        partner = next((p for p in self.config.partners if p.name == audience.name), None) if audience.partner else None
        families = self._family_members([v.family for v, _ in shown])
        items = with_links([FeedItem(article=v, show=d.show, shown_at=d.at) for v, d in shown], families,
                           audience, now)
        specs: dict[tuple[str, str], FeedSpec] = {}
        files: list[tuple[str, bytes]] = []
        for fi in items:
            scope = (fi.article.lang, fi.article.category)
            if scope not in specs:
                specs[scope] = build_spec(self.config, fi.article.lang, fi.article.category, "newsml",
                                           partner)
            try:
                files.append((path_of(fi.article), render_of(fi, specs[scope], self.config.site)))
            except Exception as exc:  # noqa: BLE001 - one bad version never stops the others
                what = "ninjs document" if fmt == "ninjs" else "NewsML-G2 item"
                report.held_back.append(ItemError(f"cannot render {what} ({exc})", item=fi.article.id, field="*"))
        report.item_files += sink.deliver_many(files)

    # -- runs ------------------------------------------------------------------------------------------
    def publish(self, now: datetime, *, feeds: Sequence[str] = (), formats: Sequence[str] | None = None,
                partners: bool = True, full: bool = False, stop: Callable[[], bool] | None = None,
                run_id: int | None = None, report: PublishReport | None = None) -> PublishReport:
        """Render the feeds whose inputs changed since their last good render (all of them with ``full``),
        then the item files (when every feed is covered and NewsML-G2 is published).

        ``stop()`` is asked before each feed: when it says True the run ends after the file being written,
        with ``report.interrupted`` set. Each good render moves that feed's watermark, so an interrupted
        or killed run loses nothing: the next run renders only what is still out of date.
        """
        self._family_cache = OrderedDict()
        self._site_first = None
        try:
            return self._publish(now, feeds, formats, partners, full, stop, run_id, report or PublishReport())
        finally:
            self._family_cache = None

    def _plan(self, units: list[Unit], now: datetime, full: bool) -> Plan:
        store = self.store
        seq = store.articles.max_seq()
        store.feeds.sync_timers(seq, now, store.articles.future_visibility)
        pending = first_pass((u.target for u in units), store.feeds.watermarks(), seq, now, full=full)
        if not pending.candidates:
            return pending.plan
        low = pending.low_seq
        changes = store.articles.changes_since(low, seq, limit=MAX_TRACED_CHANGES + 1) if low < seq else []
        scopes = None
        if len(changes) <= MAX_TRACED_CHANGES:
            moved = [c for c in changes if c.version > 1]
            scopes = scopes_of_changes(
                changes, store.articles.family_scopes(c.family for c in changes),
                store.articles.categories_before((c.id for c in moved), min((c.seq for c in moved), default=0)))
        since = pending.since
        due = store.feeds.due_timers(since, now) if since is not None else []
        return finish(pending, scopes, due)

    def _publish(self, now: datetime, feeds: Sequence[str], formats: Sequence[str] | None, partners: bool,
                 full: bool, stop: Callable[[], bool] | None, run_id: int | None,
                 report: PublishReport) -> PublishReport:
        units = list(self.units(feeds, formats, partners))
        plan = self._plan(units, now, full or self.dry_run)
        report.skipped = len(plan.clean)
        cached: dict[tuple[str, str, str], list[FeedItem]] = {}
        for unit in units:
            if not plan.needs(unit.target.state_key):
                continue
            if stop is not None and stop():
                report.interrupted = True
                break
            key = unit.target.key
            scope = (unit.audience.name, key.lang, key.category)
            if scope not in cached:
                cached = {scope: self.items_for(unit.audience, key.lang, key.category, now)}
            result = self.publish_feed(unit, cached[scope], now, report)
            report.reasons[unit.target.state_key] = plan.dirty[unit.target.state_key]
            if result.ok and not self.dry_run:
                self.store.feeds.record_watermark(Watermark(
                    path=unit.target.state_key, seq=plan.seq, config_hash=unit.target.config_hash,
                    rendered_at=now, size=result.size if result.sha256 else -1, run_id=run_id))
        every_feed = not feeds and not formats
        if not report.interrupted and every_feed and not self.dry_run:
            self.write_item_files(now, report, full=full)
            self.write_pages(report)
            if units:
                marks = self.store.feeds.watermarks()
                if all(u.target.state_key in marks for u in units):
                    self.store.feeds.forget_timers(min(marks[u.target.state_key].rendered_at for u in units))
        return report

    def write_pages(self, report: PublishReport) -> None:
        """The front door (:mod:`syndicate.render.pages`): ``index.html`` at the output root and per language,
        ``feeds.opml`` and, with ``[output] stylesheet``, ``feed.xsl``; listing only feed files that exist.
        Atomic and skipped when unchanged, like the feeds. A failure is reported, never fatal to the feeds."""
        config = self.config
        root = Path(config.output.dir)
        entries: list[FeedEntry] = []
        for lang in config.feed_languages:
            for category in categories_of(config):
                specs = [build_spec(config, lang, category, fmt) for fmt in config.output.formats]
                files = tuple((s.key.fmt, s.self_url) for s in specs if (root / s.path).is_file())
                if files:
                    first = specs[0]
                    entries.append(FeedEntry(lang=lang, category=category, name=first.category_name or
                                             first.title.split(" — ")[0], title=first.title,
                                             home_url=first.home_url, files=files))
        base = config.site.feeds_url
        languages = [(lang, f"{base}{lang}/{pages.INDEX}") for lang in config.feed_languages
                     if any(e.lang == lang for e in entries)]
        first_lang = config.feed_languages[0] if config.feed_languages else "en"
        out: list[tuple[str, bytes]] = [
            (pages.INDEX, pages.index_html(config.site.name, entries, lang=first_lang, languages=languages,
                                           opml_url=base + pages.OPML, root_url=None)),
            (pages.OPML, pages.opml(config.site.name, entries))]
        for lang, _ in languages:
            out.append((f"{lang}/{pages.INDEX}",
                        pages.index_html(config.site.name, [e for e in entries if e.lang == lang], lang=lang,
                                         languages=languages, opml_url=base + pages.OPML,
                                         root_url=base + pages.INDEX)))
        if config.output.stylesheet:
            out.append((pages.XSL, pages.feed_xsl()))
        for path, body in out:
            try:
                written = self.sink.deliver(path, body)
            except SyndicateError as exc:
                log.error("page %s failed: %s", path, exc)
                report.page_errors.append(f"{path}: {exc}")
                continue
            if written:
                report.pages_written += 1

    def units(self, feeds: Sequence[str] = (), formats: Sequence[str] | None = None, partners: bool = True
              ) -> Iterator[Unit]:
        """Every output file of this config (public feeds, then partner NewsML-G2), in a stable order."""
        fmts = [f for f in (formats or self.config.output.formats) if f in self.config.output.formats]
        for lang in self.config.feed_languages:
            for category in categories_of(self.config):
                for fmt in fmts:
                    key = FeedKey(lang, category, fmt)
                    if matches(key, feeds):
                        spec = build_spec(self.config, lang, category, fmt)
                        yield Unit(self._target(spec.path, key, self.sink, config_hash(self.config, spec)),
                                   spec, self.sink, PUBLIC, "")
        if not partners or self.config.output.partners_dir is None or (formats and "newsml" not in formats):
            return
        for partner in self.config.partners:
            yield from self._partner_units(partner, feeds)

    def _partner_units(self, partner: Partner, feeds: Sequence[str]) -> Iterator[Unit]:
        audience = audience_of(partner)
        if "newsml" not in partner.formats or self.config.output.partners_dir is None:
            return
        sink = FileSink(Path(self.config.output.partners_dir) / partner.name)
        prefix = f"partners/{partner.name}/"
        for lang in self.config.feed_languages:
            for category in categories_of(self.config):
                key = FeedKey(lang, category, "newsml")
                if not audience.scope.covers(lang, category) or not matches(key, feeds):
                    continue
                spec = build_spec(self.config, lang, category, "newsml", partner)
                yield Unit(self._target(prefix + spec.path, key, sink, config_hash(self.config, spec, partner)),
                           spec, sink, audience, prefix)

    @staticmethod
    def _target(state_key: str, key: FeedKey, sink: FileSink, digest: str) -> FeedTarget:
        try:
            size: int | None = sink.resolve(key_path(state_key)).stat().st_size
        except OSError:
            size = None
        return FeedTarget(state_key, key, digest, size)


def _remove_versions_upto(sink: FileSink, version: Article) -> int:
    """Remove the public item files of ``version``'s article up to it (a withdrawal or kill: the public keeps no
    file of the story, and never had one of this version unless an older release wrote it)."""
    stem = item_path(version).rsplit("-v", 1)[0]
    count = 0
    for old in range(1, version.version + 1):
        count += sink.remove_matching(f"{stem}-v{old}.xml")
    return count


def key_path(state_key: str) -> str:
    """The path under a sink of a state key (``partners/<name>/`` prefixes dropped)."""
    if state_key.startswith("partners/"):
        return state_key.split("/", 2)[2]
    return state_key
