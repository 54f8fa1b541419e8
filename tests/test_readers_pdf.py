"""The PDF reader on generated PDFs of varied layout (tests/pdfgen.py), against what was typeset.

Each layout is checked for what a user relies on: running headers and footers are page
furniture, footnotes are notes linked from their markers, sentences cut by a page or
column break are whole, no word is split or lost, sentence boundaries are as typeset.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from pdfgen import LAYOUTS, generate

from pipeline.model import BlockKind
from pipeline.readers import read_path
from pipeline.segment import segment

_WORD = re.compile(r"[\w’'-]+")
_FURNITURE = (BlockKind.FW_HEADER, BlockKind.FW_FOOTER, BlockKind.PAGE_NUMBER)


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdfs")
    return {name: generate(name, folder) for name in LAYOUTS}


@pytest.fixture(scope="session")
def read(generated):
    return {name: segment(read_path(item.path)) for name, item in generated.items()}


def words(text: str) -> Counter:
    return Counter(w.strip("-'’").lower() for w in _WORD.findall(text) if w.strip("-'’"))


def blocks(doc, *kinds):
    return [b for b in doc.blocks if b.kind in kinds]


LAYOUT_NAMES = sorted(LAYOUTS)


def test_there_are_at_least_twelve_layouts():
    assert len(LAYOUTS) >= 12
    assert {layout.columns for layout in LAYOUTS.values()} == {1, 2}
    assert len({layout.page_style for layout in LAYOUTS.values()}) == 6


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_every_running_header_and_footer_is_furniture(name, generated, read):
    truth, doc = generated[name].truth, read[name]
    expected = Counter(s for page in truth.headers + truth.footers for s in page)
    found = Counter(b.text for b in blocks(doc, *_FURNITURE))
    assert found == expected
    numbers = [b.label for b in blocks(doc, BlockKind.PAGE_BREAK)]
    assert numbers == [(re.findall(r"\d+", n) or [n])[0] for n in truth.page_numbers]  # 3 of "Pagina 3 van 12"


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_running_footers_are_told_from_running_headers(name, generated, read):
    # <fw type="header"> or type="footer": where the line stood on the page matters to a reader of the TEI
    truth, doc = generated[name].truth, read[name]
    headers = Counter(s for page in truth.headers for s in page)
    footers = Counter(s for page in truth.footers for s in page)
    assert Counter(b.text for b in blocks(doc, BlockKind.FW_HEADER)) <= headers
    assert Counter(b.text for b in blocks(doc, BlockKind.FW_FOOTER)) <= footers
    assert bool(blocks(doc, BlockKind.FW_FOOTER)) == bool(LAYOUTS[name].footer_text)


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_every_footnote_is_a_note_linked_from_its_marker(name, generated, read):
    truth, doc = generated[name].truth, read[name]
    notes = blocks(doc, BlockKind.NOTE)
    assert [(n.label, n.text) for n in notes] == truth.notes
    refs = [ref for b in doc.blocks for ref in b.note_refs]
    assert sorted(r.label for r in refs) == sorted(label for label, _ in truth.notes)
    ids = {n.label: n.id for n in notes}
    assert all(ref.note == ids[ref.label] for ref in refs)


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_sentences_are_as_typeset_also_across_breaks(name, generated, read):
    truth, doc = generated[name].truth, read[name]
    body = [s.text for b in blocks(doc, BlockKind.PARAGRAPH) for s in b.sentences]
    assert body == truth.sentences


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_paragraphs_and_headings_as_typeset(name, generated, read):
    truth, doc = generated[name].truth, read[name]
    assert [b.text for b in blocks(doc, BlockKind.PARAGRAPH)] == truth.paragraphs
    headings = [f"{b.label} {b.text}" if b.label else b.text for b in blocks(doc, BlockKind.HEADING)]
    assert headings == truth.headings


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_side_boxes_and_pull_quotes_kept_apart(name, generated, read):
    truth, doc = generated[name].truth, read[name]
    assert [b.text for b in blocks(doc, BlockKind.BOX)] == truth.boxes
    assert [b.text for b in blocks(doc, BlockKind.PULL_QUOTE)] == truth.pull_quotes


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_no_word_lost_split_or_invented(name, generated, read):
    truth, doc = generated[name].truth, read[name]
    typeset = words(truth.all_text())
    found = words(
        "\n".join(f"{b.label} {b.text}" if b.label and b.kind is BlockKind.NOTE else b.text for b in doc.blocks)
    )
    found.update(words(" ".join(b.label for b in blocks(doc, BlockKind.HEADING) if b.label)))
    assert found == typeset


def test_the_layouts_cut_words_and_sentences_at_page_and_column_breaks(generated):
    breaks = [b for item in generated.values() for b in item.truth.breaks]
    assert sum(1 for b in breaks if b.kind == "page" and b.word and b.sentence_cut) >= 5
    assert sum(1 for b in breaks if b.kind == "column" and b.word and b.sentence_cut) >= 3
    assert any(item.truth.continued_notes for item in generated.values())


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_words_cut_by_a_break_are_whole(name, generated, read):
    doc = read[name]
    text = " ".join(b.text for b in doc.blocks)
    for cut in generated[name].truth.breaks:
        if cut.word:
            assert re.search(rf"(?<!\w){re.escape(cut.word)}(?!\w)", text), cut


@pytest.mark.slow
def test_a_hundred_page_document_reads_as_typeset(tmp_path):
    from pdfgen import long_document

    generated = long_document(tmp_path, 100)
    doc = segment(read_path(generated.path))
    assert [s.text for b in blocks(doc, BlockKind.PARAGRAPH) for s in b.sentences] == generated.truth.sentences
    assert [(b.label, b.text) for b in blocks(doc, BlockKind.NOTE)] == generated.truth.notes
    assert len(blocks(doc, BlockKind.PAGE_NUMBER)) == generated.truth.pages


def _pdf(path, pages):
    """A small PDF: each page a list of (x, y, text, size) strings, or None for an image-only page."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(420, 595), invariant=1)
    for strings in pages:
        if strings is None:
            pdf.drawImage(ImageReader(Image.new("L", (40, 60), 128)), 20, 20, 380, 555)
        for x, y, text, size in strings or ():
            pdf.setFont("Times-Roman", size)
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return path


def test_a_page_without_text_layer_is_named_in_a_warning(tmp_path):
    body = [(50, 500, "Dit is de eerste zin van de brief.", 10), (50, 487, "En dit is de tweede zin.", 10)]
    doc = read_path(_pdf(tmp_path / "gemengd.pdf", [body, None, body]))
    assert doc.warnings == ("page 2 has no text layer (an image?): nothing read from it",)
    assert [b.label for b in blocks(doc, BlockKind.PAGE_BREAK)] == [None, None, None]


def test_a_lone_page_number_is_furniture_without_repetition(tmp_path):
    strings = [(50, 500, "Een brief van één pagina met een enkele zin.", 10), (200, 40, "- 1 -", 8)]
    doc = read_path(_pdf(tmp_path / "een.pdf", [strings]))
    assert [(b.kind, b.text, b.label) for b in doc.blocks] == [
        (BlockKind.PAGE_BREAK, "", "1"),
        (BlockKind.PARAGRAPH, "Een brief van één pagina met een enkele zin.", None),
        (BlockKind.PAGE_NUMBER, "- 1 -", "1"),
    ]


def test_a_repeated_footnote_above_the_footer_stays_a_note(tmp_path):
    """`Ibid.` at the same height on two pages repeats, but stands between footer and body."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    sentence = "Het kabinet verwijst naar het eerdere verslag."
    end = 50 + stringWidth(sentence, "Times-Roman", 10)
    pages = [
        [(50, 500, sentence, 10), (end, 503.5, label, 6), (50, 70, f"{label} Ibid.", 7.5), (200, 40, label, 8)]
        for label in ("1", "2")
    ]
    doc = read_path(_pdf(tmp_path / "ibid.pdf", pages))
    assert [(b.label, b.text) for b in blocks(doc, BlockKind.NOTE)] == [("1", "Ibid."), ("2", "Ibid.")]
    assert [b.text for b in blocks(doc, BlockKind.PAGE_NUMBER)] == ["1", "2"]


def test_rotated_text_repeated_up_the_margin_is_furniture(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "kenmerk.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(420, 595), invariant=1)
    for number in (1, 2):
        pdf.setFont("Times-Roman", 10)
        pdf.drawString(50, 500, f"Dit is de enige zin op pagina {number}.")
        pdf.saveState()
        pdf.translate(400, 300)
        pdf.rotate(90)
        pdf.setFont("Helvetica", 7)
        pdf.drawString(0, 0, "Kenmerk 2024-0012")
        pdf.restoreState()
        pdf.showPage()
    pdf.save()
    doc = read_path(path)
    assert [b.text for b in blocks(doc, BlockKind.FW_HEADER)] == ["Kenmerk 2024-0012"] * 2
    assert doc.warnings == ()


def test_small_print_after_the_last_note_is_not_glued_to_it(tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    sentence = "Het kabinet verwijst naar het verslag."
    end = 50 + stringWidth(sentence, "Times-Roman", 10)
    more = [(50, 487 - 13 * i, "Daarin staan de bevindingen van de commissie over dit onderwerp", 10) for i in range(4)]
    pages = [
        [(50, 500, sentence, 10), (end, 503.5, "1", 6), *more, (50, 90, "1 Zie het verslag van de commissie.", 7.5)],
        [
            (50, 500, "Hoogachtend, namens het kabinet.", 10),
            *more,
            (50, 90, "Dit document is digitaal ondertekend.", 7.5),
        ],
    ]
    doc = read_path(_pdf(tmp_path / "ondertekend.pdf", pages))
    assert [(b.label, b.text) for b in blocks(doc, BlockKind.NOTE)] == [("1", "Zie het verslag van de commissie.")]
    assert blocks(doc, BlockKind.PARAGRAPH)[-1].text == "Dit document is digitaal ondertekend."
