"""`pipeline export tmx|csv TEI_FILES... -o FILE`: translation memory and annotation table."""

from __future__ import annotations

from pathlib import Path

import click


def _documents(files: tuple[Path, ...]):
    from ..tei.reader import read_tei_file

    for path in files:
        if path.name == "corpus.xml":  # the corpus listing holds no sentences
            continue
        yield read_tei_file(path)


@click.group("export")
def command() -> None:
    """Convert exported TEI files for other tools: TMX for translators, CSV for analysts.

    \b
    Example:
        pipeline export tmx output/d0*.xml -o corpus.tmx
    """


@command.command("tmx")
@click.argument("tei_files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="TMX file to write."
)
def tmx(tei_files: tuple[Path, ...], output: Path) -> None:
    """TMX 1.4 of every aligned sentence pair; reviewed pairs carry <prop type="x-reviewed">.

    \b
    Example:
        pipeline export tmx output/d0*.xml -o corpus.tmx
    """
    from ..files import atomic_write
    from ..tmx import documents_to_tmx

    atomic_write(output, documents_to_tmx(_documents(tei_files)))
    click.echo(f"wrote {output}")


@command.command("csv")
@click.argument("tei_files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="CSV file to write."
)
def csv_(tei_files: tuple[Path, ...], output: Path) -> None:
    """One row per annotation: document, sentence id, language, category, entity, text.

    \b
    Example:
        pipeline export csv output/d0*.xml -o annotations.csv
    """
    from ..annotation_csv import annotations_to_csv
    from ..files import atomic_write

    atomic_write(output, annotations_to_csv(_documents(tei_files)))
    click.echo(f"wrote {output}")
