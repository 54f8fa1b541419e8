"""`pipeline run` on a real Dask LocalCluster (2 spawned worker processes, the tiny
stand-in): the same bytes as in process, a rerun answered by the cache, and a worker
killed mid-batch without losing anything."""

from __future__ import annotations

import os
import signal

import pytest
from dask_support import files, run_options, same_summary
from distributed import WorkerPlugin

from pipeline.run import run_pipeline
from pipeline.scaleout.executor import DaskExecutor


@pytest.fixture(scope="module")
def cluster_runs(tmp_path_factory, dask_corpus, standin_argosmodel, tei_schema):
    """Two runs on one local cluster, the second over the same output and cache."""
    tmp = tmp_path_factory.mktemp("dask")
    with DaskExecutor(workers=2) as executor:
        options = run_options(dask_corpus, tmp / "out", standin_argosmodel, tmp / "cache", executor)
        first = run_pipeline(options, schema=tei_schema)
        first_files = files(options.output)
        worker_pids = set(executor.client.run(os.getpid).values())
        second = run_pipeline(options, schema=tei_schema)
    return first, first_files, second, files(options.output), worker_pids


def test_cluster_output_is_byte_identical_to_in_process(dask_reference, cluster_runs):
    ref_summary, ref_files = dask_reference
    first, first_files, _, _, worker_pids = cluster_runs
    assert len(worker_pids) == 2 and os.getpid() not in worker_pids  # really two other processes
    assert sorted(first_files) == sorted(ref_files) and "corpus.xml" in first_files
    for name, data in ref_files.items():
        assert first_files[name] == data, name
    assert first.translated == ref_summary.translated > 20
    assert same_summary(first, ref_summary)


def test_cluster_reports_the_unreadable_file_by_name_as_in_process(dask_reference, cluster_runs):
    first = cluster_runs[0]
    assert len(first.failed) == 1 and "2019-07-onleesbaar.txt: file is empty" in first.failed[0]
    assert first.failed == dask_reference[0].failed and first.documents == 3


def test_cluster_rerun_is_served_from_the_cache_with_no_model_call(cluster_runs):
    first, first_files, second, second_files, _ = cluster_runs
    assert second.translated == 0 and second.from_cache == first.translated
    assert "translated  0 new" in second.format()
    assert second.written == [] and second_files == first_files


class KillOnSecondBatch(WorkerPlugin):
    """Fault injection: the first worker to start its second translation batch (so one
    batch has finished) writes its process id to `marker` and dies with SIGKILL."""

    def __init__(self, marker: str):
        self.marker = marker
        self.started = 0

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing" or not str(key).startswith("translate-batch"):
            return
        self.started += 1
        if self.started < 2:
            return
        try:
            handle = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return  # one kill per run, not one per restarted worker
        os.write(handle, str(os.getpid()).encode())
        os.close(handle)
        os.kill(os.getpid(), signal.SIGKILL)


def test_worker_killed_mid_batch_loses_nothing(tmp_path, dask_corpus, standin_argosmodel, tei_schema, dask_reference):
    ref_summary, ref_files = dask_reference
    marker = tmp_path / "killed-pid"
    with DaskExecutor(workers=2) as executor:
        executor.client.register_plugin(KillOnSecondBatch(str(marker)), name="kill-on-second-batch")
        options = run_options(dask_corpus, tmp_path / "out", standin_argosmodel, tmp_path / "cache", executor)
        summary = run_pipeline(options, schema=tei_schema)
        pids_after = set(executor.client.run(os.getpid).values())
    killed = int(marker.read_text())
    assert killed not in pids_after and len(pids_after) == 2  # the nanny started a fresh worker
    with pytest.raises(ProcessLookupError):
        os.kill(killed, 0)
    assert files(options.output) == ref_files
    assert summary.translated == ref_summary.translated and same_summary(summary, ref_summary)
