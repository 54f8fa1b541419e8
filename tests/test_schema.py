"""Validation: answers are tei_all's, fast for what the exporter writes (the subset), and
tei_all itself decides for everything else."""

from __future__ import annotations

import pytest
from lxml import etree
from test_tei_export import rich_document

from pipeline.tei import schema
from pipeline.tei.export import document_to_tei
from pipeline.tei.options import ExportOptions
from pipeline.tei.schema_subset import serialize, subset_grammar

OPTIONS = ExportOptions(date="2024-05-01")
HEADER = """<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"""


def _tei(body: str) -> bytes:
    return f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}<text><body>{body}</body></text></TEI>'.encode()


@pytest.fixture(scope="module")
def subset():
    return etree.RelaxNG(etree.parse(str(schema.schema_path(schema.SUBSET_FILE))))


def test_shipped_subset_is_the_one_derived_from_tei_all():
    """After changing ELEMENTS or tei_all.rng: python -m pipeline.tei.schema_subset"""
    full = etree.parse(str(schema.schema_path()), etree.XMLParser(remove_comments=True))
    assert schema.schema_path(schema.SUBSET_FILE).read_bytes() == serialize(subset_grammar(full))


def test_subset_accepts_what_the_exporter_writes(subset, corpus_entries):
    from pipeline.readers import read_document
    from pipeline.segment import segment

    documents = [rich_document()] + [segment(read_document(entry)) for entry in corpus_entries]
    for doc in documents:
        tree = etree.ElementTree(etree.fromstring(document_to_tei(doc, OPTIONS)))
        assert subset.validate(tree), (doc.id, subset.error_log)


@pytest.mark.parametrize(
    "body, valid_under_tei_all",
    [
        ("<p>ok</p>", True),
        ('<p><orgName ref="#x">UNHCR</orgName> <term type="obligation">recht</term></p>', True),
        ("<sp><speaker>A</speaker><p>a speech: TEI, outside the subset</p></sp>", True),
        ("<p><p>nested paragraphs</p></p>", False),
        ('<p bogus="1">unknown attribute</p>', False),
        ("<p><madeUp/></p>", False),
        ("", False),  # a body needs content
    ],
)
def test_subset_never_accepts_what_tei_all_rejects(subset, tei_schema, body, valid_under_tei_all):
    tree = etree.ElementTree(etree.fromstring(_tei(body)))
    assert tei_schema.validate(tree) is valid_under_tei_all
    if subset.validate(tree):
        assert valid_under_tei_all
    # the answer of load_schema() is always tei_all's
    assert (schema.validate(schema.load_schema(), tree) == []) is valid_under_tei_all


def test_errors_are_tei_all_messages_with_lines(tei_schema):
    [error] = schema.validate(schema.load_schema(), _tei("\n<p bogus='1'>x</p>"))
    assert error.line == 3
    assert error.message == "Invalid attribute bogus for element p"
    assert schema.validate(tei_schema, _tei("\n<p bogus='1'>x</p>")) == [error]


def test_a_file_that_is_not_xml_compiles_no_schema(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_bytes(b"%PDF-1.4 not xml")
    schema._load.cache_clear()
    [error] = schema.validate(schema.load_schema(), path)
    assert error.format(str(path)).startswith(f"{path}:1: not well-formed XML: Start tag expected")
    assert schema._load.cache_info().currsize == 0  # nothing compiled
