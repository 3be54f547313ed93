"""The one error tree of syndicate.

Every error the package raises on purpose is a :class:`SyndicateError`. Each pipeline stage has its own
subclass, and most also subclass a builtin so callers can catch broadly (``except ValueError``).
Foreign exceptions are wrapped where they are called: ``raise StoreError("...") from exc``.

Messages render as ``message: context`` so a log line names the item and the field; URLs in them are
redacted (:func:`syndicate.redact.redact`: no userinfo, no secret query values).
"""

from __future__ import annotations

from syndicate.redact import redact


class SyndicateError(Exception):
    """Root of every error syndicate raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, context: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.context = context

    def __str__(self) -> str:
        text = self.message if not self.context else f"{self.message}: {self.context}"
        cause = self.__cause__
        if cause is not None and not isinstance(cause, SyndicateError):
            text = f"{text}: {type(cause).__name__}: {cause}"
        return redact(text)   # a URL in a message never shows its credentials


class ConfigError(SyndicateError, ValueError):
    """The configuration is invalid; names the file, the key and what is wrong."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, key: str | None = None,
                 refusals: list[str] | None = None) -> None:
        where = ":".join(p for p in (file, key) if p)
        super().__init__(message, context=where or None)
        self.file = file
        self.key = key
        self.refusals = tuple(refusals or ())   # each reason of a refused config (``syndicate check``)

    def __str__(self) -> str:
        where = ": ".join(p for p in (self.file, self.key) if p)
        return redact(f"{where}: {self.message}" if where else self.message)


class StoreError(SyndicateError):
    """The article store failed (connection, schema, constraint)."""


class ItemError(SyndicateError, ValueError):
    """One item is invalid. Names the item (id or position) and the field.

    Raised (or returned as a value) per item so that every other item goes on.
    """

    def __init__(self, message: str, *, item: str | None = None, field: str | None = None) -> None:
        parts = []
        if item:
            parts.append(f"item {item}")
        if field:
            parts.append(f"field {field!r}")
        super().__init__(message, context=", ".join(parts) or None)
        self.item = item
        self.field = field

    def __str__(self) -> str:
        head = ", ".join(p for p in ((f"item {self.item}" if self.item else ""),
                                     (f"field {self.field!r}" if self.field else "")) if p)
        return f"{head}: {self.message}" if head else self.message


class IngestError(SyndicateError):
    """A whole source could not be read (unreachable URL, not a feed, too large)."""


class RenderError(SyndicateError):
    """A feed could not be rendered."""


class ValidationError(SyndicateError, ValueError):
    """An output document does not validate against its schema."""


class TranslationError(SyndicateError):
    """A translation backend failed; the affected items stay pending."""


class ModelNotFoundError(TranslationError, LookupError):
    """No installed package (direct or pivot) serves a language pair."""


class EngineUnavailableError(TranslationError, ConnectionError):
    """A remote engine (LibreTranslate) cannot be reached; this says nothing about its models."""


class DeliveryError(SyndicateError):
    """A sink (file, HTTP push, SFTP) could not deliver a rendered feed."""


class SchedulerError(SyndicateError):
    """The scheduler could not run or record a job."""


class LockedError(SchedulerError):
    """Another process holds the lock for this job or feed."""
