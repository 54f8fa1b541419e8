"""`pipeline run --scheduler tcp://127.0.0.1:PORT` against `dask scheduler` and two
`dask worker` processes started here, as on a real cluster: the same bytes as in
process, every process gone afterwards; a scheduler lost mid-run ends the run with a
one-line error, and the rerun takes what was finished from the cache."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner
from dask_support import REPO, SOURCE_DATE_EPOCH, files
from distributed import Client, WorkerPlugin

from pipeline.cli import cli

DASK = Path(sys.executable).parent / "dask"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def dask_cluster(folder: Path, workers: int = 2):
    """`dask scheduler` and `workers` `dask worker` processes on 127.0.0.1; yields
    (address, scheduler process, every process id started, children included)."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = open(folder / "dask.log", "ab")  # noqa: SIM115 - closed in the finally
    here = str(Path(__file__).parent)  # workers unpickle the fault-injecting plugins defined here
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [here, os.environ.get("PYTHONPATH")]))}
    common = {"stdout": log, "stderr": subprocess.STDOUT, "cwd": folder, "env": env}
    started = [
        subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **common)
    ]
    pids: set[int] = set()
    try:
        for i in range(workers):
            command = [DASK, "worker", address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard"]
            started.append(subprocess.Popen([*command, "--local-directory", str(folder / f"worker-{i}")], **common))
        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=60)
        pids = {p.pid for p in started}
        for process in started:  # each `dask worker` runs a nanny that spawns the worker
            pids |= {child.pid for child in psutil.Process(process.pid).children(recursive=True)}
        yield address, started[0], pids
    finally:
        for process in reversed(started):
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        psutil.wait_procs([p for p in map(_process, pids) if p is not None], timeout=30)
        log.close()


def _process(pid: int):
    try:
        return psutil.Process(pid)
    except psutil.NoSuchProcess:
        return None


def _alive(pids: set[int]) -> list[int]:
    return [pid for pid in pids if (p := _process(pid)) is not None and p.status() != psutil.STATUS_ZOMBIE]


def _pipeline_run(corpus: Path, out: Path, cache: Path, model: Path, *extra: str):
    arguments = ["run", str(corpus), "-o", str(out), "--model", str(model), "--lexicons", str(REPO / "annotations")]
    arguments += ["--batch-size", "4", "--cache-dir", str(cache), *extra]
    return CliRunner().invoke(cli, arguments, env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


def test_run_on_dask_scheduler_and_workers_gives_the_same_bytes(
    tmp_path, dask_corpus, standin_argosmodel, dask_reference
):
    ref_summary, ref_files = dask_reference
    with dask_cluster(tmp_path) as (address, _, pids):
        assert len(pids) >= 5  # scheduler, two `dask worker` commands and the worker each spawned
        result = _pipeline_run(
            dask_corpus, tmp_path / "out", tmp_path / "cache", standin_argosmodel, "--scheduler", address
        )
    assert _alive(pids) == []
    assert result.exit_code == 1, result.output  # the empty file is reported: exit 1
    assert f"translated  {ref_summary.translated} new" in result.output
    assert "FAILED" in result.output and "2019-07-onleesbaar.txt: file is empty" in result.output
    assert files(tmp_path / "out") == ref_files


class KillScheduler(WorkerPlugin):
    """Fault injection: when a worker starts its third translation batch, the scheduler dies (SIGKILL)."""

    def __init__(self, scheduler_pid: int):
        self.scheduler_pid = scheduler_pid
        self.started = 0

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and str(key).startswith("translate-batch"):
            self.started += 1
            if self.started == 3:
                os.kill(self.scheduler_pid, signal.SIGKILL)


@pytest.mark.slow  # two clusters of three processes each: ~30 s
def test_lost_scheduler_is_one_line_and_the_rerun_resumes_from_the_cache(
    tmp_path, dask_corpus, standin_argosmodel, dask_reference
):
    ref_summary, ref_files = dask_reference
    out, cache = tmp_path / "out", tmp_path / "cache"
    with dask_cluster(tmp_path) as (address, scheduler, pids):
        with Client(address, set_as_default=False) as client:
            client.register_plugin(KillScheduler(scheduler.pid), name="kill-scheduler")
        lost = _pipeline_run(dask_corpus, out, cache, standin_argosmodel, "--scheduler", address)
        assert scheduler.wait(timeout=30) == -signal.SIGKILL
    assert _alive(pids) == []
    assert lost.exit_code == 1
    [message] = [line for line in lost.output.splitlines() if line.startswith("Error:")]
    assert message.startswith(f"Error: lost the Dask scheduler at {address}") and "run again to resume" in message
    assert not (out / "corpus.xml").exists()

    with dask_cluster(tmp_path) as (address, _, pids):
        rerun = _pipeline_run(dask_corpus, out, cache, standin_argosmodel, "--scheduler", address)
    assert _alive(pids) == []
    new = int(rerun.output.split("translated  ", 1)[1].split(" new", 1)[0])
    from_cache = int(rerun.output.split(" new, ", 1)[1].split(" from cache", 1)[0])
    assert from_cache > 0 and new + from_cache == ref_summary.translated, rerun.output
    assert files(out) == ref_files
