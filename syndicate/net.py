"""The one HTTP client of syndicate, with a fetch policy: ingest, LibreTranslate, push and WebSub use it.

:class:`PolicySession` is a :class:`requests.Session` that

* follows redirects itself, at most :attr:`FetchPolicy.max_redirects`, and judges every redirect target:
  it must be ``http``/``https`` and may not resolve to a loopback, private, link-local (cloud metadata
  ``169.254.169.254``), shared, multicast, reserved or unspecified address, unless the host or one of its
  networks is listed in ``[fetch] allow_private``. The first URL (what an operator configured) is not judged;
* enforces one total deadline per request (``timeout`` of the call, else the policy's) over connect,
  redirects and the whole body: the socket timeout of each read shrinks to what is left, so a server
  dripping a byte every few seconds is cut at the deadline;
* reads the body itself and refuses more than ``max_bytes`` on the wire or ``max_decoded_bytes`` after
  ``Content-Encoding`` (gzip/deflate/br bombs are stopped while they inflate).

Failures are :class:`requests.RequestException` subclasses, so each caller keeps wrapping them into its own
stage error (``IngestError``, ``DeliveryError``, ``TranslationError``). Known limit: the status line and
headers are bounded by the per-read timeout (the time left when the request was sent), not re-checked per
byte; and a name is resolved for the check and again for the connection (DNS rebinding needs a resolver the
attacker controls, which a re-check per hop does not fully stop).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from syndicate.redact import redact_url

_CHUNK = 64 * 1024
REDIRECTS = (301, 302, 303, 307, 308)
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class FetchRefused(requests.exceptions.RequestException):
    """The fetch policy refused a redirect target (address, scheme, too many hops)."""


class FetchTooLarge(requests.exceptions.RequestException):
    """The body is larger than the policy allows (on the wire or decoded)."""


class FetchDeadline(requests.exceptions.Timeout):
    """The total deadline of one fetch passed."""


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of one fetch. ``allow_private``: host names or networks (``"10.0.0.0/8"``, ``"cms.intra"``)."""

    allow_private: tuple[str, ...] = ()
    max_redirects: int = 5
    timeout: float = 20.0                       # total seconds per request, redirects included
    connect_timeout: float = 5.0
    max_bytes: int = 128 * 1024 * 1024          # on the wire
    max_decoded_bytes: int = 256 * 1024 * 1024  # after Content-Encoding

    def networks(self) -> tuple[list[IPNetwork], set[str]]:
        nets: list[IPNetwork] = []
        hosts: set[str] = set()
        for entry in self.allow_private:
            try:
                nets.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                hosts.add(entry.lower().rstrip("."))
        return nets, hosts


def is_public(ip: IPAddress) -> bool:
    """True for a globally routable unicast address (the only kind a redirect may reach by default)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_loopback or ip.is_link_local or ip.is_reserved
                                 or ip.is_unspecified or ip.is_private)


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise requests.exceptions.ConnectionError(f"cannot resolve {host}") from exc
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def check_target(url: str, policy: FetchPolicy) -> None:
    """Refuse a redirect target the policy does not allow (raises :class:`FetchRefused`)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"redirect to a non-http(s) URL refused: {redact_url(url)}")
    host = parts.hostname.lower().rstrip(".")
    nets, hosts = policy.networks()
    if host in hosts:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for ip in _resolve(host, port):
        if is_public(ip) or any(ip in net for net in nets if net.version == ip.version):
            continue
        raise FetchRefused(f"redirect to a non-public address {ip} refused (allow it with [fetch] "
                           f"allow_private): {redact_url(url)}")


class PolicySession(requests.Session):
    """A session that applies a :class:`FetchPolicy` to every request (see the module docstring)."""

    def __init__(self, policy: FetchPolicy | None = None, *, user_agent: str | None = None) -> None:
        super().__init__()
        self.policy = policy or FetchPolicy()
        self.trust_env = False           # no proxies or .netrc credentials from the environment
        if user_agent:
            self.headers["User-Agent"] = user_agent

    def request(self, method: str | bytes, url: str | bytes,  # type: ignore[override]
                **kwargs: Any) -> requests.Response:
        """Like :meth:`requests.Session.request` (keyword arguments only); the body is read into ``content``."""
        policy = self.policy
        deadline = time.monotonic() + _total(kwargs.pop("timeout", None), policy.timeout)
        follow = kwargs.pop("allow_redirects", True)
        kwargs.pop("stream", None)
        method, url = str(method.decode() if isinstance(method, bytes) else method), str(
            url.decode() if isinstance(url, bytes) else url)
        for hop in range(policy.max_redirects + 1):
            if hop:
                check_target(url, policy)
            left = _left(deadline)
            response = super().request(method, url, stream=True, allow_redirects=False,
                                       timeout=(min(policy.connect_timeout, left), left), **kwargs)
            location = response.headers.get("Location")
            if not (follow and response.status_code in REDIRECTS and location):
                self._read(response, deadline)
                return response
            response.close()
            target = urljoin(response.url, location)
            if response.status_code == 303 or (response.status_code in (301, 302) and method == "POST"):
                method = "GET"
                kwargs.pop("data", None)
                kwargs.pop("json", None)
                kwargs.pop("files", None)
            if urlsplit(target).netloc != urlsplit(url).netloc:
                headers = dict(kwargs.pop("headers", None) or {})
                kwargs["headers"] = {k: v for k, v in headers.items() if k.lower() not in ("authorization", "cookie")}
            url = target
        raise FetchRefused(f"more than {policy.max_redirects} redirects: {redact_url(url)}")

    def _read(self, response: requests.Response, deadline: float) -> None:
        """Read the whole body under the deadline and the size limits; it is then in ``response.content``."""
        policy = self.policy
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > policy.max_bytes:
            response.close()
            raise FetchTooLarge(f"body larger than {policy.max_bytes} bytes (Content-Length {declared})")
        raw = response.raw
        chunks: list[bytes] = []
        decoded = 0
        try:
            while True:
                left = _left(deadline, response)
                sock = getattr(getattr(raw, "connection", None), "sock", None)
                if sock is not None:
                    sock.settimeout(left)
                chunk = raw.read1(_CHUNK, decode_content=True)
                if not chunk:
                    break
                decoded += len(chunk)
                if raw.tell() > policy.max_bytes:
                    raise FetchTooLarge(f"body larger than {policy.max_bytes} bytes on the wire")
                if decoded > policy.max_decoded_bytes:
                    raise FetchTooLarge(f"body larger than {policy.max_decoded_bytes} bytes decoded")
                chunks.append(chunk)
        except requests.RequestException:
            response.close()
            raise
        except (OSError, ValueError, urllib3.exceptions.HTTPError) as exc:
            response.close()
            if isinstance(exc, TimeoutError | urllib3.exceptions.TimeoutError) or _left_raw(deadline) <= 0:
                raise FetchDeadline(f"no complete answer within {policy.timeout:g} s") from exc
            raise requests.exceptions.ConnectionError(f"body read failed: {type(exc).__name__}") from exc
        response._content = b"".join(chunks)      # what ``response.content`` returns
        response.close()


def _total(timeout: Any, default: float) -> float:
    """The total deadline: a caller's timeout (its read part) if it gives one, else the policy's."""
    if isinstance(timeout, int | float):
        return float(timeout)
    if isinstance(timeout, tuple) and timeout and isinstance(timeout[-1], int | float):
        return float(timeout[-1])
    return default


def _left_raw(deadline: float) -> float:
    return deadline - time.monotonic()


def _left(deadline: float, response: requests.Response | None = None) -> float:
    left = _left_raw(deadline)
    if left <= 0:
        if response is not None:
            response.close()
        raise FetchDeadline("the total deadline of this fetch passed")
    return left


def session_for(settings: Mapping[str, Any] | FetchPolicy | None = None, *, user_agent: str | None = None
                ) -> PolicySession:
    """A :class:`PolicySession` for a policy (or the default policy)."""
    policy = settings if isinstance(settings, FetchPolicy) else FetchPolicy(**dict(settings or {}))
    return PolicySession(policy, user_agent=user_agent)
