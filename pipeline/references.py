"""References to parliamentary papers and legal articles, as `ref` annotations.

Needs the text of one sentence (or translation) and the actor/obligation
annotations already found in it. Adds `Annotation(category="ref")` spans whose
`entity` is the target URL, or "" where no stable URL can be derived:

- Kamerstukken (`Kamerstuk 21 501-20, nr. 1280`, `Kamerstuk 29 754 nr. 323`)
  -> https://zoek.officielebekendmakingen.nl/kst-21501-20-1280.html
- Aanhangsel Handelingen (`Aanhangsel Handelingen II 2016/17, nr. 172`)
  -> https://zoek.officielebekendmakingen.nl/ah-tk-20162017-172.html
- a treaty article the lexicon knows (`artikel 3 van het EVRM`) -> the article's
  (or its treaty's) `url`; a bare `art. 5` is resolved to the treaty cited
  nearest to it in the same sentence (`Het Verdrag van Washington bepaalt in
  art. 5 ...`) and also annotated as that article's obligation.

A ref never crosses another annotation (overlaps it without one containing the
other), so the exporter can always nest them: an article's ref has exactly the
span of its obligation annotation; a parliamentary paper's lies outside all others.
"""

from __future__ import annotations

import re

from .citation_grammar import eu_act_refs
from .lexicon import Lexicon, ecli_url
from .model import Annotation

OFFICIAL_PUBLICATIONS = "https://zoek.officielebekendmakingen.nl"

_NR = r",?\s+(?:nr|no|number)\.?\s*(?P<nr>\d+)"
_KAMERSTUK = {
    "nl": re.compile(r"(?<!\w)Kamerstuk(?:ken)?\s+(?P<dossier>\d{2}\s?\d{3})(?:-(?P<sub>[A-Z0-9]+))?" + _NR),
    "en": re.compile(
        r"(?<!\w)(?:Kamerstuk(?:ken)?|Parliamentary\s+(?:Paper|Document|Record)s?)\s+"
        r"(?P<dossier>\d{2}[\s,]?\d{3})(?:-(?P<sub>[A-Z0-9]+))?" + _NR,
        re.IGNORECASE,
    ),
}
_HANDELINGEN = {
    "nl": re.compile(
        r"(?<!\w)Aanhangsel\s+(?:van\s+de\s+)?Handelingen\s+II\s+(?P<y1>\d{4})[/-](?P<y2>\d{2}|\d{4})" + _NR
    ),
    "en": re.compile(
        r"(?<!\w)(?:Aanhangsel\s+Handelingen|(?:Annex|Appendix|Annexe)(?:es)?\s+(?:to\s+)?(?:the\s+)?"
        r"(?:Proceedings|Acts|Handelingen|Hansard))\s+II\s+(?P<y1>\d{4})[/-](?P<y2>\d{2}|\d{4})" + _NR,
        re.IGNORECASE,
    ),
}
_ECLI = re.compile(r"(?<![\w:])ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:\d{4}:[A-Z0-9.]*[A-Z0-9](?![\w:])")
_ARTICLE = {
    "nl": re.compile(r"(?<!\w)(?:[Aa]rtikel|[Aa]rt\.)\s?(?P<number>\d+[a-z]?)(?!\w)"),
    "en": re.compile(r"(?<!\w)(?:Article|Art\.)\s?(?P<number>\d+[a-z]?)(?!\w)", re.IGNORECASE),
}


def kamerstuk_url(dossier: str, sub: str | None, number: str) -> str:
    """`21 501-20`, nr. `1280` -> the officielebekendmakingen.nl page of that paper."""
    dossier = re.sub(r"[\s,]", "", dossier)
    suffix = f"-{sub}" if sub else ""
    return f"{OFFICIAL_PUBLICATIONS}/kst-{dossier}{suffix}-{number}.html"


def handelingen_url(first_year: str, second_year: str, number: str) -> str:
    """Aanhangsel Handelingen II `2016/17`, nr. `172` -> its officielebekendmakingen.nl page."""
    if len(second_year) == 2:
        second_year = first_year[:2] + second_year
    return f"{OFFICIAL_PUBLICATIONS}/ah-tk-{first_year}{second_year}-{number}.html"


def find_references(
    text: str, lang: str, annotations: tuple[Annotation, ...], lexicon: Lexicon
) -> tuple[tuple[Annotation, ...], tuple[Annotation, ...]]:
    """The refs in `text` (`lang` "nl" or "en"), and obligation annotations added for bare article numbers.

    `annotations` are the actor/obligation annotations already found in `text`.
    Returns (refs, extra_obligations).
    """
    refs: list[Annotation] = []
    for match in _KAMERSTUK[lang].finditer(text):
        url = kamerstuk_url(match["dossier"], match["sub"], match["nr"])
        refs.append(Annotation(match.start(), match.end(), "ref", url, match.group()))
    for match in _HANDELINGEN[lang].finditer(text):
        url = handelingen_url(match["y1"], match["y2"], match["nr"])
        refs.append(Annotation(match.start(), match.end(), "ref", url, match.group()))
    spans = {(a.start, a.end) for a in annotations}
    refs.extend(ref for ref in eu_act_refs(text, lang) if (ref.start, ref.end) in spans)  # the act's own term
    for match in _ECLI.finditer(text):
        refs.append(Annotation(match.start(), match.end(), "ref", ecli_url(match.group()), match.group()))
    for item in annotations:
        if item.category == "obligation" and item.entity in lexicon:
            entry = lexicon.get(item.entity)
            if entry.type == "article":
                refs.append(Annotation(item.start, item.end, "ref", _article_url(entry.id, lexicon), item.text))
    extra = _bare_articles(text, lang, annotations, lexicon)
    refs.extend(Annotation(a.start, a.end, "ref", _article_url(a.entity, lexicon), a.text) for a in extra)
    taken = list(annotations) + list(extra)
    kept = [ref for ref in refs if not any(_crosses(ref, other) for other in taken)]
    return tuple(kept), tuple(extra)


def _article_url(entry_id: str, lexicon: Lexicon) -> str:
    entry = lexicon.get(entry_id)
    if entry.url:
        return entry.url
    return lexicon.get(entry.article_of).url if entry.article_of in lexicon else ""


def _bare_articles(text: str, lang: str, annotations: tuple[Annotation, ...], lexicon: Lexicon) -> list[Annotation]:
    """`art. 5` with no treaty named after it: the treaty cited nearest in the sentence."""
    treaties = [
        a for a in annotations if a.category == "obligation" and a.entity in lexicon and lexicon.articles_of(a.entity)
    ]
    found = []
    for match in _ARTICLE[lang].finditer(text):
        if not treaties or any(a.start <= match.start() < a.end for a in annotations):
            continue
        nearest = min(treaties, key=lambda a: min(abs(a.end - match.start()), abs(a.start - match.end())))
        article = lexicon.articles_of(nearest.entity).get(match["number"])
        if article is not None:
            found.append(Annotation(match.start(), match.end(), "obligation", article.id, match.group()))
    return found


def _crosses(a: Annotation, b: Annotation) -> bool:
    """Overlapping without one containing the other, or the same span twice."""
    if a.end <= b.start or b.end <= a.start:
        return False
    if (a.start, a.end) == (b.start, b.end):
        return b.category == "ref"
    inside = (a.start >= b.start and a.end <= b.end) or (b.start >= a.start and b.end <= a.end)
    return not inside


__all__ = ["OFFICIAL_PUBLICATIONS", "find_references", "handelingen_url", "kamerstuk_url"]
