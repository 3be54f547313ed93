"""Superdesk's own NewsML-G2 ingest parser over NewsML-G2 files, for the tests; run by ``.venv-superdesk``'s python.

    .venv-superdesk/bin/python tests/superdesk_ingest.py FILE...     JSON on stdout
    .venv-superdesk/bin/python tests/superdesk_ingest.py --self-check

``make test`` (target ``superdesk``) builds ``.venv-superdesk/`` with PyPI ``superdesk-core==2.5.3`` and this
script's ``--self-check``. Each FILE (a ``newsItem`` or a ``newsMessage``) goes through
``superdesk.io.feed_parsers.newsml_2_0.NewsMLTwoFeedParser().parse(root, provider)``, the parser a Superdesk
"NewsML-G2" ingest provider uses, unmodified (its STT and Scoop subclasses only accept those agencies' files).
The output is ``{"superdesk_core": "2.5.3", "files": {FILE: [item, ...]}}``: every item is the dict the parser
returned, as Superdesk's ingest then stores it, with datetimes as ISO 8601 strings.

What it runs in (read from superdesk-core's ``superdesk/factory/app.py`` and ``default_settings.py``): the parser
needs a Flask app context (``current_app.config["QCODE_MISSING_VOC"]``, ``current_app.subjects`` for ``subj:``
codes), no MongoDB, Elasticsearch or Redis. The app here is a bare Flask app given superdesk's own
``SubjectIndex`` (``superdesk.io.subjectcodes``) filled by ``superdesk.io.iptc.init_app`` (both modules are in
Superdesk's ``INSTALLED_APPS``) with Superdesk's IPTC Subject Codes, so a ``subj:`` code Superdesk does not know is
dropped as it would be there.

One shim, before superdesk is imported: ``asyncio.coroutine`` (removed in Python 3.11) is aliased to
``types.coroutine``, because ``superdesk/__init__.py`` imports ``superdesk.websockets_comms``, whose class body
decorates with it. The parser never calls that code. The dependency overrides 3.11 needs are in
``tests/superdesk-requirements.txt``.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import sys
import types
from importlib.metadata import version
from typing import Any

if not hasattr(asyncio, "coroutine"):
    asyncio.coroutine = types.coroutine  # type: ignore[attr-defined]

from flask import Flask
from lxml import etree
from superdesk.io import iptc, subjectcodes
from superdesk.io.feed_parsers.newsml_2_0 import NewsMLTwoFeedParser

PROVIDER = {"_id": "syndicate-tests", "name": "syndicate", "feed_parser": NewsMLTwoFeedParser.NAME}
SELF_CHECK = b"""<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:check:1" version="3"
  standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/>
  <versionCreated>2026-01-02T03:04:05Z</versionCreated><pubStatus qcode="stat:withheld"/><edNote>n1</edNote>
  <edNote>n2</edNote></itemMeta><contentMeta><language tag="en"/><subject qcode="subj:11000000"/>
  <subject qcode="subj:99999999"/><headline>H</headline><by>B</by></contentMeta><contentSet>
  <inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
  <p>lead <b>bold</b> tail</p></body></html></inlineXML></contentSet></newsItem>"""


def make_app() -> Flask:
    app = Flask("superdesk_ingest")
    app.config["QCODE_MISSING_VOC"] = "continue"          # superdesk's default_settings value
    app.subjects = subjectcodes.SubjectIndex()        # what subjectcodes.init_app does, less its HTTP blueprint
    iptc.init_app(app)
    return app


def plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def parse(data: bytes) -> list[dict[str, Any]]:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    items = NewsMLTwoFeedParser().parse(root, PROVIDER)
    return [plain(item) for item in items]


def self_check() -> None:
    """The venv works: one item through the real parser, with the behaviour the tests rely on."""
    [item] = parse(SELF_CHECK)
    expected = {"guid": "urn:check:1:3", "version": "3", "pubstatus": "withheld", "ednote": "n1", "byline": "B",
                "headline": "H", "body_html": "<p>lead </p>", "versioncreated": "2026-01-02T03:04:05+00:00",
                "subject": [{"qcode": "11000000", "name": "politics"}]}
    wrong = {k: (item.get(k), v) for k, v in expected.items() if item.get(k) != v}
    if wrong:
        sys.exit(f"superdesk parser self-check failed: {wrong}")
    print(f"superdesk-core {version('superdesk-core')}: NewsMLTwoFeedParser ok")


def main(argv: list[str]) -> None:
    with make_app().app_context():
        if argv == ["--self-check"]:
            self_check()
            return
        files = {}
        for path in argv:
            with open(path, "rb") as f:
                files[path] = parse(f.read())
    json.dump({"superdesk_core": version("superdesk-core"), "files": files}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
