"""`pipeline models list|install|standin`: the Argos translation packages."""

from __future__ import annotations

from pathlib import Path

import click


@click.group("models")
def command():
    """List and install Argos Translate packages (ARGOS_PACKAGES_DIR is respected).

    \b
    Example:
        pipeline models install translate-nl_en
        pipeline models list
        pipeline models standin -o standin.argosmodel
    """


@command.command("list")
def list_models():
    """Show the installed packages and whether each is complete.

    \b
    Example:
        ARGOS_PACKAGES_DIR=~/argos pipeline models list
    """
    from ..packages import DEFAULT_PACKAGE, default_packages_dir, list_installed

    packages_dir = default_packages_dir()
    listings = list_installed(packages_dir)
    click.echo(f"packages in {packages_dir}:")
    if not listings:
        click.echo(f"  (none; run `pipeline models install {DEFAULT_PACKAGE}`)")
    for listing in listings:
        state = "ok" if listing.problem is None else f"INCOMPLETE: {listing.problem}"
        click.echo(f"  {listing.path.name}  {listing.name} {listing.version}  {state}".rstrip())


@command.command("install")
@click.argument("package")
def install(package):
    """Install PACKAGE: a .argosmodel file, or a package name such as translate-nl_en
    (downloaded from the Argos package index, ARGOS_PACKAGE_INDEX respected; needs
    network access).

    \b
    Example:
        pipeline models install translate-nl_en
        pipeline models install ~/Downloads/translate-nl_en-1_8.argosmodel
    """
    from ..packages import default_packages_dir, install_argosmodel, install_from_index

    packages_dir = default_packages_dir()
    path = Path(package)
    if path.suffix == ".argosmodel" or path.exists():
        installed = install_argosmodel(path, packages_dir)
    else:
        installed = install_from_index(package, packages_dir, log=lambda m: click.echo(m, err=True))
    click.echo(f"installed {installed.name} {installed.version} in {installed.path}")


@command.command("standin")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The .argosmodel file to write.",
)
@click.option(
    "--size",
    type=click.Choice(["tiny", "base"]),
    default="tiny",
    show_default=True,
    help="tiny: builds in seconds; base: the real model's shape and cost per token (for benchmarks).",
)
@click.option(
    "--from",
    "package_files",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The real nl->en package files without weights (default: ../shared/models/translate-nl_en-1_8).",
)
def standin(output, size, package_files):
    """Build a labelled STAND-IN package: the real tokenizer and vocabulary around
    synthetic weights. Its English is gibberish, NOT A TRANSLATION, and every TEI
    file and review page made with it says so. It lets you watch the whole pipeline
    work without network access.

    \b
    Example:
        pipeline models standin -o standin.argosmodel
        pipeline run corpus -o output --model standin.argosmodel
    """
    from ..standin import STANDIN_NOTICE, find_package_files, write_standin

    written = write_standin(package_files or find_package_files(), output, shape=size)
    click.echo(f"wrote {written} ({size}): {STANDIN_NOTICE}")
