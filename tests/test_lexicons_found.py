"""Where the lexicons come from: the installed package, a corpus's manifest, --lexicons.

A run started from any folder annotates as one started from the checkout (the
lexicons ship inside the package, `pipeline/lexicons`, a link to `annotations/`);
a corpus may name its own lexicons; a run without annotation says so.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.lexicon import Lexicon, packaged_folder
from pipeline.run import RunOptions, run_pipeline
from pipeline.tei.options import ExportOptions

REPO = Path(__file__).resolve().parent.parent
LETTER = (
    "Het Europees Hof voor de Rechten van de Mens oordeelde dat het verbod op refoulement absoluut is.\n\n"
    "Het Hof verwees naar artikel 3 van het EVRM en naar Richtlijn 2013/32/EU.\n"
)
OWN_LEXICON = """entries:
- id: org.gemeente-gent
  type: body
  label: {nl: Stad Gent, en: City of Ghent}
  nl: [Stad Gent]
  en: [City of Ghent]
"""


@pytest.fixture
def small_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "brief.txt").write_text(LETTER, encoding="utf-8")
    return folder


def test_the_packaged_lexicons_are_the_editable_ones():
    packaged = sorted(p.name for p in packaged_folder().glob("*.yaml"))
    assert packaged == sorted(p.name for p in (REPO / "annotations").glob("*.yaml"))
    assert Lexicon.load(packaged_folder()).checksum == Lexicon.load(REPO / "annotations").checksum


def test_a_run_from_another_folder_annotates_as_from_the_checkout(small_corpus, tmp_path, tei_schema, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    # from the checkout, as before: the lexicons of annotations/ (in-process, schema already loaded)
    options = RunOptions(
        small_corpus, tmp_path / "out-checkout", ExportOptions(date="2023-11-14"), lexicons=REPO / "annotations"
    )
    run_pipeline(options, schema=tei_schema)
    monkeypatch.chdir(tmp_path)  # a folder with no annotations/ in it
    result = CliRunner().invoke(
        cli, ["run", str(small_corpus), "-o", str(tmp_path / "out-elsewhere"), "--no-translate"]
    )
    assert result.exit_code == 0, result.output
    tei = (tmp_path / "out-elsewhere" / "brief.xml").read_bytes()
    assert tei == (tmp_path / "out-checkout" / "brief.xml").read_bytes()
    assert b'<orgName ref="#org.ecthr" subtype="resolved">Hof</orgName>' in tei
    assert b'<term type="obligation" ref="#obl.non-refoulement">verbod op refoulement</term>' in tei
    assert f"lexicons    {packaged_folder()} (lexicon:sha256=" in result.output


@pytest.mark.slow
def test_the_installed_command_started_from_tmp_annotates_as_from_the_checkout(small_corpus, tmp_path):
    """The same with the real `pipeline` command in its own process, started from /tmp."""

    def run_from(cwd: Path, out: Path) -> subprocess.CompletedProcess:
        script = Path(sys.executable).with_name("pipeline")
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
        command = [str(script), "run", str(small_corpus), "-o", str(out), "--no-translate"]
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)

    from_checkout = run_from(REPO, tmp_path / "out-checkout")
    from_tmp = run_from(Path("/tmp"), tmp_path / "out-tmp")
    assert from_checkout.returncode == 0 and from_tmp.returncode == 0, from_tmp.stderr
    assert (tmp_path / "out-tmp" / "brief.xml").read_bytes() == (tmp_path / "out-checkout" / "brief.xml").read_bytes()
    assert "annotations obligation" in from_tmp.stdout


def test_a_corpus_names_its_own_lexicons_in_the_manifest(small_corpus, tmp_path):
    (small_corpus / "brief.txt").write_text("De Stad Gent vangt vluchtelingen op.\n", encoding="utf-8")
    (small_corpus / "lexicons").mkdir()
    (small_corpus / "lexicons" / "local.yaml").write_text(OWN_LEXICON, encoding="utf-8")
    (small_corpus / "manifest.yaml").write_text(
        "lexicons: lexicons\ndocuments:\n  - {id: d1, file: brief.txt, title: Brief}\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(small_corpus), "-o", str(out), "--no-translate"])
    assert result.exit_code == 0, result.output
    assert b'<orgName ref="#org.gemeente-gent">Stad Gent</orgName>' in (out / "d1.xml").read_bytes()
    assert f"lexicons    {small_corpus / 'lexicons'} (lexicon:sha256=" in result.output
    # --lexicons wins over the manifest
    result = CliRunner().invoke(
        cli, ["run", str(small_corpus), "-o", str(out), "--no-translate", "--lexicons", str(REPO / "annotations")]
    )
    assert result.exit_code == 0, result.output
    assert b"org.gemeente-gent" not in (out / "d1.xml").read_bytes()


def test_a_manifest_naming_a_missing_lexicons_folder_is_refused(small_corpus, tmp_path):
    (small_corpus / "manifest.yaml").write_text(
        "lexicons: nowhere\ndocuments:\n  - {id: d1, file: brief.txt, title: Brief}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["run", str(small_corpus), "-o", str(tmp_path / "out"), "--no-translate"])
    assert result.exit_code != 0
    assert "manifest.yaml: 'lexicons' must name a folder of lexicon files (got 'nowhere')" in result.output
    assert not (tmp_path / "out").exists()


def test_annotate_command_finds_the_lexicons_from_any_folder(small_corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["annotate", str(small_corpus / "brief.txt")])
    assert result.exit_code == 0, result.output
    assert "obligation\tobl.non-refoulement\tverbod op refoulement" in result.output


def test_a_run_without_lexicons_says_that_annotation_was_off(small_corpus, tmp_path):
    options = RunOptions(small_corpus, tmp_path / "out", ExportOptions(date="2024-05-01"), lexicons=None)
    summary = run_pipeline(options)
    assert "annotations off: no lexicons folder was given" in summary.format()
    assert "annotations none" in summary.format()
