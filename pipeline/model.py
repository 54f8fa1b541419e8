"""The document model every stage reads and returns.

A `Document` is immutable: a stage builds a new one with `dataclasses.replace`.
Readers create blocks; the segmenter fills `Block.sentences`; the translator sets
`Sentence.translation`; the annotator fills `Sentence.annotations` and
`Translation.annotations`; the review stage (`pipeline.review`) puts a reviewer's
decisions in (`Document.review`, typed `Decision` records); exporters only read.

Identifiers are local to the document and deterministic from position
(`b7` is the seventh block, `s12` the twelfth sentence in reading order); the
exporter qualifies them per language (`d000.nl.s12`, `d000.en.s12`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum


class BlockKind(str, Enum):
    """What a block is on the page; decides how it is segmented and exported."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    NOTE = "note"  # a footnote whose text is in the document
    PULL_QUOTE = "pull_quote"  # text repeated from the body for display (often capitals)
    BOX = "box"  # a side box: its own text, printed beside the body
    CLOSER = "closer"  # signature block at the end of a letter
    FW_HEADER = "fw_header"  # running header / letterhead repeated on pages
    FW_FOOTER = "fw_footer"  # running footer (other than the page number) repeated at the foot of pages
    PAGE_NUMBER = "page_number"
    PAGE_BREAK = "page_break"  # where a new page of the source starts; no text

    @property
    def is_furniture(self) -> bool:
        """Page furniture is kept but neither segmented into body text nor translated."""
        return self in (BlockKind.FW_HEADER, BlockKind.FW_FOOTER, BlockKind.PAGE_NUMBER, BlockKind.PAGE_BREAK)


@dataclass(frozen=True)
class NoteRef:
    """A footnote marker that stood in the text (`houden2`, `landen**`).

    `offset` is the character position in the sentence text where the marker was;
    `note` is the id of the NOTE block carrying the note's text, or None when the
    source does not print the note (the marker is still kept).
    """

    offset: int
    label: str
    note: str | None = None


@dataclass(frozen=True)
class ForeignSpan:
    """A passage in another language inside a sentence (an English quotation in Dutch text)."""

    start: int
    end: int
    lang: str


@dataclass(frozen=True)
class Annotation:
    """A span of sentence (or translation) text linked to an authority entry.

    category: "org", "person", "place", "obligation", "case" (a judgment) or "ref".
    entity: the authority id (`org.unhcr`, `obl.non-refoulement`); for a "ref",
    the target URL (empty when none can be derived).
    """

    start: int
    end: int
    category: str
    entity: str
    text: str
    resp: str | None = None  # set when a reviewer added it by hand
    resolved: bool = False  # the text does not name the entity ("het Hof"): resolved from what came before


@dataclass(frozen=True)
class Translation:
    """The English rendering of one source sentence.

    `segments` holds one string per English sentence written to the TEI: usually one,
    several when the source sentence was longer than the model accepts and was
    split (the alignment is then 1:n). `origin` says where the text came from:
    "machine", "cache" (machine output reused from the on-disk cache),
    "passthrough" (source already English) or "reviewed" (a person's correction).
    """

    segments: tuple[str, ...]
    origin: str
    engine: str = ""  # provenance signature of the package and settings
    score: float | None = None  # mean log-probability per token from the model
    annotations: tuple[Annotation, ...] = ()  # offsets into `text`
    resp: str | None = None  # reviewer id when origin == "reviewed"
    source_digest: str | None = None  # sha256 of the source text a review was made against
    stale: bool = False  # a reviewed translation whose source sentence changed since

    @property
    def text(self) -> str:
        return " ".join(self.segments)


@dataclass(frozen=True)
class Sentence:
    """One source sentence. `start`/`end` are offsets into its block's text."""

    id: str
    text: str
    start: int
    end: int
    lang: str = "nl"  # "en" for English passages quoted inside Dutch text
    note_refs: tuple[NoteRef, ...] = ()
    foreign: tuple[ForeignSpan, ...] = ()  # only in a sentence whose own `lang` differs
    annotations: tuple[Annotation, ...] = ()
    translation: Translation | None = None


@dataclass(frozen=True)
class Block:
    """A unit of the page in reading order.

    `text` is the cleaned text (lines joined, line-end hyphens resolved, note
    markers removed and kept as NoteRefs). `lines` is the 1-based line range of the
    source file the block came from. `label` is a list item's or note's number,
    a page number, or a heading's numbering.
    """

    id: str
    kind: BlockKind
    text: str
    lines: tuple[int, int]
    label: str | None = None
    sentences: tuple[Sentence, ...] = ()
    note_refs: tuple[NoteRef, ...] = ()  # offsets into `text`, before segmentation
    lang: str = "nl"


@dataclass(frozen=True)
class Metadata:
    """What the corpus manifest says about a document."""

    title: str
    title_en: str = ""
    date: str = ""  # ISO 8601, as precise as known ("2018-01", "2018-07-02")
    author: str = ""  # person or issuing body
    publisher: str = ""
    kind: str = ""  # "letter", "policy brief", "written consultation", ...
    variety: str = "nl-NL"  # "nl-NL" or "nl-BE"
    form: str = "pdf-text"  # "pdf-text", "markdown" or "pdf"
    reference: str = ""  # e.g. "Kamerstuk 19 637, nr. 2365"
    licence: str = ""


@dataclass(frozen=True)
class Source:
    """The input file a document was read from."""

    path: str
    sha256: str
    encoding: str = "utf-8"


@dataclass(frozen=True)
class AuthorityEntry:
    """One record of the authority list (from the lexicons in `annotations/`).

    category: "org", "person", "place", "obligation" or "case"; `id` is the xml:id used in
    the TEI header (`org.unhcr`, `obl.non-refoulement`), referenced as `#id`.
    """

    id: str
    category: str
    label_nl: str
    label_en: str
    type: str = ""  # finer kind: "organisation", "office", "body", "state", "treaty", "norm", ...
    wikidata: str = ""  # "Q131559" where known
    url: str = ""  # where the text can be read (a judgment: its ECLI resolver page)
    curated: bool = True  # False: recognised by its citation form in this document, not in the lexicons


class DecisionKind(str, Enum):
    """What a reviewer decided about a sentence (the `type` of its `<change>` in the TEI)."""

    SOURCE = "source"  # the Dutch sentence corrected
    TRANSLATION = "translation"  # the English corrected
    ALIGNMENT = "alignment"  # the English split or joined differently
    ANNOTATION_ADDED = "annotation-added"
    ANNOTATION_REMOVED = "annotation-removed"


@dataclass(frozen=True)
class Decision:
    """One reviewer decision about one sentence pair, kept in `Document.review`.

    `sentence` is the local id of the Dutch sentence ("s3"), `lang` the side
    changed. `source` is the Dutch text the decision was made against (source,
    translation and alignment decisions). `segments` holds the reviewed Dutch text
    (SOURCE) or the reviewed English sentences (TRANSLATION, ALIGNMENT);
    `annotation` the span added or removed. `stale`: the Dutch it was made against
    has changed since. `origin` is empty for a decision made in this document, else
    where it was reused from ("d001.xml#d001.en.s4", or a file of a named review memory).
    """

    kind: DecisionKind
    sentence: str
    lang: str
    who: str
    when: str
    source: str = ""
    annotation: Annotation | None = None
    segments: tuple[str, ...] = ()
    stale: bool = False
    origin: str = ""

    @property
    def key(self) -> tuple:
        """Decisions with the same key replace one another (the newest wins)."""
        if self.kind in (DecisionKind.ANNOTATION_ADDED, DecisionKind.ANNOTATION_REMOVED):
            a = self.annotation
            return ("annotation", self.sentence, self.lang, a.category, a.entity, a.text)
        if self.kind in (DecisionKind.TRANSLATION, DecisionKind.ALIGNMENT):
            return (DecisionKind.TRANSLATION, self.sentence)
        return (self.kind, self.sentence)


@dataclass(frozen=True)
class Document:
    id: str  # "d000": unique in the corpus, used as the xml:id prefix
    meta: Metadata
    source: Source
    blocks: tuple[Block, ...]
    authority: tuple[AuthorityEntry, ...] = ()  # entries cited in this document, sorted by id
    provenance: tuple[tuple[str, str], ...] = ()  # (stage, signature) in the order applied
    warnings: tuple[str, ...] = ()
    review: tuple[Decision, ...] = ()  # reviewer decisions (pipeline.review), written as revisionDesc

    def sentences(self) -> Iterator[tuple[Block, Sentence]]:
        for block in self.blocks:
            for sentence in block.sentences:
                yield block, sentence

    def block(self, block_id: str) -> Block:
        for block in self.blocks:
            if block.id == block_id:
                return block
        raise KeyError(block_id)

    def with_provenance(self, stage: str, signature: str) -> tuple[tuple[str, str], ...]:
        """The provenance tuple with `stage` recorded (replacing an earlier entry)."""
        kept = tuple(item for item in self.provenance if item[0] != stage)
        return kept + ((stage, signature),)


TRANSLATABLE_KINDS = frozenset(
    {
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.NOTE,
        BlockKind.PULL_QUOTE,
        BlockKind.BOX,
        BlockKind.CLOSER,
    }
)

__all__ = [
    "Annotation",
    "AuthorityEntry",
    "Block",
    "BlockKind",
    "Decision",
    "DecisionKind",
    "Document",
    "ForeignSpan",
    "Metadata",
    "NoteRef",
    "Sentence",
    "Source",
    "Translation",
    "TRANSLATABLE_KINDS",
]
