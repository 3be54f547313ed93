"""LibreTranslate over HTTP (``POST /translate``, ``GET /languages``), with timeouts and bounded retries.

Segments go in one request as a list ``q`` (LibreTranslate translates each item separately). ``api_key``
is a body field. 429 and 5xx are retried with exponential backoff; 400 and 403 fail at once with the
server's message. With ``format="html"`` LibreTranslate runs ``html.unescape`` over its result, which turns
escaped text into live markup (``&lt;b&gt;`` → ``<b>``): :meth:`translate_html_batch` therefore
re-sanitises every fragment it returns, and :meth:`translate_batch` (plain segments) uses ``format="text"``.
"""

from __future__ import annotations

import time
from typing import Any

import requests

from syndicate.errors import ModelNotFoundError, TranslationError
from syndicate.net import PolicySession
from syndicate.sanitize import clean_html

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class LibreTranslateTranslator:
    """:class:`~syndicate.translators.base.Translator` for a LibreTranslate server.

    Args:
        url: server base URL, e.g. ``http://127.0.0.1:5000``.
        api_key: sent in the JSON body when set.
        timeout: (connect, read) seconds.
        retries: extra attempts after a 429/5xx or a connection error.
        backoff: first delay in seconds; doubles per attempt (a ``Retry-After`` header wins, capped at 60 s).
    """

    engine = "libretranslate"

    def __init__(self, url: str, *, api_key: str | None = None, timeout: tuple[float, float] = (5, 120),
                 retries: int = 3, backoff: float = 1.0, session: requests.Session | None = None) -> None:
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.session = session or PolicySession()   # redirects re-checked, total deadline, byte limits
        self._languages: dict[str, set[str]] | None = None

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        url = f"{self.url}{path}"
        for attempt in range(self.retries + 1):
            try:
                resp = self.session.request(method, url, json=body, timeout=self.timeout)
            except requests.RequestException as exc:
                if attempt < self.retries and not isinstance(exc, requests.exceptions.InvalidURL):
                    time.sleep(self.backoff * 2 ** attempt)
                    continue
                raise TranslationError("LibreTranslate is unreachable", context=url) from exc
            if resp.status_code in RETRY_STATUSES and attempt < self.retries:
                time.sleep(self._delay(resp, attempt))
                continue
            if resp.status_code != 200:
                raise TranslationError(f"LibreTranslate answered {resp.status_code}: {self._message(resp)}",
                                       context=url)
            try:
                return resp.json()
            except ValueError as exc:
                raise TranslationError("LibreTranslate answered with invalid JSON", context=url) from exc
        raise AssertionError("unreachable")   # pragma: no cover

    def _delay(self, resp: requests.Response, attempt: int) -> float:
        header = resp.headers.get("Retry-After", "")
        if header.isdigit():
            return min(float(header), 60.0)
        return float(self.backoff * 2 ** attempt)

    @staticmethod
    def _message(resp: requests.Response) -> str:
        try:
            data = resp.json()
            if isinstance(data, dict) and data.get("error"):
                return str(data["error"])
        except ValueError:
            pass
        return resp.text[:200] or resp.reason

    def languages(self) -> dict[str, set[str]]:
        """``{source code: {target codes}}`` from ``GET /languages`` (cached per instance)."""
        if self._languages is None:
            data = self._request("GET", "/languages")
            if not isinstance(data, list):
                raise TranslationError("unexpected /languages answer", context=self.url)
            self._languages = {str(x["code"]): set(x.get("targets", [])) for x in data if isinstance(x, dict)}
        return self._languages

    def supports(self, src: str, dst: str) -> bool:
        """Whether the server lists ``dst`` among the targets of ``src`` (False if unreachable)."""
        try:
            return dst in self.languages().get(src, set())
        except TranslationError:
            return False

    def model_id(self, src: str, dst: str) -> str:
        """``libretranslate:{url}`` (the server does not expose model versions)."""
        if not self.supports(src, dst):
            raise ModelNotFoundError(f"LibreTranslate does not offer {src}→{dst}", context=self.url)
        return f"libretranslate:{self.url}"

    def _translate(self, texts: list[str], src: str, dst: str, fmt: str) -> list[str]:
        if not texts:
            return []
        body: dict[str, Any] = {"q": texts, "source": src, "target": dst, "format": fmt}
        if self.api_key:
            body["api_key"] = self.api_key
        data = self._request("POST", "/translate", body)
        out = data.get("translatedText") if isinstance(data, dict) else None
        if not isinstance(out, list) or len(out) != len(texts) or not all(isinstance(t, str) for t in out):
            raise TranslationError(f"LibreTranslate returned {out!r:.80} for {len(texts)} segments",
                                   context=self.url)
        return out

    def translate_batch(self, texts: list[str], src: str, dst: str) -> list[str]:
        """Translate plain-text segments in one request (``format="text"``).

        Raises:
            TranslationError: HTTP failure after retries, 400/403, or a malformed answer.
        """
        return self._translate(texts, src, dst, "text")

    def translate_html_batch(self, fragments: list[str], src: str, dst: str) -> list[str]:
        """Translate HTML fragments (``format="html"``); every result is re-sanitised with ``clean_html``."""
        return [clean_html(x) for x in self._translate(fragments, src, dst, "html")]
