"""`pipeline validate FILE...`: check TEI files against TEI P5 (tei_all) and what archives check, offline."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def command(files: tuple[Path, ...]) -> None:
    """Validate each FILE against the TEI P5 RelaxNG schema (tei_all) shipped with
    the project, then check what an archive checks beyond the schema: every
    @ref, @corresp, @target, @resp and @who resolves (in the file, through a
    declared prefixDef, or to a file beside it; http(s) URLs are taken as they
    are), every xml:id is unique, every xml:lang is declared in langUsage, and
    the file name matches the root's xml:id. Every problem is printed as
    FILE:LINE: message. Exit status 1 if any file has one.

    \b
    Example:
        pipeline validate output/*.xml
    """
    from lxml import etree

    from ..tei.archive_checks import archive_parser, archive_problems
    from ..tei.schema import SchemaError, load_schema, validate

    schema = load_schema()
    invalid = 0
    for path in files:
        try:
            tree = etree.parse(str(path), archive_parser())
        except etree.XMLSyntaxError as exc:
            errors = [SchemaError(exc.lineno or 0, f"not well-formed XML: {exc.msg}")]
        else:
            errors = validate(schema, tree) + archive_problems(tree, path)
        for error in errors:
            click.echo(error.format(str(path)))
        invalid += bool(errors)
    if invalid:
        click.echo(f"{invalid} of {len(files)} file(s) invalid", err=True)
        raise SystemExit(1)
    click.echo(f"{len(files)} file(s) valid against TEI P5 (tei_all) and the archive checks")
