"""What a one-note NewsML-G2 reader keeps (issue 15), and what the ``text/html`` rendition costs.

    .venv/bin/python bench/newsml_superdesk.py [--repeat 200]

Ingests the sample articles (English and Arabic, with their human translations) into a throw-away SQLite site,
machine-translates the English ones into Spanish with Debian's apertium (``en-es``), publishes NewsML-G2 for two
partners (``plain``: default, ``desk``: ``html_rendition = true``), then reads every partner item file as a reader
like Superdesk's parser does (as described in the issue): the first ``edNote`` only, and the body either from the
``text/html`` rendition or from each XHTML block's leading text. Then times ``render_item`` with and without the
rendition over the same items.

Prints the counts, then on lines of their own: ``ratio body text kept without rendition: X``,
``ratio body text kept with rendition: Y``, ``ratio MT items with disclosure first: Z``,
``ratio render time with/without rendition: R``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from syndicate.config import load_config  # noqa: E402
from syndicate.config.layout import build_spec  # noqa: E402
from syndicate.ingest.usecase import ingest  # noqa: E402
from syndicate.model import FeedItem, Origin  # noqa: E402
from syndicate.publish.usecase import publish  # noqa: E402
from syndicate.render.newsml import render_item  # noqa: E402
from syndicate.store import open_store  # noqa: E402

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
NS = {"g": "http://iptc.org/std/nar/2006-10-01/", "h": "http://www.w3.org/1999/xhtml"}
CONFIG = """
[site]
name = "Levant Desk"
base_url = "https://news.example.org/"
publisher = "Levant Desk Media Department"

[languages]
source = ["en", "ar"]

[[categories]]
slug = "politics"
name = "Politics"
medtop = ["medtop:11000000"]
subj = "subj:11000000"

[[categories]]
slug = "humanitarian"
name = "Humanitarian"

[[categories]]
slug = "economy"
name = "Economy"

[output]
dir = "feeds"
formats = ["newsml"]
partners_dir = "partners"

[store]
url = "sqlite:///{store}"

[translation]
targets = ["es"]
engine = "apertium"

[partners.plain]

[partners.desk]
html_rendition = true
"""


def words(text: str) -> int:
    return len(text.split())


def one_note(root: etree._Element) -> tuple[str | None, int]:
    """(role of the first edNote, words of body text) as the one-note reader keeps them."""
    first = root.find("g:itemMeta/g:edNote", NS)
    html = root.find("g:contentSet/g:inlineData[@contenttype='text/html']", NS)
    if html is not None:
        kept = " ".join(lxml.html.fragment_fromstring(html.text or "", create_parent="div").itertext())
    else:
        kept = " ".join((b.text or "") for b in root.xpath(".//h:body/*", namespaces=NS))
    return (first.get("role") if first is not None else None), words(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="render_item rounds over all items for timing")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        path = site / "syndicate.toml"
        path.write_text(CONFIG.format(store=site / "store.sqlite3"), encoding="utf-8")
        config = load_config(path, env={})
        store = open_store(config.store_url)
        sample = str(resources.files("syndicate") / "data" / "sample-articles.jsonl")
        assert ingest(config, store, sample, NOW).ok
        report = publish(config, store, NOW)
        assert all(r.error is None for r in report.results), "publish failed"   # ar→es stays pending

        stats: dict[str, dict[str, float]] = {}
        mt_total = mt_first = 0
        for partner in ("plain", "desk"):
            kept = full = lossy = items = 0
            for item_file in sorted((site / "partners" / partner).rglob("items/*.xml")):
                root = etree.parse(str(item_file)).getroot()
                role, got = one_note(root)
                whole = words(" ".join(root.find(".//h:body", NS).itertext()))
                items += 1
                kept += min(got, whole)
                full += whole
                lossy += got < whole
                if root.find("g:contentMeta/g:digitalSourceType", NS) is not None:
                    mt_total += 1
                    mt_first += role == "synnote:machineTranslation"
            stats[partner] = {"items": items, "lossy": lossy, "kept": kept / full if full else 1.0}
            print(f"{partner}: {items} item files, {lossy} lose body text to a leading-text reader, "
                  f"{kept}/{full} words kept")

        articles = list(store.articles.iter_articles())
        store.close()
        print(f"MT items: {mt_total}, disclosure first: {mt_first}; machine-translated versions in the store: "
              f"{sum(a.origin is Origin.MACHINE for a in articles)}")
        fitems = [FeedItem(article=a) for a in articles]
        specs = {(a.lang, a.category): build_spec(config, a.lang, a.category, "newsml") for a in articles}
        timings = {}
        for rendition in (False, True):
            chosen = {k: replace(s, html_rendition=rendition) for k, s in specs.items()}
            start = time.perf_counter()
            for _ in range(args.repeat):
                for fi in fitems:
                    render_item(fi, chosen[(fi.article.lang, fi.article.category)], config.site)
            timings[rendition] = time.perf_counter() - start
            print(f"render_item x{args.repeat * len(fitems)} rendition={rendition}: {timings[rendition]:.3f} s")

    print(f"ratio body text kept without rendition: {stats['plain']['kept']:.3f}")
    print(f"ratio body text kept with rendition: {stats['desk']['kept']:.3f}")
    print(f"ratio MT items with disclosure first: {mt_first / mt_total if mt_total else float('nan'):.3f}")
    print(f"ratio render time with/without rendition: {timings[True] / timings[False]:.3f}")


if __name__ == "__main__":
    main()
