"""`pipeline run`: every stage over a corpus, document by document, into TEI files.

read -> segment -> translate (batched across documents) -> annotate (when the
annotation stage and lexicons are there) -> export + validate -> write. Documents
stream through; only a small record of each (`CorpusMember`) is kept for the corpus
file, which is written last. A file is written (atomically) only when its bytes
change, so a rerun on unchanged input touches nothing.

A document that cannot be read, or whose TEI does not validate, is reported by
name and skipped: the others are still exported, the corpus file lists only the
exported ones, and the summary's `failed` makes the CLI exit with status 1. With
`stop_on_error` the run stops at the first such document instead.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .citations import CitationTable, citations_csv
from .corpus import CorpusEntry, discover
from .crosscheck import crosscheck
from .errors import ExportError, InputError, ModelError, PipelineError
from .export_dates import build_keeping_date, previous_export
from .files import is_temp_file, write_if_changed
from .interrupt import deferred_interrupt, interrupt_ends_process, interrupted
from .model import Decision, Document
from .review import apply_review, settle_annotations
from .review_memory import ReviewMemory, load_memory
from .review_merge import ReviewOptions, load_review, write_tei
from .tei.corpus import CORPUS_ID, CorpusMember, corpus_to_tei
from .tei.export import build_tei, write_validated
from .tei.options import ExportOptions
from .unprocessed import unprocessed_warnings

CORPUS_FILE = f"{CORPUS_ID}.xml"
CITATIONS_FILE = "citations.csv"  # how often each actor and obligation is cited
MISMATCHES_FILE = "mismatches.json"  # sentence pairs whose two sides name different entities
NO_TRANSLATE_HINT = "to export the Dutch side only, run again with --no-translate"


@dataclass(frozen=True)
class RunOptions:
    """Everything one run needs, built once by the CLI.

    translate: TranslateOptions, or None to export without translation (--no-translate).
    segment: SegmentOptions (None: the defaults). lexicons: the annotation lexicons
    folder (None: no annotation). validate: check every file against tei_all before
    writing it (the schema is loaded once per process).
    """

    corpus: Path
    output: Path
    export: ExportOptions
    translate: object | None = None
    segment: object | None = None
    lexicons: Path | None = None
    stop_on_error: bool = False
    progress: bool = False
    validate: bool = True  # validate every file against tei_all before writing it
    review_memory: Path | None = None  # reviewed TEI files whose corrections are reused here too
    no_translate_reason: str = "translation was switched off (pipeline run --no-translate)"
    no_annotate_reason: str = "no lexicons folder was given"
    executor: object | None = None  # where the stages run: None in this process (see InProcess)


@dataclass
class RunSummary:
    documents: int = 0
    sentences: int = 0
    translated: int = 0
    from_cache: int = 0
    passthrough: int = 0
    untranslated: int = 0  # Dutch sentences exported with an English gap
    reviewed: int = 0  # sentences whose reviewed translation was kept instead of translating them
    annotations: Counter = field(default_factory=Counter)  # per category, both languages
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    mismatches: list[dict] = field(default_factory=list)  # crosscheck records, both languages compared
    failed: list[str] = field(default_factory=list)  # one message per skipped document
    refused: set[str] = field(default_factory=set)  # ids whose existing TEI file could not be read back
    edits_not_kept: int = 0  # reviewer edits this run could not keep (each a warning; the file saved)
    translation: str = ""  # signature of the translator, "" without translation
    lexicons: str = ""  # the lexicons folder and signature, "" without annotation
    annotation_off: str = ""  # why nothing was annotated, "" when annotation ran
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def format(self, max_warnings: int = 8) -> str:
        """The one-screen summary the CLI prints."""
        lines = [
            f"documents   {self.documents} exported" + (f", {len(self.failed)} failed" if self.failed else ""),
            f"sentences   {self.sentences}",
            f"translated  {self.translated} new, {self.from_cache} from cache, {self.passthrough} passthrough"
            + (f", {self.reviewed} reviewed" if self.reviewed else "")
            + (f", {self.untranslated} without English" if self.untranslated else ""),
            f"model       {self.translation or 'none (no translation)'}",
            f"lexicons    {self.lexicons}" if self.lexicons else f"annotations off: {self.annotation_off}",
            "annotations " + (", ".join(f"{k} {v}" for k, v in sorted(self.annotations.items())) or "none"),
            f"files       {len(self.written)} written, {len(self.unchanged)} unchanged",
            f"mismatches  {len(self.mismatches)} sentence pair(s) name different actors or obligations"
            + (f" (listed in {MISMATCHES_FILE})" if self.mismatches else ""),
            f"warnings    {len(self.warnings)}",
        ]
        lines += [f"  {w}" for w in self.warnings[:max_warnings]]
        if len(self.warnings) > max_warnings:
            lines.append(f"  ... and {len(self.warnings) - max_warnings} more")
        lines += [f"FAILED {message}" for message in self.failed]
        lines.append(f"time        {self.seconds:.1f} s")
        return "\n".join(lines)


def run_pipeline(options: RunOptions, schema=None, translator=None) -> RunSummary:
    """Run every stage over `options.corpus` and write the TEI files into `options.output`.

    `translator`: an open translator to use (else one is opened from
    `options.translate` and closed at the end). `schema`: a loaded tei_all RelaxNG
    (else loaded when `options.validate`). Raises ModelError (with the
    --no-translate hint) when translation is asked for and no package can be loaded,
    ManifestError for a bad corpus, and PipelineError for the first failed document
    when `stop_on_error`.
    """
    started = time.monotonic()
    summary = RunSummary()
    entries = discover(options.corpus)
    _check_ids(entries)
    summary.warnings += unprocessed_warnings(options.corpus, entries, options.output)
    options.output.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(options.output)
    own_translator = translator is None and options.translate is not None
    executor = options.executor or InProcess()
    if own_translator:  # first: a missing package fails before any slow work
        translator = _open_translator(executor.translator_options(options.translate))
    stored_before = translator.stats.stored if translator is not None else 0
    try:
        if schema is None and options.validate:
            from .tei.schema import load_schema

            with interrupt_ends_process():  # nothing is being written yet
                schema = load_schema()
        export_options = options.export
        if translator is None:
            export_options = replace(export_options, untranslated_reason=options.no_translate_reason)
        else:
            stats = translator.stats
            start_stats = (stats.translated, stats.from_cache, stats.passthrough, stats.reviewed)
        review_options = ReviewOptions(date=export_options.date)
        reviews = _load_reviews(entries, options, review_options, summary)
        memory = _review_memory(reviews, options, review_options)
        docs = executor.prepare([e for e in entries if e.id not in summary.refused], options, summary)
        docs = (apply_review(doc, memory.reuse(doc, reviews.get(doc.id, ()))) for doc in docs)
        if translator is not None:
            docs = executor.translate(docs, translator, options, len(entries))
        docs = _annotated(docs, options, summary, executor)
        members = []
        citations = CitationTable()
        for doc in _bar(docs, options, "export", len(entries)):
            member = _export(doc, options.output, export_options, schema, summary)
            if member is not None:
                members.append(member)
                citations.add(doc)
            elif options.stop_on_error:
                raise PipelineError(summary.failed[-1])
        _write_corpus(members, options.output, export_options, schema, summary)
        if options.lexicons is not None:
            _write_report(options.output / CITATIONS_FILE, citations_csv(citations.rows()), summary)
            _write_report(options.output / MISMATCHES_FILE, _json(summary.mismatches), summary)
        if translator is not None:  # this run's share of the translator's counts
            stats = translator.stats
            summary.translated = stats.translated - start_stats[0]
            summary.from_cache = stats.from_cache - start_stats[1]
            summary.passthrough = stats.passthrough - start_stats[2]
            summary.reviewed = stats.reviewed - start_stats[3]
            summary.translation = translator.signature
    except KeyboardInterrupt:  # Ctrl-C: what is finished is kept (see pipeline.interrupt)
        kept = translator.stats.stored - stored_before if translator is not None and translator.cache else None
        raise interrupted(len(summary.written), kept, translator is not None) from None
    finally:
        if own_translator and translator is not None:
            translator.close()
    summary.seconds = time.monotonic() - started
    return summary


class InProcess:
    """The default executor: every stage in this process, documents streaming through.
    `pipeline.scaleout.DaskExecutor` offers the same four methods for a Dask cluster."""

    def translator_options(self, translate_options):
        return translate_options

    def prepare(self, entries, options: RunOptions, summary: RunSummary) -> Iterator[Document]:
        return _prepared(entries, options, summary)

    def translate(self, docs, translator, options: RunOptions, total: int) -> Iterator[Document]:
        from .translate import translate_documents

        return _bar(translate_documents(docs, translator), options, "translate", total)

    def annotate(self, docs, lexicon) -> Iterator[Document]:
        from .annotate import annotate

        return (annotate(doc, lexicon) for doc in docs)


def _check_ids(entries: list[CorpusEntry]) -> None:
    for entry in entries:
        if entry.id == CORPUS_ID:
            raise ExportError(
                f"{entry.path}: the document id {CORPUS_ID!r} is reserved for the corpus file; rename it in the manifest"
            )


def _remove_leftovers(folder: Path) -> None:
    """Temp files of a killed earlier run (`.d000.xml.<random>.tmp`) are removed."""
    for path in folder.iterdir():
        if is_temp_file(path) and ".xml." in path.name:
            path.unlink(missing_ok=True)


def _open_translator(translate_options):
    from .translate import open_translator

    try:
        return open_translator(translate_options)
    except ModelError as exc:
        message = str(exc)
        if "--no-translate" not in message:
            message = f"{message}; {NO_TRANSLATE_HINT}"
        raise ModelError(message) from None


def _bar(items: Iterable, options: RunOptions, stage: str, total: int) -> Iterator:
    if not options.progress:
        yield from items
        return
    from tqdm import tqdm

    with tqdm(items, desc=f"{stage:<9}", total=total, unit="doc", leave=True) as bar:
        yield from bar


def _load_reviews(
    entries: list[CorpusEntry], options: RunOptions, review_options: ReviewOptions, summary: RunSummary
) -> dict[str, tuple[Decision, ...]]:
    """Reviewer decisions in the TEI files already in the output folder, by document id.

    A file that cannot be read back safely is reported and its document skipped, so
    that a reviewer's work in it is never overwritten. Edits a rerun cannot keep
    are reported (file, line, what) and the reviewed file saved before it is replaced.
    """
    reviews = {}
    for entry in entries:
        try:
            loaded = load_review(options.output / f"{entry.id}.xml", review_options)
        except PipelineError as exc:
            summary.refused.add(entry.id)
            _fail(summary, options, str(exc))
            continue
        summary.warnings += loaded.warnings()
        summary.edits_not_kept += len(loaded.unkept)
        if loaded.decisions:
            reviews[entry.id] = loaded.decisions
    return reviews


def _review_memory(
    reviews: dict[str, tuple[Decision, ...]], options: RunOptions, review_options: ReviewOptions
) -> ReviewMemory:
    """Reviewed translations to reuse: this output folder's, and those of a named review memory
    (this folder's win where both corrected the same Dutch sentence)."""
    memory = load_memory(options.review_memory, review_options) if options.review_memory else ReviewMemory()
    memory.offer_folder(reviews)
    return memory


def _prepared(entries: list[CorpusEntry], options: RunOptions, summary: RunSummary) -> Iterator[Document]:
    """Read and segment each entry; a document that fails is recorded and skipped."""
    from .segment import SegmentOptions

    segment_options = options.segment or SegmentOptions()
    for entry in _bar(entries, options, "read", len(entries)):
        try:
            doc = prepare_entry(entry, segment_options)
        except PipelineError as exc:
            _fail(summary, options, str(exc))
            continue
        yield doc


def prepare_entry(entry: CorpusEntry, segment_options) -> Document:
    """One entry read and segmented; PipelineError names the file when it cannot be read."""
    from .readers import read_document
    from .segment import segment

    try:
        return segment(read_document(entry), segment_options)
    except (OSError, UnicodeError) as exc:
        raise InputError(entry.path, f"cannot be read ({exc})") from None


def _fail(summary: RunSummary, options: RunOptions, message: str) -> None:
    summary.failed.append(message)
    if options.stop_on_error:
        raise PipelineError(message)


def _annotated(docs: Iterable[Document], options: RunOptions, summary: RunSummary, executor) -> Iterator[Document]:
    """Each document annotated with the lexicons (loaded once, now), or as it is without them
    (the reviewer's annotations still apply)."""
    if options.lexicons is None:
        summary.annotation_off = options.no_annotate_reason
        return map(settle_annotations, docs)
    from .annotate import Lexicon

    lexicon = Lexicon.load(options.lexicons)
    summary.lexicons = f"{options.lexicons} ({lexicon.signature})"
    return executor.annotate(docs, lexicon)


def _export(doc: Document, folder: Path, options: ExportOptions, schema, summary: RunSummary) -> CorpusMember | None:
    path = folder / f"{doc.id}.xml"
    try:
        result = build_keeping_date(  # doc.review becomes the revisionDesc ledger; unchanged content keeps its dates
            options, previous_export(path), lambda o: build_tei(doc, o), lambda built: built.data
        )
        with deferred_interrupt():  # the file and its last-produced copy are written together
            changed = write_tei(path, result.data, schema)  # and remembers the bytes as last produced
    except PipelineError as exc:
        summary.failed.append(str(exc))
        return None
    (summary.written if changed else summary.unchanged).append(path)
    summary.documents += 1
    mismatches = crosscheck(doc)
    summary.mismatches += [m.as_record() for m in mismatches]
    reported = {m.warning() for m in mismatches}  # counted under `mismatches`, not repeated as warnings
    summary.warnings += [f"{doc.id}: {w}" for w in doc.warnings if w not in reported]
    summary.warnings += [f"{path.name}: {w}" for w in result.warnings]
    member = CorpusMember.of(doc, path.name, options, result.alignment)
    summary.sentences += member.sentences
    for _, sentence in doc.sentences():
        summary.annotations.update(a.category for a in sentence.annotations)
        if sentence.translation is not None:
            summary.annotations.update(a.category for a in sentence.translation.annotations)
    summary.untranslated += len(result.alignment.gaps) if member.translated else 0
    return member


def _write_corpus(
    members: list[CorpusMember], folder: Path, options: ExportOptions, schema, summary: RunSummary
) -> None:
    path = folder / CORPUS_FILE
    data, warnings = build_keeping_date(
        options, previous_export(path), lambda o: corpus_to_tei(members, o), lambda built: built[0]
    )
    changed = write_validated(path, data, schema)
    (summary.written if changed else summary.unchanged).append(path)
    summary.warnings += [f"{path.name}: {w}" for w in warnings]


def _write_report(path: Path, data: bytes, summary: RunSummary) -> None:
    changed = write_if_changed(path, data)
    (summary.written if changed else summary.unchanged).append(path)


def _json(records: list[dict]) -> bytes:
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
