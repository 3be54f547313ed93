"""Single runner: two real processes on one store (SQLite file lock, PostgreSQL advisory lock + unique row)."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from factories import make_article
from sites import make_site

from syndicate.config import load_config
from syndicate.errors import LockedError
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 7, tzinfo=UTC)
FIRE = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
CATS = ("politics", "humanitarian", "economy", "coalition-news")


def syndicate(config_path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "syndicate", "--config", str(config_path), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def busy_site(tmp_path, store_url):
    """A site with 600 articles and a 15-minute publish schedule (so a publish takes a moment)."""
    path = make_site(tmp_path, store_url, formats=("rss", "atom", "json", "newsml"),
                     extra='[schedules.publish-all]\nkind = "publish"\ninterval = "15m"\n')
    config = load_config(path, env={})
    store = open_store(config.store_url)
    store.articles.upsert_many([make_article(i, id=f"b{i}", lang=("en", "ar")[i % 2], category=CATS[i % 4],
                                    published=NOW - timedelta(minutes=5 * i + 1)) for i in range(600)],
                      NOW - timedelta(hours=1))
    yield path, config, store
    store.close()


def test_a_held_lock_refuses_a_second_holder_until_released(store):
    """The same named lock cannot be held twice (two holders = two connections or two file handles)."""
    with store.locks.hold("publish"):
        with pytest.raises(LockedError), store.locks.hold("publish", timeout=0.2):
            pass
        with store.locks.hold("job:other"):          # another name is independent
            pass
    with store.locks.hold("publish", timeout=0):
        pass


def test_a_killed_holder_releases_its_lock(store_url, store):
    """kill -9 of the process holding the lock frees it (flock and advisory locks die with their owner)."""
    code = ("import sys\nfrom syndicate.store import open_store\n"
            f"s = open_store({store_url!r})\n"
            "with s.locks.hold('publish'):\n    print('held', flush=True)\n    sys.stdin.read()\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError), store.locks.hold("publish", timeout=0.1):
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        with store.locks.hold("publish", timeout=10):
            pass
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_two_runners_started_together_run_each_fire_time_once(busy_site):
    """Two `syndicate run --once` at the same instant: one run row for the fire time, every feed published
    by that run only; the other process reports the fire time as already run."""
    path, _config, store = busy_site
    procs = [syndicate(path, "run", "--once", "--now", NOW.isoformat()) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    texts = sorted(o[0] for o in outs)
    assert sum("already ran" in t for t in texts) == 1 and sum(" success" in t for t in texts) == 1, texts
    ledger = store.runs
    [run] = ledger.recent("publish-all")
    assert run.fire_time == FIRE and run.status == "success" and run.attempts == 1
    marks = store.feeds.watermarks()
    assert len(marks) == 40 and {m.run_id for m in marks.values()} == {run.id}
    assert run.counts["rendered"] == 40


def test_two_publish_commands_together_render_each_feed_once(busy_site):
    """Two `syndicate publish` at once: the second waits for the first's lock, then finds every feed up to
    date. Across both processes each feed is rendered and written exactly once."""
    path, config, _store = busy_site
    procs = [syndicate(path, "publish", "--now", NOW.isoformat()) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    written = unchanged = empty = fresh = 0
    for out, _ in outs:
        m = re.search(r"publish: (\d+) feeds written, (\d+) unchanged(?:, (\d+) empty NewsML-G2 \(not written\))?, "
                      r"(\d+) up to date", out)
        assert m, out
        written += int(m.group(1))
        unchanged += int(m.group(2))
        empty += int(m.group(3) or 0)
        fresh += int(m.group(4))
    assert (written + unchanged + empty, fresh) == (40, 40)   # 40 feeds: rendered once, up to date once
    files = [p for p in config.output.dir.rglob("*.*") if p.parent.name != "items"
             and p.name not in ("index.html", "feeds.opml", "feed.xsl")]        # the front door is not a feed
    assert written == len(files) and unchanged == 0 and empty == 40 - len(files)   # empty newsMessages: not written
