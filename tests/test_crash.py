"""Crash-consistency harness: SIGKILL a real ``syndicate publish`` at random moments, 50 times.

A store of 2,000 articles (English and Arabic, four categories) publishes 40 feeds in four formats and a few
hundred NewsML-G2 item files. A reference run publishes the same store, uninterrupted, into its own folder.
Then, 50 times, a ``syndicate publish`` subprocess is started on the crash site and killed with SIGKILL after a
random delay (from before its imports finish to after it is done). After every kill:

- every file under ``feeds/`` with a final name is complete and valid (RSS/Atom via feedparser, Atom RELAX NG +
  Schematron, JSON Feed schema, NewsML-G2 XSD): a torn write would fail to parse;
- every other file is a hidden temp file (``.<name>.<random>.tmp``), never a final name;
- kills come in blocks of five on a fresh copy of the site, chained (each killed run starts from the state the
  previous kill left); after each block the next publish runs to completion and the files under final names
  are byte-identical to the reference run's.

``bench/crash.py`` runs the same with more items and kills.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from factories import make_article
from lxml import etree
from sites import make_site

from syndicate.config import load_config
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
ITEMS = 2000
KILLS = 50
CONVERGE_EVERY = 5
CATEGORIES = ("politics", "economy", "humanitarian", "coalition-news")


def build_site(root: Path, items: int = ITEMS) -> Path:
    """A site whose store holds ``items`` articles; returns its config path. The store file is copied, not
    shared, by :func:`clone_site` so that runs never see each other's feed state."""
    root.mkdir(parents=True, exist_ok=True)
    cfg = make_site(root, formats=("rss", "atom", "json", "newsml"), items=50)
    store = open_store(load_config(cfg, env={}).store_url)
    arts = [make_article(n, lang="ar" if n % 3 == 0 else "en", category=CATEGORIES[n % 4],
                         published=NOW - timedelta(minutes=n)) for n in range(1, items + 1)]
    store.articles.upsert_many(arts, NOW - timedelta(days=1))
    store.close()
    return cfg


def clone_site(template: Path, root: Path) -> Path:
    """A copy of the site with its own copy of the store (the config is rewritten to point at the copy)."""
    shutil.copytree(template.parent, root)
    return make_site(root, formats=("rss", "atom", "json", "newsml"), items=50)


def publish_cmd(cfg: Path) -> list[str]:
    return [sys.executable, "-m", "syndicate", "--config", str(cfg), "publish", "--now", NOW.isoformat()]


def final_files(out: Path) -> dict[str, bytes]:
    """Files under final names (nothing hidden) → bytes."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)}


class TreeChecker:
    """Validates every file under final names; files unchanged since their last check are not re-read."""

    def __init__(self, validators) -> None:
        self.atom, self.jsonfeed, self.newsml, self.feed_errors = validators
        self.checked: dict[str, tuple[int, int, int]] = {}

    def errors(self, path: Path) -> list[str]:
        body = path.read_bytes()
        if path.name == "feed.json":
            return self.jsonfeed.errors(body)
        if path.name == "atom.xml":
            return self.atom.errors(body) + self.feed_errors(body)
        if path.name == "rss.xml":
            return self.feed_errors(body)
        if path.name.endswith(".xml"):
            return self.newsml.errors(body)
        if path.name == "index.html":       # whole, never torn: a complete document
            return [] if body.rstrip().endswith(b"</html>") else ["torn index.html"]
        if path.name == "feeds.opml":
            return [] if etree.fromstring(body).get("version") == "2.0" else ["bad feeds.opml"]
        return [f"unexpected file {path.name}"]

    def check(self, out: Path) -> int:
        """Assert the tree is sound; returns how many temp files are lying around."""
        temps = 0
        for path in sorted(p for p in out.rglob("*") if p.is_file()):
            if path.name.startswith("."):
                assert path.name.endswith(".tmp"), path      # a hidden file is only ever a temp file
                temps += 1
                continue
            st = path.stat()
            stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
            if self.checked.get(str(path)) == stamp:
                continue
            assert st.st_size > 0, path
            assert self.errors(path) == [], path
            self.checked[str(path)] = stamp
        return temps


def test_sigkill_never_leaves_a_torn_file_and_the_next_publish_converges(tmp_path, atom_validator,
                                                                          jsonfeed_validator, newsml_validator,
                                                                          feed_errors):
    template = build_site(tmp_path / "template")
    reference_cfg = clone_site(template, tmp_path / "reference")
    started = time.monotonic()
    subprocess.run(publish_cmd(reference_cfg), check=True, capture_output=True)
    full_run = time.monotonic() - started
    reference = final_files(load_config(reference_cfg, env={}).output.dir)
    assert len(reference) > 300

    checker = TreeChecker((atom_validator, jsonfeed_validator, newsml_validator, feed_errors))
    rng = random.Random(7)
    killed_midway = converged = 0
    window = full_run                          # kills land at a random moment in [0, window]
    for n in range(1, KILLS + 1):
        if n % CONVERGE_EVERY == 1:
            # a fresh site (empty feeds/, its own copy of the store) for each block of chained kills
            crash_cfg = clone_site(template, tmp_path / f"crash-{n}")
            out = load_config(crash_cfg, env={}).output.dir
        proc = subprocess.Popen(publish_cmd(crash_cfg), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, window))
        if proc.poll() is None:
            killed_midway += 1
            proc.send_signal(signal.SIGKILL)
        else:
            # the run finished first: the machine got faster than the reference run (a busy machine makes
            # the reference slow), so aim earlier; this keeps most kills inside a run whatever the load
            window *= 0.6
        proc.wait()
        if out.exists():
            checker.check(out)
        if n % CONVERGE_EVERY == 0:
            done = subprocess.run(publish_cmd(crash_cfg), capture_output=True, text=True)
            assert done.returncode == 0, done.stderr[-2000:]
            assert checker.check(out) == 0        # the publish swept the temp files the killed runs left
            assert final_files(out) == reference, n
            converged += 1
    assert killed_midway >= KILLS // 2        # most kills really interrupted a run
    assert converged == KILLS // CONVERGE_EVERY
