"""Syndicate's partner NewsML-G2 through Superdesk's OWN ingest parser (superdesk-core 2.5.3 ``NewsMLTwoFeedParser``),
not through an imitation of it: what a Superdesk newsroom ingests from us.

A site with English and Arabic articles (an Arabic human translation), Spanish machine translations (identity
engine), a corrected, a withheld, a killed and an embargoed article, published twice for two embargo-receiving
partners: ``plain`` (default) and ``desk`` (``html_rendition = true``). Every partner file (item files and
``newsMessage`` feeds) and an items API page go through ``tests/superdesk_ingest.py`` in ``.venv-superdesk``
(built by ``make test``; missing, these tests FAIL and say so), and the tests check the dicts the parser returned:
guid, version, headline, body, language, pubstatus, the first edNote (the only one Superdesk keeps), byline,
credit, subject codes, times and embargo.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from lxml import etree
from sites import make_site, write_jsonl

from syndicate.config import Config, load_config
from syndicate.ingest.usecase import ingest
from syndicate.model import guid_for
from syndicate.publish.usecase import publish
from syndicate.serve.items import Query, fetch_page
from syndicate.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SD_VENV = Path(os.environ.get("SYNDICATE_SUPERDESK_VENV", ROOT / ".venv-superdesk"))
HARNESS = Path(__file__).with_name("superdesk_ingest.py")
G = "{http://iptc.org/std/nar/2006-10-01/}"

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)
CREDIT = "Syrian Coalition’s Media Department"
BODY = ('<p>The delegations met in <a href="/amman">Amman</a> on <em>Monday</em>.</p>'
        "<ul><li>First point agreed.</li><li>Second point deferred.</li></ul>")
AR_BODY = '<p>التقى الوفدان في <a href="/amman">عمّان</a> يوم الاثنين.</p>'
EXTRA = ('[translation]\ntargets = ["es"]\nengine = "identity"\n\n'
         '[partners.plain]\nembargoed = true\n\n'
         '[partners.desk]\nhtml_rendition = true\nembargoed = true\n')
ROWS = [
    {"id": "s1", "lang": "en", "category": "politics", "title": "Talks open in Amman", "body_html": BODY,
     "author": "Rania Haddad", "credit": CREDIT, "published": "2026-11-23T09:00:00Z"},
    {"id": "s1-ar", "lang": "ar", "category": "politics", "title": "المحادثات تبدأ في عمّان", "translation_of": "s1",
     "body_html": AR_BODY, "author": "رانيا حداد", "credit": CREDIT, "published": "2026-11-23T09:30:00Z"},
    {"id": "s2", "lang": "en", "category": "economy", "title": "Bread prices rise", "body_html": "<p>Bread costs more.</p>",
     "author": "Omar Said", "credit": CREDIT, "published": "2026-11-23T10:00:00Z"},
    {"id": "s3", "lang": "en", "category": "politics", "title": "Envoy to visit",
     "body_html": "<p>The envoy will visit.</p>", "published": "2026-11-23T10:30:00Z"},
    {"id": "s4", "lang": "en", "category": "politics", "title": "Rumour of a deal",
     "body_html": "<p>A deal is rumoured.</p>", "published": "2026-11-23T11:00:00Z"},
    {"id": "s5", "lang": "en", "category": "politics", "title": "Summit agenda", "body_html": "<p>The agenda is set.</p>",
     "published": "2026-11-23T11:10:00Z", "embargo": "2026-11-24T06:00:00Z"},
]
ROW = {r["id"]: r for r in ROWS}
CORRECTION_NOTE = "An earlier version gave no figure."
UPDATES = [  # the second round: s2 corrected, s3 withheld, s4 killed (their translations follow)
    {**ROW["s2"], "body_html": "<p>Bread costs 10% more.</p>", "correction_note": CORRECTION_NOTE,
     "updated": "2026-11-23T12:30:00Z"},
    {**ROW["s3"], "status": "withheld", "updated": "2026-11-23T12:31:00Z"},
    {**ROW["s4"], "status": "canceled", "updated": "2026-11-23T12:32:00Z"},
]
UPDATE = {r["id"]: r for r in UPDATES}


def superdesk_python() -> Path:
    """``.venv-superdesk/bin/python``; fails the calling test (never skips) when it is not built."""
    python = SD_VENV / "bin" / "python"
    if not (SD_VENV / ".superdesk").is_file() or not python.is_file():
        pytest.fail(f"Superdesk's NewsML-G2 parser is not installed ({SD_VENV} is missing or unfinished): run "
                    "`make test` (or `make superdesk`), which builds .venv-superdesk", pytrace=False)
    return python


def superdesk_ingest(paths: list[Path]) -> dict[str, Any]:
    """Run the real parser over ``paths`` (one process); its JSON answer."""
    run = subprocess.run([str(superdesk_python()), str(HARNESS), *map(str, paths)], capture_output=True,
                         timeout=300, check=False)
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-3000:]
    return json.loads(run.stdout)


@dataclass
class Ingested:
    config: Config
    files: dict[str, list[dict[str, Any]]]      # partner file (relative to partners/) → items Superdesk parsed
    api: dict[str, list[dict[str, Any]]]        # partner → items parsed from its items API page
    version: str

    def items(self, partner: str) -> dict[tuple[str, str, int], dict[str, Any]]:
        """(family, lang, version) → what Superdesk ingested from the partner's item file of that version."""
        by_guid = {guid_for(family, lang): (family, lang) for family in ("s1", "s2", "s3", "s4", "s5")
                   for lang in ("en", "ar", "es")}
        out = {}
        for name, parsed in self.files.items():
            if name.startswith(f"{partner}/") and "/items/" in name:
                [item] = parsed
                out[(*by_guid[item["uri"]], int(item["version"]))] = item
        return out


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Ingested:
    tmp = tmp_path_factory.mktemp("superdesk")
    path = make_site(tmp, formats=("newsml",), extra=EXTRA)
    path.write_text(path.read_text(encoding="utf-8").replace(
        'medtop = ["medtop:11000000"]', 'medtop = ["medtop:11000000"]\nsubj = "subj:11000000"'), encoding="utf-8")
    config = load_config(path, env={})
    store = open_store(config.store_url)
    try:
        assert ingest(config, store, str(write_jsonl(tmp / "first.jsonl", ROWS)), NOW).ok
        assert not publish(config, store, NOW).failed
        assert ingest(config, store, str(write_jsonl(tmp / "second.jsonl", UPDATES)), LATER).ok
        assert not publish(config, store, LATER).failed
        pages = []
        for partner in config.partners:
            page = fetch_page(config, store, partner, Query(since=0, lang=None, category=None, limit=100), LATER)
            assert page.body is not None
            pages.append(tmp / f"api-{partner.name}.xml")
            pages[-1].write_bytes(page.body)
    finally:
        store.close()
    partners_dir = config.output.partners_dir
    files = sorted(partners_dir.rglob("*.xml"))
    answer = superdesk_ingest(files + pages)
    parsed = {Path(k): v for k, v in answer["files"].items()}
    return Ingested(config, {str(p.relative_to(partners_dir)): parsed[p] for p in files},
                    {p.stem.removeprefix("api-"): parsed[p] for p in pages}, answer["superdesk_core"])


# -- what every version becomes in Superdesk --------------------------------------------------------------------

#: (family, lang, version) of every item file each partner must have, and the state of that version
EXPECTED = {("s1", "en", 1): "usable", ("s1", "ar", 1): "usable", ("s1", "es", 1): "usable",
            ("s2", "en", 1): "usable", ("s2", "en", 2): "corrected", ("s2", "es", 1): "usable",
            ("s2", "es", 2): "corrected", ("s3", "en", 1): "usable", ("s3", "en", 2): "withheld",
            ("s3", "es", 1): "usable", ("s3", "es", 2): "withheld", ("s4", "en", 1): "usable",
            ("s4", "en", 2): "killed", ("s4", "es", 1): "usable", ("s4", "es", 2): "killed",
            ("s5", "en", 1): "embargoed", ("s5", "es", 1): "embargoed"}
PUBSTATUS = {"usable": "usable", "corrected": "usable", "embargoed": "usable", "withheld": "withheld",
             "killed": "canceled"}
NOTICE = {"withheld": ("WITHHELD NOTICE", "WITHHELD: do not use this item"),
          "killed": ("KILL NOTICE", "KILL: this item has been withdrawn")}


def source_row(family: str, lang: str, version: int) -> dict[str, Any]:
    row = UPDATE[family] if version == 2 else ROW[family]
    return ROW["s1-ar"] if (family, lang) == ("s1", "ar") else row


def iso(text: str) -> str:
    return datetime.fromisoformat(text).isoformat()


def test_the_real_parser_is_superdesk_core_2_5_3(ingested: Ingested) -> None:
    assert ingested.version == "2.5.3"


@pytest.mark.parametrize("partner", ["plain", "desk"])
def test_identity_lifecycle_and_times(ingested: Ingested, partner: str) -> None:
    """guid (Superdesk's is ``guid:version``), uri, version, language, pubstatus, signals, headline, slugline,
    versioncreated, firstcreated and embargo of every item version, as Superdesk stored them."""
    items = ingested.items(partner)
    assert set(items) == set(EXPECTED)
    for key, state in EXPECTED.items():
        family, lang, version = key
        got, row = items[key], source_row(*key)
        guid = guid_for(family, lang)
        assert (got["guid"], got["uri"], got["version"]) == (f"{guid}:{version}", guid, str(version)), key
        assert (got["type"], got["language"], got["pubstatus"]) == ("text", lang, PUBSTATUS[state]), key
        signals = [s["qcode"] for s in got.get("signal", [])]
        assert signals == ([] if version == 1 else ["sig:update"] + (["sig:correction"] * (state == "corrected")))
        notice = state in NOTICE
        assert got["headline"] == (NOTICE[state][0] if notice else row["title"]), key
        assert got["slugline"] == ("" if notice else row["title"].replace(" ", "-")), key
        assert got["firstcreated"] == iso(ROW["s1-ar" if key[:2] == ("s1", "ar") else family]["published"]), key
        assert got["versioncreated"] == iso(row.get("updated", row["published"])), key
        if state == "embargoed":
            assert got["embargoed"] == iso(row["embargo"]), key
        else:
            assert "embargoed" not in got, key


@pytest.mark.parametrize("partner", ["plain", "desk"])
def test_first_ednote_is_what_superdesk_keeps(ingested: Ingested, partner: str) -> None:
    """Superdesk keeps one edNote: for every machine translation, in every state, it is the MT disclosure; for
    people's text it is the correction, withheld, kill or embargo note (empty for a plain usable item)."""
    for key, got in ingested.items(partner).items():
        state, lang = EXPECTED[key], key[1]
        if lang == "es":
            assert got["ednote"].startswith("Unreviewed machine translation (identity"), key
            assert "Not checked by an editor" in got["ednote"], key
        elif state == "corrected":
            assert got["ednote"] == CORRECTION_NOTE
        elif state in NOTICE:
            assert got["ednote"].startswith(NOTICE[state][1]), key
        elif state == "embargoed":
            assert got["ednote"] == "EMBARGOED until 2026-11-24T06:00:00Z. Do not publish before this time."
        else:
            assert got["ednote"] == "", key


@pytest.mark.parametrize("partner", ["plain", "desk"])
def test_byline_credit_and_subject_codes(ingested: Ingested, partner: str) -> None:
    """``by`` → byline, ``creator`` → authors, ``infoSource cRole:source`` → original_source, and the category's
    ``subj:`` code → a subject Superdesk knows (its own IPTC Subject Code name); economy has no ``subj``."""
    for key, got in ingested.items(partner).items():
        row = source_row(*key)
        if EXPECTED[key] in NOTICE or "author" not in row:
            assert "byline" not in got and got["authors"] == [], key
        else:
            assert got["byline"] == row["author"], key
            assert got["authors"] == [{"uri": None, "name": row["author"]}], key
        if EXPECTED[key] not in NOTICE and "credit" in row:
            assert got["original_source"] == CREDIT, key
        else:
            assert "original_source" not in got, key
        politics = [{"qcode": "11000000", "name": "politics"}]
        assert got["subject"] == (politics if row["category"] == "politics" else []), key


def body_text(html: str) -> str:
    """The words of an HTML body as a reader sees them (blocks apart, inline elements within the line)."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for el in root.iter("p", "li", "ul", "ol", "div", "blockquote"):
        el.tail = " " + (el.tail or "")
    return " ".join(root.text_content().split())


def test_body_with_the_html_rendition_is_the_whole_text(ingested: Ingested) -> None:
    """``desk`` (``html_rendition``): Superdesk's body_html is the article's whole text, inline elements and lists
    included, in English, Arabic and the machine translation; links are absolute."""
    items = ingested.items("desk")
    whole = "The delegations met in Amman on Monday. First point agreed. Second point deferred."
    assert body_text(items["s1", "en", 1]["body_html"]) == whole
    assert body_text(items["s1", "es", 1]["body_html"]) == whole
    assert body_text(items["s1", "ar", 1]["body_html"]) == "التقى الوفدان في عمّان يوم الاثنين."
    assert 'href="https://news.example.org/amman"' in items["s1", "en", 1]["body_html"]
    assert "<ul><li>First point agreed.</li>" in items["s1", "en", 1]["body_html"]
    for lang in ("en", "es"):
        assert body_text(items["s2", lang, 1]["body_html"]) == "Bread costs more."
        assert body_text(items["s2", lang, 2]["body_html"]) == "Bread costs 10% more."


def test_body_without_the_rendition_keeps_only_leading_block_text(ingested: Ingested) -> None:
    """``plain``: Superdesk keeps each XHTML block's leading text only, so "on Monday." and the list are lost: what
    ``html_rendition`` is for. No whitespace-only block (an indented ``<ul>``) reaches it. One-paragraph bodies
    without markup come whole."""
    items = ingested.items("plain")
    for lang in ("en", "es"):
        assert items["s1", lang, 1]["body_html"] == "<p>The delegations met in </p>"
        assert body_text(items["s2", lang, 2]["body_html"]) == "Bread costs 10% more."
    assert body_text(items["s1", "ar", 1]["body_html"]) == "التقى الوفدان في"


@pytest.mark.parametrize("partner", ["plain", "desk"])
def test_withheld_and_killed_bodies_are_the_notice_never_the_text(ingested: Ingested, partner: str) -> None:
    for key, got in ingested.items(partner).items():
        state = EXPECTED[key]
        if state in NOTICE:
            assert body_text(got["body_html"]).startswith(NOTICE[state][1]), key
            assert ROW[key[0]]["title"] not in json.dumps(got, ensure_ascii=False), key
            assert body_text(ROW[key[0]]["body_html"]) not in json.dumps(got, ensure_ascii=False), key
        else:
            assert body_text(source_row(*key)["body_html"]).split()[0] in body_text(got["body_html"]), key


@pytest.mark.parametrize("partner", ["plain", "desk"])
def test_feeds_and_items_api_ingest_like_the_item_files(ingested: Ingested, partner: str) -> None:
    """Each ``newsMessage`` feed and the items API page give Superdesk the same item, field for field, as the item
    file of that guid and version (Superdesk's parser adds the message's priority, 5, to both)."""
    files = {item["guid"]: item for item in ingested.items(partner).values()}
    feeds = [n for n in ingested.files if n.startswith(f"{partner}/") and n.endswith("/newsml.xml")]
    assert {n.split("/")[1] for n in feeds} == {"en", "ar", "es"}
    newest = {}
    for name in feeds:
        for item in ingested.files[name]:
            assert item == files[item["guid"]], (name, item["guid"])
            newest[item["uri"]] = max(newest.get(item["uri"], 0), int(item["version"]))
    # the feeds carry each item's newest version, the item files every version
    assert newest == {g.rsplit(":", 1)[0]: max(int(i["version"]) for i in files.values() if i["uri"] ==
                                               g.rsplit(":", 1)[0]) for g in files}
    api = ingested.api[partner]
    assert sorted(i["guid"] for i in api) == sorted(files)
    for item in api:
        assert item == files[item["guid"]], item["guid"]


def test_every_partner_file_is_valid_newsml_g2(ingested: Ingested, newsml_validator) -> None:  # type: ignore[no-untyped-def]
    for name in ingested.files:
        path = ingested.config.output.partners_dir / name
        assert newsml_validator.errors(path.read_bytes()) == [], name
        assert etree.parse(str(path)).getroot().tag in (f"{G}newsItem", f"{G}newsMessage")


def test_missing_venv_fails_and_says_run_make_test(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never a skip: CI runs ``make test``, which builds the venv, so a missing one is a failure that says so."""
    monkeypatch.setitem(globals(), "SD_VENV", tmp_path / "nowhere")
    with pytest.raises(pytest.fail.Exception, match=r"run `make test`"):
        superdesk_python()
