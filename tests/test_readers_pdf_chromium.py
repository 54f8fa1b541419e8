"""The PDF reader on PDFs another engine made: headless Chromium printing HTML.

Chromium (Skia) writes one text object per glyph, justifies by moving glyphs, and
sets running headers and footers from CSS `@page` margin boxes: a different maker
than the reportlab fixtures, from the same Dutch texts.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest
from pdfgen_texts import TEXTS

from pipeline.model import BlockKind
from pipeline.readers import read_path
from pipeline.segment import segment

_MARKER = re.compile(r"\[\^(\w+)\]")
STYLE = """
@page { size: 148mm 180mm; margin: 22mm 16mm;
  @top-left { content: "Stichting Zeewacht | Notitie"; font: 8pt sans-serif; }
  @bottom-center { content: "Pagina " counter(page) " van " counter(pages); font: 8pt sans-serif; } }
body { font: 10pt/1.35 serif; text-align: justify; }
main { column-count: COLUMNS; column-gap: 8mm; }
h1, h2 { font-size: 13pt; margin: 0.8em 0 0.3em; break-after: avoid; }
p { margin: 0 0 0.5em; orphans: 1; widows: 1; }
sup { font-size: 60%; line-height: 0; }
"""


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("headless Chromium is needed for this test: install Debian's package (apt-get install -y chromium)")
    return found


def print_to_pdf(text: str, columns: int, folder) -> tuple:
    """The text as HTML printed by Chromium: (pdf path, paragraphs' sentences, headings)."""
    items, _ = TEXTS[text]
    body, sentences, headings = [], [], []
    for kind, content in items:
        if kind == "h":
            body.append(f"<h2>{html.escape(content)}</h2>")
            headings.append(content)
        elif kind == "p":
            marked = " ".join(_MARKER.sub(r"<sup>\1</sup>", html.escape(s)) for s in content)
            body.append(f"<p>{marked}</p>")
            sentences += [_MARKER.sub("", s) for s in content]
    page = folder / f"{text}-{columns}.html"
    style = STYLE.replace("COLUMNS", str(columns))
    page.write_text(
        f"<html lang='nl'><head><meta charset='utf-8'><style>{style}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>",
        encoding="utf-8",
    )
    pdf = folder / f"{text}-{columns}.pdf"
    flags = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={folder / 'profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
    ]
    subprocess.run(flags + [page.as_uri()], capture_output=True, timeout=120, check=True)
    return pdf, sentences, headings


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("chromium")
    return {(text, columns): print_to_pdf(text, columns, folder) for text, columns in [("letter", 1), ("brief", 2)]}


@pytest.mark.parametrize("key", [("letter", 1), ("brief", 2)])
def test_chromium_pdf_reads_as_written(key, printed):
    path, sentences, headings = printed[key]
    doc = segment(read_path(path))
    body = [s.text for b in doc.blocks if b.kind is BlockKind.PARAGRAPH for s in b.sentences]
    assert body == sentences
    assert [f"{b.label} {b.text}" if b.label else b.text for b in doc.blocks if b.kind is BlockKind.HEADING] == headings
    pages = [b for b in doc.blocks if b.kind is BlockKind.PAGE_BREAK]
    assert len(pages) >= 2
    numbers = [b.text for b in doc.blocks if b.kind is BlockKind.PAGE_NUMBER]
    assert numbers == [f"Pagina {n} van {len(pages)}" for n in range(1, len(pages) + 1)]
    headers = [b.text for b in doc.blocks if b.kind is BlockKind.FW_HEADER]
    assert headers == ["Stichting Zeewacht | Notitie"] * len(pages)
    markers = [ref.label for b in doc.blocks for ref in b.note_refs]
    assert markers == sorted(TEXTS[key[0]][1], key=int)  # superscripts kept as markers (no notes printed)
