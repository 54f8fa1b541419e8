"""Instruments the lexicons lack, recognised by how documents cite them.

Needs the text of one sentence (or translation), its language and the
annotations the lexicons already found in it. Finds, in text no annotation
covers:

- EU acts by number: `Richtlijn 2013/32/EU`, `Verordening (EU) nr. 604/2013`,
  `Directive 2013/32/EU`, `Regulation (EU) No 604/2013`; the id comes from the kind
  and the number (`obl.eu.directive-2013-32-eu`), so both languages share it;
- named instruments: a capitalised head (Verdrag, Conventie, Protocol, Handvest,
  Statuut, Overeenkomst, Akkoord, Pact, Richtlijn, Verordening, Besluit; in English
  Convention, Covenant, Treaty, Protocol, Charter, Statute, ...), optionally after
  an adjective (`Europees`, `Facultatief`) or a glued acronym (`VN-`), then a link
  word (inzake, tegen, betreffende, tot, voor, over, ter, bij; `van` only before a
  proper name: `Verdrag van Lissabon`, never `Protocol van de vergadering`) and a
  name that runs until the clause goes on (a verb, a conjunction before another
  noun phrase, punctuation);
- capitalised compounds on such a head: `Gezinsherenigingsrichtlijn`,
  `VN-Vrouwenverdrag`.

Each yields an obligation annotation and an `AuthorityEntry` with
`curated=False`, shown as such in the TEI header, for a researcher to promote
into the lexicons. An acronym glued to the name (the `VN` of `VN-Verdrag tegen
...`) is part of the name, never a separate mention of the organisation: the
instrument's span covers it, and the lexicon's own match inside is dropped.

`bind_articles` then turns `artikel 33 van het Vluchtelingenverdrag` (`Article 33
of the Refugee Convention`) into one annotation of that article: the lexicon's
article entry when there is one, else an uncurated entry `<treaty id>-art33`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .lexicon import Lexicon, eu_act_url
from .model import Annotation, AuthorityEntry

_EU_FAMILY = r"(?:\s+\((?:EU|EG|EEG|EC|EEC|Euratom)\))?"
_EU_NUMBER = r"(?P<num>\d{1,4}\s?/\s?\d{1,4}(?:\s?/\s?(?:EU|EG|EEG|EC|EEC|JBZ|JHA|GBVB|CFSP))?)(?![\w/])"
_EU_ACT = {
    "nl": re.compile(
        r"(?<![\w-])(?P<kind>(?:Kader|Uitvoerings)?[Rr]ichtlijn|(?:Uitvoerings)?[Vv]erordening|(?:Kader|Uitvoerings)?[Bb]esluit)"
        + _EU_FAMILY
        + r"(?:\s+(?:nr|Nr|no)\.?)?\s+"
        + _EU_NUMBER
    ),
    "en": re.compile(
        r"(?<![\w-])(?P<kind>(?:Framework |Implementing )?(?:[Dd]irective|[Rr]egulation|[Dd]ecision))"
        + _EU_FAMILY
        + r"(?:\s+(?:No|no|Nr)\.?)?\s+"
        + _EU_NUMBER
    ),
}
_KINDS = {"richtlijn": "directive", "verordening": "regulation", "besluit": "decision"}
_KIND_LABELS = {
    "directive": ("Richtlijn", "Directive"),
    "regulation": ("Verordening", "Regulation"),
    "decision": ("Besluit", "Decision"),
}

_ADJECTIVES = {
    "nl": "Europe(?:es|se)|Internationa(?:al|le)|Facultatie(?:f|ve)|Aanvullend(?:e)?|Optione(?:el|le)|"
    "Eerste|Tweede|Derde|Vierde|Algeme(?:en|ne)|Universele|Interamerikaanse?|Afrikaanse?|Arabische?|"
    "Gemeenschappelijke?|Mondia(?:al|le)|Wereldwijde?|Nieuwe?|Herziene?|Verenigde",
    "en": "European|International|Optional|Additional|First|Second|Third|Fourth|General|Universal|"
    "Inter-American|African|Arab|Global|New|Revised|Common",
}
_HEADS = {
    "nl": "Verdrag|Conventie|Protocol|Handvest|Statuut|Overeenkomst|Akkoord|Pact|Richtlijn|Verordening|Besluit",
    "en": "Convention|Covenant|Treaty|Protocol|Charter|Statute|Agreement|Pact|Compact|Directive|Regulation|Decision",
}
_EU_HEADS = {"Richtlijn", "Verordening", "Besluit", "Directive", "Regulation", "Decision"}  # never "van"/"of" + name
_LINKS = {
    "nl": "inzake|tegen|betreffende|tot|voor|over|ter|bij|aangaande|van",
    "en": "on|against|relating to|concerning|for|of|to|regarding",
}
_PROPER_LINK = {"nl": "van", "en": "of"}  # only before a proper name
_NAMED = {
    lang: re.compile(
        rf"(?<![\w-])(?P<prefix>(?:(?:{_ADJECTIVES[lang]})\s+){{0,3}}(?:[A-Z]{{2,6}}-)?)"
        rf"(?P<head>{_HEADS[lang]})\s+(?P<link>{_LINKS[lang]})\s+"
    )
    for lang in ("nl", "en")
}
_COMPOUND = {
    "nl": re.compile(
        r"(?<![\w-])(?:[A-Z]{2,6}-)?[A-Z][a-zëéï]{3,}-?(?:verdrag|conventie|richtlijn|verordening|protocol|handvest|statuut|pact)(?![\w-])"
    ),
    "en": None,
}
_WORD = re.compile(r"[^\s,;:.()!?«»“”\"]+(?:\.(?=\S))?")
# words that end a name: the clause goes on (verbs, conjunctions, adverbs, relative pronouns)
_STOP = {
    "nl": set(
        "dat die dit deze waarin waarvan waarmee waarbij welke wat is zijn was waren werd werden wordt worden heeft "
        "hebben had hadden kan kunnen moet moeten mag mogen zal zullen zou zouden niet ook nog al wel reeds geldt "
        "gelden bepaalt bepalen verbiedt verbieden verplicht vereist stelt biedt geeft als omdat maar want door sinds "
        "nadat toen wanneer indien zodat dan om te na voordat terwijl hoewel bovendien namelijk immers echter dus "
        "volgens krachtens overeenkomstig conform nooit steeds vaak evenmin eveneens uitdrukkelijk".split()
    ),
    "en": set(
        "that which who whom whose is are was were be been being has have had can could must may might shall "
        "should will would not also still already applies apply provides provide prohibits requires sets gives as "
        "because but since after when if so than before while although moreover namely however thus under "
        "pursuant according never always often expressly".split()
    ),
}
_BEFORE_NEW_PHRASE = {
    "nl": set("de het een die dat deze dit zijn haar hun".split()),
    "en": set("the a an this these its their his her".split()),
}
_COORDINATORS = {"nl": {"en", "of"}, "en": {"and", "or"}}
_TRAILING = {
    "nl": set("de het een en of van voor tot inzake tegen betreffende bij in op met aan te der ter over".split()),
    "en": set("the a an and or of for to on against concerning relating regarding in at with by".split()),
}
_MAX_WORDS = 16
_YEAR = re.compile(r"\s+(?:van|uit|of|from)\s+(?:\d{1,2}\s+\w+\s+)?(?:1[89]|20)\d\d(?!\w)|\s+\((?:1[89]|20)\d\d\)")

_ARTICLE_BEFORE = {
    "nl": re.compile(
        r"(?<!\w)(?:[Aa]rtikel|[Aa]rt\.|ARTIKEL)\s?(?P<number>\d+[a-z]?)"
        r"(?:,?\s+(?:lid|leden)\s+\d+|,?\s+(?:eerste|tweede|derde|vierde|vijfde|zesde)\s+lid)?"
        r"(?:,?\s+(?:onder|sub)\s+[a-z0-9]\)?)?,?\s+(?:(?:van|uit)\s+(?:het\s+|de\s+)?|(?:het|de)\s+)?$"
    ),
    "en": re.compile(
        r"(?<!\w)(?:Article|Art\.|ARTICLE)\s?(?P<number>\d+[a-z]?)(?:\s?\(\d+\))?(?:\s?\([a-z]\))?"
        r"\s+(?:of\s+the\s+|of\s+|the\s+)?$"
    ),
}


def eu_act_refs(text: str, lang: str) -> list[Annotation]:
    """A ref to EUR-Lex for every EU act cited by number (`Richtlijn 2013/32/EU`)."""
    if lang not in _EU_ACT:
        return []
    refs = []
    for match in _EU_ACT[lang].finditer(text):
        url = eu_act_url(_kind(match["kind"]), match["num"])
        if url:
            refs.append(Annotation(match.start(), match.end(), "ref", url, match.group()))
    return refs


def _kind(word: str) -> str:
    last = word.lower().split()[-1]
    return next((kind for nl, kind in _KINDS.items() if last.endswith(nl)), last)


def find_instruments(
    text: str, lang: str, taken: list[Annotation], start: int = 0, end: int | None = None
) -> list[tuple[Annotation, AuthorityEntry]]:
    """Generic instrument citations in `text[start:end]`; `taken` are the lexicon's annotations there.

    A found span that covers lexicon annotations completely replaces them (the
    caller drops those); one that crosses a lexicon annotation is not taken.
    """
    if lang not in _NAMED:
        return []
    end = len(text) if end is None else end
    found: list[tuple[Annotation, AuthorityEntry]] = []
    for span_start, span_end, entry in _eu_acts(text, lang, start, end) + _named(text, lang, start, end):
        if any(_crosses(span_start, span_end, a) for a in taken):
            continue
        if any(span_start < a.end and a.start < span_end for a, _ in found):
            continue
        if any(a.start <= span_start and span_end <= a.end for a in taken):
            continue  # the lexicon knows it (or something around it)
        found.append((Annotation(span_start, span_end, "obligation", entry.id, text[span_start:span_end]), entry))
    return sorted(found, key=lambda pair: pair[0].start)


def _eu_acts(text: str, lang: str, start: int, end: int) -> list[tuple[int, int, AuthorityEntry]]:
    found = []
    for match in _EU_ACT[lang].finditer(text, start, end):
        kind = _kind(match["kind"])
        number = re.sub(r"\s", "", match["num"])
        nl_word, en_word = _KIND_LABELS[kind]
        entry_id = f"obl.eu.{kind}-{_slug(number)}"
        entry = _uncurated(entry_id, f"{nl_word} {number}", f"{en_word} {number}", kind)
        found.append((match.start(), match.end(), entry))
    return found


def _named(text: str, lang: str, start: int, end: int) -> list[tuple[int, int, AuthorityEntry]]:
    found = []
    for match in _NAMED[lang].finditer(text, start, end):
        if match["link"] == _PROPER_LINK[lang] and match["head"] in _EU_HEADS:
            continue
        name_end = _name_end(text, lang, match.end(), end, proper=match["link"] == _PROPER_LINK[lang])
        if name_end is None:
            continue
        year = _YEAR.match(text, name_end, end)
        if year is not None:
            name_end = year.end()
        found.append((match.start(), name_end, _named_entry(text[match.start() : name_end])))
    compound = _COMPOUND[lang]
    if compound is not None:
        for match in compound.finditer(text, start, end):
            found.append((match.start(), match.end(), _named_entry(match.group())))
    return found


def _name_end(text: str, lang: str, pos: int, end: int, proper: bool) -> int | None:
    """Where the name starting at `pos` ends, or None when there is no name."""
    words = [(m.start(), m.end(), m.group()) for _, m in zip(range(_MAX_WORDS), _WORD.finditer(text, pos, end))]
    # words must follow each other with only spaces between (punctuation ends the name)
    kept: list[tuple[int, int, str]] = []
    previous = pos
    for w_start, w_end, word in words:
        if text[previous:w_start].strip():
            break
        kept.append((w_start, w_end, word))
        previous = w_end
    if proper:  # "van Lissabon", "van de Verenigde Naties": capitalised words (with de/het/der between)
        names = []
        for index, (_w_start, w_end, word) in enumerate(kept):
            if word[0].isupper():
                names.append(w_end)
            elif names and re.fullmatch(_LINKS[lang], word):  # "Protocol van Istanboel inzake ..."
                return _name_end(text, lang, kept[index][1], end, proper=False) or names[-1]
            elif word not in ("de", "het", "der", "the"):
                break
        return names[-1] if names else None
    if lang == "en":  # English names are in title case: "Convention on the Rights of Persons with ..."
        last_content = None
        for index, (_w_start, w_end, word) in enumerate(kept):
            if index > 0 and re.fullmatch(_HEADS[lang], word):
                break  # "... and the Convention on ...": another instrument
            if word[0].isupper() or word[0].isdigit():
                last_content = w_end
            elif word.lower() not in _TRAILING["en"]:
                break
        return last_content
    last_content = None
    for index, (_w_start, w_end, word) in enumerate(kept):
        lower = word.lower()
        if lower in _STOP[lang] or re.fullmatch(r"\d{4}", word):
            break
        if lower in _COORDINATORS[lang] and index + 1 < len(kept):
            following = kept[index + 1][2]
            if following.lower() in _BEFORE_NEW_PHRASE[lang] or following[0].isupper() or following[0].isdigit():
                break
        if re.fullmatch(_HEADS[lang], word) and index > 0:
            break
        if lower not in _TRAILING[lang]:
            last_content = w_end
    return last_content


UNCURATED_NAMED = "obl.doc."  # ids of named instruments (and their articles) found by citation form


def _named_entry(name: str) -> AuthorityEntry:
    label = re.sub(r"\s+", " ", name).strip()
    return _uncurated(f"{UNCURATED_NAMED}{_slug(label)}", label, label, "treaty")


def _uncurated(entry_id: str, label_nl: str, label_en: str, kind: str) -> AuthorityEntry:
    return AuthorityEntry(
        id=entry_id, category="obligation", label_nl=label_nl, label_en=label_en, type=kind, curated=False
    )


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"
    if len(slug) > 60:
        slug = f"{slug[:50].rstrip('-')}-{hashlib.sha256(slug.encode()).hexdigest()[:8]}"
    return slug


def _crosses(start: int, end: int, other: Annotation) -> bool:
    if end <= other.start or other.end <= start:
        return False
    inside = start <= other.start and other.end <= end or other.start <= start and end <= other.end
    return not inside


def bind_articles(
    text: str, lang: str, annotations: list[Annotation], lexicon: Lexicon, entries: dict[str, AuthorityEntry]
) -> tuple[list[Annotation], list[Annotation]]:
    """`artikel 33 van het X` -> one annotation of that article of X; returns (annotations, refs).

    `entries` holds the uncurated entries of the document (the document's own
    instruments, and articles created here); it is extended.
    """
    if lang not in _ARTICLE_BEFORE:
        return annotations, []
    result: list[Annotation] = []
    refs: list[Annotation] = []
    for item in annotations:
        instrument = _instrument(item, lexicon, entries)
        before = _ARTICLE_BEFORE[lang].search(text, max(0, item.start - 60), item.start) if instrument else None
        if before is None or any(a is not item and before.start() < a.end <= item.start for a in annotations):
            result.append(item)
            continue
        number = before["number"]
        article = lexicon.articles_of(item.entity).get(number) if item.entity in lexicon else None
        if article is not None:
            entity, url = article.id, article.url or lexicon.get(item.entity).url
        else:
            entity = f"{item.entity}-art{number}"
            url = lexicon.get(item.entity).url if item.entity in lexicon else ""
            entries.setdefault(
                entity,
                _uncurated(
                    entity,
                    f"artikel {number} {instrument.label_nl}",
                    f"Article {number} of the {instrument.label_en}",
                    "article",
                ),
            )
        span = Annotation(before.start(), item.end, "obligation", entity, text[before.start() : item.end])
        result.append(span)
        if article is None and url:  # the lexicon's article entries get their ref from `references`
            refs.append(Annotation(span.start, span.end, "ref", url, span.text))
    return result, refs


def _instrument(item: Annotation, lexicon: Lexicon, entries: dict[str, AuthorityEntry]) -> AuthorityEntry | None:
    """The authority entry of an instrument annotation an article can belong to (not a norm, not an article)."""
    if item.category != "obligation":
        return None
    if item.entity in lexicon:
        entry = lexicon.get(item.entity)
        return None if entry.type in ("norm", "article") else entry.authority()
    entry = entries.get(item.entity)
    return None if entry is None or entry.type == "article" else entry


__all__ = ["UNCURATED_NAMED", "bind_articles", "eu_act_refs", "find_instruments"]
