"""`pipeline run` from the command line: --no-translate, bad input, a missing model, leftovers."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.tei.schema import validate

GOOD = "Dit is de eerste zin van de brief. Dit is de tweede zin.\n\nEen nieuwe alinea met tekst.\n"


@pytest.fixture
def small_corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.txt").write_text(GOOD, encoding="utf-8")
    return folder


def test_no_translate_exports_valid_dutch_only_tei(small_corpus, tmp_path, tei_schema, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(small_corpus), "-o", str(out), "--no-translate"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.xml")) == ["brief.xml", "corpus.xml"]
    data = (out / "brief.xml").read_bytes()
    assert validate(tei_schema, data) == [] and validate(tei_schema, out / "corpus.xml") == []
    assert b"The English side was not produced: translation was switched off (pipeline run --no-translate)." in data
    assert b'<date when="2023-11-14">2023-11-14</date>' in data
    assert "documents   1 exported" in result.output
    # two TEI files, plus the citation table and the (empty) mismatch list of the annotation stage
    assert "files       4 written, 0 unchanged" in result.output
    assert (out / "citations.csv").is_file() and (out / "mismatches.json").read_text() == "[]\n"


def test_no_translate_rerun_changes_nothing(small_corpus, tmp_path, tei_schema, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    out = tmp_path / "out"
    CliRunner().invoke(cli, ["run", str(small_corpus), "-o", str(out), "--no-translate"])
    again = CliRunner().invoke(cli, ["run", str(small_corpus), "-o", str(out), "--no-translate"])
    assert again.exit_code == 0, again.output
    assert "files       0 written, 4 unchanged" in again.output


def test_bad_document_is_named_skipped_and_exit_status_is_1(small_corpus, tmp_path, tei_schema):
    (small_corpus / "kapot.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary \x00" * 50)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(small_corpus), "-o", str(out), "--no-translate"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    failed = [line for line in result.output.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1 and "kapot.txt" in failed[0]
    assert (out / "brief.xml").is_file() and not (out / "kapot.xml").exists()


def test_stop_on_error_stops_with_one_line(small_corpus, tmp_path, tei_schema):
    (small_corpus / "a-leeg.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["run", str(small_corpus), "-o", str(tmp_path / "out"), "--no-translate", "--stop-on-error"]
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "a-leeg.txt" in result.output
    assert not (tmp_path / "out" / "corpus.xml").exists()


def test_missing_translation_package_points_to_no_translate(small_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "no-packages"))
    result = CliRunner().invoke(
        cli, ["run", str(small_corpus), "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")]
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert "--no-translate" in result.output and "pipeline models install translate-nl_en" in result.output


def test_leftover_temp_files_are_removed_and_never_listed(small_corpus, tmp_path, tei_schema):
    out = tmp_path / "out"
    out.mkdir()
    leftover = out / ".brief.xml.abc123.tmp"
    leftover.write_bytes(b"<half")
    result = CliRunner().invoke(cli, ["run", str(small_corpus), "-o", str(out), "--no-translate"])
    assert result.exit_code == 0, result.output
    assert not leftover.exists()
    assert b"abc123" not in (out / "corpus.xml").read_bytes()


def test_help_documents_the_error_policy():
    result = CliRunner().invoke(cli, ["run", "--help"])
    assert result.exit_code == 0
    assert "--no-translate" in result.output and "--stop-on-error" in result.output
    assert "skipped" in result.output


def test_corpus_manifest_as_argument(corpus_dir, tmp_path, tei_schema):
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    result = CliRunner().invoke(
        cli, ["run", str(copy / "manifest.yaml"), "-o", str(tmp_path / "out"), "--no-translate"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.xml")) == [
        "corpus.xml",
        "d000.xml",
        "d001.xml",
        "d002.xml",
        "d003.xml",
        "d004.xml",
    ]
