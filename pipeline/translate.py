"""The translate stage: English for every Dutch sentence, offline, with an Argos package.

Needs: documents whose translatable blocks (`model.TRANSLATABLE_KINDS`) have
sentences (pipeline.segment). Adds: `Sentence.translation` on every sentence of
those blocks, and a ("translate", signature) entry in `Document.provenance`.
Sentences with `lang == "en"` are passed through (origin "passthrough"); sentences
of other blocks (page furniture) get no translation; a translation a reviewer
corrected (origin "reviewed", put in by `pipeline.review`) is kept as it is.

Usage:
    with open_translator(TranslateOptions(beam_size=4)) as translator:
        for doc in translate_documents(docs, translator):
            ...

The translator loads the package once. Sentences from many documents are
translated together in length-sorted batches, one model input per sentence (or per
piece of a sentence too long for the model), and results are matched back by
position, never by gluing and re-splitting text. Every result is cached on disk,
keyed by the package identity, the decoding settings and the exact source text.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .engine import LENGTH_PENALTY, Engine, EngineSettings, Output
from .model import TRANSLATABLE_KINDS, Document, Translation
from .packages import ArgosPackage, default_packages_dir, find_installed, open_package
from .translation_cache import CachedTranslation, TranslationCache, sha256_file

APP_NAME = "tei-bilingual-pipeline"


@dataclass(frozen=True)
class TranslateOptions:
    model: Path | None = None  # .argosmodel file or package folder; None: the installed package
    packages_dir: Path | None = None  # None: where argostranslate keeps them (ARGOS_PACKAGES_DIR)
    from_code: str = "nl"
    to_code: str = "en"
    device: str = "cpu"
    compute_type: str = "default"
    threads: int = 0  # CPU threads for the model; 0: all cores (see `model_threads`)
    inter_threads: int = 1  # model replicas; with 1 on the CPU, `threads` replicas of one thread each
    beam_size: int = 4
    batch_size: int = 32  # sentences per model call
    max_input_length: int = 256  # subwords; longer sentences are split at clause boundaries
    max_decoding_length: int = 512
    cache_dir: Path | None = None  # None: PIPELINE_CACHE_DIR, else the user cache directory
    use_cache: bool = True
    window_sentences: int = 4000  # sentences gathered from the input before translating
    window_documents: int = 200
    progress: bool = False


@dataclass
class TranslatorStats:
    translated: int = 0  # sentences given fresh machine output
    from_cache: int = 0  # sentences answered by the machine-translation cache
    reviewed: int = 0  # sentences whose reviewed translation was kept (not translated)
    passthrough: int = 0  # English sentences left as they are
    model_calls: int = 0  # translate_batch calls
    model_inputs: int = 0  # inputs sent to the model (pieces of split sentences count apiece)
    stored: int = 0  # fresh machine translations committed to the cache


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    if environ.get("PIPELINE_CACHE_DIR"):
        return Path(environ["PIPELINE_CACHE_DIR"]).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME))


@dataclass
class Translator:
    """A package, its engine and cache. Build with `open_translator`."""

    package: ArgosPackage
    cache: TranslationCache | None
    options: TranslateOptions
    engine: Engine
    model_sha256: str  # part of the cache key and of the provenance
    stats: TranslatorStats = field(default_factory=TranslatorStats)
    _cleanup: list[Callable[[], None]] = field(default_factory=list)
    _bar: object | None = None
    # Where the model batches run: token batches in, (batch index, outputs) out, in any
    # order. None: one after another with `engine` (pipeline.scaleout sends them to workers).
    run_batches: Callable[[list[list[list[str]]]], Iterable[tuple[int, list[Output]]]] | None = None

    @property
    def signature(self) -> str:
        """Provenance of every translation this translator makes (sacrebleu-style)."""
        o = self.options
        return (
            f"argos:{self.package.name}|v:{self.package.version}|sha256:{self.model_sha256[:12]}"
            f"|beam:{o.beam_size}|lp:{LENGTH_PENALTY}|maxin:{o.max_input_length}|ct2:{self.engine.ct2_version}"
        )

    @property
    def engine_key(self) -> str:
        """Cache key part: what decides the output (not device or threads)."""
        o = self.options
        return (
            f"{self.package.name}|{self.package.version}|{self.model_sha256}"
            f"|beam:{o.beam_size}|lp:{LENGTH_PENALTY}|maxin:{o.max_input_length}|maxout:{o.max_decoding_length}"
        )

    def __enter__(self) -> Translator:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        while self._cleanup:
            self._cleanup.pop()()

    def translate_texts(self, texts: Sequence[str]) -> dict[str, Translation]:
        """Translations of distinct source texts, from the cache or the model."""
        unique = list(dict.fromkeys(t for t in texts if t.strip()))
        found = self.cache.get_many(self.engine_key, unique) if self.cache else {}
        results = {text: self._from_cache(text, row) for text, row in found.items()}
        missing = [t for t in unique if t not in found]
        results.update(self._translate_missing(missing))
        for text in dict.fromkeys(texts):
            if not text.strip():
                results[text] = Translation(segments=(text,), origin="passthrough", engine=self.signature)
        return results

    def _from_cache(self, text: str, row: CachedTranslation) -> Translation:
        return Translation(segments=row.segments, origin="cache", engine=row.engine, score=row.score)

    def _translate_missing(self, texts: list[str]) -> dict[str, Translation]:
        """Split, sort by length, batch, translate; commit each text once all its pieces are done."""
        pieces: list[tuple[int, int, list[str]]] = []  # (text index, piece index, tokens)
        piece_counts = []
        for t_index, text in enumerate(texts):
            parts = split_for_model(text, self.engine.tokenize, self.options.max_input_length)
            piece_counts.append(len(parts))
            for p_index, part in enumerate(parts):
                pieces.append((t_index, p_index, self.engine.tokenize(part.strip())))
        pieces.sort(key=lambda item: (len(item[2]), item[0], item[1]))
        outputs: dict[int, dict[int, Output]] = {}
        results: dict[str, Translation] = {}
        bar = self._progress(len(pieces))
        size = max(1, self.options.batch_size)
        batches = [pieces[start : start + size] for start in range(0, len(pieces), size)]
        run_batches = self.run_batches or self._run_here
        for index, translated in run_batches([[tokens for _, _, tokens in batch] for batch in batches]):
            batch = batches[index]
            self.stats.model_calls += 1
            self.stats.model_inputs += len(batch)
            finished = []
            for (t_index, p_index, _), output in zip(batch, translated, strict=True):
                outputs.setdefault(t_index, {})[p_index] = output
                if len(outputs[t_index]) == piece_counts[t_index]:
                    finished.append(t_index)
            rows = []
            for t_index in finished:
                done = outputs.pop(t_index)
                parts = [done[i] for i in range(piece_counts[t_index])]
                translation = Translation(
                    segments=tuple(p.text for p in parts),
                    origin="machine",
                    engine=self.signature,
                    score=_mean_score(parts),
                )
                results[texts[t_index]] = translation
                rows.append((texts[t_index], translation.segments, translation.score))
            if self.cache:
                self.cache.put_many(self.engine_key, self.signature, rows)
                self.stats.stored += len(rows)
            if bar is not None:
                bar.update(len(batch))
        return results

    def _run_here(self, batches: list[list[list[str]]]) -> Iterator[tuple[int, list[Output]]]:
        """The batches in order, as many in flight as the engine has model replicas."""
        in_flight: deque[tuple[int, list]] = deque()
        for index, batch in enumerate(batches):
            in_flight.append((index, self.engine.submit(batch)))
            if len(in_flight) >= self.engine.settings.inter_threads:
                done, pending = in_flight.popleft()
                yield done, self.engine.collect(pending)
        while in_flight:
            done, pending = in_flight.popleft()
            yield done, self.engine.collect(pending)

    def _progress(self, total: int):
        if not self.options.progress or total == 0:
            return None
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=0, unit="sent", desc="translating", leave=False)
            self._cleanup.append(self._bar.close)
        self._bar.total += total
        self._bar.refresh()
        return self._bar


def _mean_score(parts: Sequence[Output]) -> float:
    """Per-token score of a sentence made of several pieces, weighted by piece length."""
    weights = [len(p.tokens) + 1 for p in parts]
    return sum(p.score * w for p, w in zip(parts, weights)) / sum(weights)


_CLAUSE = re.compile(r"(?<=[;:,)])\s+|\s+(?=[–—(])|\s+-\s+")
_SPACE = re.compile(r"\s+")


def split_for_model(text: str, tokenize: Callable[[str], list[str]], max_tokens: int) -> list[str]:
    """`text` in pieces of at most `max_tokens` subwords, cut at clause boundaries,
    else at whitespace, else inside a word. The pieces joined give `text` back."""
    if max_tokens <= 0 or len(tokenize(text)) <= max_tokens:
        return [text]
    for pattern in (_CLAUSE, _SPACE):
        parts = _cut_after(text, pattern)
        if len(parts) > 1:
            return _pack(parts, tokenize, max_tokens)
    middle = len(text) // 2
    return split_for_model(text[:middle], tokenize, max_tokens) + split_for_model(text[middle:], tokenize, max_tokens)


def _cut_after(text: str, pattern: re.Pattern) -> list[str]:
    """Cut `text` at every match, keeping the matched whitespace at the end of the left part."""
    parts, start = [], 0
    for match in pattern.finditer(text):
        if match.start() > start:
            parts.append(text[start : match.end()])
            start = match.end()
    parts.append(text[start:])
    return [p for p in parts if p]


def _pack(parts: list[str], tokenize: Callable[[str], list[str]], max_tokens: int) -> list[str]:
    """Greedily join consecutive parts while the joined piece stays within `max_tokens`."""
    pieces: list[str] = []
    current = ""
    for part in parts:
        candidate = current + part
        if current and len(tokenize(candidate.strip())) > max_tokens:
            pieces.append(current)
            candidate = part
        current = candidate
    pieces.append(current)
    result = []
    for piece in pieces:
        if len(tokenize(piece.strip())) > max_tokens:
            result.extend(split_for_model(piece, tokenize, max_tokens))
        else:
            result.append(piece)
    return result


def model_threads(options: TranslateOptions) -> dict[str, int]:
    """CTranslate2's intra_threads and inter_threads for `options`.

    On the CPU, `threads` become that many model replicas of one thread each, every one
    translating its own batch: on 2 cores the corpus took 36 s this way against 46 s for
    one replica on 2 threads (base stand-in, beam 4, batches of 32). A run with a
    single batch then uses one core. On a GPU, or with `inter_threads` set, the
    threads are those of each replica.
    """
    if options.device == "cpu" and options.inter_threads == 1:
        return {"intra_threads": 1, "inter_threads": options.threads or os.cpu_count() or 1}
    return {"intra_threads": options.threads, "inter_threads": options.inter_threads}


def open_translator(options: TranslateOptions) -> Translator:
    """Find and check the package, open the cache and load its SentencePiece and
    CTranslate2 models, once (errors surface here)."""
    cleanup: list[Callable[[], None]] = []
    try:
        cache = None
        if options.use_cache:
            cache = TranslationCache.open(options.cache_dir or default_cache_dir())
            cleanup.append(cache.close)
        package = _resolve_package(options, cache, cleanup)
        settings = EngineSettings(
            device=options.device,
            compute_type=options.compute_type,
            **model_threads(options),
            beam_size=options.beam_size,
            max_batch_size=options.batch_size,
            max_decoding_length=options.max_decoding_length,
        )
        # in this thread: a CTranslate2 model created in a background thread that then
        # ends translates several times slower (measured: 8 s instead of 1.3 s for a batch)
        engine = Engine(package, settings)
        checksum = cache.file_sha256(package.model_bin) if cache else sha256_file(package.model_bin)
    except BaseException:
        for action in reversed(cleanup):
            action()
        raise
    return Translator(package, cache, options, engine, checksum, _cleanup=cleanup)


def _resolve_package(options: TranslateOptions, cache: TranslationCache | None, cleanup: list) -> ArgosPackage:
    if options.model is None:
        return find_installed(options.packages_dir or default_packages_dir(), options.from_code, options.to_code)
    if cache is not None:
        unpack_dir = cache.path.parent / "packages"
    else:
        tmp = tempfile.TemporaryDirectory(prefix="pipeline-package-")
        cleanup.append(tmp.cleanup)
        unpack_dir = Path(tmp.name)
    return open_package(options.model, unpack_dir)


def translate_documents(docs: Iterable[Document], translator: Translator) -> Iterator[Document]:
    """Translate documents lazily, in windows, batching each window's sentences together;
    documents come out in input order. Memory is bounded by the window size."""
    window: list[Document] = []
    sentences = 0
    for doc in docs:
        window.append(doc)
        sentences += sum(len(block.sentences) for block in doc.blocks)
        if len(window) >= translator.options.window_documents or sentences >= translator.options.window_sentences:
            yield from _translate_window(window, translator)
            window, sentences = [], 0
    if window:
        yield from _translate_window(window, translator)


def translate_document(doc: Document, translator: Translator) -> Document:
    return next(_translate_window([doc], translator))


def _translate_window(docs: list[Document], translator: Translator) -> Iterator[Document]:
    texts = [
        sentence.text
        for doc in docs
        for block in doc.blocks
        if block.kind in TRANSLATABLE_KINDS
        for sentence in block.sentences
        if sentence.lang != "en" and not _reviewed(sentence)
    ]
    translations = translator.translate_texts(texts)
    for doc in docs:
        yield _apply(doc, translations, translator)


def _apply(doc: Document, translations: Mapping[str, Translation], translator: Translator) -> Document:
    stats = translator.stats
    blocks = []
    for block in doc.blocks:
        if block.kind not in TRANSLATABLE_KINDS or not block.sentences:
            blocks.append(block)
            continue
        sentences = []
        for sentence in block.sentences:
            if _reviewed(sentence):
                stats.reviewed += 1
                sentences.append(sentence)
                continue
            if sentence.lang == "en":
                translation = Translation(segments=(sentence.text,), origin="passthrough", engine=translator.signature)
                stats.passthrough += 1
            else:
                translation = translations[sentence.text]
                if translation.origin == "cache":
                    stats.from_cache += 1
                elif translation.origin == "passthrough":
                    stats.passthrough += 1
                else:
                    stats.translated += 1
            sentences.append(dataclasses.replace(sentence, translation=translation))
        blocks.append(dataclasses.replace(block, sentences=tuple(sentences)))
    return dataclasses.replace(
        doc, blocks=tuple(blocks), provenance=doc.with_provenance("translate", translator.signature)
    )


def _reviewed(sentence) -> bool:
    return sentence.translation is not None and sentence.translation.origin == "reviewed"
