"""The per-corpus table of how often each actor and obligation is cited."""

from __future__ import annotations

from pipeline.annotate import annotate
from pipeline.citations import citation_rows, citations_csv, write_csv
from pipeline.model import Block, BlockKind, Document, Metadata, Sentence, Source, Translation


def doc(doc_id: str, *texts: str) -> Document:
    sentences = tuple(
        Sentence(
            id=f"s{i}", text=t, start=0, end=len(t), translation=Translation(segments=("UNHCR",), origin="machine")
        )
        for i, t in enumerate(texts, start=1)
    )
    block = Block(id="b1", kind=BlockKind.PARAGRAPH, text=" ".join(texts), lines=(1, 1), sentences=sentences)
    return Document(id=doc_id, meta=Metadata(title="t"), source=Source(path="t", sha256="0"), blocks=(block,))


def test_rows_count_source_mentions_per_document(lexicon, tmp_path):
    docs = [
        annotate(doc("d1", "UNHCR en UNHCR in Libië.", "Zie Kamerstuk 29 754 nr. 323."), lexicon),
        annotate(doc("d2", "UNHCR en het EVRM."), lexicon),
    ]
    rows = citation_rows(docs)
    assert rows == [
        {
            "entity": "org.unhcr",
            "category": "org",
            "type": "organisation",
            "label_nl": "UNHCR",
            "label_en": "UNHCR",
            "wikidata": "",
            "d1": 2,
            "d2": 1,
            "total": 3,
        },
        {
            "entity": "obl.echr",
            "category": "obligation",
            "type": "treaty",
            "label_nl": "Europees Verdrag voor de Rechten van de Mens (EVRM)",
            "label_en": "European Convention on Human Rights (ECHR)",
            "wikidata": "",
            "d1": 0,
            "d2": 1,
            "total": 1,
        },
        {
            "entity": "pl.libya",
            "category": "place",
            "type": "state",
            "label_nl": "Libië",
            "label_en": "Libya",
            "wikidata": "Q1016",
            "d1": 1,
            "d2": 0,
            "total": 1,
        },
    ]
    path = tmp_path / "citations.csv"
    write_csv(rows, path)
    assert path.read_text(encoding="utf-8").splitlines()[:2] == [
        "entity,category,type,label_nl,label_en,wikidata,d1,d2,total",
        "org.unhcr,org,organisation,UNHCR,UNHCR,,2,1,3",
    ]


def test_empty_corpus_gives_a_header_only():
    assert citations_csv(citation_rows([])) == b"entity,category,type,label_nl,label_en,wikidata,total\n"
