"""The PDF-text reader on the real corpus files (GUIDE §1) and on small hand-made texts."""

from __future__ import annotations

import re

import pytest

from pipeline.model import BlockKind
from pipeline.readers import read_document, read_path

BODY = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.BOX, BlockKind.CLOSER)


@pytest.fixture(scope="module")
def docs(corpus_entries):
    return {entry.id: read_document(entry) for entry in corpus_entries}


def texts(doc, *kinds):
    return [b.text for b in doc.blocks if b.kind in kinds]


def the_block(doc, fragment, *kinds):
    found = [b for b in doc.blocks if fragment in b.text and (not kinds or b.kind in kinds)]
    assert len(found) == 1, f"{fragment!r} is in {len(found)} blocks"
    return found[0]


# -- d000: the sentence interrupted by footnote 2 at a page break ---------------------------


def test_d000_interrupted_sentence_is_whole_in_one_paragraph(docs):
    doc = docs["d000"]
    sentence = (
        "Zoals ik ook in mijn brief aan uw Kamer d.d. 20 december heb aangegeven "
        "(Kamerstuk 21 501-20, nr. 1280), acht het kabinet het van belang om de bredere "
        "Europese en internationale inzet in Libië te blijven ondersteunen, juist nu deze effect heeft."
    )
    block = the_block(doc, sentence)
    assert block.kind is BlockKind.PARAGRAPH
    assert block.lines == (84, 95)
    assert "Zie o.a." not in block.text


def test_d000_footnote_2_is_its_own_note_and_the_marker_points_to_it(docs):
    doc = docs["d000"]
    note = the_block(doc, "Zie o.a. het verslag", BlockKind.NOTE)
    assert note.label == "2"
    assert (
        note.text == "Zie o.a. het verslag van de Europese Raad van 14–15 december 2017, Kamerstuk 21 501-20, nr. 1281."
    )
    marked = the_block(doc, "Justitie en Binnenlandse Zaken.")
    ref = marked.note_refs[0]
    assert (ref.label, ref.note) == ("2", note.id)
    assert marked.text[ref.offset - len("Zaken") : ref.offset] == "Zaken"  # marker stood after "Zaken"
    assert marked.text[ref.offset] == "."


def test_d000_blocks_in_reading_order(docs):
    doc = docs["d000"]
    assert [b.id for b in doc.blocks] == [f"b{i}" for i in range(1, len(doc.blocks) + 1)]
    kinds = [b.kind.value for b in doc.blocks]
    assert kinds == ["page_break"] + ["paragraph"] * 3 + ["page_break"] + ["paragraph"] * 4 + [
        "note",
        "page_break",
        "closer",
    ]
    assert doc.blocks[-1].text == "De Staatssecretaris van Justitie en Veiligheid, M.G.J. Harbers"


@pytest.mark.parametrize(
    "doc_id, fragment, label, after",
    [
        ("d000", "naar hun herkomstland.", "1", "herkomstland."),  # digit after the full stop
        ("d000", "meerdere wettelijke taken heeft. De", "3", "heeft."),
        ("d001", "de beide parlementen, gemeentes", "1", "parlementen"),
        ("d003", "migratiedruk op Italië te verminderen, is", "1", "verminderen"),
        ("d003", "1.300 km, is er", "2", "km,"),  # after a comma, with a real number before
        ("d003", "mensenrechtensituatie in Noord-Korea. Kan", "3", "Noord-Korea."),
        ("d002", "in augustus 2016. Migratie-experts", "1", "2016."),  # "2016. 1" at a line end
        ("d002", "om migranten met geweld tegen te houden. Daarnaast", "2", "houden"),
        ("d002", "de Verklaring van Parijs, die", "25", "Parijs"),
        ("d002", "(die in april 2017 werd gedood), de neef", "11", "gedood"),
        ("d002", "voor Libië (UNSMIL) om", "32", "UNSMIL"),  # across a line-end hyphen
        ("d002", "ingezet als slaven in criminele netwerken.", "17", "netwerken."),  # "ken. 17" at a line end
        ("d002", "van ‘push backs’ aan derde landen kan", "*", "backs’"),
        ("d002", "aan derde landen kan niet", "**", "landen"),
    ],
)
def test_glued_footnote_markers_become_note_refs(docs, doc_id, fragment, label, after):
    block = the_block(docs[doc_id], fragment)
    offsets = [ref.offset for ref in block.note_refs if ref.label == label]
    assert any(block.text[:offset].endswith(after) for offset in offsets), (label, block.note_refs)


@pytest.mark.parametrize(
    "doc_id, number",
    [
        ("d001", "tussen 2.000 en 3.000."),
        ("d001", "Veiligheidsraadresoluties 1.325 (vrouwen"),
        ("d003", "tijdens de G20-top gemaakte"),
        ("d003", "tijdens de 71ste AVVN"),
        ("d003", "met EUR 35 mln verhogen"),
        ("d003", "in art. 5 dat een gewapende"),
        ("d002", "kan niet voor 11.11.11. Het argument"),
        ("d000", "ruim 6.500 migranten"),
    ],
)
def test_real_numbers_are_not_taken_for_markers(docs, doc_id, number):
    the_block(docs[doc_id], number)


def test_note_counts_and_labels(docs):
    assert [(b.label, b.text[:20]) for b in docs["d001"].blocks if b.kind is BlockKind.NOTE] == [
        ("1", "House of Representat")
    ]
    assert [b.label for b in docs["d003"].blocks if b.kind is BlockKind.NOTE] == ["1", "2", "3"]
    assert [b.label for b in docs["d002"].blocks if b.kind is BlockKind.NOTE] == ["*", "**"]
    url = the_block(docs["d003"], "https://ec.europa.eu", BlockKind.NOTE)
    assert "/european-agenda-migration/20170704_action_plan" in url.text  # URL rejoined, hyphen kept


@pytest.mark.parametrize(
    "doc_id, furniture",
    [
        ("d000", "Zie o.a. het verslag"),
        ("d001", "House of Representatives (HoR) in Tobruk"),
        ("d003", "https://ec.europa.eu"),
        ("d003", "Beantwoording vragen over het uitoefenen"),
        ("d002", "Mensen onderscheppen op zee"),
        ("d002", "Landen die geen lid zijn"),
        ("d002", "DOOR SAMEN TE WERKEN"),
        ("d002", "In Libië is al jaren een gewapend conflict"),
        ("d002", "De ‘realistische’ Europese oplossingen"),
    ],
)
def test_no_footnote_box_or_pull_quote_text_inside_a_paragraph(docs, doc_id, furniture):
    assert not [t for t in texts(docs[doc_id], BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) if furniture in t]


def test_no_page_number_inside_body_text(docs):
    doc = docs["d002"]
    assert [b.label for b in doc.blocks if b.kind is BlockKind.PAGE_NUMBER] == ["1", "2", "3", "4", "5"]
    # the body line before page number 3 and the one after it are not glued to a "3"
    assert not [t for t in texts(doc, *BODY) if re.search(r"verplichtingen 3|gebracht\. 3", t)]


def test_no_block_keeps_a_line_end_hyphen_split(docs):
    allowed = re.compile(
        r"(zee|kernwapen|arbeids|energie|grens|drugs|opsporings|registratie|Sahel|transit|mensenhandel|\w+)- (en|of) "
    )
    for doc in docs.values():
        for block in doc.blocks:
            text = allowed.sub("", block.text)
            assert not re.search(r"[^\W\d_]- [a-zà-ÿ]", text), (doc.id, block.id, block.text)
    assert "International te sturen" in the_block(docs["d000"], "rapport van Amnesty International").text
    assert "mensenrechten van migranten" in the_block(docs["d002"], "het niet nauw nemen met de mensenrechten").text


def test_headings(docs):
    d001 = texts(docs["d001"], BlockKind.HEADING)
    assert d001[:3] == ["Stand van zaken", "Politiek proces", "Veiligheid en terrorisme"]
    assert "Migratie" in d001 and "Chemische stoffen" in d001
    d003 = [(b.label, b.text) for b in docs["d003"].blocks if b.kind is BlockKind.HEADING]
    assert ("1.", "Antwoord van het kabinet:") in d003
    assert sum(1 for label, text in d003 if text == "Antwoord van het kabinet:") == 21
    assert ("4.1.", "Verklaring van Parijs") in [(b.label, b.text) for b in docs["d002"].blocks]


def test_d002_pull_quotes_and_boxes_are_their_own_blocks(docs):
    doc = docs["d002"]
    quotes = texts(doc, BlockKind.PULL_QUOTE)
    assert [q[:22] for q in quotes] == [
        "“DOOR SAMEN TE WERKEN ",
        "“DOOR GRENSBEWAKING TE",
        "“DE VERDEDIGING EN PRO",
        "“BELGIË HERVESTIGT AMP",
    ]
    assert quotes[0].endswith("CONSOLIDEERT ZE MEE DE LIBISCHE INSTABILITEIT.”")
    box = the_block(doc, "In Libië is al jaren een gewapend conflict aan de gang.", BlockKind.BOX)
    assert box.lines == (113, 121)
    assert box.text.endswith("brengt op termijn meer migratie naar Europa met zich mee.")
    assert len(texts(doc, BlockKind.BOX)) == 5


def test_d002_body_paragraph_continues_across_box_and_heading(docs):
    doc = docs["d002"]
    block = the_block(doc, "De status van ‘veilig derde land’ is weliswaar duidelijk niet van toepassing voor Libië.")
    assert block.kind is BlockKind.PARAGRAPH
    quote = the_block(doc, "“In Libya’s present landscape this tunnelled focus")
    assert "risks delegitimizing any fledgling Libyan government and destabilising the country" in quote.text
    # what interrupted the paragraphs follows them, in input order
    position = {b.id: i for i, b in enumerate(doc.blocks)}
    box = the_block(doc, "Los van de vraag of de beschuldigingen", BlockKind.BOX)
    heading = the_block(doc, "gaan in tegen het internationaal recht", BlockKind.HEADING)
    assert position[block.id] < position[box.id] < position[heading.id]


def test_d002_lists(docs):
    doc = docs["d002"]
    numbered = [b.label for b in doc.blocks if b.kind is BlockKind.LIST_ITEM and b.label != "•"]
    assert numbered == [f"{n}." for n in range(1, 12)]
    first = the_block(doc, "Werk niet samen met dubieuze milities:", BlockKind.LIST_ITEM)
    assert first.text.endswith("elke samenwerking met mensensmokkelaars en milities onmiddellijk stopzetten.")
    bullets = [b.text for b in doc.blocks if b.label == "•"]
    assert len(bullets) == 12
    assert bullets[0] == (
        "ondersteuning van de Libische kustwacht via trainingen, materiaal (boten, "
        "communicatiegereedschap en reddingsmateriaal), en onderhoud van de bestaande vloot."
    )


def test_closers(docs):
    assert texts(docs["d001"], BlockKind.CLOSER) == ["De Minister van Buitenlandse Zaken, A.G. Koenders"]
    assert texts(docs["d003"], BlockKind.CLOSER) == []


def test_a_paragraph_across_a_page_break_is_one_block(docs):
    block = the_block(docs["d003"], "Het kabinet acht het daarom van belang dat de EU en lidstaten maatregelen")
    assert block.lines == (118, 142)
    page_break = next(b for b in docs["d003"].blocks if b.kind is BlockKind.PAGE_BREAK and b.lines == (121, 121))
    assert page_break.text == ""


def test_small_hand_made_text(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(
        " Inleiding\n\nHet kabinet steunt de VN-\nonderhandelingen over Noord-\nKorea en de zee-\n"
        "en landsgrenzen van het herkomst-\nland.1\n\nDe Minister van Buitenlandse Zaken,\nA.B. Naam\n",
        encoding="utf-8",
    )
    doc = read_path(path)
    assert [(b.kind.value, b.text) for b in doc.blocks] == [
        ("page_break", ""),
        ("heading", "Inleiding"),
        (
            "paragraph",
            "Het kabinet steunt de VN-onderhandelingen over Noord-Korea en de zee- en landsgrenzen van het herkomstland.",
        ),
        ("closer", "De Minister van Buitenlandse Zaken, A.B. Naam"),
    ]
    assert doc.blocks[2].note_refs[0].label == "1"
    assert doc.blocks[2].note_refs[0].note is None  # the note text is not in the file
