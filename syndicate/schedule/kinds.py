"""The work of each job kind (``publish``, ``ingest``, ``translate``, ``prune``), as the runner calls it.

Each function returns ``(status, error, counts)``; errors of the work itself come back as values or as
:class:`~syndicate.errors.SyndicateError` (the runner records them). The ``now`` passed in is the clock at
the start of the run, not the fire time: a catch-up run publishes what is visible when it runs. A ``publish``
job runs the one publish use case, translation included (``translate = false`` turns it off).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from syndicate.config import Schedule
from syndicate.deliver.files import sweep_temp
from syndicate.ingest.usecase import ingest
from syndicate.publish.usecase import publish
from syndicate.store.runs import FAILED, INTERRUPTED, SUCCESS, Run
from syndicate.translate.usecase import translate_pending

if TYPE_CHECKING:
    from syndicate.schedule.runner import JobRunner

Result = tuple[str, str | None, dict[str, Any]]


def publish_job(runner: JobRunner, schedule: Schedule, run: Run, now: datetime) -> Result:
    report = publish(runner.config, runner.store, now, feeds=schedule.feeds, formats=schedule.formats or None,
                     translate=schedule.translate, stop=runner.stop.is_set, run_id=run.id)
    counts: dict[str, Any] = {
        "rendered": len(report.results), "written": len(report.written), "failed": len(report.failed),
        "unchanged": report.unchanged, "skipped": report.skipped,
        "item_files": report.item_files, "held_back": len(report.held_back),
    }
    if report.translation is not None:
        counts |= {"translated": len(report.translation.translated),
                   "translations_pending": len(report.translation.pending)}
    if report.held_back:
        counts["held_back_items"] = sorted({e.item or "?" for e in report.held_back})
    if report.interrupted:
        return INTERRUPTED, "stopped by signal before every feed was rendered", counts
    if report.failed:
        errors = "; ".join(f"{r.key}: {r.error}" for r in report.failed[:5])
        return FAILED, f"{len(report.failed)} feed(s) failed: {errors}", counts
    return SUCCESS, None, counts


def ingest_job(runner: JobRunner, schedule: Schedule, run: Run, now: datetime) -> Result:
    assert schedule.source is not None      # validated with the config
    report = ingest(runner.config, runner.store, schedule.source, now, fmt=schedule.source_format,
                    category=schedule.category, lang=schedule.lang)
    counts: dict[str, Any] = {k: report.count(k) for k in ("inserted", "updated", "unchanged")}
    counts["rejected"] = len(report.rejected)
    return SUCCESS, None, counts


def translate_job(runner: JobRunner, schedule: Schedule, run: Run, now: datetime) -> Result:
    report = translate_pending(runner.config, runner.store, now)
    counts: dict[str, Any] = {"translated": len(report.translated), "pending": len(report.pending),
                              "engine_calls": report.engine_calls}
    if report.pending:
        first = report.pending[0]
        error = f"{len(report.pending)} translation(s) still pending, e.g. {first[0]} → {first[1]}: {first[2]}"
        return FAILED, error, counts
    return SUCCESS, None, counts


def prune_job(runner: JobRunner, schedule: Schedule, run: Run, now: datetime) -> Result:
    """Forget old finished runs and sweep temp files a killed writer left (under the publish lock, so an
    in-flight write of another process is never swept)."""
    runs = runner.ledger.prune(now, schedule.keep_days)
    with runner.store.locks.hold("publish", timeout=600):
        temps = sweep_temp(runner.config.output.dir)
        if runner.config.output.partners_dir is not None:
            temps += sweep_temp(runner.config.output.partners_dir)
    return SUCCESS, None, {"runs_deleted": runs, "temp_files_removed": temps}


KINDS: dict[str, Callable[[JobRunner, Schedule, Run, datetime], Result]] = {
    "publish": publish_job, "ingest": ingest_job, "translate": translate_job, "prune": prune_job}
