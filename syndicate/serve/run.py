"""Run the app under a production HTTP server: granian (default) or waitress.

granian (Rust, hyper) runs the WSGI app in ``workers`` processes with ``threads`` Python threads each; it was
chosen by measurement (``bench/serve.py``): waitress closes the connection after every 304 (it has no
Content-Length to delimit it), which makes revalidation several times slower than nginx.
The config file reaches granian's workers through ``$SYNDICATE_CONFIG`` (see :mod:`syndicate.serve.wsgi`).

waitress stays available (``--engine waitress``): with ``workers > 1`` the parent binds the listening
socket once and forks; each child runs its own waitress on the shared socket. The parent forwards
SIGTERM/SIGINT to the children and exits when they have.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from waitress.server import create_server

from syndicate.config import Config
from syndicate.errors import SyndicateError
from syndicate.serve.app import SyndicateApp

log = logging.getLogger("syndicate.server")


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket (``port=0`` picks a free port)."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(1024)
    except OSError as exc:
        raise SyndicateError("cannot listen", context=f"{host}:{port}") from exc
    return sock


def raise_fd_limit(connections: int) -> int:
    """Raise this process's open-file soft limit towards ``connections`` + headroom (up to the hard limit),
    so the connection cap, not EMFILE, decides when the server stops accepting. Returns the soft limit."""
    try:
        import resource
    except ImportError:   # pragma: no cover - not POSIX
        return connections
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = connections + 256
    if soft != resource.RLIM_INFINITY and soft < want:
        new = want if hard == resource.RLIM_INFINITY else min(want, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
            soft = new
    return int(soft)


def make_server(app: Callable[..., Any], sock: socket.socket, threads: int, *, connections: int = 4096,
                idle_timeout: float = 10.0) -> Any:
    """A waitress server on an already bound socket: ``connections`` open connections at most, and a
    connection silent for ``idle_timeout`` seconds (headers not sent, or idle keep-alive) is closed."""
    raise_fd_limit(connections)
    return create_server(app, sockets=[sock], threads=threads, ident="syndicate", backlog=1024,
                         channel_timeout=idle_timeout, connection_limit=connections, asyncore_use_poll=True,
                         clear_untrusted_proxy_headers=True)


ENGINES = ("granian", "waitress")


def free_port(host: str) -> int:
    """A port that was free a moment ago (for ``port = 0`` with granian, which binds by itself)."""
    with bind(host, 0) as sock:
        return int(sock.getsockname()[1])


def serve(config: Config, *, host: str | None = None, port: int | None = None, threads: int | None = None,
          workers: int = 1, engine: str = "granian", ready: Callable[[str, int], None] | None = None,
          started: Callable[[], None] | None = None) -> None:
    """Serve until SIGTERM/SIGINT. ``ready(host, port)`` is called before serving (port is the real one);
    ``started()`` runs in the serving (or supervising) process once the workers exist (waitress only)."""
    host = host or config.server.host
    if engine == "granian":
        _serve_granian(config, host, config.server.port if port is None else port,
                       threads or config.server.threads, workers, ready)
        return
    if engine != "waitress":
        raise SyndicateError(f"unknown server engine {engine!r} (known: {', '.join(ENGINES)})")
    sock = bind(host, config.server.port if port is None else port)
    real_port = sock.getsockname()[1]
    nthreads = threads or config.server.threads
    if ready:
        ready(host, real_port)
    if workers <= 1:
        if started:
            started()
        _run_one(config, sock, nthreads)
        return
    children: list[int] = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:   # child
            code = 0
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                _run_one(config, sock, nthreads)
            except BaseException:
                log.exception("worker failed")
                code = 1
            finally:
                os._exit(code)
        children.append(pid)
    sock.close()
    if started:
        started()
    _supervise(children)


def _serve_granian(config: Config, host: str, port: int, threads: int, workers: int,
                   ready: Callable[[str, int], None] | None) -> None:
    from granian import Granian
    from granian.constants import Interfaces
    from granian.http import HTTP1Settings

    if config.path is None:
        raise SyndicateError("granian needs the config as a file (config.path is not set)")
    os.environ["SYNDICATE_CONFIG"] = str(Path(config.path).resolve())
    real_port = port or free_port(host)
    if ready:
        ready(host, real_port)
    limits = config.server
    raise_fd_limit(limits.max_connections * workers)
    # explicit limits (granian's defaults tie the connection cap to the backlog: ~1,000 idle sockets were
    # enough to stop normal requests): backpressure = the open connections one worker holds; the header-read
    # timeout also closes idle keep-alive connections (not ones that never send a byte: see docs/security.md)
    server = Granian("syndicate.serve.wsgi:app", address=host, port=real_port, interface=Interfaces.WSGI,
                     workers=workers, blocking_threads=threads, websockets=False, backlog=1024,
                     backpressure=limits.max_connections,
                     http1_settings=HTTP1Settings(header_read_timeout=int(limits.header_timeout * 1000),
                                                  keep_alive=True),
                     log_access=False, respawn_failed_workers=True)
    server.serve()


def _run_one(config: Config, sock: socket.socket, threads: int) -> None:
    server = make_server(SyndicateApp(config), sock, threads, connections=config.server.max_connections,
                         idle_timeout=config.server.header_timeout)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def _supervise(children: list[int]) -> None:
    def forward(signum: int, _frame: Any) -> None:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    alive = set(children)
    while alive:
        try:
            pid, _status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        alive.discard(pid)
        if alive:          # one worker died: stop the others too (the supervisor above us restarts)
            forward(signal.SIGTERM, None)
    sys.stdout.flush()
