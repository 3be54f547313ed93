"""Embargo leak test: randomised stores with embargo (and publication) times around ``now``.

At a series of increasing publish times, across every public output — RSS, Atom, JSON Feed, the public
NewsML-G2 messages and item files under ``feeds/``, the NewsML-G2 files of a partner that does *not* receive
embargoed items early, and the same through the HTTP server (``syndicate serve``'s WSGI app: every public file,
and that partner's ``/api/v1/items``) — no trace of an embargoed item (its id, guid, URL, title or body token)
appears before its time, and every item appears, in every format, once its time has come.
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta

import pytest
from sites import make_site, write_jsonl

from syndicate.config import load_config
from syndicate.ingest.usecase import ingest
from syndicate.publish.usecase import publish
from syndicate.serve.app import SyndicateApp
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
TOKEN = "wire-token-for-the-embargo-leak-test"
EARLY_TOKEN = "early-token-for-the-embargo-leak-test"
PARTNERS = f"""
[partners.wire]
token_hashes = ["{hashlib.sha256(TOKEN.encode()).hexdigest()}"]
rate_limit = 100000

[partners.early]
embargoed = true
token_hashes = ["{hashlib.sha256(EARLY_TOKEN.encode()).hexdigest()}"]
rate_limit = 100000
"""


def _iso(t: datetime) -> str:
    return t.isoformat().replace("+00:00", "Z")


def random_rows(rng: random.Random, seed: int, n: int = 36) -> list[dict]:
    """Articles (some Arabic translations of English ones) whose publication and embargo times straddle NOW."""
    rows: list[dict] = []
    for i in range(n):
        token = f"tok{seed}x{i:03d}q"
        translated = {r.get("translation_of") for r in rows}
        # one Arabic version per original at most: (family, language) is the guid
        originals = [r for r in rows if r["lang"] == "en" and "translation_of" not in r and r["id"] not in translated]
        row = {"id": f"e{seed}-{i}", "lang": "en", "category": rng.choice(["politics", "economy"]),
               "title": f"Story {token}", "body": f"Body of {token}.", "url": f"https://news.example.org/s/{token}",
               "published": _iso(NOW - timedelta(minutes=rng.randint(-90, 300)))}
        if originals and rng.random() < 0.35:
            original = rng.choice(originals)
            row.update(lang="ar", translation_of=original["id"], category=original["category"],
                       title=f"قصة {token}", url=f"https://news.example.org/ar/{token}")
        elif rng.random() < 0.3:
            row["lang"] = "ar"
        if rng.random() < 0.6:
            row["embargo"] = _iso(NOW + timedelta(minutes=rng.randint(-120, 240)))
        rows.append(row | {"_token": token})
    return rows


def _context(body: bytes, mark: str) -> bytes:
    at = body.find(mark.encode())
    return body[max(0, at - 160):at + 40]


def visible(row: dict, t: datetime) -> bool:
    published = datetime.fromisoformat(row["published"])
    embargo = datetime.fromisoformat(row["embargo"]) if "embargo" in row else None
    return published <= t and (embargo is None or embargo <= t)


class Client:
    """Calls the WSGI app in-process (so its clock can be set) and returns (status, body)."""

    def __init__(self, app: SyndicateApp) -> None:
        self.app = app

    def get(self, path: str, query: str = "", token: str | None = None) -> tuple[int, bytes]:
        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "localhost",
                   "SERVER_PORT": "80", "wsgi.url_scheme": "http", "REMOTE_ADDR": "127.0.0.1"}
        if token:
            environ["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        seen: dict[str, str] = {}

        def start(status: str, headers: list, exc_info=None) -> None:
            seen["status"] = status
            seen.update({k.lower(): v for k, v in headers})

        body = b"".join(self.app(environ, start))
        self.last_headers = seen
        return int(seen["status"].split()[0]), body

    def api_items(self, token: str) -> bytes:
        """Every page of /api/v1/items for a partner, from the beginning."""
        out, cursor = [], ""
        for _ in range(100):
            status, body = self.get("/api/v1/items", f"limit=500&since={cursor}" if cursor else "limit=500", token)
            assert status in (200, 204), (status, body[:200])
            out.append(body)
            if status == 204:
                return b"".join(out)
            cursor = self.last_headers["x-next-cursor"]
        raise AssertionError("the items API never ran dry")


@pytest.mark.parametrize("seed", range(4))
def test_no_embargoed_item_leaks_and_every_item_appears_after_its_time(seed, tmp_path):
    rng = random.Random(seed)
    config = load_config(make_site(tmp_path, formats=("rss", "atom", "json", "newsml"), items=200, extra=PARTNERS),
                         env={})
    store = open_store(config.store_url)
    rows = random_rows(rng, seed)
    report = ingest(config, store, str(write_jsonl(tmp_path / "in.jsonl",
                                                         [{k: v for k, v in r.items() if k != "_token"}
                                                          for r in rows])), NOW)
    assert report.ok, report.rejected
    guids = {r["id"]: store.articles.get(r["id"]).guid for r in rows}
    clock = [NOW]
    client = Client(SyndicateApp(config, store=store, clock=lambda: clock[0]))
    out, wire = config.output.dir, config.output.partners_dir / "wire"
    # before, around and after the embargo times, including an embargo time exactly
    exact = datetime.fromisoformat(rng.choice([r for r in rows if "embargo" in r])["embargo"])
    times = sorted({NOW - timedelta(minutes=150), NOW, exact, NOW + timedelta(minutes=61),
                    NOW + timedelta(minutes=241)})
    try:
        for t in times:
            clock[0] = t
            result = publish(config, store, t)
            assert not result.failed and not result.held_back
            files = {p: p.read_bytes() for root in (out, wire) if root.exists() for p in root.rglob("*") if p.is_file()}
            sources = {str(p): b for p, b in files.items()}
            for path, body in files.items():
                if path.is_relative_to(out):
                    status, got = client.get("/" + str(path.relative_to(out)))
                    assert status == 200 and got == body, path
                    sources[f"GET /{path.relative_to(out)}"] = got
            sources["GET /api/v1/items (wire)"] = client.api_items(TOKEN)
            for row in rows:
                marks = [row["_token"], row["id"], guids[row["id"]]]
                if not visible(row, t):
                    for mark in marks:
                        leaks = [(name, _context(body, mark)) for name, body in sources.items()
                                 if mark.encode() in body]
                        assert not leaks, (t, row["id"], mark, leaks[:3])
                    continue
                token = row["_token"].encode()
                for name in ("rss.xml", "atom.xml", "feed.json", "newsml.xml"):
                    for category in ("all", row["category"]):
                        assert token in files[out / row["lang"] / category / name], (t, row["id"], category, name)
                uuid = guids[row["id"]].rsplit(":", 1)[-1]
                assert (out / row["lang"] / "items" / f"{uuid}-v1.xml").is_file(), (t, row["id"])
            # the partner that receives embargoed items early does get them, flagged
            early = client.api_items(EARLY_TOKEN)
            for row in rows:
                if "embargo" in row and datetime.fromisoformat(row["published"]) <= t and not visible(row, t):
                    assert row["_token"].encode() in early, (t, row["id"])
    finally:
        store.close()
