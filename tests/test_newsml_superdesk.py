"""NewsML-G2 that a one-note ingest client (Superdesk's parser, issue 15) reads completely: the machine-translation
disclosure is the first ``edNote`` whatever else applies; byline (``by``), credit (``infoSource cRole:source``),
``subj:`` subject; an optional per-partner ``text/html`` rendition. Everything stays valid against the IPTC XSD.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import timedelta

import lxml.html
import pytest
from click.testing import CliRunner
from factories import BASE, SITE, item, make_article, make_spec
from lxml import etree
from sites import make_site
from test_newsml import NS, XML_LANG, assert_valid
from test_serve_support import partner_site

from syndicate.cli import main
from syndicate.config import load_config
from syndicate.deliver.messages import partner_message, prepare
from syndicate.errors import ConfigError
from syndicate.model import Article, Origin, Show, Status
from syndicate.publish.usecase import publish
from syndicate.render.newsml import NewsMLRenderer, render_item
from syndicate.render.notes import (
    CORRECTION,
    EMBARGO,
    KILL,
    MACHINE_TRANSLATION,
    WITHHELD,
    Notice,
    disclosure_first,
    editorial_notices,
)
from syndicate.select.policy import audience_of, decide
from syndicate.serve.items import Query, fetch_page
from syndicate.store import open_store

EMBARGO_AT = BASE + timedelta(days=1)
CREDIT = "Syrian Coalition’s Media Department"
INLINE_BODY = ('<p>The delegations met in <a href="/amman">Amman</a> on <em>Monday</em>.</p>'
               "<ul><li>First point agreed.</li><li>Second point deferred.</li></ul>")


def machine_translation(lang: str = "ar", **overrides) -> tuple[Article, Article]:
    en = make_article(9)
    mt = replace(make_article(9, lang=lang, id=f"a9-{lang}-mt", translation_of=en.id, **overrides),
                 origin=Origin.MACHINE, mt_engine="argos", mt_model=f"translate-en_{lang}-1_0",
                 source_version=en.version).with_hash()
    return en, mt


def one_note_view(root: etree._Element) -> dict[str, object]:
    """What a reader like Superdesk's parser (as described in issue 15) keeps of one newsItem: the first edNote
    only, ``contentMeta/by``, the ``infoSource role="cRole:source"`` literal, ``subj:`` subjects only, and the
    body as a ``text/html`` rendition when there is one, else only each XHTML block's leading text."""
    html = root.find("g:contentSet/g:inlineData[@contenttype='text/html']", NS)
    if html is not None:
        body = lxml.html.fragment_fromstring(html.text or "", create_parent="div").text_content()
    else:
        blocks = root.xpath(".//h:body/*", namespaces=NS)
        body = " ".join((b.text or "").strip() for b in blocks)
    return {
        "ednote": root.findtext("g:itemMeta/g:edNote", namespaces=NS),
        "by": root.findtext("g:contentMeta/g:by", namespaces=NS),
        "credit": root.xpath("string(g:contentMeta/g:infoSource[@role='cRole:source']/@literal)", namespaces=NS),
        "subjects": [q for q in root.xpath("g:contentMeta/g:subject/@qcode", namespaces=NS) if q.startswith("subj:")],
        "body": " ".join(body.split()),
    }


# -- the disclosure first ------------------------------------------------------------------------------------

STATES = {
    "usable": {},
    "correction": {"correction_note": "An earlier version misnamed the envoy.", "version": 2},
    "withheld": {"status": Status.WITHHELD, "version": 2},
    "kill": {"status": Status.CANCELED, "version": 2},
    "embargo": {"embargo": EMBARGO_AT},
    "correction+embargo": {"correction_note": "Fixed the date.", "embargo": EMBARGO_AT, "version": 2},
    "withheld+correction": {"status": Status.WITHHELD, "correction_note": "Held for a check.", "version": 3},
}
SHOW = {Status.USABLE: Show.FULL, Status.WITHHELD: Show.WITHHELD_NOTICE, Status.CANCELED: Show.KILL_NOTICE}


@pytest.mark.parametrize(("state", "lang"), list(itertools.product(STATES, ["ar", "es"])))
def test_first_ed_note_of_a_machine_translation_is_the_disclosure(state, lang, newsml_validator):
    """Whatever else applies (correction, withheld, kill, embargo), the first edNote of a machine-translated item
    is the MT disclosure, and every other notice is still there after it; standalone and in a message."""
    en, mt = machine_translation(lang, **STATES[state])
    show = Show.EMBARGOED if mt.embargo and mt.status is Status.USABLE else SHOW[Status(mt.status)]
    fitem = replace(item(mt, original=en), show=show)
    spec = make_spec(lang, fmt="newsml")
    for body in (render_item(fitem, spec, SITE), NewsMLRenderer().render(spec, [fitem], SITE)):
        root = assert_valid(body, newsml_validator)
        news_item = root if root.tag.endswith("newsItem") else root.find(".//g:newsItem", NS)
        notes = news_item.findall("g:itemMeta/g:edNote", NS)
        assert notes[0].get("role") == "synnote:machineTranslation"
        assert "machine translation" in notes[0].text and "argos" in notes[0].text
        assert one_note_view(news_item)["ednote"] == notes[0].text
        roles = [n.get("role").removeprefix("synnote:") for n in notes[1:]]
        expected = ([KILL] if mt.status is Status.CANCELED else [WITHHELD] if mt.status is Status.WITHHELD else [])
        expected += [CORRECTION] if mt.correction_note else []
        expected += [EMBARGO] if show is Show.EMBARGOED else []
        assert roles == expected


def test_human_items_keep_their_notice_order():
    """Without a machine translation the order is unchanged: kill or withheld, correction, embargo."""
    article = make_article(1, status=Status.WITHHELD, correction_note="Checked again.", embargo=EMBARGO_AT)
    assert [n.role for n in editorial_notices(article, embargo_shown=True)] == [WITHHELD, CORRECTION, EMBARGO]
    assert [n.role for n in editorial_notices(article, embargo_shown=False)] == [WITHHELD, CORRECTION]


def test_disclosure_first_is_stable():
    """The ordering rule (reused by ninjs) moves only the disclosure; the others keep their relative order."""
    notes = [Notice(KILL, "k", True), Notice(CORRECTION, "c", False), Notice(MACHINE_TRANSLATION, "m", True),
             Notice(EMBARGO, "e", True)]
    assert [n.role for n in disclosure_first(notes)] == [MACHINE_TRANSLATION, KILL, CORRECTION, EMBARGO]
    assert disclosure_first(notes[:2]) == notes[:2]


def test_items_api_puts_the_disclosure_first(tmp_path, newsml_validator):
    """Through the items API (real store): a corrected, embargoed Arabic machine translation reaches an embargoed
    partner with the MT disclosure as its first edNote, and the correction and embargo notes after it."""
    config = partner_site(tmp_path)
    store = open_store(config.store_url)
    wire = next(p for p in config.partners if p.name == "wire")
    now = BASE + timedelta(hours=12)
    en, mt = machine_translation("ar", published=now - timedelta(hours=1), embargo=now + timedelta(hours=2))
    store.articles.upsert_many([en, mt], now)
    store.articles.upsert_many([replace(mt, body_html="<p>تصحيح.</p>", correction_note="تم تصحيح الاسم.",
                                        updated=now).with_hash()], now + timedelta(minutes=1))
    page = fetch_page(config, store, wire, Query(since=0, lang="ar", category=None, limit=50),
                      now + timedelta(minutes=2))
    store.close()
    assert page.body is not None
    root = assert_valid(page.body, newsml_validator)
    items = root.findall(".//g:newsItem", NS)
    assert [i.get("version") for i in items] == ["1", "2"]
    for news_item in items:
        assert news_item.find("g:itemMeta/g:edNote", NS).get("role") == "synnote:machineTranslation"
    assert items[1].xpath("g:itemMeta/g:edNote/@role", namespaces=NS) == [
        "synnote:machineTranslation", "synnote:correction", "synnote:embargo"]
    # the newsroom's Arabic correction note is not marked English; our fixed wording is
    notes = items[1].findall("g:itemMeta/g:edNote", NS)
    assert [n.get(XML_LANG) for n in notes] == ["en", None, "en"]


# -- byline, credit, subject ---------------------------------------------------------------------------------

def test_byline_credit_and_subject(newsml_validator):
    """``by`` carries the byline beside ``creator``; ``infoSource role=cRole:source literal=…`` carries the credit
    beside ``creditline``; a configured ``subj`` code is a subject after the Media Topics. All XSD-valid, and the
    ``cRole`` alias is declared in our catalog (QCode lint)."""
    article = make_article(1, author="Rania Haddad", credit=CREDIT)
    spec = make_spec(fmt="newsml", category_subj={"politics": "subj:11000000"})
    root = assert_valid(render_item(item(article), spec, SITE), newsml_validator)
    x = lambda path: root.xpath(path, namespaces=NS)  # noqa: E731
    assert x("string(g:contentMeta/g:creator/g:name)") == "Rania Haddad"
    assert x("g:contentMeta/g:by/text()") == ["Rania Haddad"]
    source = root.find("g:contentMeta/g:infoSource", NS)
    assert (source.get("role"), source.get("literal"), source.findtext("g:name", namespaces=NS)) == (
        "cRole:source", CREDIT, CREDIT)
    assert x("string(g:contentMeta/g:creditline)") == CREDIT
    assert x("g:contentMeta/g:subject/@qcode") == ["syncat:politics", "medtop:11000000", "subj:11000000"]
    assert x("g:catalog/g:scheme[@alias='cRole']/@uri") == [SITE.base_url + "newscodes/sourcerole/"]
    view = one_note_view(root)
    assert (view["by"], view["credit"], view["subjects"]) == ("Rania Haddad", CREDIT, ["subj:11000000"])


def test_no_author_no_credit_no_subj_writes_none_of_them(newsml_validator):
    article = make_article(1, author=None, credit=None)
    root = assert_valid(render_item(item(article), make_spec(fmt="newsml"), SITE), newsml_validator)
    assert root.xpath("//g:by | //g:infoSource | //g:creator | //g:subject[starts-with(@qcode, 'subj:')]",
                      namespaces=NS) == []


def test_arabic_byline_is_valid_and_in_the_item_language(newsml_validator):
    en, ar = machine_translation("ar", author="رانيا حداد", credit="الدائرة الإعلامية")
    root = assert_valid(render_item(item(ar, original=en), make_spec("ar", fmt="newsml"), SITE), newsml_validator)
    assert root.findtext("g:contentMeta/g:by", namespaces=NS) == "رانيا حداد"
    assert root.find("g:contentMeta/g:by", NS).get(XML_LANG) is None      # inherits xml:lang="ar" of the item


def subj_config(tmp_path, subj: str):
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = make_site(tmp_path)
    text = path.read_text(encoding="utf-8").replace('medtop = ["medtop:11000000"]',
                                                    f'medtop = ["medtop:11000000"]\nsubj = "{subj}"')
    path.write_text(text, encoding="utf-8")
    return load_config(path, env={})


def test_subj_in_categories_config(tmp_path):
    """``subj`` in ``[[categories]]`` reaches the feed spec; anything but ``subj:`` + 8 digits is refused."""
    from syndicate.config.layout import build_spec

    config = subj_config(tmp_path, "subj:11000000")
    assert config.category("politics").subj == "subj:11000000"
    assert config.category("economy").subj is None
    assert build_spec(config, "ar", "politics", "newsml").category_subj == {"politics": "subj:11000000"}
    for bad in ("medtop:11000000", "subj:1100", "11000000"):
        with pytest.raises(ConfigError, match="subj"):
            subj_config(tmp_path / bad.replace(":", "_"), bad)


# -- text/html rendition --------------------------------------------------------------------------------------

def test_html_rendition_carries_all_the_text(newsml_validator):
    """With ``html_rendition`` the body follows the XHTML as ``inlineData contenttype="text/html"``: a reader that
    keeps only leading block text loses "on Monday." and the list; from the rendition it gets all of it."""
    article = make_article(1, body_html=INLINE_BODY + "<script>alert(1)</script>")
    plain = assert_valid(render_item(item(article), make_spec(fmt="newsml"), SITE), newsml_validator)
    assert plain.xpath("//g:inlineData", namespaces=NS) == []            # off by default
    assert "on Monday" not in one_note_view(plain)["body"]

    root = assert_valid(render_item(item(article), make_spec(fmt="newsml", html_rendition=True), SITE),
                        newsml_validator)
    content = [(etree.QName(c).localname, c.get("contenttype")) for c in root.find("g:contentSet", NS)]
    assert content == [("inlineXML", "application/xhtml+xml"), ("inlineData", "text/html")]
    rendition = root.find("g:contentSet/g:inlineData", NS)
    assert rendition.get(XML_LANG) == "en"
    body = one_note_view(root)["body"]
    for phrase in ("The delegations met in Amman on Monday.", "First point agreed.", "Second point deferred."):
        assert phrase in body
    assert "<script" not in rendition.text and 'href="https://news.example.org/amman"' in rendition.text
    xhtml_text = " ".join(root.find(".//h:body", NS).xpath("string()").split())
    assert xhtml_text.replace(" ", "") == body.replace(" ", "")


def test_html_rendition_of_a_kill_is_the_notice_only(newsml_validator):
    """A killed item's rendition carries the kill notice, never the withdrawn text; Arabic keeps lang and dir."""
    en, ar = machine_translation("ar", body_html="<p>نص <b>سري</b> للغاية.</p>", status=Status.CANCELED, version=2)
    spec = make_spec("ar", fmt="newsml", html_rendition=True)
    root = assert_valid(render_item(replace(item(ar, original=en), show=Show.KILL_NOTICE), spec, SITE),
                        newsml_validator)
    rendition = root.find("g:contentSet/g:inlineData", NS)
    assert (rendition.get(XML_LANG), rendition.get("dir")) == ("ar", "rtl")
    assert "KILL" in rendition.text and "سري" not in rendition.text


def test_html_rendition_is_per_partner(tmp_path, newsml_validator):
    """``[partners.X] html_rendition = true`` adds the rendition to that partner's feed files, item files and
    items API pages only; other partners and the public do not get it."""
    extra = '\n[partners.desk]\nlanguages = ["en"]\nhtml_rendition = true\ntoken_hashes = []\n'
    config = partner_site(tmp_path, extra=extra)
    desk = next(p for p in config.partners if p.name == "desk")
    wire = next(p for p in config.partners if p.name == "wire")
    assert desk.html_rendition and not wire.html_rendition
    listed = CliRunner().invoke(main, ["--config", str(config.path), "partners", "list"])
    lines = {line.split(":", 1)[0]: line for line in listed.output.splitlines()}
    assert "html rendition" in lines["desk"] and "html rendition" not in lines["wire"]
    store = open_store(config.store_url)
    now = BASE + timedelta(hours=12)
    store.articles.upsert_many([make_article(1, body_html=INLINE_BODY, published=now - timedelta(hours=1))], now)
    assert publish(config, store, now).ok
    partners = config.output.partners_dir
    with_html = sorted((partners / "desk").rglob("*.xml"))
    without = sorted((partners / "wire").rglob("*.xml")) + sorted(config.output.dir.rglob("*.xml"))
    assert any("/items/" in str(p) for p in with_html) and any(p.name == "newsml.xml" for p in with_html)
    for path in with_html:
        root = assert_valid(path.read_bytes(), newsml_validator)
        assert root.xpath("count(//g:inlineData[@contenttype='text/html'])", namespaces=NS) >= 1, path
    assert without and all(b"inlineData" not in p.read_bytes() for p in without)
    page = fetch_page(config, store, desk, Query(since=0, lang=None, category=None, limit=50), now)
    other = fetch_page(config, store, wire, Query(since=0, lang=None, category=None, limit=50), now)
    assert b'contenttype="text/html"' in page.body and b"inlineData" not in other.body
    # push bodies go through the same partner message
    article = store.articles.versions("a1")[0]
    shown = [(article, decide(article, audience_of(desk), now, fmt="newsml"))]
    pushed = partner_message(config, prepare(store, shown, audience_of(desk), now), "push-desk", desk)
    assert b'contenttype="text/html"' in pushed
    store.close()
