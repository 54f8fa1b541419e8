"""`pipeline annotate FILE`: the actor, obligation and reference annotations of one document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import LexiconError

if TYPE_CHECKING:
    from ..model import Document


@click.command("annotate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--lexicons",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of lexicon files (*.yaml). Default: the manifest's 'lexicons:' key, else the lexicons shipped with the pipeline.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="text: category, entity id, surface text and sentence id, tab-separated; "
    'jsonl: one JSON object per annotation ({"sentence", "lang", "start", "end", "category", "entity", "text"}).',
)
def command(file: Path, lexicons: Path | None, output_format: str) -> None:
    """Print the annotations of FILE, one per line, in reading order.

    FILE is read and segmented (not translated) and annotated with the lexicons:
    actors (org, person, place), obligations, and refs to parliamentary papers
    and treaty articles, whose entity is the target URL (empty when none is known).

    \b
    Examples:
        pipeline annotate corpus/2018-01-kamerbrief-harbers-amnesty-libie.txt
        pipeline annotate --lexicons my-lexicons --format jsonl corpus/2016-02-kamerbrief-koenders-situatie-libie.txt
    """
    from ..annotate import annotate
    from ..corpus import entry_for_file, manifest_lexicons
    from ..lexicon import Lexicon, packaged_folder
    from ..readers import read_document
    from ..segment import segment

    folder = lexicons or manifest_lexicons(file.parent) or packaged_folder()
    if not folder.is_dir():
        raise LexiconError(f"{folder}: no such lexicon folder (give one with --lexicons)")
    doc = annotate(segment(read_document(entry_for_file(file))), Lexicon.load(folder))
    for line in format_annotations(doc, output_format):
        click.echo(line)


def format_annotations(doc: Document, output_format: str) -> list[str]:
    """One line per source-side annotation, in reading order."""
    lines = []
    for _block, sentence in doc.sentences():
        for item in sentence.annotations:
            if output_format == "jsonl":
                record = {
                    "sentence": sentence.id, "lang": sentence.lang, "start": item.start, "end": item.end,
                    "category": item.category, "entity": item.entity, "text": item.text,
                }  # fmt: skip
                lines.append(json.dumps(record, ensure_ascii=False))
            else:
                surface = " ".join(item.text.split())
                lines.append(f"{item.category}\t{item.entity}\t{surface}\t{sentence.id}")
    return lines
