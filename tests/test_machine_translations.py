"""Partners' ``machine_translations`` agreement (``all`` | ``reviewed`` | ``none``) in every partner output:
NewsML-G2 and ninjs files, the items API over a real HTTP server, and the push queue; its config check; and
migration 4, which ranks the versions already in the change log.

The site machine-translates into Spanish (review required) and French (no review): a French translation is
unreviewed machine text, a Spanish one reviewed once an editor approves it, and human-revised once one edits it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from factories import make_article
from lxml import etree
from sites import make_site, write_jsonl
from sqlalchemy import select
from store_versions import migrated_from
from test_serve_support import ThreadedServer

from syndicate.config import load_config
from syndicate.errors import ConfigError
from syndicate.ingest.usecase import ingest
from syndicate.model import Origin, guid_for, machine_rank
from syndicate.publish.usecase import publish
from syndicate.store import open_store
from syndicate.store.schema import delivery_changes
from syndicate.translate import review

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
G = "{http://iptc.org/std/nar/2006-10-01/}"
AGREEMENTS = ("all", "reviewed", "none")
TRANSLATION = '[translation]\ntargets = ["es", "fr"]\nengine = "identity"\n[translation.review]\nes = "required"\n'


def partners_toml() -> str:
    out = []
    for choice in AGREEMENTS:
        out.append(f'[partners.p-{choice}]\nmachine_translations = "{choice}"\nformats = ["newsml", "ninjs"]\n'
                   f'token_hashes = ["{hashlib.sha256(choice.encode()).hexdigest()}"]\nrate_limit = 100000\n'
                   'push_url = "http://127.0.0.1:9/in"\npush_secret = "s"\n')
    return "\n".join(out)


ROWS = [{"id": "m1", "lang": "en", "category": "politics", "title": "Ceasefire talks open",
         "body_html": "<p>Delegations arrived on Sunday.</p>", "published": "2026-11-22T09:00:00Z"},
        {"id": "m2", "lang": "ar", "category": "economy", "title": "الأسعار ترتفع",
         "body_html": "<p>ارتفعت أسعار الخبز.</p>", "published": "2026-11-22T10:00:00Z"}]


class Site:
    def __init__(self, tmp_path: Path) -> None:
        self.root = tmp_path
        self.config = load_config(make_site(tmp_path, extra=TRANSLATION + partners_toml()), env={})
        self.store = open_store(self.config.store_url)
        self.server = ThreadedServer(self.config, self.store, NOW)
        self.cursors = {c: "" for c in AGREEMENTS}
        self.pulled: dict[str, set[tuple[str, int]]] = {c: set() for c in AGREEMENTS}

    def close(self) -> None:
        self.server.close()
        self.store.close()

    def publish(self, now: datetime) -> None:
        self.server.now = now
        result = publish(self.config, self.store, now)
        assert not result.failed, result.failed

    def files(self, choice: str) -> set[str]:
        """Every guid in the partner's NewsML-G2 and ninjs files."""
        guids: set[str] = set()
        for path in (self.config.output.partners_dir / f"p-{choice}").rglob("*"):
            if path.suffix == ".xml":
                guids |= {i.get("guid") for i in etree.parse(str(path)).iter(f"{G}newsItem")}
            elif path.suffix == ".json":
                data = json.loads(path.read_bytes())
                guids |= {i["uri"] for i in data.get("items", [data])}
        return guids

    def pull(self, choice: str) -> set[str]:
        """Page the items API to its end (NewsML-G2); every guid it ever gave this partner."""
        for _ in range(50):
            params = {"limit": "3"} | ({"since": self.cursors[choice]} if self.cursors[choice] else {})
            r = requests.get(f"{self.server.base}/api/v1/items", params=params,
                             headers={"Authorization": f"Bearer {choice}"}, timeout=10)
            assert r.status_code in (200, 204), r.text
            self.cursors[choice] = r.headers["X-Next-Cursor"]
            if r.status_code == 204:
                return {g for g, _ in self.pulled[choice]}
            root = etree.fromstring(r.content)
            self.pulled[choice] |= {(i.get("guid"), int(i.get("version"))) for i in root.iter(f"{G}newsItem")}
        raise AssertionError("the items API never ran dry")

    def queued(self, choice: str) -> set[str]:
        by_id = {a.id: a.guid for a in self.store.articles.iter_articles()}
        return {by_id[r["article_id"]] for r in self.store.delivery.rows(f"p-{choice}")}

    def everywhere(self, choice: str) -> dict[str, set[str]]:
        return {"files": self.files(choice), "items API": self.pull(choice), "push queue": self.queued(choice)}


def test_each_agreement_gets_only_the_machine_translations_it_chose(tmp_path: Path) -> None:
    site = Site(tmp_path)
    try:
        assert ingest(site.config, site.store, str(write_jsonl(tmp_path / "in.jsonl", ROWS)), NOW).ok
        site.publish(NOW)
        people = {guid_for("m1", "en"), guid_for("m2", "ar")}
        french = {guid_for("m1", "fr"), guid_for("m2", "fr")}
        spanish = {guid_for("m1", "es"), guid_for("m2", "es")}
        # French is machine-translated without review; Spanish waits for an editor
        for choice, want in (("all", people | french), ("reviewed", people), ("none", people)):
            for where, got in site.everywhere(choice).items():
                assert got == want, (choice, where, got ^ want)

        queue = {r.article.id: r for r in site.store.reviews.entries()}
        assert set(queue) == {"m1~es", "m2~es"}
        review.approve(site.store, queue["m1~es"].id, "editor-a", NOW)
        review.edit(site.store, queue["m2~es"].id, "editor-b", NOW, title="Los precios suben")
        later = NOW + timedelta(minutes=5)
        site.publish(later)
        approved, edited = guid_for("m1", "es"), guid_for("m2", "es")
        for choice, want in (("all", people | french | spanish), ("reviewed", people | spanish),
                             ("none", people | {edited})):
            for where, got in site.everywhere(choice).items():
                assert got == want, (choice, where, got ^ want)
        assert approved not in site.files("none")

        # the original is killed: its translations follow, but a kill notice only goes where the text went
        killed = {**ROWS[0], "status": "canceled", "updated": "2026-11-23T12:30:00Z"}
        assert ingest(site.config, site.store, str(write_jsonl(tmp_path / "kill.jsonl", [killed])), later).ok
        site.publish(NOW + timedelta(hours=1))
        fr, es = guid_for("m1", "fr"), guid_for("m1", "es")
        for choice in AGREEMENTS:
            site.pull(choice)
            pulled = site.pulled[choice]
            pushed = {(r["article_id"], r["version"]) for r in site.store.delivery.rows(f"p-{choice}")}
            assert ((fr, 2) in pulled) is (("m1~fr", 2) in pushed) is (choice == "all"), choice
            assert ((es, 2) in pulled) is (("m1~es", 2) in pushed) is (choice != "none"), choice
            assert es not in site.files("none") and not any(a == "m1~es" for a, _ in pushed if choice == "none")
    finally:
        site.close()


def test_machine_rank() -> None:
    assert machine_rank(Origin.ORIGINAL, None) == 0 and machine_rank(Origin.HUMAN, "editor") == 0
    assert machine_rank(Origin.MACHINE, "editor") == 1 and machine_rank(Origin.MACHINE, None) == 2
    assert machine_rank("machine", "") == 2


def test_agreement_is_checked(tmp_path: Path) -> None:
    good = load_config(make_site(tmp_path, extra='[partners.x]\nmachine_translations = "reviewed"\n'), env={})
    assert good.partners[0].machine_translations == "reviewed"
    default = load_config(make_site(tmp_path, extra="[partners.x]\n"), env={})
    assert default.partners[0].machine_translations == "all"
    with pytest.raises(ConfigError, match=r"partners\.x\.machine_translations.*none, reviewed, all.*'some'"):
        load_config(make_site(tmp_path, extra='[partners.x]\nmachine_translations = "some"\n'), env={})


def test_migration_4_ranks_the_change_log(store_url: str) -> None:
    """A version-3 store's change log (no machine_rank) migrates to 4 with each version ranked."""
    store = open_store(store_url)
    original = make_article(1)
    mt = make_article(2, lang="es", translation_of=original.id, origin=Origin.MACHINE).with_hash()
    approved = make_article(3, lang="fr", translation_of=original.id, origin=Origin.MACHINE,
                            reviewed_by="ed").with_hash()
    store.articles.upsert_many([original, mt, approved], original.published)
    store.delivery.sync(original.published + timedelta(days=1), lambda release: ())
    store.close()
    with migrated_from(store_url, 3, "ALTER TABLE delivery_changes DROP COLUMN machine_rank") as (_, db), \
            db.read("test") as conn:
        ranks = dict(conn.execute(select(delivery_changes.c.article_id, delivery_changes.c.machine_rank)).all())
    assert ranks == {original.id: 0, mt.id: 2, approved.id: 1}
