"""The delivery change log's sync, released in small batches (as a store's first sync of many versions is):
every version gets its cursors once, in version order; embargoed ones reach early partners only; each release
knows the least machine-made earlier version shown (for notices) even when that one was in an earlier batch."""

from __future__ import annotations

from datetime import timedelta

from factories import BASE, make_article

from syndicate.model import Origin, Status
from syndicate.store import Release, open_store
from syndicate.store import delivery as delivery_module

NOW = BASE + timedelta(days=2)


def test_sync_in_batches_releases_every_version_once_in_order(store_url, monkeypatch) -> None:
    monkeypatch.setattr(delivery_module, "_DUE_BATCH", 3)
    store = open_store(store_url)
    try:
        expected: dict[tuple[str, int], tuple[int, bool]] = {}     # (id, version) -> (rank, embargoed)
        for n in range(1, 9):
            kind = n % 4         # 0 original, 1 unreviewed MT, 2 approved MT, 3 embargoed original
            fields = {}
            if kind in (1, 2):
                fields = {"lang": "es", "translation_of": "orig", "origin": Origin.MACHINE,
                          "reviewed_by": "ed" if kind == 2 else None}
            if kind == 3:
                fields["embargo"] = NOW + timedelta(hours=3)
            first = make_article(n, **fields)
            store.articles.upsert_many([first], first.published)
            second = make_article(n, **fields, status=Status.CANCELED, title=f"killed {n}")
            store.articles.upsert_many([second], second.published + timedelta(minutes=1))
            rank = {0: 0, 1: 2, 2: 1, 3: 0}[kind]
            expected[(first.id, 1)] = (rank, kind == 3)
            expected[(first.id, 2)] = (rank, kind == 3)
        releases: list[Release] = []

        def route(release: Release) -> list[str]:
            releases.append(release)
            return []

        assigned = store.delivery.sync(NOW, route)
        assert assigned == len(expected)
        assert store.delivery.sync(NOW, route) == 0                       # nothing twice
        seen = [(r.article_id, r.version, r.early) for r in releases]
        assert len(seen) == len(set(seen))
        early = {(r.article_id, r.version) for r in releases if r.early}
        public = {(r.article_id, r.version) for r in releases if not r.early}
        assert early == set(expected)
        assert public == {k for k, (_, embargoed) in expected.items() if not embargoed}
        for r in releases:
            rank, _ = expected[(r.article_id, r.version)]
            assert r.machine_rank == rank
            # version 2 (the kill) knows version 1 was released usable, whatever batch that was in
            assert r.shown_rank == (rank if r.version == 2 else None), r
        top, entries = store.delivery.entries(early=True, since=0, limit=100)
        assert [(e.article.id, e.article.version) for e in entries] == sorted(
            expected, key=lambda k: (int(k[0][1:]), k[1]))               # cursor order = version order
        assert top == store.delivery.last_cursor() == len(entries)
    finally:
        store.close()
