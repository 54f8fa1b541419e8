"""The `pipeline` command: a thin Click layer over the stages.

Each command lives in a module of this package; library errors (`PipelineError`)
become one-line messages and a non-zero exit here, in one place.
"""

from __future__ import annotations

import click

from .. import __version__
from ..errors import PipelineError


class PipelineGroup(click.Group):
    """Turns library errors into `Error: <file>: <problem>` and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # output piped into `head`: stop quietly
            ctx.exit(0)
        except PipelineError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None


@click.group(cls=PipelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pipeline")
def cli() -> None:
    """Segment Dutch policy texts, translate them offline into English, annotate
    actors and legal obligations, and export bilingual TEI P5.

    \b
    Example, the whole job on the bundled corpus:
        pipeline run corpus -o output
    """


def _register() -> None:
    """Add the `command` of every module in this package (one command or group per module)."""
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        cli.add_command(module.command)


_register()


def main() -> None:
    cli(prog_name="pipeline")
