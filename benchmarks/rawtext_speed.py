"""How fast raw `pdftotext` output of a long PDF is read and segmented, in the process's own time.

Usage:  python benchmarks/rawtext_speed.py [--pages N] [--rounds N]

Typesets the generated two-column test document (tests/pdfgen.py, at least N
pages), turns it into text with `pdftotext -layout` and with plain `pdftotext`,
and reads and segments each text N rounds (form `pdf-text`). Prints pages per
second and process time per round (best of the rounds; the first, with
start-up, apart), beside the same for the tidied corpus text per character, so
the raw-page rules' cost shows as a ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.corpus import discover
from pipeline.readers import read_document, read_path
from pipeline.segment import segment

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))


def timed(read, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        read()
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    import pdfgen

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp())
    generated = pdfgen.long_document(folder, args.pages)
    pages = generated.truth.pages
    entries = discover(REPO / "corpus")
    corpus_chars = sum(len(e.path.read_text(encoding="utf-8")) for e in entries)
    corpus = timed(lambda: [segment(read_document(e)) for e in entries], args.rounds)
    print(f"corpus (tidied text): {corpus_chars:,} chars, {corpus:.3f} s, {corpus_chars / corpus:,.0f} chars/s")
    for mode, flags in (("layout", ["-layout"]), ("plain", [])):
        text = folder / f"long-{mode}.txt"
        subprocess.run(["pdftotext", *flags, str(generated.path), str(text)], check=True)
        chars = len(text.read_text(encoding="utf-8"))
        started = time.process_time()
        segment(read_path(text))
        first = time.process_time() - started
        best = timed(lambda path=text: segment(read_path(path)), args.rounds)
        print(
            f"pdftotext {mode}: {pages} pages, {chars:,} chars; first {first:.3f} s; best of {args.rounds} "
            f"{best:.3f} s = {pages / best:,.0f} pages/s, {chars / best:,.0f} chars/s "
            f"({chars / best / (corpus_chars / corpus):.2f} x the corpus rate)"
        )


if __name__ == "__main__":
    main()
