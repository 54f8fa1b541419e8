"""A subset of tei_all for what the exporter writes, derived mechanically from tei_all.rng.

Loading tei_all takes seconds (~600 element definitions compiled by libxml2). The
subset keeps the definitions of the elements in `ELEMENTS` and everything they need
(attribute classes, macros, datatypes); every reference to another element becomes
`<notAllowed/>`, the grammar is simplified (a choice loses its impossible branches,
an optional one becomes empty, a required one makes its whole pattern impossible),
and definitions no longer reachable from `<start>` are dropped.

Replacing a pattern by notAllowed only removes documents from its language (RelaxNG
has no negation; tei_all has no element reference inside an `except`), so a document
valid under the subset is valid under tei_all. The reverse does not hold: a file with
other TEI elements is invalid under the subset and must be re-checked against
tei_all (pipeline.tei.schema does so before reporting an error).
"""

from __future__ import annotations

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG}}}"

# Every element the exporter writes (pipeline.tei and the header builders), a few
# it may write for reviewed files, and the TEI elements a reviewer typically adds.
ELEMENTS = frozenset(
    """
    TEI teiCorpus teiHeader fileDesc titleStmt title author editor respStmt resp name
    editionStmt edition extent measure publicationStmt publisher distributor authority
    pubPlace address addrLine availability licence idno date notesStmt note sourceDesc
    bibl listBibl biblScope ptr ref encodingDesc projectDesc editorialDecl p appInfo
    application label desc classDecl taxonomy category catDesc tagsDecl namespace tagUsage
    listPrefixDef prefixDef profileDesc langUsage language particDesc listOrg org orgName
    listPerson person persName forename surname roleName listPlace place placeName
    country settlement geogName settingDesc textClass keywords term catRef revisionDesc
    listChange change
    text group body back front div head s seg w pc fw pb lb cb milestone closer opener
    salute signed dateline byline trailer floatingText list item quote q cit foreign hi
    emph mentioned soCalled gloss abbr expan choice sic corr orig reg unclear supplied gap
    add del anchor linkGrp link rs num unit table row cell figure figDesc graphic lg l ab
    span spanGrp interp interpGrp
    """.split()
)


def subset_grammar(tei_all: etree._ElementTree, elements: frozenset[str] = ELEMENTS) -> etree._ElementTree:
    """The subset of the tei_all grammar for `elements` (a new tree; `tei_all` is not changed)."""
    root = _copy_grammar(tei_all.getroot())
    defines = {d.get("name"): d for d in root if d.tag == _R + "define"}
    dead = {
        name
        for name, define in defines.items()
        if len(define) == 1 and define[0].tag == _R + "element" and define[0].get("name") not in elements
    }
    while True:  # a definition that became impossible makes its references impossible: repeat
        newly_dead = {name for name, define in defines.items() if name not in dead and _simplify(define, dead) is None}
        if not newly_dead:
            break
        dead |= newly_dead
    if _simplify(root.find(_R + "start"), dead) is None:
        raise ValueError("the subset allows no document: TEI and teiCorpus are both left out")
    reachable = _reachable(root, defines)
    for name, define in defines.items():
        if name not in reachable:
            root.remove(define)
    return etree.ElementTree(root)


def _copy_grammar(grammar: etree._Element) -> etree._Element:
    """The grammar's <start> and <define>s, without documentation, Schematron or comments."""
    root = etree.Element(grammar.tag, grammar.attrib, nsmap=grammar.nsmap)
    for child in grammar:
        if child.tag in (_R + "start", _R + "define"):
            copy = etree.fromstring(etree.tostring(child))
            for foreign in [e for e in copy.iter() if not isinstance(e.tag, str) or not e.tag.startswith(_R)]:
                foreign.getparent().remove(foreign)
            root.append(copy)
    return root


_ALL_REQUIRED = {"group", "interleave", "oneOrMore", "mixed", "list", "element", "attribute", "define", "start"}
_MAY_BE_EMPTY = {"zeroOrMore", "optional"}
_LEAVES = {"empty", "text", "data", "value", "notAllowed", "externalRef", "parentRef"}


def _simplify(pattern: etree._Element, dead: set[str]) -> etree._Element | None:
    """Simplify `pattern` in place; None when it matches nothing (the caller removes it)."""
    kind = etree.QName(pattern).localname
    if kind == "ref":
        return None if pattern.get("name") in dead else pattern
    if kind == "notAllowed":
        return None
    if kind in _LEAVES:
        return pattern
    children = list(pattern)
    if kind in ("element", "attribute") and pattern.get("name") is None:
        children = children[1:]  # the first child is a name class, not a pattern
    impossible = []
    for child in children:
        if _simplify(child, dead) is None:
            impossible.append(child)
    if kind == "choice":
        for child in impossible:
            pattern.remove(child)
        remaining = [c for c in pattern]
        if not remaining:
            return None
        if len(remaining) == 1:
            pattern.getparent().replace(pattern, remaining[0])
            return remaining[0]
        return pattern
    if impossible:
        if kind in _MAY_BE_EMPTY:
            empty = etree.Element(_R + "empty")
            pattern.getparent().replace(pattern, empty)
            return empty
        return None
    if kind in ("group", "interleave", "element", "define"):
        # group(empty, p) is p; libxml2 also misreads an <empty/> between two patterns
        empties = [c for c in children if c.tag == _R + "empty"]
        if len(empties) < len(children):
            for empty in empties:
                pattern.remove(empty)
    return pattern


def _reachable(root: etree._Element, defines: dict[str, etree._Element]) -> set[str]:
    reached: set[str] = set()
    todo = [root.find(_R + "start")]
    while todo:
        for ref in todo.pop().iter(_R + "ref"):
            name = ref.get("name")
            if name not in reached:
                reached.add(name)
                todo.append(defines[name])
    return reached


def main() -> None:
    """Write the subset shipped with the package (run after changing ELEMENTS or tei_all.rng):
    python -m pipeline.tei.schema_subset"""
    from .schema import SUBSET_FILE, TEI_ALL_FILE, schema_path

    full = etree.parse(str(schema_path(TEI_ALL_FILE)), etree.XMLParser(remove_comments=True))
    target = schema_path(TEI_ALL_FILE).parent / SUBSET_FILE
    target.write_bytes(serialize(subset_grammar(full)))
    print(f"wrote {target}")


def serialize(grammar: etree._ElementTree) -> bytes:
    note = etree.Comment(
        " Generated by `python -m pipeline.tei.schema_subset` from tei_all.rng (TEI P5, see LICENCE.md): "
        "the elements pipeline.tei.schema_subset.ELEMENTS lists. Do not edit. "
    )
    compact = etree.fromstring(etree.tostring(grammar), etree.XMLParser(remove_blank_text=True))
    return etree.tostring(note) + b"\n" + etree.tostring(compact, pretty_print=True)


if __name__ == "__main__":
    main()
