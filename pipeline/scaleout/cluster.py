"""Starting a local Dask cluster, or reaching a running one.

CPU: `LocalCluster` with one single-threaded worker process per core (each model
call then uses one core: the throughput setting). CUDA: one worker per GPU, each
seeing only its own device (CUDA_VISIBLE_DEVICES) and offering the resource
`GPU=1`, so translation tasks go to GPU workers only. Worker processes are spawned,
never forked: CTranslate2 is not fork-safe, and the client has loaded it.
"""

from __future__ import annotations

import logging
import os

import dask
from distributed import Client, LocalCluster, Nanny, Scheduler, SpecCluster

from ..errors import ClusterError

GPU = "GPU"  # the worker resource a translation task needs with --device cuda
CONNECT_TIMEOUT_S = 30


def default_workers(device: str) -> int:
    """One worker per core, or per GPU with `--device cuda`."""
    if device == "cuda":
        import ctranslate2

        return ctranslate2.get_cuda_device_count()
    return os.cpu_count() or 1


def gpu_worker_specs(gpus: int) -> dict[str, dict]:
    """`SpecCluster` worker specs: worker i sees GPU i alone and offers GPU=1."""
    return {
        f"gpu-{i}": {
            "cls": Nanny,
            "options": {"nthreads": 1, "env": {"CUDA_VISIBLE_DEVICES": str(i)}, "resources": {GPU: 1}},
        }
        for i in range(gpus)
    }


def start_local_cluster(device: str = "cpu", workers: int | None = None):
    """A cluster of spawned worker processes on this machine."""
    dask.config.set({"distributed.worker.multiprocessing-method": "spawn"})
    count = workers or default_workers(device)
    if count < 1:
        raise ClusterError(f"no {device} device for a worker: this machine has no GPU that CTranslate2 can use")
    quiet = logging.ERROR  # a restarted worker is reported by the run itself, not by Dask's log lines
    if device == "cuda":
        scheduler = {"cls": Scheduler, "options": {"dashboard_address": None}}
        return SpecCluster(workers=gpu_worker_specs(count), scheduler=scheduler, silence_logs=quiet)
    return LocalCluster(
        n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=quiet
    )


def connect(address: str) -> Client:
    """A client of the scheduler at `address` (or of a local cluster object)."""
    try:
        return Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc})") from None


def check_gpu_workers(client: Client) -> None:
    """With --device cuda, at least one worker must offer a GPU, or translation would wait forever."""
    workers = client.scheduler_info(n_workers=-1)["workers"].values()
    if not any(w.get("resources", {}).get(GPU) for w in workers):
        raise ClusterError(
            "--device cuda: no Dask worker offers a GPU; start one worker per GPU with "
            "`CUDA_VISIBLE_DEVICES=i dask worker ADDRESS --nthreads 1 --resources GPU=1`"
        )
