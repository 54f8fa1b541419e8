"""How fast the corpus is exported to TEI, in the process's own time.

Usage:  python benchmarks/export_speed.py [CORPUS] [--rounds N] [--no-english] [--no-validate]

Reads, segments and annotates every document once (not timed), gives each Dutch
sentence a deterministic fake translation (unless --no-english), then times
(time.process_time) building the TEI bytes of every document plus the corpus
file, N rounds; reported apart: loading the tei_all schema once, and validating
the exported bytes. Export alone is the figure the issue asks for (well under 1 s).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from pathlib import Path

from pipeline.corpus import discover
from pipeline.model import TRANSLATABLE_KINDS, Document, Translation
from pipeline.readers import read_document
from pipeline.segment import segment
from pipeline.tei.corpus import CorpusMember, corpus_to_tei
from pipeline.tei.export import build_tei
from pipeline.tei.options import ExportOptions

REPO = Path(__file__).resolve().parent.parent


def fake_english(doc: Document) -> Document:
    """Every translatable sentence with an 'English' text (the Dutch, prefixed), no model involved."""
    blocks = []
    for block in doc.blocks:
        if block.kind in TRANSLATABLE_KINDS:
            sentences = tuple(
                dataclasses.replace(s, translation=Translation((f"EN {s.text}",), "machine", "fake", score=-0.3))
                for s in block.sentences
            )
            block = dataclasses.replace(block, sentences=sentences)
        blocks.append(block)
    return dataclasses.replace(
        doc, blocks=tuple(blocks), provenance=doc.with_provenance("translate", "argos:fake|v:0.1")
    )


def prepare(corpus: Path, english: bool) -> list[Document]:
    docs = [segment(read_document(entry)) for entry in discover(corpus)]
    lexicons = REPO / "annotations"
    try:
        from pipeline.annotate import Lexicon, annotate

        lexicon = Lexicon.load(lexicons)
        docs = [annotate(doc, lexicon) for doc in docs]
    except ImportError:
        pass
    return [fake_english(doc) for doc in docs] if english else docs


def export_all(docs: list[Document], options: ExportOptions) -> list[bytes]:
    files = [build_tei(doc, options).data for doc in docs]
    members = [CorpusMember.of(doc, f"{doc.id}.xml", options) for doc in docs]
    files.append(corpus_to_tei(members, options)[0])
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REPO / "corpus")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-english", action="store_true", help="export the Dutch side only")
    parser.add_argument("--no-validate", action="store_true", help="skip schema loading and validation")
    args = parser.parse_args()

    docs = prepare(args.corpus, english=not args.no_english)
    options = ExportOptions(date="2024-01-01")
    sentences = sum(1 for doc in docs for _ in doc.sentences())
    times = []
    for _ in range(args.rounds):
        started = time.process_time()
        files = export_all(docs, options)
        times.append(time.process_time() - started)
    size = sum(len(f) for f in files)
    side = "Dutch only" if args.no_english else "Dutch + fake English"
    print(f"export ({side}): {len(docs)} documents + corpus file, {sentences} sentences, {size / 1024:.0f} KiB")
    print(
        f"  process time per round: min {min(times):.3f} s, median {statistics.median(times):.3f} s "
        f"({args.rounds} rounds; first {times[0]:.3f} s)"
    )
    if args.no_validate:
        return
    from pipeline.tei.schema import load_schema, validate

    started = time.process_time()
    schema = load_schema()
    loaded = time.process_time() - started
    started = time.process_time()
    errors = sum(len(validate(schema, data)) for data in files)
    validated = time.process_time() - started
    print(
        f"  schema load (once per process): {loaded:.2f} s; validating all files: {validated:.3f} s; errors: {errors}"
    )


if __name__ == "__main__":
    main()
