"""``/metrics`` and ``/healthz`` of a real ``syndicate serve`` on 127.0.0.1: operator tokens (401 without),
the Prometheus text parsed with prometheus-client's own parser, health against ``[server] health_max_age``."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
import requests
from factories import make_article
from prometheus_client.parser import text_string_to_metric_families
from test_serve_support import TOKENS, Server, partner_site, recent

from syndicate.model import Status
from syndicate.publish.usecase import publish
from syndicate.serve.auth import token_hash
from syndicate.store import open_store

OPERATOR = "operator-token-5b1e9c"


def operator_site(tmp, max_age: int = 3600):  # type: ignore[no-untyped-def]
    server = f'\n[server]\noperator_token_hashes = ["{token_hash(OPERATOR)}"]\nhealth_max_age = {max_age}\n'
    return partner_site(tmp, extra=server)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("metrics")
    config = operator_site(tmp)
    store = open_store(config.store_url)
    now = recent(0.5)
    store.articles.upsert_many([make_article(1, published=now - timedelta(hours=1)),
                                make_article(2, published=now - timedelta(hours=1)),
                                make_article(3, published=now - timedelta(hours=1), embargo=now + timedelta(days=2)),
                                make_article(4, published=now - timedelta(hours=1), status=Status.WITHHELD)], now)
    assert publish(config, store, now).ok
    run = store.runs.claim("hourly", "publish", now, now)
    assert run is not None
    store.runs.finish(run, "success", now + timedelta(seconds=3))
    failed = store.runs.claim("hourly", "publish", now + timedelta(minutes=1), now + timedelta(minutes=1))
    assert failed is not None
    store.runs.finish(failed, "failed", now + timedelta(minutes=1, seconds=2), error="disk full")
    server = Server(tmp / "syndicate.toml")
    yield config, store, server
    server.stop()
    store.close()


def families(text: str) -> dict[str, list[tuple[dict[str, str], float, str]]]:
    out: dict[str, list[tuple[dict[str, str], float, str]]] = {}
    for fam in text_string_to_metric_families(text):
        for sample in fam.samples:
            out.setdefault(fam.name, []).append((sample.labels, sample.value, sample.name))
    return out


@pytest.mark.parametrize("headers", [{}, {"Authorization": f"Bearer {TOKENS['acme']}"},
                                     {"Authorization": "Bearer wrong"}, {"Authorization": "Basic !!!"}])
def test_metrics_needs_an_operator_token(site, headers):
    _, _, server = site
    r = requests.get(f"{server.base}/metrics", headers=headers)
    assert r.status_code == 401
    assert "syndicate_" not in r.text
    assert "Bearer" in r.headers["WWW-Authenticate"]


def test_metrics_parse_with_prometheus_parser(site):
    _, _, server = site
    r = requests.get(f"{server.base}/metrics", headers={"Authorization": f"Bearer {OPERATOR}"})
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    got = families(r.text)
    assert got["syndicate_up"][0][1] == 1
    runs = {(s[0]["job"], s[0]["result"]): s[1] for s in got["syndicate_runs"] if s[2] == "syndicate_runs_total"}
    assert runs == {("hourly", "success"): 1, ("hourly", "failed"): 1}
    durations = {s[2]: s[1] for s in got["syndicate_publish_duration_seconds"]}
    assert durations == {"syndicate_publish_duration_seconds_count": 1, "syndicate_publish_duration_seconds_sum": 3}
    held = {s[0]["reason"]: s[1] for s in got["syndicate_items_held_back"]}
    assert held["embargoed"] == 1 and held["withheld"] == 1
    assert got["syndicate_feeds_written"][0][1] > 0
    items = {s[0]["path"]: s[1] for s in got["syndicate_feed_items"]}
    assert items["en/politics/rss.xml"] == 2
    assert got["syndicate_last_successful_publish_timestamp_seconds"][0][1] > 0
    # the fixture's partners have no push rows yet: the family exists, empty
    assert "syndicate_push_queue" not in got or all(s[1] == 0 for s in got["syndicate_push_queue"])


def test_metrics_with_basic_auth_and_no_secrets(site):
    _, _, server = site
    basic = base64.b64encode(f"ops:{OPERATOR}".encode()).decode()
    r = requests.get(f"{server.base}/metrics", headers={"Authorization": f"Basic {basic}"})
    assert r.status_code == 200
    for token in TOKENS.values():
        assert token not in r.text and token_hash(token) not in r.text


def test_healthz_ok_without_a_token(site):
    _, _, server = site
    r = requests.get(f"{server.base}/healthz")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "ok" and body["store"] == "ok"
    assert 0 <= body["age_seconds"] < 3600


def test_healthz_fails_when_the_last_publish_is_too_old(tmp_path):
    config = operator_site(tmp_path, max_age=60)
    store = open_store(config.store_url)
    old = recent(3)
    store.articles.upsert_many([make_article(1, published=old - timedelta(hours=1))], old)
    assert publish(config, store, old).ok
    store.close()
    server = Server(tmp_path / "syndicate.toml")
    try:
        r = requests.get(f"{server.base}/healthz")
        assert r.status_code == 503
        assert r.json()["reason"] == "last successful publish is too old"
        assert r.json()["age_seconds"] > 3 * 3600 - 120
    finally:
        server.stop()


def test_healthz_fails_before_any_publish_and_when_the_store_is_gone(tmp_path):
    config = operator_site(tmp_path)
    open_store(config.store_url).close()
    server = Server(tmp_path / "syndicate.toml")
    try:
        r = requests.get(f"{server.base}/healthz")
        assert r.status_code == 503 and r.json()["reason"] == "no successful publish yet"
    finally:
        server.stop()
    bad = tmp_path / "syndicate.toml"
    bad.write_text(bad.read_text(encoding="utf-8").replace(config.store_url, "postgresql+psycopg://postgres@127.0.0.1:9/test"),
                   encoding="utf-8")
    server = Server(bad)
    try:
        r = requests.get(f"{server.base}/healthz")
        assert r.status_code == 503 and r.json()["store"] == "unreachable"
    finally:
        server.stop()


@pytest.mark.parametrize(("line", "message"), [('operator_token_hashes = ["not-a-hash"]', "sha256 hex digest"),
                                               ("health_max_age = 0", "positive")])
def test_server_operator_settings_are_checked(tmp_path, line, message):
    from syndicate.config import ConfigError

    with pytest.raises(ConfigError, match=message) as err:
        partner_site(tmp_path, extra=f"\n[server]\n{line}\n")
    assert "server." in str(err.value)
