"""TEI export of tiny hand-built documents: exact fragments, header, validity, determinism."""

from __future__ import annotations

import dataclasses

import pytest
from lxml import etree
from test_tei_builders import NS, document, fragment, ids, para, sent, tr

from pipeline.model import Annotation, AuthorityEntry, Block, BlockKind, ForeignSpan, NoteRef
from pipeline.tei.export import build_tei, document_to_tei
from pipeline.tei.options import ExportOptions, export_date
from pipeline.tei.schema import validate

OPTIONS = ExportOptions(date="2024-05-01")
PROVENANCE = (("segment", "nl-rules.1"), ("translate", "argos:translate-nl_en|v:1.8|sha256:abcdef012345|beam:4|lp:1.0"))
AUTHORITY = (
    AuthorityEntry("obl.non-refoulement", "obligation", "non-refoulement", "non-refoulement", "norm", "Q1191489"),
    AuthorityEntry("org.unhcr", "org", "UNHCR", "UNHCR", "organisation", "Q131559"),
    AuthorityEntry("pl.libya", "place", "Libië", "Libya", "state"),
)


def rich_document():
    """One of everything: annotations both sides, a footnote, an unprinted marker, a split sentence."""
    s1 = sent(
        "s1",
        "Het UNHCR eert het beginsel van non-refoulement.",
        note_refs=(NoteRef(48, "1", "b3"), NoteRef(9, "2", None)),
        annotations=(
            Annotation(4, 9, "org", "org.unhcr", "UNHCR"),
            Annotation(19, 47, "obligation", "obl.non-refoulement", "beginsel van non-refoulement"),
        ),
        translation=tr(
            "UNHCR honours the principle of non-refoulement.",
            score=-0.1,
            annotations=(Annotation(0, 5, "org", "org.unhcr", "UNHCR"),),
        ),
    )
    s2 = sent(
        "s2",
        "Libië lang.",
        annotations=(Annotation(0, 5, "place", "pl.libya", "Libië"),),
        translation=tr("Libya", "long.", score=-0.5, annotations=(Annotation(0, 5, "place", "pl.libya", "Libya"),)),
    )
    note = para(
        "b3", sent("s3", "Zie Kamerstuk 19 637.", translation=tr("See paper 19 637.")), kind=BlockKind.NOTE, label="1"
    )
    return document(
        para("b1", sent("s0", "Inleiding", translation=tr("Introduction")), kind=BlockKind.HEADING),
        para("b2", s1, s2),
        Block("b4", BlockKind.PAGE_BREAK, "", (3, 3), label="2"),
        Block("b5", BlockKind.FW_HEADER, "Tweede Kamer", (3, 3)),
        note,
        para("b6", sent("s4", "Hoogachtend,", translation=tr("Yours faithfully,")), kind=BlockKind.CLOSER),
        authority=AUTHORITY,
        provenance=PROVENANCE,
    )


@pytest.fixture(scope="module")
def rich_tei() -> bytes:
    return document_to_tei(rich_document(), OPTIONS)


def test_dutch_paragraph_exact(rich_tei):
    assert fragment(rich_tei, "//t:text[@xml:id='d000.nl']//t:p") == (
        '<p xml:id="d000.nl.b2">\n'
        '              <s xml:id="d000.nl.s1">Het <orgName ref="#org.unhcr">UNHCR</orgName><anchor type="noteref" n="2"/>'
        ' eert het <term type="obligation" ref="#obl.non-refoulement">beginsel van non-refoulement</term>.'
        '<note xml:id="d000.nl.b3" place="foot" n="1"><s xml:id="d000.nl.s3">Zie Kamerstuk 19 637.</s></note></s>\n'
        '              <s xml:id="d000.nl.s2"><placeName ref="#pl.libya">Libië</placeName> lang.</s>\n'
        "            </p>"
    )


def test_english_paragraph_exact_with_corresp_cert_and_split_pieces(rich_tei):
    assert fragment(rich_tei, "//t:text[@xml:id='d000.en']//t:p") == (
        '<p xml:id="d000.en.b2" corresp="#d000.nl.b2">\n'
        '              <s xml:id="d000.en.s1" corresp="#d000.nl.s1" cert="0.905">'
        '<orgName ref="#org.unhcr">UNHCR</orgName> honours the principle of non-refoulement.'
        '<note xml:id="d000.en.b3" place="foot" n="1" corresp="#d000.nl.b3">'
        '<s xml:id="d000.en.s3" corresp="#d000.nl.s3">See paper 19 637.</s></note>'
        '<anchor type="noteref" n="2"/></s>\n'
        '              <s xml:id="d000.en.s2.1" corresp="#d000.nl.s2" cert="0.607">'
        '<placeName ref="#pl.libya">Libya</placeName></s>\n'
        '              <s xml:id="d000.en.s2.2" corresp="#d000.nl.s2" cert="0.607">long.</s>\n'
        "            </p>"
    )


def test_structure_heading_furniture_closer(rich_tei):
    div = etree.fromstring(rich_tei).xpath("//t:text[@xml:id='d000.nl']/t:body/t:div", namespaces=NS)
    assert len(div) == 1
    assert [etree.QName(el).localname for el in div[0]] == ["head", "p", "pb", "fw", "closer"]
    assert fragment(rich_tei, "//t:pb") == '<pb xml:id="d000.nl.b4" n="2"/>'
    assert fragment(rich_tei, "//t:fw") == '<fw xml:id="d000.nl.b5" type="header">Tweede Kamer</fw>'
    # no furniture on the English side, and the footnote is not repeated as a block
    english = etree.fromstring(rich_tei).xpath("//t:text[@xml:id='d000.en']", namespaces=NS)[0]
    assert english.xpath(".//t:fw|.//t:pb", namespaces=NS) == []
    assert len(etree.fromstring(rich_tei).xpath("//t:note[@n='1']", namespaces=NS)) == 2  # one per side


def test_link_group_lists_every_pair(rich_tei):
    assert fragment(rich_tei, "//t:linkGrp") == (
        '<linkGrp type="alignment">\n'
        '        <link type="1:1" target="#d000.nl.s0 #d000.en.s0"/>\n'
        '        <link type="1:1" target="#d000.nl.s1 #d000.en.s1"/>\n'
        '        <link type="1:2" target="#d000.nl.s2 #d000.en.s2.1 #d000.en.s2.2"/>\n'
        '        <link type="1:1" target="#d000.nl.s3 #d000.en.s3"/>\n'
        '        <link type="1:1" target="#d000.nl.s4 #d000.en.s4"/>\n'
        "      </linkGrp>"
    )


def test_header_fields(rich_tei):
    root = etree.fromstring(rich_tei)

    def texts(xpath):
        return [el.text for el in root.xpath(xpath, namespaces=NS)]

    assert texts("//t:titleStmt/t:title") == ["Titel", "Title"]
    assert root.xpath("//t:titleStmt/t:title/@xml:lang", namespaces=NS) == ["nl", "en"]
    assert texts("//t:respStmt[@xml:id='resp.mt']/t:name") == ["Argos Translate package translate-nl_en 1.8"]
    assert texts("//t:publicationStmt/t:date") == ["2024-05-01"]
    assert texts("//t:licence") == ["CC0"]
    assert texts("//t:sourceDesc/t:bibl/t:idno[@type='sha256']") == ["0" * 64]
    assert root.xpath("//t:application/@ident", namespaces=NS) == ["pipeline", "translation"]
    assert root.xpath("//t:application[@ident='translation']/@version", namespaces=NS) == ["1.8"]
    assert "abcdef012345" in texts("//t:application[@ident='translation']/t:desc")[0]
    assert root.xpath("//t:taxonomy[@xml:id='obligations']/t:category/@xml:id", namespaces=NS) == [
        "obl.non-refoulement"
    ]
    assert root.xpath("//t:listOrg/t:org/@xml:id", namespaces=NS) == ["org.unhcr"]
    assert root.xpath("//t:listPlace/t:place/@xml:id", namespaces=NS) == ["pl.libya"]
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=NS) == ["nl", "en"]
    assert root.xpath("//t:change/@when", namespaces=NS) == ["2024-05-01"]
    assert rich_tei.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<?xml-model href=\"https://www.tei-c.org/")


def test_rich_document_validates(rich_tei, tei_schema):
    assert validate(tei_schema, rich_tei) == []


def test_ids_unique_and_every_english_s_points_to_a_dutch_s(rich_tei):
    all_ids = ids(rich_tei)
    assert len(all_ids) == len(set(all_ids))
    root = etree.fromstring(rich_tei)
    dutch = set(root.xpath("//t:text[@xml:lang='nl']//t:s/@xml:id", namespaces=NS))
    english = root.xpath("//t:text[@xml:lang='en']//t:s", namespaces=NS)
    assert english and all(s.get("corresp")[1:] in dutch for s in english)
    aligned = {s.get("corresp")[1:] for s in english}
    assert aligned == dutch


def test_flemish_variety_and_foreign_span(tei_schema):
    s = sent("s1", 'Hij zei "we are here" luid.', foreign=(ForeignSpan(9, 20, "en"),), translation=tr("He said."))
    data = document_to_tei(document(para("b1", s), variety="nl-BE"), OPTIONS)
    assert b'<text xml:lang="nl-BE" xml:id="d000.nl">' in data
    assert '<s xml:id="d000.nl.s1">Hij zei "<foreign xml:lang="en">we are here</foreign>" luid.</s>' in data.decode()
    assert validate(tei_schema, data) == []


def test_passthrough_reviewed_and_gap_sentences(tei_schema):
    doc = document(
        para(
            "b1",
            sent("s1", "Already English.", lang="en", translation=tr("Already English.", origin="passthrough")),
            sent("s2", "Nagekeken.", translation=tr("Checked.", origin="reviewed", resp="jdoe")),
            sent("s3", "Ontbreekt."),
        ),
        provenance=PROVENANCE,
    )
    data = document_to_tei(doc, OPTIONS)
    text = data.decode()
    assert '<s xml:id="d000.nl.s1" xml:lang="en">Already English.</s>' in text
    assert '<s xml:id="d000.en.s1" corresp="#d000.nl.s1" type="passthrough">Already English.</s>' in text
    assert '<s xml:id="d000.en.s2" corresp="#d000.nl.s2" resp="#resp.jdoe">Checked.</s>' in text
    assert '<gap xml:id="d000.en.s3" reason="not-translated" corresp="#d000.nl.s3"/>' in text
    assert '<link type="gap" target="#d000.nl.s3 #d000.en.s3"/>' in text
    assert '<respStmt xml:id="resp.jdoe">' in text
    assert validate(tei_schema, data) == []


def test_lists_quotes_boxes_and_repeated_markers(tei_schema):
    note = para("b9", sent("s9", "Noot.", translation=tr("Note.")), kind=BlockKind.NOTE, label="3")
    item1 = para(
        "b1",
        sent("s1", "een", note_refs=(NoteRef(3, "3", "b9"),), translation=tr("one")),
        kind=BlockKind.LIST_ITEM,
        label="-",
    )
    item2 = para(
        "b2",
        sent("s2", "twee", note_refs=(NoteRef(4, "3", "b9"),), translation=tr("two")),
        kind=BlockKind.LIST_ITEM,
        label="-",
    )
    quote = para("b3", sent("s3", "WIJ ZIJN", translation=tr("WE ARE")), kind=BlockKind.PULL_QUOTE)
    box1 = para("b4", sent("s4", "Kader een.", translation=tr("Box one.")), kind=BlockKind.BOX)
    box2 = para("b5", sent("s5", "Kader twee.", translation=tr("Box two.")), kind=BlockKind.BOX)
    data = document_to_tei(
        document(item1, Block("b6", BlockKind.PAGE_NUMBER, "4", (1, 1)), item2, quote, box1, box2, note), OPTIONS
    )
    root = etree.fromstring(data)
    nl = root.xpath("//t:text[@xml:id='d000.nl']/t:body/t:div", namespaces=NS)[0]
    assert [etree.QName(el).localname for el in nl] == ["list", "quote", "floatingText"]
    assert [etree.QName(el).localname for el in nl[0]] == ["item", "fw", "item"]  # the list goes on over the page
    assert fragment(data, "//t:text[@xml:id='d000.nl']//t:item[2]/t:s") == (
        '<s xml:id="d000.nl.s2">twee<ptr type="noteref" n="3" target="#d000.nl.b9"/></s>'
    )
    assert fragment(data, "//t:text[@xml:id='d000.en']//t:item[2]/t:s") == (
        '<s xml:id="d000.en.s2" corresp="#d000.nl.s2">two<ptr type="noteref" n="3" target="#d000.en.b9"/></s>'
    )
    assert len(root.xpath("//t:floatingText[@type='box']/t:body/t:p", namespaces=NS)) == 4  # 2 per side
    assert validate(tei_schema, data) == []


def test_crossing_annotations_keep_the_longer_and_warn(tei_schema):
    s = sent(
        "s1",
        "De Libische kustwacht werkt.",
        annotations=(
            Annotation(3, 21, "org", "org.coastguard", "Libische kustwacht"),
            Annotation(0, 11, "place", "pl.libya", "De Libische"),
        ),
    )
    result = build_tei(document(para("b1", s)), OPTIONS)
    assert (
        '<s xml:id="d000.nl.s1">De <orgName ref="#org.coastguard">Libische kustwacht</orgName> werkt.</s>'
        in result.data.decode()
    )
    assert result.warnings == ["d000:s1: dropped place 'pl.libya' at 0-11: it crosses org 'org.coastguard' at 3-21"]
    assert validate(tei_schema, result.data) == []


def test_nested_and_touching_annotations():
    s = sent(
        "s1",
        "het EVRM artikel 3 geldt",
        annotations=(
            Annotation(4, 18, "obligation", "obl.echr-art3", "EVRM artikel 3"),
            Annotation(4, 8, "obligation", "obl.echr", "EVRM"),
            Annotation(19, 24, "ref", "https://example.org/a b", "geldt"),
        ),
    )
    text = document_to_tei(document(para("b1", s)), OPTIONS).decode()
    assert (
        'het <term type="obligation" ref="#obl.echr-art3"><term type="obligation" ref="#obl.echr">EVRM</term>'
        ' artikel 3</term> <ref target="https://example.org/a%20b">geldt</ref>'
    ) in text


def test_without_translation_dutch_only_with_header_note(tei_schema):
    doc = document(para("b1", sent("s1", "Alleen Nederlands.")))
    data = document_to_tei(doc, dataclasses.replace(OPTIONS, untranslated_reason="translation was switched off"))
    root = etree.fromstring(data)
    assert root.xpath("//t:text/@xml:lang", namespaces=NS) == ["nl"]
    assert root.xpath("//t:notesStmt/t:note/text()", namespaces=NS) == [
        "The English side was not produced: translation was switched off."
    ]
    assert root.xpath("//t:back", namespaces=NS) == []
    # no English text, but the English title and the taxonomy's description are in English: declared
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=NS) == ["nl", "en"]
    assert validate(tei_schema, data) == []


def test_same_input_same_bytes():
    assert document_to_tei(rich_document(), OPTIONS) == document_to_tei(rich_document(), OPTIONS)


def test_cached_and_fresh_translations_export_identically():
    def with_origin(origin):
        doc = rich_document()
        blocks = tuple(
            dataclasses.replace(
                b,
                sentences=tuple(
                    dataclasses.replace(s, translation=dataclasses.replace(s.translation, origin=origin))
                    for s in b.sentences
                ),
            )
            for b in doc.blocks
        )
        return dataclasses.replace(doc, blocks=blocks)

    assert document_to_tei(with_origin("machine"), OPTIONS) == document_to_tei(with_origin("cache"), OPTIONS)


@pytest.mark.parametrize("epoch, expected", [("0", "1970-01-01"), ("1700000000", "2023-11-14")])
def test_source_date_epoch(epoch, expected):
    assert export_date({"SOURCE_DATE_EPOCH": epoch}) == expected


def test_bad_source_date_epoch_is_a_clear_error():
    from pipeline.errors import ExportError

    with pytest.raises(ExportError, match="SOURCE_DATE_EPOCH must be a number"):
        export_date({"SOURCE_DATE_EPOCH": "yesterday"})


def test_unsegmented_and_empty_documents_still_validate(tei_schema):
    raw = Block("b1", BlockKind.PARAGRAPH, "Niet gesegmenteerd.", (1, 1))
    data = document_to_tei(document(raw), OPTIONS)
    assert b'<p xml:id="d000.nl.b1">Niet gesegmenteerd.</p>' in data
    assert validate(tei_schema, data) == []
    assert validate(tei_schema, document_to_tei(document(), OPTIONS)) == []
