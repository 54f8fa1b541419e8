"""Files in a corpus folder that the run does not process are named, never skipped silently."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.corpus import discover
from pipeline.errors import ManifestError
from pipeline.unprocessed import unprocessed_files

MANIFEST = """documents:
  - id: brief
    file: brief.txt
    title: Brief over de opvang
"""
TEXT = "Het kabinet informeert uw Kamer over de opvang. Dat gebeurt jaarlijks.\n"


def corpus(tmp_path: Path, manifest: str = MANIFEST, **extra: str) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "manifest.yaml").write_text(manifest, encoding="utf-8")
    (folder / "brief.txt").write_text(TEXT, encoding="utf-8")
    for name, text in extra.items():
        path = folder / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def names(folder: Path, output: Path | None = None) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in unprocessed_files(folder, discover(folder), output)]


def test_unlisted_text_file_is_one_warning_naming_it_in_the_run_summary(tmp_path, tei_schema):
    folder = corpus(tmp_path, **{"vergeten.txt": TEXT})
    result = CliRunner().invoke(cli, ["run", str(folder), "-o", str(tmp_path / "out"), "--no-translate"])
    assert result.exit_code == 0, result.output
    warnings = [line.strip() for line in result.output.splitlines() if "vergeten.txt" in line]
    assert warnings == [
        f"{folder / 'vergeten.txt'}: in the corpus folder but not processed: not listed in manifest.yaml "
        "(add it under 'documents:', or under 'exclude:' to silence this)"
    ]
    assert "warnings    1" in result.output
    assert not (tmp_path / "out" / "vergeten.xml").exists()


def test_every_kind_of_unlisted_file_is_named_subfolders_included(tmp_path):
    folder = corpus(tmp_path, **{"README.md": "# Corpus\n", "scan.pdf": "%PDF", "bijlagen__b1.txt": TEXT})
    assert names(folder) == ["README.md", "bijlagen/b1.txt", "scan.pdf"]


def test_excluded_hidden_and_output_files_are_not_reported(tmp_path):
    manifest = MANIFEST + "exclude:\n  - README.md\n  - bijlagen/*\n"
    folder = corpus(
        tmp_path,
        manifest,
        **{"README.md": "# Corpus\n", "bijlagen__b1.txt": TEXT, ".DS_Store": "x", ".git__HEAD": "ref", "nog.txt": TEXT},
    )
    output = folder / "out"
    output.mkdir()
    (output / "brief.xml").write_text("<TEI/>", encoding="utf-8")
    assert names(folder, output) == ["nog.txt"]  # the manifest itself is never reported


def test_a_symlink_loop_ends(tmp_path):
    folder = corpus(tmp_path, **{"bijlagen__b1.txt": TEXT})
    (folder / "bijlagen" / "terug").symlink_to(folder, target_is_directory=True)
    assert names(folder) == ["bijlagen/b1.txt"]


def test_a_pattern_matches_across_folders_and_against_the_relative_path(tmp_path):
    folder = corpus(tmp_path, MANIFEST + "exclude: ['*.pdf']\n", **{"a.pdf": "%PDF", "oud__b.pdf": "%PDF"})
    assert names(folder) == []


@pytest.mark.parametrize("exclude", ["exclude: README.md\n", "exclude: [3]\n", "exclude: ['']\n"])
def test_a_malformed_exclude_list_is_a_clear_error(tmp_path, exclude):
    folder = corpus(tmp_path, MANIFEST + exclude)
    with pytest.raises(ManifestError, match=r"manifest.yaml: 'exclude:' must be a list of glob patterns"):
        unprocessed_files(folder, discover(folder))


def test_folder_without_manifest_names_files_it_does_not_read(tmp_path):
    folder = tmp_path / "los"
    folder.mkdir()
    (folder / "brief.txt").write_text(TEXT, encoding="utf-8")
    (folder / "notities.docx").write_bytes(b"PK\x03\x04")
    assert [p.name for p in unprocessed_files(folder, discover(folder))] == ["notities.docx"]


def test_a_single_file_has_no_folder_to_report(tmp_path):
    folder = corpus(tmp_path, **{"vergeten.txt": TEXT})
    assert unprocessed_files(folder / "brief.txt", discover(folder / "brief.txt")) == []
