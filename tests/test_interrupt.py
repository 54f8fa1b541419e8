"""Ctrl-C during `pipeline run`: exit 130 within 2 s, the translations of finished batches
kept and counted, nothing half-written; the rerun resumes and ends where an
uninterrupted run ends, byte for byte."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.interrupt import deferred_interrupt, interrupted
from pipeline.run import RunOptions, run_pipeline
from pipeline.tei.options import ExportOptions
from pipeline.translate import TranslateOptions
from pipeline.translation_cache import CACHE_FILE

REPO = Path(__file__).resolve().parent.parent
PIPELINE = [sys.executable, "-c", "from pipeline.cli import main; main()"]
BATCH = 1  # one sentence per model call: many short calls, the signal lands between two of them
ACTORS = ["de minister", "de staatssecretaris", "UNHCR", "de IOM", "de Libische kustwacht", "de Europese Commissie"]
TOPICS = [
    "de opvang in de regio",
    "de detentiecentra in Libië",
    "vrijwillige terugkeer",
    "het beginsel van non-refoulement",
    "het EU-noodtrustfonds voor Afrika",
]
# 60 distinct sentences in the genre's style, in two documents
SENTENCES = [
    f"Op {day} maart 2018 sprak {actor} over {topic}." for day in (3, 14) for actor in ACTORS for topic in TOPICS
]


@pytest.fixture(scope="module")
def slow_standin(tmp_path_factory, real_package_files) -> Path:
    """The tiny stand-in, decoding 60 tokens per sentence."""
    from pipeline.standin import build_standin_argosmodel

    folder = tmp_path_factory.mktemp("standin-slow")
    return build_standin_argosmodel(real_package_files, folder, shape="tiny", eos_after=60)


def make_corpus(folder: Path) -> Path:
    folder.mkdir()
    half = len(SENTENCES) // 2
    (folder / "een.txt").write_text(" ".join(SENTENCES[:half]) + "\n", encoding="utf-8")
    (folder / "twee.txt").write_text(" ".join(SENTENCES[half:]) + "\n", encoding="utf-8")
    return folder


def cached_rows(cache: Path) -> int:
    database = cache / CACHE_FILE
    if not database.is_file():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.1) as connection:
            return connection.execute("SELECT count(*) FROM translations").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def options(corpus: Path, out: Path, model: Path, cache: Path) -> RunOptions:
    return RunOptions(
        corpus,
        out,
        ExportOptions(date="2023-11-14"),  # what SOURCE_DATE_EPOCH=1700000000 gives the CLI
        translate=TranslateOptions(model=model, cache_dir=cache, batch_size=BATCH),
        lexicons=REPO / "annotations",
    )


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_sigint_during_translation_stops_at_once_keeps_translations_and_the_rerun_resumes(
    tmp_path, slow_standin, tei_schema
):
    corpus, out, cache = make_corpus(tmp_path / "corpus"), tmp_path / "out", tmp_path / "cache"
    command = [*PIPELINE, "run", str(corpus), "-o", str(out), "--model", str(slow_standin)]
    command += ["--cache-dir", str(cache), "--batch-size", str(BATCH)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while cached_rows(cache) == 0:  # the first batch is committed: translation is under way
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.01)
    sent = time.monotonic()
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    stopped_after = time.monotonic() - sent

    assert process.returncode == 130, stdout + stderr
    assert stopped_after < 2.0, stopped_after
    match = re.fullmatch(
        r"Interrupted: (\d+) new translation\(s\) are kept in the translation cache and 0 file\(s\) written so far "
        r"are complete; run the same command again to resume \(it translates only what is missing\)\n",
        stderr,
    )
    assert match, stderr
    kept = int(match.group(1))
    assert 0 < kept == cached_rows(cache) < len(SENTENCES)  # stopped during translation, every kept row counted
    assert not [p for p in out.rglob("*") if p.is_file()]  # nothing half-written (nothing exported yet)

    resumed = run_pipeline(options(corpus, out, slow_standin, cache), schema=tei_schema)
    assert resumed.ok and resumed.translated == len(SENTENCES) - kept and resumed.from_cache == kept

    reference = tmp_path / "reference"
    whole = run_pipeline(options(corpus, reference, slow_standin, tmp_path / "cache2"), schema=tei_schema)
    assert whole.translated == len(SENTENCES)
    assert files(out) == files(reference)


def test_a_sigint_inside_a_deferred_block_is_raised_when_the_block_ends():
    done = []
    with pytest.raises(KeyboardInterrupt):
        with deferred_interrupt():
            signal.raise_signal(signal.SIGINT)
            done.append("the second write of the pair")
    assert done == ["the second write of the pair"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored


def test_while_the_schema_compiles_sigint_ends_the_process_at_once():
    # compiling tei_all holds the interpreter for seconds; no Python handler could run meanwhile
    code = (
        "import os, signal, time\n"
        "from pipeline.interrupt import interrupt_ends_process\n"
        "with interrupt_ends_process():\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(30)\n"
    )
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == -signal.SIGINT and time.monotonic() - started < 20  # not the 30 s sleep


@pytest.mark.parametrize(
    "kept, translating, message",
    [
        (
            None,
            True,
            "2 file(s) written so far are complete; no translation is kept (--no-cache): "
            "a rerun translates everything again",
        ),
        (None, False, "2 file(s) written so far are complete; run the same command again to export the rest"),
    ],
)
def test_the_message_without_cache_or_translation(kept, translating, message):
    error = interrupted(2, kept, translating)
    assert str(error) == message and error.exit_code == 130
