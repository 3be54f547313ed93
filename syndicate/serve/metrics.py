"""``/metrics`` (Prometheus text format, behind operator tokens) and ``/healthz`` (for load balancers).

Every value is read from the store at scrape time, so every server worker answers the same and nothing is lost
when the server restarts; the numbers are those of the run ledger, feed state and push queue that
``syndicate status`` shows. Series::

    syndicate_up                                          1 when the store answered this scrape
    syndicate_runs_total{job,kind,result}                 runs in the ledger by outcome (pruned with the ledger)
    syndicate_publish_duration_seconds{job}               summary over finished successful publish runs
    syndicate_last_successful_publish_timestamp_seconds   newest successful publish (run or feed render)
    syndicate_feeds_written                               output files with recorded bytes
    syndicate_feed_items{path} / syndicate_feed_bytes{path}
    syndicate_items_held_back{reason}                     what the public cannot see now, by policy reason
    syndicate_translations_pending{lang}                  translations each target language waits for
    syndicate_push_queue{partner,state}                   partner push queue rows by state

``/healthz`` answers ``200`` with a JSON body when the store is reachable and the last successful publish is
younger than ``[server] health_max_age`` seconds, else ``503`` with the reason. It shows no names or secrets.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from prometheus_client.core import CollectorRegistry, CounterMetricFamily, GaugeMetricFamily, SummaryMetricFamily
from prometheus_client.exposition import generate_latest
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

from syndicate.config import Config
from syndicate.errors import SyndicateError
from syndicate.model import PUBLIC
from syndicate.select.policy import decide
from syndicate.store import Store
from syndicate.store.delivery import STATES
from syndicate.times import iso
from syndicate.translate.usecase import pending_counts

log = logging.getLogger("syndicate.server")
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def last_successful_publish(store: Store) -> datetime | None:
    """When the last publish succeeded: the newest successful ``publish`` run of the scheduler, or the newest
    good render of a feed (``syndicate publish`` run by hand records no run)."""
    run = store.runs.last_finished("publish")
    rendered = store.feeds.last_rendered()
    times = [t for t in (run.finished if run else None, rendered) if t is not None]
    return max(times) if times else None


class _StoreCollector(Collector):
    def __init__(self, config: Config, store: Store, now: datetime) -> None:
        self.config, self.store, self.now = config, store, now

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("syndicate_up", "1 when the store answered this scrape")
        try:
            families = list(self._families())
        except SyndicateError as exc:
            log.error("/metrics: %s", exc)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from families

    def _families(self) -> Iterator[Metric]:
        store, now = self.store, self.now
        runs = CounterMetricFamily("syndicate_runs", "Runs in the job ledger by job, kind and result",
                                   labels=["job", "kind", "result"])
        for job, kind, status, count in store.runs.totals():
            runs.add_metric([job, kind, status], count)
        yield runs
        duration = SummaryMetricFamily("syndicate_publish_duration_seconds",
                                       "Duration of successful publish runs in the ledger", labels=["job"])
        for job, values in sorted(store.runs.durations("publish").items()):
            duration.add_metric([job], count_value=len(values), sum_value=sum(values))
        yield duration
        last = GaugeMetricFamily("syndicate_last_successful_publish_timestamp_seconds",
                                 "Unix time of the last successful publish (0: never)")
        when = last_successful_publish(store)
        last.add_metric([], when.timestamp() if when else 0.0)
        yield last
        states = store.feeds.states()
        written = GaugeMetricFamily("syndicate_feeds_written", "Output files with recorded bytes")
        written.add_metric([], len(states))
        yield written
        items = GaugeMetricFamily("syndicate_feed_items", "Items in the last bytes of each output file",
                                  labels=["path"])
        size = GaugeMetricFamily("syndicate_feed_bytes", "Size of the last bytes of each output file",
                                 labels=["path"])
        for s in states:
            items.add_metric([s.path], s.items)
            size.add_metric([s.path], s.size)
        yield items
        yield size
        held = GaugeMetricFamily("syndicate_items_held_back", "Articles the public cannot see now, by reason",
                                 labels=["reason"])
        counts = {"embargoed": 0, "scheduled": 0, "withheld": 0, "canceled": 0}
        for article in store.articles.not_public(now):
            decision = decide(article, PUBLIC, now)
            if not decision.visible:
                counts[decision.reason] = counts.get(decision.reason, 0) + 1
        for reason, n in sorted(counts.items()):
            held.add_metric([reason], n)
        yield held
        pending = GaugeMetricFamily("syndicate_translations_pending", "Translations waiting, by target language",
                                    labels=["lang"])
        if self.config.translation.targets:
            for lang, n in sorted(pending_counts(self.config, store).items()):
                pending.add_metric([lang], n)
        yield pending
        queue = GaugeMetricFamily("syndicate_push_queue", "Partner push queue rows by state",
                                  labels=["partner", "state"])
        for row in store.delivery.summary():
            for state in STATES:
                queue.add_metric([row["partner"], state], int(row.get(state, 0)))
        yield queue


def render_metrics(config: Config, store: Store, now: datetime) -> bytes:
    """The Prometheus text exposition of the store at ``now``."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_StoreCollector(config, store, now))
    return generate_latest(registry)


@dataclass(frozen=True)
class Health:
    ok: bool
    body: bytes


def health(config: Config, store_of: Callable[[], Store], now: datetime) -> Health:
    """``/healthz``: store reachable and the last successful publish recent enough. ``store_of`` returns the
    store (opening it may fail too)."""
    max_age = config.server.health_max_age
    report: dict[str, object] = {"store": "ok", "max_age_seconds": max_age}
    try:
        store = store_of()
        problems = store.check()
        if problems:
            raise SyndicateError("; ".join(problems))
        when = last_successful_publish(store)
    except SyndicateError as exc:
        log.error("/healthz: store: %s", exc)
        report.update(store="unreachable", status="fail", reason="store unreachable")
        return Health(False, _json(report))
    report["last_successful_publish"] = iso(when)
    if when is None:
        report.update(status="fail", reason="no successful publish yet")
        return Health(False, _json(report))
    age = max(0.0, (now - when).total_seconds())
    report["age_seconds"] = round(age, 3)
    if age > max_age:
        report.update(status="fail", reason="last successful publish is too old")
        return Health(False, _json(report))
    report["status"] = "ok"
    return Health(True, _json(report))


def _json(data: dict[str, object]) -> bytes:
    return (json.dumps(data, sort_keys=True) + "\n").encode("utf-8")
