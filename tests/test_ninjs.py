"""ninjs 3.1 for partners (``formats = ["ninjs"]``): per-partner item files beside NewsML-G2 and the items API
with ``Accept: application/json``, with the lifecycle of NewsML-G2 (versions, corrections, withheld,
canceled, embargo), translations linked and machine translation disclosed first. Every document is
validated against ``../shared/schemas/ninjs/ninjs-schema_3.1.json``."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from factories import make_article
from jsonschema import Draft202012Validator
from test_serve_support import TOKENS, Server, partner_site, recent

from syndicate.config import ConfigError, load_config
from syndicate.model import Origin, Status
from syndicate.publish.usecase import publish
from syndicate.render.ninjs import TRAINED_ALGORITHMIC, item_path
from syndicate.serve.auth import token_hash
from syndicate.store import open_store

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "ninjs" / "ninjs-schema_3.1.json"
AGENCY = "agency-token-27182818"
EXTRA = f"""
[partners.agency]
languages = ["en", "ar"]
formats = ["newsml", "ninjs"]
embargoed = true
token_hashes = ["{token_hash(AGENCY)}"]
rate_limit = 100000
"""


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


#: RFC 3986 absolute URI (the installed jsonschema checks no "uri" or "date-time" format: checked here)
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(//([A-Za-z0-9._~!$&'()*+,;=:-]|%[0-9A-Fa-f]{2})*)?"
                 r"([A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})*(\?([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*)?"
                 r"(#([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*)?")
TIMES = {"firstCreated", "versionCreated", "contentCreated", "embargoedUntil"}


def _formats(node: Any) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("uri", "schema") or (key == "value" and node.get("role") == "url"):
                assert URI.fullmatch(value), f"{key} {value!r} is not an RFC 3986 URI"
            elif key in TIMES:
                assert datetime.fromisoformat(value).tzinfo is not None, value
            _formats(value)
    elif isinstance(node, list):
        for value in node:
            _formats(value)


def valid(validator: Draft202012Validator, doc: dict[str, Any]) -> dict[str, Any]:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    _formats(doc)
    return doc


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ninjs")
    config = partner_site(tmp, extra=EXTRA)
    store = open_store(config.store_url)
    t0 = recent(2)
    t1 = t0 + timedelta(minutes=30)
    pub = t0 - timedelta(hours=1)
    original = make_article(1, published=pub)
    killed = make_article(2, published=pub)
    held = make_article(4, published=pub)
    arabic = make_article(3, lang="ar", published=pub, translation_of="a1", origin=Origin.MACHINE,
                          mt_engine="apertium", mt_model="eng-ara", source_version=1,
                          url="https://news.example.org/ar/سياسة/قصة 1")
    embargoed = make_article(5, published=pub, embargo=recent(-48))
    store.articles.upsert_many([original, killed, held, arabic, embargoed], t0)
    assert publish(config, store, t0).ok
    corrected = make_article(1, published=pub, updated=t1, body_html="<p>Delegation 1 met the envoy twice.</p>",
                             correction_note="An earlier version gave the wrong number of meetings.")
    store.articles.upsert_many([corrected, make_article(2, published=pub, updated=t1, status=Status.CANCELED),
                                make_article(4, published=pub, updated=t1, status=Status.WITHHELD)], t1)
    assert publish(config, store, t1).ok
    yield config, store, {a.id: a for a in (original, killed, held, arabic, embargoed)}
    store.close()


def files(config) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    root = config.output.partners_dir / "agency"
    return {str(p.relative_to(root)): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(root.rglob("*.json"))}


def test_every_ninjs_file_validates_beside_its_newsml_item(site, validator):
    config, _, _ = site
    docs = files(config)
    assert len(docs) >= 8
    root = config.output.partners_dir / "agency"
    for rel, doc in docs.items():
        valid(validator, doc)
        assert (root / rel.replace(".json", ".xml")).is_file(), f"no NewsML-G2 beside {rel}"
        assert doc["standard"] == {"name": "ninjs", "version": "3.1",
                                   "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"}
    # acme (NewsML-G2 only) gets none
    assert not list((config.output.partners_dir / "acme").rglob("*.json"))


def test_correction_is_version_2_with_its_note(site, validator):
    config, _, arts = site
    a1 = arts["a1"]
    docs = files(config)
    v1 = docs[item_path(a1)]
    v2 = docs[item_path(make_article(1, version=2))]
    assert v1["version"] == "1" and v2["version"] == "2"
    assert v1["uri"] == v2["uri"] == a1.guid
    assert "Correction: An earlier version gave the wrong number of meetings." in v2["edNote"]
    assert "met the envoy twice" in v2["bodies"][0]["value"]
    assert "wrong number of meetings" in v2["bodies"][0]["value"]
    assert "edNote" not in v1 and v2["versionCreated"] > v1["versionCreated"]


def test_killed_and_withheld_versions_carry_notices_not_text(site, validator):
    config, _, arts = site
    docs = files(config)
    kill = valid(validator, docs[item_path(make_article(2, version=2))])
    assert kill["pubStatus"] == "canceled"
    assert kill["bodies"] == [{"role": "main", "contentType": "text/plain", "value": kill["bodies"][0]["value"]}]
    assert kill["bodies"][0]["value"].startswith("KILL:")
    assert "political developments" not in json.dumps(kill)
    assert "descriptions" not in kill and kill["edNote"].startswith("KILL:")
    assert docs[item_path(arts["a2"])]["pubStatus"] == "usable"     # the first version stays as it was
    held = valid(validator, docs[item_path(make_article(4, version=2))])
    assert held["pubStatus"] == "withheld" and held["bodies"][0]["value"].startswith("WITHHELD:")


def test_arabic_machine_translation_is_linked_and_disclosed_first(site, validator):
    config, _, arts = site
    docs = files(config)
    ar = valid(validator, docs[item_path(arts["a3"])])
    assert ar["language"] == "ar"
    assert ar["headlines"][0]["value"] == "اجتماع الوفد رقم 3 في جنيف"
    assert ar["descriptions"][0]["role"] == "disclosure"
    disclosure = ar["descriptions"][0]["value"]
    assert "apertium" in disclosure
    assert ar["edNote"].startswith(disclosure)
    body = ar["bodies"][0]["value"]
    assert body.startswith('<div dir="rtl" lang="ar"><p') and body.index(disclosure) < body.index("ناقش")
    assert ar["digitalSourceType"]["uri"] == TRAINED_ALGORITHMIC
    derived = [a for a in ar["associations"] if a["rel"] == "derivedFrom"]
    assert derived == [{"name": "original", "rel": "derivedFrom", "uri": arts["a1"].guid, "version": "1",
                        "language": "en", "headlines": [{"role": "main", "value": arts["a1"].title}]}]
    assert ar["altIds"] == [{"role": "url", "value": "https://news.example.org/ar/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/"
                                                      "%D9%82%D8%B5%D8%A9%201"}]
    # and the English original links its Arabic translation
    en = docs[item_path(arts["a1"])]
    assert [a["language"] for a in en.get("associations", []) if a["rel"] == "translation"] == ["ar"]
    assert "digitalSourceType" not in en and "disclosure" not in json.dumps(en.get("descriptions", []))


def test_embargoed_item_reaches_the_partner_early_flagged(site, validator):
    config, _, arts = site
    doc = valid(validator, files(config)[item_path(arts["a5"])])
    assert doc["embargoedUntil"] == arts["a5"].embargo.isoformat()
    assert "EMBARGOED until" in doc["edNote"]


def test_items_api_answers_ninjs_for_accept_json(site, validator):
    config, _, arts = site
    server = Server(config.path)
    try:
        r = requests.get(f"{server.base}/api/v1/items?limit=500",
                         headers={"Authorization": f"Bearer {AGENCY}", "Accept": "application/json"})
        assert r.status_code == 200, r.text
        assert r.headers["Content-Type"] == "application/json"
        docs = [valid(validator, d) for d in r.json()["items"]]
        got = {(d["uri"], d["version"], d["pubStatus"]) for d in docs}
        assert (arts["a2"].guid, "2", "canceled") in got and (arts["a1"].guid, "2", "usable") in got
        assert (arts["a3"].guid, "1", "usable") in got and (arts["a4"].guid, "2", "withheld") in got
        # the same versions as the files (links to other versions are those of now: the original moved on)
        on_disk = files(config)
        for d in docs:
            stored = on_disk[f"{d['language']}/items/{d['uri'].rsplit(':', 1)[-1]}-v{d['version']}.json"]
            assert {k: v for k, v in d.items() if k != "associations"} == {
                k: v for k, v in stored.items() if k != "associations"}
        xml = requests.get(f"{server.base}/api/v1/items?limit=500", headers={"Authorization": f"Bearer {AGENCY}"})
        assert xml.status_code == 200 and xml.headers["Content-Type"].startswith("application/vnd.iptc.g2")
        refused = requests.get(f"{server.base}/api/v1/items", headers={
            "Authorization": f"Bearer {TOKENS['acme']}", "Accept": "application/json"})
        assert refused.status_code == 406
        one = next(iter(on_disk))
        f = requests.get(f"{server.base}/partners/agency/{one}", headers={"Authorization": f"Bearer {AGENCY}"})
        assert f.status_code == 200 and f.headers["Content-Type"] == "application/json"
        assert f.json() == on_disk[one]
    finally:
        server.stop()


def test_ninjs_is_a_partner_format_only(tmp_path):
    cfg = partner_site(tmp_path, extra=EXTRA)
    assert "ninjs" in next(p for p in cfg.partners if p.name == "agency").formats
    path = tmp_path / "syndicate.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('formats = ["rss", "atom", "json", "newsml"]',
                                                             'formats = ["rss", "ninjs"]'), encoding="utf-8")
    with pytest.raises(ConfigError, match="ninjs"):
        load_config(path, env={})
