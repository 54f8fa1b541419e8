"""`pipeline run` on a Dask LocalCluster against the in-process run, and what the
client costs: where adding workers stops helping.

    python benchmarks/dask_scaling.py [CORPUS] [--eos-after 30]

Base stand-in package (transformer-base, int8, real vocabulary; built once into
benchmarks/.work/ by translate_speed.py), beam 4, translation cache off, the
project's lexicons, every file validated against tei_all. Each run in a fresh process,
timed from the call to run_pipeline to its return (schema loaded and cluster started
before; the cluster's start is reported apart):

  (a) in process, CTranslate2 with 2 threads;
  (b) a LocalCluster of 2 spawned workers x 1 thread, each model call 1 thread.

ratio = (a) / (b): 1.0 means the cluster is as fast as in process on this machine;
the issue asks >= 0.85 on 2 cores. Both outputs must be the same bytes (checked).

Then a scaling table from measured costs. Worker side, per sentence: the compute
time of the prepare, translate-batch and annotate tasks (Dask's task stream). Client
side, per sentence: export + validation (timed in the run), tokenizing and splitting,
a cache lookup and store of every sentence (SQLite, measured on a scratch cache),
pickling what travels (documents three times, batches and their outputs), and Dask's
per-task cost (submit + result of no-op tasks). With N workers the run is at best
min(N / worker cost, 1 / client cost) sentences per second: the client is the
bottleneck from N* = worker cost / client cost workers on. The model assumes the
client's work overlaps the workers'; it does within a translation window, not across
windows (see README, "Running on a Dask cluster").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks" / ".work"
sys.path.insert(0, str(REPO / "benchmarks"))


def _options(corpus: Path, package: Path, output: Path, threads: int, executor=None):
    from pipeline.run import RunOptions
    from pipeline.tei.options import ExportOptions
    from pipeline.translate import TranslateOptions

    return RunOptions(
        corpus,
        output,
        ExportOptions(date="2023-11-14"),
        translate=TranslateOptions(model=package, use_cache=False, beam_size=4, threads=threads),
        lexicons=REPO / "annotations",
        executor=executor,
    )


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def run_in_process(corpus: Path, package: Path) -> dict:
    from pipeline.run import run_pipeline
    from pipeline.tei.schema import load_schema

    schema = load_schema()
    with tempfile.TemporaryDirectory() as tmp:
        options = _options(corpus, package, Path(tmp), threads=2)
        start = time.perf_counter()
        summary = run_pipeline(options, schema=schema)
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "sentences": summary.translated, "digest": _digest(Path(tmp))}


def run_on_cluster(corpus: Path, package: Path) -> dict:
    from distributed import get_task_stream

    import pipeline.run as run_module
    from pipeline.run import run_pipeline
    from pipeline.scaleout.executor import DaskExecutor
    from pipeline.tei.schema import load_schema

    schema = load_schema()
    export_seconds = [0.0]
    export = run_module._export

    def timed_export(*args, **kwargs):  # export + validation + writing, on the client
        start = time.perf_counter()
        try:
            return export(*args, **kwargs)
        finally:
            export_seconds[0] += time.perf_counter() - start

    run_module._export = timed_export
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with DaskExecutor(workers=2) as executor:
            startup = time.perf_counter() - start
            options = _options(corpus, package, Path(tmp) / "out", threads=1, executor=executor)
            with get_task_stream(executor.client) as stream:
                start = time.perf_counter()
                summary = run_pipeline(options, schema=schema)
                seconds = time.perf_counter() - start
            tasks = _task_seconds(stream.data)
            per_task = _task_overhead(executor.client)
        result = {
            "seconds": seconds,
            "startup": startup,
            "sentences": summary.translated,
            "documents": summary.documents,
            "digest": _digest(Path(tmp) / "out"),
            "tasks": tasks,
            "export": export_seconds[0],
            "per_task": per_task,
        }
    result.update(_client_costs(corpus, package))
    return result


def _task_seconds(records: list[dict]) -> dict[str, list[float]]:
    """Compute seconds and count of each kind of task (prepare, translate-batch, annotate)."""
    kinds: dict[str, list[float]] = {}
    for record in records:
        kind = (
            str(record["key"]).rsplit("-", 2)[0] if "batch" in str(record["key"]) else str(record["key"]).split("-")[0]
        )
        compute = sum(s["stop"] - s["start"] for s in record["startstops"] if s["action"] == "compute")
        total = kinds.setdefault(kind, [0.0, 0])
        total[0] += compute
        total[1] += 1
    return kinds


def _task_overhead(client, count: int = 300) -> float:
    """Seconds of client time per task: submit and result of no-op tasks."""
    start = time.perf_counter()
    futures = [client.submit(int, i, key=f"noop-{i}") for i in range(count)]
    for future in futures:
        future.result()
    return (time.perf_counter() - start) / count


def _client_costs(corpus: Path, package: Path) -> dict:
    """What the client does per sentence besides export: tokenize, cache, pickling."""
    from translate_speed import translatable_texts

    from pipeline.corpus import discover
    from pipeline.run import prepare_entry
    from pipeline.segment import SegmentOptions
    from pipeline.translate import TranslateOptions, open_translator, split_for_model
    from pipeline.translation_cache import TranslationCache

    docs = [prepare_entry(entry, SegmentOptions()) for entry in discover(corpus)]
    texts = translatable_texts(docs)
    with open_translator(TranslateOptions(model=package, use_cache=False, threads=1)) as translator:
        engine = translator.engine
        start = time.perf_counter()
        batches = []
        for text in texts:
            for part in split_for_model(text, engine.tokenize, 256):
                batches.append(engine.tokenize(part.strip()))
        tokenize = time.perf_counter() - start
        outputs = engine.translate_pieces(batches[:32])
    with tempfile.TemporaryDirectory() as tmp, TranslationCache.open(Path(tmp)) as cache:
        rows = [(t, (t.upper(),), -0.5) for t in texts]
        start = time.perf_counter()
        for i in range(0, len(rows), 32):
            cache.put_many("key", "engine", rows[i : i + 32])
        cache.get_many("key", texts)
        cache_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for doc in docs:
        for _ in range(3):  # prepare's result, annotate's argument, annotate's result
            pickle.loads(pickle.dumps(doc))
    per_batch = len(pickle.dumps(batches[:32])) + len(pickle.dumps(outputs))
    for i in range(0, len(batches), 32):
        pickle.loads(pickle.dumps(batches[i : i + 32]))
        pickle.loads(pickle.dumps(outputs))
    pickling = time.perf_counter() - start
    return {
        "texts": len(texts),
        "pieces": len(batches),
        "tokenize": tokenize,
        "cache": cache_seconds,
        "pickle": pickling,
        "batch_bytes": per_batch,
        "doc_bytes": sum(len(pickle.dumps(d)) for d in docs) / max(1, len(docs)),
    }


def _child(which: str, corpus: Path, package: Path) -> dict:
    command = [sys.executable, __file__, str(corpus), "--package", str(package), "--only", which]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def scaling_table(r: dict) -> str:
    s = r["sentences"]
    tasks = r["tasks"]
    worker = sum(seconds for seconds, _ in tasks.values()) / s
    batches = tasks.get("translate-batch", [0, 0])[1]
    n_tasks = sum(count for _, count in tasks.values())
    parts = {
        "export+validate": r["export"],
        "tokenize+split": r["tokenize"],
        "cache get+put": r["cache"],
        "pickling": r["pickle"],
        "dask per task": r["per_task"] * n_tasks,
    }
    client = sum(parts.values()) / s
    lines = [
        f"worker cost  {worker * 1000:7.2f} ms/sentence (1 thread; translate {tasks.get('translate-batch', [0])[0] / s * 1000:.2f},"
        f" prepare {tasks.get('prepare', [0])[0] / s * 1000:.2f}, annotate {tasks.get('annotate', [0])[0] / s * 1000:.2f};"
        f" {batches} batches, {s / max(1, batches):.1f} sentences each)",
        f"client cost  {client * 1000:7.2f} ms/sentence ("
        + ", ".join(f"{k} {v / s * 1000:.2f}" for k, v in parts.items())
        + ")",
        f"transfer     {r['batch_bytes'] / 1024:.1f} KiB per batch of 32 (tokens + outputs), {r['doc_bytes'] / 1024:.1f} KiB per document",
        f"client saturates at N* = {worker / client:.0f} workers",
        "",
        "sentences/s; 'as built': the client's work comes between translation windows, 1 / (w/N + c);",
        "'overlapped': the client works while the workers translate, min(N/w, 1/c); hours for 10,000 x 150 sentences",
        f"{'workers':>7}  {'workers alone':>13}  {'as built':>8}  {'hours':>6}  {'overlapped':>10}  {'hours':>6}  bottleneck",
    ]
    for n in (1, 2, 8, 32, 64):
        built = 1 / (worker / n + client)
        overlapped = min(n / worker, 1 / client)
        lines.append(
            f"{n:>7}  {n / worker:>13.1f}  {built:>8.1f}  {1_500_000 / built / 3600:>6.1f}  {overlapped:>10.1f}"
            f"  {1_500_000 / overlapped / 3600:>6.1f}  {'client' if n / worker > 1 / client else 'workers'}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=REPO / "corpus")
    parser.add_argument("--eos-after", type=int, default=30)
    parser.add_argument("--package", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=["in-process", "dask"], help=argparse.SUPPRESS)  # child process
    args = parser.parse_args()
    if args.only:
        run = run_in_process if args.only == "in-process" else run_on_cluster
        print(json.dumps(run(args.corpus, args.package)))
        return
    from translate_speed import ensure_package

    package = ensure_package(args.eos_after)
    local = _child("in-process", args.corpus, package)
    print(
        f"in process, 2 threads:            {local['seconds']:6.1f} s  ({local['sentences'] / local['seconds']:.1f} sentences/s)"
    )
    cluster = _child("dask", args.corpus, package)
    print(
        f"LocalCluster, 2 workers x 1 thread: {cluster['seconds']:6.1f} s  ({cluster['sentences'] / cluster['seconds']:.1f} sentences/s;"
        f" cluster start {cluster['startup']:.1f} s, not counted)"
    )
    print(f"same bytes: {local['digest'] == cluster['digest']}")
    print(f"ratio (in process / cluster) = {local['seconds'] / cluster['seconds']:.2f}  (issue: >= 0.85)")
    print()
    (WORK / "dask_scaling.json").write_text(json.dumps({"in-process": local, "dask": cluster}, indent=1))
    print(scaling_table(cluster))


if __name__ == "__main__":
    main()
