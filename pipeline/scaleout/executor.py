"""`DaskExecutor`: the stages of `pipeline run` on a Dask cluster, same output bytes.

The seam is `pipeline.run.InProcess`: prepare, translate, annotate, each an
iterator of documents in corpus order. Here:

- prepare and annotate are one task per document, at most `window` in flight,
  results taken in submission order;
- translate is `pipeline.translate.translate_documents` itself, run on the client:
  it looks every sentence up in the cache, splits and tokenizes what is missing into
  the same length-sorted batches as in-process, and hands the batches to
  `_run_batches`, which sends them to the workers and gives each result back as it
  arrives, so the translator stores it in the cache at once. A worker that dies
  mid-batch loses nothing: the scheduler reruns its task elsewhere, and every batch
  that finished is in the cache already;
- export and writing stay with `pipeline.run`, on the client, in document order.

A lost scheduler ends the run with a one-line `ClusterError`; a rerun takes every
finished translation from the cache.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import io
import uuid
import zipfile
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from distributed import Client, as_completed
from distributed.scheduler import KilledWorker

from ..engine import EngineSettings
from ..errors import ClusterError
from ..model import Document
from . import worker
from .cluster import GPU, check_gpu_workers, connect, start_local_cluster

# what a client raises when its scheduler is gone (futures cancelled, comms closed)
_LOST = (asyncio.CancelledError, concurrent.futures.CancelledError, OSError, TimeoutError)


class DaskExecutor:
    """Stages on a cluster: a running scheduler at `scheduler`, else a local cluster
    of `workers` processes (None: one per core, or per GPU with device "cuda").
    Use as a context manager: the cluster is started or reached on entering."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None, device: str = "cpu"):
        self.scheduler = scheduler
        self.workers = workers
        self.device = device
        self.cluster = None
        self._client: Client | None = None
        self._worker_options = None  # the TranslateOptions the workers load the model with
        self._plugins: set[str] = set()

    def __enter__(self) -> DaskExecutor:
        self.client  # noqa: B018 - start or reach the cluster now: an unreachable scheduler fails at once
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        for closable in (self._client, self.cluster):
            if closable is not None:
                try:
                    closable.close()
                except (OSError, TimeoutError, RuntimeError):
                    pass  # a lost scheduler: nothing left to close
        self._client = self.cluster = None

    @property
    def client(self) -> Client:
        if self._client is None:
            if self.scheduler is None:
                self.cluster = start_local_cluster(self.device, self.workers)
            self._client = connect(self.scheduler or self.cluster)
            if self.device == "cuda":
                check_gpu_workers(self._client)
        return self._client

    @property
    def address(self) -> str:
        return self.scheduler or (self.cluster.scheduler_address if self.cluster else "the local cluster")

    # -- the seam of pipeline.run ------------------------------------------------

    def translator_options(self, translate_options):
        """The client's translator only looks up, tokenizes and stores: one CPU thread, no
        progress bar of its own (the run has one). The workers load the model as asked."""
        self._worker_options = translate_options
        return replace(translate_options, device="cpu", threads=1, inter_threads=1, progress=False)

    def prepare(self, entries, options, summary) -> Iterator[Document]:
        from ..run import _fail
        from ..segment import SegmentOptions

        segment_options = options.segment or SegmentOptions()
        run = uuid.uuid4().hex[:8]
        futures = (
            self.client.submit(worker.prepare, entry, segment_options, key=f"prepare-{run}-{entry.id}")
            for entry in entries
        )
        for doc, failure in self._in_order(futures):
            if failure is not None:
                _fail(summary, options, failure)
                continue
            yield doc

    def translate(self, docs, translator, options, total: int) -> Iterator[Document]:
        from ..translate import translate_documents

        self._install_model(translator)
        translator.run_batches = self._run_batches
        try:
            yield from translate_documents(docs, translator)
        finally:
            translator.run_batches = None

    def annotate(self, docs, lexicon) -> Iterator[Document]:
        name = f"pipeline-lexicon-{lexicon.signature}"
        with self._cluster_errors():  # a plugin, not scattered data: a restarted worker gets it too
            self.client.register_plugin(worker.Shared(lexicon), name=name)
        run = uuid.uuid4().hex[:8]
        futures = (self.client.submit(worker.annotate, name, doc, key=f"annotate-{run}-{doc.id}") for doc in docs)
        yield from self._in_order(futures)

    # -- translation on the workers ---------------------------------------------

    def _install_model(self, translator) -> None:
        """Register the model plugin: every worker loads the package once (shipped if it cannot read it)."""
        options = self._worker_options or translator.options
        settings = worker_settings(options)
        self._resources = task_resources(options)
        self._plugin = name = worker.plugin_name(translator.model_sha256, settings)
        if name in self._plugins:
            return
        package = translator.package
        with self._cluster_errors():
            seen = self.client.run(worker.sees_model, str(package.model_bin), package.model_bin.stat().st_size)
            archive = None if seen and all(seen.values()) else package_archive(package.path)
            self.client.register_plugin(
                worker.ModelPlugin(str(package.path), translator.model_sha256, settings, archive), name=name
            )
        self._plugins.add(name)

    def _run_batches(self, batches: list[list[list[str]]]) -> Iterator[tuple[int, list]]:
        """Send every batch to the workers; yield (batch index, outputs) as each one finishes."""
        run = uuid.uuid4().hex[:8]
        with self._cluster_errors():
            futures = {
                self.client.submit(
                    worker.translate_batch,
                    self._plugin,
                    batch,
                    key=f"translate-batch-{run}-{index}",
                    resources=self._resources,
                ): index
                for index, batch in enumerate(batches)
            }
        try:
            for future in as_completed(futures, loop=self.client.loop):
                yield futures[future], self._result(future)
                future.release()
        finally:
            self.client.cancel(list(futures))  # stopped early (an error): nothing left running

    # -- helpers -------------------------------------------------------------------

    @property
    def window(self) -> int:
        """Documents in flight per stage: enough to keep every worker thread busy."""
        threads = sum(self.client.nthreads().values()) if self._client else 2
        return max(8, 4 * threads)

    def _in_order(self, futures: Iterable) -> Iterator:
        """Results of `futures` in their order, submitting at most `window` ahead."""
        pending: deque = deque()
        window = self.window
        with self._cluster_errors():
            for future in futures:
                pending.append(future)
                if len(pending) >= window:
                    yield self._result(pending.popleft())
        while pending:
            yield self._result(pending.popleft())

    def _result(self, future):
        with self._cluster_errors():
            return future.result()

    @contextlib.contextmanager
    def _cluster_errors(self) -> Iterator[None]:
        """A lost scheduler (or a task that keeps killing its workers) becomes a one-line ClusterError."""
        try:
            yield
        except KilledWorker as exc:
            raise ClusterError(f"Dask at {self.address}: a task killed its workers again and again ({exc})") from None
        except _LOST as exc:
            if self._client is not None and self._client.status == "running":  # the scheduler is there
                if isinstance(exc, OSError | TimeoutError):
                    raise  # the task's own error, not the cluster's
                raise ClusterError(" ".join(f"Dask at {self.address}: {exc}".split())) from None
            reason = getattr(exc, "reason", None) or " ".join(f"{type(exc).__name__}: {exc}".split())
            raise ClusterError(
                f"lost the Dask scheduler at {self.address} ({reason}); "
                "every translation finished so far is in the cache: run again to resume"
            ) from None


def worker_settings(translate_options) -> EngineSettings:
    """How workers load the model: CTranslate2 threads explicit (workers run with
    OMP_NUM_THREADS=1), one intra thread per model call unless --threads says otherwise."""
    o = translate_options
    return EngineSettings(
        device=o.device,
        compute_type=o.compute_type,
        intra_threads=o.threads or 1,
        beam_size=o.beam_size,
        max_batch_size=o.batch_size,
        max_decoding_length=o.max_decoding_length,
    )


def task_resources(translate_options) -> dict[str, int] | None:
    """What a translation task needs: a GPU worker with --device cuda, any worker on CPU."""
    return {GPU: 1} if translate_options is not None and translate_options.device == "cuda" else None


def package_archive(folder: Path) -> bytes:
    """The package folder as an `.argosmodel` zip (stored, not compressed: the model is int8 already)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, Path(folder.name) / path.relative_to(folder))
    return buffer.getvalue()
