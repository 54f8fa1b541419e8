"""References to parliamentary papers and treaty articles become refs with derived URLs."""

from __future__ import annotations

import pytest

from pipeline.annotate import annotate_text
from pipeline.lexicon import Lexicon
from pipeline.references import handelingen_url, kamerstuk_url

OB = "https://zoek.officielebekendmakingen.nl"
NATO = "https://www.nato.int/cps/en/natolive/official_texts_17120.htm"


def refs(text: str, lexicon: Lexicon, lang: str = "nl") -> list[tuple[str, str]]:
    return [(a.text, a.entity) for a in annotate_text(text, lang, lexicon) if a.category == "ref"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(Kamerstuk 21 501-20, nr. 1280)", [("Kamerstuk 21 501-20, nr. 1280", f"{OB}/kst-21501-20-1280.html")]),
        (
            "Algemeen Overleg (Kamerstuk 19 637, nr. 2365) heb",
            [("Kamerstuk 19 637, nr. 2365", f"{OB}/kst-19637-2365.html")],
        ),
        # no comma before nr.
        ("(Kamerstuk 29 754 nr. 323)", [("Kamerstuk 29 754 nr. 323", f"{OB}/kst-29754-323.html")]),
        # a line break inside the reference
        ("Kamerstuk 21 501-20,\nnr. 1281.", [("Kamerstuk 21 501-20,\nnr. 1281", f"{OB}/kst-21501-20-1281.html")]),
        (
            "Aanhangsel Handelingen II 2016/17, nr. 172",
            [("Aanhangsel Handelingen II 2016/17, nr. 172", f"{OB}/ah-tk-20162017-172.html")],
        ),
        # a treaty article the lexicon knows: ref and obligation share the span
        (
            "in artikel 4 van het Handvest van de Grondrechten van de Europese Unie",
            [
                (
                    "artikel 4 van het Handvest van de Grondrechten van de Europese Unie",
                    "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12012P/TXT",
                )
            ],
        ),
        # no trusted URL for the ECHR: a ref without a target
        ("artikel 3 van het EVRM", [("artikel 3 van het EVRM", "")]),
        # a bare "art. 5" resolved to the treaty cited in the same sentence
        ("Het Verdrag van Washington bepaalt in art. 5 dat een aanval", [("art. 5", NATO)]),
        # an article with no treaty in sight is not a reference we can resolve
        ("zoals bepaald in artikel 12 van de wet", []),
    ],
)
def test_dutch_references(lexicon, text, expected):
    assert refs(text, lexicon) == expected


def test_bare_article_also_becomes_the_articles_obligation(lexicon):
    text = "Het Verdrag van Washington bepaalt in art. 5 dat een aanval"
    annotations = [(a.category, a.entity, a.text) for a in annotate_text(text, "nl", lexicon)]
    assert annotations == [
        ("obligation", "obl.washington-treaty", "Verdrag van Washington"),
        ("ref", NATO, "art. 5"),
        ("obligation", "obl.washington-treaty-art5", "art. 5"),
    ]


def test_english_references(lexicon):
    assert refs("(Parliamentary Paper 21 501-20, no. 1280)", lexicon, "en") == [
        ("Parliamentary Paper 21 501-20, no. 1280", f"{OB}/kst-21501-20-1280.html")
    ]
    assert refs("The Washington Treaty provides in Article 5 that", lexicon, "en") == [("Article 5", NATO)]


def test_url_builders():
    assert kamerstuk_url("21 501", "02", "1525") == f"{OB}/kst-21501-02-1525.html"
    assert handelingen_url("2016", "2017", "172") == f"{OB}/ah-tk-20162017-172.html"
