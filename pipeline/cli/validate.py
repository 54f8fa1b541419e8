"""`pipeline validate FILE...`: check TEI files against TEI P5 (tei_all), offline."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def command(files: tuple[Path, ...]) -> None:
    """Validate each FILE against the TEI P5 RelaxNG schema (tei_all) shipped with
    the project; print every error as FILE:LINE: message. Exit status 1 if any
    file is invalid.

    \b
    Example:
        pipeline validate output/*.xml
    """
    from ..tei.schema import load_schema, validate

    schema = load_schema()
    invalid = 0
    for path in files:
        errors = validate(schema, path)
        for error in errors:
            click.echo(error.format(str(path)))
        invalid += bool(errors)
    if invalid:
        click.echo(f"{invalid} of {len(files)} file(s) invalid", err=True)
        raise SystemExit(1)
    click.echo(f"{len(files)} file(s) valid against TEI P5 (tei_all)")
