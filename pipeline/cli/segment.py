"""`pipeline segment FILE`: the sentences of one document, one per line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import InputError

if TYPE_CHECKING:
    from ..model import Document


@click.command("segment")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help='text: one sentence per line; jsonl: one JSON object per sentence ({"id", "block", "kind", "lang", "text"}).',
)
@click.option(
    "-a",
    "--abbreviation",
    "abbreviations",
    multiple=True,
    metavar="ABBR",
    help="Another abbreviation a sentence never ends at (repeatable), e.g. -a vgl.",
)
def command(file: Path, output_format: str, abbreviations: tuple[str, ...]) -> None:
    """Print the sentences of FILE in reading order, one per line.

    Body sentences, headings, list items, notes and closers are printed in the
    order they stand in the document; page furniture (running headers, page
    numbers) is not. A file in a folder with a manifest.yaml takes its metadata
    from the manifest.

    \b
    Examples:
        pipeline segment corpus/2018-01-kamerbrief-harbers-amnesty-libie.txt
        pipeline segment --format jsonl corpus/2018-01-kamerbrief-harbers-amnesty-libie.txt
    """
    from ..corpus import entry_for_file
    from ..readers import read_document
    from ..segment import SegmentOptions, segment

    options = SegmentOptions(extra_abbreviations=frozenset(abbreviations))
    doc = segment(read_document(entry_for_file(file)), options)
    lines = format_sentences(doc, output_format)
    if not lines:
        raise InputError(file, "no text to segment (the file is empty or holds only whitespace)")
    click.echo("\n".join(lines))


def format_sentences(doc: Document, output_format: str) -> list[str]:
    """One line per sentence: its text (line breaks made spaces), or a JSON object."""
    if output_format == "jsonl":
        return [
            json.dumps(
                {"id": s.id, "block": b.id, "kind": b.kind.value, "lang": s.lang, "text": s.text},
                ensure_ascii=False,
            )
            for b, s in doc.sentences()
        ]
    return [" ".join(s.text.split()) for _, s in doc.sentences()]
