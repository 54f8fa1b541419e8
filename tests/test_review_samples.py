"""Hand-built documents shared by the review, TMX and review-page tests (no tests here)."""

from __future__ import annotations

from pipeline.model import (
    Annotation,
    AuthorityEntry,
    Block,
    BlockKind,
    Document,
    Metadata,
    NoteRef,
    Sentence,
    Source,
    Translation,
)

ENGINE = "translate-nl_en-1.8|beam=2"

UNHCR = AuthorityEntry("org.unhcr", "org", "UNHCR", "UNHCR", type="organisation", wikidata="Q131559")
LIBYA = AuthorityEntry("pl.libya", "place", "Libië", "Libya", type="state", wikidata="Q1016")
REFOULEMENT = AuthorityEntry("obl.non-refoulement", "obligation", "non-refoulement", "non-refoulement", type="norm")


def ann(text: str, part: str, category: str, entity: str, resp: str | None = None) -> Annotation:
    start = text.index(part)
    return Annotation(start, start + len(part), category, entity, part, resp=resp)


def machine(text: str, score: float, annotations=()) -> Translation:
    return Translation((text,), "machine", engine=ENGINE, score=score, annotations=tuple(annotations))


def sentence(sid: str, block_text: str, text: str, translation: Translation | None, annotations=(), **kw) -> Sentence:
    start = block_text.index(text)
    return Sentence(sid, text, start, start + len(text), annotations=tuple(annotations), translation=translation, **kw)


def sample_document(doc_id: str = "d900", shared: str = "Libië is geen veilig land.") -> Document:
    """Four blocks: a heading, a paragraph with two sentences (annotated, footnoted), its note,
    and a paragraph whose only sentence is `shared` (used to share a sentence between documents)."""
    heading = "Situatie in Libië"
    s1 = "Het UNHCR eert het beginsel van non-refoulement."
    s2 = "Libië werkt niet mee."
    para = f"{s1} {s2}"
    note = "Zie het rapport van Amnesty."
    en1 = "UNHCR honours the principle of non-refoulement."
    en2 = "Libya does not cooperate."
    blocks = (
        Block(
            "b1",
            BlockKind.HEADING,
            heading,
            (1, 1),
            label="1",
            sentences=(
                sentence(
                    "s1",
                    heading,
                    heading,
                    machine("Situation in Libya", -0.2, [ann("Situation in Libya", "Libya", "place", "pl.libya")]),
                    [ann(heading, "Libië", "place", "pl.libya")],
                ),
            ),
        ),
        Block(
            "b2",
            BlockKind.PARAGRAPH,
            para,
            (3, 4),
            sentences=(
                sentence(
                    "s2",
                    para,
                    s1,
                    machine(
                        en1,
                        -0.31,
                        [
                            ann(en1, "UNHCR", "org", "org.unhcr"),
                            ann(en1, "non-refoulement", "obligation", "obl.non-refoulement"),
                        ],
                    ),
                    [
                        ann(s1, "UNHCR", "org", "org.unhcr"),
                        ann(s1, "non-refoulement", "obligation", "obl.non-refoulement"),
                    ],
                    note_refs=(NoteRef(len(s1) - 1, "1", "b3"),),
                ),
                sentence(
                    "s3",
                    para,
                    s2,
                    machine(en2, -2.75, [ann(en2, "Libya", "place", "pl.libya")]),
                    [ann(s2, "Libië", "place", "pl.libya")],
                ),
            ),
        ),
        Block(
            "b3",
            BlockKind.NOTE,
            note,
            (9, 9),
            label="1",
            sentences=(sentence("s4", note, note, machine("See the Amnesty report.", -0.5)),),
        ),
        Block(
            "b4",
            BlockKind.PARAGRAPH,
            shared,
            (5, 5),
            sentences=(
                sentence(
                    "s5",
                    shared,
                    shared,
                    machine(
                        "Libya is not a safe country.",
                        -0.4,
                        [ann("Libya is not a safe country.", "Libya", "place", "pl.libya")],
                    ),
                    [ann(shared, "Libië", "place", "pl.libya")],
                ),
            ),
        ),
    )
    return Document(
        id=doc_id,
        meta=Metadata(
            title="Kamerbrief over Libië",
            title_en="Letter on Libya",
            date="2018-01",
            author="Staatssecretaris",
            kind="letter",
        ),
        source=Source(f"corpus/{doc_id}.txt", "0" * 64),
        blocks=blocks,
        authority=tuple(sorted((LIBYA, UNHCR, REFOULEMENT), key=lambda e: e.id)),
        provenance=(("read", "pdf-text"), ("translate", ENGINE)),
    )
