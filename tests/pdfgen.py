"""Generated PDF fixtures: Dutch text typeset with reportlab, with its ground truth.

`generate(name, folder)` typesets (pdfgen_typeset, pdfgen_words) one of `LAYOUTS` (one or two columns, a running
header on every page, a page-number footer in one of several styles, superscript
footnote markers with their notes in smaller type at the foot of the page, a side
box or pull quote beside the body, headings larger or bold) with Dutch hyphenation
(pyphen `nl_NL`), and returns the PDF's path and a `Truth`: what was typeset, as a
reader should recover it (paragraphs unhyphenated, sentences, headings, notes,
boxes, pull quotes, header and footer strings per page, and where a page or column
break cut a sentence or a word).

Deterministic: built-in fonts only and reportlab's invariant mode, so the same
layout gives the same bytes.

A layout with `cut_at_breaks` ends the last line of every frame (page or column)
inside a paragraph on a hyphenated word, as ragged-right typesetting may, so that
every such break cuts a word and a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pdfgen_typeset import Break, Layout, Truth, page_number, render, typeset

__all__ = [
    "LAYOUTS",
    "Break",
    "Generated",
    "Layout",
    "Truth",
    "generate",
    "generate_all",
    "long_document",
    "page_number",
]


@dataclass
class Generated:
    layout: Layout
    path: Path
    truth: Truth


A5 = (420.0, 595.0)
SIDE_PAGE = (500.0, 640.0)

LAYOUTS = {
    layout.name: layout
    for layout in [
        Layout("letter-1col", "letter", header="Kamerbrief over migratiesamenwerking"),
        Layout(
            "letter-1col-pagina",
            "letter",
            header="Ministerie van Buitenlandse Zaken",
            page_style="pagina",
            header_page=True,
            heading_style="bold",
        ),
        Layout(
            "letter-2col",
            "letter",
            columns=2,
            size=8.5,
            margin=36,
            page=(420.0, 440.0),
            header="Kamerbrief",
            page_style="dashes",
        ),
        Layout(
            "letter-side",
            "letter",
            page=SIDE_PAGE,
            side=True,
            header="Ministerie van Buitenlandse Zaken",
            page_style="slash",
            footer_text="Datum 12 juni 2025",
        ),
        Layout(
            "brief-1col",
            "brief",
            family="Helvetica",
            header="Notitie redding op zee",
            page_style="blz",
            note_lines_cap=4,
        ),
        Layout(
            "brief-2col",
            "brief",
            columns=2,
            size=8.5,
            margin=36,
            page=(420.0, 480.0),
            family="Helvetica",
            header="Stichting Zeewacht | Notitie",
            page_style="roman",
            heading_style="bold",
        ),
        Layout(
            "brief-2col-side",
            "brief",
            columns=2,
            size=8.5,
            page=(560.0, 520.0),
            side=True,
            header="Stichting Zeewacht | Notitie",
            note_label_super=True,
        ),
        Layout(
            "ruling-1col", "ruling", page=(420.0, 390.0), header="Rechtbank Den Haag", page_style="pagina", indent=True
        ),
        Layout(
            "ruling-side",
            "ruling",
            page=(500.0, 430.0),
            side=True,
            header="Rechtbank Den Haag, zittingsplaats Amsterdam",
            page_style="dashes",
            heading_style="bold",
        ),
        Layout(
            "advice-1col",
            "advice",
            page=(420.0, 460.0),
            family="Helvetica",
            header="Raad voor de leefomgeving | Advies",
            page_style="slash",
        ),
        Layout(
            "advice-2col",
            "advice",
            columns=2,
            size=8.5,
            margin=36,
            page=(420.0, 340.0),
            header="Raad voor de leefomgeving",
            page_style="blz",
            footer_text="Advies klimaatadaptatie",
        ),
        Layout(
            "advice-side",
            "advice",
            page=(500.0, 520.0),
            side=True,
            header="Raad voor de leefomgeving",
            page_style="roman",
            indent=True,
            note_label_super=True,
        ),
        Layout("letter-small", "letter", page=(360.0, 500.0), size=9.5, header="Kamerbrief", note_lines_cap=5),
        Layout(
            "letter-justified",
            "letter",
            page=(420.0, 470.0),
            justify=True,
            header="Kamerbrief over migratiesamenwerking",
            header_from=2,
            page_style="blz",
        ),
        Layout(
            "brief-2col-title",
            "brief",
            columns=2,
            size=8.5,
            margin=36,
            page=(420.0, 470.0),
            justify=True,
            title="Redding op zee: wat staten moeten doen",
            header="Stichting Zeewacht",
            header_as_form=True,
            page_style="slash",
        ),
        Layout(
            "ruling-form",
            "ruling",
            page=(420.0, 400.0),
            header="Rechtbank Den Haag",
            header_as_form=True,
            footer_text="ECLI:NL:RBDHA:2024:1234",
            page_style="pagina",
        ),
        Layout(
            "advice-2col-justified",
            "advice",
            columns=2,
            size=8.5,
            margin=36,
            page=(420.0, 330.0),
            justify=True,
            indent=True,
            header="Raad voor de leefomgeving",
            page_style="dashes",
        ),
        Layout(
            "ruling-glued",
            "ruling",
            page=(420.0, 400.0),
            glued_markers=True,
            header="Rechtbank Den Haag | Samenvatting",
            page_style="plain",
        ),
        Layout(
            "advice-words",
            "advice",
            page=(420.0, 440.0),
            justify=True,
            word_objects=True,
            header="Raad voor de leefomgeving",
            page_style="pagina",
        ),
        Layout(
            "brief-1col-times",
            "brief",
            size=11,
            header="Notitie",
            page_style="dashes",
            indent=True,
            heading_style="bold",
        ),
    ]
}


def generate(name: str, folder: Path, **canvas_options) -> Generated:
    """Typeset layout `name` into `folder/<name>.pdf`; canvas_options go to reportlab (e.g. encrypt)."""
    layout = LAYOUTS[name]
    path = Path(folder) / f"{name}.pdf"
    truth = render(layout, path, **canvas_options)
    return Generated(layout, path, truth)


def long_document(folder: Path, pages: int = 100) -> Generated:
    """A two-column document of at least `pages` pages (the letter repeated), for benchmarks."""
    repeat = 1
    while True:
        layout = Layout(
            "long",
            "letter+brief+ruling+advice",
            columns=2,
            size=8.5,
            margin=36,
            header="Kamerbrief",
            page_style="pagina",
            repeat=repeat,
        )
        _, _, notes, _ = typeset(layout)
        if len(notes) >= pages:
            break
        repeat = max(repeat + 1, int(repeat * pages / max(len(notes), 1)) + 1)
    path = Path(folder) / "long.pdf"
    return Generated(layout, path, render(layout, path))


def generate_all(folder: Path) -> list[Generated]:
    return [generate(name, folder) for name in LAYOUTS]


if __name__ == "__main__":  # python tests/pdfgen.py FOLDER: write every layout there
    import sys

    for generated in generate_all(Path(sys.argv[1])):
        print(generated.path, generated.truth.pages, "pages")
