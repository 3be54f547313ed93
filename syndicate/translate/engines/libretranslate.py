"""LibreTranslate over HTTP (``POST /translate``, ``GET /languages``, ``/frontend/settings``, ``/spec``).

**Exact text.** LibreTranslate 1.9.6 runs ``html.unescape`` over every answer, with ``format="text"`` too, so
plain text holding ``&lt;``, ``&amp;`` or ``&copy`` would come back changed. :meth:`translate_batch` therefore
sends each plain-text segment HTML-escaped (``&``, ``<``, ``>``) with ``format="html"``: LibreTranslate parses
it (the entities become the original characters), translates the text node, serialises it (escaping ``&``,
``<``, ``>`` again) and unescapes, which gives back plain text, the untranslated characters unchanged.

**Limits.** ``charLimit`` (and ``batchLimit`` where a server reports it) are read once from
``/frontend/settings``; segments go in requests of at most that many items, and a segment whose escaped form
is longer than the character limit is sent in pieces cut at white space (inside a word only when one word is
longer), joined back with exactly the spaces that were cut. A 400 "request (N) exceeds text limit (L)" for a
list (LibreTranslate 1.9.6 does not report its ``--batch-limit``) lowers the batch size to L and the request
is resent; the same answer for one text (an API key's own character limit, which the settings do not report
either) lowers the character limit to L and the segments are cut again. Requests ask for English
(``Accept-Language: en``): LibreTranslate translates its error messages. Segments that are only white space
are not sent (they translate to nothing).

**Errors** say what happened: :class:`~syndicate.errors.EngineUnavailableError` when the server cannot be
reached (no retry: a publish fails fast and the articles stay pending), ``LibreTranslate refused the request
(4xx): <its message>``, ``LibreTranslate rate-limited the request (429)`` after the retries, 5xx after the
retries. The URL is never part of a model id (it may carry credentials, and the memory key must survive a
move): the id is ``libretranslate:{server version}:{src}-{dst}``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from html import escape
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests

from syndicate.errors import EngineUnavailableError, ModelNotFoundError, TranslationError
from syndicate.net import PolicySession
from syndicate.sanitize import clean_html

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_LIMIT = re.compile(r"request \((\d+)\) exceeds text limit \((\d+)\)")
#: LibreTranslate words its errors in the request's Accept-Language ("fr wird nicht unterstützt" for ``de``);
#: English keeps the limit message readable for :data:`_LIMIT` and the operators' messages in one language.
_HEADERS = {"Accept-Language": "en"}


def redact(url: str) -> str:
    """``url`` without user name and password (for messages)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def split_text(text: str, limit: int, size: Callable[[str], int] = len) -> list[str]:
    """``text`` in pieces of at most ``limit`` by ``size`` (each piece measured without its trailing spaces),
    cut after a space where possible, inside a word only when one word is longer than ``limit``.

    ``"".join(pieces) == text``: a piece that ends with a space was cut at white space, one that does not was
    cut inside a word, so the translations can be joined back without adding or losing a space.
    """
    if limit <= 0 or size(text.rstrip(" ")) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for word in re.split(r"(?<= )", text):          # words keep the space after them
        if size((current + word).rstrip(" ")) <= limit:
            current += word
            continue
        if current:
            pieces.append(current)
            current = ""
        while size(word.rstrip(" ")) > limit:        # one word longer than the limit: cut inside it
            cut = 1
            while cut < len(word) and size(word[:cut + 1]) <= limit:
                cut += 1
            pieces.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        pieces.append(current)
    return pieces


class LibreTranslateTranslator:
    """:class:`~syndicate.translate.engines.base.Translator` for a LibreTranslate server.

    Args:
        url: server base URL, e.g. ``http://127.0.0.1:5000``.
        api_key: sent in the JSON body when set.
        timeout: (connect, read) seconds.
        retries: extra attempts after a 429/5xx or a read timeout.
        backoff: first delay in seconds; doubles per attempt (a ``Retry-After`` header wins, capped at 60 s).
        session: the HTTP client (the only place requests are made).
    """

    engine = "libretranslate"

    def __init__(self, url: str, *, api_key: str | None = None, timeout: tuple[float, float] = (5, 120),
                 retries: int = 3, backoff: float = 1.0, session: requests.Session | None = None) -> None:
        self.url = url.rstrip("/")
        self.where = redact(self.url)
        self.api_key = api_key
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.session = session or PolicySession()   # redirects re-checked, total deadline, byte limits
        self._languages: dict[str, set[str]] | None = None
        self._settings: dict[str, Any] | None = None
        self._version: str | None = None
        self._down: EngineUnavailableError | None = None
        self.batch_limit: int | None = None      # learnt from the settings or a "exceeds text limit" answer
        #: a per-key character limit below the reported one, learnt from a "exceeds text limit" answer
        self.key_char_limit: int | None = None
        #: number of items of every POST /translate, for tests
        self.requests: list[int] = []

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        if self._down is not None:
            raise self._down
        url = f"{self.url}{path}"
        for attempt in range(self.retries + 1):
            try:
                resp = self.session.request(method, url, json=body, timeout=self.timeout, headers=_HEADERS)
            except (requests.ConnectionError, requests.exceptions.InvalidURL,
                    requests.exceptions.MissingSchema) as exc:
                self._down = EngineUnavailableError(
                    f"LibreTranslate is unreachable ({_reason(exc)})", context=self.where)
                raise self._down from exc
            except requests.RequestException as exc:        # read timeout and the like
                if attempt < self.retries:
                    time.sleep(self.backoff * 2 ** attempt)
                    continue
                raise TranslationError(f"LibreTranslate did not answer ({_reason(exc)})", context=self.where) from exc
            if resp.status_code in RETRY_STATUSES and attempt < self.retries:
                time.sleep(self._delay(resp, attempt))
                continue
            if resp.status_code == 429:
                raise TranslationError(f"LibreTranslate rate-limited the request (429): {self._message(resp)}",
                                       context=self.where)
            if 400 <= resp.status_code < 500:
                raise TranslationError(f"LibreTranslate refused the request ({resp.status_code}): "
                                       f"{self._message(resp)}", context=self.where)
            if resp.status_code != 200:
                raise TranslationError(f"LibreTranslate answered {resp.status_code}: {self._message(resp)}",
                                       context=self.where)
            try:
                return resp.json()
            except ValueError as exc:
                raise TranslationError("LibreTranslate answered with invalid JSON", context=self.where) from exc
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
        """``{source code: {target codes}}`` from ``GET /languages`` (cached per instance).

        Raises:
            EngineUnavailableError: the server cannot be reached.
            TranslationError: any other failure.
        """
        if self._languages is None:
            data = self._request("GET", "/languages")
            if not isinstance(data, list):
                raise TranslationError("unexpected /languages answer", context=self.where)
            self._languages = {str(x["code"]): set(x.get("targets", [])) for x in data if isinstance(x, dict)}
        return self._languages

    def settings(self) -> dict[str, Any]:
        """``GET /frontend/settings`` (cached; ``{}`` when the server does not serve it)."""
        if self._settings is None:
            try:
                data = self._request("GET", "/frontend/settings")
            except EngineUnavailableError:
                raise
            except TranslationError:
                data = {}
            self._settings = data if isinstance(data, dict) else {}
            batch = self._settings.get("batchLimit")
            if isinstance(batch, int) and batch > 0:
                self.batch_limit = batch
        return self._settings

    @property
    def char_limit(self) -> int:
        """The character limit per text (``-1``: none): the server's, or the lower one of the API key."""
        value = self.settings().get("charLimit", -1)
        reported = value if isinstance(value, int) and value > 0 else -1
        if self.key_char_limit is not None:
            return min(self.key_char_limit, reported) if reported > 0 else self.key_char_limit
        return reported

    def version(self) -> str:
        """The server's version from ``GET /spec`` (``info.version``), else ``"unknown"``."""
        if self._version is None:
            try:
                spec = self._request("GET", "/spec")
            except EngineUnavailableError:
                raise
            except TranslationError:
                spec = {}
            info = spec.get("info") if isinstance(spec, dict) else None
            version = info.get("version") if isinstance(info, dict) else None
            self._version = str(version) if version else "unknown"
        return self._version

    def supports(self, src: str, dst: str) -> bool:
        """Whether the server lists ``dst`` among the targets of ``src``.

        Raises:
            EngineUnavailableError: the server cannot be reached (this is not a missing model).
            TranslationError: the server answered with an error.
        """
        return dst in self.languages().get(src, set())

    def model_id(self, src: str, dst: str) -> str:
        """``libretranslate:{version}:{src}-{dst}``, e.g. ``libretranslate:1.9.6:en-es`` (never the URL)."""
        if not self.supports(src, dst):
            raise ModelNotFoundError(f"LibreTranslate does not offer {src}→{dst}", context=self.where)
        return f"libretranslate:{self.version()}:{src}-{dst}"

    def legacy_model_ids(self, src: str, dst: str) -> list[str]:
        """Model ids this server's translations were stored under before 0.3 (``libretranslate:{url}``); the
        translation memory still reads them, so moving to the new id costs no request."""
        return [f"libretranslate:{self.url}"]

    def _post(self, texts: list[str], src: str, dst: str, fmt: str) -> list[str]:
        body: dict[str, Any] = {"q": texts, "source": src, "target": dst, "format": fmt}
        if self.api_key:
            body["api_key"] = self.api_key
        self.requests.append(len(texts))
        data = self._request("POST", "/translate", body)
        out = data.get("translatedText") if isinstance(data, dict) else None
        if not isinstance(out, list) or len(out) != len(texts) or not all(isinstance(t, str) for t in out):
            raise TranslationError(f"LibreTranslate returned {out!r:.80} for {len(texts)} segments",
                                   context=self.where)
        return out

    def _translate(self, texts: list[str], src: str, dst: str, fmt: str) -> list[str]:
        """All ``texts`` in requests within the batch limit (shrunk when the server names a lower one)."""
        out: list[str] = []
        pos = 0
        while pos < len(texts):
            size = self.batch_limit or len(texts)
            chunk = texts[pos:pos + size]
            try:
                out.extend(self._post(chunk, src, dst, fmt))
            except TranslationError as exc:
                match = _LIMIT.search(str(exc)) if "(400)" in str(exc) else None
                size, limit = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
                if match and size == len(chunk) and len(chunk) > 1:     # LibreTranslate checks the count first
                    self.batch_limit = max(1, min(limit, len(chunk) - 1))
                    continue
                if match and size > limit > 0 and any(len(x) == size for x in chunk):
                    self.key_char_limit = min(limit, self.key_char_limit or limit)   # raised: the caller cuts again
                raise
            pos += len(chunk)
        return out

    def translate_batch(self, texts: list[str], src: str, dst: str) -> list[str]:
        """Translate plain-text segments exactly (escaped, ``format="html"``; see the module docstring).

        Raises:
            EngineUnavailableError: the server cannot be reached.
            TranslationError: HTTP failure after retries, a 4xx, or a malformed answer.
        """
        if not texts:
            return []
        for _ in range(3):
            limit = self.char_limit
            try:
                return self._translate_cut(texts, src, dst, limit)
            except TranslationError:
                if self.char_limit == limit:    # not a character limit lower than the one the texts were cut to
                    raise
        return self._translate_cut(texts, src, dst, self.char_limit)

    def _translate_cut(self, texts: list[str], src: str, dst: str, limit: int) -> list[str]:
        """``texts`` cut to ``limit`` (escaped), translated, joined back (see :func:`split_text`)."""
        pieces: list[str] = []                  # escaped, as sent
        owner: list[tuple[int, bool]] = []      # (index of the text, the piece was cut at a space)
        for i, text in enumerate(texts):
            for piece in split_text(text, limit, _escaped_len):
                core = piece.rstrip(" ")
                if core.strip():                # white space alone translates to nothing: not sent
                    pieces.append(escape(core, quote=False))
                    owner.append((i, core != piece))
        answers = self._translate(pieces, src, dst, "html") if pieces else []
        joined = [""] * len(texts)
        for (i, space), answer in zip(owner, answers, strict=True):
            joined[i] += answer.strip() + (" " if space else "")
        return [x.strip() for x in joined]

    def translate_html_batch(self, fragments: list[str], src: str, dst: str) -> list[str]:
        """Translate HTML fragments (``format="html"``), sanitised with ``clean_html`` before (LibreTranslate
        turns comments into visible text) and after (it unescapes ``&lt;script&gt;`` into markup)."""
        return [clean_html(x) for x in self._translate([clean_html(f) for f in fragments], src, dst, "html")]


def _escaped_len(text: str) -> int:
    return len(escape(text, quote=False))


def _reason(exc: BaseException) -> str:
    text = str(exc)
    for known in ("Connection refused", "Name or service not known", "timed out", "No route to host"):
        if known.lower() in text.lower():
            return known.lower()
    return type(exc).__name__
