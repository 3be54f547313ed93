"""The incremental NewsML-G2 API (`GET /api/v1/items`) against the real server, on SQLite and PostgreSQL:
paging while new versions are published misses and repeats nothing; late commits; embargo release; scope."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

import pytest
import requests
from factories import make_article
from lxml import etree
from test_serve_support import TOKENS, Server, partner_site, recent

from syndicate.config import Partner
from syndicate.model import Status
from syndicate.serve.items import Query, decode_cursor, fetch_page
from syndicate.store import open_store
from syndicate.store.schema import article_versions

NAR = "{http://iptc.org/std/nar/2006-10-01/}"


@pytest.fixture
def api(tmp_path, store_url):
    config = partner_site(tmp_path, store_url)
    store = open_store(config.store_url)
    server = Server(config.path)
    yield config, store, server
    server.stop()
    store.close()


def versions_in(body: bytes) -> list[tuple[str, int]]:
    root = etree.fromstring(body)
    return [(el.get("guid"), int(el.get("version"))) for el in root.iter(f"{NAR}newsItem")]


def page(server: Server, partner: str, since: str | None, limit: int = 3, **params: str
         ) -> tuple[list[tuple[str, int]], str]:
    query = {"limit": str(limit), **params}
    if since:
        query["since"] = since
    r = requests.get(f"{server.base}/api/v1/items", params=query,
                     headers={"Authorization": f"Bearer {TOKENS[partner]}"}, timeout=30)
    assert r.status_code in (200, 204), r.text
    got = versions_in(r.content) if r.status_code == 200 else []
    assert r.headers["X-Item-Count"] == str(len(got))
    if got:
        assert r.headers["Content-Type"].startswith("application/vnd.iptc.g2.newsmessage+xml")
    return got, r.headers["X-Next-Cursor"]


def drain(server: Server, partner: str, since: str | None, limit: int = 3) -> tuple[list[tuple[str, int]], str]:
    seen: list[tuple[str, int]] = []
    for _ in range(500):
        got, since = page(server, partner, since, limit)
        seen += got
        if not got:
            return seen, since  # type: ignore[return-value]
    raise AssertionError("paging did not end")


def stored_versions(store, *, langs=None, categories=None) -> set[tuple[str, int]]:
    out = set()
    for article in (a for a_id in _ids(store) for a in store.articles.versions(a_id)):
        if (langs is None or article.lang in langs) and (categories is None or article.category in categories):
            out.add((article.guid, article.version))
    return out


def _ids(store) -> list[str]:
    with store.db.engine.connect() as conn:
        return sorted({row[0] for row in conn.execute(article_versions.select().with_only_columns(
            article_versions.c.article_id))})


def test_paging_while_publishing_misses_and_repeats_nothing(api):
    _config, store, server = api
    base = recent(72)
    seed = [make_article(n, published=base + timedelta(minutes=n), category=("politics", "economy")[n % 2])
            for n in range(1, 9)] + [make_article(50 + n, lang="ar", published=base) for n in range(3)]
    store.articles.upsert_many(seed, recent(1))

    errors: list[BaseException] = []

    def writer(k: int) -> None:
        mine = seed[k::2]             # each writer versions its own articles (no two upserts of one article race)
        try:
            for i in range(18):
                n = 100 * (k + 1) + i
                if i % 3 == 0:      # a new article
                    article = make_article(n, published=recent(2), category=("politics", "economy")[n % 2])
                elif i % 3 == 1:    # an update (new version)
                    old = store.articles.get(mine[i % len(mine)].id)
                    article = replace(old, title=f"{old.title} (update {n})").with_hash()
                else:               # a correction or a kill
                    old = store.articles.get(mine[(i + 1) % len(mine)].id)
                    article = replace(old, correction_note=f"Corrected {n}", title=f"{old.title} [c{n}]",
                                      status=Status.CANCELED if n % 4 == 0 else old.status).with_hash()
                store.articles.upsert_many([article], recent(0))
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    writers = [threading.Thread(target=writer, args=(k,)) for k in (0, 1)]
    seen: dict[str, list[tuple[str, int]]] = {"wire": [], "acme": []}
    cursors: dict[str, str | None] = {"wire": None, "acme": None}
    for w in writers:
        w.start()
    while any(w.is_alive() for w in writers):
        for partner in seen:
            got, cursors[partner] = page(server, partner, cursors[partner], limit=2)
            seen[partner] += got
    for w in writers:
        w.join()
    assert errors == []
    for partner in seen:
        rest, cursors[partner] = drain(server, partner, cursors[partner], limit=4)
        seen[partner] += rest

    wire, acme = seen["wire"], seen["acme"]
    assert len(wire) == len(set(wire)), "a version was repeated"
    assert set(wire) == stored_versions(store, langs={"en", "ar"})
    assert len(acme) == len(set(acme))
    assert set(acme) == stored_versions(store, langs={"en"}, categories={"politics"})
    assert len(set(wire)) > len(seed) + 20 and set(acme) < set(wire)
    for received in (wire, acme):      # oldest first: an item's versions arrive in order
        last: dict[str, int] = {}
        for guid, version in received:
            assert version > last.get(guid, 0)
            last[guid] = version
    # nothing new: 204 and the cursor stays usable
    assert page(server, "wire", cursors["wire"])[0] == []


@pytest.mark.postgres
def test_late_commit_is_not_skipped(tmp_path, pg_database_url):
    """A version whose sequence number is lower but whose transaction commits later is still delivered."""
    from sqlalchemy import create_engine

    from syndicate.store.schema import metadata

    engine = create_engine(pg_database_url)
    metadata.drop_all(engine)
    engine.dispose()
    config = partner_site(tmp_path, pg_database_url)
    store = open_store(config.store_url)
    server = Server(config.path)
    try:
        store.articles.upsert_many([make_article(1, published=recent(5))], recent(1))
        first, cursor = drain(server, "wire", None)
        assert len(first) == 1
        slow = store.db.engine.connect()
        tx = slow.begin()
        store.articles.upsert_in(slow, [make_article(2, published=recent(4))], recent(0))        # seq n, not committed
        store.articles.upsert_many([make_article(3, published=recent(3))], recent(0))              # seq n+1, committed
        got, cursor = drain(server, "wire", cursor)
        assert [v for v, _ in got] == [make_article(3).guid]
        tx.commit()
        slow.close()
        got, cursor = drain(server, "wire", cursor)
        assert [v for v, _ in got] == [make_article(2).guid]
    finally:
        server.stop()
        store.close()


def test_embargo_released_later_and_never_early(tmp_path):
    """Embargoed partners get the version at once (flagged); the others only after the embargo, and an
    embargo moved later by a new version holds back the earlier version too."""
    config = partner_site(tmp_path)
    store = open_store(config.store_url)
    wire = next(p for p in config.partners if p.name == "wire")
    acme: Partner = next(p for p in config.partners if p.name == "acme")
    now = recent(0)
    t1, t2 = now + timedelta(hours=1), now + timedelta(hours=3)
    v1 = make_article(7, published=now - timedelta(hours=1), embargo=t1)
    store.articles.upsert_many([v1], now)
    store.articles.upsert_many([replace(v1, title="Moved embargo", embargo=t2).with_hash()], now)
    everything = Query(since=0, lang=None, category=None, limit=50)

    early = fetch_page(config, store, wire, everything, now)
    assert versions_in(early.body) == [(v1.guid, 1), (v1.guid, 2)]
    assert b"<embargoed>" in early.body
    before = fetch_page(config, store, acme, everything, now)
    assert before.body is None
    # a cursor taken before the release still leads to the released versions: nothing skipped
    since = decode_cursor(before.next_cursor)
    between = fetch_page(config, store, acme, replace(everything, since=since), t1 + timedelta(minutes=1))
    assert between.body is None, "v1's embargo passed but v2 moved it: nothing may leak"
    after = fetch_page(config, store, acme, replace(everything, since=since), t2 + timedelta(minutes=1))
    assert versions_in(after.body) == [(v1.guid, 1), (v1.guid, 2)]
    assert b"<embargoed>" not in after.body
    assert fetch_page(config, store, wire, replace(everything, since=decode_cursor(early.next_cursor)),
                      t2 + timedelta(minutes=2)).body is None, "embargoed partners got it once already"
    store.close()
