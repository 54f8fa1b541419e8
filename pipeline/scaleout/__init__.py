"""Scale-out: `pipeline run --executor dask` runs the stages on a Dask cluster.

A local cluster of spawned worker processes (`distributed.LocalCluster`), or a
running scheduler (`--scheduler tcp://HOST:8786`) with `dask worker`s on other
machines. Workers read, segment, translate (length-sorted batches across documents,
the model loaded once per worker) and annotate; the client keeps the translation
cache, applies translations and exports, in document order, so the files are the
same bytes as an in-process run. Dask is the optional extra `pip install ".[dask]"`.

- `worker`: what runs on workers (the model plugin, the task functions);
- `cluster`: starting or reaching a cluster, sized for CPU or one worker per GPU;
- `executor`: `DaskExecutor`, the stages on the cluster behind `pipeline.run`'s seam.
"""

from __future__ import annotations

from ..errors import PipelineError

INSTALL_HINT = 'pipeline run --executor dask needs Dask: pip install ".[dask]" (or pip install distributed)'


def dask_executor(scheduler: str | None = None, workers: int | None = None, device: str = "cpu"):
    """A `DaskExecutor`, or a one-line PipelineError saying how to install Dask."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise PipelineError(INSTALL_HINT) from None
    from .executor import DaskExecutor

    return DaskExecutor(scheduler=scheduler, workers=workers, device=device)
