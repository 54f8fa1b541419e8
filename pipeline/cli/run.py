"""`pipeline run [CORPUS] -o DIR`: every stage over a corpus into validated TEI files."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from ..errors import Interrupted
from .translate import translate_options, translation_options

EXIT_EDITS_NOT_KEPT = 3  # finished, but reviewer edits could not be kept (reported, file saved)


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
    help="Annotation lexicons folder (default: the manifest's 'lexicons:' key, else the lexicons shipped with the pipeline).",
)
@click.option(
    "--stop-on-error",
    is_flag=True,
    help="Stop at the first document that cannot be read or exported (default: skip it, go on, exit 1).",
)
@click.option(
    "--review-memory",
    type=click.Path(exists=True, path_type=Path),
    help="Reuse the reviewed translations in these TEI files (a folder, e.g. another run's output, or one file) "
    "for the same Dutch sentences here; each reuse gets a <change> naming where it came from. "
    "Without it, a correction is reused only within OUTPUT.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help='Where the stages run: this process, or a Dask cluster (pip install ".[dask]").',
)
@click.option("--scheduler", metavar="ADDRESS", help="With --executor dask: a running scheduler, e.g. tcp://HOST:8786.")
@click.option(
    "--workers",
    type=click.IntRange(1, 1024),
    help="With --executor dask: worker processes of the local cluster (default: one per core, or per GPU).",
)
@translation_options
def command(
    corpus,
    output,
    no_translate,
    lexicons,
    stop_on_error,
    review_memory,
    executor,
    scheduler,
    workers,
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
    a folder of .txt/.md/.pdf files. Every file written is validated against TEI P5
    (tei_all) first and written atomically, and only when its content changed.
    A file whose content is unchanged keeps the dates of its previous export, so
    a rerun on a later day is byte-identical; SOURCE_DATE_EPOCH sets every date.

    \b
    A document that cannot be read or does not validate is reported by file name
    and skipped; the others are exported, corpus.xml lists the exported ones, and
    the exit status is 1. With --stop-on-error the run stops at that document.

    \b
    Reviewer corrections in OUTPUT (edited TEI files) are kept. An edit a rerun
    cannot keep (a changed header, an element or attribute the pipeline does not
    write, a comment) is reported with file and line, the reviewed file is saved
    first as OUTPUT/.pipeline/kept/<id>.reviewed-<digest>.xml, and the exit
    status is 3 (when nothing failed).

    \b
    Example:
        pipeline run corpus -o output
        pipeline run corpus -o output --no-translate
        pipeline run corpus -o output --model ~/Downloads/translate-nl_en-1_8.argosmodel
        pipeline run corpus -o output --executor dask --workers 4
        pipeline run corpus -o output --scheduler tcp://10.0.0.5:8786
    """
    from ..corpus import manifest_lexicons
    from ..lexicon import packaged_folder
    from ..run import RunOptions, run_pipeline
    from ..tei.options import ExportOptions, date_is_fixed, export_date

    lexicons = lexicons or manifest_lexicons(corpus) or packaged_folder()
    options = RunOptions(
        corpus=corpus,
        output=output,
        export=ExportOptions(date=export_date(), keep_dates=not date_is_fixed()),
        translate=None
        if no_translate
        else translate_options(model, beam_size, device, threads, batch_size, cache_dir, no_cache),
        lexicons=lexicons,
        stop_on_error=stop_on_error,
        review_memory=review_memory,
        progress=sys.stderr.isatty(),
    )
    try:
        with _executor(executor, scheduler, workers, device) as chosen:
            summary = run_pipeline(replace(options, executor=chosen))
        click.echo(summary.format())
    except KeyboardInterrupt:  # while opening the model, or printing the summary: nothing is being written
        _stop(Interrupted("every file written is complete; run the same command again to finish"))
    except Interrupted as exc:
        _stop(exc)
    if not summary.ok:
        raise SystemExit(1)
    if summary.edits_not_kept:
        raise SystemExit(EXIT_EDITS_NOT_KEPT)


def _stop(exc: Interrupted) -> None:
    """Say what is kept and exit at once with status 130. os._exit: an interrupted model batch
    cannot be cancelled, and a normal exit would wait for it (see pipeline.engine)."""
    click.echo(f"Interrupted: {exc}", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(exc.exit_code)


def _executor(name: str, scheduler: str | None, workers: int | None, device: str):
    """None (in this process) for --executor local, else a DaskExecutor to use in a `with`."""
    if name == "local" and scheduler is None:
        if workers is not None:
            raise click.UsageError("--workers sizes a Dask cluster: add --executor dask")
        return contextlib.nullcontext()
    if scheduler is not None and workers is not None:
        raise click.UsageError("--workers sizes a local cluster; with --scheduler, start the workers yourself")
    from ..scaleout import dask_executor

    return dask_executor(scheduler=scheduler, workers=workers, device=device)
