"""How long annotating the whole corpus takes, and how many annotations of each category it finds.

Reads and segments every document of the corpus first (not timed), then times
`annotate` over all of them with `time.process_time` (best of --repeat runs).
With --with-english every sentence also gets a stand-in English translation
(its own text), so the English side is matched too and the figure covers both
languages.

    python benchmarks/annotate_speed.py [CORPUS] [--lexicons annotations] [--repeat 5] [--with-english]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from pipeline.annotate import annotate
from pipeline.corpus import discover
from pipeline.lexicon import Lexicon
from pipeline.model import Document, Translation
from pipeline.readers import read_document
from pipeline.segment import segment


def with_stand_in_english(doc: Document) -> Document:
    blocks = tuple(
        replace(b, sentences=tuple(replace(s, translation=Translation((s.text,), "machine")) for s in b.sentences))
        for b in doc.blocks
    )
    return replace(doc, blocks=blocks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="corpus", type=Path)
    parser.add_argument("--lexicons", default="annotations", type=Path)
    parser.add_argument("--repeat", default=5, type=int)
    parser.add_argument("--with-english", action="store_true")
    args = parser.parse_args()

    started = time.process_time()
    lexicon = Lexicon.load(args.lexicons)
    load_time = time.process_time() - started
    docs = [segment(read_document(entry)) for entry in discover(args.corpus)]
    if args.with_english:
        docs = [with_stand_in_english(doc) for doc in docs]
    sentences = sum(1 for doc in docs for _ in doc.sentences())

    timings = []
    for _ in range(args.repeat):
        started = time.process_time()
        annotated = [annotate(doc, lexicon) for doc in docs]
        timings.append(time.process_time() - started)

    source = Counter(a.category for doc in annotated for _b, s in doc.sentences() for a in s.annotations)
    english = Counter(
        a.category for doc in annotated for _b, s in doc.sentences() if s.translation for a in s.translation.annotations
    )
    print(f"lexicon: {len(lexicon)} entries {lexicon.counts_by_type()}; load+compile {load_time:.3f} s process time")
    print(f"corpus: {len(docs)} documents, {sentences} sentences")
    print(
        f"annotate: best {min(timings):.3f} s, mean {sum(timings) / len(timings):.3f} s process time "
        f"over {args.repeat} runs"
    )
    print(
        "source-side annotations: "
        + ", ".join(f"{k} {v}" for k, v in sorted(source.items()))
        + f" (total {sum(source.values())})"
    )
    if english:
        print("English-side annotations: " + ", ".join(f"{k} {v}" for k, v in sorted(english.items())))


if __name__ == "__main__":
    main()
