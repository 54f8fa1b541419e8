"""How the Dask executor is configured: GPU workers, worker model settings, the model
shipped to workers that cannot read it, and the one-line errors of the CLI."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from distributed import LocalCluster, Nanny

from pipeline.cli import cli
from pipeline.errors import ClusterError, ModelError, PipelineError
from pipeline.packages import open_package
from pipeline.scaleout import INSTALL_HINT, cluster, dask_executor
from pipeline.scaleout.executor import DaskExecutor, package_archive, task_resources, worker_settings
from pipeline.scaleout.worker import ModelPlugin
from pipeline.translate import TranslateOptions


def test_cuda_cluster_is_one_single_threaded_worker_per_gpu_each_seeing_its_own():
    specs = cluster.gpu_worker_specs(2)
    assert [s["cls"] for s in specs.values()] == [Nanny, Nanny]
    assert [s["options"]["env"]["CUDA_VISIBLE_DEVICES"] for s in specs.values()] == ["0", "1"]
    assert all(s["options"]["nthreads"] == 1 and s["options"]["resources"] == {"GPU": 1} for s in specs.values())


def test_cuda_translation_tasks_need_a_gpu_worker_and_load_the_model_on_cuda():
    options = TranslateOptions(device="cuda", threads=4, beam_size=2, batch_size=64)
    settings = worker_settings(options)
    assert (settings.device, settings.intra_threads, settings.beam_size, settings.max_batch_size) == ("cuda", 4, 2, 64)
    assert task_resources(options) == {"GPU": 1}
    assert task_resources(TranslateOptions()) is None


def test_worker_threads_are_explicit_even_when_the_user_leaves_them_to_ctranslate2():
    assert worker_settings(TranslateOptions(threads=0)).intra_threads == 1  # not "0": OMP_NUM_THREADS=1 there


def test_the_client_translator_only_tokenizes_and_caches_on_one_cpu_thread():
    executor = DaskExecutor(device="cuda")
    client_side = executor.translator_options(TranslateOptions(device="cuda", threads=8, progress=True))
    assert (client_side.device, client_side.threads, client_side.progress) == ("cpu", 1, False)


def test_cuda_on_a_cluster_without_gpu_workers_is_a_one_line_error():
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as local:
        executor = DaskExecutor(scheduler=local.scheduler_address, device="cuda")
        with pytest.raises(ClusterError, match=r"no Dask worker offers a GPU.*--resources GPU=1"):
            executor.client  # noqa: B018 - connecting is what is checked
        executor.close()


def test_shipped_package_loads_on_a_worker_that_cannot_read_the_clients_path(tmp_path, standin_argosmodel):
    package = open_package(standin_argosmodel, tmp_path / "client")
    from pipeline.translation_cache import sha256_file

    checksum = sha256_file(package.model_bin)
    archive = package_archive(package.path)
    settings = worker_settings(TranslateOptions())
    plugin = ModelPlugin("/nowhere/on/this/worker/" + package.path.name, checksum, settings, archive)
    worker = SimpleNamespace(
        local_directory=str(tmp_path / "worker"), address="tcp://w1", state=SimpleNamespace(nthreads=2)
    )
    plugin.setup(worker)
    assert plugin.engine.settings.inter_threads == 2 and plugin.engine.package.path.is_relative_to(tmp_path / "worker")
    tokens = [plugin.engine.tokenize("De minister zal de Kamer informeren.")]
    from pipeline.engine import Engine

    assert plugin.engine.translate_pieces(tokens) == Engine(package, settings).translate_pieces(tokens)

    wrong = ModelPlugin(str(package.path), "0" * 64, settings)
    with pytest.raises(ModelError, match=r"on worker tcp://w1 is not the client's model"):
        wrong.setup(worker)


def test_without_dask_installed_the_dask_executor_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an install without the extra looks like
    with pytest.raises(PipelineError, match="pip install"):
        dask_executor()
    (tmp_path / "brief.txt").write_text("De minister schrijft de Kamer.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["run", str(tmp_path / "brief.txt"), "-o", str(tmp_path / "out"), "--executor", "dask"]
    )
    assert result.exit_code == 1 and result.output.strip() == f"Error: {INSTALL_HINT}"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--workers", "2"], "--workers sizes a Dask cluster: add --executor dask"),
        (["--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"], "with --scheduler, start the workers yourself"),
    ],
)
def test_workers_option_misuse_is_a_usage_error(tmp_path, arguments, message):
    (tmp_path / "brief.txt").write_text("De minister schrijft de Kamer.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "brief.txt"), "-o", str(tmp_path / "out"), *arguments])
    assert result.exit_code == 2 and message in result.output


def test_unreachable_scheduler_is_a_one_line_error(monkeypatch, tmp_path):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1)
    (tmp_path / "brief.txt").write_text("De minister schrijft de Kamer.\n", encoding="utf-8")
    arguments = ["run", str(tmp_path / "brief.txt"), "-o", str(tmp_path / "out"), "--no-translate"]
    result = CliRunner().invoke(cli, [*arguments, "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.output.strip().splitlines()) == 1
