"""QCode lint, validate_paths over output trees, and the `syndicate validate` command's exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SCHEMAS
from factories import SITE, bilingual_pair, item, make_article, make_spec
from lxml import etree
from test_newsml import IPTC_ALIASES

from syndicate.cli.validate import validate_command
from syndicate.render.newsml import NewsMLRenderer, item_path, render_item
from syndicate.render.validate import (
    SchemaMissingError,
    iptc_catalog_aliases,
    qcode_errors,
    validate_paths,
    xhtml_body_errors,
)

XSD = SCHEMAS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
ATOM_RNG, ATOM_SCH = SCHEMAS / "atom" / "atom.rng", SCHEMAS / "atom" / "atom-rules.sch"

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>T</title><id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id><updated>2026-03-02T09:00:00Z</updated>
  <author><name>A</name></author><link rel="self" href="https://news.example.org/feeds/en/all/atom.xml"/>
  <entry><title>E</title><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2026-03-02T09:00:00Z</updated><summary>S</summary>
    <link href="https://news.example.org/en/story-1"/></entry>
</feed>
"""
RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>T</title><link>https://news.example.org/</link><description>D</description>
<item><title>I</title><link>https://news.example.org/en/story-1</link></item></channel></rss>
"""
JSONFEED = {"version": "https://jsonfeed.org/version/1.1", "title": "T",
            "items": [{"id": "1", "content_text": "x"}]}


def line_of(text: bytes, needle: bytes) -> int:
    """1-based line of the first occurrence of ``needle``."""
    return text[: text.index(needle)].count(b"\n") + 1


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """An output folder: a newsMessage, item files (one Arabic translation), Atom, RSS and a JSON Feed."""
    en, ar = bilingual_pair(1)
    out = tmp_path / "feeds"
    files = {
        "en/politics/newsml.xml": NewsMLRenderer().render(make_spec(fmt="newsml"), [item(make_article(2)), item(en)],
                                                          SITE),
        item_path(en): render_item(item(en), make_spec(fmt="newsml"), SITE),
        item_path(ar): render_item(item(ar, original=en), make_spec("ar", fmt="newsml"), SITE),
        "en/politics/atom.xml": ATOM,
        "en/politics/rss.xml": RSS,
        "en/politics/feed.json": json.dumps(JSONFEED).encode(),
        ".state/ignored.xml": b"<broken",
    }
    for rel, body in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(body)
    return out


def test_iptc_catalog_aliases_are_read_beside_the_xsd(tmp_path):
    """The v41 catalog beside the XSD gives the IPTC aliases; no catalog file gives none."""
    aliases = iptc_catalog_aliases(XSD)
    assert {"ninat", "stat", "sig", "irel", "medtop", "cpnat", "drol", "digsrctype"} <= aliases
    assert "syncat" not in aliases and "cptype" not in aliases
    assert iptc_catalog_aliases(tmp_path / "schema.xsd") == frozenset()


def test_qcode_lint_fails_on_undeclared_prefix():
    """An alias declared nowhere is reported with its line; our inline and IPTC aliases are accepted."""
    body = render_item(item(make_article(1)), make_spec(fmt="newsml"), SITE)
    assert qcode_errors(body, IPTC_ALIASES) == []
    bad = body.replace(b'qcode="medtop:11000000"', b'qcode="cptype:11000000"')
    errors = qcode_errors(bad, IPTC_ALIASES)
    assert errors == [f"line {line_of(bad, b'cptype:')}: subject/@qcode='cptype:11000000': scheme alias "
                      "'cptype' is declared by no inline catalog and not by the IPTC catalog"]


def test_qcode_lint_needs_the_catalog_ref_for_iptc_aliases():
    """Without a catalogRef to the v41 catalog, IPTC aliases are undeclared."""
    body = render_item(item(make_article(1)), make_spec(fmt="newsml"), SITE)
    bad = body.replace(b"catalog.IPTC-G2-Standards_41.xml", b"catalog.Other_1.xml")
    prefixes = {e.split("'")[3] for e in qcode_errors(bad, IPTC_ALIASES)}
    assert {"ninat", "stat", "medtop", "cpnat", "drol", "irel"} <= prefixes
    assert "syncat" not in prefixes and "synsvc" not in prefixes


def test_qcode_lint_scopes_inline_catalogs_per_item():
    """In a newsMessage each item needs its own declarations: removing one item's catalog flags that item only."""
    body = NewsMLRenderer().render(make_spec(fmt="newsml"), [item(make_article(2)), item(make_article(1))], SITE)
    cut = body.rindex(b"<catalog>")
    end = body.index(b"</catalog>", cut) + len(b"</catalog>")
    bad = body[:cut] + body[end:]
    errors = qcode_errors(bad, IPTC_ALIASES)
    cut_line = bad[:cut].count(b"\n") + 1
    assert errors and all(any(f"'{alias}'" in e for alias in ("syncat", "synsvc", "cRole")) for e in errors)
    assert all(int(e.split(":")[0].removeprefix("line ")) > cut_line for e in errors)


def test_xhtml_body_outside_allow_list_is_reported():
    """The lax inlineXML body is checked against our tag allow-list separately."""
    body = render_item(item(make_article(1)), make_spec(fmt="newsml"), SITE)
    bad = body.replace(b"<p>", b"<p><script>x</script>", 1)
    assert xhtml_body_errors(etree.fromstring(body)) == []
    assert len(xhtml_body_errors(etree.fromstring(bad))) == 1


def test_validate_paths_accepts_a_good_tree(tree):
    """Every kind of output file in a folder validates (dot folders are skipped)."""
    assert validate_paths([tree], newsml_schema=XSD, atom_rng=ATOM_RNG, atom_sch=ATOM_SCH,
                          jsonfeed_dir=SCHEMAS / "jsonfeed") == []


def test_validate_paths_reports_a_broken_item_with_its_line(tree):
    """An XSD-invalid NewsML-G2 file is reported with the line of the offending element."""
    target = next((tree / "en" / "items").iterdir())
    body = target.read_bytes().replace(b'<pubStatus qcode="stat:usable"/>', b'<pubStatus qcode="usable"/>')
    target.write_bytes(body)
    errors = validate_paths([tree], newsml_schema=XSD)
    assert errors and {path for path, _, _ in errors} == {str(target)}
    assert {line for _, line, _ in errors} == {line_of(body, b"<pubStatus")}
    assert any("not a QCode" in m for _, _, m in errors) and any("qcode" in m for _, _, m in errors)


def test_validate_paths_reports_malformed_xml_line_and_feed_errors(tmp_path):
    """Not-well-formed XML, Atom failing RELAX NG, and invalid JSON Feeds are each reported."""
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<?xml version='1.0'?>\n<rss version='2.0'>\n<channel>\n</rss>\n")
    atom = tmp_path / "atom.xml"
    atom.write_bytes(ATOM.replace(b"<title>T</title>", b""))
    feed = tmp_path / "feed.json"
    feed.write_bytes(json.dumps({**JSONFEED, "items": [{"content_text": "no id"}]}).encode())
    errors = validate_paths([tmp_path], atom_rng=ATOM_RNG, jsonfeed_dir=SCHEMAS / "jsonfeed")
    by_file = {}
    for path, line, message in errors:
        by_file.setdefault(Path(path).name, []).append((line, message))
    assert set(by_file) == {"broken.xml", "atom.xml", "feed.json"}
    assert by_file["broken.xml"][0][0] == 4 and "well-formed" in by_file["broken.xml"][0][1]
    assert any("id" in m for _, m in by_file["feed.json"])


def test_validate_paths_needs_a_schema_for_newsml(tree):
    """A NewsML-G2 file without an XSD is a SchemaMissingError (exit code 2), not a silent pass."""
    with pytest.raises(SchemaMissingError):
        validate_paths([tree])


def test_validate_paths_rejects_unknown_explicit_files(tmp_path):
    """Unknown well-formed XML is skipped in folders but reported when named explicitly."""
    other = tmp_path / "other.xml"
    other.write_bytes(b"<html/>")
    assert validate_paths([tmp_path]) == []
    assert validate_paths([other]) == [(str(other), 1, "unrecognised document (root element html)")]


def test_cli_exit_codes(tree, monkeypatch):
    """0 when valid, 1 with file:line: message on stdout, 2 when the NewsML schema is missing."""
    monkeypatch.delenv("SYNDICATE_NEWSML_SCHEMA", raising=False)
    runner = CliRunner()
    ok = runner.invoke(validate_command, [str(tree), "--schema", str(XSD), "--atom-schema", str(ATOM_RNG),
                                          "--atom-rules", str(ATOM_SCH)])
    assert (ok.exit_code, ok.stdout) == (0, "")
    missing = runner.invoke(validate_command, [str(tree)])
    assert missing.exit_code == 2 and "XSD" in missing.stderr
    target = tree / "en" / "politics" / "newsml.xml"
    body = target.read_bytes().replace(b"<itemClass qcode=\"ninat:text\"/>", b"", 1)
    target.write_bytes(body)
    bad = runner.invoke(validate_command, [str(tree)], env={"SYNDICATE_NEWSML_SCHEMA": str(XSD)})
    assert bad.exit_code == 1
    first = bad.stdout.splitlines()[0]
    assert first.startswith(f"{target}:") and int(first.split(":")[1]) == line_of(body, b"<provider")


def test_cli_takes_schema_and_output_dir_from_config(tree, tmp_path, monkeypatch):
    """The real CLI on a real config file: `syndicate validate` with no path validates `[output] dir` with
    `[newsml] schema`; without a config file it asks for a path (exit 2)."""
    from sites import make_site

    from syndicate.cli import main

    monkeypatch.delenv("SYNDICATE_NEWSML_SCHEMA", raising=False)
    (tmp_path / "site").mkdir()
    cfg = make_site(tmp_path / "site", extra=f'[newsml]\nschema = "{XSD}"\n')
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('dir = "feeds"', f'dir = "{tree}"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(cfg), "validate"])
    assert result.exit_code == 0, result.output
    target = tree / "en" / "politics" / "newsml.xml"
    target.write_bytes(target.read_bytes().replace(b"<itemClass qcode=\"ninat:text\"/>", b"", 1))
    broken = CliRunner().invoke(main, ["--config", str(cfg), "validate"])
    assert broken.exit_code == 1 and str(target) in broken.output     # the XSD from the config was used
    missing = CliRunner().invoke(main, ["--config", str(tmp_path / "none.toml"), "validate"])
    assert missing.exit_code == 2 and "give PATH" in missing.output


def test_jsonfeed_schema_without_jsonschema_is_a_clear_error(tree):
    """Without the dev extra (jsonschema not importable), `validate --jsonfeed-schema` says what to install and
    exits 2, in a real process: no ModuleNotFoundError traceback."""
    import subprocess
    import sys

    blocker = ("import sys; sys.modules['jsonschema'] = None; sys.modules['referencing'] = None; "
               "from syndicate.cli import main; sys.exit(main())")
    args = ["validate", str(tree), "--schema", str(XSD), "--jsonfeed-schema", str(SCHEMAS / "jsonfeed")]
    out = subprocess.run([sys.executable, "-c", blocker, *args], capture_output=True, text=True, timeout=120,
                         check=False)
    assert out.returncode == 2, (out.returncode, out.stdout, out.stderr)
    assert "jsonschema" in out.stderr and "Traceback" not in out.stderr
    with_it = subprocess.run([sys.executable, "-m", "syndicate", *args], capture_output=True, text=True, timeout=120,
                             check=False)
    assert with_it.returncode == 0, with_it.stdout + with_it.stderr
