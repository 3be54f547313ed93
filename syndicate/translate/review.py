"""Editorial review of machine translations (``[translation] review = "required"``, overall or per language).

With review required, a new machine translation is not stored as an article: it waits in the store's review
queue (``store.reviews``) and is not public until an editor decides:

* **approve**: the machine translation is stored as is, with ``reviewed_by`` set; every format then discloses
  "machine translation, reviewed by an editor";
* **edit**: the editor's text is stored as a *human-revised* translation (origin ``human``): human translations
  always win, so machine translation never overwrites it again;
* **reject**: nothing is published; the original's next version is translated and queued again.

A new version of the original sends its translation back to the queue (the approved earlier version stays
public until the new one is approved). Nothing here talks SQL: the queue lives in :mod:`syndicate.store`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from syndicate.errors import TranslationError
from syndicate.model import Article, Origin
from syndicate.sanitize import clean_html, text_field
from syndicate.store import Store
from syndicate.store.translations import Review

#: The reviewed form of the disclosure's second half, per language (the renderers' "not reviewed" text).
REVIEWED_NOTES = {
    "en": "reviewed by an editor.",
    "ar": "راجعها محرر.",
    "fr": "relue par un rédacteur.",
    "es": "revisada por un editor.",
    "de": "von der Redaktion geprüft.",
}


def reviewed_note(lang: str, unreviewed: str) -> str:
    """The disclosure's review text for an approved machine translation in ``lang`` (English otherwise);
    ``unreviewed`` is returned for languages whose note is not in English either."""
    base = lang.split("-")[0].lower()
    return REVIEWED_NOTES.get(base, REVIEWED_NOTES["en"] if unreviewed.endswith("by an editor.") else unreviewed)


def _open(store: Store, review_id: str) -> Review:
    review = store.reviews.get(review_id)
    if review is None:
        raise TranslationError("no such translation in the review queue", context=review_id)
    if review.state != "pending":
        raise TranslationError(f"already {review.state}", context=review_id)
    return review


def approve(store: Store, review_id: str, editor: str, now: datetime) -> Article:
    """Publish a queued machine translation as reviewed by ``editor``.

    Raises:
        TranslationError: not in the queue, or already decided.
    """
    review = _open(store, review_id)
    article = replace(review.article, reviewed_by=editor)
    store.articles.upsert_many([article], now)
    store.reviews.decide(review_id, "approved", editor, None, now)
    return article


def reject(store: Store, review_id: str, editor: str, note: str | None, now: datetime) -> None:
    """Keep a queued machine translation unpublished.

    Raises:
        TranslationError: not in the queue, or already decided.
    """
    _open(store, review_id)
    store.reviews.decide(review_id, "rejected", editor, note, now)


def edit(store: Store, review_id: str, editor: str, now: datetime, *, title: str | None = None,
         summary: str | None = None, body_html: str | None = None) -> Article:
    """Publish the editor's revision of a queued machine translation as a human translation.

    Raises:
        TranslationError: not in the queue, or already decided.
    """
    review = _open(store, review_id)
    mt = review.article
    article = replace(
        mt, title=text_field(title) if title is not None else mt.title,
        summary=text_field(summary) if summary is not None else mt.summary,
        body_html=clean_html(body_html, mt.url) if body_html is not None else mt.body_html,
        origin=Origin.HUMAN, mt_engine=None, mt_model=None, reviewed_by=editor).with_hash()
    store.articles.upsert_many([article], now)
    store.reviews.decide(review_id, "edited", editor, None, now)
    return article
