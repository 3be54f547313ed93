"""`syndicate run` as a real long-running process: publishes at start, reloads on SIGHUP, exits 0 on SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from syndicate.config import load_config
from syndicate.store import open_store


def wait_for(predicate, what: str, limit: float = 60.0):
    """Poll until ``predicate()`` is truthy (a wait for a real process, not a timing assertion)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting for {what}")


def test_run_on_a_fresh_site_publishes_at_start_reloads_and_stops_cleanly(tmp_path):
    """`syndicate init` + ingest + `syndicate run`: the example publish schedule is overdue and runs at
    once; SIGHUP picks up a schedule added to the file; SIGTERM exits 0. Logs are JSON with run ids."""
    exe = [sys.executable, "-m", "syndicate"]
    subprocess.run([*exe, "init", str(tmp_path)], check=True, capture_output=True)
    cfg = tmp_path / "config" / "syndicate.toml"
    subprocess.run([*exe, "--config", str(cfg), "ingest", str(tmp_path / "samples" / "articles.jsonl")], check=True,
                   capture_output=True)
    config = load_config(cfg, env={})
    assert [s.name for s in config.schedules] == ["publish-all"]
    log = (tmp_path / "run.log").open("w")
    proc = subprocess.Popen([*exe, "--config", str(cfg), "--log-format", "json", "run"], stdout=subprocess.PIPE,
                            stderr=log, text=True)
    store = open_store(config.store_url)
    try:
        ledger = store.runs
        first = wait_for(lambda: [r for r in ledger.recent("publish-all") if r.status == "success"], "first publish")
        assert first[0].counts["written"] == 38    # 2 languages × 5 feeds × 4 formats, less 2 empty newsMessages
        assert (config.output.dir / "en" / "all" / "atom.xml").is_file()
        with cfg.open("a", encoding="utf-8") as fh:
            fh.write('\n[schedules.tidy]\nkind = "prune"\ncron = "0 4 * * *"\ntimezone = "Asia/Beirut"\n')
        proc.send_signal(signal.SIGHUP)
        wait_for(lambda: [r for r in ledger.recent("tidy") if r.status == "success"], "the reloaded job to catch up")
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        assert proc.returncode == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        store.close()
        log.close()
    lines = [json.loads(line) for line in (tmp_path / "run.log").read_text(encoding="utf-8").splitlines()]
    runs = [entry for entry in lines if entry.get("logger") == "syndicate.run"]
    assert {entry["job"] for entry in runs} == {"publish-all", "tidy"}
    assert all(isinstance(entry["run_id"], int) and f"run {entry['run_id']} " in entry["message"] for entry in runs)
    assert any("config reloaded" in entry["message"] and "tidy" in entry["message"] for entry in lines)
    assert lines[-1]["message"] == "scheduler stopped"


def test_example_configs_are_identical_and_have_a_publish_schedule():
    """`syndicate init` writes syndicate/data/example-config.toml; config/syndicate.toml is the same file."""
    root = Path(__file__).resolve().parent.parent
    packaged = (root / "syndicate" / "data" / "example-config.toml").read_bytes()
    assert (root / "config" / "syndicate.toml").read_bytes() == packaged
    assert b'[schedules.publish-all]\nkind = "publish"\ninterval = "15m"' in packaged
