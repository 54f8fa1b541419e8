"""`pipeline validate FILE...`: errors as FILE:LINE: message, exit status 1 if any is invalid."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from test_tei_builders import document, para, sent, tr

from pipeline.cli import cli
from pipeline.tei.export import document_to_tei
from pipeline.tei.options import ExportOptions


@pytest.fixture(scope="module")
def valid_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("tei") / "d000.xml"
    path.write_bytes(
        document_to_tei(
            document(para("b1", sent("s1", "Zin.", translation=tr("Sentence.")))), ExportOptions(date="2024-01-01")
        )
    )
    return path


def test_valid_file(valid_file, tei_schema):
    result = CliRunner().invoke(cli, ["validate", str(valid_file)])
    assert result.exit_code == 0, result.output
    assert result.output == "1 file(s) valid against TEI P5 (tei_all) and the archive checks\n"


def test_invalid_file_lists_errors_with_lines(valid_file, tmp_path, tei_schema):
    bad = tmp_path / "bad.xml"
    bad.write_text(valid_file.read_text().replace('<s xml:id="d000.nl.s1">', '<s xml:id="d000.nl.s1" bogus="1">'))
    line = next(n for n, text in enumerate(bad.read_text().splitlines(), 1) if "bogus" in text)
    result = CliRunner().invoke(cli, ["validate", str(valid_file), str(bad)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"{bad}:{line}: Invalid attribute bogus for element s"
    assert "1 of 2 file(s) invalid" in result.output


def test_malformed_file(tmp_path, tei_schema):
    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<teiHeader>\n</TEI>\n')
    result = CliRunner().invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{broken}:3: not well-formed XML: Opening and ending tag mismatch")


def test_missing_file_is_a_usage_error():
    result = CliRunner().invoke(cli, ["validate", "/nonexistent/x.xml"])
    assert result.exit_code == 2 and "does not exist" in result.output
