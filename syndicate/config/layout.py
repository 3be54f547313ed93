"""Where each feed lives: file paths under the output dir, public URLs, and the FeedSpec of every feed.

Default layout (``[output] path_template = "{lang}/{category}/{file}"``)::

    feeds/<lang>/<category>/rss.xml | atom.xml | feed.json | newsml.xml
    feeds/<lang>/all/…                   every category of one language
    feeds/<lang>/items/<uuid>-v<N>.xml   one NewsML-G2 newsItem per article version
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable

from syndicate.config import ALL, Config, Partner
from syndicate.media import FILENAMES
from syndicate.model import FeedKey, FeedSpec

ALL_NAMES = {"en": "All news", "ar": "كل الأخبار", "fr": "Toutes les actualités", "es": "Todas las noticias",
             "de": "Alle Nachrichten", "tr": "Tüm haberler", "fa": "همه اخبار", "ru": "Все новости"}
DESCRIPTIONS = {"en": "Latest news from {site}", "ar": "آخر الأخبار من {site}"}


def feed_path(config: Config, lang: str, category: str, fmt: str) -> str:
    return config.output.path_template.format(lang=lang, category=category, file=FILENAMES[fmt])


def parse_path(config: Config, parts: list[str]) -> tuple[str, str] | None:
    """``(lang, section)`` of a file path under a feed root (public or a partner's): ``<lang>/items/<file>``
    or a path of ``path_template`` (each placeholder a whole segment, see :mod:`syndicate.config.safety`);
    ``None`` for any other path."""
    langs = config.feed_languages
    if len(parts) == 3 and parts[1] == "items" and parts[0] in langs:
        return parts[0], "items"
    segments = config.output.path_template.split("/")
    if len(parts) != len(segments):
        return None
    found: dict[str, str] = {}
    for segment, part in zip(segments, parts, strict=True):
        if segment in ("{lang}", "{category}"):
            found[segment] = part
        elif segment != "{file}" and segment != part:
            return None
    lang, category = found.get("{lang}", ""), found.get("{category}", "")
    if lang in langs and category in categories_of(config):
        return lang, category
    return None


def public_url(config: Config, path: str) -> str:
    return config.site.feeds_url + path


def categories_of(config: Config) -> list[str]:
    """Category slugs that get feeds, then ``all``."""
    return [c.slug for c in config.categories] + [ALL]


def matches(key: FeedKey, patterns: Iterable[str]) -> bool:
    """True when ``key`` matches one of ``patterns`` ("en/politics", "en/*", "*/all", "ar"); no patterns = all."""
    patterns = list(patterns)
    if not patterns:
        return True
    for pattern in patterns:
        lang, _, cat = pattern.partition("/")
        if fnmatch.fnmatchcase(key.lang, lang) and fnmatch.fnmatchcase(key.category, cat or "*"):
            return True
    return False


def build_spec(config: Config, lang: str, category: str, fmt: str, partner: Partner | None = None) -> FeedSpec:
    """The spec of one feed; ``partner`` adds that partner's NewsML-G2 options (``html_rendition``)."""
    site = config.site
    cat = config.category(category)
    cat_name = cat.name(lang) if cat else None
    section = cat_name or ALL_NAMES.get(lang, ALL_NAMES["en"])
    path = feed_path(config, lang, category, fmt)
    home = f"{site.base_url}{lang}/" + (f"{category}/" if cat else "")
    return FeedSpec(
        key=FeedKey(lang, category, fmt),
        title=f"{section} — {site.name}",
        description=DESCRIPTIONS.get(lang, DESCRIPTIONS["en"]).format(site=site.name) + f": {section}",
        path=path,
        self_url=public_url(config, path),
        home_url=home,
        category_name=cat_name,
        max_items=config.output.items_per_feed,
        alternates={f: public_url(config, feed_path(config, lang, category, f))
                    for f in config.output.formats if f != fmt},
        translations={other: public_url(config, feed_path(config, other, category, fmt))
                      for other in config.feed_languages if other != lang},
        hub_url=site.hub_url,
        category_names={c.slug: c.name(lang) for c in config.categories},
        category_medtop={c.slug: tuple(c.medtop) for c in config.categories if c.medtop},
        category_subj={c.slug: c.subj for c in config.categories if c.subj},
        html_rendition=partner is not None and partner.html_rendition and fmt == "newsml",
        category_scheme=f"{site.base_url}categories/",
        stylesheet=("../" * path.count("/") + "feed.xsl") if config.output.stylesheet and fmt in ("rss", "atom")
        else None,
    )
