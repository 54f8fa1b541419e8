"""`pipeline segment` on the corpus and on bad input: exit codes and exact output."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from pipeline.cli import cli

D000 = "2018-01-kamerbrief-harbers-amnesty-libie.txt"
INTERRUPTED = (
    "Zoals ik ook in mijn brief aan uw Kamer d.d. 20 december heb aangegeven (Kamerstuk 21 501-20, "
    "nr. 1280), acht het kabinet het van belang om de bredere Europese en internationale inzet in Libië "
    "te blijven ondersteunen, juist nu deze effect heeft."
)


def run(*args: str):
    return CliRunner().invoke(cli, ["segment", *args])


def test_text_output_one_sentence_per_line(corpus_dir):
    result = run(str(corpus_dir / D000))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "Tijdens het Algemeen Overleg Asiel en Vreemdelingenbeleid op 14 december 2017 (Kamerstuk 19 637, "
        "nr. 2365) heb ik uw Kamer toegezegd een inhoudelijke reactie op het rapport van Amnesty International "
        "te sturen, samen met een terugkoppeling van mijn gesprek met de Directeur van Amnesty Nederland, op "
        "18 december 2017."
    )
    assert INTERRUPTED in lines
    assert "M.G.J. Harbers" in lines[-1]
    assert all(line.strip() == line and line for line in lines)


def test_jsonl_output(corpus_dir):
    result = run("--format", "jsonl", str(corpus_dir / D000))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert all(set(r) == {"id", "block", "kind", "lang", "text"} for r in records)
    assert [r["id"] for r in records] == [f"s{n}" for n in range(1, len(records) + 1)]
    assert "Libië" in result.output  # ensure_ascii=False: readable UTF-8, not \u escapes
    assert {r["kind"] for r in records} >= {"paragraph", "note", "closer"}
    assert not {r["kind"] for r in records} & {"fw_header", "page_number", "page_break"}
    interrupted = [r for r in records if r["text"] == INTERRUPTED]
    assert len(interrupted) == 1 and interrupted[0]["kind"] == "paragraph" and interrupted[0]["lang"] == "nl"


def test_text_and_jsonl_give_the_same_sentences(corpus_dir):
    path = str(corpus_dir / "2017-11111-policy-brief-eu-migratiebeleid-libie.txt")
    text = run(path).output.splitlines()
    records = [json.loads(line) for line in run("--format", "jsonl", path).output.splitlines()]
    assert text == [" ".join(r["text"].split()) for r in records]


def test_extra_abbreviation_option(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("Het staat in hfdst. Twee van de nota. Dat is alles.\n", encoding="utf-8")
    assert run(str(path)).output.splitlines() == ["Het staat in hfdst.", "Twee van de nota.", "Dat is alles."]
    result = run("-a", "hfdst.", str(path))
    assert result.output.splitlines() == ["Het staat in hfdst. Twee van de nota.", "Dat is alles."]


def test_file_outside_a_corpus_folder(tmp_path):
    path = tmp_path / "los.txt"
    path.write_text("Eerste zin van de brief. Tweede zin, o.a. met een afkorting.\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert result.output == "Eerste zin van de brief.\nTweede zin, o.a. met een afkorting.\n"


# Bad input: each gives correct output or a one-line "Error: <file>: <problem>", never a traceback.
# Each case has one fixed outcome, asserted exactly.


def assert_one_line_error(result, path, problem):
    """Exit status 1 and exactly one line: `Error: <path>: <problem>`."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.output == f"Error: {path}: {problem}\n"


def test_empty_file(tmp_path):
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"")
    assert_one_line_error(run(str(path)), path, "file is empty")


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "wit.txt"
    path.write_bytes(b"  \n\t\r\n   \n")
    assert_one_line_error(run(str(path)), path, "file contains only whitespace, no text")


def test_binary_file(tmp_path):
    path = tmp_path / "plaatje.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    problem = "looks like a binary file, not text (not UTF-8, and no text encoding fits)"
    assert_one_line_error(run(str(path)), path, problem)


def test_latin1_file(tmp_path):
    # a short Latin-1 file (not valid UTF-8) is decoded as Latin-1: Libië intact, never mojibake
    path = tmp_path / "latin1.txt"
    path.write_bytes("De situatie in Libië is zorgelijk. Het kabinet reageert.\n".encode("latin-1"))
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert result.output == "De situatie in Libië is zorgelijk.\nHet kabinet reageert.\n"


def test_latin1_letter_is_read_correctly(tmp_path):
    # a letter-length Latin-1 file gives enough evidence to detect the encoding: Libië, geëvacueerd intact
    path = tmp_path / "latin1-brief.txt"
    text = "De situatie in Libië is zorgelijk. Het kabinet reageert op het rapport. Er zijn geëvacueerde migranten.\n"
    path.write_bytes((text * 3).encode("latin-1"))
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "De situatie in Libië is zorgelijk.",
        "Het kabinet reageert op het rapport.",
        "Er zijn geëvacueerde migranten.",
    ]


def test_utf8_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffEerste zin over Libië.\r\nTweede zin, o.a. hier.\r\n".encode("utf-8"))
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert result.output == "Eerste zin over Libië.\nTweede zin, o.a. hier.\n"


def test_nul_characters(tmp_path):
    # one NUL in 26 bytes is far more than text extracted from a document carries: binary, refused
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Eerste zin.\x00 Tweede zin.\n")
    assert_one_line_error(run(str(path)), path, "looks like a binary file, not text (it contains NUL bytes)")


def test_form_feed_between_pages(tmp_path):
    # pdftotext puts a form feed between pages: it separates, it is not text
    path = tmp_path / "ff.txt"
    path.write_bytes(b"Eerste zin op pagina een.\n\x0cTweede zin op pagina twee.\n")
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert result.output == "Eerste zin op pagina een.\nTweede zin op pagina twee.\n"


def test_20_mb_without_line_breaks(tmp_path):
    # text extracted from a document has line breaks; 20 MB on one line is refused, named by its length
    path = tmp_path / "groot.txt"
    sentence = "Dit is een lange zin over o.a. 6.500 migranten in Libië. "
    repeats = 20_000_000 // len(sentence.encode("utf-8")) + 1
    path.write_text(sentence * repeats, encoding="utf-8")
    length = len((sentence * repeats).rstrip("\n"))
    problem = f"a line of {length:,} characters (at most 100,000 expected): not text extracted from a document"
    assert_one_line_error(run(str(path)), path, problem)


def test_missing_file_and_folder(tmp_path):
    result = run(str(tmp_path / "bestaat-niet.txt"))
    assert result.exit_code == 2 and "does not exist" in result.output
    result = run(str(tmp_path))
    assert result.exit_code == 2 and "is a directory" in result.output


def test_unknown_format():
    result = CliRunner().invoke(cli, ["segment", "--format", "xml", "x.txt"])
    assert result.exit_code == 2 and "'xml' is not one of 'text', 'jsonl'" in result.output


def test_segment_help_has_an_example():
    result = CliRunner().invoke(cli, ["segment", "--help"])
    assert result.exit_code == 0
    assert "pipeline segment corpus/2018-01-kamerbrief-harbers-amnesty-libie.txt" in result.output
    assert "--format [text|jsonl]" in result.output


def _all_commands(group: click.Group, prefix=()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # the top group imports its command modules on demand
        command = group.get_command(ctx, name)
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _all_commands(command, (*prefix, name))


COMMANDS = list(_all_commands(cli))
COMMAND_IDS = [" ".join(path) for path, _ in COMMANDS]


@pytest.mark.parametrize("path, command", COMMANDS, ids=COMMAND_IDS)
def test_every_command_has_help_text(path, command):
    assert (command.help or "").strip(), f"pipeline {' '.join(path)} has no help text"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith("Usage: ")


@pytest.mark.parametrize("path, command", COMMANDS, ids=COMMAND_IDS)
def test_every_command_help_shows_an_example(path, command):
    # issue 2 acceptance: every command's --help explains itself with an example
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert "Example" in result.output, f"pipeline {' '.join(path)} --help shows no example"
