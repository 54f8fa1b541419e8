"""The `pipeline` command: a thin Click layer over the stages.

Each command lives in a module of this package, imported when it is used; library
errors (`PipelineError`) become one-line messages and a non-zero exit here, in one place.
"""

from __future__ import annotations

import click

from .. import __version__
from ..errors import PipelineError


class PipelineGroup(click.Group):
    """Turns library errors into `Error: <file>: <problem>` and exit code 1, never a traceback.

    Its commands are the `command` of each module of this package (one command or
    group per module, named as the command with `-` for `_`). A module is imported
    only when its command is used, or listed by `--help`: `pipeline run` never pays
    for the imports of `pipeline review`.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        import pkgutil

        return sorted(info.name.replace("_", "-") for info in pkgutil.iter_modules(__path__))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        import importlib

        if cmd_name not in self.list_commands(ctx):
            return None
        return importlib.import_module(f"{__name__}.{cmd_name.replace('-', '_')}").command

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


def main() -> None:
    cli(prog_name="pipeline")
