"""Acceptance: a sentence a reviewer retyped is annotated afresh on the rerun; only an annotation
element removed from a sentence whose text is otherwise unchanged counts as deliberately removed.
The same with and without the translation cache."""

from __future__ import annotations

from lxml import etree
from review_support import NS, Pipeline, changes, edit, files, make_corpus, refs, retype, sentence

UNHCR, NON_REFOULEMENT = "#org.unhcr", "#obl.non-refoulement"


def review_round(pipeline, corpus, output, change, *extra) -> etree._Element:
    edit(output / "a01.xml", change)
    result = pipeline.run(corpus, output, *extra)
    assert result.exit_code == 0, result.output
    root = etree.parse(str(output / "a01.xml")).getroot()
    assert pipeline.schema.validate(root), pipeline.schema.error_log
    return root


def reviewed_run(pipeline, corpus, output, *extra) -> dict[str, bytes]:
    assert pipeline.run(corpus, output, *extra).exit_code == 0

    # 1. the reviewer types a real English sentence over the machine's: annotated on the rerun
    root = review_round(
        pipeline,
        corpus,
        output,
        lambda r: retype(r, "a01.en.s1", "UNHCR honours the principle of non-refoulement."),
        *extra,
    )
    assert refs(sentence(root, "a01.en.s1")) == [UNHCR, NON_REFOULEMENT]
    assert changes(root) == [("translation", "#a01.en.s1")]

    # 2. retyped again (the editor drops the inline elements): annotated again, nothing recorded as removed
    root = review_round(
        pipeline,
        corpus,
        output,
        lambda r: retype(r, "a01.en.s1", "UNHCR respects the principle of non-refoulement."),
        *extra,
    )
    en = sentence(root, "a01.en.s1")
    assert "".join(en.itertext()) == "UNHCR respects the principle of non-refoulement."
    assert refs(en) == [UNHCR, NON_REFOULEMENT]
    assert changes(root) == [("translation", "#a01.en.s1")]

    # 3. the Dutch sentence retyped with a correction: annotated afresh, a source decision only
    root = review_round(
        pipeline,
        corpus,
        output,
        lambda r: retype(r, "a01.nl.s1", "Het UNHCR respecteert het beginsel van non-refoulement."),
        *extra,
    )
    assert refs(sentence(root, "a01.nl.s1")) == [UNHCR, NON_REFOULEMENT]
    assert sorted(changes(root)) == [("source", "#a01.nl.s1"), ("translation", "#a01.en.s1")]

    # 4. an element removed from a sentence whose text is unchanged: a deliberate removal, kept
    def unwrap_unhcr(r):
        s = sentence(r, "a01.nl.s1")
        org = s.find("tei:orgName", NS)
        org.getparent().text = (s.text or "") + org.text + (org.tail or "")
        s.remove(org)

    root = review_round(pipeline, corpus, output, unwrap_unhcr, *extra)
    assert refs(sentence(root, "a01.nl.s1")) == [NON_REFOULEMENT]
    assert ("annotation-removed", "#a01.nl.s1") in changes(root)
    assert [kind for kind, _ in changes(root)].count("annotation-removed") == 1
    return files(output)


def test_retyped_sentences_are_annotated_afresh_with_and_without_the_cache(
    tmp_path, monkeypatch, tei_schema, lexicon, standin_argosmodel
):
    pipeline = Pipeline(monkeypatch, tei_schema, lexicon, standin_argosmodel, tmp_path / "cache")
    corpus = make_corpus(tmp_path / "corpus")
    with_cache = reviewed_run(pipeline, corpus, tmp_path / "cached")
    without_cache = reviewed_run(pipeline, corpus, tmp_path / "uncached", "--no-cache")
    assert without_cache == with_cache
