"""The operator console of a real ``syndicate serve`` on 127.0.0.1, over HTTP, parsed with lxml.html: 401
without an operator token, a failed job's error shown, Arabic names right-to-left, held-back items with the
policy's reasons, pending translations, the push queue, and no partner token, secret or URL credential."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import cdp
import lxml.html
import pytest
import requests
from factories import make_article
from test_serve_support import TOKENS, Server, partner_site, recent

from syndicate.model import Status
from syndicate.publish.usecase import publish
from syndicate.serve.auth import token_hash
from syndicate.store import open_store

OPERATOR = "operator-token-admin-77"
PUSH_SECRET = "push-secret-do-not-show-91"
PUSH_URL = "http://hook-user:hook-pass-42@127.0.0.1:9/ingest?token=urltoken-xyz"
EXTRA = f"""
[partners.pusher]
languages = ["ar"]
push_url = "{PUSH_URL}"
push_secret = "{PUSH_SECRET}"
token_hashes = ["{token_hash("pusher-token-3141592")}"]

[server]
operator_token_hashes = ["{token_hash(OPERATOR)}"]

[schedules.hourly]
kind = "publish"
interval = "1h"

[schedules.nightly-prune]
kind = "prune"
cron = "0 3 * * *"
"""
ERROR = (f"push to {PUSH_URL} failed; secret {PUSH_SECRET} rejected; "
         "mirror https://mirror-user:mirror-pw-55@mirror.example.net/in?api_key=mirror-key-66 down")
SECRETS = [*TOKENS.values(), "pusher-token-3141592", PUSH_SECRET, "hook-pass-42", "urltoken-xyz", OPERATOR,
           "mirror-pw-55", "mirror-key-66",
           token_hash(OPERATOR), token_hash(TOKENS["acme"])]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("admin")
    config = partner_site(tmp, extra=EXTRA)
    store = open_store(config.store_url)
    now = recent(0.5)
    hour = now - timedelta(hours=1)
    store.articles.upsert_many([
        make_article(1, published=hour),
        make_article(2, lang="ar", published=hour),
        make_article(6, lang="ar", published=hour),
        make_article(3, lang="ar", published=hour, embargo=now + timedelta(days=3)),
        make_article(4, published=hour, status=Status.WITHHELD),
        make_article(5, published=now + timedelta(days=1)),
    ], now)
    assert publish(config, store, now).ok
    ok = store.runs.claim("hourly", "publish", hour, hour)
    assert ok is not None
    store.runs.finish(ok, "success", hour + timedelta(seconds=2))
    bad = store.runs.claim("hourly", "publish", now, now)
    assert bad is not None
    store.runs.finish(bad, "failed", now + timedelta(seconds=1), error=ERROR)
    store.pending.add([("a1", "ar", f"engine at {PUSH_URL} timed out")], now)
    # the push worker's own store calls: the partner's first item failed with a 401
    claim = store.delivery.claim_head("pusher", "worker-1", now, 60)
    assert claim is not None
    assert store.delivery.mark_failed(claim, "worker-1", now, f"POST {PUSH_URL}: 401 (secret {PUSH_SECRET})", 401)
    server = Server(tmp / "syndicate.toml")
    yield config, store, server
    server.stop()
    store.close()


def get(server, path: str, token: str | None = OPERATOR) -> requests.Response:  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(f"{server.base}{path}", headers=headers)


def page(server, path: str):  # type: ignore[no-untyped-def]
    r = get(server, path)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
    for secret in SECRETS:
        assert secret not in r.text, f"{path} shows {secret!r}"
    return lxml.html.fromstring(r.content)


PAGES = ["/admin/", "/admin/runs", "/admin/feeds", "/admin/held", "/admin/translations", "/admin/push"]


@pytest.mark.parametrize("path", [*PAGES, "/admin", "/admin/nope"])
@pytest.mark.parametrize("token", [None, TOKENS["acme"], "pusher-token-3141592", "wrong"])
def test_console_answers_401_without_an_operator_token(site, path, token):
    _, _, server = site
    r = get(server, path, token)
    assert r.status_code == 401
    assert "<html" not in r.text
    assert any(h.startswith("Basic") for h in r.raw.headers.getlist("WWW-Authenticate"))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_for_a_phone_and_hides_secrets(site, path):
    _, _, server = site
    doc = page(server, path)
    assert doc.find(".//meta[@name='viewport']") is not None
    assert not doc.xpath("//script")
    links = {a.get("href") for a in doc.xpath("//nav/a")}
    assert links == {p.rstrip("/") if p != "/admin/" else p for p in PAGES}
    assert doc.xpath("//nav/a[@aria-current='page']/@href") == [path]


def test_jobs_page_shows_the_failed_job_and_its_error(site):
    _, _, server = site
    doc = page(server, "/admin/")
    row = doc.xpath("//table[@id='jobs']//tr[@data-job='hourly']")[0]
    cells = [c.text_content().strip() for c in row.findall("td")]
    assert cells[1] == "publish" and cells[2] == "every 1h UTC"
    assert cells[3] > cells[4]                         # next run after the last run (ISO strings compare)
    assert "failed" in cells[5]
    error = row.xpath(".//div[@class='error']")[0].text_content()
    assert error == ("push to *** failed; secret *** rejected; "
                     "mirror https://***@mirror.example.net/in?api_key=*** down")
    assert cells[6] == "1"                             # one failure since the last success
    prune = doc.xpath("//tr[@data-job='nightly-prune']/td")
    assert prune[2].text_content().strip() == "cron 0 3 * * * UTC"
    assert "never ran" in prune[5].text_content()


def test_runs_page_lists_the_failure_first_with_its_error(site):
    _, _, server = site
    doc = page(server, "/admin/runs")
    rows = doc.xpath("//table[@id='runs']/tbody/tr")
    assert [r.get("data-status") for r in rows] == ["failed", "success"]
    assert "rejected" in rows[0].xpath(".//div[@class='error']")[0].text_content()
    assert rows[1].findall("td")[5].text_content().strip() == "2.0"


def test_feeds_page_lists_what_publish_wrote(site):
    config, store, server = site
    doc = page(server, "/admin/feeds")
    rows = {r.get("data-path"): [c.text_content().strip() for c in r.findall("td")]
            for r in doc.xpath("//table[@id='feeds']/tbody/tr")}
    states = store.feeds.states()
    assert set(rows) == {s.path for s in states}
    for s in states:
        assert rows[s.path][3] == str(s.items) and rows[s.path][4] == str(s.size)
        if s.path.startswith("partners/"):
            assert config.output.partners_dir is not None
            assert (config.output.partners_dir / s.path.removeprefix("partners/")).stat().st_size == s.size
        else:
            assert (config.output.dir / s.path).stat().st_size == s.size
    assert rows["en/politics/rss.xml"][3] == "1"


def test_held_page_gives_policy_reasons_and_arabic_right_to_left(site):
    _, _, server = site
    doc = page(server, "/admin/held")
    rows = {r.get("data-id"): r for r in doc.xpath("//table[@id='held']/tbody/tr")}
    assert {k: r.get("data-reason") for k, r in rows.items()} == {
        "a3": "embargoed", "a4": "withheld", "a5": "scheduled"}
    arabic = rows["a3"].findall("td")
    assert arabic[2].text_content() == "اجتماع الوفد رقم 3 في جنيف"
    assert arabic[2].get("dir") == "rtl" and arabic[2].get("lang") == "ar"
    assert arabic[3].text_content() == "سياسة" and arabic[3].get("dir") == "rtl"
    assert arabic[1].text_content() > "2026"             # release time shown for an embargo
    english = rows["a4"].findall("td")
    assert english[2].get("dir") == "ltr" and english[1].text_content() == "-"


def test_translations_page_shows_pending_pairs_with_redacted_errors(site):
    _, _, server = site
    doc = page(server, "/admin/translations")
    row = doc.xpath("//table[@id='retries']//tr[@data-id='a1']")[0]
    assert row.get("data-dst") == "ar"
    assert row.findall("td")[1].text_content() == "Delegation 1 meets envoy in Geneva"
    assert row.findall("td")[3].text_content() == "engine at *** timed out"


def test_push_page_shows_the_queue_by_partner(site):
    _, store, server = site
    doc = page(server, "/admin/push")
    summary = {row["partner"]: row for row in store.delivery.summary()}
    rows = doc.xpath("//table[@id='push']/tbody/tr[@data-partner]")
    assert {r.get("data-partner") for r in rows} == set(summary)
    assert summary["pusher"]["failed"] == 1 and summary["pusher"]["pending"] >= 1
    for r in rows:
        cells = [c.text_content().strip() for c in r.findall("td")]
        row = summary[r.get("data-partner")]
        assert cells[1] == str(row["pending"]) and cells[4] == str(row["failed"])
    pusher = doc.xpath("//tr[@data-partner='pusher']/td")
    assert pusher[7].text_content() == "POST ***: 401 (secret ***)"


def test_console_accepts_basic_auth_from_a_browser(site):
    _, _, server = site
    basic = base64.b64encode(f"me:{OPERATOR}".encode()).decode()
    r = requests.get(f"{server.base}/admin/held", headers={"Authorization": f"Basic {basic}"})
    assert r.status_code == 200 and "Held back" in r.text
    assert r.headers["Cache-Control"] == "no-store"


@pytest.mark.skipif(not cdp.available(), reason="needs Debian chromium at /usr/bin/chromium (make test installs it)")
def test_console_in_headless_chromium(site, tmp_path):
    """The real browser: 401 without the header; with it (Network.setExtraHTTPHeaders) the rendered DOM shows
    the failed job's error and lays Arabic names out right-to-left; screenshots land in the test's folder."""
    _, _, server = site
    browser = cdp.Browser(tmp_path / "profile")
    try:
        assert browser.open(f"{server.base}/admin/") == 401
        auth = {"Authorization": f"Bearer {OPERATOR}"}
        assert browser.open(f"{server.base}/admin/", auth) == 200
        error = browser.evaluate("document.querySelector('tr[data-job=\"hourly\"] .error').innerText")
        assert error.startswith("push to *** failed; secret *** rejected")
        assert browser.evaluate("document.querySelectorAll('script').length") == 0
        # the page fits a phone: nothing wider than the viewport but the scrollable table wrapper
        assert browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        jobs = browser.screenshot(tmp_path / "console-jobs.png")
        assert browser.open(f"{server.base}/admin/held", auth) == 200
        dirs = browser.evaluate("""JSON.stringify([...document.querySelectorAll('#held tbody tr')].map(
            r => [r.dataset.id, getComputedStyle(r.cells[2]).direction, r.cells[2].innerText]))""")
        got = {i: (d, t) for i, d, t in json.loads(dirs)}
        assert got["a3"] == ("rtl", "اجتماع الوفد رقم 3 في جنيف")
        assert got["a4"][0] == "ltr"
        text = browser.evaluate("document.body.innerText")
        for secret in SECRETS:
            assert secret not in text
        held = browser.screenshot(tmp_path / "console-held.png")
    finally:
        browser.stop()
    for shot in (jobs, held):
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000


def test_translations_page_lists_the_review_queue(tmp_path):
    """With `[translation] review = "required"`, machine translations waiting for an editor are on the console
    (Arabic titles right-to-left), and leave it once decided."""
    extra = (f'[translation]\ntargets = ["ar"]\nengine = "identity"\nreview = "required"\n\n'
             f'[server]\noperator_token_hashes = ["{token_hash(OPERATOR)}"]\n')
    config = partner_site(tmp_path, extra=extra)
    store = open_store(config.store_url)
    now = recent(0.5)
    store.articles.upsert_many([make_article(1, published=now - timedelta(hours=1)),
                                make_article(2, published=now - timedelta(hours=2))], now)
    assert not publish(config, store, now).failed
    waiting = {r.id for r in store.reviews.entries("pending")}
    assert waiting == {"a1~ar", "a2~ar"}
    store.reviews.decide("a2~ar", "approved", "Ana", None, now)
    server = Server(tmp_path / "syndicate.toml")
    try:
        doc = page(server, "/admin/translations")
        rows = doc.xpath("//table[@id='review-queue']/tbody/tr[@data-id]")
        assert [r.get("data-id") for r in rows] == ["a1~ar"]
        cells = rows[0].findall("td")
        assert cells[1].text_content() == "Delegation 1 meets envoy in Geneva" and cells[2].text_content() == "ar"
        assert cells[1].get("dir") == "rtl"
    finally:
        server.stop()
        store.close()
