"""How long annotating the whole corpus takes, and how many annotations of each category it finds.

Targets (issue 10): lexicon load + compile under 0.5 s of process time, annotating the
corpus under 0.5 s of process time; both are printed with their ratio to the target.
The default lexicons are the ones the package ships (`pipeline/lexicons`).

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
from pipeline.lexicon import Lexicon, packaged_folder
from pipeline.model import Document, Translation
from pipeline.readers import read_document
from pipeline.segment import segment

TARGET = 0.5  # seconds of process time, for loading the lexicons and for annotating the corpus


def with_stand_in_english(doc: Document) -> Document:
    blocks = tuple(
        replace(b, sentences=tuple(replace(s, translation=Translation((s.text,), "machine")) for s in b.sentences))
        for b in doc.blocks
    )
    return replace(doc, blocks=blocks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="corpus", type=Path)
    parser.add_argument("--lexicons", default=packaged_folder(), type=Path)
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
    print(f"lexicon: {len(lexicon)} entries {lexicon.counts_by_type()}")
    print(f"lexicon load+compile: {load_time:.3f} s process time ({load_time / TARGET:.2f} of the {TARGET} s target)")
    print(f"corpus: {len(docs)} documents, {sentences} sentences")
    print(
        f"annotate: best {min(timings):.3f} s, mean {sum(timings) / len(timings):.3f} s process time "
        f"over {args.repeat} runs ({min(timings) / TARGET:.2f} of the {TARGET} s target); "
        f"first run {timings[0]:.3f} s (it also compiles the patterns the texts need)"
    )
    print(
        "source-side annotations: "
        + ", ".join(f"{k} {v}" for k, v in sorted(source.items()))
        + f" (total {sum(source.values())})"
    )
    uncurated = sorted({e.id for doc in annotated for e in doc.authority if not e.curated})
    print(f"uncurated entries (found by citation form): {len(uncurated)} {uncurated}")
    if english:
        print("English-side annotations: " + ", ".join(f"{k} {v}" for k, v in sorted(english.items())))


if __name__ == "__main__":
    main()
