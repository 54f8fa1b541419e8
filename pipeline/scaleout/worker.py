"""What runs on the Dask workers: the model, loaded once per worker, and the tasks.

The client registers one `ModelPlugin` per model and decoding settings; each worker
(and each worker that joins or restarts later) sets it up once: it finds the package
(at the client's path, or from the archive the client shipped), checks that it is
the client's model (sha256 of model.bin, which is part of the cache key), and loads
it with CTranslate2's threads set explicitly: Dask sets OMP_NUM_THREADS=1 in its
workers, so "0: CTranslate2 decides" would mean one thread.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

from distributed import WorkerPlugin, get_worker

from ..engine import Engine, EngineSettings, Output
from ..errors import ModelError, PipelineError
from ..model import Document
from ..packages import ArgosPackage, load_package, open_package
from ..translation_cache import sha256_file


def plugin_name(model_sha256: str, settings: EngineSettings) -> str:
    """One plugin per model and settings: a second run on a long-lived cluster reuses the loaded model."""
    s = settings
    return (
        f"pipeline-model-{model_sha256[:16]}-{s.device}-{s.compute_type}-i{s.intra_threads}"
        f"-b{s.beam_size}-n{s.max_batch_size}-d{s.max_decoding_length}"
    )


class ModelPlugin(WorkerPlugin):
    """The translation package, loaded once on every worker.

    `archive`: the package folder zipped, for workers that cannot read `package_path`
    (None: every worker reads the package at `package_path`).
    """

    idempotent = True  # registered again by a later run: nothing is reloaded

    def __init__(self, package_path: str, model_sha256: str, settings: EngineSettings, archive: bytes | None = None):
        self.name = plugin_name(model_sha256, settings)
        self.package_path = package_path
        self.model_sha256 = model_sha256
        self.settings = settings
        self.archive = archive
        self.engine: Engine | None = None

    def setup(self, worker) -> None:
        package = self._package(Path(worker.local_directory))
        checksum = sha256_file(package.model_bin)
        if checksum != self.model_sha256:
            raise ModelError(
                f"{package.model_bin} on worker {worker.address} is not the client's model "
                f"(sha256 {checksum[:12]}, expected {self.model_sha256[:12]}); give every worker the same package"
            )
        _undo_malloc_trimming()
        # one CTranslate2 replica per task thread, each with the given intra threads
        self.engine = Engine(package, replace(self.settings, inter_threads=max(1, worker.state.nthreads)))

    def _package(self, local_directory: Path) -> ArgosPackage:
        if self.archive is None:
            return load_package(Path(self.package_path))
        folder = local_directory / "pipeline-packages"
        folder.mkdir(parents=True, exist_ok=True)
        archive = folder / f"{Path(self.package_path).name}-{self.model_sha256[:16]}.argosmodel"
        if not archive.is_file():
            handle, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(self.archive)
            os.replace(tmp, archive)
        return open_package(archive, folder)


def _undo_malloc_trimming() -> None:
    """Give CTranslate2 back glibc's usual large-allocation thresholds.

    Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also switches
    off glibc's adaptive mmap threshold: every large buffer CTranslate2 allocates per
    decoding step is then mmap'ed and unmapped, which doubled the CPU time of a model
    call in benchmarks/dask_scaling.py. 32 MiB is glibc's own ceiling for the adaptive
    threshold. Not glibc (macOS, musl): nothing to undo.
    """
    import ctypes

    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):
        return
    mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD
    mallopt(-1, 64 << 20)  # M_TRIM_THRESHOLD


class Shared(WorkerPlugin):
    """A value every worker keeps (the annotation lexicon), there again after a restart."""

    idempotent = True

    def __init__(self, value):
        self.value = value


def sees_model(model_bin: str, size: int) -> bool:
    """Whether this worker reads the client's model file at the same path (same size)."""
    path = Path(model_bin)
    return path.is_file() and path.stat().st_size == size


def translate_batch(plugin: str, batch: list[list[str]]) -> list[Output]:
    """One length-sorted batch of tokenized inputs through this worker's model."""
    return get_worker().plugins[plugin].engine.translate_pieces(batch)


def annotate(plugin: str, doc: Document) -> Document:
    """Annotate one document with the lexicon the client shared."""
    from ..annotate import annotate

    return annotate(doc, get_worker().plugins[plugin].value)


def prepare(entry, segment_options) -> tuple[Document | None, str | None]:
    """Read and segment one entry: (document, None), or (None, the one-line failure)."""
    from ..run import prepare_entry

    try:
        return prepare_entry(entry, segment_options), None
    except PipelineError as exc:
        return None, str(exc)
