"""How often each actor and obligation is cited, per document and in the corpus, as CSV.

Needs annotated documents (their `authority` and source-sentence annotations).
One row per entity cited anywhere: entity, category, type, label_nl, label_en,
wikidata, one count column per document (by document id, in corpus order), and
the total. Counts are of mentions in the source text (the Dutch side), so a
translation cannot change them. Rows are ordered by total (highest first), then id.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from .files import atomic_write
from .model import Document

FIXED_COLUMNS = ("entity", "category", "type", "label_nl", "label_en", "wikidata")


class CitationTable:
    """Counts citations document by document, so a run can stream its documents."""

    def __init__(self) -> None:
        self._records: dict[str, dict[str, object]] = {}
        self._counts: dict[str, dict[str, int]] = {}
        self._doc_ids: list[str] = []

    def add(self, doc: Document) -> None:
        self._doc_ids.append(doc.id)
        for entry in doc.authority:
            self._records.setdefault(entry.id, {
                "entity": entry.id, "category": entry.category, "type": entry.type,
                "label_nl": entry.label_nl, "label_en": entry.label_en, "wikidata": entry.wikidata,
            })  # fmt: skip
        for _block, sentence in doc.sentences():
            for item in sentence.annotations:
                if item.category != "ref" and item.entity in self._records:
                    per_doc = self._counts.setdefault(item.entity, {})
                    per_doc[doc.id] = per_doc.get(doc.id, 0) + 1

    def rows(self) -> list[dict[str, object]]:
        rows = []
        for entity, record in self._records.items():
            per_doc = self._counts.get(entity, {})
            row = dict(record)
            row.update({doc_id: per_doc.get(doc_id, 0) for doc_id in self._doc_ids})
            row["total"] = sum(per_doc.values())
            rows.append(row)
        rows.sort(key=lambda r: (-int(r["total"]), str(r["entity"])))
        return rows


def citation_rows(docs: Iterable[Document]) -> list[dict[str, object]]:
    table = CitationTable()
    for doc in docs:
        table.add(doc)
    return table.rows()


def citations_csv(rows: list[dict[str, object]]) -> bytes:
    """The CSV bytes (UTF-8, header row, `\\n` line ends) of `citation_rows`."""
    columns = list(rows[0]) if rows else [*FIXED_COLUMNS, "total"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def write_csv(rows: list[dict[str, object]], path: Path | str) -> None:
    """Write the table atomically to `path`."""
    atomic_write(Path(path), citations_csv(rows))


__all__ = ["FIXED_COLUMNS", "CitationTable", "citation_rows", "citations_csv", "write_csv"]
