"""English or Dutch: the language guess and the quotation finder the segmenter relies on."""

from __future__ import annotations

import pytest

from pipeline.langid import guess_language, quoted_spans


@pytest.mark.parametrize(
    "text, expected",
    [
        # function words decide
        ("The fear for their lives is what pushes Africans to cross the sea.", "en"),
        ("De angst voor hun leven drijft Afrikanen de zee over.", "nl"),
        # a single Dutch article is enough when no English function word stands against it
        ("De humanitaire noodsituatie in Libië blijft zwaar ondergefinancierd.", "nl"),
        # one English function word and no Dutch one: content words decide (wordfreq)
        ("Ultimately violations matter to migrants everywhere.", "en"),
        ("Veiligheidsbelangen an sich blijven belangrijk.", "nl"),
        # no function words at all: the default, whatever the words look like
        ("Libyan Political Agreement", "nl"),
        ("Transitional justice", "nl"),
        # a URL is no evidence: its words (what, we, do, the) are not English prose
        ("Zie: https://ec.europa.eu/what-we-do/policies/action_plan_on_the_central_route_en.pdf", "nl"),
        # capitals: a pull quote is read as words, acronyms in normal text are not
        ("“DOOR SAMEN TE WERKEN MET DUBIEUZE MILITIES VERSTERKT DE EU DE INSTABILITEIT.”", "nl"),
        ("THE EU AND ITS MEMBER STATES MUST STOP THIS NOW.", "en"),
    ],
)
def test_guess_language(text, expected):
    assert guess_language(text, "nl") == expected


def test_default_is_kept_when_evidence_is_thin():
    assert guess_language("EU Global Strategy", "en") == "en"
    assert guess_language("EU Global Strategy", "nl") == "nl"


@pytest.mark.parametrize(
    "text, spans",
    [
        ("Hij zei “hallo daar” en ging.", ["hallo daar"]),
        ("«verifiable progress» en „iets anders”.", ["verifiable progress", "iets anders"]),
        # an opening mark never closed: the quotation runs on into the next sentence
        ("“The fear is real (…).", ["The fear is real (…)."]),
        # a closing mark with no opening one: the quotation began in an earlier sentence
        ("Ultimately, it is the result”, stelt hij.", ["Ultimately, it is the result"]),
        # single marks are apostrophes and scare quotes, not quotations
        ("Libya’s ngo’s en ‘push backs’.", []),
        # a straight double quote opens only at a word start
        ('Het Actieplan "Bestrijding criminaliteit".', ["Bestrijding criminaliteit"]),
    ],
)
def test_quoted_spans(text, spans):
    assert [text[start:end] for start, end in quoted_spans(text)] == spans
