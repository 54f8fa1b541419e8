"""`pipeline merge-review REVIEWED.xml`: record a reviewer's corrections in one TEI file now."""

from __future__ import annotations

from pathlib import Path

import click

from .run import EXIT_EDITS_NOT_KEPT


@click.command("merge-review")
@click.argument("reviewed", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--reviewer",
    default="reviewer",
    show_default=True,
    help="Name the corrections are attributed to (unless the file's @resp says otherwise).",
)
def command(reviewed: Path, reviewer: str) -> None:
    """Find what a reviewer changed in REVIEWED (an exported TEI file, edited) against
    what the pipeline last wrote there, and record it in the file: edited translations
    marked reviewed (@resp), every correction a <change> in revisionDesc. The next
    `pipeline run` keeps them. Hostile or broken files are refused and left untouched.

    \b
    Edits a rerun cannot keep (a changed header, an element or attribute the
    pipeline does not write, a comment) are listed with their line, the file is
    saved as .pipeline/kept/<id>.reviewed-<digest>.xml beside it and otherwise left
    as it is, and the exit status is 3; the next `pipeline run` keeps the
    corrections and reports those edits again.

    \b
    Example:
        pipeline merge-review output/d002.xml --reviewer "Anna de Vries"
    """
    from ..review_merge import ReviewOptions, merge_review_file
    from ..tei.options import export_date
    from ..tei.schema import load_schema

    loaded = merge_review_file(reviewed, ReviewOptions(date=export_date(), reviewer=reviewer), load_schema)
    if not loaded.unkept:
        click.echo(f"{reviewed}: {len(loaded.decisions)} correction(s) recorded")
        return
    click.echo(f"{reviewed}: {len(loaded.decisions)} correction(s) found, file left as it is because of:")
    for line in loaded.warnings():
        click.echo(f"  {line}")
    raise SystemExit(EXIT_EDITS_NOT_KEPT)
