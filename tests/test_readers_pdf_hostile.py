"""Hostile PDFs: one line naming the file and the reason, a non-zero exit, nothing written."""

from __future__ import annotations

import pdfgen_hostile as hostile
import pytest
from click.testing import CliRunner
from pdfgen import generate

from pipeline.cli import cli

CASES = {
    "empty": (hostile.empty, "empty"),
    "truncated": (hostile.truncated, "truncated"),
    "encrypted": (hostile.encrypted, "encrypted"),
    "image_only": (hostile.image_only, "ocr"),
    "bomb": (hostile.bomb, "decompression bomb"),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return {name: make(folder) for name, (make, _) in CASES.items()}


def damaged(tmp_path):
    """A whole file (it ends with %%EOF) whose objects and cross-reference table are garbage."""
    data = generate("letter-1col", tmp_path).path.read_bytes()
    path = tmp_path / "beschadigd.pdf"
    path.write_bytes(data[:9] + bytes(range(256)) * 8 + b"\n%%EOF\n")
    return path


@pytest.mark.parametrize("name", sorted(CASES))
def test_segment_refuses_with_one_line(name, files):
    path = files[name]
    result = CliRunner().invoke(cli, ["segment", str(path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"Error: {path}: ")
    assert CASES[name][1] in lines[0].lower()


def test_damaged_pdf_is_refused(tmp_path):
    path = damaged(tmp_path)
    result = CliRunner().invoke(cli, ["segment", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [result.output.strip()]
    assert result.output.startswith(f"Error: {path}: damaged PDF")


def test_password_is_named_for_an_encrypted_pdf(files):
    result = CliRunner().invoke(cli, ["segment", str(files["encrypted"])])
    assert "needs a password" in result.output


@pytest.mark.parametrize("name", sorted(CASES))
def test_run_names_the_file_and_writes_nothing_for_it(name, files, tmp_path, tei_schema):
    folder = tmp_path / "in"
    folder.mkdir()
    good = generate("ruling-1col", folder).path
    bad = folder / f"kapot-{files[name].name}"
    bad.write_bytes(files[name].read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(folder), "-o", str(out), "--no-translate"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    failed = [line for line in result.output.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1 and bad.name in failed[0] and CASES[name][1] in failed[0].lower()
    assert (out / f"{good.stem}.xml").is_file()
    assert not list(out.glob("kapot*"))


def test_text_reader_never_reads_a_pdf_as_text(tmp_path):
    data = generate("letter-1col", tmp_path).path.read_bytes()
    path = tmp_path / "brief.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["segment", str(path)])
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: {path}: is a PDF file, not text: read it as `form: pdf` (or give it a .pdf name)"
    )


def test_a_corrupt_content_stream_is_named_in_a_warning(tmp_path):
    """pdfium reads what it can of a page whose compressed content is damaged: never silently."""
    from pipeline.readers import read_path

    data = bytearray(generate("letter-1col", tmp_path).path.read_bytes())
    start = data.index(b"stream", data.index(b"/FlateDecode")) + 200
    data[start : start + 5] = b"AAAAA" if data[start : start + 5] != b"AAAAA" else b"BBBBB"
    path = tmp_path / "beschadigde-stroom.pdf"
    path.write_bytes(bytes(data))
    doc = read_path(path)
    assert doc.warnings[0] == "damaged PDF: 1 compressed stream(s) cannot be decompressed; text may be missing"
