"""`syndicate serve` on 127.0.0.1 (granian, a real subprocess): public feeds with validators, gzip and 304;
partner paths with tokens, scopes and rate limits; path traversal never leaves the output directory."""

from __future__ import annotations

import gzip
import hashlib
import os
from datetime import UTC, datetime

import pytest
import requests
from factories import make_article
from test_serve_support import TOKENS, Server, partner_site, raw_get

from syndicate.publish.usecase import publish
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
SECRET = b"TOP-SECRET-OUTSIDE-OUTPUT-7f3a"
TYPES = {"rss.xml": "application/rss+xml", "atom.xml": "application/atom+xml", "feed.json": "application/feed+json",
         "newsml.xml": "application/vnd.iptc.g2.newsmessage+xml"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    config = partner_site(tmp, hub_url="https://hub.example.net/")
    store = open_store(config.store_url)
    store.articles.upsert_many([make_article(n) for n in range(1, 8)] + [make_article(20, lang="ar")], NOW)
    report = publish(config, store, NOW)
    assert report.ok, report.failed
    # a secret beside the output dir, and a symlink inside it pointing there
    (tmp / "secret.txt").write_bytes(SECRET)
    (tmp / "partners" / "secret.txt").write_bytes(SECRET)
    leak = config.output.dir / "en" / "leak"
    leak.mkdir()
    os.symlink(tmp / "secret.txt", leak / "rss.xml")
    os.symlink(tmp, config.output.dir / "en" / "up")
    server = Server(tmp / "syndicate.toml")
    yield config, store, server
    server.stop()
    store.close()


def auth(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[name]}"}


@pytest.mark.parametrize("name", sorted(TYPES))
def test_feed_200_with_validators_and_type(site, name):
    config, _, server = site
    body = (config.output.dir / "en" / "politics" / name).read_bytes()
    r = requests.get(f"{server.base}/en/politics/{name}", headers={"Accept-Encoding": "identity"})
    assert r.status_code == 200
    assert r.content == body
    assert r.headers["Content-Type"].split(";")[0] == TYPES[name]
    assert r.headers["ETag"] == f'"{hashlib.sha256(body).hexdigest()}"'
    assert r.headers["Last-Modified"].endswith("GMT")
    assert '<https://hub.example.net/>; rel="hub"' in r.headers["Link"]
    assert f'<https://news.example.org/feeds/en/politics/{name}>; rel="self"' in r.headers["Link"]


def test_conditional_get_and_head(site):
    _, _, server = site
    url = f"{server.base}/en/all/atom.xml"
    first = requests.get(url, headers={"Accept-Encoding": "identity"})
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    r = requests.get(url, headers={"If-None-Match": etag, "Accept-Encoding": "identity"})
    assert r.status_code == 304 and r.content == b"" and r.headers["ETag"] == etag
    assert requests.get(url, headers={"If-None-Match": f'"x", W/{etag}'}).status_code == 304
    assert requests.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert requests.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
    assert requests.get(url, headers={"If-None-Match": '"stale"', "If-Modified-Since": modified}).status_code == 200
    assert requests.get(url, headers={"If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"}).status_code == 200
    head = requests.head(url, headers={"Accept-Encoding": "identity"})
    assert head.status_code == 200 and head.content == b""
    assert head.headers["Content-Length"] == str(len(first.content)) and head.headers["ETag"] == etag
    assert requests.post(url, data=b"x").status_code == 405


def test_gzip_when_asked(site):
    config, _, server = site
    body = (config.output.dir / "en" / "all" / "rss.xml").read_bytes()
    r = requests.get(f"{server.base}/en/all/rss.xml", headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = r.raw.read(decode_content=False)
    assert r.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in r.headers["Vary"]
    assert gzip.decompress(raw) == body and len(raw) < len(body)
    assert r.headers["ETag"] != f'"{hashlib.sha256(body).hexdigest()}"'     # another representation
    again = requests.get(f"{server.base}/en/all/rss.xml",
                         headers={"Accept-Encoding": "gzip", "If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304
    plain = requests.get(f"{server.base}/en/all/rss.xml", headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in plain.headers and plain.content == body


def test_new_bytes_new_etag(site):
    config, store, server = site
    url = f"{server.base}/en/economy/rss.xml"
    before = requests.get(url)
    store.articles.upsert_many([make_article(40, category="economy")], NOW)
    report = publish(config, store, NOW, feeds=["en/economy"])
    assert any(r.path == "en/economy/rss.xml" for r in report.written)
    after = requests.get(url, headers={"If-None-Match": before.headers.get("ETag", '"none"')})
    assert after.status_code == 200
    assert after.content == (config.output.dir / "en" / "economy" / "rss.xml").read_bytes()
    assert after.headers["ETag"] != before.headers.get("ETag")


def test_partner_paths_need_a_valid_token(site):
    _, _, server = site
    url = f"{server.base}/partners/acme/en/politics/newsml.xml"
    r = requests.get(url)
    assert r.status_code == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
    assert requests.get(url, headers={"Authorization": "Bearer wrong-token"}).status_code == 401
    assert requests.get(url, headers={"Authorization": f"Basic {TOKENS['acme']}"}).status_code == 401
    assert requests.get(f"{server.base}/api/v1/items").status_code == 401
    ok = requests.get(url, headers=auth("acme"))
    assert ok.status_code == 200
    assert ok.headers["Content-Type"].startswith("application/vnd.iptc.g2.newsmessage+xml")
    assert b"newsMessage" in ok.content and "private" in ok.headers["Cache-Control"]
    assert requests.get(url, headers={**auth("acme"), "If-None-Match": ok.headers["ETag"]}).status_code == 304


def test_partner_scope_403(site):
    _, _, server = site
    # another partner's folder, a language and a category outside acme's agreement
    assert requests.get(f"{server.base}/partners/wire/en/politics/newsml.xml", headers=auth("acme")).status_code == 403
    assert requests.get(f"{server.base}/partners/acme/ar/politics/newsml.xml", headers=auth("acme")).status_code == 403
    assert requests.get(f"{server.base}/partners/acme/en/economy/newsml.xml", headers=auth("acme")).status_code == 403
    assert requests.get(f"{server.base}/api/v1/items?lang=ar", headers=auth("acme")).status_code == 403
    assert requests.get(f"{server.base}/api/v1/items?category=economy", headers=auth("acme")).status_code == 403
    assert requests.get(f"{server.base}/api/v1/items?since=bogus", headers=auth("acme")).status_code == 400
    assert requests.get(f"{server.base}/partners/wire/ar/politics/newsml.xml", headers=auth("wire")).status_code == 200


def test_rate_limit_429(site):
    _, _, server = site
    url = f"{server.base}/api/v1/quota"
    answers = [requests.get(url, headers=auth("slow")) for _ in range(4)]
    assert [a.status_code for a in answers[:3]] == [200, 200, 200]
    assert answers[3].status_code == 429
    assert int(answers[3].headers["Retry-After"]) >= 1
    # another partner's quota is its own
    assert requests.get(url, headers=auth("acme")).status_code == 200


TRAVERSALS = [
    "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/en/../../secret.txt",
    "/en/%2e%2e/%2e%2e/secret.txt", "/en/all/..%2f..%2f..%2fsecret.txt", "//etc/passwd", "/%2fetc%2fpasswd",
    "/etc/passwd", "/..%5c..%5csecret.txt", "/en\\..\\..\\secret.txt", "/%252e%252e/%252e%252e/secret.txt",
    "/%c0%ae%c0%ae/secret.txt", "/en/all/rss.xml%00", "/en/all/%2e/rss.xml", "/./en/all/rss.xml",
    "/en/leak/rss.xml", "/en/up/secret.txt", "/en/up/partners/acme/en/politics/newsml.xml", "/en/all/.rss.xml.tmp",
    "/%2e%2e%2f%2e%2e%2fsecret.txt", "/en/items/..%2f..%2f..%2fsecret.txt", "/en/all/rss.xml/..%2f..%2f..%2fsecret.txt",
    "/en/%00/rss.xml", "/en/all/%20rss.xml", "/secret.txt",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_path_traversal_is_404(site, target):
    _, _, server = site
    status, data = raw_get(server.port, target)
    assert status == 404, target
    assert SECRET not in data


@pytest.mark.parametrize("target", ["/partners/acme/../secret.txt", "/partners/acme/%2e%2e/secret.txt",
                                    "/partners/acme/en/%2e%2e/%2e%2e/secret.txt", "/partners/acme/en/items/..%2f..%2fx"])
def test_partner_traversal_is_404(site, target):
    _, _, server = site
    status, data = raw_get(server.port, target, {"Authorization": f"Bearer {TOKENS['acme']}"})
    assert status in (403, 404), target
    assert SECRET not in data


@pytest.mark.parametrize("query", ["limit=%C2%B2", "limit=-1", "limit=9" * 30, "since=" + "9" * 40,
                                   # a well-formed cursor of a number the store could never hold
                                   "since=YzE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQ", "since=%FF%FE",
                                   "limit=1&limit=%00"])
def test_malformed_items_queries_are_400(site, query):
    """Bad query parameters and forged cursors are the client's error (400), never a 500."""
    _, _, server = site
    r = requests.get(f"{server.base}/api/v1/items?{query}", headers=auth("wire"))
    assert r.status_code == 400, (query, r.status_code, r.text)


@pytest.mark.parametrize("header", ["Mon, 01 Jan 9999999999 00:00:00 GMT", "yesterday", "Sun, 99 Foo 2026 99:99:99",
                                    "Thu, 01 Jan 1970 00:00:00 GMT" + "x" * 5000])
def test_absurd_conditional_headers_are_ignored(site, header):
    """An unparseable or absurd If-Modified-Since is ignored: a full 200, as RFC 9110 asks."""
    config, _, server = site
    r = requests.get(f"{server.base}/en/politics/rss.xml", headers={"If-Modified-Since": header})
    assert r.status_code == 200 and r.content == (config.output.dir / "en/politics/rss.xml").read_bytes()


def test_two_workers_share_one_rate_limit(tmp_path):
    """With two server processes a partner limited to 10 a minute gets 10 answers, not 20: the buckets live in
    the store, shared by every worker."""
    config = partner_site(tmp_path, extra='\n[partners.tight]\ntoken_hashes = ["{}"]\nrate_limit = 10\n'.format(
        hashlib.sha256(b"tight-token-0123456789").hexdigest()))
    with open_store(config.store_url) as store:
        store.articles.upsert_many([make_article(1)], NOW)
        publish(config, store, NOW)
    server = Server(config.path, "--workers", "2")
    try:
        codes = []
        for _ in range(24):          # a new connection each time: the kernel spreads them over both workers
            with requests.Session() as session:
                codes.append(session.get(f"{server.base}/api/v1/quota",
                                         headers={"Authorization": "Bearer tight-token-0123456789",
                                                  "Connection": "close"}).status_code)
        assert codes.count(200) == 10 and codes.count(429) == 14, codes
    finally:
        server.stop()
