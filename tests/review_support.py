"""Support for the review acceptance tests (no tests here): a small corpus, real `pipeline run`
calls through the CLI with the tiny stand-in package, and a reviewer's edits in an XML editor."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from lxml import etree

from pipeline.cli import cli

NS = {"tei": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
LEXICONS = Path(__file__).resolve().parent.parent / "annotations"
SHARED = "Libië is geen veilig land voor migranten."
TEXTS = {
    "a01": f"Het UNHCR eert het beginsel van non-refoulement.\n\n{SHARED}\n",
    "b01": f"De EU werkt samen met Libië.\n\n{SHARED}\n",
}


def make_corpus(folder: Path) -> Path:
    """Two letters sharing one sentence (a01.s2 and b01.s2), as a folder of .txt files."""
    folder.mkdir()
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


class Pipeline:
    """`pipeline ...` on the command line, in-process, with the session's schema and the stand-in package."""

    def __init__(self, monkeypatch, tei_schema, lexicon, standin_argosmodel: Path, cache: Path):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        # the schema and the project's lexicons are loaded once per session
        monkeypatch.setattr("pipeline.tei.schema.load_schema", lambda: tei_schema)
        monkeypatch.setattr("pipeline.lexicon.Lexicon.load", lambda folder: lexicon)
        self.model, self.cache, self.schema = standin_argosmodel, cache, tei_schema

    def run(self, corpus: Path, output: Path, *extra: str) -> Result:
        args = ["run", str(corpus), "-o", str(output), "--model", str(self.model), "--cache-dir", str(self.cache)]
        return self(*args, "--lexicons", str(LEXICONS), *extra)

    def __call__(self, *args: str) -> Result:
        return CliRunner().invoke(cli, list(args))


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.xml"))}


def sentence(root: etree._Element, xml_id: str) -> etree._Element:
    return root.xpath("//tei:s[@xml:id=$id]", namespaces=NS, id=xml_id)[0]


def text_of(element: etree._Element) -> str:
    return "".join(element.itertext())


def edit(path: Path, change) -> None:
    """Apply `change(root)` to the TEI file at `path` and save it, as an XML editor would."""
    tree = etree.parse(str(path))
    change(tree.getroot())
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def retype(root: etree._Element, xml_id: str, text: str) -> None:
    """Replace a sentence's content by typed text: its inline elements go, notes and markers too."""
    s = sentence(root, xml_id)
    for child in list(s):
        s.remove(child)
    s.text = text


def changes(root: etree._Element) -> list[tuple[str, str]]:
    """(type, target) of every review `<change>`."""
    return [(c.get("type"), c.get("target")) for c in root.iterfind(".//tei:revisionDesc/tei:change[@type]", NS)]


def refs(element: etree._Element) -> list[str]:
    """The @ref of every annotation element inside `element`, in document order."""
    return [e.get("ref") for e in element.iter() if isinstance(e.tag, str) and e.get("ref")]
