"""How fast a long PDF is read and segmented, in the process's own time.

Usage:  python benchmarks/pdf_speed.py [--pages N] [--rounds R]

Typesets a two-column Dutch document of at least N pages (default 100) with the test
generator (tests/pdfgen.py: running header, `Pagina n van m` footer, footnotes,
hyphenation), then reads it with the PDF reader and segments it R times. Prints
process time (time.process_time) per round for reading and for segmenting, pages
per second, and, side by side, the same for the `pdftotext -layout` text of the same
PDF read by the text reader (when pdftotext is installed). The first round pays
for one-off start-up (imports, word lists) and is reported apart. Target: a
100-page PDF read and segmented in under 2 s of process time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from pdfgen import long_document  # noqa: E402

from pipeline.corpus import CorpusEntry  # noqa: E402
from pipeline.model import Metadata  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from pipeline.segment import SegmentOptions, segment  # noqa: E402


def one_round(entry: CorpusEntry, options: SegmentOptions) -> tuple[float, float, int]:
    started = time.process_time()
    doc = read_document(entry)
    read_done = time.process_time()
    doc = segment(doc, options)
    done = time.process_time()
    return read_done - started, done - read_done, sum(1 for _ in doc.sentences())


def report(label: str, entry: CorpusEntry, pages: int, rounds: int) -> float:
    options = SegmentOptions()
    first = one_round(entry, options)
    print(f"{label}: first round {first[0] + first[1]:.2f} s (start-up included), {first[2]} sentences")
    totals = []
    for number in range(1, rounds + 1):
        read_s, segment_s, _ = one_round(entry, options)
        totals.append(read_s + segment_s)
        print(f"  round {number}: read {read_s:.2f} s + segment {segment_s:.2f} s = {read_s + segment_s:.2f} s")
    best = min(totals)
    print(f"  best {best:.2f} s of process time: {pages / best:,.0f} pages per second")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generated = long_document(Path(folder), args.pages)
        pages = generated.truth.pages
        size = generated.path.stat().st_size
        print(
            f"document: {pages} pages, two columns, {size:,} bytes, {len(generated.truth.sentences):,} body sentences"
        )
        entry = CorpusEntry("long", generated.path, Metadata(title="long", form="pdf"))
        pdf_best = report("PDF reader (pypdfium2)", entry, pages, args.rounds)
        print(f"target: under 2 s for 100 pages -> {'met' if pdf_best * 100 / pages < 2 else 'NOT met'}")
        if shutil.which("pdftotext"):
            text = Path(folder) / "long.txt"
            subprocess.run(["pdftotext", "-layout", str(generated.path), str(text)], check=True)
            text_entry = CorpusEntry("long-text", text, Metadata(title="long", form="pdf-text"))
            text_best = report("text reader on pdftotext -layout output", text_entry, pages, args.rounds)
            print(f"ratio PDF reader / text reader: {pdf_best / text_best:.2f}")


if __name__ == "__main__":
    main()
