"""Dates: a rerun on a later day without SOURCE_DATE_EPOCH leaves every file as it was;
changed content gets the new date; SOURCE_DATE_EPOCH always wins."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.export_dates import export_date_of
from pipeline.run import RunOptions, run_pipeline
from pipeline.tei.options import ExportOptions, date_is_fixed

LEXICONS = Path(__file__).resolve().parent.parent / "annotations"
PIPELINE = [sys.executable, "-c", "from pipeline.cli import main; main()"]
MANIFEST = """documents:
  - id: brief
    file: brief.txt
    title: Brief over opvang in de regio
    date: "2019-03"
  - id: nota
    file: nota.md
    title: Nota over terugkeer
    variety: nl-BE
"""
BRIEF = (
    "Geachte Voorzitter,\n\nHierbij informeer ik uw Kamer over de opvang in de regio. Het kabinet steunt "
    "UNHCR en IOM bij de evacuatie van kwetsbare migranten uit Libië.\n\nHet beginsel van non-refoulement "
    "blijft daarbij leidend.\n"
)
NOTA = "# Terugkeer\n\nDe Vlaamse regering vraagt de Europese Unie om meer steun. Dat is nodig.\n"


def make_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    (folder / "brief.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "nota.md").write_text(NOTA, encoding="utf-8")
    return folder


def run(corpus: Path, out: Path, model: Path, cache: Path, faketime: str | None = None, epoch: str | None = None):
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    prefix = ["faketime", faketime] if faketime else []
    command = [*prefix, *PIPELINE, "run", str(corpus), "-o", str(out), "--model", str(model), "--cache-dir", str(cache)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` (the hidden copies included): its bytes and modification time."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def faketime():
    if shutil.which("faketime") is None:
        pytest.fail("faketime is not installed (apt-get install faketime); .ci/run installs it")
    return "faketime"


def test_rerun_a_year_later_without_source_date_epoch_changes_no_file(tmp_path, standin_argosmodel, faketime):
    corpus, out, cache = make_corpus(tmp_path / "corpus"), tmp_path / "out", tmp_path / "cache"
    run(corpus, out, standin_argosmodel, cache, faketime="2031-05-04 10:00:00")
    before = snapshot(out)
    assert export_date_of(before["brief.xml"][0]) == "2031-05-04"
    summary = run(corpus, out, standin_argosmodel, cache, faketime="2032-05-04 10:00:00")
    assert "files       0 written" in summary
    assert snapshot(out) == before  # bytes and mtimes: nothing rewritten


def run_on(corpus: Path, out: Path, date: str, keep_dates: bool, schema):
    options = RunOptions(corpus, out, ExportOptions(date=date, keep_dates=keep_dates), lexicons=LEXICONS)
    summary = run_pipeline(options, schema=schema)
    assert summary.ok, summary.failed
    return summary


def test_changed_content_gets_the_new_date_unchanged_files_keep_theirs(tmp_path, tei_schema):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / "out"
    run_on(corpus, out, "2031-05-04", True, tei_schema)
    brief = (out / "brief.xml").read_bytes()
    (corpus / "nota.md").write_text(NOTA + "\nEen nieuwe alinea over de terugkeer.\n", encoding="utf-8")
    summary = run_on(corpus, out, "2032-05-04", True, tei_schema)
    assert [p.name for p in summary.written] == ["nota.xml", "corpus.xml"]  # corpus.xml counts nota's sentences
    nota = (out / "nota.xml").read_bytes()
    assert export_date_of(nota) == "2032-05-04" and b'<change when="2032-05-04">Exported by' in nota
    assert export_date_of((out / "corpus.xml").read_bytes()) == "2032-05-04"
    assert (out / "brief.xml").read_bytes() == brief


def test_a_fixed_date_is_written_whatever_was_written_before(tmp_path, tei_schema):
    corpus, out = make_corpus(tmp_path / "corpus"), tmp_path / "out"
    run_on(corpus, out, "2023-11-14", False, tei_schema)
    run_on(corpus, out, "2027-01-15", False, tei_schema)
    for name in ("brief.xml", "nota.xml", "corpus.xml"):
        assert export_date_of((out / name).read_bytes()) == "2027-01-15", name


@pytest.mark.parametrize(
    "environ, fixed", [({}, False), ({"SOURCE_DATE_EPOCH": " "}, False), ({"SOURCE_DATE_EPOCH": "0"}, True)]
)
def test_the_cli_keeps_dates_unless_source_date_epoch_is_set(environ, fixed):
    assert date_is_fixed(environ) is fixed
