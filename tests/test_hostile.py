"""Hostile-input corpus: every file ``tests/data/hostile/NN-name.<ext>`` is one case, with its expectation in
``NN-name.expect.json`` beside it. Adding a case means adding two files.

Each case goes through the real path: ``jobs.ingest`` (file → parser → store) then ``jobs.publish`` into a
throw-away site with every format (RSS, Atom, JSON Feed, NewsML-G2). For every case:

- nothing but an :class:`~syndicate.errors.IngestError` (a whole source refused, e.g. XXE) escapes;
- each rejected item has the ItemError the expectation names (position and field), each stored item has the
  cleaned values the expectation names;
- every other item is published: two canary articles ingested before the case, and every stored article that
  is public at ``NOW``, appear in their feeds in every format; the ones that are not public appear nowhere;
- every file written is valid: Atom RELAX NG + Schematron, feedparser without bozo (RSS and Atom), the JSON
  Feed 1.1 schema, the NewsML-G2 XSD.

Expectation keys (``*.expect.json``)::

    description     what the case is about
    format          jsonl | page | feed (default from the extension: .jsonl, .txt, .rss/.atom/.xml)
    defaults        {"lang": …, "category": …}: the CLI's --lang/--category
    generate        big inputs are made in the test, never committed:
                      {"replace": "@BIG@", "with": "<p>word </p>", "times": N}  one huge field
                      {"repeat_line": N}   the case's one line is a template ({n} = 1…N)
    items_per_feed  feed size for this case (default 60)
    source_error    the whole source is refused with an IngestError containing this text
    items           position ("line 3", "item 2", "entry 1") → either
                      {"error": field or null, "message": text in the error}
                    or {"id": …, "title": …, "title_has": […], "body_has": […], "body_lacks": […],
                        "author": …, "url": …, "published": ISO, "visible": bool}
    counts          {"stored": N, "rejected": M} instead of listing items (big generated cases)
    slow            true: mark the case ``slow`` (it still runs by default; ``-m "not slow"`` leaves it out)
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import lxml.html
import pytest
from lxml import etree
from sites import make_site, write_jsonl

from syndicate.config import load_config
from syndicate.errors import IngestError
from syndicate.ingest.usecase import ingest
from syndicate.model import PUBLIC, Status
from syndicate.publish.usecase import publish
from syndicate.select.policy import decide
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
FORMATS = {".jsonl": "jsonl", ".txt": "page", ".rss": "feed", ".atom": "feed", ".xml": "feed"}
CASES = sorted(p for p in HOSTILE.iterdir() if p.suffix in FORMATS and not p.name.endswith(".expect.json"))
NAR = {"g": "http://iptc.org/std/nar/2006-10-01/"}
CANARIES = [
    {"id": "canary-en", "lang": "en", "category": "politics", "title": "Canary stays published",
     "body": "The canary is an ordinary story.", "published": "2026-11-26T09:00:00Z"},
    {"id": "canary-ar", "lang": "ar", "category": "economy", "title": "الكناري يبقى منشوراً",
     "body": "قصة عادية.", "published": "2026-11-26T08:00:00Z"},
]


def test_corpus_is_complete():
    """At least 40 cases, every input has its expectation and every expectation its input."""
    expects = sorted(HOSTILE.glob("*.expect.json"))
    assert len(CASES) >= 40
    assert {p.name.split(".")[0] for p in CASES} == {p.name.split(".")[0] for p in expects}


def _input(case: Path, expect: dict, tmp_path: Path) -> Path:
    """The case's input file; generated inputs are written under ``tmp_path``."""
    gen = expect.get("generate")
    if not gen:
        return case
    data = case.read_bytes()
    if "replace" in gen:
        data = data.replace(gen["replace"].encode(), gen["with"].encode() * gen["times"])
    elif "repeat_line" in gen:
        line = data.decode("utf-8").strip("\n")
        data = "".join(line.replace("{n}", str(n)) + "\n" for n in range(1, gen["repeat_line"] + 1)).encode()
    out = tmp_path / case.name
    out.write_bytes(data)
    return out


#: item files validated per tree: every one up to this many, else this many spread evenly over the sorted list
#: (a 100k-item case writes 100k item files from one template: the XSD of each would dominate the suite)
ITEM_SAMPLE = 2000


def _validate_tree(root: Path, validators) -> int:
    atom_validator, jsonfeed_validator, newsml_validator, feed_errors = validators
    count = 0
    files = sorted(p for p in root.rglob("*") if p.is_file())
    feeds = [p for p in files if p.parent.name != "items"]
    items = [p for p in files if p.parent.name == "items"]
    if len(items) > ITEM_SAMPLE:
        step = len(items) / ITEM_SAMPLE
        items = [items[int(i * step)] for i in range(ITEM_SAMPLE)] + [items[-1]]
    for path in feeds + items:
        body = path.read_bytes()
        if path.name == "feed.json":
            assert jsonfeed_validator.errors(body) == [], path
        elif path.name == "atom.xml":
            assert atom_validator.errors(body) == [] and feed_errors(body) == [], path
        elif path.name == "rss.xml":
            assert feed_errors(body) == [], path
        elif path.name == "index.html":       # the front door: plain HTML, no script, only http(s) links
            page = lxml.html.fromstring(body)
            assert page.findall(".//script") == [], path
            assert not [a for e in page.iter() for a in e.attrib if a.lower().startswith("on")], path
            assert all(e.get("href", "").startswith("https://") for e in page.iter("a", "link")), path
            count += 1
            continue
        elif path.name == "feeds.opml":
            assert etree.fromstring(body).get("version") == "2.0", path
            count += 1
            continue
        else:
            assert newsml_validator.errors(body) == [], path
        for fragment in _html_payloads(path, body):
            _assert_inert(path, fragment)
        count += 1
    return count


FORBIDDEN_TAGS = {"script", "iframe", "style", "object", "embed", "svg", "math", "form", "base", "meta", "link",
                  "input", "frame", "frameset", "applet", "noscript", "template"}


def _html_payloads(path: Path, body: bytes) -> list[str]:
    """The HTML an output carries: RSS descriptions, Atom contents, JSON Feed content_html, NewsML-G2 XHTML."""
    if path.name == "feed.json":
        return [i["content_html"] for i in json.loads(body)["items"]]
    root = etree.fromstring(body)
    if path.name == "rss.xml":
        return [d.text or "" for d in root.iter("description")]
    if path.name == "atom.xml":
        return [c.text or "" for c in root.iter("{http://www.w3.org/2005/Atom}content")]
    return [etree.tostring(x, encoding="unicode") for x in root.iter("{http://www.w3.org/1999/xhtml}body")]


def _assert_inert(path: Path, fragment: str) -> None:
    """No active content in published HTML: no script-like elements, no on* attributes, no unsafe URLs."""
    if not fragment.strip():
        return
    for el in lxml.html.fragment_fromstring(fragment, create_parent="div").iter():
        if not isinstance(el.tag, str):
            continue
        assert etree.QName(el).localname.lower() not in FORBIDDEN_TAGS, (path, el.tag)
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on") and name.lower() != "style", (path, name)
            if name in ("href", "src", "cite"):
                assert value.split(":", 1)[0].lower() in ("http", "https", "mailto"), (path, value)


def _guids(out: Path, lang: str, category: str) -> dict[str, list[str]]:
    """Guids per format in one feed folder (missing NewsML = empty newsMessage, not written)."""
    folder = out / lang / category
    found = {"json": [i["id"] for i in json.loads((folder / "feed.json").read_bytes())["items"]]}
    for fmt, name in (("rss", "rss.xml"), ("atom", "atom.xml")):
        found[fmt] = [e.id for e in feedparser.parse((folder / name).read_bytes()).entries]
    newsml = folder / "newsml.xml"
    found["newsml"] = (etree.fromstring(newsml.read_bytes()).xpath("//g:newsItem/@guid", namespaces=NAR)
                       if newsml.exists() else [])
    return found


def _check_stored(article, want: dict) -> None:
    for key in ("id", "title", "author", "url", "lang", "category"):
        if key in want:
            assert getattr(article, key) == want[key], key
    if "published" in want:
        assert article.published == datetime.fromisoformat(want["published"]), "published"
    for text in want.get("title_has", ()):
        assert text in article.title
    for text in want.get("body_has", ()):
        assert text in article.body_html, text
    for text in want.get("body_lacks", ()):
        assert text.lower() not in article.body_html.lower(), text
    if "visible" in want:
        assert decide(article, PUBLIC, NOW).visible is want["visible"], "visible"


def _param(case: Path):
    """Cases whose expectation says ``"slow": true`` carry the ``slow`` marker (they still run by default)."""
    expect = json.loads(case.with_name(case.name.split(".")[0] + ".expect.json").read_text(encoding="utf-8"))
    return pytest.param(case, id=case.stem, marks=[pytest.mark.slow] if expect.get("slow") else [])


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_hostile_case(case: Path, tmp_path, atom_validator, jsonfeed_validator, newsml_validator, feed_errors):
    expect = json.loads(case.with_name(case.name.split(".")[0] + ".expect.json").read_text(encoding="utf-8"))
    assert expect.get("description")
    config = load_config(make_site(tmp_path, formats=("rss", "atom", "json", "newsml"),
                                   items=expect.get("items_per_feed", 60)), env={})
    store = open_store(config.store_url)
    try:
        canary = ingest(config, store, str(write_jsonl(tmp_path / "canary.jsonl", CANARIES)), NOW)
        assert canary.ok
        source = _input(case, expect, tmp_path)
        defaults = expect.get("defaults", {})
        fmt = expect.get("format", FORMATS[case.suffix])
        if "source_error" in expect:
            with pytest.raises(IngestError) as refused:
                ingest(config, store, str(source), NOW, fmt=fmt, **defaults)
            assert expect["source_error"] in str(refused.value)
            stored_ids: list[str] = []
        else:
            report = ingest(config, store, str(source), NOW, fmt=fmt, **defaults)
            rejected = dict(report.rejected)
            stored_ids = [r.id for r in report.stored]
            for position, err in rejected.items():
                # a clear per-item error: names the item (the parser's position and id once known; the
                # store-level translation check names the id) and, when there is one, the field
                assert str(err).startswith(f"item {err.item}") and err.item, err
                assert err.item.startswith(position) or err.field == "translation_of", err
            if "counts" in expect:
                assert len(stored_ids) == expect["counts"]["stored"]
                assert len(rejected) == expect["counts"]["rejected"]
            items = expect.get("items", {})
            want_errors = {pos: w for pos, w in items.items() if "error" in w}
            want_stored = {pos: w for pos, w in items.items() if "error" not in w}
            if "counts" not in expect:
                assert set(rejected) == set(want_errors), {p: str(e) for p, e in rejected.items()}
                assert sorted(stored_ids) == sorted(w["id"] for w in want_stored.values())
            for position, want in want_errors.items():
                err = rejected[position]
                assert err.field == want["error"], str(err)
                assert want["message"] in str(err), str(err)
            for want in want_stored.values():
                _check_stored(store.articles.get(want["id"]), want)

        result = publish(config, store, NOW)
        assert not result.failed and not result.held_back, (result.failed, result.held_back)
        out = config.output.dir
        assert _validate_tree(out, (atom_validator, jsonfeed_validator, newsml_validator, feed_errors)) >= 30

        limit = config.output.items_per_feed
        articles = [store.articles.get(i) for i in ["canary-en", "canary-ar", *stored_ids[:2000]]]
        everything = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
        per_feed: dict[tuple[str, str], dict[str, list[str]]] = {}
        for article in articles:
            for category in (article.category, "all"):
                if (article.lang, category) not in per_feed:       # parse each feed once, not per article
                    per_feed[(article.lang, category)] = _guids(out, article.lang, category)
                guids = per_feed[(article.lang, category)]
                for fmt, found in guids.items():
                    if decide(article, PUBLIC, NOW).visible:
                        assert article.guid in found or len(found) == limit, (article.id, category, fmt)
            if not decide(article, PUBLIC, NOW).visible and article.status is Status.USABLE:
                # embargoed and future items appear nowhere (withheld/canceled are NewsML lifecycle news)
                assert article.guid.encode() not in everything, article.id
        for canary_row in CANARIES:
            guid = store.articles.get(canary_row["id"]).guid
            assert all(guid in found or len(found) == limit
                       for found in per_feed[(canary_row["lang"], "all")].values())
    finally:
        store.close()
