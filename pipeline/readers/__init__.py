"""Readers: an input file -> a `Document` of blocks (no sentences yet).

One reader per input form (`CorpusEntry.meta.form`): `pdf` for PDF files (read
from their layout, see `readers/pdf`), `pdftext` for text extracted from PDFs,
`markdown` for Markdown. All return block drafts that `drafts.build_blocks` turns
into `Block`s, so every form gets the same dehyphenation, note-marker handling and
block numbering. A file that starts like a PDF is never read as text.

Needs: a corpus entry (path and metadata). Adds: `Document.blocks` in reading
order (ids `b1`, `b2`, ...; kind; clean text; NoteRefs; source line range;
label), `Document.source` (path, sha256 of the raw bytes, encoding) and
`Document.warnings` (encoding fallback, removed control characters).
Errors: `InputError` naming the file and the problem (empty, binary, ...).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..corpus import CorpusEntry, entry_for_file
from ..errors import InputError
from ..model import Document, Source
from . import markdown, pdftext
from .dehyphenate import Frequency, dutch_zipf
from .drafts import build_blocks
from .pdf import read_pdf
from .textfile import decode, source_lines


def _markdown_layout(source):
    drafts, vocabulary = markdown.layout(source)
    return drafts, vocabulary, []


# each: source lines -> (block drafts, vocabulary, warnings about what the layout guessed)
_LAYOUTS = {"pdf-text": pdftext.read_layout, "markdown": _markdown_layout}
_FORMS = (*_LAYOUTS, "pdf")


def read_document(entry: CorpusEntry, frequency: Frequency = dutch_zipf) -> Document:
    """Read the file of `entry` as the form its metadata names.

    `frequency` is the Dutch word-frequency lookup used for unclear line-end hyphens
    (wordfreq by default; tests may pass their own).
    """
    if entry.meta.form not in _FORMS:
        raise InputError(entry.path, f"unknown input form {entry.meta.form!r} (expected one of {', '.join(_FORMS)})")
    raw = Path(entry.path).read_bytes()
    sha256 = hashlib.sha256(raw).hexdigest()
    if entry.meta.form == "pdf":
        blocks, warnings = read_pdf(entry.path, raw, frequency)
        source = Source(str(entry.path), sha256, "pdf")
        return Document(entry.id, entry.meta, source, blocks, warnings=warnings)
    if raw[:1024].lstrip().startswith(b"%PDF-"):
        raise InputError(entry.path, "is a PDF file, not text: read it as `form: pdf` (or give it a .pdf name)")
    layout = _LAYOUTS[entry.meta.form]
    decoded = decode(entry.path, raw)
    drafts, vocabulary, layout_warnings = layout(source_lines(decoded.text))
    blocks = build_blocks(drafts, vocabulary, frequency)
    if not any(block.text for block in blocks):
        raise InputError(entry.path, "no text found in the file")
    source = Source(str(entry.path), sha256, decoded.encoding)
    return Document(entry.id, entry.meta, source, blocks, warnings=(*decoded.warnings, *layout_warnings))


def read_path(path: Path | str, frequency: Frequency = dutch_zipf) -> Document:
    """Read one file, with metadata from the manifest of its folder (or derived from its name)."""
    return read_document(entry_for_file(Path(path)), frequency)


__all__ = ["read_document", "read_path"]
