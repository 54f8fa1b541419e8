"""The Dutch segmenter on hand-built blocks: boundaries, offsets, notes, languages."""

from __future__ import annotations

import pytest

from pipeline.model import Block, BlockKind, Document, ForeignSpan, Metadata, NoteRef, Source
from pipeline.segment import SegmentOptions, segment, split_sentences


def make_doc(*blocks: Block) -> Document:
    return Document(id="t", meta=Metadata(title="t"), source=Source(path="t.txt", sha256="0"), blocks=blocks)


def para(text: str, block_id: str = "b1", kind: BlockKind = BlockKind.PARAGRAPH, **kwargs) -> Block:
    return Block(id=block_id, kind=kind, text=text, lines=(1, 1), **kwargs)


def sentences_of(text: str, options: SegmentOptions | None = None) -> list[str]:
    doc = segment(make_doc(para(text)), options)
    return [s.text for s in doc.blocks[0].sentences]


# Each case: text, the sentences it must give, and why it matters.
SPLITS = [
    pytest.param(
        "Zie o.a. het verslag. Nederland financiert t.a.v. de kustwacht weinig.",
        ["Zie o.a. het verslag.", "Nederland financiert t.a.v. de kustwacht weinig."],
        id="dotted-abbreviations",  # o.a. / t.a.v. end in a period but never a sentence
    ),
    pytest.param(
        "Op basis van het akkoord is een Raad gevormd, o.l.v. premier Fayez Serraj. Op 14 februari presenteerde de PC.",
        [
            "Op basis van het akkoord is een Raad gevormd, o.l.v. premier Fayez Serraj.",
            "Op 14 februari presenteerde de PC.",
        ],
        id="olv-before-name",  # d001: o.l.v. followed by a title and a name
    ),
    pytest.param(
        "Zoals ik in mijn brief d.d. 20 december heb aangegeven (Kamerstuk 21 501-20, nr. 1280), acht het kabinet het van belang. Zoals de inspanningen aantonen.",
        [
            "Zoals ik in mijn brief d.d. 20 december heb aangegeven (Kamerstuk 21 501-20, nr. 1280), acht het kabinet het van belang.",
            "Zoals de inspanningen aantonen.",
        ],
        id="dd-and-kamerstuk",  # d000: the sentence around the footnote must stay whole
    ),
    pytest.param(
        "Kan de Minister toelichten wat de vergadering van 30 juli a.s. Kan de Minister toelichten wat de visie is?",
        [
            "Kan de Minister toelichten wat de vergadering van 30 juli a.s.",
            "Kan de Minister toelichten wat de visie is?",
        ],
        id="as-before-new-sentence",  # d003: a.s. can close a sentence when a sentence opener follows
    ),
    pytest.param(
        "Conform de brief van 23 februari jl. (Kamerstuk 32 317, nr. 399) zal worden bezien. Dat is goed.",
        ["Conform de brief van 23 februari jl. (Kamerstuk 32 317, nr. 399) zal worden bezien.", "Dat is goed."],
        id="jl-before-reference",  # d001: jl. followed by a bracketed reference continues
    ),
    pytest.param(
        "Op 8 januari jl. bracht Mogherini een bezoek. En marge van de top in november jl. te Abidjan sprak hij.",
        ["Op 8 januari jl. bracht Mogherini een bezoek.", "En marge van de top in november jl. te Abidjan sprak hij."],
        id="jl-mid-sentence",  # jl. followed by a lowercase word is no boundary
    ),
    pytest.param(
        "Mogelijk is dat op 8 januari jl. Mogherini een bezoek bracht.",
        ["Mogelijk is dat op 8 januari jl. Mogherini een bezoek bracht."],
        id="jl-before-name",  # a capitalised name after jl. does not open a sentence
    ),
    pytest.param(
        "Nederland blijft aandringen op verklaringen waarin de vergadering van 30 juli as. wordt afgekeurd.",
        ["Nederland blijft aandringen op verklaringen waarin de vergadering van 30 juli as. wordt afgekeurd."],
        id="as-without-dots",  # d003 writes "as." for a.s.
    ),
    pytest.param(
        "In april werd een pakket van EUR 90 mln. beschikbaar gemaakt. Het Verdrag bepaalt in art. 5 dat een aanval telt.",
        [
            "In april werd een pakket van EUR 90 mln. beschikbaar gemaakt.",
            "Het Verdrag bepaalt in art. 5 dat een aanval telt.",
        ],
        id="mln-and-art",  # d003: mln. and art. before a number
    ),
    pytest.param(
        "Ruim 6.500 migranten keerden terug. VN-resoluties 1.325 en 2.259 gelden. Daar waar IOM in 2016 2.775 migranten terugbracht, waren dat er al 5.172. Het is goed.",
        [
            "Ruim 6.500 migranten keerden terug.",
            "VN-resoluties 1.325 en 2.259 gelden.",
            "Daar waar IOM in 2016 2.775 migranten terugbracht, waren dat er al 5.172.",
            "Het is goed.",
        ],
        id="thousands-separators",  # a period inside a number is no boundary; one after it can be
    ),
    pytest.param(
        "Het uitbesteden kan niet voor 11.11.11. Het argument is zwak. Ook 11.11.11 toonde dat aan.",
        ["Het uitbesteden kan niet voor 11.11.11.", "Het argument is zwak.", "Ook 11.11.11 toonde dat aan."],
        id="ngo-name-11.11.11",  # d002: the NGO's name contains periods and can end a sentence
    ),
    pytest.param(
        "De procedures moeten sneller. 11.11.11 staat daar helemaal achter.",
        ["De procedures moeten sneller.", "11.11.11 staat daar helemaal achter."],
        id="sentence-opens-with-digit",  # d002: a sentence starting with the NGO's name
    ),
    pytest.param(
        "4.1. Verklaring van Parijs",
        ["4.1. Verklaring van Parijs"],
        id="heading-numbering",  # d002: "4.1." opens a heading and is no sentence of its own
    ),
    pytest.param(
        "1. Antwoord van het kabinet:",
        ["1. Antwoord van het kabinet:"],
        id="answer-numbering",  # d003: numbered answers
    ),
    pytest.param(
        "1. Werk niet samen met dubieuze milities: zet het stop. 2. Voer een migratiebeleid dat werkt.",
        ["1. Werk niet samen met dubieuze milities: zet het stop.", "2. Voer een migratiebeleid dat werkt."],
        id="numbered-items-in-one-block",  # a guard: the number goes with the item it opens
    ),
    pytest.param(
        "De Minister van Buitenlandse Zaken, A.G. Koenders",
        ["De Minister van Buitenlandse Zaken, A.G. Koenders"],
        id="initials",  # d001 closer: initials are no sentence ends
    ),
    pytest.param(
        "Dit deelde M.G.J. Harbers mee. Hij sprak ook met J. Jansen.",
        ["Dit deelde M.G.J. Harbers mee.", "Hij sprak ook met J. Jansen."],
        id="initials-mid-sentence",
    ),
    pytest.param(
        "Het gaat over onze waarden in de wereld.” De recent aangenomen nota verduidelijkt dat.",
        ["Het gaat over onze waarden in de wereld.”", "De recent aangenomen nota verduidelijkt dat."],
        id="closing-quote-after-period",  # d002: the closing quote belongs to the sentence it closes
    ),
    pytest.param(
        "ECFR stelt dat het “beleid het probleem vergroot heeft”. ECFR stelt ook iets anders.",
        ["ECFR stelt dat het “beleid het probleem vergroot heeft”.", "ECFR stelt ook iets anders."],
        id="period-after-closing-quote",
    ),
    pytest.param(
        "“The fear is what pushes Africans to cross as quickly as possible (…). Ultimately, violations of rights are not the price”, stelt hij.",
        [
            "“The fear is what pushes Africans to cross as quickly as possible (…).",
            "Ultimately, violations of rights are not the price”, stelt hij.",
        ],
        id="bracketed-ellipsis-then-period",  # d002: "(…)." ends the first quoted sentence
    ),
    pytest.param(
        "Het buitenlandse beleid (…) zorgt voor bescherming. Het gaat over veiligheidsbelangen (…), maar ook over waarden.",
        [
            "Het buitenlandse beleid (…) zorgt voor bescherming.",
            "Het gaat over veiligheidsbelangen (…), maar ook over waarden.",
        ],
        id="bracketed-ellipsis-inside",  # an omission mark is no boundary
    ),
    pytest.param(
        "Zijn de eerste resultaten al bekend? En overwegen Italië en/of de EU vervolgstappen? Graag een toelichting.",
        [
            "Zijn de eerste resultaten al bekend?",
            "En overwegen Italië en/of de EU vervolgstappen?",
            "Graag een toelichting.",
        ],
        id="question-marks",  # d003 questions
    ),
    pytest.param(
        "Stop ermee! Het is genoeg. Wacht… Dan maar niet. Dit is… vreemd.",
        ["Stop ermee!", "Het is genoeg.", "Wacht…", "Dan maar niet.", "Dit is… vreemd."],
        id="exclamation-and-ellipsis",
    ),
    pytest.param(
        "De middelen (medische hulp, onderdak,…) zijn bij elkaar gebracht.",
        ["De middelen (medische hulp, onderdak,…) zijn bij elkaar gebracht."],
        id="ellipsis-in-brackets",  # d002
    ),
    pytest.param(
        "Op 19 februari heeft de VS een luchtaanval uitgevoerd. Dat meldde de VS. Daarna volgde meer.",
        ["Op 19 februari heeft de VS een luchtaanval uitgevoerd.", "Dat meldde de VS.", "Daarna volgde meer."],
        id="acronym-is-not-vs",  # "VS." is the United States, not the abbreviation vs.
    ),
    pytest.param(
        "Zie: https://ec.europa.eu/home-affairs/what-we-do/plan_en.pdf voor het plan.",
        ["Zie: https://ec.europa.eu/home-affairs/what-we-do/plan_en.pdf voor het plan."],
        id="url",  # d003 note: periods inside a URL
    ),
    pytest.param(
        "De Staatssecretaris van Justitie en Veiligheid,\nM.G.J. Harbers",
        ["De Staatssecretaris van Justitie en Veiligheid,\nM.G.J. Harbers"],
        id="line-break-is-no-boundary",  # a guard: a line end never ends a sentence
    ),
    pytest.param(
        "Het ligt tussen 2.000 en\n3.000. Van de verplaatsing is weinig sprake.",
        ["Het ligt tussen 2.000 en\n3.000.", "Van de verplaatsing is weinig sprake."],
        id="number-ends-sentence",
    ),
    pytest.param(
        "Dit kost 5 mld. euro en bijv. tijd, m.b.t. de uitvoering i.p.v. later, incl. de ca. 30 resp. 40 z.g. ngo’s. Klaar.",
        [
            "Dit kost 5 mld. euro en bijv. tijd, m.b.t. de uitvoering i.p.v. later, incl. de ca. 30 resp. 40 z.g. ngo’s.",
            "Klaar.",
        ],
        id="more-abbreviations",
    ),
    pytest.param(
        "Het rapport van prof. Jansen en dr. De Vries, mr. Pietersen en Mr. Smit. Zij schreven dat.",
        ["Het rapport van prof. Jansen en dr. De Vries, mr. Pietersen en Mr. Smit.", "Zij schreven dat."],
        id="titles-before-names",
    ),
    pytest.param(
        "Hulp, voedsel, etc. De EU geeft geld, kleding e.d. aan de centra.",
        ["Hulp, voedsel, etc.", "De EU geeft geld, kleding e.d. aan de centra."],
        id="etc-can-end",  # etc. before a sentence opener ends the sentence
    ),
    pytest.param(
        "Het beleid is mislukt. (Zie ook hoofdstuk 2.) Daarna volgt meer.",
        ["Het beleid is mislukt.", "(Zie ook hoofdstuk 2.)", "Daarna volgt meer."],
        id="bracketed-sentence",
    ),
    pytest.param(
        "Het is duidelijk (zie antwoord op vraag 2). Momenteel kijkt Nederland mee.",
        ["Het is duidelijk (zie antwoord op vraag 2).", "Momenteel kijkt Nederland mee."],
        id="period-after-bracket",  # d003
    ),
    pytest.param(
        "Het kabinet zetelt in Den Haag. ’s-Gravenhage is de officiële naam. ’t Is zo.",
        ["Het kabinet zetelt in Den Haag.", "’s-Gravenhage is de officiële naam.", "’t Is zo."],
        id="sentence-opens-with-apostrophe",  # Dutch sentences may open with a lowercase ’s or ’t
    ),
    pytest.param(
        "zonder titel en zonder punt",
        ["zonder titel en zonder punt"],
        id="no-terminator",
    ),
]


@pytest.mark.parametrize("text, expected", SPLITS)
def test_sentence_boundaries(text, expected):
    assert sentences_of(text) == expected


def test_extra_abbreviations_from_options():
    text = "Het staat in hfdst. Twee van de nota. Dat is alles."
    assert sentences_of(text) == ["Het staat in hfdst.", "Twee van de nota.", "Dat is alles."]
    options = SegmentOptions(extra_abbreviations=frozenset({"Hfdst"}))
    assert sentences_of(text, options) == ["Het staat in hfdst. Twee van de nota.", "Dat is alles."]


@pytest.mark.parametrize(
    "text",
    [
        "  Eerste zin. Tweede zin?  Derde zin!\n\n Vierde (…). Vijfde “zin.” Zesde 11.11.11. Zevende.  ",
        "\n\n",
        "",
        "Alleen tekst zonder einde",
        ". . . ? ! …",
        "A. B. C. D.",
    ],
)
def test_every_character_in_exactly_one_sentence(text):
    spans = split_sentences(text)
    covered = "".join(text[start:end] for start, end in spans)
    assert [c for c in covered if not c.isspace()] == [c for c in text if not c.isspace()]
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start and not text[end:start].strip()
    for start, end in spans:
        assert text[start:end] == text[start:end].strip() != ""


def test_sentence_offsets_ids_and_kinds():
    doc = make_doc(
        para("Kop van het stuk", "b1", BlockKind.HEADING),
        para("1", "b2", BlockKind.PAGE_NUMBER),
        para("Eerste zin. Tweede zin.", "b3"),
        para("Rijksoverheid", "b4", BlockKind.FW_HEADER),
        para("Zie o.a. het verslag, Kamerstuk 21 501-20, nr. 1281.", "b5", BlockKind.NOTE, label="2"),
        para("Een lijstpunt", "b6", BlockKind.LIST_ITEM),
        para("De Minister, A.G. Koenders", "b7", BlockKind.CLOSER),
    )
    out = segment(doc)
    got = [(b.id, s.id, s.text) for b, s in out.sentences()]
    assert got == [
        ("b1", "s1", "Kop van het stuk"),
        ("b3", "s2", "Eerste zin."),
        ("b3", "s3", "Tweede zin."),
        ("b5", "s4", "Zie o.a. het verslag, Kamerstuk 21 501-20, nr. 1281."),
        ("b6", "s5", "Een lijstpunt"),
        ("b7", "s6", "De Minister, A.G. Koenders"),
    ]
    for block, sentence in out.sentences():
        assert block.text[sentence.start : sentence.end] == sentence.text
    assert [b.sentences for b in out.blocks if b.kind.is_furniture] == [(), ()]
    assert out.provenance[-1][0] == "segment"
    assert "nl-rules" in out.provenance[-1][1]


def test_segmenting_twice_gives_the_same_document():
    doc = make_doc(para("Eerste zin. Tweede zin."))
    once = segment(doc)
    assert segment(once) == once


def test_provenance_records_the_settings():
    doc = make_doc(para("Zin."))
    plain = segment(doc).provenance[-1][1]
    extra = segment(doc, SegmentOptions(extra_abbreviations=frozenset({"hfdst."}))).provenance[-1][1]
    off = segment(doc, SegmentOptions(detect_language=False)).provenance[-1][1]
    assert len({plain, extra, off}) == 3
    assert "+1|" in extra and "lang:off" in off


def test_note_refs_go_to_their_sentences():
    # "...herkomstland.1 Door dit ... Zaken2. Ten aanzien ..." with markers removed by the reader
    text = "Zij keren terug naar hun herkomstland. Door dit initiatief en Zaken. Ten aanzien daarvan."
    first_end = text.index(".") + 1
    zaken = text.index("Zaken") + len("Zaken")
    refs = (NoteRef(first_end, "1", "n1"), NoteRef(zaken, "2", "n2"), NoteRef(len(text), "3", None))
    out = segment(make_doc(para(text, note_refs=refs)))
    s1, s2, s3 = out.blocks[0].sentences
    assert s1.note_refs == (NoteRef(len(s1.text), "1", "n1"),)  # right after the final period
    assert s2.note_refs == (NoteRef(s2.text.index("."), "2", "n2"),)
    assert s3.note_refs == (NoteRef(len(s3.text), "3", None),)


def test_note_ref_in_the_space_after_a_period_belongs_to_the_sentence_before():
    text = "Eerste zin.  Tweede zin."
    out = segment(make_doc(para(text, note_refs=(NoteRef(12, "1"),))))
    first, second = out.blocks[0].sentences
    assert first.note_refs == (NoteRef(len("Eerste zin."), "1"),) and second.note_refs == ()


ENGLISH_QUOTE = (
    "“The fear for their lives and their dignity is what pushes Africans to try to cross the "
    "Mediterranean as quickly as possible (…)."
)
GUTERRES = (
    "“Criminal syndicates pose a direct threat to the rule of law and undermine efforts to restore "
    "stability”, stelt VN-secretaris-generaal Guterres."
)
TOALDO = (
    "Ultimately, violations of rights are not the price to be paid in order to reduce the flows, "
    "rather the opposite: increased flows to Europe are the result of violations of rights and the lack "
    "of economic opportunities for migrants in Libya”, stelt onderzoeker Mattia Toaldo van de "
    "gerenommeerde denktank European Council on Foreign Relations."
)


def test_english_quotation_standing_alone_is_english():
    out = segment(make_doc(para(f"{ENGLISH_QUOTE} {TOALDO}")))
    first, second = out.blocks[0].sentences
    assert (first.text, first.lang, first.foreign) == (ENGLISH_QUOTE, "en", ())
    # the quotation's second sentence closes it: Dutch, with the English part marked
    assert second.lang == "nl"
    assert [(second.text[f.start : f.end], f.lang) for f in second.foreign] == [(TOALDO[: TOALDO.index("”")], "en")]


def test_dutch_sentence_with_english_quotation_gets_a_foreign_span():
    out = segment(make_doc(para(GUTERRES)))
    (sentence,) = out.blocks[0].sentences
    quote = GUTERRES[1 : GUTERRES.index("”")]
    assert sentence.lang == "nl"
    assert sentence.foreign == (ForeignSpan(1, 1 + len(quote), "en"),)


@pytest.mark.parametrize(
    "text",
    [
        # loanwords and names inside Dutch sentences must not make them English
        "Nederland steunt vrouwen en transitional justice.",
        "Tegelijkertijd worden opvangplekken en safe houses ingericht voor kwetsbare migranten.",
        "In een failed state als Libië zal dat niet eenvoudig zijn.",
        "Dit verbod op zogenaamde ‘push backs’ ligt vast.",
        "EU Global Strategy (EUGS)",
        "Onderzoeker Mattia Toaldo van de European Council on Foreign Relations stelt dat.",
        "Het opvallendste voorstel daarin is ongetwijfeld de ‘day X for returns’.",
        "Onderzoekers hebben het over een “tirannie van milities” in Libië.",
        "“DOOR SAMEN TE WERKEN MET DUBIEUZE LOKALE MILITIES VERSTERKT DE EU DE INSTABILITEIT.”",
        "De WHO en IT-bedrijven zijn het daar niet mee eens.",
    ],
)
def test_dutch_stays_dutch(text):
    (sentence,) = segment(make_doc(para(text))).blocks[0].sentences
    assert (sentence.lang, sentence.foreign) == ("nl", ())


def test_english_sentences_without_quotes_are_english():
    text = "This is what the report says about the situation. Dit is wat het rapport zegt."
    first, second = segment(make_doc(para(text))).blocks[0].sentences
    assert (first.lang, second.lang) == ("en", "nl")


def test_language_detection_can_be_switched_off():
    (sentence,) = segment(make_doc(para(GUTERRES)), SegmentOptions(detect_language=False)).blocks[0].sentences
    assert (sentence.lang, sentence.foreign) == ("nl", ())


def test_guillemet_quotation_in_brackets():
    text = (
        "Ook stelt de organisatie dat samenwerking conditioneel moet zijn (in het rapport omschreven als: "
        "«verifiable progress towards ending automatic detention of irregular migrants in Libya»)."
    )
    (sentence,) = segment(make_doc(para(text))).blocks[0].sentences
    start = text.index("«") + 1
    assert sentence.lang == "nl"
    assert sentence.foreign == (ForeignSpan(start, text.index("»"), "en"),)


@pytest.mark.parametrize(
    "text, count",
    [
        ("Dit is een zin met o.a. een afkorting en 6.500 migranten. " * 20000, 20000),  # ~1.2 MB
        ("." * 500_000, 1),  # one run of periods: scanned once, not once per period
        ("1. " * 200_000, 1),  # numbering-like words: no rescanning from the sentence start
        (". " * 200_000, 1),
    ],
    ids=["sentences", "periods", "numbers", "spaced-periods"],
)
def test_long_text_is_segmented_in_linear_time(text, count):
    import time

    started = time.process_time()
    assert len(split_sentences(text)) == count
    assert time.process_time() - started < 2.0
