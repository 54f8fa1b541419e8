"""The review ledger in a TEI file: one `<change>` per reviewer decision in `<revisionDesc>`.

    <change when="2024-05-01" who="#resp.anna" type="translation" target="#d000.en.s3">
      <seg type="source" xml:lang="nl">The Dutch sentence the review was made against.</seg>
      <seg xml:lang="en">The corrected English sentence.</seg></change>
    <change … type="annotation-removed" target="#d000.en.s3"><orgName ref="#org.unhcr">UNHCR</orgName></change>
    <change … type="source" status="stale" target="#d000.nl.s3"><seg type="source" …>…</seg><seg xml:lang="nl">…</seg></change>
    <change … type="translation" target="#d001.en.s7">Review: … reused from <seg type="origin">d000.xml#d000.en.s3</seg>: …</change>

The ledger is self-contained (texts included), so a decision survives even when
the body no longer shows it (a stale source correction). The TEI writer adds the
ledger of `Document.review` (`changes`, called by `tei.header`); `read_ledger`
reads it back; `mark_in_place` records a review in an edited file without a rerun
(`pipeline merge-review`). A decision reused from another document says where it
came from in a `<seg type="origin">`.
"""

from __future__ import annotations

from lxml import etree

from ..align import align_sentence
from ..errors import ReviewError
from ..model import Annotation, Decision, DecisionKind, Document
from .body import reviewer_id
from .names import ANNOTATION_CATEGORIES, ANNOTATION_TAGS, XML_ID, XML_LANG, tei

_CATEGORIES = {**ANNOTATION_CATEGORIES, "ref": "ref"}
KINDS = {kind.value: kind for kind in DecisionKind}
REVIEWER_PREFIX = "resp."
_TEXT_KINDS = (DecisionKind.SOURCE, DecisionKind.TRANSLATION, DecisionKind.ALIGNMENT)
_ORIGIN = "origin"
_SOURCE = "source"


def read_ledger(root: etree._Element, name: object = "<tei>") -> tuple[Decision, ...]:
    """The reviewer decisions recorded in the `<revisionDesc>` of a TEI tree (`name` for messages)."""
    doc_id = root.get(XML_ID)
    names = reviewer_names(root)
    decisions = []
    for change in root.iterfind(f"{tei('teiHeader')}/{tei('revisionDesc')}/{tei('change')}"):
        kind = KINDS.get(change.get("type") or "")
        if kind is None:
            continue
        target = (change.get("target") or "").split()[:1] or [""]  # the first, of a split English sentence
        lang, _, local = target[0].lstrip("#")[len(doc_id) + 1 :].partition(".")
        sentence = local.split(".")[0]  # `s5` of the piece `s5.1`
        who_ref = reviewer_from_ref(change.get("who")) or "reviewer"
        annotation = _annotation(change, names)
        if kind in (DecisionKind.ANNOTATION_ADDED, DecisionKind.ANNOTATION_REMOVED) and annotation is None:
            raise ReviewError(
                f'{name}: line {change.sourceline}: <change type="{kind.value}"> '
                "names no annotation element; put the annotated words back in it or remove the <change>"
            )
        typed = {seg.get("type"): seg.text or "" for seg in change.iterfind(tei("seg")) if seg.get("type")}
        segments = tuple(seg.text or "" for seg in change.iterfind(tei("seg")) if not seg.get("type"))
        decisions.append(
            Decision(
                kind=kind,
                sentence=sentence,
                lang=lang,
                who=names.get(who_ref, who_ref),
                when=change.get("when") or "",
                source=typed.get(_SOURCE, ""),
                annotation=annotation,
                segments=segments,
                stale=change.get("status") == "stale",
                origin=typed.get(_ORIGIN, ""),
            )
        )
    return tuple(decisions)


def reviewer_from_ref(value: str | None) -> str | None:
    """`#resp.anna` -> `anna` (the exporter's `reviewer_id`, inverted)."""
    if not value:
        return None
    local = value.strip().split()[0].lstrip("#")
    return local[len(REVIEWER_PREFIX) :] if local.startswith(REVIEWER_PREFIX) else local


def changes(doc: Document) -> list[etree._Element]:
    """The `<change>` records of `doc.review`, for the writer's `<revisionDesc>`."""
    english = {s.id: align_sentence(s).targets for _b, s in doc.sentences()}
    return [_change(doc.id, decision, english.get(decision.sentence, ())) for decision in doc.review]


def reviewers(decisions: tuple[Decision, ...]) -> set[str]:
    """Everyone a `<change>` names (each needs a `respStmt`)."""
    return {d.who for d in decisions}


def _parse_for_rewrite(data: bytes) -> etree._Element:
    """The root of TEI bytes the pipeline wrote (or the safe parser accepted), blank text
    dropped so that the rewritten file is pretty-printed afresh."""
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def _serialize(root: etree._Element) -> bytes:
    """The same serialization as the exporter's; the tree keeps the xml-model processing instruction."""
    return etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True, pretty_print=True)


def _change(doc_id: str, decision: Decision, english: tuple[str, ...] = ()) -> etree._Element:
    """The `<change>` of `decision`; its target is the sentence changed, on the English side
    the English sentences as written (`english`: their local ids, `s5.1 s5.2` for a split one)."""
    pieces = english if decision.lang == "en" and english else (decision.sentence,)
    attrib = {
        "when": decision.when,
        "who": f"#{reviewer_id(decision.who)}",
        "type": decision.kind.value,
        "target": " ".join(f"#{doc_id}.{decision.lang}.{piece}" for piece in pieces),
    }
    if decision.stale:
        attrib["status"] = "stale"
    change = etree.Element(tei("change"), attrib)
    change.text = _describe(doc_id, decision)
    if decision.origin:
        change.text += " reused from "
        origin = etree.SubElement(change, tei("seg"), type=_ORIGIN)
        origin.text, origin.tail = decision.origin, ": "
    else:
        change.text += ": "
    if decision.kind in _TEXT_KINDS:
        etree.SubElement(change, tei("seg"), {"type": _SOURCE, XML_LANG: "nl"}).text = decision.source
    for segment in decision.segments:
        lang = "nl" if decision.kind == DecisionKind.SOURCE else "en"
        etree.SubElement(change, tei("seg"), {XML_LANG: lang}).text = segment
    if decision.annotation is not None:
        change.append(_annotation_element(decision.annotation))
    return change


def _describe(doc_id: str, decision: Decision) -> str:
    where = f"{doc_id}.{decision.lang}.{decision.sentence}"
    verb = {
        DecisionKind.SOURCE: "Dutch sentence corrected",
        DecisionKind.TRANSLATION: "translation corrected",
        DecisionKind.ALIGNMENT: "alignment of the English sentences changed",
        DecisionKind.ANNOTATION_ADDED: "annotation added",
        DecisionKind.ANNOTATION_REMOVED: "annotation removed",
    }[decision.kind]
    stale = " (stale: the Dutch sentence has changed since)" if decision.stale else ""
    return f"Review: {verb} in {where}{stale}"


def _annotation_element(annotation: Annotation) -> etree._Element:
    if annotation.category == "ref":
        element = (
            etree.Element(tei("ref"), target=annotation.entity) if annotation.entity else etree.Element(tei("ref"))
        )
    else:
        tag, extra = ANNOTATION_TAGS[annotation.category]
        element = etree.Element(tei(tag), {**dict(extra), "ref": f"#{annotation.entity}"})
    element.set("n", f"{annotation.start}-{annotation.end}")
    element.text = annotation.text
    return element


def _annotation(change: etree._Element, names: dict[str, str]) -> Annotation | None:
    for child in change:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag in _CATEGORIES:
            start, _, end = (child.get("n") or "0-0").partition("-")
            entity = child.get("target") or "" if tag == "ref" else (child.get("ref") or "").lstrip("#")
            who = reviewer_from_ref(change.get("who"))
            resp = names.get(who, who) if change.get("type") == DecisionKind.ANNOTATION_ADDED.value else None
            return Annotation(int(start or 0), int(end or 0), _CATEGORIES[tag], entity, child.text or "", resp=resp)
    return None


def reviewer_names(root: etree._Element) -> dict[str, str]:
    """respStmt id (without `resp.`) -> the reviewer's name as given to the exporter."""
    names = {}
    for stmt in root.iterfind(f"{tei('teiHeader')}/{tei('fileDesc')}/{tei('titleStmt')}/{tei('respStmt')}"):
        local = reviewer_from_ref(stmt.get(XML_ID))
        name = stmt.findtext(tei("name"))
        if local and name:
            names[local] = name
    return names


def _ensure_reviewers(root: etree._Element, reviewers: set[str]) -> None:
    title_stmt = root.find(f"{tei('teiHeader')}/{tei('fileDesc')}/{tei('titleStmt')}")
    present = {stmt.get(XML_ID) for stmt in title_stmt.iterfind(tei("respStmt"))}
    for reviewer in sorted(reviewers):
        if reviewer_id(reviewer) in present:
            continue
        stmt = etree.SubElement(title_stmt, tei("respStmt"), {XML_ID: reviewer_id(reviewer)})
        etree.SubElement(stmt, tei("resp")).text = "Review of the English translation"
        etree.SubElement(stmt, tei("name")).text = reviewer


def mark_in_place(data: bytes, decisions: tuple[Decision, ...]) -> bytes:
    """A reviewed TEI file with its corrections marked where they stand, without a rerun.

    Reviewed English sentences get `@resp` (and lose the model's `@cert`),
    annotations a reviewer added get `@resp`, and the ledger in `<revisionDesc>` is
    replaced by `decisions`. Everything else is kept as the reviewer left it.
    """
    root = _parse_for_rewrite(data)
    doc_id = root.get(XML_ID)
    revision = root.find(f"{tei('teiHeader')}/{tei('revisionDesc')}")
    for change in list(revision):
        if change.get("type") in KINDS:
            revision.remove(change)
    for decision in decisions:
        if decision.kind in (DecisionKind.TRANSLATION, DecisionKind.ALIGNMENT):
            for s in root.iterfind(f".//{tei('s')}[@corresp='#{doc_id}.nl.{decision.sentence}']"):
                s.set("resp", f"#{reviewer_id(decision.who)}")
                s.attrib.pop("cert", None)
        elif decision.kind == DecisionKind.ANNOTATION_ADDED:
            tag, _extra = ANNOTATION_TAGS.get(decision.annotation.category, ("ref", ()))
            for s in root.xpath("//*[@xml:id=$id]", id=f"{doc_id}.{decision.lang}.{decision.sentence}"):
                for element in s.iter(tei(tag)):
                    if (
                        element.get("ref") == f"#{decision.annotation.entity}"
                        and "".join(element.itertext()) == decision.annotation.text
                    ):
                        element.set("resp", f"#{reviewer_id(decision.who)}")
        english = tuple(
            (s.get(XML_ID) or "").removeprefix(f"{doc_id}.en.")
            for s in root.iterfind(f".//{tei('s')}[@corresp='#{doc_id}.nl.{decision.sentence}']")
        )
        revision.append(_change(doc_id, decision, english))
    _ensure_reviewers(root, {d.who for d in decisions})
    return _serialize(root)
