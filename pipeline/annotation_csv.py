"""The annotations of documents as CSV, one row per annotation, for analysts.

Needs annotated documents (after `annotate`, or read back from TEI). Columns:
document, sentence id (qualified as in the TEI: `d000.nl.s3`, `d000.en.s3`),
language, category, entity id, surface text, then start/end offsets in the
sentence and the reviewer who added it by hand (empty for the annotator's own).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from .model import Annotation, Document

COLUMNS = ("document", "sentence", "language", "category", "entity", "text", "start", "end", "resp")


def annotation_rows(docs: Iterable[Document]) -> Iterator[tuple[str, ...]]:
    """One tuple per annotation, Dutch side of a sentence before its English side."""
    for doc in docs:
        for _block, sentence in doc.sentences():
            yield from _rows(doc.id, f"{doc.id}.nl.{sentence.id}", sentence.lang, sentence.annotations)
            if sentence.translation is not None:
                yield from _rows(doc.id, f"{doc.id}.en.{sentence.id}", "en", sentence.translation.annotations)


def annotations_to_csv(docs: Iterable[Document]) -> bytes:
    """The CSV file (UTF-8, header row, `\\n` line ends) of every annotation in `docs`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(annotation_rows(docs))
    return buffer.getvalue().encode("utf-8")


def _rows(doc_id: str, sentence_id: str, lang: str, annotations: tuple[Annotation, ...]) -> Iterator[tuple[str, ...]]:
    for item in annotations:
        yield (
            doc_id,
            sentence_id,
            lang,
            item.category,
            item.entity,
            item.text,
            str(item.start),
            str(item.end),
            item.resp or "",
        )
