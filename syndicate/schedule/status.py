"""`syndicate status`: what the scheduler did and will do, what is published, what is held back.

:func:`gather_status` reads the config and the store (never the scheduler process) into plain data that
``--json`` prints as is; :func:`format_status` renders it as text tables. Times are ISO 8601 UTC strings.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable, Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.exc import SQLAlchemyError

from syndicate.config import Config, Schedule
from syndicate.errors import StoreError
from syndicate.select.plan import Planner
from syndicate.store.runs import RunLedger
from syndicate.schedule.triggers import next_fire
from syndicate.store.schema import articles
from syndicate.store.sql import SqlStore, _utc

EMBARGO_LIST = 20


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def describe(schedule: Schedule) -> str:
    """``"cron 0 6 * * * Europe/Berlin"`` or ``"every 15m UTC"``."""
    if schedule.cron:
        return f"cron {schedule.cron} {schedule.timezone}"
    secs = schedule.interval_seconds or 0
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if secs % size == 0:
            return f"every {secs // size}{unit} {schedule.timezone}"
    return f"every {secs}s {schedule.timezone}"


def _jobs(config: Config, store: SqlStore, now: datetime) -> list[dict[str, Any]]:
    ledger = RunLedger(store)
    out = []
    for s in config.schedules:
        last = ledger.last_run(s.name)
        success = ledger.last_success(s.name)
        out.append({
            "name": s.name, "kind": s.kind, "schedule": describe(s), "misfire": s.misfire,
            "next_run": _iso(next_fire(s, now)),
            "last_run": None if last is None else {
                "id": last.id, "fire_time": _iso(last.fire_time), "started": _iso(last.started),
                "finished": _iso(last.finished), "status": last.status, "error": last.error, "counts": last.counts},
            "last_success": _iso(success.fire_time) if success else None,
            "failures_in_a_row": ledger.failures_in_a_row(s.name),
        })
    return out


def _feeds(store: SqlStore) -> list[dict[str, Any]]:
    marks = Planner(store).watermarks()
    out = []
    for state in store.all_feed_states():
        mark = marks.get(state.path)
        out.append({"path": state.path, "last_published": _iso(state.written_at), "items": state.items,
                    "sha256": state.sha256, "size": state.size,
                    "last_rendered": _iso(mark.rendered_at) if mark else None})
    return out


def _pending_translations(config: Config, store: SqlStore) -> dict[str, int]:
    if not config.translation.targets:
        return {}
    from syndicate.translate.usecase import _chunks, _originals, pending_translations

    counts = {t: 0 for t in config.translation.targets}
    for chunk in _chunks(_originals(store, config), 500):
        for dst in counts:
            counts[dst] += len(pending_translations(store, config, dst, chunk))
    return counts


def _held_back(config: Config, store: SqlStore, now: datetime, jobs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    a = articles.c
    try:
        with store.engine.connect() as conn:
            embargoed = conn.execute(select(a.id, a.lang, a.category, a.embargo).where(a.embargo > now)
                                     .order_by(a.embargo, a.id).limit(EMBARGO_LIST)).all()
            n_embargoed = conn.execute(select(func.count()).select_from(articles).where(a.embargo > now)).scalar_one()
            n_future = conn.execute(select(func.count()).select_from(articles).where(a.published > now)).scalar_one()
            n_hidden = conn.execute(select(func.count()).select_from(articles).where(
                or_(a.status == "withheld", a.status == "canceled"))).scalar_one()
    except SQLAlchemyError as exc:
        raise StoreError("cannot read held-back items") from exc
    errors: list[str] = []
    for job in jobs:
        counts = (job.get("last_run") or {}).get("counts") or {}
        errors.extend(counts.get("held_back_items", []))
    return {"embargoed": int(n_embargoed), "scheduled": int(n_future), "withheld_or_canceled": int(n_hidden),
            "embargo_list": [{"id": i, "lang": lang, "category": cat, "until": _iso(_utc(until))}
                             for i, lang, cat, until in embargoed],
            "render_errors": sorted(set(errors))}


def _partner_queue(store: SqlStore) -> list[dict[str, Any]] | None:
    try:
        from syndicate.deliver.queue import queue_summary
    except ImportError:
        return None
    rows = queue_summary(store)
    return [{k: (_iso(v) if isinstance(v, datetime) else v) for k, v in row.items()} for row in rows]


def gather_status(config: Config, store: SqlStore, now: datetime) -> dict[str, Any]:
    """Everything ``syndicate status`` shows, as JSON-ready data."""
    jobs = _jobs(config, store, now)
    status: dict[str, Any] = {"now": _iso(now), "jobs": jobs, "feeds": _feeds(store),
                              "pending_translations": _pending_translations(config, store),
                              "held_back": _held_back(config, store, now, jobs)}
    queue = _partner_queue(store)
    if queue is not None:
        status["partner_queue"] = queue
    return status


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    cells = [[("-" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*headers).rstrip()] + [fmt.format(*r).rstrip() for r in cells]


def format_status(status: dict[str, Any]) -> str:
    """Text tables for a terminal."""
    lines = [f"status at {status['now']}", "", "JOBS"]
    rows = []
    for j in status["jobs"]:
        last = j["last_run"] or {}
        result = last.get("status")
        if last.get("error"):
            result = f"{result}: {last['error'][:60]}"
        rows.append((j["name"], j["kind"], j["schedule"], j["next_run"], last.get("fire_time"), result,
                     j["failures_in_a_row"]))
    lines += _table(("job", "kind", "schedule", "next run", "last run", "result", "failures"), rows)
    lines += ["", "FEEDS"]
    lines += _table(("path", "last published", "items", "sha256", "size"),
                    ((f["path"], f["last_published"], f["items"], f["sha256"][:12], f["size"])
                     for f in status["feeds"]))
    pending = status["pending_translations"]
    lines += ["", "PENDING TRANSLATIONS: " + (", ".join(f"{k} {v}" for k, v in pending.items()) or "none")]
    held = status["held_back"]
    lines += ["", f"HELD BACK: {held['embargoed']} embargoed, {held['scheduled']} scheduled, "
                  f"{held['withheld_or_canceled']} withheld or canceled, {len(held['render_errors'])} render errors"]
    for e in held["embargo_list"]:
        lines.append(f"  embargo {e['id']} ({e['lang']}/{e['category']}) until {e['until']}")
    for item in held["render_errors"]:
        lines.append(f"  render error: {item}")
    if "partner_queue" in status:
        lines += ["", "PARTNER PUSH QUEUE"]
        queue = status["partner_queue"]
        if queue:
            keys = [k for k in queue[0] if k != "partner"]
            lines += _table(("partner", *keys), ((q["partner"], *(q[k] for k in keys)) for q in queue))
        else:
            lines.append("  empty")
    return "\n".join(lines)
