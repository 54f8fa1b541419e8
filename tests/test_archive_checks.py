"""`pipeline validate` beyond the schema: pointers resolve, ids unique, languages declared,
file name = xml:id; and the exporter's extent/tagsDecl counts (ParlaMint-style)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import etree
from test_tei_builders import NS, document, fragment, para, sent, tr

from pipeline.cli import cli
from pipeline.tei.archive_checks import archive_problems
from pipeline.tei.export import document_to_tei
from pipeline.tei.options import ExportOptions
from pipeline.tei.schema import validate

# A small schema-valid file; {body} is line 14 onwards, so every problem has a known line.
TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{xml_id}">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>T</title><respStmt xml:id="resp.mt"><resp>MT</resp><name>Argos</name></respStmt></titleStmt>
      <publicationStmt><p>P</p></publicationStmt>
      <sourceDesc><p>S</p></sourceDesc>
    </fileDesc>
    <encodingDesc><listPrefixDef><prefixDef ident="wd" matchPattern="(Q\\d+)" replacementPattern="http://www.wikidata.org/entity/$1"/><prefixDef ident="self" matchPattern="(.+)" replacementPattern="#$1"/></listPrefixDef></encodingDesc>
    <profileDesc><langUsage><language ident="nl">Dutch</language><language ident="en">English</language></langUsage></profileDesc>
  </teiHeader>
  <text>
    <body>
{body}
    </body>
  </text>
</TEI>
"""

GOOD_BODY = """      <p xml:id="p1" xml:lang="nl"><s xml:id="s1"><orgName ref="wd:Q1065 self:s1">VN</orgName></s></p>
      <p xml:id="p2" xml:lang="en" corresp="#p1"><s xml:id="s2" corresp="#s1" resp="#resp.mt">UN</s></p>
      <p><ref target="https://zoek.officielebekendmakingen.nl/kst-21501-20-1280.html">nr. 1280</ref></p>"""


def write(folder: Path, name: str, body: str, xml_id: str | None = None) -> Path:
    path = folder / name
    path.write_text(TEMPLATE.format(xml_id=xml_id or path.stem, body=body), encoding="utf-8")
    return path


def validate_cli(*paths: Path):
    return CliRunner().invoke(cli, ["validate", *map(str, paths)])


def test_a_good_file_passes_pointers_through_prefixes_ids_and_urls(tmp_path, tei_schema):
    path = write(tmp_path, "d100.xml", GOOD_BODY)
    assert validate(tei_schema, path) == []
    result = validate_cli(path)
    assert result.exit_code == 0, result.output
    assert result.output == "1 file(s) valid against TEI P5 (tei_all) and the archive checks\n"


def test_dangling_ref_duplicate_id_and_undeclared_language_each_named_with_file_and_line(tmp_path, tei_schema):
    body = (
        '      <p xml:id="p1" xml:lang="nl"><s xml:id="s1"><orgName ref="#org.nergens">X</orgName></s></p>\n'
        '      <p xml:id="p1" xml:lang="fr"><s xml:id="s2" corresp="#s1">Y</s></p>\n'
        '      <p xml:lang="fr"><s corresp="#s9" resp="mailto:a@b.nl">Z</s></p>'
    )
    path = write(tmp_path, "d101.xml", body)
    result = validate_cli(path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:15: Invalid attribute id for element p",  # tei_all's own word on the duplicate
        f"{path}:14: @ref '#org.nergens': no xml:id 'org.nergens' in this file",
        f"{path}:15: xml:id 'p1' is used twice (first on line 14)",
        f"{path}:15: xml:lang 'fr' is not declared in langUsage (used 2 times, first here)",
        f"{path}:16: @corresp '#s9': no xml:id 's9' in this file",
        f"{path}:16: @resp 'mailto:a@b.nl': the prefix 'mailto' is not declared in a listPrefixDef/prefixDef",
    ]
    assert "1 of 1 file(s) invalid" in result.output


def test_prefix_that_expands_to_a_missing_id(tmp_path):
    path = write(tmp_path, "d102.xml", '      <p xml:id="p1"><s ref="self:s7">X</s></p>')
    problems = archive_problems(etree.parse(str(path)), path)
    assert [p.format(path.name) for p in problems] == [
        "d102.xml:14: @ref 'self:s7': expands to '#s7': no xml:id 's7' in this file"
    ]


def test_file_name_must_match_the_root_id(tmp_path):
    path = write(tmp_path, "kopie.xml", GOOD_BODY, xml_id="d100")
    result = validate_cli(path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{path}:2: <TEI> xml:id 'd100' does not match the file name 'kopie.xml'"]


def test_pointers_into_other_files(tmp_path):
    write(tmp_path, "d100.xml", GOOD_BODY)
    body = (
        '      <p><ref target="d100.xml#s2">ok</ref> <ref target="d100.xml#s9">gone</ref> '
        '<ref target="d404.xml">missing</ref></p>'
    )
    path = write(tmp_path, "corpus.xml", body)
    problems = archive_problems(etree.parse(str(path)), path)
    assert [p.message for p in problems] == [
        "@target 'd100.xml#s9': no xml:id 's9' in d100.xml",
        "@target 'd404.xml': no file 'd404.xml' beside this one",
    ]


def test_flemish_document_declares_every_language_it_uses_and_passes(tmp_path, tei_schema):
    # authority labels are xml:lang="nl" in a nl-BE document: nl must be declared too
    from pipeline.model import AuthorityEntry

    authority = (AuthorityEntry("org.vn", "org", "Verenigde Naties", "United Nations", "organisation", "Q1065"),)
    block = para("b1", sent("s1", "De VN helpt.", translation=tr("The UN helps.")))
    doc = document(block, variety="nl-BE", authority=authority)
    data = document_to_tei(doc, ExportOptions(date="2024-01-01"))
    path = tmp_path / "d000.xml"
    path.write_bytes(data)
    assert validate(tei_schema, data) == []
    assert archive_problems(etree.parse(str(path)), path) == []
    idents = etree.fromstring(data).xpath("//t:langUsage/t:language/@ident", namespaces=NS)
    assert idents == ["nl-BE", "en", "nl"]


def test_extent_and_tags_decl_count_the_text():
    doc = document(
        para("b1", sent("s1", "Het kabinet steunt 6.500 migranten.", translation=tr("The cabinet supports 6,500."))),
        para("b2", sent("s2", "Dat is alles.", translation=tr("That is all."))),
    )
    data = document_to_tei(doc, ExportOptions(date="2024-01-01"))
    assert fragment(data, "//t:extent") == (
        "<extent>\n"
        '        <measure unit="sentences" quantity="2" xml:lang="nl">2</measure>\n'
        '        <measure unit="words" quantity="8" xml:lang="nl">8</measure>\n'
        '        <measure unit="sentences" quantity="2" xml:lang="en">2</measure>\n'
        '        <measure unit="words" quantity="7" xml:lang="en">7</measure>\n'
        "      </extent>"
    )
    root = etree.fromstring(data)
    usage = {u.get("gi"): int(u.get("occurs")) for u in root.xpath("//t:tagsDecl//t:tagUsage", namespaces=NS)}
    assert usage["s"] == 4 and usage["p"] == 4 and usage["link"] == 2 and usage["text"] == 3
    for gi, occurs in usage.items():  # real counts of the whole <text>
        assert len(root.xpath(f"t:text/descendant-or-self::t:{gi}", namespaces=NS)) == occurs, gi
