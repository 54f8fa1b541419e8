"""The PDF-text reader on raw `pdftotext` output (form feeds, `-layout` and plain), written here by hand.

The texts imitate what `pdftotext` makes of a Dutch letter or NGO brief: a form
feed after every page, a running header and a page-number footer on each page,
footnote markers glued to words (`houden2`), the notes at the foot of the page
with blank lines and the footer between them and the form feed, and, with
`-layout`, two columns side by side on one row. None of it is corpus text.
"""

from __future__ import annotations

import pytest

from pipeline.model import BlockKind
from pipeline.readers import pdftext, read_path
from pipeline.readers.pagefurniture import page_number
from pipeline.readers.textfile import source_lines
from pipeline.segment import segment

BODY = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.CLOSER)

PAGE_1 = """\
Ministerie van Justitie en Veiligheid                                 Datum 3 april 2024



Opvang van alleenstaande minderjarigen
Hierbij informeer ik uw Kamer over de opvang van alleenstaande minderjarige
vreemdelingen. In het afgelopen jaar zijn meer jongeren aangekomen dan
verwacht, waardoor de kleinschalige opvang onder druk staat.1 Gemeenten
hebben aangegeven extra plaatsen te willen bieden, mits de financiering voor
meerdere jaren vastligt. Het kabinet onderzoekt daarom samen met de VNG be-



1 Brief van de VNG aan de staatssecretaris van 12 maart 2024.


                                   {footer1}
\f"""

PAGE_2 = """\
Ministerie van Justitie en Veiligheid                                 Datum 3 april 2024



zoek hoe de bekostiging kan worden verbeterd. De uitkomst daarvan verwacht ik
in het najaar.

Daarnaast blijft het van belang dat jongeren snel een voogd krijgen. Het
Nidos heeft toegezegd de wachttijden terug te dringen.2



2 Jaarverslag Nidos 2023, p. 14.


                                   {footer2}
"""


def write(tmp_path, text: str, name: str = "brief.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def letter(footer1: str = "1", footer2: str = "2", form_feed_at_end: bool = False) -> str:
    return PAGE_1.format(footer1=footer1) + PAGE_2.format(footer2=footer2) + ("\f" if form_feed_at_end else "")


def blocks(doc, *kinds):
    return [b for b in doc.blocks if b.kind in kinds]


def test_a_letter_across_two_pages(tmp_path):
    doc = read_path(write(tmp_path, letter()))
    assert [(b.kind.value, b.label, b.text) for b in doc.blocks] == [
        ("page_break", "1", ""),
        ("fw_header", None, "Ministerie van Justitie en Veiligheid"),
        ("fw_header", None, "Datum 3 april 2024"),
        ("heading", None, "Opvang van alleenstaande minderjarigen"),
        (
            "paragraph",
            None,
            "Hierbij informeer ik uw Kamer over de opvang van alleenstaande minderjarige vreemdelingen. "
            "In het afgelopen jaar zijn meer jongeren aangekomen dan verwacht, waardoor de kleinschalige "
            "opvang onder druk staat. Gemeenten hebben aangegeven extra plaatsen te willen bieden, mits de "
            "financiering voor meerdere jaren vastligt. Het kabinet onderzoekt daarom samen met de VNG "
            "bezoek hoe de bekostiging kan worden verbeterd. De uitkomst daarvan verwacht ik in het najaar.",
        ),
        # what the page break put inside the paragraph follows it, in input order
        ("note", "1", "Brief van de VNG aan de staatssecretaris van 12 maart 2024."),
        ("page_number", "1", ""),
        ("page_break", "2", ""),
        ("fw_header", None, "Ministerie van Justitie en Veiligheid"),
        ("fw_header", None, "Datum 3 april 2024"),
        (
            "paragraph",
            None,
            "Daarnaast blijft het van belang dat jongeren snel een voogd krijgen. "
            "Het Nidos heeft toegezegd de wachttijden terug te dringen.",
        ),
        ("note", "2", "Jaarverslag Nidos 2023, p. 14."),  # the last page has no form feed after it
        ("page_number", "2", ""),
    ]
    paragraph, note = doc.blocks[4], doc.blocks[5]
    assert [(ref.label, ref.note) for ref in paragraph.note_refs] == [("1", note.id)]
    assert paragraph.text[: paragraph.note_refs[0].offset].endswith("onder druk staat.")


def test_the_sentence_cut_by_the_page_break_is_one_sentence(tmp_path):
    doc = segment(read_path(write(tmp_path, letter())))
    sentences = [s.text for block, s in doc.sentences() if block.kind in BODY]
    assert "Het kabinet onderzoekt daarom samen met de VNG bezoek hoe de bekostiging kan worden verbeterd." in (
        sentences
    )
    assert not [s for s in sentences if "Ministerie" in s or "Brief van de VNG" in s]


@pytest.mark.parametrize(
    "footer, label",
    [
        ("{n}", "{n}"),  # a bare number: the corpus reader's PAGE_NUMBER shape (label, no text)
        ("- {n} -", "{n}"),
        ("{n}/2", "{n}"),
        ("Pagina {n} van 2", "{n}"),
        ("blz. {n}", "{n}"),
        ("pagina {n}", "{n}"),
    ],
)
def test_page_number_styles_become_page_numbers_and_label_the_page_break(tmp_path, footer, label):
    text = letter(footer.format(n=1), footer.format(n=2))
    doc = read_path(write(tmp_path, text))
    numbers = blocks(doc, BlockKind.PAGE_NUMBER)
    assert [b.text or b.label for b in numbers] == [footer.format(n=1), footer.format(n=2)]
    assert [b.label for b in blocks(doc, BlockKind.PAGE_BREAK)] == [label.format(n=1), label.format(n=2)]
    assert not [b for b in blocks(doc, *BODY) if "van 2" in b.text or "blz" in b.text]


def test_roman_page_numbers(tmp_path):
    doc = read_path(write(tmp_path, letter("iv", "v")))
    assert [b.label for b in blocks(doc, BlockKind.PAGE_BREAK)] == ["iv", "v"]
    assert [b.label for b in blocks(doc, BlockKind.PAGE_NUMBER)] == ["iv", "v"]


@pytest.mark.parametrize(
    "text, printed",
    [
        ("3", "3"),
        ("- 12 -", "12"),
        ("– 12 –", "12"),  # en dashes, as word processors set them
        ("3/12", "3"),
        ("3 / 12", "3"),
        ("Pagina 3 van 12", "3"),
        ("pagina 3", "3"),
        ("Page 3 of 12", "3"),
        ("blz. 3", "3"),
        ("xiv", "xiv"),
        ("Kamerstuk 21 501-20", None),  # numbers in a header are not a page number
        ("2024", "2024"),  # a bare number is one; a year alone on a page edge is rare
        ("In 2024", None),
        ("vi ministers", None),
    ],
)
def test_page_number_patterns(text, printed):
    assert page_number(text) == printed


def test_a_trailing_form_feed_changes_nothing(tmp_path):
    # pdftotext ends every page, the last one included, with a form feed; a trimmed file does not
    with_feed = read_path(write(tmp_path, letter(form_feed_at_end=True), "a.txt"))
    without = read_path(write(tmp_path, letter(), "b.txt"))
    assert [(b.kind, b.text, b.label) for b in with_feed.blocks] == [(b.kind, b.text, b.label) for b in without.blocks]


def test_a_line_repeated_on_one_page_edge_only_is_body_text(tmp_path):
    # each page's first line differs from the other's: no repetition, so neither is a running header
    text = letter().replace(
        "Ministerie van Justitie en Veiligheid                                 Datum 3 april 2024\n\n\n\nzoek",
        "Directie Migratiebeleid\n\n\n\nzoek",
    )
    doc = read_path(write(tmp_path, text))
    assert [b.text for b in blocks(doc, BlockKind.FW_HEADER)] == []  # neither header repeats now
    # a lone line at the top of the page does not go into the sentence the break cut; that sentence goes on
    assert "Directie Migratiebeleid" in [b.text for b in blocks(doc, BlockKind.HEADING)]
    assert any("samen met de VNG bezoek hoe" in b.text for b in blocks(doc, BlockKind.PARAGRAPH))


def test_a_number_at_the_foot_without_a_marker_in_the_body_is_not_a_note(tmp_path):
    # "2 miljoen" opens a body paragraph at the foot of the page; no `…2` marker was printed above it
    text = letter().replace(
        "1 Brief van de VNG aan de staatssecretaris van 12 maart 2024.", "3 miljoen euro is al gereserveerd."
    )
    doc = read_path(write(tmp_path, text))
    assert [b.label for b in blocks(doc, BlockKind.NOTE)] == ["2"]
    assert any("3 miljoen euro is al gereserveerd." in b.text for b in blocks(doc, BlockKind.PARAGRAPH))
    layout = pdftext.read_layout(source_lines(text))
    assert "raw PDF text: no footnote text found for marker(s) 1" in layout.warnings


def test_warnings_name_what_was_guessed():
    layout = pdftext.read_layout(source_lines(letter()))
    assert layout.warnings == [
        "raw PDF text: lines repeated at the page edges taken as running headers/footers: "
        "'ministerie van justitie en veiligheid datum # april #'"
    ]


def test_what_was_guessed_reaches_the_document_and_so_the_run_summary(tmp_path):
    doc = read_path(write(tmp_path, letter()))
    assert any("taken as running headers/footers" in w for w in doc.warnings)


def test_text_without_form_feeds_is_read_as_before(tmp_path):
    # no form feed: a tidied extraction, where a line indented by one space starts a page (the corpus form)
    doc = read_path(write(tmp_path, " Inleiding\n\nHet kabinet steunt de VN-\nonderhandelingen.\n"))
    assert [b.kind.value for b in doc.blocks] == ["page_break", "heading", "paragraph"]
    assert pdftext.read_layout(source_lines(" Inleiding\n")).warnings == []


# -- footnotes ------------------------------------------------------------------------------------------

PLAIN_JOINED = """\
Notitie opvang

Het kabinet wil de opvang van asielzoekers beter spreiden over het land.1 Daarvoor
is een wet nodig die gemeenten een taak geeft. De Raad van State heeft over het
wetsvoorstel geadviseerd en daarbij gewezen op de uitvoer1 Kamerstuk 36 333, nr. 2.
2 Advies van de Afdeling advisering, W16.23.00112/II.

1

\fNotitie opvang

baarheid voor kleine gemeenten.2 Het kabinet neemt dat advies over.

2

\f"""


def test_plain_text_that_joined_the_last_body_line_and_the_first_note(tmp_path):
    # plain pdftotext joins a page's last line and the note line below it when their spacing is close; it drops
    # the line-end hyphen as it does (`uitvoer-` + `baarheid`), which only shows as a missing space before the label
    doc = segment(read_path(write(tmp_path, PLAIN_JOINED)))
    assert [(b.label, b.text) for b in blocks(doc, BlockKind.NOTE)] == [
        ("1", "Kamerstuk 36 333, nr. 2."),
        ("2", "Advies van de Afdeling advisering, W16.23.00112/II."),
    ]
    sentences = [s.text for block, s in doc.sentences() if block.kind is BlockKind.PARAGRAPH]
    assert (
        "De Raad van State heeft over het wetsvoorstel geadviseerd en daarbij gewezen op de uitvoerbaarheid "
        "voor kleine gemeenten." in sentences
    )
    warnings = pdftext.read_layout(source_lines(PLAIN_JOINED)).warnings
    assert any("joined with note 1 by the extraction: a dropped line-end hyphen put back" in w for w in warnings)


LABELS_APART = """\
Advies waterbeheer

Gemeenten die groene daken stimuleren, zien de schade bij piekbuien afnemen.1 Voor
bestaande wijken is herinrichting kostbaar, maar het kan bij gepland onderhoud.2


1
    Zie de kennisbank van het Deltaprogramma Ruimtelijke Adaptatie, waar gemeenten
    voorbeelden van elkaar kunnen vinden.
2
    Het Nationaal Hitteplan geeft een handreiking voor lokale plannen.


                                            i
\f"""


def test_note_labels_printed_a_line_above_their_text(tmp_path):
    # -layout prints a superscript note label that sits higher than its line on a row of its own
    doc = read_path(write(tmp_path, LABELS_APART))
    assert [(b.label, b.text) for b in blocks(doc, BlockKind.NOTE)] == [
        (
            "1",
            "Zie de kennisbank van het Deltaprogramma Ruimtelijke Adaptatie, waar gemeenten voorbeelden "
            "van elkaar kunnen vinden.",
        ),
        ("2", "Het Nationaal Hitteplan geeft een handreiking voor lokale plannen."),
    ]
    assert [b.label for b in blocks(doc, BlockKind.PAGE_BREAK)] == ["i"]


CONTINUED_NOTE = """\
Notitie redding op zee

Staten moeten drenkelingen naar een veilige plaats brengen.1 Een haven in een land
waar migranten worden vastgezet, voldoet daar niet aan.

1 Zie de rapporten van de speciale VN-rapporteur over de mensenrechten van migranten,
  die beschrijven hoe migranten na terugvoering worden vastgehouden zonder toegang

                                             blz. 1
\fNotitie redding op zee

Wij vragen de regering om een voorspelbaar ontschepingsmechanisme.2

  tot advocaten of artsen.
2 Een vergelijkbaar mechanisme bestaat al in enkele lidstaten.

                                             blz. 2
\f"""


def test_a_note_that_runs_on_to_the_next_page_is_one_note(tmp_path):
    doc = read_path(write(tmp_path, CONTINUED_NOTE))
    notes = blocks(doc, BlockKind.NOTE)
    assert [(b.label, b.text) for b in notes] == [
        (
            "1",
            "Zie de rapporten van de speciale VN-rapporteur over de mensenrechten van migranten, die beschrijven "
            "hoe migranten na terugvoering worden vastgehouden zonder toegang tot advocaten of artsen.",
        ),
        ("2", "Een vergelijkbaar mechanisme bestaat al in enkele lidstaten."),
    ]
    assert [b.text for b in blocks(doc, BlockKind.PARAGRAPH)][-1] == (
        "Wij vragen de regering om een voorspelbaar ontschepingsmechanisme."
    )
    warnings = pdftext.read_layout(source_lines(CONTINUED_NOTE)).warnings
    assert "raw PDF text: page 2: note 1 continued on the next page: its rest joined to it" in warnings


# -- columns --------------------------------------------------------------------------------------------

TWO_COLUMNS = """\
Stichting Zeewacht | Notitie



Redding op zee is een plicht                               sen naar een veilige plaats. Een haven
                                                           in een land waar migranten worden vast-
Elk jaar verliezen honderden mensen het leven              gezet, voldoet daar niet aan.
bij de oversteek van de Middellandse Zee. Hulp-
organisaties die schepen inzetten, worden daarbij          Wat wij vragen
steeds vaker gehinderd door langdurige inspec-
ties in de haven. Kuststaten moeten de geredde men-        Wij vragen de regering om binnen de Europese
                                                           Unie te pleiten voor een voorspelbaar ontsche-
                                                           pingsmechanisme.


                                                i
\fStichting Zeewacht | Notitie



Daarnaast moet de steun aan kustwachten afhangen van verbeteringen in de behandeling van migranten.


                                                ii
\f"""


def test_two_columns_are_read_one_after_the_other(tmp_path):
    doc = segment(read_path(write(tmp_path, TWO_COLUMNS)))
    assert [b.text for b in blocks(doc, BlockKind.HEADING)] == ["Redding op zee is een plicht", "Wat wij vragen"]
    sentences = [s.text for block, s in doc.sentences() if block.kind is BlockKind.PARAGRAPH]
    assert sentences == [
        "Elk jaar verliezen honderden mensen het leven bij de oversteek van de Middellandse Zee.",
        "Hulporganisaties die schepen inzetten, worden daarbij steeds vaker gehinderd door langdurige "
        "inspecties in de haven.",
        # cut by the column break, hyphenated across it
        "Kuststaten moeten de geredde mensen naar een veilige plaats.",
        "Een haven in een land waar migranten worden vastgezet, voldoet daar niet aan.",
        "Wij vragen de regering om binnen de Europese Unie te pleiten voor een voorspelbaar ontschepingsmechanisme.",
        "Daarnaast moet de steun aan kustwachten afhangen van verbeteringen in de behandeling van migranten.",
    ]
    warnings = pdftext.read_layout(source_lines(TWO_COLUMNS)).warnings
    assert "raw PDF text: page 1 read in columns, split at character(s) 59" in warnings


SIDE_BOX = """\
Raad voor de leefomgeving



Verharding vergroot de wateroverlast. Waar tuinen en pleinen                  “Wie de straat toch
worden betegeld, kan regenwater niet in de bodem zakken en                    openbreekt, kan
stroomt het riool over. Gemeenten die groene daken stimuleren,                ruimte maken voor
zien de schade bij piekbuien afnemen. Voor bestaande wijken is                water.”
herinrichting kostbaar, maar het kan bij gepland onderhoud.


                                                 1
\fRaad voor de leefomgeving



De raad beveelt het Rijk aan de financiering structureel te regelen.


                                                 2
\f"""


def test_a_narrow_column_beside_the_body_is_a_side_box(tmp_path):
    doc = read_path(write(tmp_path, SIDE_BOX))
    assert [b.text for b in blocks(doc, BlockKind.BOX)] == [
        "“Wie de straat toch openbreekt, kan ruimte maken voor water.”"
    ]
    assert [b.text for b in blocks(doc, BlockKind.PARAGRAPH)][0].endswith("maar het kan bij gepland onderhoud.")
    warnings = pdftext.read_layout(source_lines(SIDE_BOX)).warnings
    assert "raw PDF text: page 1: a narrow column taken as a side box" in warnings


def test_a_table_is_not_taken_for_two_columns(tmp_path):
    # short cells at a fixed position: a table, not a second column of prose
    table = "\n".join(
        f"{name:<40}{count}"
        for name, count in [("Niger", "1.200"), ("Mali", "800"), ("Soedan", "2.500"), ("Eritrea", "3.100")]
    )
    text = f"Kop van de notitie\n\nAankomsten per land van herkomst in 2023:\n\n{table}\n\n   1\n\fKop van de notitie\n\nEinde.\n\n   2\n\f"
    layout = pdftext.read_layout(source_lines(text))
    assert not [w for w in layout.warnings if "columns" in w]


# -- running headers: repetition, not wording -------------------------------------------------------------

SENTENCES = [
    ("Het kabinet steunt de opvang in de regio met een meerjarig", "programma voor onderwijs en werk."),
    ("Gemeenten krijgen een vaste bijdrage per opvangplaats, zodat zij", "voor meerdere jaren kunnen plannen."),
    ("De evaluatie van het programma volgt in het najaar van dit", "jaar, na overleg met de partners."),
    ("Over de uitkomst van de evaluatie wordt uw Kamer daarna zo", "snel mogelijk geïnformeerd."),
]


def pages_with(headers: list[str]) -> str:
    pages = []
    for number, (header, (first, second)) in enumerate(zip(headers, SENTENCES), start=1):
        top = f"{header}\n\n\n" if header else ""
        pages.append(f"{top}{first}\n{second}\n\n\n                          {number}\n\f")
    return "".join(pages)


@pytest.mark.parametrize(
    "headers, running",
    [
        # the letterhead of page one differs; the running header starts on page two
        (
            [
                "Ministerie van Financiën, Korte Voorhout 7, Den Haag",
                "Brief over opvang",
                "Brief over opvang",
                "Brief over opvang",
            ],
            3,
        ),
        # book style: the title on even pages, the chapter on odd ones
        (["Hoofdstuk 2", "Jaarverslag 2023", "Hoofdstuk 2", "Jaarverslag 2023"], 4),
        # a header that numbers its pages: equal once the numbers are masked
        (["Notitie 2024/1", "Notitie 2024/2", "Notitie 2024/3", "Notitie 2024/4"], 4),
        # one page without its header (a full-page table, say): the others still repeat
        (["Brief over opvang", "", "Brief over opvang", "Brief over opvang"], 3),
    ],
)
def test_running_headers_are_found_by_repetition(tmp_path, headers, running):
    doc = read_path(write(tmp_path, pages_with(headers)))
    assert len(blocks(doc, BlockKind.FW_HEADER)) == running
    assert [b.label for b in blocks(doc, BlockKind.PAGE_BREAK)] == ["1", "2", "3", "4"]
    assert [b.text for b in blocks(doc, BlockKind.PARAGRAPH)] == [f"{a} {b}" for a, b in SENTENCES]


def test_a_letterhead_on_the_first_page_only_is_not_a_running_header(tmp_path):
    headers = ["Ministerie van Financiën, Korte Voorhout 7, Den Haag"] + ["Brief over opvang"] * 3
    doc = read_path(write(tmp_path, pages_with(headers)))
    assert [b.text for b in blocks(doc, BlockKind.HEADING)] == [headers[0]]
    assert [b.text for b in blocks(doc, BlockKind.FW_HEADER)] == headers[1:]


@pytest.mark.parametrize(
    "before, after, joined",
    [
        ("be-", "zoek hoe", "bezoek hoe"),  # typesetting hyphen: joined
        ("Noord-", "Korea hoe", "Noord-Korea hoe"),  # a capital after the hyphen: part of the name
        ("VN-", "organisaties hoe", "VN-organisaties hoe"),  # an acronym before it keeps it
        ("zee-", "en landsgrenzen hoe", "zee- en landsgrenzen hoe"),  # a suspended compound keeps hyphen and space
    ],
)
def test_a_word_hyphenated_across_the_page_break_gets_the_within_page_decision(tmp_path, before, after, joined):
    # the same decision as within a page (dehyphenate.decide), with the footnote, footer and header between
    text = letter().replace("VNG be-\n", f"VNG {before}\n").replace("\nzoek hoe", f"\n{after}")
    doc = read_path(write(tmp_path, text))
    assert any(f"samen met de VNG {joined} de bekostiging" in b.text for b in blocks(doc, BlockKind.PARAGRAPH))


def test_footnotes_past_ninety_nine(tmp_path):
    # long reports number their notes into the hundreds; the marker stays glued to its word
    text = (
        letter()
        .replace("onder druk staat.1", "onder druk staat.101")
        .replace("1 Brief van de VNG", "101 Brief van de VNG")
    )
    doc = read_path(write(tmp_path, text))
    assert [b.label for b in blocks(doc, BlockKind.NOTE)] == ["101", "2"]
    paragraph = next(b for b in blocks(doc, BlockKind.PARAGRAPH) if b.note_refs)
    assert [(ref.label, doc.block(ref.note).label) for ref in paragraph.note_refs] == [("101", "101")]
