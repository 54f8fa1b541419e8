"""The pipeline's exceptions. The CLI turns them into one-line messages and exit codes."""

from __future__ import annotations


class PipelineError(Exception):
    """Base of every error a user can cause or fix. The message is shown as is."""

    exit_code = 1


class InputError(PipelineError):
    """An input file cannot be read as a document: names the file and the problem."""

    def __init__(self, path: object, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ManifestError(PipelineError):
    """The corpus manifest is missing, malformed, or points to missing files."""


class ModelError(PipelineError):
    """A translation package is missing, incomplete, or cannot be loaded."""


class CacheError(PipelineError):
    """The translation cache cannot be opened or written."""


class ExportError(PipelineError):
    """A TEI file could not be produced or does not validate."""


class ValidationError(PipelineError):
    """A file does not validate against the TEI P5 schema."""


class LexiconError(PipelineError):
    """An annotation lexicon entry is malformed: names the file and the entry."""


class ReviewError(PipelineError):
    """A reviewed TEI file cannot be read back safely."""


class ClusterError(PipelineError):
    """The Dask cluster cannot be reached or was lost mid-run (pipeline run --executor dask)."""


class Interrupted(PipelineError):
    """The user stopped a run (Ctrl-C); the message says what is kept and how to resume."""

    exit_code = 130  # 128 + SIGINT, as shells report it
