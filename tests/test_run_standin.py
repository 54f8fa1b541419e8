"""End-to-end checks: the real translate stage with the tiny stand-in package over the
whole corpus, and (marked slow) jing, Debian's reference RelaxNG validator, as an
independent second opinion on every file."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from lxml import etree
from test_tei_builders import NS

from pipeline.run import RunOptions, run_pipeline
from pipeline.tei.archive_checks import archive_parser, archive_problems
from pipeline.tei.names import XML_LANG
from pipeline.tei.options import ExportOptions
from pipeline.tei.schema import schema_path, validate
from pipeline.translate import TranslateOptions


@pytest.fixture(scope="module")
def standin_output(tmp_path_factory, corpus_dir, standin_argosmodel, tei_schema):
    folder = tmp_path_factory.mktemp("standin-out")
    cache = tmp_path_factory.mktemp("cache")
    options = RunOptions(
        corpus_dir,
        folder,
        ExportOptions(date="2023-11-14"),
        translate=TranslateOptions(model=standin_argosmodel, cache_dir=cache),
        lexicons=corpus_dir.parent / "annotations",
    )
    first = run_pipeline(options, schema=tei_schema)
    before = {p.name: p.read_bytes() for p in folder.glob("*.xml")}
    second = run_pipeline(options, schema=tei_schema)
    return folder, first, second, before


def test_standin_run_exports_five_valid_files_and_reruns_translate_nothing(standin_output, tei_schema):
    folder, first, second, before = standin_output
    assert first.ok and first.documents == 5 and first.translated > 500
    assert sorted(before) == ["corpus.xml", "d000.xml", "d001.xml", "d002.xml", "d003.xml", "d004.xml"]
    for name, data in before.items():
        assert validate(tei_schema, data) == [], name
    assert second.translated == 0 and second.written == []
    assert {p.name: p.read_bytes() for p in folder.glob("*.xml")} == before


def test_standin_output_is_never_presented_as_a_translation(standin_output):
    for path in sorted(standin_output[0].glob("d*.xml")):
        tree = etree.parse(str(path))
        resp = tree.xpath("string(//t:titleStmt/t:respStmt[@xml:id='resp.mt']/t:resp)", namespaces=NS)
        note = tree.xpath("string(//t:notesStmt/t:note)", namespaces=NS)
        assert "STAND-IN, NOT A TRANSLATION" in resp and "is not a translation" in note, path.name


def test_standin_every_dutch_sentence_aligned(standin_output):
    folder = standin_output[0]
    for path in sorted(folder.glob("d*.xml")):
        tree = etree.parse(str(path))
        dutch = set(tree.xpath("//t:text[starts-with(@xml:lang,'nl')]//t:s/@xml:id", namespaces=NS))
        english = {c[1:] for c in tree.xpath("//t:text[@xml:lang='en']//t:s/@corresp", namespaces=NS)}
        gaps = {c[1:] for c in tree.xpath("//t:text[@xml:lang='en']//t:gap/@corresp", namespaces=NS)}
        assert dutch == english and not gaps, path.name
        assert len(english) >= len(dutch) - len(gaps)


def test_standin_output_passes_the_archive_checks(standin_output, tei_schema):
    # pointers resolve, ids unique, languages declared (nl-BE documents too), file name = xml:id
    folder = standin_output[0]
    for path in sorted(folder.glob("*.xml")):
        assert archive_problems(etree.parse(str(path), archive_parser()), path) == [], path.name
    d002 = etree.parse(str(folder / "d002.xml"))  # Flemish: authority labels in nl, declared
    assert d002.xpath("//t:langUsage/t:language/@ident", namespaces=NS) == ["nl-BE", "en", "nl"]
    extent = {
        (m.get("unit"), m.get(XML_LANG)): int(m.get("quantity")) for m in d002.iterfind(".//t:extent/t:measure", NS)
    }
    assert (
        extent[("sentences", "nl-BE")]
        == extent[("sentences", "en")]
        == len(d002.xpath("//t:text[@xml:lang='nl-BE']//t:s", namespaces=NS))
    )
    assert extent[("words", "nl-BE")] > 3000


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("jing") is None, reason="jing is not installed (apt-get install jing)")
def test_jing_agrees(standin_output):
    folder = standin_output[0]
    files = sorted(str(p) for p in folder.glob("*.xml"))
    result = subprocess.run(["jing", str(schema_path()), *files], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout
