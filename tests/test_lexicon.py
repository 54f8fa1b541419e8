"""The lexicon files: loading, error messages naming file and entry, and Dutch-aware matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import LexiconError
from pipeline.lexicon import Lexicon

REPO = Path(__file__).resolve().parent.parent
LEXICONS = REPO / "annotations"


def mentions(lexicon: Lexicon, text: str, lang: str = "nl") -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entry.id) for m in lexicon.matcher(lang).find(text)]


def test_bundled_lexicons_load_with_every_kind_of_entry(lexicon):
    counts = lexicon.counts_by_type()
    assert {"organisation", "office", "body", "person", "state", "place"} <= set(counts)
    assert {"treaty", "article", "norm", "resolution", "protocol", "charter"} <= set(counts)
    assert len(lexicon) >= 150
    for entry_id in (
        "org.unhcr",
        "org.iom",
        "org.eu",
        "org.libyan-coast-guard",
        "org.cabinet-nl",
        "per.harbers",
        "pl.libya",
        "obl.non-refoulement",
        "obl.refugee-convention-1951",
        "obl.echr",
        "obl.echr-art3",
        "obl.eu-charter",
        "obl.international-law",
        "obl.international-humanitarian-law",
        "obl.human-rights",
        "obl.rome-statute",
        "obl.untoc",
        "obl.untoc-smuggling-protocol",
        "obl.unsc-resolution-1325",
        "obl.unsc-resolution-2259",
        "obl.washington-treaty-art5",
    ):
        assert entry_id in lexicon
    assert lexicon.get("org.eu").wikidata == "Q458"
    assert lexicon.get("obl.echr-art3").category == "obligation"
    assert lexicon.get("per.harbers").authority().category == "person"


def test_checksum_changes_with_the_files(tmp_path, lexicon):
    copy = tmp_path / "lex"
    copy.mkdir()
    for path in LEXICONS.glob("*.yaml"):
        (copy / path.name).write_bytes(path.read_bytes())
    assert Lexicon.load(copy).checksum == lexicon.checksum
    (copy / "actors.yaml").write_text((LEXICONS / "actors.yaml").read_text() + "\n# a comment\n")
    assert Lexicon.load(copy).checksum != lexicon.checksum
    assert lexicon.signature.startswith("lexicon:sha256=")


ENTRY = "- id: org.test\n  type: organisation\n  label: {nl: Test, en: Test}\n  nl: [Testorg]\n"


@pytest.mark.parametrize(
    "text, message",
    [
        (ENTRY + ENTRY, "entry 'org.test': id already used in one.yaml"),
        (ENTRY.replace("organisation", "club"), "entry 'org.test': unknown type 'club'"),
        (
            ENTRY.replace("  label: {nl: Test, en: Test}\n", ""),
            "entry 'org.test': 'label' needs a Dutch and an English",
        ),
        (ENTRY.replace("en: Test}", "en: }"), "entry 'org.test': 'label' needs a Dutch and an English"),
        (
            ENTRY + "  nl_patterns: ['(unclosed']\n",
            "entry 'org.test': bad regular expression in nl_patterns '(unclosed'",
        ),
        (ENTRY + "  nl_patterns: ['x*']\n", "matches the empty text"),
        (ENTRY + "  wikidata: 458\n", "'wikidata' must be a Q-number"),
        (ENTRY.replace("org.test", "obl.test"), "a organisation needs an id starting with 'org.'"),
        (ENTRY + "  colour: red\n", "entry 'org.test': unknown field(s) colour"),
        (ENTRY.replace("  nl: [Testorg]\n", ""), "entry 'org.test': no surface forms or patterns"),
        ("- id: 12\n", "entry 1: 'id' must look like org.unhcr"),
        ("entries: {a: 1}\n", "expected a top-level 'entries:' list"),
        ("entries: [\n", "not a readable YAML lexicon"),
        (
            "- id: obl.art\n  type: article\n  label: {nl: a, en: a}\n  nl: [art]\n",
            "an article needs 'article_of' and 'article'",
        ),
    ],
)
def test_bad_entries_are_reported_with_file_and_entry(tmp_path, text, message):
    (tmp_path / "one.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        Lexicon.load(tmp_path)
    assert message in str(caught.value)
    assert str(tmp_path / "one.yaml") in str(caught.value)


def test_duplicate_id_across_two_files_names_both(tmp_path):
    (tmp_path / "a.yaml").write_text(ENTRY, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(ENTRY, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"b\.yaml: entry 'org\.test': id already used in a\.yaml"):
        Lexicon.load(tmp_path)


def test_missing_or_empty_folder(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon folder"):
        Lexicon.load(tmp_path / "nowhere")
    with pytest.raises(LexiconError, match=r"no lexicon files \(\*\.yaml\)"):
        Lexicon.load(tmp_path)


@pytest.mark.parametrize(
    "text, expected",
    [
        # whole words only: EU is not inside EUR or Europol
        ("Een pakket van EUR 90 mln. via Europol.", [("Europol", "org.europol")]),
        # a hyphen is a word boundary: EU-lidstaten names the EU, AU-EU both
        ("De EU-lidstaten en de AU-EU top.", [("EU", "org.eu"), ("AU", "org.african-union"), ("EU", "org.eu")]),
        # compounds that merely mention human rights are not the norm
        ("de mensenrechtensituatie, mensenrechtenorganisaties en mensenrechtenschendingen", []),
        ("het respect voor de mensenrechten", [("mensenrechten", "obl.human-rights")]),
        # pull quotes in capitals: case-insensitive forms, acronyms as written
        ("“DOOR SAMEN TE WERKEN MET DUBIEUZE LOKALE MILITIES VERSTERKT DE EU DE ‘HEERSCHAPPIJ’”", [("EU", "org.eu")]),
        (
            "HET INTERNATIONAAL HUMANITAIR RECHT IS VERANKERD",
            [("INTERNATIONAAL HUMANITAIR RECHT", "obl.international-humanitarian-law")],
        ),
        # IS (ISIS) in normal text, but not the verb "is" of a capitals sentence
        ("de opkomst van IS in Libië", [("IS", "org.isis"), ("Libië", "pl.libya")]),
        # an acronym never matches in lower case: "om" is a Dutch word
        ("om te voorkomen dat het OM", [("OM", "org.om")]),
        # longest match wins
        ("het Europees Hof voor de Rechten van de Mens", [("Europees Hof voor de Rechten van de Mens", "org.ecthr")]),
        ("de Hoge VN-Commissaris voor de Mensenrechten", [("Hoge VN-Commissaris voor de Mensenrechten", "org.unhchr")]),
        (
            "VN-Vluchtelingenconventie en VN-Vluchtelingenorganisatie",
            [
                ("VN-Vluchtelingenconventie", "obl.refugee-convention-1951"),
                ("VN-Vluchtelingenorganisatie", "org.unhcr"),
            ],
        ),
        # both spellings of non-refoulement, and a hyphen the reader left in
        (
            "het principe van ‘non-refoulement’ en het non-refoulementprincipe en non-refoule-mentprincipe",
            [
                ("principe van ‘non-refoulement’", "obl.non-refoulement"),
                ("non-refoulementprincipe", "obl.non-refoulement"),
                ("non-refoule-mentprincipe", "obl.non-refoulement"),
            ],
        ),
        # inflection: Europees/Europese
        ("het Europese Hof voor de Rechten van de Mens", [("Europese Hof voor de Rechten van de Mens", "org.ecthr")]),
        # a negative lookahead keeps Libya's foreign minister apart from the Dutch one
        ("Minister van Buitenlandse Zaken Siala", [("Siala", "per.siala")]),
        # a line break inside a name
        ("de Libische\nkustwacht", [("Libische\nkustwacht", "org.libyan-coast-guard")]),
        # Serra is not inside Serraj, Niger not inside Nigerese
        ("premier Serraj en de Nigerese stad", [("Serraj", "per.serraj")]),
    ],
)
def test_dutch_matching(lexicon, text, expected):
    assert mentions(lexicon, text) == expected


def test_ambiguous_acronyms_are_skipped_in_capitals(lexicon):
    assert mentions(lexicon, "DE MENSENRECHTEN IS EEN NORM") == [("MENSENRECHTEN", "obl.human-rights")]
    assert mentions(lexicon, "DAT IS OM TE LACHEN") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "UNHCR and IOM help the Libyan coast guard.",
            [("UNHCR", "org.unhcr"), ("IOM", "org.iom"), ("Libyan coast guard", "org.libyan-coast-guard")],
        ),
        ("the human rights situation and human rights violations", []),
        ("respect for human rights", [("human rights", "obl.human-rights")]),
        (
            "the principle of non-refoulement and the 1951 Geneva Convention",
            [
                ("principle of non-refoulement", "obl.non-refoulement"),
                ("1951 Geneva Convention", "obl.refugee-convention-1951"),
            ],
        ),
        (
            "Article 3 of the European Convention on Human Rights",
            [("Article 3 of the European Convention on Human Rights", "obl.echr-art3")],
        ),
        ("EUR 90 million through Europol", [("Europol", "org.europol")]),
        ("the European Council on Foreign Relations", [("European Council on Foreign Relations", "org.ecfr")]),
        ("He said US officials", [("US", "pl.united-states")]),
        ("IT IS UP TO US", []),
    ],
)
def test_english_matching(lexicon, text, expected):
    assert mentions(lexicon, text, "en") == expected


# --- the compact form syntax, EU act numbers, ECLIs, state adjectives ------------------


def one_entry(tmp_path: Path, body: str) -> Lexicon:
    (tmp_path / "one.yaml").write_text("entries:\n" + body, encoding="utf-8")
    return Lexicon.load(tmp_path)


@pytest.mark.parametrize(
    "text, found",
    [
        # the optional part and the choice both taken, or neither
        ("het Internationaal Verdrag tegen foltering geldt", "Internationaal Verdrag tegen foltering"),
        ("het Verdrag tegen foltering geldt", "Verdrag tegen foltering"),
        ("de VN-Conventie tegen foltering", "VN-Conventie tegen foltering"),
        # a choice is not optional: the head noun must be there
        ("het tegen foltering gerichte beleid", None),
    ],
)
def test_a_form_has_optional_parts_and_choices(tmp_path, text, found):
    lexicon = one_entry(
        tmp_path,
        "- {id: obl.cat, type: treaty, label: {nl: CAT, en: CAT}, "
        'nl: ["[{Internationaal |VN-}]{Verdrag|Conventie} tegen foltering"]}\n',
    )
    assert mentions(lexicon, text) == ([(found, "obl.cat")] if found else [])


@pytest.mark.parametrize(
    "form, problem",
    [
        ("Verdrag [tegen foltering", "missing ']'"),
        ("Verdrag {tegen|inzake foltering", "missing '}'"),
        ("Verdrag tegen} foltering", "unbalanced '}'"),
        # a bar outside braces is a slip for [{a|b}], not a literal bar
        ("Verdrag [tegen |inzake ]foltering", "'|' separates choices only inside {...}"),
    ],
)
def test_a_malformed_form_names_the_file_entry_and_form(tmp_path, form, problem):
    with pytest.raises(LexiconError) as error:
        one_entry(tmp_path, f'- {{id: obl.x, type: treaty, label: {{nl: X, en: X}}, nl: ["{form}"]}}\n')
    assert str(error.value).startswith(f"{tmp_path / 'one.yaml'}: entry 'obl.x': form {form!r} in nl: {problem}")


def test_an_eu_act_number_matches_its_citation_forms_in_both_languages(tmp_path):
    lexicon = one_entry(
        tmp_path,
        '- {id: obl.dublin, type: regulation, eu_act: "604/2013", label: {nl: Dublin, en: Dublin}}\n',
    )
    assert mentions(lexicon, "Verordening (EU) nr. 604/2013 en verordening 604/2013") == [
        ("Verordening (EU) nr. 604/2013", "obl.dublin"),
        ("verordening 604/2013", "obl.dublin"),
    ]
    assert mentions(lexicon, "Regulation (EU) No 604/2013 applies", "en") == [
        ("Regulation (EU) No 604/2013", "obl.dublin")
    ]
    assert mentions(lexicon, "Richtlijn 604/2013") == []  # the number of a regulation, not of a directive
    assert lexicon.get("obl.dublin").url == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32013R0604"


@pytest.mark.parametrize(
    "body, problem",
    [
        ('- {id: obl.x, type: treaty, eu_act: "604/2013", label: {nl: X, en: X}}\n', "'eu_act' is for a directive"),
        ('- {id: obl.x, type: directive, eu_act: "2013-32", label: {nl: X, en: X}}\n', "'eu_act' is for a directive"),
        (
            '- {id: case.x, type: judgment, ecli: "ECLI:NL", label: {nl: X, en: X}, nl: [X]}\n',
            "'ecli' is for a judgment",
        ),
        ("- {id: org.x, type: body, nl_adjectives: [Xse], label: {nl: X, en: X}, nl: [X]}\n", "only a state has"),
        (
            "- {id: obl.x, type: judgment, label: {nl: X, en: X}, nl: [X]}\n",
            "a judgment needs an id starting with 'case.'",
        ),
    ],
)
def test_new_fields_are_checked(tmp_path, body, problem):
    with pytest.raises(LexiconError) as error:
        one_entry(tmp_path, body)
    assert problem in str(error.value)


def test_a_judgment_links_to_its_ecli_resolver(lexicon):
    entry = lexicon.get("case.elgafaji")
    assert entry.category == "case"
    assert entry.authority().url == "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=ecli:ECLI:EU:C:2009:94"


@pytest.mark.parametrize(
    "text, found",
    [
        ("De Turkse autoriteiten weigerden.", [("Turkse autoriteiten", "pl.turkey")]),
        ("Het Syrische regime bombardeert.", [("Syrische regime", "pl.syria")]),
        ("TURKSE AUTORITEITEN", [("TURKSE AUTORITEITEN", "pl.turkey")]),  # a pull quote in capitals
        # the adjective alone, or with people or things, is not the state
        ("Turkse vluchtelingen en Syrische wateren", []),
        # a curated organisation listed first wins the tie
        ("de Libische kustwacht", [("Libische kustwacht", "org.libyan-coast-guard")]),
    ],
)
def test_a_state_adjective_with_its_authorities_is_the_state(lexicon, text, found):
    assert mentions(lexicon, text) == found


def test_the_english_side_names_the_same_entries(lexicon):
    assert mentions(lexicon, "the Turkish authorities and the UN Convention against Torture", "en") == [
        ("Turkish authorities", "pl.turkey"),
        ("UN Convention against Torture", "obl.cat"),
    ]


def test_loading_reads_every_yaml_file(lexicon):
    assert {e.source for e in lexicon.entries} == {p.name for p in LEXICONS.glob("*.yaml")}
