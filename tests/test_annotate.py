"""The annotation stage on hand-built documents: both languages, authority list, reruns."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.annotate import annotate, annotate_text
from pipeline.crosscheck import crosscheck, mismatch_records
from pipeline.lexicon import Lexicon
from pipeline.model import Annotation, Block, BlockKind, Document, ForeignSpan, Metadata, Sentence, Source, Translation

LEXICONS = Path(__file__).resolve().parent.parent / "annotations"


def sentence(sid: str, text: str, english: str | None = None, **kwargs) -> Sentence:
    translation = Translation(segments=(english,), origin="machine") if english is not None else None
    return Sentence(id=sid, text=text, start=0, end=len(text), translation=translation, **kwargs)


def document(*blocks: Block) -> Document:
    return Document(id="d900", meta=Metadata(title="test"), source=Source(path="t.txt", sha256="0"), blocks=blocks)


def block(bid: str, kind: BlockKind, *sentences: Sentence) -> Block:
    return Block(id=bid, kind=kind, text=" ".join(s.text for s in sentences), lines=(1, 1), sentences=sentences)


def pairs(annotations) -> list[tuple[str, str, str]]:
    return [(a.category, a.entity, a.text) for a in annotations]


@pytest.fixture()
def doc() -> Document:
    return document(
        block(
            "b1",
            BlockKind.PARAGRAPH,
            sentence(
                "s1",
                "Het UNHCR eert het beginsel van non-refoulement.",
                "UNHCR honours the principle of non-refoulement.",
            ),
            sentence(
                "s2",
                "De Libische kustwacht brengt migranten terug naar Libië.",
                "The Libyan coast guard returns migrants to Libya.",
            ),
        ),
        block("b2", BlockKind.FW_HEADER, sentence("s3", "Tweede Kamer, vergaderjaar 2017–2018, UNHCR")),
        block(
            "b3",
            BlockKind.PULL_QUOTE,
            sentence(
                "s4",
                "“DOOR SAMEN TE WERKEN MET DUBIEUZE LOKALE MILITIES VERSTERKT DE EU DE ‘HEERSCHAPPIJ VAN DE MILITIES’”",
                "“BY WORKING WITH DUBIOUS LOCAL MILITIAS, THE EU STRENGTHENS THE ‘RULE OF THE MILITIAS’”",
            ),
        ),
        block(
            "b4",
            BlockKind.NOTE,
            sentence(
                "s5",
                "Zie het verslag, Kamerstuk 21 501-20, nr. 1281.",
                "See the report, Parliamentary Paper 21 501-20, no. 1281.",
            ),
        ),
    )


def test_both_sides_are_annotated_with_one_authority_list(doc, lexicon):
    result = annotate(doc, lexicon)
    s1 = result.blocks[0].sentences[0]
    assert pairs(s1.annotations) == [
        ("org", "org.unhcr", "UNHCR"),
        ("obligation", "obl.non-refoulement", "beginsel van non-refoulement"),
    ]
    assert pairs(s1.translation.annotations) == [
        ("org", "org.unhcr", "UNHCR"),
        ("obligation", "obl.non-refoulement", "principle of non-refoulement"),
    ]
    # offsets point into the sentence text and into Translation.text
    for item in s1.annotations:
        assert s1.text[item.start : item.end] == item.text
    for item in s1.translation.annotations:
        assert s1.translation.text[item.start : item.end] == item.text
    s2 = result.blocks[0].sentences[1]
    assert pairs(s2.annotations) == [
        ("org", "org.libyan-coast-guard", "Libische kustwacht"),
        ("place", "pl.libya", "Libië"),
    ]
    assert pairs(s2.translation.annotations) == [
        ("org", "org.libyan-coast-guard", "Libyan coast guard"),
        ("place", "pl.libya", "Libya"),
    ]
    assert [e.id for e in result.authority] == [
        "obl.non-refoulement",
        "org.eu",
        "org.libyan-coast-guard",
        "org.unhcr",
        "pl.libya",
    ]
    assert result.authority[3].label_en == "UNHCR" and result.authority[3].category == "org"
    assert result.provenance == (("annotate", lexicon.signature),)
    assert result.warnings == ()


def test_furniture_is_not_annotated_but_pull_quotes_and_notes_are(doc, lexicon):
    result = annotate(doc, lexicon)
    assert result.blocks[1].sentences[0].annotations == ()
    quote = result.blocks[2].sentences[0]
    assert pairs(quote.annotations) == [("org", "org.eu", "EU")]
    assert pairs(quote.translation.annotations) == [("org", "org.eu", "EU")]
    note = result.blocks[3].sentences[0]
    url = "https://zoek.officielebekendmakingen.nl/kst-21501-20-1281.html"
    assert pairs(note.annotations) == [("ref", url, "Kamerstuk 21 501-20, nr. 1281")]
    assert pairs(note.translation.annotations) == [("ref", url, "Parliamentary Paper 21 501-20, no. 1281")]


def test_every_annotation_resolves_to_exactly_one_authority_entry(doc, lexicon):
    result = annotate(doc, lexicon)
    ids = [entry.id for entry in result.authority]
    assert len(ids) == len(set(ids)) == len(result.authority)
    for _block, s in result.sentences():
        for item in (*s.annotations, *(s.translation.annotations if s.translation else ())):
            if item.category != "ref":
                assert ids.count(item.entity) == 1


def test_english_quotation_inside_dutch_uses_english_forms(lexicon):
    text = "Hij zei: “violations of human rights in Libya are not the price”, aldus de VN."
    start = text.index("violations")
    foreign = (ForeignSpan(start, text.index("”"), "en"),)
    assert pairs(annotate_text(text, "nl", lexicon, foreign)) == [
        ("obligation", "obl.human-rights", "human rights"),
        ("place", "pl.libya", "Libya"),
        ("org", "org.un", "VN"),
    ]
    english_sentence = sentence("s1", "Criminal syndicates pose a direct threat to the rule of law in Libya", lang="en")
    result = annotate(document(block("b1", BlockKind.PARAGRAPH, english_sentence)), lexicon)
    assert pairs(result.blocks[0].sentences[0].annotations) == [("place", "pl.libya", "Libya")]


def test_a_name_the_translation_dropped_is_a_warning_and_a_record(lexicon):
    doc = document(
        block(
            "b1", BlockKind.PARAGRAPH, sentence("s1", "IOM en UNHCR hebben toegang.", "The organisations have access.")
        )
    )
    result = annotate(doc, lexicon)
    assert result.warnings == ("annotate: d900 s1: only in the source: org.iom, org.unhcr",)
    assert mismatch_records([result]) == [
        {"doc": "d900", "sentence": "s1", "only_nl": ["org.iom", "org.unhcr"], "only_en": []}
    ]
    invented = document(block("b1", BlockKind.PARAGRAPH, sentence("s1", "Zij hebben toegang.", "NATO has access.")))
    assert [m.only_en for m in crosscheck(annotate(invented, lexicon))] == [("org.nato",)]


def test_rerun_is_idempotent_and_keeps_other_warnings(doc, lexicon):
    doc = replace(doc, warnings=("translate: something else",), provenance=(("translate", "x"),))
    once = annotate(doc, lexicon)
    assert annotate(once, lexicon) == once
    assert once.warnings[0] == "translate: something else"
    assert once.provenance == (("translate", "x"), ("annotate", lexicon.signature))


def test_reviewer_annotations_are_kept(doc, lexicon):
    s1 = doc.blocks[0].sentences[0]
    manual = Annotation(0, 3, "org", "org.unhcr", "Het", resp="reviewer1")
    edited = replace(
        doc,
        blocks=(
            replace(doc.blocks[0], sentences=(replace(s1, annotations=(manual,)), doc.blocks[0].sentences[1])),
            *doc.blocks[1:],
        ),
    )
    annotations = annotate(edited, lexicon).blocks[0].sentences[0].annotations
    assert manual in annotations
    assert ("obligation", "obl.non-refoulement", "beginsel van non-refoulement") in pairs(annotations)


def test_an_added_actor_appears_everywhere_and_nothing_else_changes(tmp_path, doc, lexicon):
    before = annotate(doc, lexicon)
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, folder)
    with open(folder / "actors.yaml", "a", encoding="utf-8") as handle:
        handle.write(
            "\n- id: org.militias\n  type: organisation\n  label: {nl: milities, en: militias}\n"
            "  nl: [milities]\n  en: [militias]\n"
        )
    after = annotate(before, Lexicon.load(folder))
    quote = after.blocks[2].sentences[0]
    assert ("org", "org.militias", "MILITIES") in pairs(quote.annotations)
    assert ("org", "org.militias", "MILITIAS") in pairs(quote.translation.annotations)
    assert "org.militias" in [e.id for e in after.authority]
    for (_, old), (_, new) in zip(before.sentences(), after.sentences()):
        assert (new.id, new.text, new.start, new.end) == (old.id, old.text, old.start, old.end)
        if old.translation is not None:
            assert new.translation.segments == old.translation.segments
            assert new.translation.origin == old.translation.origin
    assert [b.text for b in after.blocks] == [b.text for b in before.blocks]
    assert dict(after.provenance)["annotate"] != dict(before.provenance)["annotate"]
