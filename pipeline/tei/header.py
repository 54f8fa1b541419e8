"""The `<teiHeader>` of one document (and the shared parts the corpus file reuses).

Filled from `Document.meta` (the manifest), `Document.source` (file name, sha256),
`Document.provenance` (stage signatures: application and translation package),
`Document.authority` (taxonomy of obligations, listOrg/listPerson/listPlace), and
the export options (date, publisher). Lists with no entries are left out; the
obligations taxonomy is always there (with a `<desc>`) so `#obl.…` has a home.
`complete_header` adds, once the whole file is built, what is counted from it
(ParlaMint-style): `extent` (sentences and words per language edition), `tagsDecl`
(how often each element occurs in `<text>`), and every `xml:lang` used declared in
`langUsage`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from lxml import etree

from ..model import AuthorityEntry, Document, Metadata
from . import revisions, xmltext
from .body import reviewer_id  # one naming rule for @resp and its target
from .names import TEI_NS, XML_ID, XML_LANG, tei
from .options import ExportOptions

_VERSION = re.compile(r"\d+(\.\d+){0,2}")
_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*")  # 6.500, 21-501, o.a, d'r: one word each
LANGUAGE_NAMES = {"nl": "Dutch", "nl-BE": "Flemish (Belgian Dutch)", "en": "English"}
_LIST_TAGS = {
    "org": ("listOrg", "org", "orgName"),
    "person": ("listPerson", "person", "persName"),
    "place": ("listPlace", "place", "placeName"),
}

ENCODING_NOTES = (
    "Each document holds the Dutch source (text xml:lang nl or nl-BE) and its English machine "
    "translation (text xml:lang en) in one group; every English p, head, item, note, quote, closer "
    "and s points to its Dutch counterpart with @corresp, and back/linkGrp[@type='alignment'] lists "
    "every Dutch sentence with its English sentence(s): link/@type is 1:1, 1:n (a sentence split "
    "for the model, English ids ending .1, .2, ...), or gap (no English; an English gap element "
    "with @reason takes its place).",
    "English s/@cert is exp(mean log-probability per token) of the model output; s[@type='passthrough'] "
    "was already English in the source and is copied, not translated; s/@resp points to the "
    "reviewer who corrected the translation (s[@type='stale']: the source changed since the review).",
    "Footnotes are written once per side, inside the sentence carrying their first marker; later "
    "markers are ptr[@type='noteref'], markers of notes the source does not print are "
    "anchor[@type='noteref'] with the marker in @n. Page furniture (fw, pb) is kept in the Dutch "
    "text only. gap[@reason='forbidden-character']/@n records a character XML cannot hold.",
)


@dataclass(frozen=True)
class Application:
    ident: str
    version: str
    label: str
    desc: str


def nl_lang(meta: Metadata) -> str:
    """The Dutch side's xml:lang: nl-BE for Flemish, nl otherwise."""
    return "nl-BE" if meta.variety == "nl-BE" else "nl"


def applications(doc: Document, options: ExportOptions) -> list[Application]:
    """The pipeline itself (with every stage signature) and the translation package."""
    stages = "; ".join(f"{stage}: {signature}" for stage, signature in doc.provenance)
    apps = [
        Application(
            "pipeline",
            options.pipeline_version,
            "tei-bilingual-pipeline",
            f"Stages applied: {stages}" if stages else "Export only",
        )
    ]
    for stage, signature in doc.provenance:
        if stage == "translate":
            fields = _signature_fields(signature)
            name = fields.get("argos", "translation package")
            settings = ", ".join(f"{k}={v}" for k, v in fields.items() if k not in ("argos", "v", "sha256"))
            desc = (
                f"Argos Translate package {name}, version {fields.get('v', '?')}, model sha256 "
                f"{fields.get('sha256', '?')}; decoding: {settings or signature}"
            )
            apps.append(Application("translation", _version(fields.get("v", "")), name, desc))
    return apps


def _signature_fields(signature: str) -> dict[str, str]:
    fields = {}
    for part in signature.split("|"):
        key, sep, value = part.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


def _version(value: str) -> str:
    """TEI's @version allows digits and up to two dots: keep the leading numeric part."""
    match = _VERSION.match(value)
    return match.group() if match else "0"


STANDIN_RESP = "Output of a stand-in model with synthetic weights: STAND-IN, NOT A TRANSLATION"
STANDIN_NOTE = (
    "The English side was produced by a stand-in model built for tests and benchmarks "
    "(pipeline.standin): it has the shape of the real package but random weights, so its output "
    "is not a translation."
)


def build_header(
    doc: Document, options: ExportOptions, translated: bool, reviewers: Iterable[str], warnings: list[str]
) -> etree._Element:
    meta = doc.meta
    header = etree.Element(tei("teiHeader"))
    file_desc = etree.SubElement(header, tei("fileDesc"))
    title_stmt = etree.SubElement(file_desc, tei("titleStmt"))
    add_titles(title_stmt, meta, warnings)
    if meta.author:
        text_el(title_stmt, "author", meta.author, warnings)
    translation_name = _translation_name(doc) if translated else ""
    standin = "+standin" in translation_name  # the version pipeline.standin gives its packages
    if translated:
        resp = STANDIN_RESP if standin else "Machine translation from Dutch into English"
        resp_stmt(title_stmt, "resp.mt", resp, translation_name or "Argos Translate", warnings)
    for reviewer in sorted(set(reviewers) | revisions.reviewers(doc.review)):
        resp_stmt(title_stmt, reviewer_id(reviewer), "Review of the English translation", reviewer, warnings)
    publication(file_desc, meta, options, warnings)
    notes = [] if translated else [f"The English side was not produced: {options.untranslated_reason}."]
    if standin:
        notes.append(STANDIN_NOTE)
    if notes:
        notes_stmt = etree.SubElement(file_desc, tei("notesStmt"))
        for note in notes:
            text_el(notes_stmt, "note", note, warnings, type="translation")
    source_desc = etree.SubElement(file_desc, tei("sourceDesc"))
    source_desc.append(bibl(doc, warnings))
    header.append(encoding_desc([doc.authority], applications(doc, options), warnings))
    header.append(profile_desc([doc.authority], nl_lang(meta), translated, warnings))
    revision = etree.SubElement(header, tei("revisionDesc"))
    text_el(
        revision,
        "change",
        f"Exported by tei-bilingual-pipeline {options.pipeline_version}",
        warnings,
        when=options.date,
    )
    revision.extend(revisions.changes(doc))  # the review ledger
    return header


def _translation_name(doc: Document) -> str:
    for stage, signature in doc.provenance:
        if stage == "translate":
            fields = _signature_fields(signature)
            return f"Argos Translate package {fields.get('argos', '?')} {fields.get('v', '')}".strip()
    return ""


def add_titles(parent: etree._Element, meta: Metadata, warnings: list[str]) -> None:
    text_el(parent, "title", meta.title, warnings, **{XML_LANG: nl_lang(meta), "type": "main"})
    if meta.title_en:
        text_el(parent, "title", meta.title_en, warnings, **{XML_LANG: "en", "type": "main"})


def resp_stmt(parent: etree._Element, xml_id: str, resp: str, name: str, warnings: list[str]) -> None:
    stmt = etree.SubElement(parent, tei("respStmt"), {XML_ID: xml_id})
    text_el(stmt, "resp", resp, warnings)
    text_el(stmt, "name", name, warnings)


def publication(parent: etree._Element, meta: Metadata, options: ExportOptions, warnings: list[str]) -> None:
    stmt = etree.SubElement(parent, tei("publicationStmt"))
    text_el(stmt, "publisher", options.publisher or meta.publisher or "Unknown publisher", warnings)
    text_el(stmt, "date", options.date, warnings, when=options.date)
    availability = etree.SubElement(stmt, tei("availability"))
    if meta.licence:
        text_el(availability, "licence", meta.licence, warnings)
    else:
        availability.set("status", "unknown")
        text_el(availability, "p", "No licence is recorded in the corpus manifest.", warnings)


def bibl(doc: Document, warnings: list[str], xml_id: str | None = None) -> etree._Element:
    meta = doc.meta
    el = etree.Element(tei("bibl"), {XML_ID: xml_id} if xml_id else {})
    add_titles(el, meta, warnings)
    if meta.author:
        text_el(el, "author", meta.author, warnings)
    if meta.publisher:
        text_el(el, "publisher", meta.publisher, warnings)
    if meta.date:
        date = text_el(el, "date", meta.date, warnings)
        if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", meta.date):
            date.set("when", meta.date)
    if meta.kind:
        text_el(el, "note", meta.kind, warnings, type="kind")
    if meta.reference:
        text_el(el, "idno", meta.reference, warnings, type="reference")
    text_el(el, "idno", PurePath(doc.source.path).name, warnings, type="filename")
    text_el(el, "idno", doc.source.sha256, warnings, type="sha256")
    return el


def encoding_desc(
    authorities: Iterable[Iterable[AuthorityEntry]], apps: list[Application], warnings: list[str]
) -> etree._Element:
    desc = etree.Element(tei("encodingDesc"))
    app_info = etree.SubElement(desc, tei("appInfo"))
    for app in apps:
        application = etree.SubElement(app_info, tei("application"), ident=app.ident, version=app.version)
        text_el(application, "label", app.label, warnings)
        text_el(application, "desc", app.desc, warnings)
    editorial = etree.SubElement(desc, tei("editorialDecl"))
    for note in ENCODING_NOTES:
        text_el(editorial, "p", note, warnings)
    class_decl = etree.SubElement(desc, tei("classDecl"))
    taxonomy = etree.SubElement(class_decl, tei("taxonomy"), {XML_ID: "obligations"})
    text_el(
        taxonomy,
        "desc",
        "Legal obligations and norms cited in the text (term[@type='obligation']/@ref).",
        warnings,
        **{XML_LANG: "en"},
    )
    authorities = [list(entries) for entries in authorities]
    _categories(taxonomy, merged(authorities, "obligation"), warnings)
    cases = merged(authorities, "case")
    if cases:
        caselaw = etree.SubElement(class_decl, tei("taxonomy"), {XML_ID: "caselaw"})
        text_el(caselaw, "desc", CASELAW_DESC, warnings, **{XML_LANG: "en"})
        _categories(caselaw, cases, warnings)
    return desc


CASELAW_DESC = (
    "Judgments cited in the text (title[@type='case']/@ref); category/@corresp is where the "
    "judgment can be read (its ECLI resolver page), or its Wikidata entity."
)
UNCURATED_DESC = (
    "Not in the curated lexicons: recognised in this document by its citation form. "
    "Add it to the lexicons (annotations/) to curate it."
)


def _categories(taxonomy: etree._Element, entries: list[AuthorityEntry], warnings: list[str]) -> None:
    for entry in entries:
        category = etree.SubElement(taxonomy, tei("category"), {XML_ID: entry.id})
        if entry.url and entry.category == "case":
            category.set("corresp", entry.url)
        elif entry.wikidata:
            category.set("corresp", f"http://www.wikidata.org/entity/{entry.wikidata}")
        text_el(category, "catDesc", entry.label_nl, warnings, **{XML_LANG: "nl"})
        text_el(category, "catDesc", entry.label_en, warnings, **{XML_LANG: "en"})
        if not entry.curated:
            text_el(category, "catDesc", UNCURATED_DESC, warnings, n="uncurated", **{XML_LANG: "en"})


def profile_desc(authorities: list, dutch: str, translated: bool, warnings: list[str]) -> etree._Element:
    desc = etree.Element(tei("profileDesc"))
    usage = etree.SubElement(desc, tei("langUsage"))
    text_el(usage, "language", "Flemish (Belgian Dutch)" if dutch == "nl-BE" else "Dutch", warnings, ident=dutch)
    if translated:
        text_el(usage, "language", "English (machine translation)", warnings, ident="en")
    particip = [entry_list(merged(authorities, c), c, warnings) for c in ("org", "person")]
    particip = [el for el in particip if el is not None]
    if particip:
        partic_desc = etree.SubElement(desc, tei("particDesc"))
        partic_desc.extend(particip)
    places = entry_list(merged(authorities, "place"), "place", warnings)
    if places is not None:
        etree.SubElement(desc, tei("settingDesc")).append(places)
    return desc


def merged(authorities: Iterable[Iterable[AuthorityEntry]], category: str) -> list[AuthorityEntry]:
    """Entries of one category from several documents, one per id, sorted by id."""
    seen: dict[str, AuthorityEntry] = {}
    for entries in authorities:
        for entry in entries:
            if entry.category == category and entry.id not in seen:
                seen[entry.id] = entry
    return [seen[key] for key in sorted(seen)]


def entry_list(entries: list[AuthorityEntry], category: str, warnings: list[str]) -> etree._Element | None:
    if not entries:
        return None
    list_tag, entry_tag, name_tag = _LIST_TAGS[category]
    el = etree.Element(tei(list_tag))
    for entry in entries:
        item = etree.SubElement(el, tei(entry_tag), {XML_ID: entry.id})
        if entry.type:  # <person> has no @type in TEI; its @role says the same
            item.set("role" if entry_tag == "person" else "type", re.sub(r"\s+", "-", entry.type.strip()))
        text_el(item, name_tag, entry.label_nl, warnings, **{XML_LANG: "nl"})
        text_el(item, name_tag, entry.label_en, warnings, **{XML_LANG: "en"})
        if entry.wikidata:
            text_el(item, "idno", entry.wikidata, warnings, type="wikidata")
    return el


def text_el(parent: etree._Element, tag: str, text: str, warnings: list[str], **attrib: str) -> etree._Element:
    """A child element holding plain text (characters XML cannot hold become U+FFFD)."""
    el = etree.SubElement(parent, tei(tag), {k: xmltext.plain(v, warnings, tag) for k, v in attrib.items()})
    el.text = xmltext.plain(text, warnings, tag)
    return el


def complete_header(root: etree._Element) -> None:
    """Add to the header of the built TEI file `root` what is counted from the file itself."""
    header, text = root.find(tei("teiHeader")), root.find(tei("text"))
    header.find(tei("fileDesc")).find(tei("titleStmt")).addnext(extent(text))
    encoding = header.find(tei("encodingDesc"))
    encoding.find(tei("classDecl")).addprevious(tags_decl(text))
    declare_languages(root)


def extent(text: etree._Element) -> etree._Element:
    """Sentences (`<s>`) and words (all text, notes and page furniture included) per language edition."""
    el = etree.Element(tei("extent"))
    for edition in text.iter(tei("text")):
        lang = edition.get(XML_LANG)
        if lang is None:
            continue
        counts = (
            ("sentences", sum(1 for _ in edition.iter(tei("s")))),
            ("words", len(_WORD.findall(" ".join(edition.itertext())))),
        )
        for unit, quantity in counts:
            measure = etree.SubElement(el, tei("measure"), {"unit": unit, "quantity": str(quantity), XML_LANG: lang})
            measure.text = str(quantity)
    return el


def tags_decl(text: etree._Element) -> etree._Element:
    """How often each TEI element occurs in `text` (itself included), by name."""
    counts = Counter(etree.QName(element).localname for element in text.iter(f"{{{TEI_NS}}}*"))
    decl = etree.Element(tei("tagsDecl"))
    namespace = etree.SubElement(decl, tei("namespace"), name=TEI_NS)
    for gi in sorted(counts):
        etree.SubElement(namespace, tei("tagUsage"), gi=gi, occurs=str(counts[gi]))
    return decl


def declare_languages(root: etree._Element) -> None:
    """Every xml:lang used in `root` gets a `langUsage/language` (a Flemish document's
    authority labels are in `nl`, which `nl-BE` does not declare)."""
    usage = root.find(f"{tei('teiHeader')}/{tei('profileDesc')}/{tei('langUsage')}")
    declared = {language.get("ident") for language in usage}
    used = {el.get(XML_LANG) for el in root.iter(etree.Element) if el.get(XML_LANG) is not None}
    for ident in sorted(used - declared):
        language = etree.SubElement(usage, tei("language"), ident=ident)
        language.text = LANGUAGE_NAMES.get(ident, ident)
