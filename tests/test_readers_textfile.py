"""Bad and unusual input files: correct output or a one-line InputError naming the file."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.errors import InputError
from pipeline.model import BlockKind
from pipeline.readers import read_path
from pipeline.readers.textfile import decode, source_lines

PARAGRAPH = "Libië is één land.\nDe EU steunt de kustwacht.\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\t\n \r\n", "file contains only whitespace, no text"),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
            "looks like a binary file, not text",
        ),
        ("nul.txt", b"tekst\x00\x00\x00\x00 met nullen", "looks like a binary file, not text"),
        ("bom16bad.txt", b"\xff\xfeA\x00\x00\xd8", "starts with a utf-16 byte-order mark but is not valid utf-16"),
        (
            "huge.txt",
            b"a" * (20 * 1024 * 1024),
            "a line of 20,971,520 characters (at most 100,000 expected): not text extracted from a document",
        ),
        ("only-furniture.md", b"\n\n   \n**\n", "no text found in the file"),
    ],
)
def test_bad_input_is_refused_with_the_file_and_the_problem(tmp_path, name, data, problem):
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as caught:
        read_path(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": "), message
    assert problem in message
    assert "\n" not in message  # one line, for the CLI


def test_utf8_with_bom_and_crlf(tmp_path):
    data = "\ufeff" + PARAGRAPH.replace("\n", "\r\n")
    doc = read_path(write(tmp_path, "bom.txt", data.encode("utf-8")))
    assert [b.text for b in doc.blocks if b.text] == ["Libië is één land. De EU steunt de kustwacht."]
    assert doc.source.encoding == "utf-8-sig"
    assert doc.warnings == ()


def test_latin1_is_decoded_with_a_warning(tmp_path):
    raw = PARAGRAPH.encode("latin-1")
    path = write(tmp_path, "latin.txt", raw)
    doc = read_path(path)
    assert doc.blocks[0].text == "Libië is één land. De EU steunt de kustwacht."
    assert doc.source.encoding == "cp1252"
    assert doc.source.sha256 == hashlib.sha256(raw).hexdigest()  # of the raw bytes, not the text
    assert any("not valid UTF-8: decoded as cp1252" in w for w in doc.warnings)


def test_cp1252_quotes_are_decoded(tmp_path):
    raw = "De ‘push backs’ van de NGO’s.\n".encode("cp1252")
    doc = read_path(write(tmp_path, "cp.txt", raw))
    assert doc.blocks[0].text == "De ‘push backs’ van de NGO’s."


def test_a_few_control_characters_are_removed_and_counted(tmp_path):
    # a stray NUL and BEL in a long line of text (a damaged extraction, not a binary file)
    filler = "De kustwacht van Libië wordt gesteund door de Europese Unie. " * 5
    doc = read_path(write(tmp_path, "ctl.txt", f"{filler}Een zin\x00 met\x07 twee tekens.\n".encode()))
    assert doc.blocks[0].text == f"{filler}Een zin met twee tekens."
    assert doc.warnings == ("removed 2 control character(s) that XML 1.0 does not allow",)


def test_form_feed_is_a_page_break_in_pdf_text(tmp_path):
    data = "Het kabinet zet zich in voor\fde stabiliteit van Libië.\n\fNieuwe alinea op pagina drie.\n"
    doc = read_path(write(tmp_path, "ff.txt", data.encode()))
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, "Het kabinet zet zich in voor de stabiliteit van Libië."),
        (BlockKind.PAGE_BREAK, ""),
        (BlockKind.PAGE_BREAK, ""),
        (BlockKind.PARAGRAPH, "Nieuwe alinea op pagina drie."),
    ]
    assert "\f" not in "".join(b.text for b in doc.blocks)


def test_form_feed_in_markdown_separates_paragraphs(tmp_path):
    data = "Eerste alinea zonder einde\fTweede alinea.\n"
    doc = read_path(write(tmp_path, "ff.md", data.encode()))
    assert [b.text for b in doc.blocks] == ["Eerste alinea zonder einde", "Tweede alinea."]


def test_source_lines_number_the_pieces_of_a_form_fed_line():
    lines = source_lines("a\nb\fc\n")
    assert [(line.number, line.text, line.page_start) for line in lines] == [
        (1, "a", False),
        (2, "b", False),
        (2, "c", True),
        (3, "", False),
    ]


def test_random_bytes_are_binary(tmp_path):
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4096))  # no NUL, not UTF-8
    path = write(tmp_path, "noise.txt", data)
    with pytest.raises(InputError, match="looks like a binary file, not text"):
        read_path(path)


def test_decode_keeps_utf16_with_bom():
    decoded = decode("x.txt", "Libië\n".encode("utf-16"))
    assert decoded.text == "Libië\n"
    assert decoded.encoding == "utf-16"


def test_read_path_uses_the_manifest_entry(corpus_dir):
    doc = read_path(corpus_dir / "2018-01-kamerbrief-harbers-amnesty-libie.txt")
    assert doc.id == "d000"
    assert doc.meta.form == "pdf-text"
    assert doc.source.path.endswith("2018-01-kamerbrief-harbers-amnesty-libie.txt")
    assert len(doc.source.sha256) == 64
