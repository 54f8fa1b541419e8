"""The segmenter on the real corpus: boundaries a careful reader would draw, sentence by sentence."""

from __future__ import annotations

import re

import pytest

from pipeline.abbreviations import MAY_END, NEVER_FINAL, SENTENCE_STARTERS
from pipeline.model import BlockKind
from pipeline.readers import read_document
from pipeline.segment import segment

DOC_IDS = ["d000", "d001", "d002", "d003", "d004"]


@pytest.fixture(scope="module")
def docs(corpus_entries):
    return {entry.id: segment(read_document(entry)) for entry in corpus_entries}


def texts(doc, kinds=None):
    return [s.text for b, s in doc.sentences() if kinds is None or b.kind in kinds]


def pairs_in_blocks(doc):
    """(sentence, next sentence of the same block or None) for every sentence."""
    for block in doc.blocks:
        for index, sentence in enumerate(block.sentences):
            following = block.sentences[index + 1] if index + 1 < len(block.sentences) else None
            yield block, sentence, following


def last_word(text: str) -> str:
    return text.split()[-1].lstrip('(“"‘«[')


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_every_character_of_every_block_is_in_exactly_one_sentence(docs, doc_id):
    for block in docs[doc_id].blocks:
        if block.kind.is_furniture:
            assert block.sentences == ()
            continue
        assert block.sentences, f"{block.id} has no sentences"
        for sentence in block.sentences:
            assert block.text[sentence.start : sentence.end] == sentence.text
        joined = "".join(s.text for s in block.sentences)
        assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", block.text), block.id
        ends = [s.end for s in block.sentences]
        starts = [s.start for s in block.sentences]
        assert all(end <= start for end, start in zip(ends, starts[1:]))


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_ids_run_in_reading_order(docs, doc_id):
    ids = [s.id for _, s in docs[doc_id].sentences()]
    assert ids == [f"s{n}" for n in range(1, len(ids) + 1)]


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_no_sentence_ends_at_an_abbreviation(docs, doc_id):
    for _block, sentence, following in pairs_in_blocks(docs[doc_id]):
        if following is None:
            continue
        word = last_word(sentence.text).lower()
        if word in MAY_END:  # allowed only before a word that opens sentences ("a.s. Kan")
            assert following.text.split()[0] in SENTENCE_STARTERS, (sentence.text, following.text)
            continue
        assert word not in NEVER_FINAL, sentence.text
        assert not re.fullmatch(r"(?:[^\W\d_]\.)+", word), sentence.text  # o.l.v., M.G.J., initials


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_no_sentence_ends_inside_a_number_or_at_numbering(docs, doc_id):
    for block, sentence, following in pairs_in_blocks(docs[doc_id]):
        assert not re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*\.?", sentence.text), (block.id, sentence.text)
        if following is not None and re.search(r"\d\.$", sentence.text):
            assert not following.text[0].isdigit() or not re.match(r"\d{3}\b", following.text), (
                sentence.text,
                following.text,
            )


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_no_sentence_ends_mid_sentence_or_mid_word(docs, doc_id):
    """Inside a block every sentence but the last ends in . ? ! or … and the next opens with a capital,
    digit or quotation mark; no sentence is cut at a line-end hyphen."""
    for _block, sentence, following in pairs_in_blocks(docs[doc_id]):
        assert not re.search(r"\w-$", sentence.text), sentence.text
        if following is None:
            continue
        assert re.search(r"[.?!…][”\"’»)\]]*$", sentence.text), sentence.text
        assert not following.text[0].islower(), following.text


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_no_word_left_split_by_a_line_end_hyphen(docs, doc_id):
    # "zee- en landsgrenzen", "arbeids- en studentenvisa" keep their hyphen; "Interna- tional" must not remain
    for text in texts(docs[doc_id]):
        leftovers = re.findall(r"\w+- (?!en\b|of\b|tot\b|en/of\b)\w+", text)
        assert leftovers == [], text


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_no_furniture_or_note_text_inside_a_body_sentence(docs, doc_id):
    doc = docs[doc_id]
    furniture = {b.text.strip() for b in doc.blocks if b.kind in (BlockKind.FW_HEADER,) and len(b.text.strip()) > 12}
    notes = [b.text.strip()[:40] for b in doc.blocks if b.kind == BlockKind.NOTE and len(b.text.strip()) > 20]
    body = texts(doc, {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING})
    for text in body:
        assert not re.fullmatch(r"\d{1,3}", text), text  # a page number taken for a sentence
        for piece in furniture:
            assert piece not in text, (piece, text)
        for note in notes:
            assert note not in text, (note, text)


def test_d000_sentence_interrupted_by_a_footnote_is_whole(docs):
    sentence = (
        "Zoals ik ook in mijn brief aan uw Kamer d.d. 20 december heb aangegeven (Kamerstuk 21 501-20, "
        "nr. 1280), acht het kabinet het van belang om de bredere Europese en internationale inzet in Libië "
        "te blijven ondersteunen, juist nu deze effect heeft."
    )
    assert texts(docs["d000"]).count(sentence) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        # 6.500: a period inside a number
        "In de periode eind november 2017 tot 8 januari 2018 zijn ruim 6.500 migranten vrijwillig "
        "teruggekeerd naar hun landen van herkomst met behulp van IOM.",
        # jl. followed by "te Abidjan"
        "En marge van de AU-EU top in november jl. te Abidjan heeft Nederland aangedrongen op betere toegang "
        "van UNHCR en IOM tot de Libische detentiecentra om meer zicht te krijgen op wat daar gebeurt en "
        "betere hulp te kunnen verlenen.",
        # the closer: initials
        "De Staatssecretaris van Justitie en Veiligheid, M.G.J. Harbers",
    ],
)
def test_d000_sentences(docs, sentence):
    assert sentence in [" ".join(t.split()) for t in texts(docs["d000"])]


@pytest.mark.parametrize(
    "sentence",
    [
        # o.l.v. followed by a title and a name
        "Op basis van het akkoord is een Libische Presidentiële Raad (PC) gevormd, o.l.v. premier Fayez Serraj.",
        # o.l.v. inside brackets
        "De uitzondering daarop is de stad Benghazi, waar sprake is van vrijwel constante gevechten tussen "
        "enerzijds elementen van het LNA (o.l.v. generaal Haftar) en anderzijds een coalitie van islamistische "
        "en extremistische rebellen.",
        # t.a.v. before a lowercase word
        "Deze brief beschrijft allereerst de laatste ontwikkelingen t.a.v. politiek, veiligheid/terrorisme, "
        "migratie en de humanitaire situatie, waarna per thema de inzet van achtereenvolgens de VN, de EU en "
        "Nederland uiteengezet wordt.",
        # 1.325 and 2.259: resolution numbers written with a thousands point
        "Met deze steun geeft Nederland invulling aan VN Veiligheidsraadresoluties 1.325 (vrouwen in "
        "conflictgebieden) en 2.259 (Libië, waarin het belang van betekenisvolle deelname van vrouwen aan "
        "het vredesproces wordt benadrukt).",
        # jl. followed by a comma, then jl. followed by a name-less verb
        "Op 8 januari jl. bracht EU Hoge Vertegenwoordiger Mogherini een bezoek aan Tunis waarbij ze "
        "gesprekken voerde met de Presidentiële Raad en met deelnemers aan de politieke dialoog.",
        # jl. followed by a bracketed Kamerstuk reference: one sentence
        "Conform de brief van de Minister van Defensie van 23 februari jl. (Kamerstuk 32 317, nr. 399) zal, "
        "ingeval er sprake is van het verlengen van een bestaande operatie of het opzetten van een nieuwe "
        "missie in Libië worden bezien of deze «migratiegevoeliger» kunnen worden gemaakt, door bijvoorbeeld "
        "het mandaat uit te breiden met taken die verband houden met migratie.",
        # a number ends the sentence: 3.000.
        "Op basis van de huidige beschikbare informatie ligt het aantal tussen 2.000 en 3.000.",
        "De Minister van Buitenlandse Zaken, A.G. Koenders",
    ],
)
def test_d001_sentences(docs, sentence):
    assert sentence in [" ".join(t.split()) for t in texts(docs["d001"])]


@pytest.mark.parametrize(
    "sentence",
    [
        # a.s. before "Kan de Minister": two sentences
        "De leden van de SGP-fractie onderschrijven het belang van een nauwlettende monitoring van de "
        "ontwikkelingen in Venezuela in de aanloop naar de grondwetgevende vergadering van 30 juli a.s.",
        "Kan de Minister toelichten wat de concrete Nederlandse visie is op «eventuele EU-actie»?",
        # as. (a.s. without dots) before a lowercase verb
        "Nederland blijft in EU-verband aandringen op scherpere verklaringen waarin de grondwetgevende "
        "vergadering van 30 juli as. wordt afgekeurd.",
        # mln. before lowercase
        "In april werd een pakket van EUR 90 mln. beschikbaar gemaakt uit het EU Trust Fund.",
        # art. 5
        "Het Verdrag van Washington bepaalt in art. 5 dat een gewapende aanval op een NAVO Bondgenoot in "
        "Europa of Noord-Amerika beschouwd zal worden als een aanval op alle NAVO Bondgenoten.",
        # jl. followed by a verb
        "Het Actieplan dat de Commissie op 4 juli jl. presenteerde om in EU verband de migratiedruk op "
        "Italië te verminderen, is een belangrijke stap in de goede richting.",
        # jl. followed by a comma
        "Tijdens de informele JBZ-Raad van 6 en 7 juli jl., bleek dat er in het algemeen veel steun is voor "
        "de voorstellen van de Commissie.",
        # numbers 2.775 and 5.172, the second ending the sentence
        "Daar waar IOM in heel 2016 2.775 migranten vanuit Libië terugbracht naar herkomstlanden, waren dat "
        "er tot en met 5 juli 2017 al 5.172.",
        # a Kamerstuk reference with nr.
        "Dit is onderdeel van de kabinetsvisie op de Europese migratieproblematiek zoals verwoord in de "
        "Kamerbrief van 8 september 2015 (Kamerstuk 21 501-02, nr. 1525).",
        # a question
        "Graag een toelichting.",
    ],
)
def test_d003_sentences(docs, sentence):
    assert sentence in [" ".join(t.split()) for t in texts(docs["d003"])]


def test_d003_numbered_answers_are_one_sentence_each(docs):
    # the reader keeps the numbering as the heading's label; the heading is one sentence
    answers = [
        (b.label, [s.text for s in b.sentences]) for b in docs["d003"].blocks if b.label and b.kind == BlockKind.HEADING
    ]
    assert answers == [(f"{n}.", ["Antwoord van het kabinet:"]) for n in range(1, 22)]


@pytest.mark.parametrize(
    "sentence",
    [
        # 11.11.11 ends the sentence: the next one starts with "Het argument"
        "De samenwerking met Libische milities en het uitbesteden van ‘push backs’ aan derde landen kan "
        "niet voor 11.11.11.",
        # a sentence that opens with the NGO's name
        "11.11.11 staat daar helemaal achter.",
        # a closing quotation mark after the period belongs to the sentence
        "Het gaat hier over onze politieke, economische, sociale, culturele en veiligheidsbelangen (…), maar "
        "evenzeer over de fundamentele waarden die we koesteren en willen uitdragen in de wereld.”",
        "Het blijft echter onduidelijk waar (naast de Nigerese stad Agadez en de hoofdstad Niamey zijn de "
        "veilige gebieden in Niger dun gezaaid) en hoe deze asielaanvragen onderzocht zullen worden.",
    ],
)
def test_d002_sentences(docs, sentence):
    assert sentence in [" ".join(t.split()) for t in texts(docs["d002"])]


def test_d002_numbered_headings_and_items_are_not_split_at_their_numbers(docs):
    numbered = {b.label: [" ".join(s.text.split()) for s in b.sentences] for b in docs["d002"].blocks if b.label}
    assert numbered["4.1."] == ["Verklaring van Parijs"]
    assert numbered["4.3."] == ["Hotspots in de regio?"]
    assert numbered["2."] == [
        "Voer een migratiebeleid dat werkt: Europa moet zijn grenzen niet opengooien, maar ze beter beheren."
    ]
    assert not any(re.fullmatch(r"[\d.]+", t) for t in texts(docs["d002"]))


def test_d002_english_quotations(docs):
    doc = docs["d002"]
    by_text = {" ".join(s.text.split()): s for _, s in doc.sentences()}
    fear = (
        "“The fear for their lives and their dignity is what pushes Africans to try to cross the "
        "Mediterranean as quickly as possible (…)."
    )
    assert by_text[fear].lang == "en"
    guterres = next(s for t, s in by_text.items() if t.startswith("“Criminal syndicates pose"))
    assert guterres.lang == "nl"
    assert [(" ".join(guterres.text[f.start : f.end].split()), f.lang) for f in guterres.foreign] == [
        (
            "Criminal syndicates pose a direct threat to the rule of law and undermine efforts to restore stability",
            "en",
        )
    ]
    toaldo = next(s for t, s in by_text.items() if t.startswith("Ultimately, violations of rights"))
    assert toaldo.lang == "nl" and [f.lang for f in toaldo.foreign] == ["en"]
    english = [t for t, s in by_text.items() if s.lang == "en"]
    assert english == [fear]


@pytest.mark.parametrize("doc_id", ["d000", "d001", "d003", "d004"])
def test_dutch_letters_have_no_english_sentences(docs, doc_id):
    # transitional justice, safe houses, failed state, best practices: loanwords, not English sentences
    assert [t for b, s in docs[doc_id].sentences() if s.lang != "nl" for t in [s.text]] == []


def test_d003_english_quotation_in_guillemets(docs):
    sentence = next(s for _, s in docs["d003"].sentences() if "«verifiable progress" in s.text)
    assert sentence.lang == "nl"
    (span,) = sentence.foreign
    assert sentence.text[span.start : span.end].startswith("verifiable progress") and span.lang == "en"


def test_note_refs_stay_with_their_sentences(docs):
    doc = docs["d000"]
    for _block, sentence in doc.sentences():
        for ref in sentence.note_refs:
            assert 0 <= ref.offset <= len(sentence.text)
    refs = sum(len(b.note_refs) for b in doc.blocks)
    assert refs == sum(len(s.note_refs) for _, s in doc.sentences())
