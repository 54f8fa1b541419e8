"""Line-end hyphens: join, keep, or keep as a suspended compound (GUIDE §1)."""

from __future__ import annotations

import pytest

from pipeline.readers.dehyphenate import Join, Vocabulary, decide, join_lines


def no_frequency(word: str) -> float:
    """A frequency list that knows nothing: shows which decisions the rules make alone."""
    return 0.0


@pytest.mark.parametrize(
    "lines, expected, why",
    [
        (["Amnesty Interna-", "tional te sturen"], "Amnesty International te sturen", "typesetting hyphen in a name"),
        (
            ["naar het herkomst-", "land aan de orde"],
            "naar het herkomstland aan de orde",
            "Dutch compound written closed",
        ),
        (["deze mens-", "onterende centra"], "deze mensonterende centra", "s+o is no vowel clash: join"),
        (["dient te respec-", "teren."], "dient te respecteren.", "a split inside a simple word"),
        (["de Noord-", "Korea daarbij"], "de Noord-Korea daarbij", "capital after the hyphen: part of the name"),
        (
            ["steun voor de", "VN-onderhandelingen."],
            "steun voor de VN-onderhandelingen.",
            "no hyphen at the line end: plain join",
        ),
        (["de VN-", "onderhandelingen"], "de VN-onderhandelingen", "acronym before the hyphen keeps it"),
        (["de zee-", "en landsgrenzen"], "de zee- en landsgrenzen", "suspended compound: 'en' follows"),
        (
            ["het kernwapen-", "en raketprogramma"],
            "het kernwapen- en raketprogramma",
            "suspended compound across lines",
        ),
        (["van ‘non-refoule-", "ment’ zoals"], "van ‘non-refoulement’ zoals", "only the last hyphen was typesetting"),
        (["van de Centraal-", "Mediterrane route"], "van de Centraal-Mediterrane route", "capital after the hyphen"),
        (["de minis-", "ter-president van"], "de minister-president van", "hyphen inside the next word stays"),
        (
            ["niet met de men-", "", "senrechten van"],
            "niet met de mensenrechten van",
            "double-spaced PDF: a blank line between",
        ),
        (["mensensmokkel en", "-handel"], "mensensmokkel en -handel", "a leading hyphen is not a line-end split"),
        (["de (weder-)opbouw van"], "de (weder-)opbouw van", "one line: nothing to decide"),
        (
            ["https://ec.europa.eu/policies/european-", "agenda-migration/plan.pdf"],
            "https://ec.europa.eu/policies/european-agenda-migration/plan.pdf",
            "a URL is never changed, only rejoined",
        ),
        (["de effecten/", "gevolgen die"], "de effecten/gevolgen die", "a slash at the line end joins without a space"),
        (["gezien  als", "  een   land"], "gezien als een land", "whitespace collapses to single spaces"),
    ],
)
def test_join_lines(lines, expected, why):
    assert join_lines(lines, frequency=no_frequency) == expected, why


@pytest.mark.parametrize(
    "left, right, vocabulary, frequency, expected, why",
    [
        ("UNS", "MIL", ["de VN-missie UNSMIL"], no_frequency, Join.JOIN, "the document writes UNSMIL elsewhere"),
        ("AU", "EU", ["de AU-EU top"], no_frequency, Join.KEEP, "the document writes AU-EU elsewhere"),
        (
            "re",
            "integratie",
            ["re-integratie bij terugkeer"],
            no_frequency,
            Join.KEEP,
            "the document's own spelling wins",
        ),
        ("UN", "HCR", [], lambda w: 2.7 if w == "unhcr" else 0.0, Join.JOIN, "an acronym cut in two: a known word"),
        ("AU", "EU", [], no_frequency, Join.KEEP, "two acronyms, joined form unknown: keep"),
        ("EU", "lidstaten", [], no_frequency, Join.KEEP, "acronym before the hyphen"),
        ("G20", "top", [], no_frequency, Join.KEEP, "a digit before the hyphen"),
        ("zee", "eend", [], no_frequency, Join.KEEP, "vowel clash e|e, unknown joined word: Dutch keeps the hyphen"),
        ("zee", "eend", [], lambda w: 1.0, Join.JOIN, "vowel clash, but word frequency knows the joined word"),
        ("ex", "minister", [], no_frequency, Join.KEEP, "prefix that Dutch hyphenates"),
        ("monitoringsme", "chanisme", [], no_frequency, Join.JOIN, "unknown to every list, still a closed compound"),
        ("Crimine", "le", [], no_frequency, Join.JOIN, "capital at the start of the left part does not matter"),
        ("UNS", "MIL\uffff)", ["UNSMIL"], no_frequency, Join.JOIN, "a footnote placeholder after the word is ignored"),
    ],
)
def test_decide(left, right, vocabulary, frequency, expected, why):
    assert decide(left, right, Vocabulary(vocabulary), frequency) is expected, why


def test_real_word_frequency_is_used_for_unclear_cases():
    # wordfreq (the real Dutch list) knows UNHCR; with no evidence in the document the
    # cut acronym is joined only because of it.
    assert decide("UN", "HCR", Vocabulary([])) is Join.JOIN
