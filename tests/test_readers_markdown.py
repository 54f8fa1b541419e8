"""The Markdown reader on the corpus letter (d004) and on small hand-made letters."""

from __future__ import annotations

import pytest

from pipeline.model import BlockKind
from pipeline.readers import read_document, read_path
from pipeline.readers.markdown import strip_inline


@pytest.fixture(scope="module")
def d004(corpus_entries):
    return read_document(next(e for e in corpus_entries if e.id == "d004"))


def kinds_with(doc, fragment):
    return [b.kind for b in doc.blocks if fragment in b.text]


def test_letterhead_and_running_headers_are_furniture(d004):
    assert kinds_with(d004, "Directoraat-Generaal Rechtspleging en Rechtshandhaving") == [BlockKind.FW_HEADER] * 4
    assert kinds_with(d004, "Ons kenmerk 2299387") == [BlockKind.FW_HEADER] * 4
    assert kinds_with(d004, "Datum 2 juli 2018") == [BlockKind.FW_HEADER] * 4
    assert kinds_with(d004, "Retouradres Postbus 20301") == [BlockKind.FW_HEADER]
    assert kinds_with(d004, "Aan de Voorzitter van de Tweede Kamer") == [BlockKind.FW_HEADER]
    assert kinds_with(d004, "Bij beantwoording de datum en ons kenmerk vermelden.") == [BlockKind.FW_HEADER]
    body = [b.text for b in d004.blocks if b.kind is BlockKind.PARAGRAPH]
    assert not [t for t in body if "kenmerk" in t or "Directoraat" in t or "Postbus" in t]


def test_subject_line_is_a_heading(d004):
    subject = [b for b in d004.blocks if b.text.startswith("Onderwerp")]
    assert [(b.kind, b.text) for b in subject] == [
        (
            BlockKind.HEADING,
            "Onderwerp Reactie op het D66 Actieplan bestrijding criminaliteit tegen migranten en vluchtelingen",
        )
    ]


def test_numbered_headings_keep_their_number_as_label(d004):
    headings = [(b.label, b.text) for b in d004.blocks if b.kind is BlockKind.HEADING and b.label]
    assert headings == [
        ("1.", "Zet internationale sancties in tegen de leiders van criminele bendes"),
        ("2.", "Verbeter internationale samenwerking en informatiedeling"),
        ("3.", "Pak criminele winsten af"),
        ("4.", "Dicht gaten in regelgeving"),
        ("5.", "Berecht leiders van bendes bij een Internationaal tribunaal"),
    ]


@pytest.mark.parametrize(
    "joined, lines",
    [
        ("een belangrijke pijler onder de aanpak van mensenhandel en mensensmokkel.", (45, 47)),
        ("Nationaal geldt dat elk groot, projectmatig mensenhandel- en mensensmokkelonderzoek", (72, 74)),
        ("zonder concrete voordelen te bieden. Nederland zet zich volledig in om", (101, 103)),
    ],
)
def test_paragraphs_cut_by_a_page_break_are_joined(d004, joined, lines):
    found = [b for b in d004.blocks if joined in b.text]
    assert [(b.kind, b.lines) for b in found] == [(BlockKind.PARAGRAPH, lines)]


def test_markup_is_stripped_and_link_text_and_url_kept(d004):
    assert not [b.id for b in d004.blocks if "*" in b.text or "#" in b.text or "](" in b.text]
    assert any("In een failed state als Libië" in b.text for b in d004.blocks)
    link = [b.text for b in d004.blocks if "rijksoverheid" in b.text]
    assert link == [
        "Turfmarkt 147 2511 DP Den Haag Postbus 20301 2500 EH Den Haag www.rijksoverheid.nl/jenv (http://www.rijksoverheid.nl/jenv)"
    ]


def test_closer(d004):
    assert d004.blocks[-1].kind is BlockKind.CLOSER
    assert d004.blocks[-1].text == "De Staatssecretaris van Justitie en Veiligheid, Mark Harbers"
    assert d004.blocks[-1].lines == (120, 122)


@pytest.mark.parametrize(
    "markdown, plain, why",
    [
        ("**Datum** 2 juli", "Datum 2 juli", "bold labels in letterheads"),
        ("een *failed state* als", "een failed state als", "italic English term"),
        ("[tekst](https://x.nl/a_b)", "tekst (https://x.nl/a_b)", "link: both text and URL are words of the input"),
        ("snake_case_naam blijft", "snake_case_naam blijft", "underscores inside a word are not emphasis"),
        (r"1\. geen lijst", "1. geen lijst", "backslash escape"),
    ],
)
def test_strip_inline(markdown, plain, why):
    assert strip_inline(markdown) == plain, why


def test_small_letter(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text(
        "> Retouradres Postbus 1 1000 AA Plaats\n\n**Ons kenmerk**  \n123\n\n"
        "Datum 1 mei 2020  \nOnderwerp Een proef\n\n"
        "Dit is de eerste alinea van de brief over een onderwerp dat ertoe doet, en hij loopt door op de\n\n"
        "**Ons kenmerk**  \n123\n\n"
        "volgende pagina.\n\n## **1. Kop**\n\n- eerste punt\n- tweede punt\n\n"
        "De Minister van Iets,\n\nA. Naam\n",
        encoding="utf-8",
    )
    doc = read_path(path)
    assert [(b.kind.value, b.label, b.text) for b in doc.blocks] == [
        ("fw_header", None, "Retouradres Postbus 1 1000 AA Plaats"),
        ("fw_header", None, "Ons kenmerk 123"),
        ("fw_header", None, "Datum 1 mei 2020"),
        ("heading", None, "Onderwerp Een proef"),
        (
            "paragraph",
            None,
            "Dit is de eerste alinea van de brief over een onderwerp dat ertoe doet, en hij loopt door op de volgende pagina.",
        ),
        ("fw_header", None, "Ons kenmerk 123"),
        ("heading", "1.", "Kop"),
        ("list_item", "-", "eerste punt"),
        ("list_item", "-", "tweede punt"),
        ("closer", None, "De Minister van Iets, A. Naam"),
    ]
