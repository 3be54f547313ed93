"""Build one NewsML-G2 ``newsItem`` element from a :class:`FeedItem`, in the order the 2.35 XSD enforces
(see ``../shared/guides/newsml-g2.md`` §4). Pure: no I/O, no clock. Serialisation lives in ``newsml_g2``.
"""

from __future__ import annotations

from lxml import etree

from syndicate import __version__
from syndicate.config import Site
from syndicate.errors import RenderError
from syndicate.media import NEWSITEM
from syndicate.model import Article, FeedItem, FeedSpec, Origin, Show, Status
from syndicate.render._common import article_url, inert_text
from syndicate.render.newsml_common import (
    CATEGORY_ALIAS,
    CREDIT_ROLE_ALIAS,
    IPTC_CATALOG,
    NAR,
    NOTE_ALIAS,
    ROLE_ALIAS,
    SERVICE_ALIAS,
    STANDARD_VERSION,
    XML_LANG,
    g2_datetime,
    nar,
    own_schemes,
    sub,
    xhtml_document,
)
from syndicate.render.notes import KILL_NOTICE, NOTICE_HEADLINES, WITHHELD_NOTICE, editorial_notices
from syndicate.sanitize import clean_html, plain_text, xml_safe

_PUB_STATUS = {Status.USABLE: "stat:usable", Status.WITHHELD: "stat:withheld", Status.CANCELED: "stat:canceled"}
_SLUG_WORDS = 6


def build_item(fitem: FeedItem, spec: FeedSpec, site: Site) -> etree._Element:
    """The ``newsItem`` element for one feed item (a full item: never a diff).

    How it is shown was decided by the policy (``fitem.show``): ``EMBARGOED`` writes ``<embargoed>`` and the
    embargo note (partners that receive embargoed items early); a withheld or canceled version carries its
    notice instead of its text.

    Args:
        fitem: the article and, for a translation, its original.
        spec: the feed this item is rendered for (service, category names, Media Topic mapping).
        site: publisher, rights and domain.

    Raises:
        RenderError: the article cannot be expressed (e.g. a naive datetime).
    """
    article = fitem.article
    if article.version < 1:
        raise RenderError(f"version must be >= 1, got {article.version}", context=article.guid)
    root = etree.Element(nar("newsItem"), nsmap={None: NAR})
    for key, value in (("guid", article.guid), ("version", str(article.version)), ("standard", "NewsML-G2"),
                       ("standardversion", STANDARD_VERSION), ("conformance", "power"), (XML_LANG, article.lang)):
        root.set(key, value)
    if article.direction == "rtl":
        root.set("dir", "rtl")
    sub(root, "catalogRef", attrs=[("href", IPTC_CATALOG)])
    catalog = sub(root, "catalog")
    for alias, uri in own_schemes(site, spec.category_scheme):
        sub(catalog, "scheme", attrs=[("alias", alias), ("uri", uri)])
    _rights(root, site)
    _item_meta(root, fitem, spec, site)
    _content_meta(root, article, spec)
    content_set = sub(root, "contentSet")
    inline = sub(content_set, "inlineXML", attrs=[("contenttype", "application/xhtml+xml")])
    title, body_html = _body(article, site)
    inline.append(xhtml_document(title, body_html, article.lang, article.direction))
    if spec.html_rendition:
        # the same body again as escaped HTML text, for clients that keep only each XHTML block's leading text
        html = sub(content_set, "inlineData", body_html, attrs=[("contenttype", "text/html"), (XML_LANG, article.lang)])
        if article.direction == "rtl":
            html.set("dir", "rtl")
    return root


def _rights(root: etree._Element, site: Site) -> None:
    rights = sub(root, "rightsInfo")
    holder = sub(rights, "copyrightHolder", attrs=[("uri", site.base_url)])
    sub(holder, "name", plain_text(site.publisher))
    if site.rights:
        sub(rights, "copyrightNotice", plain_text(site.rights))
    if site.usage_terms:
        sub(rights, "usageTerms", plain_text(site.usage_terms))


def _embargo_applies(fitem: FeedItem) -> bool:
    return fitem.show is Show.EMBARGOED and fitem.article.embargo is not None


def _item_meta(root: etree._Element, fitem: FeedItem, spec: FeedSpec, site: Site) -> None:
    article = fitem.article
    meta = sub(root, "itemMeta")
    sub(meta, "itemClass", attrs=[("qcode", "ninat:text")])
    provider = sub(meta, "provider", attrs=[("uri", site.base_url)])
    sub(provider, "name", plain_text(site.publisher))
    sub(meta, "versionCreated", g2_datetime(article.modified, what="updated", item=article.guid))
    sub(meta, "firstCreated", g2_datetime(article.published, what="published", item=article.guid))
    if _embargo_applies(fitem):
        assert article.embargo is not None
        sub(meta, "embargoed", g2_datetime(article.embargo, what="embargo", item=article.guid))
    sub(meta, "pubStatus", attrs=[("qcode", _PUB_STATUS[Status(article.status)])])
    sub(meta, "generator", "syndicate", attrs=[("versioninfo", __version__)])
    service = sub(meta, "service", attrs=[("qcode", f"{SERVICE_ALIAS}:{spec.key.lang}/{spec.key.category}")])
    sub(service, "name", plain_text(spec.title))
    english = article.lang.split("-")[0] == "en"
    # the machine-translation disclosure is always the first edNote (one-note readers keep only that one)
    for notice in editorial_notices(article, embargo_shown=_embargo_applies(fitem)):
        lang_attrs = [(XML_LANG, "en"), ("dir", "ltr" if article.direction == "rtl" else None)]
        marked = lang_attrs if notice.fixed and not english else []
        sub(meta, "edNote", notice.text, attrs=[("role", f"{NOTE_ALIAS}:{notice.role}"), *marked])
    if article.version >= 2:
        sub(meta, "signal", attrs=[("qcode", "sig:update")])
    if article.correction_note:
        sub(meta, "signal", attrs=[("qcode", "sig:correction")])
    original = fitem.original
    if original is not None:
        sub(meta, "link", attrs=[
            ("rel", "irel:derivedFrom"), ("residref", original.guid), ("version", str(original.version)),
            ("contenttype", NEWSITEM), ("title", plain_text(original.title)), (XML_LANG, original.lang)])
    url = article_url(article, site)              # an RFC 3986 URI, as in the feeds
    if url:
        sub(meta, "link", attrs=[("rel", "irel:seeAlso"), ("href", url), ("contenttype", "text/html")])


def _content_meta(root: etree._Element, article: Article, spec: FeedSpec) -> None:
    meta = sub(root, "contentMeta")
    # administrative part
    sub(meta, "contentCreated", g2_datetime(article.published, what="published", item=article.guid))
    sub(meta, "contentModified", g2_datetime(article.modified, what="updated", item=article.guid))
    if article.origin is Origin.MACHINE:
        sub(meta, "digitalSourceType", attrs=[("qcode", "digsrctype:trainedAlgorithmicMedia")])
    credit = plain_text(article.credit) if article.credit else ""
    if credit:
        # role + literal: what ingest clients read as the credit (Superdesk); the name for every other reader
        source = sub(meta, "infoSource", attrs=[("role", f"{CREDIT_ROLE_ALIAS}:source"), ("literal", credit)])
        sub(source, "name", credit)
    author = plain_text(article.author) if article.author else ""
    if author:
        creator = sub(meta, "creator")
        sub(creator, "name", author)
    if article.origin is Origin.MACHINE:
        engine = plain_text(article.mt_engine or "") or "unknown"
        contributor = sub(meta, "contributor", attrs=[("role", f"{ROLE_ALIAS}:machineTranslation")])
        sub(contributor, "name", " ".join(p for p in (engine, plain_text(article.mt_model or "")) if p))
    # descriptive part (no administrative element may follow)
    sub(meta, "language", attrs=[("tag", article.lang)])
    category = sub(meta, "subject", attrs=[("type", "cpnat:abstract"),
                                           ("qcode", f"{CATEGORY_ALIAS}:{article.category}")])
    name = spec.category_names.get(article.category)
    if name:
        sub(category, "name", plain_text(name), attrs=[(XML_LANG, spec.key.lang)])
    for qcode in spec.category_medtop.get(article.category, ()):
        sub(meta, "subject", attrs=[("type", "cpnat:abstract"), ("qcode", qcode)])
    subj = spec.category_subj.get(article.category)
    if subj:        # legacy IPTC Subject Code: the only subjects some ingest clients (Superdesk) keep
        sub(meta, "subject", attrs=[("type", "cpnat:abstract"), ("qcode", subj)])
    notice = NOTICE_HEADLINES.get(article.status)
    headline = notice or plain_text(article.title)
    slug = "-".join(headline.split()[:_SLUG_WORDS])
    if slug and notice is None:
        sub(meta, "slugline", slug)
    sub(meta, "headline", inert_text(headline))     # never markup in a system that renders it as HTML
    if author:
        sub(meta, "by", author)          # the byline, beside the creator (clients read contentMeta/by)
    if credit:
        sub(meta, "creditline", credit)
    if notice is None and article.summary and plain_text(article.summary):
        sub(meta, "description", plain_text(article.summary), attrs=[("role", "drol:summary")])


def _body(article: Article, site: Site) -> tuple[str, str]:
    """(title, sanitised body HTML): the article's body, or the notice of a canceled or withheld item (never its
    text)."""
    title = NOTICE_HEADLINES.get(article.status) or plain_text(article.title)
    notice = {Status.CANCELED: KILL_NOTICE, Status.WITHHELD: WITHHELD_NOTICE}.get(article.status)
    if notice is not None:
        lang_attr = "" if article.lang.split("-")[0] == "en" else ' lang="en" dir="ltr"'
        body = f"<p{lang_attr}>{xml_safe(notice)}</p>"
    else:
        body = clean_html(article.body_html, article.url or site.base_url)
    return title, body
