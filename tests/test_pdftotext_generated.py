"""The PDF-text reader on `pdftotext` output of the generated PDFs (tests/pdfgen.py), checked against what was typeset.

Each generated PDF is turned into text by `pdftotext -layout` and by plain
`pdftotext`, as a user would, and read as `form: pdf-text`. The checks are the
issue's: every running header and footer is page furniture, every footnote a
note, every sentence as typeset (those cut by a page or column break whole), no
word left split, no word lost or invented.

Where the text `pdftotext` made has lost what a check needs, the case is marked
`xfail(strict=True)` with what was lost, so it fails the day the text carries it
again.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter

import pdfgen
import pytest
from lxml import etree

from pipeline.model import BlockKind
from pipeline.readers import read_path
from pipeline.readers.pagefurniture import page_number
from pipeline.run import RunOptions, run_pipeline
from pipeline.segment import segment
from pipeline.tei.options import ExportOptions
from pipeline.tei.schema import validate

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")

MODES = {"layout": ["-layout"], "plain": []}
WORD = re.compile(r"[^\W\d_]+|\d+")
BODY = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.CLOSER)
FURNITURE = (BlockKind.FW_HEADER, BlockKind.FW_FOOTER, BlockKind.PAGE_NUMBER)

# plain pdftotext orders the blocks of a two-column page by its own flow analysis: here it
# printed the top of the right column before the left one and a heading of the left column
# inside the right column's text, so sentences and words cut by the column break are apart
_ORDER = "plain pdftotext printed the blocks of the two-column page out of reading order"
# plain pdftotext removes line-end hyphens itself, a kept one included (`VN-` + `Vluchtelingenagentschap`)
_DEHYPHENATED = "plain pdftotext joined a hyphenated line itself, dropping a hyphen that belongs to the word"
# a side box set beside the body comes out of plain pdftotext as paragraphs between body paragraphs
_BOX = "plain pdftotext prints a side box among the body paragraphs, with nothing to set it apart"
# superscript note labels set in the note area: plain pdftotext printed them as lines of their own in the
# middle of the page, with the body's cut sentence and the side box between them and their texts
_LABELS = "plain pdftotext printed the notes' superscript labels mid-page, far from their texts"

# plain pdftotext printed the note labels of a two-column page between its columns (after the left
# column's last line, a word cut there), their texts at the foot of the page
_LABELS_BETWEEN = "plain pdftotext printed the note labels between the columns, apart from their texts"
# a note running on to the next page: plain pdftotext printed its rest after the next note's label,
# where it reads as that note's text; the rest's own indent, which tells it apart in -layout, is gone
_CONTINUED = "plain pdftotext printed the rest of a note continued on the next page after the next note's label"

LOST = {
    ("letter-2col", "plain"): {"sentences": _ORDER, "words": _ORDER},
    ("brief-2col", "plain"): {"sentences": _ORDER, "words": _DEHYPHENATED, "notes": _DEHYPHENATED},
    ("letter-side", "plain"): {"sentences": _BOX},
    ("brief-2col-side", "plain"): {"sentences": _LABELS, "words": _LABELS, "notes": _LABELS},
    ("brief-2col-title", "plain"): {"sentences": _ORDER, "words": _ORDER, "notes": _ORDER},
    ("advice-2col", "plain"): {"sentences": _LABELS_BETWEEN, "words": _LABELS_BETWEEN, "notes": _LABELS_BETWEEN},
    ("advice-2col-justified", "plain"): {
        "sentences": _LABELS_BETWEEN,
        "words": _LABELS_BETWEEN,
        "notes": _LABELS_BETWEEN,
    },
    ("brief-1col", "plain"): {"words": _CONTINUED, "notes": _CONTINUED},
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    return {name: pdfgen.generate(name, folder) for name in pdfgen.LAYOUTS}


@pytest.fixture(scope="module")
def read(generated, tmp_path_factory):
    """(layout name, mode) -> the segmented document read from pdftotext's text of that PDF."""
    folder = tmp_path_factory.mktemp("text")
    cache = {}

    def read_one(name, mode):
        if (name, mode) not in cache:
            text = folder / f"{name}-{mode}.txt"
            subprocess.run([PDFTOTEXT, *MODES[mode], str(generated[name].path), str(text)], check=True)
            cache[name, mode] = segment(read_path(text))
        return cache[name, mode]

    return read_one


def cases(check: str) -> list:
    """Every layout in both modes; where the text lost what `check` needs, a strict xfail naming the loss."""
    found = []
    for name in pdfgen.LAYOUTS:
        for mode in MODES:
            reason = LOST.get((name, mode), {}).get(check)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            found.append(pytest.param(name, mode, marks=marks, id=f"{name}-{mode}"))
    return found


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body_sentences(doc) -> list[str]:
    return [s.text for block, s in doc.sentences() if block.kind in BODY]


@pytest.mark.parametrize("name, mode", cases("furniture"))
def test_every_running_header_and_footer_is_page_furniture(generated, read, name, mode):
    truth = generated[name].truth
    doc = read(name, mode)
    # pdftotext may drop the spaces of `- 3 -` set in a small font: compared without spaces
    furniture = Counter(squeezed(b.text or b.label) for b in doc.blocks if b.kind in FURNITURE)
    printed = Counter(squeezed(s) for page in truth.headers + truth.footers for s in page)
    assert furniture == printed
    # every page starts with a break carrying the number it prints
    assert [b.label for b in doc.blocks if b.kind is BlockKind.PAGE_BREAK] == [
        page_number(printed) for printed in truth.page_numbers
    ]


@pytest.mark.parametrize("name, mode", cases("notes"))
def test_every_footnote_is_a_note_and_its_marker_points_to_it(generated, read, name, mode):
    truth = generated[name].truth
    doc = read(name, mode)
    notes = [(b.label, " ".join(b.text.split())) for b in doc.blocks if b.kind is BlockKind.NOTE]
    assert notes == [(label, " ".join(text.split())) for label, text in truth.notes]
    note_ids = {b.id for b in doc.blocks if b.kind is BlockKind.NOTE}
    refs = [ref for b in doc.blocks if b.kind in BODY for ref in b.note_refs]
    assert sorted(ref.label for ref in refs) == sorted(label for label, _ in truth.notes)
    assert all(ref.note in note_ids for ref in refs)


@pytest.mark.parametrize("name, mode", cases("sentences"))
def test_sentences_as_typeset_and_those_cut_by_a_break_whole(generated, read, name, mode):
    truth = generated[name].truth
    sentences = body_sentences(read(name, mode))
    cut = [s for s in truth.sentences if any(b.sentence_cut and b.word and b.word in s for b in truth.breaks)]
    assert cut, "the layout cuts no sentence at a break"
    assert [s for s in cut if s not in sentences] == []
    assert sentences == truth.sentences


@pytest.mark.parametrize("name, mode", cases("words"))
def test_no_word_lost_split_or_invented(generated, read, name, mode):
    truth = generated[name].truth
    doc = read(name, mode)
    words: Counter = Counter()
    for block in doc.blocks:
        if block.kind is not BlockKind.PAGE_BREAK:  # a page break's label is the page number, not printed there
            words.update(WORD.findall(block.text))
            words.update(WORD.findall(block.label or ""))
    expected = Counter(WORD.findall(truth.all_text()))
    assert (expected - words, words - expected) == (Counter(), Counter())
    for cut in truth.breaks:
        if cut.word:
            assert any(cut.word in block.text for block in doc.blocks), cut


def test_a_folder_of_pdftotext_texts_exports_valid_tei_with_page_furniture(generated, tmp_path, tei_schema):
    names = ("letter-2col", "brief-1col", "advice-side")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in names:
        subprocess.run([PDFTOTEXT, "-layout", str(generated[name].path), str(corpus / f"{name}.txt")], check=True)
    output = tmp_path / "out"
    summary = run_pipeline(RunOptions(corpus, output, ExportOptions(date="2024-01-01")), schema=tei_schema)
    assert summary.documents == 3
    tei = "{http://www.tei-c.org/ns/1.0}"
    for name in names:
        truth = generated[name].truth
        tree = etree.parse(str(output / f"{name}.xml"))
        assert validate(tei_schema, tree) == []
        body = tree.find(f".//{tei}text[@{{http://www.w3.org/XML/1998/namespace}}lang='nl']")
        assert [pb.get("n") for pb in body.iter(f"{tei}pb")] == [page_number(p) for p in truth.page_numbers]
        headers = [fw.text for fw in body.iter(f"{tei}fw") if fw.get("type") == "header"]
        assert headers == [h for page in truth.headers for h in page if page_number(h) is None]
        assert len(list(body.iter(f"{tei}note"))) == len(truth.notes)
