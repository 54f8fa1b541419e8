"""The annotation lexicons: actors, obligations and case law, edited by researchers in `annotations/*.yaml`.

`Lexicon.load(folder)` reads every `*.yaml` file of the folder (see
`annotations/README.md` for the format), checks each entry and says which file
and which entry is wrong. `Lexicon.matcher(lang)` compiles the surface forms and
patterns of one language once into a `Matcher`, which finds the longest
whole-word mention at each place of a text.

The lexicons ship inside the package (`pipeline/lexicons`, a link to the
editable `annotations/` folder of the source tree that the wheel build copies),
so `packaged_folder()` finds them whatever the working directory.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

try:  # the C loader reads the lexicons several times faster
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _YamlLoader

from .errors import LexiconError
from .model import AuthorityEntry

LANGS = ("nl", "en")

# type -> category; the category decides the TEI element (orgName, persName, placeName, term)
TYPES = {
    "organisation": "org",
    "office": "org",
    "body": "org",
    "party": "org",
    "person": "person",
    "state": "place",
    "place": "place",
    "treaty": "obligation",
    "charter": "obligation",
    "protocol": "obligation",
    "article": "obligation",
    "norm": "obligation",
    "resolution": "obligation",
    "agreement": "obligation",
    "directive": "obligation",
    "regulation": "obligation",
    "decision": "obligation",
    "court": "org",
    "agency": "org",
    "ministry": "org",
    "judgment": "case",
}
ID_PREFIXES = {"org": "org.", "person": "per.", "place": "pl.", "obligation": "obl.", "case": "case."}
# the words an EU act number follows, by type and language (see `_eu_act_source`)
EU_ACT_WORDS = {
    "directive": {"nl": "Richtlijn|Kaderrichtlijn", "en": "Directive|Framework Directive"},
    "regulation": {"nl": "(?:Uitvoerings)?[Vv]erordening", "en": "(?:Implementing )?Regulation"},
    "decision": {"nl": "(?:Kader|Uitvoerings)?[Bb]esluit", "en": "(?:Framework |Implementing )?Decision"},
}
EU_ACT_STARTS = {  # the letters those words can start with
    "directive": {"nl": "rk", "en": "df"},
    "regulation": {"nl": "uv", "en": "ir"},
    "decision": {"nl": "kub", "en": "fid"},
}
# what a state's adjective names when followed by one of these: its authorities ("de Libische autoriteiten")
STATE_AUTHORITIES = {
    "nl": "autoriteiten|overheid|overheden|regering|kustwacht|grenswacht|grenspolitie|marine|politie|"
    "veiligheidsdiensten|veiligheidstroepen|strijdkrachten|leger|asielinstanties|immigratiediensten|"
    "migratiediensten|asieldiensten|ambassade|staat|troepen|ordediensten|inlichtingendiensten|regime",
    "en": "authorities|government|coast ?guard|border guards?|border police|navy|police|security forces|"
    "security services|armed forces|army|asylum authorities|immigration authorities|embassy|state|troops|"
    "intelligence services|regime",
}
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_FIELDS = {
    "id", "type", "label", "wikidata", "url", "article_of", "article",
    "nl", "en", "nl_patterns", "en_patterns", "ambiguous_in_capitals",
    "eu_act", "ecli", "nl_adjectives", "en_adjectives",
}  # fmt: skip
_ECLI = re.compile(r"^ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:\d{4}:[A-Z0-9.]{1,25}$")


def packaged_folder() -> Path:
    """The lexicons that ship with the package (the source tree's `annotations/`)."""
    return Path(__file__).parent / "lexicons"


@dataclass(frozen=True)
class LexiconEntry:
    """One actor or obligation as the lexicon file gives it."""

    id: str
    type: str
    label_nl: str
    label_en: str
    source: str  # the file it came from
    wikidata: str = ""
    url: str = ""  # for a treaty or an article: where its text can be read
    article_of: str = ""  # for an article: the id of its treaty
    article: str = ""  # for an article: its number
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous_in_capitals: frozenset[str] = frozenset()
    eu_act: str = ""  # for a directive, regulation or decision: its number ("2013/32/EU", "604/2013")
    ecli: str = ""  # for a judgment: its European Case Law Identifier
    adjectives: dict[str, tuple[str, ...]] = field(default_factory=dict)  # for a state: "Libische", "Libyan"

    @property
    def category(self) -> str:
        return TYPES[self.type]

    def authority(self) -> AuthorityEntry:
        return AuthorityEntry(
            id=self.id,
            category=self.category,
            label_nl=self.label_nl,
            label_en=self.label_en,
            type=self.type,
            wikidata=self.wikidata,
            url=self.url or (ecli_url(self.ecli) if self.ecli else ""),
        )


class Lexicon:
    """All entries of a lexicon folder, with one compiled `Matcher` per language."""

    def __init__(self, entries: Iterable[LexiconEntry], checksum: str = "", folder: str = ""):
        self.entries = tuple(entries)
        self.checksum = checksum
        self.folder = folder
        self._by_id = {entry.id: entry for entry in self.entries}
        self._matchers: dict[str, Matcher] = {}

    @classmethod
    def load(cls, folder: Path | str) -> Lexicon:
        folder = Path(folder)
        if not folder.is_dir():
            raise LexiconError(f"{folder}: no such lexicon folder")
        files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        if not files:
            raise LexiconError(f"{folder}: no lexicon files (*.yaml) in this folder")
        digest = hashlib.sha256()
        entries: list[LexiconEntry] = []
        seen: dict[str, str] = {}
        for path in files:
            data = path.read_bytes()
            digest.update(path.name.encode() + b"\0" + data + b"\0")
            for entry in _read_file(path, data):
                if entry.id in seen:
                    raise LexiconError(f"{path}: entry {entry.id!r}: id already used in {seen[entry.id]}")
                seen[entry.id] = path.name
                entries.append(entry)
        lexicon = cls(entries, digest.hexdigest(), str(folder))
        lexicon._check_links()
        for lang in LANGS:
            lexicon.matcher(lang)  # compile now, so a bad pattern is reported at load time
        return lexicon

    @property
    def signature(self) -> str:
        """Provenance of annotations made with this lexicon (sacrebleu-style)."""
        return f"lexicon:sha256={self.checksum[:16]}|entries={len(self.entries)}"

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> LexiconEntry:
        try:
            return self._by_id[entry_id]
        except KeyError:
            raise LexiconError(f"{self.folder}: no lexicon entry {entry_id!r}") from None

    def articles_of(self, treaty_id: str) -> dict[str, LexiconEntry]:
        """The article entries of a treaty, by article number."""
        return {e.article: e for e in self.entries if e.article_of == treaty_id and e.article}

    def counts_by_type(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in self.entries:
            counts[entry.type] = counts.get(entry.type, 0) + 1
        return dict(sorted(counts.items()))

    def matcher(self, lang: str) -> Matcher:
        """The compiled matcher of one language ("nl" or "en"), built on first use."""
        if lang not in self._matchers:
            self._matchers[lang] = Matcher(self.entries, lang)
        return self._matchers[lang]

    def _check_links(self) -> None:
        for entry in self.entries:
            if entry.article_of and entry.article_of not in self._by_id:
                raise LexiconError(
                    f"{entry.source}: entry {entry.id!r}: article_of names unknown entry {entry.article_of!r}"
                )


def _read_file(path: Path, data: bytes) -> list[LexiconEntry]:
    try:
        loaded = yaml.load(data.decode("utf-8"), Loader=_YamlLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: not a readable YAML lexicon ({exc})") from None
    if loaded is None:
        return []
    raw_entries = loaded.get("entries") if isinstance(loaded, dict) else loaded
    if not isinstance(raw_entries, list):
        raise LexiconError(f"{path}: expected a top-level 'entries:' list")
    return [_entry(path, position, raw) for position, raw in enumerate(raw_entries, start=1)]


def _entry(path: Path, position: int, raw: object) -> LexiconEntry:
    where = f"{path}: entry {position}"
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: expected a mapping (id, type, label, nl, en, ...)")
    entry_id = raw.get("id")
    if not isinstance(entry_id, str) or not _ID.match(entry_id):
        raise LexiconError(f"{where}: 'id' must look like org.unhcr or obl.echr (got {entry_id!r})")
    where = f"{path}: entry {entry_id!r}"
    unknown = set(raw) - _FIELDS
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
    kind = raw.get("type")
    if kind not in TYPES:
        raise LexiconError(f"{where}: unknown type {kind!r} (expected one of {', '.join(TYPES)})")
    prefix = ID_PREFIXES[TYPES[kind]]
    if not entry_id.startswith(prefix):
        raise LexiconError(f"{where}: a {kind} needs an id starting with {prefix!r}")
    label = raw.get("label")
    if not isinstance(label, dict) or not _text(label.get("nl")) or not _text(label.get("en")):
        raise LexiconError(
            f"{where}: 'label' needs a Dutch and an English preferred label (label: {{nl: ..., en: ...}})"
        )
    wikidata = _optional_text(where, raw, "wikidata")
    if wikidata and not _WIKIDATA.match(wikidata):
        raise LexiconError(f"{where}: 'wikidata' must be a Q-number such as Q458 (got {wikidata!r})")
    forms = {lang: _strings(where, raw, lang) for lang in LANGS}
    for lang in LANGS:
        for form in forms[lang]:
            _check_form(where, lang, form)
    patterns = {lang: _strings(where, raw, f"{lang}_patterns") for lang in LANGS}
    for lang in LANGS:
        for pattern in patterns[lang]:
            _check_pattern(where, lang, pattern)
    eu_act = _optional_text(where, raw, "eu_act")
    if eu_act and (kind not in EU_ACT_WORDS or not re.fullmatch(r"\d{1,4}/\d{1,4}(?:/[A-Z]{2,4})?", eu_act)):
        raise LexiconError(f"{where}: 'eu_act' is for a directive, regulation or decision, as 2013/32/EU or 604/2013")
    ecli = _optional_text(where, raw, "ecli")
    if ecli and (kind != "judgment" or not _ECLI.match(ecli)):
        raise LexiconError(f"{where}: 'ecli' is for a judgment, as ECLI:CE:ECHR:2012:0223JUD002776509")
    adjectives = {lang: _strings(where, raw, f"{lang}_adjectives") for lang in LANGS}
    if any(adjectives.values()) and kind != "state":
        raise LexiconError(f"{where}: only a state has adjectives (nl_adjectives, en_adjectives)")
    if not any(forms.values()) and not any(patterns.values()) and not eu_act:
        raise LexiconError(f"{where}: no surface forms or patterns (nl, en, nl_patterns, en_patterns)")
    ambiguous = frozenset(_strings(where, raw, "ambiguous_in_capitals"))
    article_of = _optional_text(where, raw, "article_of")
    article = _optional_text(where, raw, "article")
    if (kind == "article") != bool(article_of and article):
        raise LexiconError(f"{where}: an article needs 'article_of' and 'article', and only an article has them")
    return LexiconEntry(
        id=entry_id,
        type=kind,
        label_nl=str(label["nl"]).strip(),
        label_en=str(label["en"]).strip(),
        source=path.name,
        wikidata=wikidata,
        url=_optional_text(where, raw, "url") or (eu_act_url(kind, eu_act) if eu_act else ""),
        article_of=article_of,
        article=article,
        forms=forms,
        patterns=patterns,
        ambiguous_in_capitals=ambiguous,
        eu_act=eu_act,
        ecli=ecli,
        adjectives=adjectives,
    )


def _text(value: object) -> bool:
    return isinstance(value, (str, int, float)) and bool(str(value).strip())


def _optional_text(where: str, raw: dict, key: str) -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if not isinstance(value, (str, int)):
        raise LexiconError(f"{where}: '{key}' must be a single text value")
    return str(value).strip()


def _strings(where: str, raw: dict, key: str) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and str(v).strip() for v in value):
        raise LexiconError(f"{where}: '{key}' must be a list of non-empty texts")
    return tuple(str(v).strip() for v in value)


def _check_form(where: str, lang: str, form: str) -> None:
    try:
        _form_source(form)
    except ValueError as exc:
        raise LexiconError(f"{where}: form {form!r} in {lang}: {exc}") from None


def _check_pattern(where: str, lang: str, pattern: str) -> None:
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise LexiconError(f"{where}: bad regular expression in {lang}_patterns {pattern!r}: {exc}") from None
    if compiled.groupindex:
        raise LexiconError(f"{where}: {lang}_patterns {pattern!r}: named groups are not allowed")
    if compiled.match(""):
        raise LexiconError(f"{where}: {lang}_patterns {pattern!r} matches the empty text")


# --- matching ---------------------------------------------------------------

_QUOTES = "'’‘"
_ANY = frozenset()  # the buckets of an alternative whose first character is not known


@dataclass(frozen=True)
class _Alternative:
    entry: LexiconEntry
    source: str  # regex source, boundaries included
    buckets: frozenset[str]  # the lowercased characters it can start with, or _ANY
    ambiguous: bool  # skipped in a sentence written all in capitals


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry: LexiconEntry


class Matcher:
    """Finds lexicon mentions in text of one language.

    A literal form with a lowercase letter matches in any case; an all-capitals
    form only in capitals. Every form and pattern matches whole words only (no
    letter or digit directly before or after), so hyphenated compounds such as
    `EU-lidstaten` contain a mention and `Europol`, `EUR` or
    `mensenrechtensituatie` do not. Where several forms match at one place, the
    longest wins (ties: the entry listed first).
    """

    def __init__(self, entries: Iterable[LexiconEntry], lang: str):
        self.lang = lang
        self._alternatives = [alt for entry in entries for alt in _alternatives(entry, lang)]
        # each alternative on its own is compiled when first needed (the scanner, compiled
        # now, already checks every one of them); most texts never need most of them
        self._compiled: list[re.Pattern | None] = [None] * len(self._alternatives)
        buckets: dict[str, list[int]] = {}
        self._any = []
        for index, alt in enumerate(self._alternatives):
            for key in alt.buckets:
                buckets.setdefault(key, []).append(index)
            if not alt.buckets:
                self._any.append(index)
        self._buckets = buckets
        self._scanner = re.compile(self._scanner_source(buckets)) if self._alternatives else None

    def _scanner_source(self, buckets: dict[str, list[int]]) -> str:
        # One regex for the whole lexicon, grouped by first character so that at a
        # word start only the alternatives beginning with that letter are tried.
        groups = []
        for key, indexes in sorted(buckets.items()):
            chars = re.escape(key) + (re.escape(key.upper()) if key.upper() != key else "")
            body = "|".join(self._alternatives[i].source for i in indexes)
            groups.append(f"(?=[{chars}])(?:{body})")
        groups.extend(self._alternatives[i].source for i in self._any)
        # every alternative starts at a word start: failing there first skips mid-word positions fast
        return rf"(?<!\w)(?:{'|'.join(groups)})"

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Non-overlapping longest matches in `text[start:end]`, left to right."""
        if self._scanner is None:
            return []
        end = len(text) if end is None else end
        capitals = _in_capitals(text)
        found: list[Match] = []
        pos = start
        while pos < end:
            hit = self._scanner.search(text, pos, end)
            if hit is None:
                break
            best = self._longest_at(text, hit.start(), end, capitals)
            if best is None:
                pos = hit.start() + 1
                continue
            found.append(best)
            pos = best.end
        return found

    def _longest_at(self, text: str, pos: int, end: int, capitals: bool) -> Match | None:
        best: Match | None = None
        for index in self._buckets.get(text[pos].lower(), []) + self._any:
            alt = self._alternatives[index]
            if capitals and alt.ambiguous:
                continue
            compiled = self._compiled[index]
            if compiled is None:
                compiled = self._compiled[index] = re.compile(alt.source)
            hit = compiled.match(text, pos, end)
            if hit is not None and hit.end() > hit.start() and (best is None or hit.end() > best.end):
                best = Match(hit.start(), hit.end(), alt.entry)
        return best


def _in_capitals(text: str) -> bool:
    """A sentence written all in capitals (a pull quote): no lowercase letter at all."""
    return not any(ch.islower() for ch in text) and any(ch.isupper() for ch in text)


def _alternatives(entry: LexiconEntry, lang: str) -> list[_Alternative]:
    alternatives = []
    for form in entry.forms.get(lang, ()):
        body = _form_source(form)
        if any(ch.islower() for ch in form):
            body = f"(?i:{body})"
        ambiguous = form in entry.ambiguous_in_capitals
        alternatives.append(_Alternative(entry, _bounded(body), _first_chars(form), ambiguous))
    for pattern in entry.patterns.get(lang, ()):
        alternatives.append(_Alternative(entry, _bounded(f"(?i:{pattern})"), _pattern_bucket(pattern), False))
    if entry.eu_act:
        starts = frozenset(EU_ACT_STARTS[entry.type][lang])
        alternatives.append(_Alternative(entry, _bounded(_eu_act_source(entry, lang)), starts, False))
    adjectives = entry.adjectives.get(lang, ())
    if adjectives:
        body = rf"(?i:(?:{'|'.join(_form_source(a) for a in adjectives)})\s+(?:{STATE_AUTHORITIES[lang]}))"
        starts = frozenset().union(*(_first_chars(a) for a in adjectives))
        alternatives.append(
            _Alternative(entry, _bounded(body), starts if all(map(_first_chars, adjectives)) else _ANY, False)
        )
    return alternatives


def _first_chars(form: str) -> frozenset[str]:
    """The lowercased letters or digits a form can start with (`[{VN-|EU-}]Verdrag`: v, e),
    or _ANY when that is not plain (a form that starts with punctuation)."""
    if not form:
        return _ANY
    head = form[0]
    if head.isalnum():
        return frozenset({head.lower()})
    if head in "[{":
        closing = _closing(form)
        inner = form[1:closing]
        branches = _top_level_split(inner) if head == "{" else [inner]
        starts = [_first_chars(branch + form[closing + 1 :]) for branch in branches]
        if head == "[":
            starts.append(_first_chars(form[closing + 1 :]))
        return _ANY if any(not s for s in starts) else frozenset().union(*starts)
    return _ANY


def _closing(form: str) -> int:
    depth = 0
    for index, ch in enumerate(form):
        depth += ch in "[{"
        depth -= ch in "]}"
        if depth == 0:
            return index
    return len(form) - 1


def _top_level_split(inner: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in inner:
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += ch in "[{"
        depth -= ch in "]}"
        current += ch
    return [*parts, current]


def _eu_act_source(entry: LexiconEntry, lang: str) -> str:
    """`Richtlijn 2013/32/EU`, `Verordening (EU) nr. 604/2013`, `Regulation (EU) No 604/2013`."""
    year_serial = "/".join(entry.eu_act.split("/")[:2])
    # the series suffix may be left out or given in the other language (EG/EC, EEG/EEC)
    number = re.escape(year_serial).replace("/", r"\s?/\s?") + r"(?:\s?/\s?(?:EU|EG|EC|EEG|EEC|JBZ|JHA))?"
    return rf"(?:{EU_ACT_WORDS[entry.type][lang]})(?:\s+\((?:EU|EG|EEG|EC|EEC)\))?(?:\s+(?:nr|no|No|Nr)\.?)?\s+{number}"


def _form_source(form: str) -> str:
    """A literal form as a regex: spaces match any run of whitespace, the three apostrophes
    match each other, `[...]` is an optional part and `{a|b}` a choice (both may nest)."""
    parts: list[str] = []
    closers: list[str] = []
    for ch in form:
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in _QUOTES:
            parts.append(f"[{_QUOTES}]")
        elif ch in "[{":
            parts.append("(?:")
            closers.append("]" if ch == "[" else "}")
        elif ch in "]}":
            if not closers or closers.pop() != ch:
                raise ValueError(f"unbalanced {ch!r}")
            parts.append(")?" if ch == "]" else ")")
        elif ch == "|":
            if not closers or closers[-1] != "}":
                raise ValueError("'|' separates choices only inside {...}: write [{a|b}] for an optional choice")
            parts.append("|")
        else:
            parts.append(re.escape(ch))
    if closers:
        raise ValueError(f"missing {closers[-1]!r}")
    return "".join(parts)


def _bounded(body: str) -> str:
    return rf"(?<!\w)(?:{body})(?!\w)"


def _pattern_bucket(pattern: str) -> frozenset[str]:
    """The first character a pattern must start with, when that is plain to see."""
    if len(pattern) >= 2 and pattern[0].isalnum() and pattern[1] not in "?*{|":
        return frozenset({pattern[0].lower()})
    return _ANY


def eu_act_url(kind: str, number: str) -> str:
    """EUR-Lex page of an EU act: `directive`, `2013/32/EU` -> ...?uri=CELEX:32013L0032 ("" when unsure)."""
    parts = re.sub(r"\s", "", number).split("/")
    first, second = parts[0], parts[1]
    if re.fullmatch(r"(?:19[5-9]|20[0-9])\d", first):
        year, serial = first, second
    elif re.fullmatch(r"(?:19[5-9]|20[0-9])\d", second):
        year, serial = second, first
    else:
        return ""
    letter = {"directive": "L", "regulation": "R", "decision": "D"}[kind]
    return f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:3{year}{letter}{int(serial):04d}"


def ecli_url(ecli: str) -> str:
    """Where a judgment with this ECLI can be read (see annotations/README.md, "Case law")."""
    country = ecli.split(":")[1] if ecli.count(":") >= 4 else ""
    if country == "NL":
        return f"https://deeplink.rechtspraak.nl/uitspraak?id={ecli}"
    if country == "EU":
        return f"https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=ecli:{ecli}"
    return f"https://e-justice.europa.eu/ecli/{ecli}"


__all__ = ["LANGS", "TYPES", "Lexicon", "LexiconEntry", "Match", "Matcher", "ecli_url", "eu_act_url", "packaged_folder"]
