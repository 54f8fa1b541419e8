"""`pipeline run [CORPUS] -o DIR`: every stage over a corpus into validated TEI files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import Interrupted
from .translate import translate_options, translation_options


@click.command("run")
@click.argument("corpus", required=False, default="corpus", type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default="output",
    show_default=True,
    help="Folder for the TEI files (one per document, plus corpus.xml).",
)
@click.option(
    "--no-translate",
    is_flag=True,
    help="Export the Dutch side only (no translation package needed); the header says why.",
)
@click.option(
    "--lexicons",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Annotation lexicons folder (default: ./annotations when it exists).",
)
@click.option(
    "--stop-on-error",
    is_flag=True,
    help="Stop at the first document that cannot be read or exported (default: skip it, go on, exit 1).",
)
@translation_options
def command(
    corpus,
    output,
    no_translate,
    lexicons,
    stop_on_error,
    model,
    beam_size,
    device,
    threads,
    batch_size,
    cache_dir,
    no_cache,
):
    """Read, segment, translate, annotate and export CORPUS as TEI P5 into OUTPUT.

    CORPUS is a folder with manifest.yaml (default: ./corpus), a manifest file, or
    a folder of .txt/.md files. Every file written is validated against TEI P5
    (tei_all) first and written atomically, and only when its content changed.
    A file whose content is unchanged keeps the dates of its previous export, so
    a rerun on a later day is byte-identical; SOURCE_DATE_EPOCH sets every date.

    \b
    A document that cannot be read or does not validate is reported by file name
    and skipped; the others are exported, corpus.xml lists the exported ones, and
    the exit status is 1. With --stop-on-error the run stops at that document.

    \b
    Example:
        pipeline run corpus -o output
        pipeline run corpus -o output --no-translate
        pipeline run corpus -o output --model ~/Downloads/translate-nl_en-1_8.argosmodel
    """
    from ..run import RunOptions, run_pipeline
    from ..tei.options import ExportOptions, date_is_fixed, export_date

    if lexicons is None and Path("annotations").is_dir():
        lexicons = Path("annotations")
    options = RunOptions(
        corpus=corpus,
        output=output,
        export=ExportOptions(date=export_date(), keep_dates=not date_is_fixed()),
        translate=None
        if no_translate
        else translate_options(model, beam_size, device, threads, batch_size, cache_dir, no_cache),
        lexicons=lexicons,
        stop_on_error=stop_on_error,
        progress=sys.stderr.isatty(),
    )
    try:
        summary = run_pipeline(options)
        click.echo(summary.format())
    except KeyboardInterrupt:  # while opening the model, or printing the summary: nothing is being written
        _stop(Interrupted("every file written is complete; run the same command again to finish"))
    except Interrupted as exc:
        _stop(exc)
    if not summary.ok:
        raise SystemExit(1)


def _stop(exc: Interrupted) -> None:
    """Say what is kept and exit at once with status 130. os._exit: an interrupted model batch
    cannot be cancelled, and a normal exit would wait for it (see pipeline.engine)."""
    click.echo(f"Interrupted: {exc}", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(exc.exit_code)
