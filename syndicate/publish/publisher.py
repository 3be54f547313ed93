"""Publish orchestration only: spec → select → render → deliver, one feed at a time.

Every feed's outcome is a :class:`~syndicate.model.PublishResult` with the error inside, so one feed's
failure never stops the others. An item that makes a renderer fail is held back (reported as an
:class:`~syndicate.errors.ItemError`) and the feed is rendered without it.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from syndicate.config import ALL, Config, Partner
from syndicate.errors import ItemError, RenderError, SyndicateError
from syndicate.config.layout import build_spec, categories_of, matches
from syndicate.model import Article, FeedItem, FeedKey, FeedSpec, PublishResult
from syndicate.render.base import Renderer, get_renderer
from syndicate.select.feeds import feed_items, select_articles
from syndicate.deliver.files import FileSink
from syndicate.store.base import FeedState
from syndicate.store.sql import SqlStore

if TYPE_CHECKING:
    from syndicate.select.plan import FeedTarget

log = logging.getLogger("syndicate.publish")
#: families remembered during one publish run (each about four articles): bounds the memory whatever the store size
FAMILY_CACHE_SIZE = 2048
ALL_STATUSES = ("usable", "withheld", "canceled")


@dataclass
class PublishReport:
    results: list[PublishResult] = field(default_factory=list)
    held_back: list[ItemError] = field(default_factory=list)
    item_files: int = 0
    skipped: int = 0            # feeds not rendered: their inputs did not change (incremental publishing)
    interrupted: bool = False   # stopped early on request (SIGTERM); the rest stays out of date
    reasons: dict[str, str] = field(default_factory=dict)   # state key -> why it was rendered

    @property
    def written(self) -> list[PublishResult]:
        return [r for r in self.results if r.ok and r.written]

    @property
    def failed(self) -> list[PublishResult]:
        return [r for r in self.results if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.held_back


@dataclass(frozen=True)
class _Unit:
    """One output file to maybe render: where it goes and how."""

    target: "FeedTarget"
    spec: FeedSpec
    sink: FileSink
    renderer: Renderer | None
    prefix: str
    partner: Partner | None


class Publisher:
    """Publishes the feeds of one config from one store into one output folder."""

    def __init__(self, config: Config, store: SqlStore, *, dry_run: bool = False) -> None:
        self.config = config
        self.store = store
        self.dry_run = dry_run
        self.sink = FileSink(config.output.dir)
        self._renderers: dict[str, Renderer] = {}
        self._family_cache: OrderedDict[str, list[Article]] | None = None   # only during publish()
        #: called as ``listener(result, body)`` after a feed's new bytes are durably written (WebSub, push…)
        self.listeners: list[Callable[[PublishResult, bytes], None]] = []

    def renderer(self, fmt: str) -> Renderer:
        if fmt not in self._renderers:
            self._renderers[fmt] = get_renderer(fmt)
        return self._renderers[fmt]

    # -- selection -------------------------------------------------------------------------------------
    def items_for(self, lang: str, category: str, now: datetime, *, public: bool, embargoed: bool = False
                  ) -> list[FeedItem]:
        limit = self.config.output.items_per_feed
        cat = None if category == ALL else category
        statuses = ("usable",) if public else ALL_STATUSES
        # fetch a margin: a machine and a human version of one guid count once after selection
        candidates = self.store.feed_candidates(lang, cat, now, limit * 2 + 10, statuses=statuses,
                                                include_embargoed=embargoed)
        chosen = select_articles(candidates, now, limit, public=public, embargoed=embargoed)
        families = self._family_members([a.family for a in chosen])
        return feed_items(chosen, families, now, public=public, embargoed=embargoed)

    def _family_members(self, families: Sequence[str]) -> dict[str, list[Article]]:
        """``store.family_members``, remembered for the rest of the run by :meth:`publish`: in a full build each
        family is shown in every language's feed. Bounded (least recently used out), and dropped when the run
        ends: data read after the run's plan is at least as new as its watermark, so nothing is missed."""
        cache = self._family_cache
        if cache is None:
            return self.store.family_members(families)
        wanted = list(dict.fromkeys(families))
        out: dict[str, list[Article]] = {}
        for fam in wanted:
            if fam in cache:
                cache.move_to_end(fam)
                out[fam] = cache[fam]
        missing = [f for f in wanted if f not in out]
        if missing:
            fetched = self.store.family_members(missing)
            for fam in missing:
                out[fam] = cache[fam] = fetched.get(fam, [])
            while len(cache) > FAMILY_CACHE_SIZE:
                cache.popitem(last=False)
        return out

    # -- rendering -------------------------------------------------------------------------------------
    def render(self, renderer: Renderer, spec: FeedSpec, items: list[FeedItem], report: PublishReport
               ) -> tuple[bytes, list[FeedItem]]:
        """Render, holding back any item that makes the renderer fail."""
        try:
            return renderer.render(spec, items, self.config.site), items
        except Exception as first:  # noqa: BLE001 - isolate the bad item, then re-raise if none is found
            good: list[FeedItem] = []
            for fi in items:
                try:
                    renderer.render(spec, [fi], self.config.site)
                    good.append(fi)
                except Exception as exc:  # noqa: BLE001
                    err = ItemError(f"cannot render ({type(exc).__name__}: {exc}); held back from {spec.key}",
                                    item=fi.article.id, field="*")
                    report.held_back.append(err)
                    log.error("%s", err)
            if len(good) == len(items):
                raise RenderError("render failed", context=str(spec.key)) from first
            return renderer.render(spec, good, self.config.site), good

    def deliver(self, sink: FileSink, key: FeedKey, path: str, body: bytes, items: int,
                last_modified: datetime | None, now: datetime, state_key: str) -> PublishResult:
        digest = hashlib.sha256(body).hexdigest()
        written = False if self.dry_run else sink.deliver(path, body)
        if not self.dry_run and (written or getattr(self.store.feed_state(state_key), "sha256", None) != digest):
            # also heals a state left stale by a run killed between the write and this record
            self.store.record_feed(FeedState(path=state_key, sha256=digest, size=len(body), items=items,
                                             last_modified=last_modified, written_at=now))
        return PublishResult(key=key, path=path, written=written, items=items, size=len(body), sha256=digest)

    def publish_feed(self, spec: FeedSpec, items: list[FeedItem], now: datetime, report: PublishReport, *,
                     sink: FileSink | None = None, renderer: Renderer | None = None, state_prefix: str = ""
                     ) -> None:
        sink = sink or self.sink
        if spec.key.fmt == "newsml" and not items:
            # a newsMessage needs at least one item (XSD): an empty NewsML feed is simply not written
            report.results.append(PublishResult(key=spec.key, path=spec.path))
            return
        try:
            body, used = self.render(renderer or self.renderer(spec.key.fmt), spec, items, report)
            newest = max((fi.article.modified for fi in used), default=None)
            result = self.deliver(sink, spec.key, spec.path, body, len(used), newest, now,
                                  state_prefix + spec.path)
            if result.written and sink is self.sink:
                for listener in self.listeners:
                    listener(result, body)
            if spec.key.fmt == "newsml":
                report.item_files += self.write_item_files(used, sink, report,
                                                           partner_embargo=getattr(renderer, "partner_embargo", False))
        except SyndicateError as exc:
            result = PublishResult(key=spec.key, path=spec.path, error=exc)
            log.error("feed %s failed: %s", spec.key, exc)
        except Exception as exc:  # noqa: BLE001 - one feed's failure never stops the others
            err = RenderError(f"unexpected {type(exc).__name__}", context=str(spec.key))
            err.__cause__ = exc
            result = PublishResult(key=spec.key, path=spec.path, error=err)
            log.exception("feed %s failed", spec.key)
        report.results.append(result)

    def write_item_files(self, items: Sequence[FeedItem], sink: FileSink, report: PublishReport, *,
                         partner_embargo: bool = False) -> int:
        """One NewsML-G2 file per article version; files are never removed, so every version stays retrievable."""
        from syndicate.render.newsml import item_path, render_item

        count = 0
        for fi in items:
            article = fi.article
            if sink.exists(item_path(article)) or self.dry_run:
                continue
            spec = build_spec(self.config, article.lang, article.category, "newsml")
            for version in self.store.versions(article.id) or [article]:
                path = item_path(version)
                if sink.exists(path):
                    continue
                if version.embargo and not partner_embargo and version.version != article.version:
                    continue  # an old embargoed version is never exposed publicly
                try:
                    body = render_item(FeedItem(version, fi.alternates, fi.original), spec, self.config.site,
                                       partner_embargo=partner_embargo)
                except Exception as exc:  # noqa: BLE001
                    report.held_back.append(ItemError(f"cannot render NewsML-G2 item ({exc})", item=article.id,
                                                      field="*"))
                    continue
                count += sink.deliver(path, body)
        return count

    # -- runs ------------------------------------------------------------------------------------------
    def publish(self, now: datetime, *, feeds: Sequence[str] = (), formats: Sequence[str] | None = None,
                partners: bool = True, full: bool = False, stop: Callable[[], bool] | None = None,
                run_id: int | None = None) -> PublishReport:
        """Render the feeds whose inputs changed since their last good render (all of them with ``full``).

        ``stop()`` is asked before each feed: when it says True the run ends after the file being written,
        with ``report.interrupted`` set. Each good render moves that feed's watermark, so an interrupted
        or killed run loses nothing: the next run renders only what is still out of date.
        """
        self._family_cache = OrderedDict()
        try:
            return self._publish(now, feeds, formats, partners, full, stop, run_id)
        finally:
            self._family_cache = None

    def _publish(self, now: datetime, feeds: Sequence[str], formats: Sequence[str] | None, partners: bool,
                 full: bool, stop: Callable[[], bool] | None, run_id: int | None) -> PublishReport:
        from syndicate.select.plan import Planner

        report = PublishReport()
        units = list(self._units(feeds, formats, partners))
        planner = Planner(self.store)
        plan = planner.plan((u.target for u in units), now, full=full or self.dry_run)
        report.skipped = len(plan.clean)
        public_items: dict[tuple[str, str], list[FeedItem]] = {}
        for unit in units:
            if not plan.needs(unit.target.state_key):
                continue
            if stop is not None and stop():
                report.interrupted = True
                break
            key = unit.target.key
            if unit.partner is not None:
                items = self.items_for(key.lang, key.category, now, public=False, embargoed=unit.partner.embargoed)
            elif key.fmt == "newsml":
                items = self.items_for(key.lang, key.category, now, public=False)
            else:
                scope = (key.lang, key.category)
                if scope not in public_items:
                    public_items = {scope: self.items_for(key.lang, key.category, now, public=True)}
                items = public_items[scope]
            before = len(report.results)
            self.publish_feed(unit.spec, items, now, report, sink=unit.sink, renderer=unit.renderer,
                              state_prefix=unit.prefix)
            result = report.results[before]
            report.reasons[unit.target.state_key] = plan.dirty[unit.target.state_key]
            if result.ok and not self.dry_run:
                planner.record(unit.target, plan.seq, now, result.size if result.sha256 else -1, run_id)
        if not report.interrupted and not feeds and not formats and not self.dry_run and units:
            marks = planner.watermarks()
            oldest = min((marks[u.target.state_key].rendered_at for u in units if u.target.state_key in marks),
                         default=None)
            if oldest is not None and all(u.target.state_key in marks for u in units):
                planner.forget_timers(oldest)
        return report

    def _units(self, feeds: Sequence[str], formats: Sequence[str] | None, partners: bool) -> Iterator["_Unit"]:
        """Every output file of this config (public feeds, then partner NewsML-G2), in a stable order."""
        from syndicate.select.plan import FeedTarget, config_hash

        fmts = [f for f in (formats or self.config.output.formats) if f in self.config.output.formats]
        for lang in self.config.feed_languages:
            for category in categories_of(self.config):
                for fmt in fmts:
                    key = FeedKey(lang, category, fmt)
                    if not matches(key, feeds):
                        continue
                    spec = build_spec(self.config, lang, category, fmt)
                    target = FeedTarget(spec.path, key, self.sink.resolve(spec.path), config_hash(self.config, spec))
                    yield _Unit(target, spec, self.sink, None, "", None)
        if not partners or self.config.output.partners_dir is None:
            return
        from syndicate.render.newsml import NewsMLRenderer

        for partner in self.config.partners:
            if "newsml" not in partner.formats:
                continue
            sink = FileSink(Path(self.config.output.partners_dir) / partner.name)
            renderer = NewsMLRenderer(partner_embargo=partner.embargoed)
            prefix = f"partners/{partner.name}/"
            langs = partner.languages or self.config.feed_languages
            cats = [c for c in categories_of(self.config) if not partner.categories or c in partner.categories]
            for lang in langs:
                for category in cats:
                    key = FeedKey(lang, category, "newsml")
                    if not matches(key, feeds):
                        continue
                    spec = build_spec(self.config, lang, category, "newsml")
                    target = FeedTarget(prefix + spec.path, key, sink.resolve(spec.path),
                                        config_hash(self.config, spec, partner))
                    yield _Unit(target, spec, sink, renderer, prefix, partner)

    def publish_partner(self, partner: Partner, now: datetime, report: PublishReport, *,
                        feeds: Sequence[str] = ()) -> None:
        """NewsML-G2 for one partner under ``<partners_dir>/<name>/``: its languages and categories only,
        embargoed items included (flagged) when the partner receives them early."""
        if "newsml" not in partner.formats or self.config.output.partners_dir is None:
            return
        from syndicate.render.newsml import NewsMLRenderer

        sink = FileSink(Path(self.config.output.partners_dir) / partner.name)
        renderer = NewsMLRenderer(partner_embargo=partner.embargoed)
        langs = partner.languages or self.config.feed_languages
        cats = [c for c in categories_of(self.config) if not partner.categories or c in partner.categories]
        for lang in langs:
            for category in cats:
                if not matches(FeedKey(lang, category, "newsml"), feeds):
                    continue
                spec = build_spec(self.config, lang, category, "newsml")
                items = self.items_for(lang, category, now, public=False, embargoed=partner.embargoed)
                self.publish_feed(spec, items, now, report, sink=sink, renderer=renderer,
                                  state_prefix=f"partners/{partner.name}/")


def publish(config: Config, store: SqlStore, now: datetime, *, feeds: Sequence[str] = (),
            formats: Sequence[str] | None = None, dry_run: bool = False, full: bool = False) -> PublishReport:
    """Publish every configured feed (or those matching ``feeds``) whose inputs changed, as of ``now``.

    Takes no lock: :func:`syndicate.jobs.publish` is the entry point that serialises publishers."""
    return Publisher(config, store, dry_run=dry_run).publish(now, feeds=feeds, formats=formats, full=full)
