"""The operator console under ``/admin/``: server-rendered HTML (Jinja2 templates shipped with the package),
no JavaScript, one narrow column that works on a phone.

Pages::

    /admin/              jobs: schedule, next run, last result (with its error), failures in a row
    /admin/runs          recent runs, failed ones with their errors
    /admin/feeds         output files: last written, items, size
    /admin/held          articles the public cannot see now, with the policy's reason and release time
    /admin/translations  translations waiting per language, and pairs waiting for a retry with their errors
    /admin/push          the partner push queue by state, oldest open item, last error

Everything is read through store methods and the one visibility policy. The console never shows partner
tokens, token hashes, push secrets, push URLs or the store password: error texts are shown with URL
credentials and every configured secret replaced by ``***``. Names carry ``lang`` and ``dir`` (``rtl`` for
Arabic and other right-to-left languages, ``auto`` where the language is unknown).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from syndicate import __version__
from syndicate.config import Config
from syndicate.model import PUBLIC, text_direction
from syndicate.redact import MASK
from syndicate.redact import redact as redact_text
from syndicate.schedule.status import gather_status
from syndicate.select.policy import decide
from syndicate.store import Store
from syndicate.times import iso

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGES = {"": "jobs", "runs": "runs", "feeds": "feeds", "held": "held", "translations": "translations",
         "push": "push"}
NAV = [("", "Jobs"), ("runs", "Runs"), ("feeds", "Feeds"), ("held", "Held back"),
       ("translations", "Translations"), ("push", "Push queue")]
RUN_LIMIT = 100
HELD_LIMIT = 500


def redactor(config: Config) -> Callable[[str | None], str | None]:
    """A function that hides every configured secret, then what :func:`syndicate.redact.redact` hides (URL
    credentials, secret-looking query values) for every text."""
    found = {s for p in config.partners for s in (*p.push_secrets, p.push_secret, p.push_url) if s}
    found |= {s for s in (config.translation.libretranslate_api_key, config.store_url) if s}
    secrets = sorted(found, key=len, reverse=True)

    def redact(text: str | None) -> str | None:
        if text is None:
            return None
        for secret in secrets:
            text = text.replace(secret, MASK)
        return redact_text(text)
    return redact


def direction(lang: str | None) -> str:
    """The ``dir`` attribute for text in ``lang``: ``rtl``/``ltr``, ``auto`` when unknown."""
    return text_direction(lang) if lang else "auto"


@dataclass(frozen=True)
class Page:
    status: int
    body: bytes


class Console:
    """Renders the console pages of one config from its store."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(nav=NAV, dir_of=direction, version=__version__, site=config.site.name)
        self.redact = redactor(config)

    def page(self, rest: str, store: Store, now: datetime) -> Page:
        """The page at ``/admin/<rest>`` (404 for unknown pages)."""
        name = PAGES.get(rest.strip("/"))
        if name is None:
            return Page(404, self._render("missing.html", current=None, now=iso(now)))
        data = getattr(self, f"_{name}")(store, now)
        return Page(200, self._render(f"{name}.html", current=rest.strip("/"), now=iso(now), **data))

    def _render(self, template: str, **data: Any) -> bytes:
        return self.env.get_template(template).render(**data).encode("utf-8")

    # -- page data -------------------------------------------------------------------------------------
    def _jobs(self, store: Store, now: datetime) -> dict[str, Any]:
        status = gather_status(self.config, store, now)
        jobs = status["jobs"]
        for job in jobs:
            last = job["last_run"]
            if last:
                last["error"] = self.redact(last["error"])
        held = status["held_back"]
        return {"jobs": jobs, "held": held, "pending": status["pending_translations"],
                "queue": status["partner_queue"], "feeds": len(status["feeds"])}

    def _runs(self, store: Store, now: datetime) -> dict[str, Any]:
        runs = [{"id": r.id, "job": r.job, "kind": r.kind, "fire_time": iso(r.fire_time), "started": iso(r.started),
                 "finished": iso(r.finished), "status": r.status, "error": self.redact(r.error),
                 "attempts": r.attempts,
                 "seconds": None if r.finished is None else round((r.finished - r.started).total_seconds(), 1)}
                for r in store.runs.recent(limit=RUN_LIMIT)]
        return {"runs": runs, "failed": sum(1 for r in runs if r["status"] == "failed")}

    def _feeds(self, store: Store, now: datetime) -> dict[str, Any]:
        marks = store.feeds.watermarks()
        feeds = []
        for state in store.feeds.states():
            lang = state.path.split("/", 1)[0]
            feeds.append({"path": state.path, "lang": lang if lang in self.config.languages else None,
                          "written": iso(state.written_at), "items": state.items, "size": state.size,
                          "rendered": iso(marks[state.path].rendered_at) if state.path in marks else None})
        return {"feeds": feeds}

    def _held(self, store: Store, now: datetime) -> dict[str, Any]:
        names = {c.slug: c for c in self.config.categories}
        items = []
        for article in store.articles.not_public(now):
            decision = decide(article, PUBLIC, now)
            if decision.visible:
                continue
            cat = names.get(article.category)
            items.append({"id": article.id, "lang": article.lang, "title": article.title,
                          "category": cat.name(article.lang) if cat else article.category,
                          "version": article.version, "reason": decision.reason,
                          "until": iso(decision.at) if decision.reason in ("embargoed", "scheduled") else None})
            if len(items) >= HELD_LIMIT:
                break
        items.sort(key=lambda i: (i["reason"], i["until"] or "", i["id"]))
        return {"items": items, "limit": HELD_LIMIT}

    def _translations(self, store: Store, now: datetime) -> dict[str, Any]:
        status = gather_status(self.config, store, now)
        pairs = store.pending.all()
        articles = store.articles.get_many({a for a, _, _ in pairs})
        rows = [{"id": a, "dst": d, "error": self.redact(e),
                 "title": articles[a].title if a in articles else None,
                 "lang": articles[a].lang if a in articles else None} for a, d, e in pairs]
        queue = [{"id": r.id, "dst": r.dst, "title": r.article.title, "lang": r.article.lang,
                  "since": iso(r.updated_at), "version": r.source_version} for r in store.reviews.entries("pending")]
        return {"counts": status["pending_translations"], "pairs": rows, "review": queue,
                "targets": list(self.config.translation.targets)}

    def _push(self, store: Store, now: datetime) -> dict[str, Any]:
        queue = store.delivery.summary()
        for row in queue:
            row["last_error"] = self.redact(row["last_error"])
            row["oldest_open"] = iso(row["oldest_open"])
        return {"queue": queue, "partners": [p.name for p in self.config.partners]}
