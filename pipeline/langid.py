"""Tell English from Dutch in a sentence or a quotation, and find English quotations.

The segmenter asks two questions: is this whole sentence English (a quotation the
translator must pass through), and which quoted passages of a Dutch sentence are
English (ForeignSpan). Function words decide almost every case, cheaply and
reliably: an English passage is full of "the", "and", "to", a Dutch one of "de",
"het", "van". Loanwords and names ("transitional justice", "failed state",
"European Council on Foreign Relations") carry almost no function words, so they
never outvote the Dutch around them. Only a passage of several words with too few
function words to decide (one English function word, no Dutch one) is looked up,
word by word, in the `wordfreq` lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words ambiguous between the two languages (in, is, of, over, was, had, die, we) are in neither list.
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    the a an and to for from with by on at as that this these those which what who whom
    whose it its they them their there are were been being be has have do does did
    will would shall should could can may might must not no nor but or than then if
    into onto about after before because while where when why how also any all such
    more most only other our we you your he his she her him than rather just very
    upon within without between against towards toward through under
    """.split()
)

DUTCH_FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    de het een van en op te dat deze dit die voor met niet zijn aan er om ook als bij
    door naar uit tot maar wordt worden werd hebben heeft heb zich wat hoe wie waar
    wij ik hij zij ze hun hen haar ons onze mijn kan kunnen moet moeten zal zullen zou
    zouden nog al dan wel geen meer nu dus daar hier omdat terwijl want toch reeds
    echter tussen tegen onder na sinds zonder binnen buiten bovendien daarnaast tevens
    alle elke ieder welke waarbij waarin hierbij daarbij ten ter zo u uw
    """.split()
)

_ENGLISH_FORMS = ENGLISH_FUNCTION_WORDS | {word.capitalize() for word in ENGLISH_FUNCTION_WORDS}
_DUTCH_FORMS = DUTCH_FUNCTION_WORDS | {word.capitalize() for word in DUTCH_FUNCTION_WORDS}
_ENGLISH_SHOUTED = _ENGLISH_FORMS | {word.upper() for word in ENGLISH_FUNCTION_WORDS}
_DUTCH_SHOUTED = _DUTCH_FORMS | {word.upper() for word in DUTCH_FUNCTION_WORDS}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")  # URLs name no language
_MAX_CHARS = 2000  # the language of a passage is evident from its first 2,000 characters
_MIN_CONTENT_WORDS = 4  # fewer words without function words: keep the default language
_LEAN = 1.0  # zipf difference at which a content word counts for one language


def guess_language(text: str, default: str = "nl") -> str:
    """The language of `text`, "en" or "nl"; `default` where the evidence is too thin.

    Leans towards `default`: English needs at least two English function words and
    more than twice as many as Dutch ones, or, where function words are too few to
    decide (one English, none Dutch), a clear majority of English content words.
    """
    text = text[:_MAX_CHARS]
    if "//" in text or "www." in text or "@" in text:
        text = _ADDRESS.sub(" ", text)
    words = _WORD.findall(text)
    if _mostly_capitals(words):
        english = sum(map(_ENGLISH_SHOUTED.__contains__, words))
        dutch = sum(map(_DUTCH_SHOUTED.__contains__, words))
    else:  # an all-capital word here is an acronym (WHO, IT), not a function word
        english = sum(map(_ENGLISH_FORMS.__contains__, words))
        dutch = sum(map(_DUTCH_FORMS.__contains__, words))
    if english >= 2 and english > 2 * dutch:
        return "en"
    if dutch >= 1 and dutch >= english:
        return "nl"
    if english == 0:
        return default  # no English function word at all: names, loanwords, a short heading
    return _by_word_frequency(words, default)


def _mostly_capitals(words: list[str]) -> bool:
    """A pull quote in capitals: its capitalised words are ordinary words."""
    return sum(map(str.isupper, words)) * 2 > len(words)


def _by_word_frequency(words: list[str], default: str) -> str:
    """Vote by content words; capitalised words inside a passage are names and do not vote."""
    english = dutch = 0
    for position, word in enumerate(words):
        if position and word[:1].isupper() and not word.isupper():
            continue
        lean = _lean(word.lower())
        english += lean > 0
        dutch += lean < 0
    if english + dutch < _MIN_CONTENT_WORDS:
        return default
    if english >= 3 * max(dutch, 1):
        return "en"
    if dutch >= 3 * max(english, 1):
        return "nl"
    return default


@lru_cache(maxsize=65536)
def _lean(word: str) -> int:
    """+1 if `word` is clearly more frequent in English, -1 if in Dutch, else 0."""
    from wordfreq import zipf_frequency  # loading the lists takes ~0.3 s: only when needed

    difference = zipf_frequency(word, "en") - zipf_frequency(word, "nl")
    if difference >= _LEAN:
        return 1
    if difference <= -_LEAN:
        return -1
    return 0


# Double quotation marks only: single ones double as apostrophes (Libya’s, ngo’s)
# and as Dutch scare quotes around loanwords (‘push backs’).
_OPENING = '“„«"'
_CLOSING = {"“": "”", "„": "”", "«": "»", '"': '"'}
_QUOTE_MARK = re.compile('[“„«"”»]')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each double-quoted passage, quotation marks excluded.

    A passage may start before the sentence (a closing mark with no opening one:
    the span starts at 0) or run past it (an opening mark never closed: the span
    runs to the end), because a quotation can hold several sentences.
    """
    spans: list[tuple[int, int]] = []
    length = len(text)
    resume = 0
    for mark in _QUOTE_MARK.finditer(text):
        position = mark.start()
        if position < resume:
            continue  # inside a quotation already found
        char = text[position]
        if char in _OPENING and (char != '"' or _opens_here(text, position)):
            close = text.find(_CLOSING[char], position + 1)
            end = length if close < 0 else close
            spans.append((position + 1, end))
            resume = end + 1
        elif not spans and position > 0:  # a closing mark
            spans.append((0, position))
            resume = position + 1
    return [_strip(text, start, end) for start, end in spans if text[start:end].strip()]


def _opens_here(text: str, position: int) -> bool:
    """A straight double quote opens a quotation at the start or after a space or bracket."""
    return position == 0 or text[position - 1].isspace() or text[position - 1] in "(["


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


__all__ = ["guess_language", "quoted_spans", "ENGLISH_FUNCTION_WORDS", "DUTCH_FUNCTION_WORDS"]
