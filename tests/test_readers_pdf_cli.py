"""PDFs through the command line: segment, annotate, translate (stand-in model) and run on a folder."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from lxml import etree
from pdfgen import generate

from pipeline.cli import cli
from pipeline.corpus import discover
from pipeline.tei.schema import validate

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
RUN_LAYOUTS = ("letter-1col-pagina", "brief-2col-side", "advice-side", "letter-small")


@pytest.fixture(scope="module")
def pdf_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf-in")
    return folder, {name: generate(name, folder) for name in RUN_LAYOUTS}


@pytest.fixture(scope="module")
def run_output(pdf_folder, tmp_path_factory, tei_schema):
    folder, _ = pdf_folder
    out = tmp_path_factory.mktemp("pdf-out")
    result = CliRunner().invoke(cli, ["run", str(folder), "-o", str(out), "--no-translate"])
    return result, out


def test_a_folder_of_pdfs_is_found_as_form_pdf(pdf_folder):
    folder, generated = pdf_folder
    entries = discover(folder)
    assert sorted(entry.id for entry in entries) == sorted(generated)
    assert {entry.meta.form for entry in entries} == {"pdf"}


def test_segment_prints_the_sentences_of_a_pdf(pdf_folder):
    _, generated = pdf_folder
    item = generated["brief-2col-side"]
    result = CliRunner().invoke(cli, ["segment", "--format", "jsonl", str(item.path)])
    assert result.exit_code == 0, result.output
    texts = [json.loads(line)["text"] for line in result.output.splitlines()]
    for sentence in item.truth.sentences:
        assert sentence in texts
    assert "Stichting Zeewacht | Notitie" not in texts  # the running header is not a sentence


def test_annotate_reads_a_pdf(pdf_folder):
    _, generated = pdf_folder
    result = CliRunner().invoke(cli, ["annotate", "--format", "jsonl", str(generated["letter-small"].path)])
    assert result.exit_code == 0, result.output
    entities = {json.loads(line)["entity"] for line in result.output.splitlines()}
    assert "org.iom" in entities  # in the body
    assert "https://zoek.officielebekendmakingen.nl/kst-30573-210.html" in entities  # in footnote 1


def test_translate_reads_a_pdf(pdf_folder, standin_argosmodel, tmp_path):
    _, generated = pdf_folder
    path = generated["letter-small"].path
    args = ["translate", "--format", "jsonl", "--model", str(standin_argosmodel), "--no-cache", str(path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    sources = [row["source"] for row in rows]
    assert sources[0] == generated["letter-small"].truth.headings[0]
    assert all(sentence in sources for sentence in generated["letter-small"].truth.sentences)
    assert all(row["translation"] for row in rows)


def test_run_on_a_folder_of_pdfs_gives_valid_tei(run_output, tei_schema):
    result, out = run_output
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in out.glob("*.xml")) == sorted([*RUN_LAYOUTS, "corpus"])
    for path in out.glob("*.xml"):
        assert validate(tei_schema, path) == [], path


def test_tei_has_page_breaks_page_numbers_and_running_headers(run_output, pdf_folder):
    _, out = run_output
    _, generated = pdf_folder
    for name in RUN_LAYOUTS:
        truth = generated[name].truth
        tree = etree.parse(str(out / f"{name}.xml"))
        dutch = tree.xpath(".//t:text[@xml:lang='nl']", namespaces=TEI)[0]
        assert [pb.get("n") for pb in dutch.iterfind(".//t:pb", TEI)] == _printed_numbers(truth.page_numbers)
        page_numbers = [fw.text for fw in dutch.iterfind(".//t:fw[@type='pageNum']", TEI)]
        assert page_numbers == truth.page_numbers
        headers = [fw.text for fw in dutch.iterfind(".//t:fw[@type='header']", TEI)]
        expected = [s for page_h, page_f in zip(truth.headers, truth.footers) for s in page_h + page_f]
        assert sorted(headers) == sorted(s for s in expected if s not in truth.page_numbers)
        notes = dutch.findall(".//t:note[@place='foot']", TEI)
        assert [note.get("n") for note in notes] == [label for label, _ in truth.notes]


def _printed_numbers(page_numbers: list[str]) -> list[str]:
    """`3` of `Pagina 3 van 12`, `- 3 -`, `3/12`, `blz. 3`; a roman numeral as printed."""
    return [(re.findall(r"\d+", n) or [n])[0] for n in page_numbers]


def test_manifest_entry_with_form_pdf(tmp_path):
    generated = generate("ruling-1col", tmp_path)
    (tmp_path / "manifest.yaml").write_text(
        "documents:\n  - id: uitspraak\n    file: ruling-1col.pdf\n    title: Samenvatting van de uitspraak\n"
        "    form: pdf\n",
        encoding="utf-8",
    )
    (entry,) = discover(tmp_path)
    assert (entry.id, entry.meta.form) == ("uitspraak", "pdf")
    result = CliRunner().invoke(cli, ["segment", str(generated.path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Samenvatting van de uitspraak"


def test_manifest_entry_reading_a_pdf_as_text_is_refused(tmp_path):
    generate("ruling-1col", tmp_path)
    (tmp_path / "manifest.yaml").write_text(
        "documents:\n  - id: uitspraak\n    file: ruling-1col.pdf\n    title: Uitspraak\n    form: pdf-text\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["segment", str(tmp_path / "ruling-1col.pdf")])
    assert result.exit_code == 1
    assert "is a PDF file, not text: read it as `form: pdf`" in result.output
