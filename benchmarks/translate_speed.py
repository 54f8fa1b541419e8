"""Translation speed on the corpus: this pipeline vs argostranslate vs raw CTranslate2.

    .venv/bin/python benchmarks/translate_speed.py [--threads 2] [--beam-size 4] [--eos-after 30] [--repeat 3]

Builds (once, cached in benchmarks/.work/) the production-shape stand-in package
(transformer-base, int8, real 67,027-entry vocabulary, every output exactly
`eos_after` subwords), then translates the whole corpus four ways, each in a fresh
process, with the same package, beam size and thread count:

  (a) this pipeline's translate stage: translate_documents over all documents, cache disabled;
  (b) argostranslate.translate, one call per document, as a library user would
      (needs the `argos` extra: pip install ".[argos]"; skipped with a message otherwise);
  (c) raw ctranslate2 translate_batch over the same pre-tokenized inputs as (a),
      with its best batch size (the ceiling; only the translate_batch call is timed):
      a short sweep picks one, and the whole set is timed at that size and at the
      pipeline's own (32), the faster counting;
  (d) the whole `pipeline run corpus` command (read, segment, translate, annotate,
      export, validate, write), fresh translation cache, timed from process start to
      exit, with the process's peak RSS.

(c) and (d) run alternately `--repeat` times, so that a busy machine slows both
alike; each pair's ratio c/d (>= 0.95 is the target) is printed, then the median.

(b) offline: argostranslate splits sentences with Stanza, which downloads resources
on first use; and Stanza 1.10 cannot use the 1.8 package's stanza/ folder at all
(its resources.json lacks the "packages" key; the alpino.pt checkpoint lacks
"feat_dropout" and "lexicon" and uses the feature function "all_caps" that Stanza
1.10 no longer defines). The one change made: argostranslate's
`sbd.StanzaSentencizer.split_sentences` is replaced by a regex splitter on
sentence-final punctuation. Everything else is argostranslate as installed. Stanza
costs time, so this change makes (b) faster than real argostranslate: a/b is a
lower bound. This pipeline has no such dependency on the network or on Stanza.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "benchmarks" / ".work"
SHARED = Path(os.environ.get("PIPELINE_SHARED", REPO.parent / "shared"))
PACKAGE_FILES = SHARED / "models" / "translate-nl_en-1_8"


def corpus_documents():
    """The corpus as segmented Documents."""
    from pipeline.corpus import load_manifest
    from pipeline.readers import read_document
    from pipeline.segment import segment

    return [segment(read_document(e)) for e in load_manifest(REPO / "corpus" / "manifest.yaml")]


def translatable_texts(docs):
    from pipeline.model import TRANSLATABLE_KINDS

    return [
        s.text for d in docs for b in d.blocks if b.kind in TRANSLATABLE_KINDS for s in b.sentences if s.lang != "en"
    ]


def ensure_package(eos_after: int) -> Path:
    from pipeline.packages import open_package
    from pipeline.standin import build_standin_argosmodel

    zip_path = WORK / f"translate-nl_en-standin-base-n{eos_after}.argosmodel"
    if not zip_path.is_file():
        t = time.perf_counter()
        build_standin_argosmodel(PACKAGE_FILES, WORK, shape="base", eos_after=eos_after)
        print(f"built {zip_path.name} in {time.perf_counter() - t:.0f} s", flush=True)
    return open_package(zip_path, WORK / "unpacked").path


def run_pipeline(package: Path, threads: int, beam: int) -> dict:
    from pipeline.translate import TranslateOptions, open_translator, translate_documents

    docs = corpus_documents()
    options = TranslateOptions(model=package, use_cache=False, threads=threads, beam_size=beam)
    with open_translator(options) as translator:
        start = time.perf_counter()
        out = list(translate_documents(iter(docs), translator))
        elapsed = time.perf_counter() - start
        stats = translator.stats
    return {
        "sentences": stats.translated,
        "seconds": elapsed,
        "model_calls": stats.model_calls,
        "inputs": stats.model_inputs,
        "documents": len(out),
    }


def run_argos(package: Path, threads: int, beam: int) -> dict:
    os.environ.update(
        ARGOS_PACKAGES_DIR=str(package.parent),
        ARGOS_INTRA_THREADS=str(threads),
        ARGOS_BEAM_SIZE=str(beam),
        ARGOS_DEVICE_TYPE="cpu",
    )
    from argostranslate import sbd, translate

    def split_sentences(self, text):  # the one change, see the module docstring
        return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]

    sbd.StanzaSentencizer.split_sentences = split_sentences
    docs = corpus_documents()
    texts = [
        "\n".join(" ".join(s.text for s in b.sentences if s.lang != "en") for b in d.blocks if b.sentences)
        for d in docs
    ]
    translation = translate.get_translation_from_codes("nl", "en")
    start = time.perf_counter()
    for text in texts:
        translation.translate(text)
    elapsed = time.perf_counter() - start
    return {"sentences": len(translatable_texts(docs)), "seconds": elapsed}


def run_ct2(package: Path, threads: int, beam: int) -> dict:
    import ctranslate2
    import sentencepiece

    from pipeline.translate import TranslateOptions, split_for_model

    sp = sentencepiece.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    tokenize = lambda s: sp.encode(s, out_type=str)  # noqa: E731
    occurrences = translatable_texts(corpus_documents())
    texts = list(dict.fromkeys(occurrences))  # the same distinct texts (a) sends to the model
    batch = [tokenize(p.strip()) for t in texts for p in split_for_model(t, tokenize, 256)]
    translator = ctranslate2.Translator(str(package / "model"), intra_threads=threads)
    sweep = {}
    sample = batch[:: max(1, len(batch) // 160)]  # every k-th input: the corpus's mix of lengths
    for size in (8, 16, 32, 64):
        start = time.perf_counter()
        translator.translate_batch(sample, max_batch_size=size, beam_size=beam, length_penalty=0.2)
        sweep[size] = time.perf_counter() - start
    # the ceiling: the whole set at the sweep's pick, and at the pipeline's own batch size
    # when that differs (a short sweep can pick a size that is slower on the whole set)
    full = {}
    for size in dict.fromkeys((min(sweep, key=sweep.get), TranslateOptions().batch_size)):
        start = time.perf_counter()
        translator.translate_batch(batch, max_batch_size=size, beam_size=beam, length_penalty=0.2, max_input_length=0)
        full[size] = time.perf_counter() - start
    best = min(full, key=full.get)
    return {
        "sentences": len(occurrences),
        "inputs": len(batch),
        "seconds": full[best],
        "batch_size": best,
        "whole_set": {k: round(v, 2) for k, v in full.items()},
        "sweep": {k: round(v, 2) for k, v in sweep.items()},
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process. Linux keeps ru_maxrss across exec (a child would
    report its parent's peak, e.g. from building the stand-in), so VmHWM is read first."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


RUNNERS = {"a": run_pipeline, "b": run_argos, "c": run_ct2}


def child(key: str, args) -> dict:
    """Run (key) in a fresh process; its result with its peak RSS."""
    if key == "d":
        return run_in_child_with_rss(args)
    completed = subprocess.run(
        [sys.executable, __file__, "--only", key, *_common(args)], capture_output=True, text=True, check=False
    )
    line = next((row for row in completed.stdout.splitlines() if row.startswith("RESULT ")), None)
    if completed.returncode or line is None:
        sys.exit(f"run ({key}) failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    return json.loads(line[len("RESULT ") :])


def run_in_child_with_rss(args) -> dict:
    """(d) through a child that spawns `pipeline run` and reads that process's own peak RSS (wait4)."""
    pipeline = Path(sys.executable).parent / "pipeline"
    package = ensure_package(args.eos_after)
    with tempfile.TemporaryDirectory(prefix="translate-speed-") as tmp:
        command = [
            str(pipeline), "run", "corpus", "-o", f"{tmp}/output", "--model", str(package),
            "--threads", str(args.threads), "--beam-size", str(args.beam_size), "--cache-dir", f"{tmp}/cache",
        ]  # fmt: skip
        with open(f"{tmp}/stdout", "w+") as out, open(f"{tmp}/stderr", "w+") as err:
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=err)
            _pid, status, rusage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            summary, errors = out.read(), err.read()
    if process.returncode:
        sys.exit(f"pipeline run failed ({process.returncode}):\n{summary[-3000:]}\n{errors[-3000:]}")
    translated = re.search(r"^translated\s+(\d+) new", summary, re.MULTILINE)
    return {
        "sentences": int(translated.group(1)) if translated else 0,
        "seconds": elapsed,
        "peak_rss_mb": rusage.ru_maxrss / 1024,
        "run_summary_time": re.search(r"^time\s+(.*)$", summary, re.MULTILINE).group(1),
    }


def _common(args) -> list[str]:
    return ["--threads", str(args.threads), "--beam-size", str(args.beam_size), "--eos-after", str(args.eos_after)]


def _show(key: str, r: dict) -> None:
    rest = {k: v for k, v in r.items() if k not in ("sentences", "seconds", "peak_rss_mb")}
    print(
        f"({key}) {r['sentences']} sentences in {r['seconds']:.1f} s = {r['sentences'] / r['seconds']:.2f} sent/s"
        f"  peak RSS {r['peak_rss_mb']:.0f} MB  {json.dumps(rest)}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=min(2, os.cpu_count() or 2))
    parser.add_argument("--beam-size", type=int, default=4)
    parser.add_argument("--eos-after", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=1, help="pairs of (c) and (d) runs, alternating")
    parser.add_argument("--pairs-only", action="store_true", help="only the (c)/(d) pairs, not (a) and (b)")
    parser.add_argument("--only", choices=sorted(RUNNERS), help=argparse.SUPPRESS)  # child process
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    package = ensure_package(args.eos_after)
    if args.only:
        result = RUNNERS[args.only](package, args.threads, args.beam_size)
        result["peak_rss_mb"] = peak_rss_mb()
        print("RESULT " + json.dumps(result), flush=True)
        return
    print(f"N (eos_after) = {args.eos_after}, beam {args.beam_size}, threads {args.threads}, cores {os.cpu_count()}")
    results = {}
    if not args.pairs_only:
        results["a"] = child("a", args)
        _show("a", results["a"])
        if importlib.util.find_spec("argostranslate") is None:
            print("(b) skipped: argostranslate is not installed (pip install '.[argos]' to compare against it)")
        else:
            results["b"] = child("b", args)
            _show("b", results["b"])
    ratios = []
    for _ in range(args.repeat):
        for key in ("c", "d"):
            results[key] = child(key, args)
            _show(key, results[key])
        ratios.append(results["c"]["seconds"] / results["d"]["seconds"])
        print(
            f"whole run (d) {results['d']['seconds']:.1f} s vs raw CTranslate2 (c) {results['c']['seconds']:.1f} s:"
            f" c/d = {ratios[-1]:.3f} (target >= 0.95)  peak RSS of (d) {results['d']['peak_rss_mb']:.0f} MB",
            flush=True,
        )
    speed = {k: r["sentences"] / r["seconds"] for k, r in results.items()}
    if "a" in speed:
        print(f"a/c = {speed['a'] / speed['c']:.2f} (translate stage vs ceiling)")
    if "b" in speed:
        print(f"a/b = {speed['a'] / speed['b']:.2f} (target >= 3)")
    print(
        f"c/d over {len(ratios)} pair(s): median {statistics.median(ratios):.3f}, "
        f"min {min(ratios):.3f}, max {max(ratios):.3f} (target >= 0.95)"
    )


if __name__ == "__main__":
    main()
