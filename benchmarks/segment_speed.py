"""How fast the corpus is read and segmented, in the process's own time.

Usage:  python benchmarks/segment_speed.py [CORPUS] [--rounds N]

Reads and segments every document of the corpus (default: corpus/) N times and
prints characters per second and process time (time.process_time) per round, for
read+segment and for segment alone. The first round is reported apart: it pays
for one-off start-up (imports, word lists); the figures after it are steady state.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.corpus import discover
from pipeline.readers import read_document
from pipeline.segment import SegmentOptions, segment

REPO = Path(__file__).resolve().parent.parent


def one_round(entries, options: SegmentOptions) -> tuple[float, float, int]:
    """(read+segment seconds, segment-only seconds, sentences) of one pass over the corpus."""
    read_time = segment_time = 0.0
    sentences = 0
    for entry in entries:
        started = time.process_time()
        doc = read_document(entry)
        read_done = time.process_time()
        doc = segment(doc, options)
        segment_done = time.process_time()
        read_time += read_done - started
        segment_time += segment_done - read_done
        sentences += sum(1 for _ in doc.sentences())
    return read_time + segment_time, segment_time, sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REPO / "corpus")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    entries = discover(args.corpus)
    characters = sum(len(entry.path.read_text(encoding="utf-8", errors="replace")) for entry in entries)
    options = SegmentOptions()
    print(f"corpus: {len(entries)} documents, {characters:,} characters")

    total, seg, sentences = one_round(entries, options)
    print(f"first round (with start-up): read+segment {total:.3f} s, segment {seg:.3f} s, {sentences} sentences")

    rounds = [one_round(entries, options) for _ in range(args.rounds)]
    best_total = min(r[0] for r in rounds)
    best_segment = min(r[1] for r in rounds)
    mean_total = sum(r[0] for r in rounds) / len(rounds)
    print(
        f"steady state, best of {args.rounds}: read+segment {best_total:.3f} s "
        f"({characters / best_total:,.0f} chars/s), mean {mean_total:.3f} s; "
        f"segment alone {best_segment:.3f} s ({characters / best_segment:,.0f} chars/s)"
    )


if __name__ == "__main__":
    main()
