"""kill -9 in the middle of a scheduled publish run, then restart: nothing lost, nothing torn, same bytes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

from factories import make_article
from lxml import etree
from sites import make_site, snapshot

from syndicate.config import load_config
from syndicate.schedule import JobRunner
from syndicate.store import open_store

NOW = datetime(2026, 11, 27, 12, 7, tzinfo=UTC)
FIRE = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
CATS = ("politics", "humanitarian", "economy", "coalition-news")
SCHEDULE = '[schedules.publish-all]\nkind = "publish"\ninterval = "15m"\n'
STOP_AFTER = 12

# Runs the real CLI; the only change: the process freezes itself (SIGSTOP) right after its 12th feed write,
# so the test can kill -9 it at a known point in the middle of the run.
FREEZING_CLI = f"""
import os, signal, sys
from syndicate.deliver import files
deliver = files.FileSink.deliver
count = [0]
def freezing_deliver(self, path, body):
    done = deliver(self, path, body)
    count[0] += "/items/" not in path
    if count[0] == {STOP_AFTER}:
        os.kill(os.getpid(), signal.SIGSTOP)
    return done
files.FileSink.deliver = freezing_deliver
from syndicate.cli import main
main(sys.argv[1:])
"""


def articles():
    return [make_article(i, id=f"k{i}", lang=("en", "ar")[i % 2], category=CATS[i % 3],
                         published=NOW - timedelta(minutes=7 * i + 1)) for i in range(200)]


def build_site(root, store_url=None):
    root.mkdir()
    config = load_config(make_site(root, store_url, formats=("rss", "atom", "json", "newsml"), extra=SCHEDULE),
                         env={})
    store = open_store(config.store_url)
    store.articles.upsert_many(articles(), NOW - timedelta(hours=1))
    return config, store


def invalid_files(root):
    """Final-named feed files that are not complete documents (temp files are hidden, never final)."""
    bad = []
    for path in root.rglob("*"):
        if not path.is_file() or path.name.startswith("."):
            continue
        try:
            body = path.read_bytes()
            json.loads(body) if path.suffix == ".json" else etree.fromstring(body)
        except FileNotFoundError:
            continue
        except (ValueError, etree.XMLSyntaxError) as exc:
            bad.append(f"{path}: {exc}")
    return bad


class Watcher(threading.Thread):
    """Parses every feed file on disk over and over while the publisher runs."""

    def __init__(self, root) -> None:
        super().__init__(daemon=True)
        self.root, self.done, self.problems, self.rounds = root, threading.Event(), [], 0

    def run(self) -> None:
        while not self.done.is_set():
            if self.root.exists():
                self.problems += invalid_files(self.root)
            self.rounds += 1
            self.done.wait(0.005)          # pacing only: leave the CPU to the publisher


def test_kill_9_mid_publish_then_restart_catches_up_with_identical_bytes(tmp_path, store_url):
    """A publish run is killed (-9) after 12 of its feed files; at every moment each file on disk parses; the
    restart takes the dead run over (same fire time, attempt 2), renders only the rest, and the output
    equals, byte for byte, an uninterrupted run of the same store."""
    reference, ref_store = build_site(tmp_path / "reference")
    try:
        [clean] = JobRunner(reference, ref_store, clock=lambda: NOW).catch_up()
        assert clean.run.status == "success"
    finally:
        ref_store.close()
    expected = snapshot(reference.output.dir)

    config, store = build_site(tmp_path / "crashed", store_url)
    try:
        watcher = Watcher(config.output.dir)
        watcher.start()
        proc = subprocess.Popen([sys.executable, "-c", FREEZING_CLI, "--config", str(config.path), "run", "--once",
                                 "--now", NOW.isoformat()], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status = os.waitpid(proc.pid, os.WUNTRACED)
        assert os.WIFSTOPPED(status), "the publisher ended before its 12th write"
        [running] = store.runs.recent("publish-all")
        assert running.status == "running" and running.fire_time == FIRE
        on_disk = [p for p in config.output.dir.rglob("*") if p.is_file()]
        assert STOP_AFTER <= len(on_disk) < len(expected)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        assert invalid_files(config.output.dir) == []

        restart = subprocess.run([sys.executable, "-m", "syndicate", "--config", str(config.path), "run", "--once",
                                  "--now", (NOW + timedelta(minutes=2)).isoformat()],
                                 capture_output=True, text=True, timeout=120)
        watcher.done.set()
        watcher.join(timeout=30)
        assert restart.returncode == 0, restart.stderr
        assert f"publish-all {FIRE.isoformat()}: run {running.id} success" in restart.stdout
        [run] = store.runs.recent("publish-all")
        assert (run.id, run.attempts, run.status) == (running.id, 2, "success")
        # the 11 feeds whose write was recorded are not rendered again (the 12th was written, not yet recorded)
        assert run.counts["skipped"] >= STOP_AFTER - 1 and run.counts["rendered"] + run.counts["skipped"] == 40
        assert watcher.problems == [] and watcher.rounds > 0
        assert snapshot(config.output.dir) == expected
    finally:
        store.close()
