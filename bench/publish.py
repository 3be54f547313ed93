"""Benchmark: full vs incremental publish on stores of 10,000 and 100,000 articles.

    .venv/bin/python bench/publish.py [--sizes 10000 100000] [--workdir DIR] [--keep]

Each store has 4 languages (English and Arabic originals, French and Spanish machine translations already
stored, their segments in the translation memory) and 20 categories. For each size, in fresh processes:

1. generate the store (SQLite file);
2. the first sync of the partner change log (every version indexed once, timed apart), a full publish
   (``--full``, every feed, translation off; peak RSS of that process), then the first publish with translation
   on, which walks the change sequence once (timed apart: both happen once per store);
3. incremental publish after one new article (time of the publish call);
4. in a fresh process, a publish **with translation configured** and nothing pending (the pending translations
   are found from the store's change sequence, so this should not grow with the store), and the same with
   translation turned off;
5. feedgen alone rendering the same entries (RSS + Atom), to compare the cost per feed entry.

Prints the numbers, then on lines of their own:
``ratio incremental 100k/10k: X``, ``ratio incremental-translate 100k/10k: T`` (goal <= 1.5),
``ratio incremental/full: Y``, ``ratio pipeline/feedgen per item: Z``.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
CATEGORIES = [f"topic-{i:02d}" for i in range(20)]
CONFIG = """
[site]
name = "Bench Desk"
base_url = "https://bench.example.org/"
publisher = "Bench Desk"

[languages]
source = ["en", "ar"]

{categories}

[output]
dir = "feeds"
formats = ["rss", "atom", "json"]
items_per_feed = 50

[store]
url = "sqlite:///store.sqlite3"

[translation]
targets = ["fr", "es"]
engine = "identity"
"""
PARAGRAPHS = ("<p>The delegation met the envoy on {d} to discuss the situation in the region and the next steps "
              "of the talks.</p><p>Officials said the meeting was <b>constructive</b> and that a further round "
              "is planned.</p><p>Story {n} in {c}.</p>")


def write_config(root: Path) -> Path:
    cats = "\n".join(f'[[categories]]\nslug = "{c}"\nname = {{ en = "Topic {c[-2:]}", ar = "موضوع {c[-2:]}", '
                     f'fr = "Sujet {c[-2:]}", es = "Tema {c[-2:]}" }}\n' for c in CATEGORIES)
    path = root / "syndicate.toml"
    path.write_text(CONFIG.format(categories=cats), encoding="utf-8")
    return path


def generate(root: Path, size: int) -> None:
    """``size`` articles in families of four: en original, ar human, fr and es machine translations."""
    from syndicate.config import load_config
    from syndicate.model import Article, Origin
    from syndicate.store import open_store
    from syndicate.translate.memory import segment_hash

    config = load_config(write_config(root), env={})
    store = open_store(config.store_url)
    batch: list[Article] = []
    tm: dict[str, dict[str, str]] = {"fr": {}, "es": {}}
    for fam in range(size // 4):
        cat = CATEGORIES[fam % len(CATEGORIES)]
        published = NOW - timedelta(minutes=3 * (size // 4 - fam) + 1)
        body = PARAGRAPHS.format(d=published.date(), n=fam, c=cat)
        title = f"Delegation {fam} meets envoy in Geneva"
        en = Article(id=f"n{fam}", lang="en", category=cat, title=title, summary=f"Summary {fam}.", body_html=body,
                     published=published, url=f"https://bench.example.org/en/n{fam}", author="Desk").with_hash()
        ar = Article(id=f"n{fam}-ar", lang="ar", category=cat, title=f"اجتماع الوفد {fam} في جنيف",
                     summary=f"ملخص {fam}.", body_html=f"<p>ناقش الوفد {fam} آخر التطورات.</p>", published=published,
                     url=f"https://bench.example.org/ar/n{fam}", translation_of=en.id, origin=Origin.HUMAN).with_hash()
        batch += [en, ar]
        for dst in ("fr", "es"):
            batch.append(Article(id=f"n{fam}~{dst}", lang=dst, category=cat, title=f"[{dst}] {title}",
                                 summary=f"[{dst}] Summary {fam}.", body_html=body, published=published,
                                 translation_of=en.id, origin=Origin.MACHINE, mt_engine="identity", mt_model="identity",
                                 source_version=1).with_hash())
            tm[dst][segment_hash(title)] = f"[{dst}] {title}"
        if len(batch) >= 4000:
            store.articles.upsert_many(batch, NOW - timedelta(days=1))
            batch = []
    if batch:
        store.articles.upsert_many(batch, NOW - timedelta(days=1))
    for dst, pairs in tm.items():
        store.memory.put_many(("identity", "identity", "en", dst), pairs)
    store.close()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_full(root: Path) -> dict[str, float]:
    from syndicate.config import load_config
    from syndicate.deliver import sync_changes
    from syndicate.publish.usecase import publish
    from syndicate.store import open_store

    config = load_config(root / "syndicate.toml", env={})
    store = open_store(config.store_url)
    before = _peak_mb()
    # a store's first publish indexes its whole history in the partner change log once (a bulk import does the
    # same): timed apart, so "full" is the cost of rendering every feed
    start = time.perf_counter()
    sync_changes(store, NOW, config.partners)
    indexing = time.perf_counter() - start
    start = time.perf_counter()
    report = publish(config, store, NOW, full=True, translate=False)
    seconds = time.perf_counter() - start
    # the first publish with translation on walks the whole change sequence once (the stored translations
    # are checked against their originals); later ones start from the cursor it leaves
    start = time.perf_counter()
    publish(config, store, NOW)
    sweep = time.perf_counter() - start
    store.close()
    assert not report.failed, report.failed
    return {"seconds": seconds, "sweep_seconds": sweep, "index_seconds": indexing, "feeds": len(report.results), "entries": sum(r.items for r in report.results),
            "peak_mb": _peak_mb(), "peak_before_mb": before}


def measure_incremental(root: Path) -> dict[str, float]:
    from syndicate.config import load_config
    from syndicate.model import Article
    from syndicate.publish.usecase import publish
    from syndicate.store import open_store

    config = load_config(root / "syndicate.toml", env={})
    store = open_store(config.store_url)
    now = NOW + timedelta(minutes=15)
    store.articles.upsert_many([Article(id="fresh", lang="en", category=CATEGORIES[3], title="Fresh story", summary="New.",
                               body_html="<p>Just in.</p>", published=now - timedelta(minutes=1),
                               url="https://bench.example.org/en/fresh").with_hash()], now)
    start = time.perf_counter()
    report = publish(config, store, now)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    idle = publish(config, store, now + timedelta(minutes=15))
    idle_seconds = time.perf_counter() - start
    store.close()
    return {"seconds": seconds, "rendered": len(report.results), "written": len(report.written),
            "idle_seconds": idle_seconds, "idle_rendered": len(idle.results)}


def measure_idle_translate(root: Path) -> dict[str, float]:
    """A publish with ``[translation] targets`` set and nothing new (fresh process), then one without
    translation for comparison; each the best of three."""
    from syndicate.config import load_config
    from syndicate.publish.usecase import publish
    from syndicate.store import open_store

    config = load_config(root / "syndicate.toml", env={})
    store = open_store(config.store_url)
    now = NOW + timedelta(hours=1)
    times: dict[str, list[float]] = {"with": [], "without": []}
    looked_at = 0
    for i in range(3):
        for key, translate in (("with", True), ("without", False)):
            start = time.perf_counter()
            outcome = publish(config, store, now + timedelta(minutes=i), translate=translate)
            times[key].append(time.perf_counter() - start)
            if translate and outcome.translation is not None:
                looked_at = max(looked_at, outcome.translation.looked_at + len(outcome.translation.translated))
    store.close()
    return {"seconds": min(times["with"]), "without_seconds": min(times["without"]), "looked_at": looked_at}


def measure_feedgen(root: Path, feeds: int = 20) -> dict[str, float]:
    """feedgen alone, rendering the entries of ``feeds`` category feeds as RSS and Atom."""
    from feedgen.feed import FeedGenerator

    from syndicate.config import load_config
    from syndicate.model import PUBLIC
    from syndicate.publish.publisher import Publisher
    from syndicate.store import open_store

    config = load_config(root / "syndicate.toml", env={})
    store = open_store(config.store_url)
    publisher = Publisher(config, store)
    scopes = [(lang, cat) for lang in config.feed_languages for cat in CATEGORIES][:feeds]
    item_sets = [publisher.items_for(PUBLIC, lang, cat, NOW) for lang, cat in scopes]
    store.close()
    entries = 0
    start = time.perf_counter()
    for items in item_sets:
        for fmt in ("rss", "atom"):
            fg = FeedGenerator()
            fg.id("https://bench.example.org/feeds/x")
            fg.title("Bench")
            fg.link(href="https://bench.example.org/", rel="alternate")
            fg.description("Bench feed")
            fg.language(items[0].article.lang if items else "en")
            for fi in items:
                a = fi.article
                fe = fg.add_entry(order="append")
                fe.id(a.guid)
                fe.title(a.title)
                fe.link(href=a.url or "https://bench.example.org/")
                fe.summary(a.summary)
                fe.content(a.body_html, type="CDATA" if fmt == "rss" else "html")
                fe.published(a.published)
                fe.updated(a.modified)
                fe.author(name=a.author or "Desk", email="desk@bench.example.org")
                fe.category(term=a.category)
                entries += 1
            fg.rss_str(pretty=True) if fmt == "rss" else fg.atom_str(pretty=True)
    seconds = time.perf_counter() - start
    from syndicate.config.layout import build_spec
    from syndicate.render.base import get_renderer

    start = time.perf_counter()
    for (lang, cat), items in zip(scopes, item_sets, strict=True):
        for fmt in ("rss", "atom"):
            get_renderer(fmt).render(build_spec(config, lang, cat, fmt), items, config.site)
    ours = time.perf_counter() - start
    return {"seconds": seconds, "entries": entries, "renderers_seconds": ours}


def child(args: argparse.Namespace) -> None:
    root = Path(args.root)
    if args.step == "generate":
        generate(root, args.size)
        print(json.dumps({"ok": True}))
    else:
        fn = {"full": measure_full, "incremental": measure_incremental,
              "idle-translate": measure_idle_translate, "feedgen": measure_feedgen}[args.step]
        print(json.dumps(fn(root)))


def run_step(step: str, root: Path, size: int = 0) -> dict[str, float]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", step, "--root", str(root), "--size", str(size)],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{step} failed:\n{out.stderr}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - start
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the generated stores")
    parser.add_argument("--child", dest="step", help=argparse.SUPPRESS)
    parser.add_argument("--root", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        child(args)
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="syndicate-bench-"))
    results = {}
    for size in args.sizes:
        root = work / f"store-{size}"
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
        gen = run_step("generate", root, size)
        print(f"{size:>7} articles: generated in {gen['wall']:.1f}s", flush=True)
        full = run_step("full", root)
        inc = run_step("incremental", root)
        idle = run_step("idle-translate", root)
        fg = run_step("feedgen", root)
        results[size] = (full, inc, fg, idle)
        per_entry = full["seconds"] / max(full["entries"], 1)
        fg_entry = fg["seconds"] / max(fg["entries"], 1)
        print(f"{size:>7} articles: full {full['seconds']:.2f}s ({full['feeds']} feeds, {full['entries']} entries, "
              f"{per_entry * 1e6:.0f} µs/entry), peak RSS {full['peak_mb']:.0f} MB "
              f"(after imports and open: {full['peak_before_mb']:.0f} MB); once per store: change-log indexing "
              f"{full['index_seconds']:.2f}s, first translate sweep {full['sweep_seconds']:.2f}s", flush=True)
        print(f"{size:>7} articles: incremental after 1 new article {inc['seconds'] * 1000:.0f} ms "
              f"({inc['rendered']} feeds rendered, {inc['written']} written); nothing new {inc['idle_seconds'] * 1000:.0f} ms "
              f"({inc['idle_rendered']} rendered)", flush=True)
        print(f"{size:>7} articles: publish with translation configured, nothing pending "
              f"{idle['seconds'] * 1000:.0f} ms (translation off: {idle['without_seconds'] * 1000:.0f} ms; "
              f"{idle['looked_at']:.0f} originals looked at)", flush=True)
        print(f"{size:>7} articles: feedgen alone {fg_entry * 1e6:.0f} µs/entry, syndicate's RSS+Atom renderers "
              f"alone {fg['renderers_seconds'] / max(fg['entries'], 1) * 1e6:.0f} µs/entry "
              f"(same {fg['entries']} entries)", flush=True)
    if not args.keep and args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    small, large = min(results), max(results)
    inc_ratio = results[large][1]["seconds"] / results[small][1]["seconds"]
    full_ratio = results[large][1]["seconds"] / results[large][0]["seconds"]
    idle_ratio = results[large][3]["seconds"] / results[small][3]["seconds"]
    full_l, _, fg_l, _ = results[large]
    pipe_ratio = (full_l["seconds"] / full_l["entries"]) / (fg_l["seconds"] / fg_l["entries"])
    print(f"peak RSS of the full build: {results[small][0]['peak_mb']:.0f} MB at {small}, "
          f"{results[large][0]['peak_mb']:.0f} MB at {large}")
    print(f"ratio incremental {large // 1000}k/{small // 1000}k: {inc_ratio:.2f}")
    print(f"ratio incremental-translate {large // 1000}k/{small // 1000}k: {idle_ratio:.2f}")
    print(f"ratio incremental/full: {full_ratio:.4f}")
    print(f"ratio pipeline/feedgen per item: {pipe_ratio:.2f}")


if __name__ == "__main__":
    main()
