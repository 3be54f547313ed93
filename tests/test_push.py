"""Push delivery against a real local HTTP receiver that checks the HMAC-SHA256 signature: 500s are retried
with backoff, a 400 fails at once, too many 500s fail, per-partner order holds, and killing the pusher
mid-request loses nothing (its lease runs out and another worker delivers)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from factories import make_article
from jsonschema import Draft202012Validator
from lxml import etree
from test_serve_support import Received, Receiver, partner_site, recent

from syndicate.config import ConfigError
from syndicate.deliver.push import SIGNATURE_HEADER, Pusher, backoff, verify, verify_webhook
from syndicate.publish.usecase import publish
from syndicate.store import open_store
from syndicate.store.delivery import OPEN

SECRET = "push-secret-4b1d"
NAR = "{http://iptc.org/std/nar/2006-10-01/}"


def push_config(tmp_path, store_url, url: str, *, lease: float = 30.0):  # type: ignore[no-untyped-def]
    extra = f"""
[partners.pushco]
languages = ["en"]
push_url = "{url}en"
push_secret = "{SECRET}"

[partners.pushar]
languages = ["ar"]
embargoed = true
push_url = "{url}ar"
push_secret = "{SECRET}"

[push]
base_delay = 0.01
max_delay = 0.04
max_attempts = 4
lease = {lease}
timeout = 10
poll_interval = 0.05
"""
    return partner_site(tmp_path, store_url, extra=extra)


def open_rows(store) -> list[dict]:
    return [r for r in store.delivery.rows() if r["state"] in OPEN]


def run_until_done(pusher: Pusher, store, limit: int = 600) -> None:
    for _ in range(limit):
        if pusher.run_once() == 0:
            if not open_rows(store):
                return
            time.sleep(0.02)
    raise AssertionError(f"queue not drained: {open_rows(store)}")


def test_signed_push_retries_fails_and_keeps_order(tmp_path, store_url):
    bad_signatures: list[Received] = []
    attempts: Counter[str] = Counter()
    accepted: dict[str, list[str]] = defaultdict(list)
    arts = {n: make_article(n, published=recent(10 - n)) for n in range(1, 7)}
    arabic = make_article(30, lang="ar", published=recent(3), embargo=recent(-5))
    script = {arts[2].guid: [500, 500, 200], arts[4].guid: [400], arts[5].guid: [500] * 10}

    def decide(req: Received) -> int:
        if not verify(SECRET, req.body, req.headers.get(SIGNATURE_HEADER.lower())):
            bad_signatures.append(req)
            return 401
        guid = req.headers["x-syndicate-guid"]
        root = etree.fromstring(req.body)
        assert [i.get("guid") for i in root.iter(f"{NAR}newsItem")] == [guid]
        plan = script.get(guid, [200])
        status = plan[min(attempts[guid], len(plan) - 1)]
        attempts[guid] += 1
        if status == 200:
            accepted[req.path].append(guid)
        return status

    receiver = Receiver(decide)
    config = push_config(tmp_path, store_url, receiver.url)
    store = open_store(config.store_url)
    try:
        store.articles.upsert_many([*list(arts.values()), arabic], recent(0))
        pusher = Pusher(config, store)
        run_until_done(pusher, store)
        rows = {(r["partner"], r["article_id"]): r for r in store.delivery.rows()}
        summary = {s["partner"]: s for s in store.delivery.summary()}
    finally:
        receiver.close()
        store.close()

    assert bad_signatures == []
    assert accepted["/en"] == [arts[n].guid for n in (1, 2, 3, 6)]      # cursor order, gaps are the failures
    assert accepted["/ar"] == [arabic.guid]                             # embargoed partner gets it early
    assert rows[("pushco", "a2")]["state"] == "success" and rows[("pushco", "a2")]["attempts"] == 3
    assert rows[("pushco", "a4")]["state"] == "failed" and rows[("pushco", "a4")]["attempts"] == 1
    assert rows[("pushco", "a4")]["last_status"] == 400
    assert rows[("pushco", "a5")]["state"] == "failed" and rows[("pushco", "a5")]["attempts"] == 4
    assert rows[("pushco", "a5")]["last_error"] == "HTTP 500"
    assert all(rows[("pushco", f"a{n}")]["attempts"] == 1 for n in (1, 3, 6))
    assert ("pushco", "a30") not in rows and ("pushar", "a1") not in rows   # scope by language
    assert summary["pushco"]["success"] == 4 and summary["pushco"]["failed"] == 2
    assert summary["pushar"]["success"] == 1 and summary["pushco"]["last_error"]


def test_backoff_doubles_and_is_capped():
    assert [backoff(n, 60, 3600) for n in range(1, 9)] == [60, 120, 240, 480, 960, 1920, 3600, 3600]


def test_kill_mid_delivery_loses_nothing(tmp_path):
    hang = threading.Event()
    release = threading.Event()
    seen: list[str] = []
    accepted: list[str] = []
    lock = threading.Lock()

    def decide(req: Received) -> int:
        guid = req.headers["x-syndicate-guid"]
        with lock:
            seen.append(guid)
            first_hang = len(seen) == 3 and not hang.is_set()
            if first_hang:
                hang.set()
        if first_hang:
            release.wait(30)         # the worker is killed while waiting for this answer
        with lock:
            accepted.append(guid)
        return 200

    receiver = Receiver(decide)
    config = push_config(tmp_path, None, receiver.url, lease=1.0)
    store = open_store(config.store_url)
    arts = [make_article(n, published=recent(20 - n)) for n in range(1, 8)]
    store.articles.upsert_many(arts, recent(0))
    proc = subprocess.Popen([sys.executable, "-m", "syndicate", "--config", str(config.path), "partners", "push"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        assert hang.wait(60), "the pusher never reached the third item"
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        release.set()
        stuck = [r for r in store.delivery.rows() if r["state"] == "in-progress"]
        assert len(stuck) == 1 and stuck[0]["article_id"] == "a3"
        run_until_done(Pusher(config, store), store)
        rows = store.delivery.rows("pushco")
    finally:
        release.set()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        receiver.close()
        store.close()

    expected = [a.guid for a in arts]
    assert all(r["state"] == "success" for r in rows) and len(rows) == len(arts)
    assert list(dict.fromkeys(accepted)) == expected            # first deliveries in order
    assert Counter(accepted)[arts[2].guid] in (1, 2)             # the in-flight one may come twice (at-least-once)
    assert all(Counter(accepted)[g] == 1 for g in expected if g != arts[2].guid)


def test_ninjs_push_is_the_partners_item_file_signed(tmp_path):
    """push_format = "ninjs": each version arrives as one valid ninjs 3.1 document (application/json, Standard
    Webhooks signature), byte for byte the partner's ninjs item file of that version."""
    schema = json.loads((Path(__file__).resolve().parents[2] / "shared" / "schemas" / "ninjs"
                         / "ninjs-schema_3.1.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    receiver = Receiver(lambda req: 200 if verify_webhook([SECRET], req.headers, req.body, time.time()) else 401)
    extra = f"""
[partners.jsonco]
languages = ["en"]
formats = ["ninjs"]
push_url = "{receiver.url}json"
push_secret = "{SECRET}"
"""
    config = partner_site(tmp_path, extra=extra)
    assert next(p for p in config.partners if p.name == "jsonco").push_format == "ninjs"   # its only format
    store = open_store(config.store_url)
    try:
        arts = [make_article(n, published=recent(5 - n)) for n in (1, 2)]
        store.articles.upsert_many(arts, recent(0))
        publish(config, store, recent(0))
        run_until_done(Pusher(config, store), store)
        assert {r["state"] for r in store.delivery.rows("jsonco")} == {"success"}
    finally:
        receiver.close()
        store.close()
    got = [r for r in receiver.requests if r.path == "/json"]
    assert [r.headers["x-syndicate-guid"] for r in got] == [a.guid for a in arts]
    for req, art in zip(got, arts, strict=True):
        assert req.headers["content-type"] == "application/json"
        doc = json.loads(req.body)
        assert sorted(e.message for e in validator.iter_errors(doc)) == []
        assert doc["uri"] == art.guid and doc["version"] == "1"
        item_file = config.output.partners_dir / "jsonco" / "en" / "items" / f"{art.guid.rsplit(':', 1)[1]}-v1.json"
        assert req.body == item_file.read_bytes()
    (tmp_path / "bad").mkdir()
    with pytest.raises(ConfigError, match=r"push_format: ninjs is not among the partner's formats"):
        partner_site(tmp_path / "bad", extra=extra.replace('formats = ["ninjs"]', 'formats = ["newsml"]')
                     + 'push_format = "ninjs"\n')
