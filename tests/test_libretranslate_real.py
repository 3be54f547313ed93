"""The LibreTranslate engine against the REAL LibreTranslate 1.9.6 server (``lt_real.py``, built by ``make test``).

It starts offline on two tiny copy packages ("Geneva" → "Ginebra", everything else unchanged), so every
assertion on text is exact. Covered: the offline start, what the server really does to text (the
``html.unescape`` of ``format="text"``, error messages in the client's language), a whole publish (valid
feeds, markup kept, machine translation disclosed, a model id without the URL), a server that goes down
(articles pending, "unreachable") and comes back (completed), and ``--batch-limit`` / ``--char-limit`` with
the server's own messages. The hand-made ``lt_server.py`` (kept for 429, 500 and scripted faults) is held to
the real server's answers on the same requests.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
import requests
from click.testing import CliRunner
from factories import make_article
from lt_real import VERSION, RealLT, free_port
from lt_server import identity, running
from lxml import etree
from sites import make_site, write_jsonl

from syndicate.cli import main
from syndicate.errors import TranslationError
from syndicate.translate.articles import translate_articles
from syndicate.translate.engines.libretranslate import LibreTranslateTranslator
from syndicate.translate.memory import InMemoryTM

G2 = {"g": "http://iptc.org/std/nar/2006-10-01/"}
NOW = "2026-11-27T12:00:00Z"


def _post(url: str, body: dict[str, Any], **headers: str) -> tuple[int, Any]:
    resp = requests.post(f"{url}/translate", json=body, headers=headers, timeout=30)
    return resp.status_code, resp.json()


def _ginebra(text: str) -> str:
    return text.replace("Geneva", "Ginebra")


# -- the server itself ------------------------------------------------------------------------------------------
def test_server_runs_offline_on_the_two_test_packages(real_lt: RealLT) -> None:
    """Started without --update-models on two packages: it lists en and es, reports 1.9.6, translates through
    the package (the one swapped word), and never went for the package index or a MiniSBD model."""
    langs = {x["code"]: set(x["targets"]) for x in requests.get(f"{real_lt.url}/languages", timeout=10).json()}
    assert langs == {"en": {"en", "es"}, "es": {"en", "es"}}
    assert requests.get(f"{real_lt.url}/spec", timeout=10).json()["info"]["version"] == VERSION
    lt = LibreTranslateTranslator(real_lt.url)
    assert lt.translate_batch(["Talks in Geneva began. The envoy met them."], "en", "es") == \
        ["Talks in Ginebra began. The envoy met them."]
    assert real_lt.fetched() == []
    downloaded = real_lt.home / "data" / "argos-translate" / "minisbd"
    assert not downloaded.exists() or not any(downloaded.iterdir())


def test_format_text_would_change_the_text_and_the_engine_does_not(real_lt: RealLT) -> None:
    """Issue 13 item 1 on the real server: format=text unescapes entity-like text even with a copy model;
    the engine's escaped format=html gives it back exactly."""
    tricky = ["Use &lt;b&gt; for bold, 3 &amp; 4", "(see <table 2> and AT&T's &copy note)", "&#169; &amp;amp; a < b"]
    status, raw = _post(real_lt.url, {"q": tricky, "source": "en", "target": "es", "format": "text"})
    assert status == 200 and raw["translatedText"][0] == "Use <b> for bold, 3 & 4"
    assert LibreTranslateTranslator(real_lt.url).translate_batch(tricky, "en", "es") == tricky


def test_html_fragments_neither_leak_comments_nor_come_back_as_live_markup(real_lt: RealLT) -> None:
    """format=html on the real server: a comment comes back as visible text and `&lt;script&gt;` as a script
    element; translate_html_batch sanitises before and after, so neither reaches the output."""
    fragment = "<!-- internal: source is Z --><p>Hi in Geneva &lt;script&gt;alert(1)&lt;/script&gt; 3&amp;4</p>"
    status, raw = _post(real_lt.url, {"q": [fragment], "source": "en", "target": "es", "format": "html"})
    assert status == 200 and raw["translatedText"] == \
        [" internal: source is Z <p>Hi in Ginebra <script>alert(1)</script> 3&4</p>"]
    [out] = LibreTranslateTranslator(real_lt.url).translate_html_batch([fragment], "en", "es")
    assert out.startswith("<p>Hi in Ginebra") and "internal" not in out and "<script" not in out
    assert "3&amp;4" in out


def test_errors_are_asked_for_in_english(real_lt: RealLT) -> None:
    """LibreTranslate words its errors in the request's Accept-Language; the engine asks for English, also
    through a session whose default headers prefer German."""
    body = {"q": ["x"], "source": "en", "target": "de", "format": "html"}
    assert _post(real_lt.url, body, **{"Accept-Language": "de"}) == (400, {"error": "de wird nicht unterstützt"})
    session = requests.Session()
    session.headers["Accept-Language"] = "de"
    with pytest.raises(TranslationError, match=r"refused the request \(400\): de is not supported"):
        LibreTranslateTranslator(real_lt.url, session=session).translate_batch(["x"], "en", "de")


# -- the imitation answers as the real server -------------------------------------------------------------------
IMITATED = {
    "text-entities": ("text", ["Use &lt;b&gt; for bold, 3 &amp; 4", "a < b & c in Geneva", "&copy; &#169; &amp;amp;"]),
    "html-escaped-text": ("html", ["Use &lt;b&gt; for bold, 3 &amp; 4 — “quoted” 😀", "اجتماع الوفد في جنيف."]),
    "html-markup": ("html", ['<p>Hi <a href="https://e.org/a?x=1&amp;y=2" title="Geneva">Geneva</a> <b>now</b></p>',
                             "&lt;script&gt;x&lt;/script&gt; <code>a &lt; b in Geneva</code> in Geneva",
                             '<span translate="no">Keep &amp; Geneva</span> ok, Geneva']),
    "html-normalised": ("html", ["<p class='x'>Hi<br>there</p>", "<p>unclosed <i>Geneva", "<!-- Geneva --><p>x</p>",
                                 "stray</b> end", '<img alt="a &amp; b" src=x>']),
    "unsupported-target": ("html", ["x"], "de"),
}


@pytest.fixture(scope="module")
def imitation() -> Iterator[Any]:
    with running(_ginebra) as fake:           # the imitation's "model" does what the copy package does
        fake.key = None                       # the real server runs without --api-keys
        yield fake


@pytest.mark.parametrize("case", list(IMITATED))
def test_the_imitation_answers_as_the_real_server(case: str, real_lt: RealLT, imitation: Any) -> None:
    """Same request, same status and JSON from lt_server.py and the real LibreTranslate: entities, markup
    serialisation, what is left untranslated (code, translate="no", attributes), errors."""
    fmt, q, *target = IMITATED[case]
    body = {"q": q, "source": "en", "target": target[0] if target else "es", "format": fmt}
    assert _post(imitation.url, body) == _post(real_lt.url, body)


def test_the_imitation_describes_itself_as_the_real_server(real_lt: RealLT, imitation: Any) -> None:
    """/frontend/settings has the same keys (and charLimit, apiKeys values); /languages lists every language
    as a target of itself; /spec carries the version."""
    def get(url: str, path: str) -> Any:
        return requests.get(f"{url}{path}", timeout=10).json()
    real, fake = get(real_lt.url, "/frontend/settings"), get(imitation.url, "/frontend/settings")
    assert sorted(real) == sorted(fake) and (real["charLimit"], real["apiKeys"]) == (fake["charLimit"], fake["apiKeys"])
    for url in (real_lt.url, imitation.url):
        assert all(x["code"] in x["targets"] for x in get(url, "/languages"))
        assert get(url, "/spec")["info"]["version"] == VERSION


# -- limits: --batch-limit 8 --char-limit 60, and an API key whose own character limit is 30 ---------------------
KEY30 = "key-with-30-characters"


@pytest.fixture(scope="module")
def limited_lt(lt_packages: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RealLT]:
    home = tmp_path_factory.mktemp("lt-limited")
    args = ["--batch-limit", "8", "--char-limit", "60", "--api-keys", "--api-keys-db-path", str(home / "keys.db")]
    with RealLT(lt_packages, home, args=args) as server:
        server.add_key(KEY30, char_limit=30)
        yield server


def test_limits_and_their_messages_are_the_real_ones(limited_lt: RealLT) -> None:
    """/frontend/settings reports charLimit but not the batch limit; both refusals are 400s with the same
    wording, which the imitation reproduces word for word."""
    settings = requests.get(f"{limited_lt.url}/frontend/settings", timeout=10).json()
    assert settings["charLimit"] == 60 and "batchLimit" not in settings
    batch = {"q": [f"Item {i}." for i in range(12)], "source": "en", "target": "es", "format": "html"}
    long = {"q": ["y" * 61], "source": "en", "target": "es", "format": "html"}
    assert _post(limited_lt.url, batch) == (400, {"error": "Invalid request: request (12) exceeds text limit (8)"})
    assert _post(limited_lt.url, long) == (400, {"error": "Invalid request: request (61) exceeds text limit (60)"})
    with running(identity) as fake:
        fake.key, fake.batch_limit, fake.char_limit = None, 8, 60
        assert _post(fake.url, batch) == _post(limited_lt.url, batch)
        assert _post(fake.url, long) == _post(limited_lt.url, long)


def test_twelve_segment_article_is_chunked_to_the_real_limits(limited_lt: RealLT) -> None:
    """Issue 13 item 3: a 12-paragraph article (sentences longer than 60 characters, `&` and `<` in the text, a
    word longer than the limit) translates completely; every request keeps to 8 items and 60 characters."""
    paragraphs = [f"<p>Paragraph {i} on the talks in Geneva, where delegates &amp; envoys spoke for hours "
                  f"&lt;{i}&gt;.</p>" for i in range(11)]
    paragraphs.append("<p>See https://news.example.org/archive/2026/11/geneva-talks-day-twelve-summary-page.</p>")
    art = make_article(1, body_html="".join(paragraphs))
    lt = LibreTranslateTranslator(limited_lt.url, backoff=0.01)
    [res] = translate_articles([art], "es", lt, InMemoryTM())
    assert res.error is None and res.article is not None, res.error
    assert res.article.body_html == _ginebra(art.body_html)
    assert res.article.title == _ginebra(art.title) and res.article.summary == _ginebra(art.summary)
    assert lt.batch_limit == 8 and lt.requests[0] > 8 and all(n <= 8 for n in lt.requests[1:])


# -- a whole site ----------------------------------------------------------------------------------------------
def _site(tmp_path: Path, url: str) -> list[str]:
    cfg = make_site(tmp_path, formats=("rss", "atom", "json", "newsml"), extra=f"""
[translation]
targets = ["es"]
engine = "libretranslate"
libretranslate_url = "{url}"
""")
    return ["--config", str(cfg)]


ROW = {"id": "lt1", "lang": "en", "category": "politics", "title": "Talks resume in Geneva: AT&amp;T's &amp;copy note",
       "summary": "Delegates (see &lt;table 2&gt;) met in Geneva.",
       "body_html": '<p>Delegations met in <a href="https://news.example.org/geneva?a=1&amp;b=2">Geneva</a> on '
                    '<b>Monday</b>. Use &lt;b&gt; for bold, 3 &amp; 4.</p><p dir="rtl">اجتماع الوفد في جنيف.</p>',
       "published": "2026-11-20T10:00:00Z"}


def test_publish_end_to_end_through_the_real_server(real_lt: RealLT, tmp_path: Path, atom_validator: Any,
                                                     jsonfeed_validator: Any, newsml_validator: Any,
                                                     feed_errors: Any) -> None:
    """`[translation] engine = "libretranslate"`: the Spanish feeds validate, keep the markup and the text
    exactly (one word translated), disclose the machine translation with the model id, never the URL."""
    base = _site(tmp_path, real_lt.url)
    runner = CliRunner()
    assert runner.invoke(main, [*base, "ingest", str(write_jsonl(tmp_path / "in.jsonl", [ROW]))]).exit_code == 0
    check = runner.invoke(main, [*base, "check"])      # the site's sources are en and ar; the server has en→es only
    problems = [line for line in check.output.splitlines() if line.startswith("problem:")]
    assert check.exit_code == 1 and problems == [f"problem: translation: engine libretranslate cannot translate "
                                                 f"ar→es: {real_lt.url}"], check.output
    res = runner.invoke(main, [*base, "publish", "--now", NOW])
    assert res.exit_code == 0, res.output
    out = tmp_path / "feeds" / "es"
    for name in ("politics/rss.xml", "politics/atom.xml", "all/atom.xml"):
        body = (out / name).read_bytes()
        assert feed_errors(body) == [], name
    atom = (out / "politics" / "atom.xml").read_bytes()
    assert atom_validator.errors(atom) == []
    [entry] = feedparser.parse(atom).entries
    assert entry.title == "Talks resume in Ginebra: AT&T's &copy note"
    assert any(t.term == "machine-translation" for t in entry.tags)
    feed = (out / "all" / "feed.json").read_bytes()
    assert jsonfeed_validator.errors(feed) == []
    [item] = json.loads(feed)["items"]
    assert item["_syndicate"]["machine_translated"] and item["_syndicate"]["model"] == f"libretranslate:{VERSION}:en-es"
    html = item["content_html"]
    assert '<a href="https://news.example.org/geneva?a=1&amp;b=2">Ginebra</a>' in html and "<b>Monday</b>" in html
    assert "Use &lt;b&gt; for bold, 3 &amp; 4." in html and 'dir="rtl"' in html and "اجتماع الوفد في جنيف." in html
    newsml = (out / "politics" / "newsml.xml").read_bytes()
    assert newsml_validator.errors(newsml) == []
    root = etree.fromstring(newsml)
    assert root.xpath("//g:digitalSourceType/@qcode", namespaces=G2) == ["digsrctype:trainedAlgorithmicMedia"]
    where = real_lt.url.split("//")[1]
    assert not [p for p in out.rglob("*") if p.is_file() and where.encode() in p.read_bytes()]


def _titles(site: Path) -> list[str]:
    """Titles of the Spanish JSON Feed (which puts an invisible word joiner after a `&` that could start an
    entity)."""
    items = json.loads((site / "feeds" / "es" / "all" / "feed.json").read_bytes())["items"]
    return [str(i["title"]).replace("\u2060", "") for i in items]


def test_server_down_leaves_articles_pending_and_a_restart_completes_them(lt_packages: Path, tmp_path: Path) -> None:
    """Up: the first article is translated. Down: the next publish fails fast, the new article stays pending
    with "unreachable" (in publish, status and check; not "cannot translate"). Restarted on the same port:
    the next publish completes it."""
    server = RealLT(lt_packages, tmp_path / "lt", port=free_port())
    base = _site(tmp_path, server.url)
    runner = CliRunner()
    second = {**ROW, "id": "lt2", "title": "Second round in Geneva", "published": "2026-11-21T10:00:00Z"}
    try:
        server.start()
        assert runner.invoke(main, [*base, "ingest", str(write_jsonl(tmp_path / "a.jsonl", [ROW]))]).exit_code == 0
        assert runner.invoke(main, [*base, "publish", "--now", NOW]).exit_code == 0
        server.stop()
        assert runner.invoke(main, [*base, "ingest", str(write_jsonl(tmp_path / "b.jsonl", [second]))]).exit_code == 0
        started = time.monotonic()
        down = runner.invoke(main, [*base, "publish", "--now", NOW])
        assert time.monotonic() - started < 5
        assert down.exit_code == 1 and "unreachable" in down.output and "cannot translate" not in down.output
        status = json.loads(runner.invoke(main, [*base, "status", "--json", "--now", NOW]).output)
        assert status["pending_translations"] == {"es": 1} and "unreachable" in status["translation_errors"]["es"][0]
        check = runner.invoke(main, [*base, "check"])
        assert check.exit_code == 1 and "unreachable" in check.output and "cannot translate" not in check.output
        assert _titles(tmp_path) == ["Talks resume in Ginebra: AT&T's &copy note"]
        server.start()
        up = runner.invoke(main, [*base, "publish", "--now", NOW])
        assert up.exit_code == 0, up.output
    finally:
        server.stop()
    status = json.loads(runner.invoke(main, [*base, "status", "--json", "--now", NOW]).output)
    assert status["pending_translations"] in ({}, {"es": 0})
    assert _titles(tmp_path) == ["Second round in Ginebra", "Talks resume in Ginebra: AT&T's &copy note"]


def test_an_api_keys_own_character_limit_is_learnt(limited_lt: RealLT) -> None:
    """The key's limit (30) is below the reported charLimit (60) and nowhere in /frontend/settings: the first
    refusal names it, the segments are cut again, and the article translates exactly; a wrong key is a 403
    with LibreTranslate's words, as in the imitation."""
    settings = requests.get(f"{limited_lt.url}/frontend/settings", timeout=10).json()
    assert settings["charLimit"] == 60 and settings["apiKeys"] is True
    body = {"q": ["z" * 40], "source": "en", "target": "es", "format": "html", "api_key": KEY30}
    assert _post(limited_lt.url, body) == (400, {"error": "Invalid request: request (40) exceeds text limit (30)"})
    art = make_article(1, body_html="<p>Delegates met in Geneva for talks that lasted all day &amp; night.</p>"
                                    "<p>Short.</p>")
    lt = LibreTranslateTranslator(limited_lt.url, api_key=KEY30, backoff=0.01)
    [res] = translate_articles([art], "es", lt, InMemoryTM())
    assert res.error is None and res.article is not None, res.error
    assert res.article.body_html == _ginebra(art.body_html) and lt.key_char_limit == 30
    bad = {**body, "q": ["x"], "api_key": "wrong"}
    with running(identity) as fake:
        fake.key_char_limit = 30
        assert _post(fake.url, bad) == _post(limited_lt.url, bad) == (403, {"error": "Invalid API key"})
        assert _post(fake.url, {**body, "api_key": fake.key}) == _post(limited_lt.url, body)
