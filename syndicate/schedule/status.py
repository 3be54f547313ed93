"""`syndicate status`: what the scheduler did and will do, what is published, what is held back.

:func:`gather_status` reads the config and the store (never the scheduler process) into plain data that
``--json`` prints as is; :func:`format_status` renders it as text tables. Times are ISO 8601 UTC strings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from syndicate.config import Config, Schedule
from syndicate.model import PUBLIC
from syndicate.schedule.triggers import next_fire
from syndicate.select.policy import HELD_REASONS, decide
from syndicate.store import Store
from syndicate.times import iso as _iso
from syndicate.translate.usecase import pending_counts, pending_errors

EMBARGO_LIST = 20


def describe(schedule: Schedule) -> str:
    """``"cron 0 6 * * * Europe/Berlin"`` or ``"every 15m UTC"``."""
    if schedule.cron:
        return f"cron {schedule.cron} {schedule.timezone}"
    secs = schedule.interval_seconds or 0
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if secs % size == 0:
            return f"every {secs // size}{unit} {schedule.timezone}"
    return f"every {secs}s {schedule.timezone}"


def _jobs(config: Config, store: Store, now: datetime) -> list[dict[str, Any]]:
    ledger = store.runs
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


def _feeds(store: Store) -> list[dict[str, Any]]:
    marks = store.feeds.watermarks()
    out = []
    for state in store.feeds.states():
        mark = marks.get(state.path)
        out.append({"path": state.path, "last_published": _iso(state.written_at), "items": state.items,
                    "sha256": state.sha256, "size": state.size,
                    "last_rendered": _iso(mark.rendered_at) if mark else None})
    return out


def _held_back(store: Store, now: datetime, jobs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """What the public cannot see at ``now``, by the policy's reasons (``publish`` reports the same)."""
    counts = {reason: 0 for reason in HELD_REASONS if reason not in ("never-shown", "outside-scope", "format",
                                                                        "machine-translation")}
    waiting: list[dict[str, Any]] = []
    for article in store.articles.not_public(now):
        decision = decide(article, PUBLIC, now)
        if decision.visible:
            continue
        counts[decision.reason] = counts.get(decision.reason, 0) + 1
        if decision.reason in ("embargoed", "scheduled") and len(waiting) < EMBARGO_LIST:
            waiting.append({"id": article.id, "lang": article.lang, "category": article.category,
                            "reason": decision.reason, "until": _iso(decision.at)})
    errors: list[str] = []
    for job in jobs:
        last = job.get("last_run") or {}
        errors.extend((last.get("counts") or {}).get("held_back_items", []))
    return {**counts, "withheld_or_canceled": counts["withheld"] + counts["canceled"],
            "embargo_list": waiting, "render_errors": sorted(set(errors))}


def _partner_queue(store: Store) -> list[dict[str, Any]]:
    rows = store.delivery.summary()
    return [{k: (_iso(v) if isinstance(v, datetime) else v) for k, v in row.items()} for row in rows]


def gather_status(config: Config, store: Store, now: datetime) -> dict[str, Any]:
    """Everything ``syndicate status`` shows, as JSON-ready data."""
    jobs = _jobs(config, store, now)
    return {"now": _iso(now), "jobs": jobs, "feeds": _feeds(store),
            "pending_translations": pending_counts(config, store) if config.translation.targets else {},
            "translation_errors": pending_errors(store) if config.translation.targets else {},
            "review_queue": store.reviews.count_by_language() if config.translation.targets else {},
            "held_back": _held_back(store, now, jobs), "partner_queue": _partner_queue(store)}


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
    lines += [f"  {dst}: {err[:160]}" for dst, errs in status.get("translation_errors", {}).items() for err in errs]
    queue = status.get("review_queue", {})
    lines += ["REVIEW QUEUE: " + (", ".join(f"{k} {v}" for k, v in queue.items()) or "empty")] if queue else []
    held = status["held_back"]
    lines += ["", f"HELD BACK: {held['embargoed']} embargoed, {held['scheduled']} scheduled, "
                  f"{held['withheld']} withheld, {held['canceled']} canceled, "
                  f"{len(held['render_errors'])} render errors"]
    for e in held["embargo_list"]:
        lines.append(f"  {e['reason']} {e['id']} ({e['lang']}/{e['category']}) until {e['until']}")
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
