"""NewsML-G2 lifecycle: versions, signals and pubStatus through update, correction, withhold, kill, embargo.

The store decides versions (content hash); these tests run the real SQLite store and check that every
stored version renders to a valid item expressing its state.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from factories import BASE, SITE, item, make_article, make_spec
from lxml import etree
from test_newsml import NS, assert_valid

from syndicate.model import Show, Status
from syndicate.render.newsml import NewsMLRenderer, item_path, render_item
from syndicate.store import open_store

SPEC = make_spec(fmt="newsml")


def state(body: bytes) -> tuple[str, str, list[str], list[str]]:
    """(version, pubStatus, signals, edNote roles) of a rendered item."""
    root = etree.fromstring(body)
    return (root.get("version"), root.xpath("string(g:itemMeta/g:pubStatus/@qcode)", namespaces=NS),
            root.xpath("g:itemMeta/g:signal/@qcode", namespaces=NS),
            root.xpath("g:itemMeta/g:edNote/@role", namespaces=NS))


@pytest.fixture()
def history(tmp_path):
    """Store one article through its life; returns the stored versions, oldest first."""
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    v1 = make_article(1)
    steps = [
        v1,
        v1,                                                                         # plain republish
        replace(v1, title="Delegation 1 meets UN envoy in Geneva", updated=BASE + timedelta(hours=3)),
        replace(v1, title="Delegation 1 meets UN envoy in Geneva", body_html="<p>Fixed name.</p>",
                correction_note="An earlier version misspelt the envoy's name.", updated=BASE + timedelta(hours=4)),
        replace(v1, title="Delegation 1 meets UN envoy in Geneva", body_html="<p>Fixed name.</p>",
                status=Status.WITHHELD, updated=BASE + timedelta(hours=5)),
        replace(v1, title="Delegation 1 meets UN envoy in Geneva", body_html="<p>Fixed name.</p>",
                status=Status.CANCELED, updated=BASE + timedelta(hours=6)),
    ]
    actions = [store.articles.upsert_many([a.with_hash()], now=BASE + timedelta(hours=10 + n))[0].action
               for n, a in enumerate(steps)]
    assert actions == ["inserted", "unchanged", "updated", "updated", "updated", "updated"]
    versions = store.articles.versions(v1.id)
    store.close()
    return versions


def test_versions_signals_and_status_sequence(history, newsml_validator):
    """v1 usable without signal; v2 sig:update; v3 sig:correction + note; v4 withheld; v5 canceled."""
    bodies = [render_item(item(a), SPEC, SITE) for a in history]
    for body in bodies:
        assert_valid(body, newsml_validator)
    assert [state(b) for b in bodies] == [
        ("1", "stat:usable", [], []),
        ("2", "stat:usable", ["sig:update"], []),
        ("3", "stat:usable", ["sig:update", "sig:correction"], ["synnote:correction"]),
        ("4", "stat:withheld", ["sig:update"], ["synnote:withheld"]),
        ("5", "stat:canceled", ["sig:update"], ["synnote:kill"]),
    ]


def test_guid_is_stable_and_each_version_has_its_own_file(history):
    """Every version keeps the guid and gets a distinct item file, so all versions stay retrievable."""
    roots = [etree.fromstring(render_item(item(a), SPEC, SITE)) for a in history]
    assert len({r.get("guid") for r in roots}) == 1
    assert len({item_path(a) for a in history}) == len(history)


def test_correction_note_is_in_the_ed_note(history):
    root = etree.fromstring(render_item(item(history[2]), SPEC, SITE))
    assert root.xpath("string(//g:edNote[@role='synnote:correction'])", namespaces=NS) == (
        "An earlier version misspelt the envoy's name.")
    assert root.xpath("string(//g:versionCreated)", namespaces=NS) == "2026-03-02T13:00:00Z"
    assert root.xpath("string(//g:firstCreated)", namespaces=NS) == "2026-03-02T10:00:00Z"


def test_kill_and_withholding_replace_the_body_with_a_notice(history):
    """A canceled item's body is the kill notice and a withheld item's the withheld notice: never the story
    text (a withheld story is withheld because its text must not be used)."""
    killed = etree.fromstring(render_item(replace(item(history[-1]), show=Show.KILL_NOTICE), SPEC, SITE))
    body_text = killed.xpath("string(//h:body)", namespaces=NS)
    assert "KILL" in body_text and "Fixed name" not in body_text
    withheld = etree.fromstring(render_item(replace(item(history[-2]), show=Show.WITHHELD_NOTICE), SPEC, SITE))
    withheld_text = withheld.xpath("string(//h:body)", namespaces=NS)
    assert "WITHHELD" in withheld_text and "Fixed name" not in withheld_text
    assert withheld.xpath("string(//g:pubStatus/@qcode)", namespaces=NS) == "stat:withheld"


def test_arabic_kill_notice_is_marked_english(newsml_validator):
    """The English kill notice inside an Arabic item says so (lang="en" dir="ltr")."""
    article = make_article(1, lang="ar", status=Status.CANCELED, version=2)
    root = assert_valid(render_item(item(article), make_spec("ar", fmt="newsml"), SITE), newsml_validator)
    paragraph = root.find(".//h:body/h:p", NS)
    assert (paragraph.get("lang"), paragraph.get("dir")) == ("en", "ltr")


EMBARGO = BASE + timedelta(days=1)


def test_embargoed_item_in_partner_message(newsml_validator):
    """Partners receiving embargoed items get <embargoed> (after firstCreated, before pubStatus) and a note."""
    embargoed = make_article(2, embargo=EMBARGO)
    flagged = replace(item(embargoed), show=Show.EMBARGOED)
    body = NewsMLRenderer().render(SPEC, [flagged, item(make_article(1))], SITE)
    root = assert_valid(body, newsml_validator)
    first = root.find("g:itemSet/g:newsItem", NS)
    meta = [etree.QName(c).localname for c in first.find("g:itemMeta", NS)]
    assert meta.index("firstCreated") + 1 == meta.index("embargoed") == meta.index("pubStatus") - 1
    assert first.findtext("g:itemMeta/g:embargoed", namespaces=NS) == "2026-03-03T09:00:00Z"
    assert "2026-03-03T09:00:00Z" in first.findtext("g:itemMeta/g:edNote[@role='synnote:embargo']",
                                                     namespaces=NS)
    assert root.xpath("count(//g:embargoed)", namespaces=NS) == 1


def test_public_render_never_carries_embargo_data():
    """Unless the policy shows an item flagged embargoed, no <embargoed> and no embargo note are written (the
    public never gets an item before its time; after it, the item is plain)."""
    article = make_article(2, embargo=EMBARGO)
    for body in (render_item(item(article), SPEC, SITE), NewsMLRenderer().render(SPEC, [item(article)], SITE)):
        root = etree.fromstring(body)
        assert root.xpath("//g:embargoed | //g:edNote[@role='synnote:embargo']", namespaces=NS) == []


def test_kill_clears_the_embargo():
    """A canceled item is not embargoed any more, even for partners."""
    article = make_article(2, embargo=EMBARGO, status=Status.CANCELED, version=2)
    root = etree.fromstring(render_item(replace(item(article), show=Show.KILL_NOTICE), SPEC, SITE))
    assert root.xpath("//g:embargoed", namespaces=NS) == []
