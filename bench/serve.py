"""Benchmark: ``syndicate serve`` against nginx serving the same files, with wrk, in one run.

    .venv/bin/python bench/serve.py [--duration 5] [--connections 32] [--workers N] [--threads N]

Builds a throw-away site (60 articles, so the feed holds 50 items), publishes it, starts ``syndicate serve``
(waitress) and nginx (temporary config, free 127.0.0.1 ports), then measures requests/s for
1. a 304 revalidation (``If-None-Match`` with the server's own ETag) and
2. a full 50-item RSS feed (200, identity encoding),
and prints ``ratio serve/nginx 304: X`` and ``ratio serve/nginx full: Y``. Both servers are stopped at the end,
also on error or Ctrl-C. Needs the Debian packages ``wrk`` and ``nginx-light``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FEED = "/en/politics/rss.xml"

CONFIG = """
[site]
name = "Bench Desk"
base_url = "https://news.example.org/"
publisher = "Bench Desk"

[languages]
source = ["en"]

[[categories]]
slug = "politics"
name = "Politics"

[output]
dir = "feeds"
formats = ["rss", "atom", "json"]
items_per_feed = 50

[store]
url = "sqlite:///store.sqlite3"

[server]
threads = {threads}
workers = {workers}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_site(root: Path, workers: int, threads: int) -> Path:
    (root / "syndicate.toml").write_text(CONFIG.format(workers=workers, threads=threads), encoding="utf-8")
    base = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    with (root / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for n in range(60):
            fh.write(json.dumps({
                "id": f"bench-{n}", "lang": "en", "category": "politics",
                "title": f"Delegation {n} meets the envoy in Geneva for a new round of talks",
                "summary": f"Story {n}: the delegation discussed the latest political developments.",
                "body_html": "<p>" + " ".join(["The delegation discussed the latest developments."] * 12) + "</p>",
                "published": (base + timedelta(hours=n)).isoformat(), "author": "Media Department",
                "url": f"https://news.example.org/en/story-{n}"}) + "\n")
    cli = [PYTHON, "-m", "syndicate", "--config", str(root / "syndicate.toml")]
    now = "2026-03-01T00:00:00Z"
    subprocess.run([*cli, "ingest", str(root / "articles.jsonl"), "--now", now], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*cli, "publish", "--now", now], check=True, stdout=subprocess.DEVNULL)
    return root / "feeds"


def start_serve(root: Path) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen([PYTHON, "-m", "syndicate", "--config", str(root / "syndicate.toml"), "serve",
                             "--port", "0", "--no-push"], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    line = proc.stdout.readline() if proc.stdout else ""
    match = re.search(r":(\d+)/", line)
    if not match:
        proc.kill()
        raise RuntimeError(f"syndicate serve did not start: {line!r}")
    return proc, int(match.group(1))


def start_nginx(root: Path, docroot: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    conf = root / "nginx.conf"
    conf.write_text(f"""
worker_processes auto;
daemon off;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/nginx-body;
    proxy_temp_path {root}/nginx-proxy;
    fastcgi_temp_path {root}/nginx-fastcgi;
    uwsgi_temp_path {root}/nginx-uwsgi;
    scgi_temp_path {root}/nginx-scgi;
    sendfile on;
    keepalive_requests 100000;
    types {{ application/rss+xml xml; }}
    server {{
        listen 127.0.0.1:{port};
        root {docroot};
        etag on;
    }}
}}
""", encoding="utf-8")
    proc = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(root)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    return proc, port


def wait_up(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{FEED}", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port}")


def etag_of(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{FEED}", timeout=5) as r:
        return r.headers["ETag"]


def wrk(port: int, duration: int, connections: int, headers: list[str], expect: int) -> float:
    # a Lua check would slow wrk down; check the status once with urllib instead
    req = urllib.request.Request(f"http://127.0.0.1:{port}{FEED}",
                                 headers=dict(h.split(": ", 1) for h in headers))
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            status = r.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    if status != expect:
        raise RuntimeError(f"port {port}: expected HTTP {expect}, got {status}")
    cmd = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--timeout", "5s"]
    for h in headers:
        cmd += ["-H", h]
    out = subprocess.run([*cmd, f"http://127.0.0.1:{port}{FEED}"], capture_output=True, text=True,
                         timeout=duration + 30, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"wrk saw {errors.group(1)} error responses:\n{out}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not match:
        raise RuntimeError(f"cannot read wrk output:\n{out}")
    return float(match.group(1))


def stop(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="syndicate serve processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per syndicate serve process")
    args = parser.parse_args()
    if not shutil.which("wrk") or not shutil.which("nginx"):
        print("needs wrk and nginx (apt-get install wrk nginx-light)", file=sys.stderr)
        return 2
    procs: list[subprocess.Popen] = []  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory(prefix="syndicate-bench-") as tmp:
        root = Path(tmp)
        os.chmod(root, 0o755)      # nginx workers run as an unprivileged user when started as root
        try:
            docroot = make_site(root, args.workers, args.threads)
            size = (docroot / FEED.lstrip("/")).stat().st_size
            serve, serve_port = start_serve(root)
            procs.append(serve)
            nginx, nginx_port = start_nginx(root, docroot)
            procs.append(nginx)
            wait_up(serve_port)
            wait_up(nginx_port)
            print(f"feed {FEED}: {size} bytes, 50 items; wrk -t2 -c{args.connections} -d{args.duration}s; "
                  f"serve: {args.workers} process(es) x {args.threads} threads; nginx: worker_processes auto")
            results: dict[str, dict[str, float]] = {}
            for name, port in (("serve", serve_port), ("nginx", nginx_port)):
                tag = etag_of(port)
                results[name] = {
                    "304": wrk(port, args.duration, args.connections, [f"If-None-Match: {tag}"], 304),
                    "full": wrk(port, args.duration, args.connections, [], 200),
                }
                print(f"{name}: 304 {results[name]['304']:.0f} req/s, full {results[name]['full']:.0f} req/s")
            for kind in ("304", "full"):
                print(f"ratio serve/nginx {kind}: {results['serve'][kind] / results['nginx'][kind]:.3f}")
        finally:
            for proc in procs:
                stop(proc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
