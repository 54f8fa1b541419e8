"""`pipeline translate FILE`: read, segment and translate one file; print the pairs."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..translate import TranslateOptions


def translate_options(model, beam_size, device, threads, batch_size, cache_dir, no_cache) -> TranslateOptions:
    """Options shared by every command that translates."""
    from ..translate import TranslateOptions

    return TranslateOptions(
        model=model,
        device=device,
        threads=threads,
        beam_size=beam_size,
        batch_size=batch_size,
        cache_dir=cache_dir,
        use_cache=not no_cache,
        progress=sys.stderr.isatty(),
    )


def translation_options(function):
    """The click options of `translate_options`, for reuse by other commands."""
    decorators = [
        click.option(
            "--model",
            type=click.Path(exists=True, path_type=Path),
            help="A .argosmodel file or an unpacked package folder (default: the installed nl->en package).",
        ),
        click.option("--beam-size", type=click.IntRange(1, 64), default=4, show_default=True, help="Beam size."),
        click.option("--device", type=click.Choice(["cpu", "cuda"]), default="cpu", show_default=True),
        click.option(
            "--threads",
            type=click.IntRange(0, 256),
            default=0,
            show_default=True,
            help="CPU threads for the model (0: all cores): one model replica per thread, each translating its own batch.",
        ),
        click.option(
            "--batch-size",
            type=click.IntRange(1, 4096),
            default=32,
            show_default=True,
            help="Sentences per model call.",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False, path_type=Path),
            envvar="PIPELINE_CACHE_DIR",
            help="Translation cache folder (env PIPELINE_CACHE_DIR; default: the user cache folder).",
        ),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the translation cache."),
    ]
    for decorator in reversed(decorators):
        function = decorator(function)
    return function


@click.command("translate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="text: source and translation side by side; jsonl: one JSON object per sentence.",
)
@translation_options
def command(file, output_format, model, beam_size, device, threads, batch_size, cache_dir, no_cache):
    """Translate FILE sentence by sentence and print source and translation.

    \b
    Example:
        pipeline translate corpus/2018-01-kamerbrief-harbers-amnesty-libie.txt
        pipeline translate --format jsonl --beam-size 2 corpus/2017-11111-policy-brief-eu-migratiebeleid-libie.txt
    """
    from ..corpus import entry_for_file
    from ..readers import read_document
    from ..segment import segment
    from ..translate import open_translator, translate_document

    options = translate_options(model, beam_size, device, threads, batch_size, cache_dir, no_cache)
    with open_translator(options) as translator:  # first: a missing package fails before any work
        doc = translate_document(segment(read_document(entry_for_file(file))), translator)
    width = shutil.get_terminal_size((120, 24)).columns
    for _, sentence in doc.sentences():
        if sentence.translation is None:
            continue
        if output_format == "jsonl":
            click.echo(json.dumps(sentence_record(sentence), ensure_ascii=False))
        else:
            click.echo(side_by_side(sentence.id, sentence.text, sentence.translation.text, width))


def sentence_record(sentence) -> dict:
    t = sentence.translation
    return {
        "id": sentence.id,
        "source": sentence.text,
        "translation": t.text,
        "segments": list(t.segments),
        "origin": t.origin,
        "score": t.score,
    }


def side_by_side(label: str, source: str, target: str, width: int) -> str:
    """Two wrapped columns after a label column: `s12  Dutch text...  | English text...`."""
    label_width = 6
    column = max(20, (width - label_width - 3) // 2)
    left = textwrap.wrap(source, column) or [""]
    right = textwrap.wrap(target, column) or [""]
    rows = []
    for i in range(max(len(left), len(right))):
        head = label if i == 0 else ""
        l_text = left[i] if i < len(left) else ""
        r_text = right[i] if i < len(right) else ""
        rows.append(f"{head:<{label_width}}{l_text:<{column}} | {r_text}".rstrip())
    return "\n".join(rows)
