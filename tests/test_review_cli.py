"""`pipeline merge-review` and `pipeline export tmx|csv`: exit codes, messages, files on disk."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner
from lxml import etree
from test_review import NS, export_run, review_like_a_person
from test_review_samples import sample_document
from test_safe_parse import BILLION_LAUGHS, external_entity

from pipeline.cli import cli
from pipeline.review_merge import produced_path


def test_merge_review_records_the_corrections_in_the_file(tmp_path, tei_schema, monkeypatch):
    monkeypatch.setattr("pipeline.tei.schema.load_schema", lambda: tei_schema)  # loaded once per session
    path, _ = export_run(sample_document(), tmp_path, tei_schema)
    review_like_a_person(path)
    result = CliRunner().invoke(cli, ["merge-review", str(path), "--reviewer", "Anna de Vries"])
    assert result.exit_code == 0, result.output
    assert result.output == f"{path}: 2 correction(s) recorded\n"
    root = etree.parse(str(path)).getroot()
    assert tei_schema.validate(root), tei_schema.error_log
    s2 = root.xpath("//tei:s[@xml:id='d900.en.s2']", namespaces=NS)[0]
    assert s2.get("resp") == "#resp.Anna-de-Vries" and s2.get("cert") is None
    assert root.xpath("string(//tei:respStmt[@xml:id='resp.Anna-de-Vries']/tei:name)", namespaces=NS) == "Anna de Vries"
    assert [c.get("type") for c in root.iterfind(".//tei:change[@type]", NS)] == ["translation", "annotation-removed"]
    assert produced_path(path).read_bytes() == path.read_bytes()
    # nothing new since: a second merge records the same and changes no byte
    before = path.read_bytes()
    assert CliRunner().invoke(cli, ["merge-review", str(path)]).exit_code == 0
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", ["billion-laughs", "external-entity", "200-MB"])
def test_merge_review_refuses_hostile_files_without_damage(tmp_path, kind):
    path, _ = export_run(sample_document(), tmp_path)
    produced = produced_path(path).read_bytes()
    if kind == "billion-laughs":
        path.write_bytes(BILLION_LAUGHS)
        message = "declares entities; refused"
    elif kind == "external-entity":
        path.write_bytes(external_entity("/etc/passwd"))
        message = "declares entities; refused"
    else:
        with path.open("r+b") as handle:
            handle.truncate(200 * 1024 * 1024)  # sparse: instant
        message = "file is 200 MB, larger than the 50 MB a reviewed TEI file may have"
    stat = path.stat()
    result = CliRunner().invoke(cli, ["merge-review", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}") and message in result.output
    assert "root:" not in result.output
    assert path.stat().st_mtime_ns == stat.st_mtime_ns and path.stat().st_size == stat.st_size
    assert produced_path(path).read_bytes() == produced
    assert sorted(p.name for p in tmp_path.iterdir()) == [".pipeline", "d900.xml"]


def test_export_tmx_and_csv_from_tei_files(tmp_path):
    from translate.storage import tmx as tk_tmx

    first, _ = export_run(sample_document(), tmp_path)
    second, _ = export_run(sample_document("d901"), tmp_path)
    tmx_file, csv_file = tmp_path / "out.tmx", tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["export", "tmx", str(first), str(second), "-o", str(tmx_file)])
    assert result.exit_code == 0, result.output
    store = tk_tmx.tmxfile.parsefile(str(tmx_file))
    assert len(store.units) == 10
    result = CliRunner().invoke(cli, ["export", "csv", str(first), str(second), "-o", str(csv_file)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8"))))
    assert len(rows) == 1 + 20
