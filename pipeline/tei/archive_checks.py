"""What an archive checks in a TEI file beyond the schema (ParlaMint-style), offline.

- every pointer in `@ref`, `@corresp`, `@target`, `@resp` and `@who` resolves: `#id`
  to an `xml:id` of the file; `prefix:value` through a `listPrefixDef/prefixDef` of
  the file (its `@matchPattern` and `@replacementPattern`), the result checked in
  turn; `other.xml#id` to an existing file beside it that has that `xml:id`;
  `http://` and `https://` URLs are taken as they are;
- every `xml:id` is used once;
- every `xml:lang` used is declared in `langUsage/language/@ident` (exactly: a
  declared `nl-BE` does not declare `nl`);
- the file name is the root's `xml:id` (`d000.xml` holds `<TEI xml:id="d000">`).

`archive_problems(tree, path)` returns them as `SchemaError`s (line and message),
in the order of the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from .names import TEI_NS, XML_ID, XML_LANG
from .schema import SchemaError

POINTER_ATTRIBUTES = ("ref", "corresp", "target", "resp", "who")
_EXTERNAL = re.compile(r"^https?://", re.IGNORECASE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", re.DOTALL)
_GROUP_REF = re.compile(r"\$(\d)")
_NS = {"t": TEI_NS}


def archive_problems(
    tree: etree._ElementTree, path: Path, ids_of: Callable[[Path], set[str] | None] | None = None
) -> list[SchemaError]:
    """The problems of `tree`, the parsed file at `path`, sorted by line.

    `ids_of(other_path)`: the xml:ids of another file a pointer names (None when it
    cannot be read); by default the file is parsed (once per call).
    """
    root = tree.getroot()
    problems = _name_problems(root, path)
    ids, duplicates = _ids(root)
    problems += duplicates
    problems += _language_problems(root)
    resolver = _Resolver(ids, _prefixes(root), path, ids_of or _cached_ids_of())
    for element in root.iter(etree.Element):
        for attribute in POINTER_ATTRIBUTES:
            value = element.get(attribute)
            if value is None:
                continue
            for pointer in value.split():
                problem = resolver.problem(pointer)
                if problem:
                    problems.append(SchemaError(element.sourceline or 0, f"@{attribute} {pointer!r}: {problem}"))
    return sorted(problems, key=lambda p: p.line)


def _name_problems(root: etree._Element, path: Path) -> list[SchemaError]:
    xml_id = root.get(XML_ID)
    name = etree.QName(root).localname
    if xml_id is None:
        return [SchemaError(root.sourceline or 0, f"<{name}> has no xml:id (the file name says {path.stem!r})")]
    if xml_id != path.stem:
        return [
            SchemaError(root.sourceline or 0, f"<{name}> xml:id {xml_id!r} does not match the file name {path.name!r}")
        ]
    return []


def _ids(root: etree._Element) -> tuple[set[str], list[SchemaError]]:
    first_line: dict[str, int] = {}
    duplicates = []
    for element in root.iter(etree.Element):
        xml_id = element.get(XML_ID)
        if xml_id is None:
            continue
        line = element.sourceline or 0
        if xml_id in first_line:
            duplicates.append(
                SchemaError(line, f"xml:id {xml_id!r} is used twice (first on line {first_line[xml_id]})")
            )
        else:
            first_line[xml_id] = line
    return set(first_line), duplicates


def _language_problems(root: etree._Element) -> list[SchemaError]:
    declared = {ident for ident in root.xpath("t:teiHeader//t:langUsage/t:language/@ident", namespaces=_NS)}
    uses: dict[str, list[int]] = {}
    for element in root.iter(etree.Element):
        lang = element.get(XML_LANG)
        if lang is not None and lang not in declared:
            uses.setdefault(lang, []).append(element.sourceline or 0)
    problems = []
    for lang, lines in uses.items():
        times = f" (used {len(lines)} times, first here)" if len(lines) > 1 else ""
        problems.append(SchemaError(lines[0], f"xml:lang {lang!r} is not declared in langUsage{times}"))
    return problems


def _prefixes(root: etree._Element) -> dict[str, list[tuple[str, str]]]:
    """ident -> [(matchPattern, replacementPattern)] of every prefixDef in the file."""
    prefixes: dict[str, list[tuple[str, str]]] = {}
    for definition in root.iter(f"{{{TEI_NS}}}prefixDef"):
        ident = definition.get("ident")
        if ident:
            prefixes.setdefault(ident, []).append(
                (definition.get("matchPattern", ""), definition.get("replacementPattern", ""))
            )
    return prefixes


class _Resolver:
    def __init__(self, ids: set[str], prefixes: dict, path: Path, ids_of: Callable[[Path], set[str] | None]):
        self.ids, self.prefixes, self.path, self.ids_of = ids, prefixes, path, ids_of

    def problem(self, pointer: str, depth: int = 0) -> str:
        """Why `pointer` does not resolve ("" when it does)."""
        if pointer.startswith("#"):
            return "" if pointer[1:] in self.ids else f"no xml:id {pointer[1:]!r} in this file"
        if _EXTERNAL.match(pointer):
            return ""
        scheme = _SCHEME.match(pointer)
        if scheme:
            expanded = self._expand(scheme.group(1), scheme.group(2))
            if expanded is None:
                return f"the prefix {scheme.group(1)!r} is not declared in a listPrefixDef/prefixDef"
            if depth > 4:
                return "prefix definitions expand into each other without end"
            inner = self.problem(expanded, depth + 1)
            return f"expands to {expanded!r}: {inner}" if inner else ""
        return self._other_file(pointer)

    def _expand(self, ident: str, value: str) -> str | None:
        """`value` rewritten by the first prefixDef of `ident` whose matchPattern matches it."""
        for match_pattern, replacement in self.prefixes.get(ident, ()):
            try:
                match = re.fullmatch(match_pattern, value)
            except re.error:
                continue
            if match:
                return _replace_groups(replacement, (match.group(0), *match.groups()))
        return None

    def _other_file(self, pointer: str) -> str:
        name, _, fragment = pointer.partition("#")
        target = self.path.parent / name
        if not name or not target.is_file():
            return f"no file {name!r} beside this one" if name else "an empty pointer"
        if not fragment:
            return ""
        ids = self.ids_of(target)
        if ids is None:
            return f"{name} cannot be read as XML"
        return "" if fragment in ids else f"no xml:id {fragment!r} in {name}"


def _replace_groups(replacement: str, groups: tuple) -> str:
    return _GROUP_REF.sub(
        lambda ref: groups[int(ref.group(1))] or "" if int(ref.group(1)) < len(groups) else "", replacement
    )


def archive_parser() -> etree.XMLParser:
    """A safe parser (no entities, DTD or network) that leaves duplicate xml:ids to these
    checks: libxml2 would otherwise stop at the first one as if the file were not XML."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, collect_ids=False)


def _cached_ids_of() -> Callable[[Path], set[str] | None]:
    seen: dict[Path, set[str] | None] = {}

    def ids_of(path: Path) -> set[str] | None:
        key = path.resolve()
        if key not in seen:
            try:
                root = etree.parse(str(path), archive_parser()).getroot()
            except (etree.XMLSyntaxError, OSError):
                seen[key] = None
            else:
                seen[key] = {el.get(XML_ID) for el in root.iter(etree.Element) if el.get(XML_ID) is not None}
        return seen[key]

    return ids_of
