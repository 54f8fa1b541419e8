"""`pipeline annotate FILE`: exit codes and exact output."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli

LEXICONS = str(Path(__file__).resolve().parent.parent / "annotations")
D000 = "2018-01-kamerbrief-harbers-amnesty-libie.txt"


def test_text_output_one_annotation_per_line(corpus_dir):
    result = CliRunner().invoke(cli, ["annotate", str(corpus_dir / D000), "--lexicons", LEXICONS])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:4] == [
        "ref\thttps://zoek.officielebekendmakingen.nl/kst-19637-2365.html\tKamerstuk 19 637, nr. 2365\ts1",
        "org\torg.tweede-kamer\tuw Kamer\ts1",
        "org\torg.amnesty-international\tAmnesty International\ts1",
        "org\torg.amnesty-nl\tAmnesty Nederland\ts1",
    ]
    closer = lines[-1].split("\t")[3]  # the signature: the last sentence of the letter
    assert lines[-2:] == [
        f"org\torg.state-secretary-justice-security\tStaatssecretaris van Justitie en Veiligheid\t{closer}",
        f"person\tper.harbers\tM.G.J. Harbers\t{closer}",
    ]
    assert sum(line.startswith("org\torg.unhcr\t") for line in lines) == 7
    assert all(len(line.split("\t")) == 4 for line in lines)


def test_jsonl_output(corpus_dir):
    result = CliRunner().invoke(cli, ["annotate", "--format", "jsonl", str(corpus_dir / D000), "--lexicons", LEXICONS])
    assert result.exit_code == 0, result.output
    first = json.loads(result.output.splitlines()[1])
    assert first == {
        "sentence": "s1",
        "lang": "nl",
        "start": first["start"],
        "end": first["start"] + 8,
        "category": "org",
        "entity": "org.tweede-kamer",
        "text": "uw Kamer",
    }


def test_bad_lexicon_is_a_one_line_error(tmp_path, corpus_dir):
    (tmp_path / "bad.yaml").write_text("- id: org.x\n  type: club\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["annotate", str(corpus_dir / D000), "--lexicons", str(tmp_path)])
    assert result.exit_code == 1
    assert (
        result.output == f"Error: {tmp_path / 'bad.yaml'}: entry 'org.x': unknown type 'club' (expected one of "
        "organisation, office, body, party, person, state, place, treaty, charter, protocol, article, norm, "
        "resolution, agreement, directive, regulation, decision, court, agency, ministry, judgment)\n"
    )


def test_missing_lexicon_folder(tmp_path, corpus_dir):
    result = CliRunner().invoke(cli, ["annotate", str(corpus_dir / D000), "--lexicons", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'none'}: no such lexicon folder (give one with --lexicons)\n"


def test_help():
    result = CliRunner().invoke(cli, ["annotate", "--help"])
    assert result.exit_code == 0
    assert "Print the annotations of FILE" in result.output and "--lexicons" in result.output
