"""`pipeline review FILE.xml -o FILE.html`: the side-by-side review page of a TEI file."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("review")
@click.argument("tei_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write (default: FILE.html beside the TEI file).",
)
@click.option(
    "--min-cert",
    type=click.FloatRange(0, 1),
    default=0.5,
    show_default=True,
    help="Flag machine translations whose certainty (@cert) is below this.",
)
def command(tei_file: Path, output: Path | None, min_cert: float) -> None:
    """Render TEI_FILE as a static HTML page: Dutch and English side by side, pair by pair,
    actors and obligations highlighted, low-confidence translations and annotation
    mismatches flagged. The page needs no network (inline CSS, no scripts).

    \b
    Example:
        pipeline review output/d002.xml -o d002.html
    """
    from ..files import atomic_write
    from ..review_page import ReviewPageOptions, render_review_page

    output = output or tei_file.with_suffix(".html")
    atomic_write(output, render_review_page(tei_file, ReviewPageOptions(min_cert=min_cert)))
    click.echo(f"wrote {output}")
