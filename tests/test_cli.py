"""The command line: help and docs for every command, exit codes, and the commands end to end."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED_PAGE
from sites import make_site, write_jsonl

from syndicate.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def run(*args: str, config: Path | None = None):
    argv = (["--config", str(config)] if config else []) + list(args)
    return CliRunner().invoke(main, argv, catch_exceptions=False)


def all_commands():
    out = []
    for name, cmd in main.commands.items():
        out.append((name,))
        for sub in getattr(cmd, "commands", {}):
            out.append((name, sub))
    return out


@pytest.mark.parametrize("command", all_commands(), ids=" ".join)
def test_every_command_has_help_and_is_documented(command):
    """Every command answers --help with a description and appears in the README's CLI reference."""
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) >= 3
    assert f"syndicate {' '.join(command)}" in README, f"README lacks `syndicate {' '.join(command)}`"


def test_config_errors_exit_2_naming_file_and_key(tmp_path):
    cfg = make_site(tmp_path)
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("items_per_feed = 50", "items_per_feed = 0"),
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(cfg), "check"])
    assert result.exit_code == 2
    assert str(cfg) in result.output and "output.items_per_feed" in result.output


def test_missing_config_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["--config", str(tmp_path / "nope.toml"), "publish"])
    assert result.exit_code == 2 and "not found" in result.output


def test_ingest_reports_bad_lines_stores_the_rest_and_exits_1(tmp_path):
    cfg = make_site(tmp_path)
    src = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "good", "lang": "en", "category": "politics", "title": "Good", "body": "Fine.",
         "published": "2026-11-20T10:00:00Z"},
        {"id": "bad", "lang": "en", "category": "sport", "title": "Bad", "body": "x",
         "published": "2026-11-20T10:00:00Z"},
    ])
    result = CliRunner().invoke(main, ["--config", str(cfg), "ingest", str(src), "--now", "2026-11-27T00:00:00Z"])
    assert result.exit_code == 1
    assert re.search(r"line 2.*category", result.output)
    assert "1 new" in result.output and "1 rejected" in result.output


def test_seed_page_through_the_cli(tmp_path):
    """The real CMS page export: two articles with the Media Department credit, published in coalition-news."""
    cfg = make_site(tmp_path)
    now = ["--now", "2026-11-27T00:00:00Z"]
    result = run("ingest", str(SEED_PAGE), *now, config=cfg)
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output
    assert run("ingest", str(SEED_PAGE), *now, config=cfg).output.count("2 unchanged") == 1
    assert run("publish", *now, config=cfg).exit_code == 0
    feed = feedparser.parse((tmp_path / "feeds/en/coalition-news/atom.xml").read_bytes())
    assert len(feed.entries) == 2 and not feed.bozo
    for entry in feed.entries:
        assert entry.published.startswith("2018-01-23")
        assert "Syrian Coalition’s Media Department" in entry.content[0].value
        assert "Items filtered by date" not in entry.content[0].value
        assert len(entry.title) <= 112


def test_publish_dry_run_and_feed_filter(tmp_path):
    cfg = make_site(tmp_path)
    run("ingest", str(SEED_PAGE), config=cfg)
    dry = run("publish", "--dry-run", "--now", "2026-11-27T00:00:00Z", config=cfg)
    assert dry.exit_code == 0 and "would write" in dry.output and not (tmp_path / "feeds").exists()
    only = run("publish", "--feed", "ar/*", "--format", "rss", "--now", "2026-11-27T00:00:00Z", config=cfg)
    assert only.exit_code == 0
    files = sorted(str(p.relative_to(tmp_path / "feeds")) for p in (tmp_path / "feeds").rglob("*.*"))
    assert files and all(f.startswith("ar/") and f.endswith("rss.xml") for f in files)


def test_bad_now_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["--config", str(make_site(tmp_path)), "publish", "--now", "2026-11-27"])
    assert result.exit_code == 2 and "time zone" in result.output


def test_example_config_matches_the_repository_config():
    packaged = (ROOT / "syndicate/data/example-config.toml").read_text(encoding="utf-8")
    assert packaged == (ROOT / "config/syndicate.toml").read_text(encoding="utf-8")


def test_init_then_demo_in_a_fresh_directory(tmp_path):
    """A newcomer's path, as real processes: init writes a site, demo publishes valid feeds, check passes."""
    exe = [sys.executable, "-m", "syndicate"]
    site = tmp_path / "site"
    subprocess.run([*exe, "init", str(site)], check=True, capture_output=True)
    again = subprocess.run([*exe, "init", str(site)], capture_output=True, text=True)
    assert again.returncode == 2 and "exists" in again.stderr
    cfg = str(site / "config" / "syndicate.toml")
    # Debian's Apertium with eng-spa is installed (make system-deps): the demo adds a disclosed Spanish MT
    demo = subprocess.run([*exe, "--config", cfg, "demo", "--now", "2026-11-27T12:00:00Z"], capture_output=True,
                          text=True)
    assert demo.returncode == 0, demo.stderr
    assert "12 new" in demo.stdout and "57 feeds written" in demo.stdout and "18 item files" in demo.stdout
    assert "machine translation: en→es by Apertium" in demo.stdout
    feeds = site / "feeds"
    es = feedparser.parse((feeds / "es/all/rss.xml").read_bytes())
    assert es.feed.language == "es" and len(es.entries) == 7 and not es.bozo
    assert all(any(t.term == "machine-translation" for t in e.tags) for e in es.entries)
    assert all("Traducción automática (apertium" in e.content[0].value for e in es.entries)
    # it ends by saying where to look: the index page, one feed per format, the console
    tail = demo.stdout.strip().splitlines()[-6:]
    assert tail[0] == f"index page: {feeds / 'index.html'}  (served as https://news.example.org/feeds/index.html)"
    assert [line.split(":", 1)[0].strip() for line in tail[1:5]] == ["rss", "atom", "json", "newsml"]
    assert all(Path(line.split(": ", 1)[1]).is_file() for line in tail[1:5])
    assert tail[5].startswith("console: http://127.0.0.1:8080/admin/")
    assert (feeds / "index.html").is_file() and (feeds / "es" / "index.html").is_file()
    ar = feedparser.parse((feeds / "ar/all/rss.xml").read_bytes())
    assert ar.feed.language == "ar" and len(ar.entries) == 4 and not ar.bozo
    jf = json.loads((feeds / "en/all/feed.json").read_bytes())
    assert len(jf["items"]) == 7          # 8 English samples, one of them under embargo until 2030
    check = subprocess.run([*exe, "--config", cfg, "check"], capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout.strip().endswith("ok")


def test_demo_without_apertium_says_how_to_see_machine_translation(tmp_path):
    """No apertium on PATH (really absent for the process): English and Arabic only, and one line saying how."""
    exe = [sys.executable, "-m", "syndicate"]
    site = tmp_path / "site"
    subprocess.run([*exe, "init", str(site)], check=True, capture_output=True)
    empty = tmp_path / "no-tools"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}
    demo = subprocess.run([*exe, "--config", str(site / "config" / "syndicate.toml"), "demo", "--now",
                           "2026-11-27T12:00:00Z"], capture_output=True, text=True, env=env)
    assert demo.returncode == 0, demo.stderr
    assert "38 feeds written" in demo.stdout and "11 item files" in demo.stdout
    how = [line for line in demo.stdout.splitlines() if "apt-get" in line or "translation" in line]
    assert how == ["to see a disclosed Spanish machine translation too: apt-get install apertium apertium-eng-spa, "
                   "then run the demo again"]
    assert not (site / "feeds" / "es").exists()
