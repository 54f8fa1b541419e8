"""Instruments the lexicons lack, found by their citation form (pipeline/citation_grammar.py)."""

from __future__ import annotations

import pytest

from pipeline.annotate import annotate_text
from pipeline.citation_grammar import find_instruments
from pipeline.lexicon import eu_act_url


def generic(text: str, lang: str = "nl") -> list[str]:
    return [item.text for item, _entry in find_instruments(text, lang, [])]


@pytest.mark.parametrize(
    "text, found",
    [
        # head + link word + a name, up to where the clause goes on
        ("Het Verdrag inzake clustermunitie is in 2010 in werking getreden.", ["Verdrag inzake clustermunitie"]),
        ("België ratificeerde het Verdrag tegen mensenhandel, dat sindsdien geldt.", ["Verdrag tegen mensenhandel"]),
        # a year after the name belongs to it
        (
            "het Verdrag betreffende de status van staatlozen van 1954 werd",
            ["Verdrag betreffende de status van staatlozen van 1954"],
        ),
        # "en" before another instrument ends the name; "en" inside a name does not
        (
            "het Verdrag inzake biologische wapens en het Verdrag inzake chemische wapens",
            ["Verdrag inzake biologische wapens", "Verdrag inzake chemische wapens"],
        ),
        ("het Verdrag inzake rechten en plichten van staten geldt", ["Verdrag inzake rechten en plichten van staten"]),
        # "van" only before a proper name
        ("het Verdrag van Lissabon en het Akkoord van Parijs", ["Verdrag van Lissabon", "Akkoord van Parijs"]),
        ("het Protocol van de vergadering van 12 maart", []),
        ("het Protocol van Istanboel inzake folteronderzoek", ["Protocol van Istanboel inzake folteronderzoek"]),
        # an adjective and a glued acronym are part of the name
        ("het Europees Verdrag inzake uitlevering", ["Europees Verdrag inzake uitlevering"]),
        ("het OVSE-Handvest voor Europese veiligheid", ["OVSE-Handvest voor Europese veiligheid"]),
        # capitalised compounds on a head noun
        (
            "de Seizoensarbeidersrichtlijn en het VN-Wapenhandelsverdrag",
            ["Seizoensarbeidersrichtlijn", "VN-Wapenhandelsverdrag"],
        ),
        # EU acts by number, old and new style
        (
            "Richtlijn 2011/36/EU en Verordening (EG) nr. 343/2003",
            ["Richtlijn 2011/36/EU", "Verordening (EG) nr. 343/2003"],
        ),
        # near misses: no name, lower case, a plural, a head without a link word
        ("De verdragsluitende partijen komen bijeen; het verdrag inzake X is geen naam.", []),
        ("Het Verdrag bepaalt dat niemand mag worden uitgezet.", []),
        ("Verdragen inzake handel worden vaak gesloten.", []),
        ("Besluit van de minister van 3 mei", []),
    ],
)
def test_dutch_citation_forms(text, found):
    assert generic(text) == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("The Convention on Cluster Munitions entered into force.", ["Convention on Cluster Munitions"]),
        (
            "Directive 2011/36/EU and Regulation (EC) No 343/2003",
            ["Directive 2011/36/EU", "Regulation (EC) No 343/2003"],
        ),
        ("The Convention applies to all parties.", []),
        (
            "the Convention on Cluster Munitions and the Convention on Biological Weapons",
            ["Convention on Cluster Munitions", "Convention on Biological Weapons"],
        ),
    ],
)
def test_english_citation_forms(text, found):
    assert generic(text, "en") == found


def test_both_languages_share_the_id_of_an_eu_act():
    ((nl_item, nl_entry),) = find_instruments("Richtlijn 2011/36/EU", "nl", [])
    ((en_item, en_entry),) = find_instruments("Directive 2011/36/EU", "en", [])
    assert nl_item.entity == en_item.entity == "obl.eu.directive-2011-36-eu"
    assert (nl_entry.label_nl, nl_entry.label_en, nl_entry.curated) == (
        "Richtlijn 2011/36/EU",
        "Directive 2011/36/EU",
        False,
    )


def test_the_lexicon_wins_where_it_knows_the_instrument(lexicon):
    # the grammar would read on to "... van 1954 werd"; the lexicon's entry is kept
    found = annotate_text("Het Verdrag betreffende de status van vluchtelingen werd in 1951 gesloten.", "nl", lexicon)
    assert [(a.text, a.entity) for a in found] == [
        ("Verdrag betreffende de status van vluchtelingen", "obl.refugee-convention-1951")
    ]


def test_an_acronym_glued_to_an_instrument_is_not_a_separate_actor(lexicon):
    found = annotate_text("Het VN-Verdrag inzake de rechten van het kind en de VN zelf.", "nl", lexicon)
    assert [(a.text, a.entity) for a in found] == [
        ("VN-Verdrag inzake de rechten van het kind", "obl.crc"),
        ("VN", "org.un"),
    ]


@pytest.mark.parametrize(
    "text, entity",
    [
        ("artikel 33 van het Vluchtelingenverdrag", "obl.refugee-convention-1951-art33"),
        ("artikel 15, aanhef en onder c, van de Kwalificatierichtlijn", None),  # "aanhef" is not bound
        ("artikel 31, eerste lid, van de Opvangrichtlijn", "obl.reception-directive-art31"),
        ("artikel 4 van het Verdrag inzake clustermunitie", "obl.doc.verdrag-inzake-clustermunitie-art4"),
        ("Article 33 of the Refugee Convention", "obl.refugee-convention-1951-art33"),
    ],
)
def test_an_article_is_bound_to_the_instrument_after_it(lexicon, text, entity):
    lang = "en" if text.startswith("Article") else "nl"
    found = [(a.text, a.entity) for a in annotate_text(text, lang, lexicon) if a.category == "obligation"]
    if entity is None:
        assert all("artikel" not in t for t, _e in found)
    else:
        assert found == [(text, entity)]


@pytest.mark.parametrize(
    "kind, number, celex",
    [
        ("directive", "2013/32/EU", "32013L0032"),
        ("regulation", "604/2013", "32013R0604"),  # old style: serial first
        ("regulation", "2024/1351", "32024R1351"),  # new style: year first
        ("decision", "2008/615/JBZ", "32008D0615"),
    ],
)
def test_eu_act_urls_follow_the_celex_number(kind, number, celex):
    assert eu_act_url(kind, number) == f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:{celex}"


def test_a_sentence_pair_citing_one_unknown_instrument_shares_its_id(lexicon, tmp_path):
    """The Dutch and the English name of the same instrument point to one uncurated record."""
    from dataclasses import replace

    from pipeline.annotate import annotate
    from pipeline.corpus import entry_for_file
    from pipeline.model import Translation
    from pipeline.readers import read_document
    from pipeline.segment import segment

    path = tmp_path / "brief.txt"
    path.write_text("Nederland ratificeerde het Verdrag inzake clustermunitie.\n", encoding="utf-8")
    doc = segment(read_document(entry_for_file(path)))
    english = Translation(("The Netherlands ratified the Convention on Cluster Munitions.",), "machine")
    doc = replace(
        doc,
        blocks=tuple(
            replace(b, sentences=tuple(replace(s, translation=english) for s in b.sentences)) for b in doc.blocks
        ),
    )
    annotated = annotate(doc, lexicon)
    ((_block, sentence),) = annotated.sentences()
    ids = {
        a.text: a.entity
        for a in (*sentence.annotations, *sentence.translation.annotations)
        if a.category == "obligation"
    }
    assert ids == {
        "Verdrag inzake clustermunitie": "obl.doc.verdrag-inzake-clustermunitie",
        "Convention on Cluster Munitions": "obl.doc.verdrag-inzake-clustermunitie",
    }
    (entry,) = [e for e in annotated.authority if not e.curated]
    assert (entry.label_nl, entry.label_en) == ("Verdrag inzake clustermunitie", "Convention on Cluster Munitions")
    assert not any("only in" in w for w in annotated.warnings)  # no cross-language mismatch reported
