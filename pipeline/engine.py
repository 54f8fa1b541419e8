"""Inference with an Argos package: its SentencePiece model and its CTranslate2 model.

Both are loaded once per `Engine`. `translate_pieces` takes pre-tokenized inputs,
one per source segment, and returns one output per input in the same order: which
output belongs to which input never depends on the text.

A batch runs in CTranslate2's own threads while the calling thread waits in Python,
so Ctrl-C (KeyboardInterrupt) is seen at once instead of after the batch. The
interrupted batch cannot be cancelled, and destroying its translator would wait for
it: the translator is kept in `ABANDONED` so that the CLI can exit without waiting.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from .errors import ModelError
from .packages import ArgosPackage

LENGTH_PENALTY = 0.2  # what argostranslate uses; part of the cache key
ABANDONED: list = []  # (translator, results) of batches interrupted while running
_POLL_SECONDS = (0.001, 0.01)  # first and longest pause between checks of a running batch


@dataclass(frozen=True)
class EngineSettings:
    device: str = "cpu"  # "cpu" or "cuda"
    compute_type: str = "default"  # CTranslate2 compute type; "default" keeps the model's (int8)
    intra_threads: int = 0  # 0: CTranslate2 picks (all cores)
    inter_threads: int = 1
    beam_size: int = 4
    max_batch_size: int = 32  # examples per translate_batch call (measured best at beam 4 on 2 cores)
    max_decoding_length: int = 512


@dataclass(frozen=True)
class Output:
    tokens: tuple[str, ...]
    text: str
    score: float  # mean log-probability per output token (</s> included)


class Engine:
    """A loaded package: its SentencePiece processor and CTranslate2 translator."""

    def __init__(self, package: ArgosPackage, settings: EngineSettings):
        import ctranslate2
        import sentencepiece

        self.package = package
        self.settings = settings
        try:
            self._sp = sentencepiece.SentencePieceProcessor(model_file=str(package.sentencepiece_model))
        except (OSError, RuntimeError) as exc:
            raise ModelError(f"{package.sentencepiece_model}: cannot load the SentencePiece model ({exc})") from None
        try:
            self._translator = ctranslate2.Translator(
                str(package.model_dir),
                device=settings.device,
                compute_type=settings.compute_type,
                intra_threads=settings.intra_threads,
                inter_threads=settings.inter_threads,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(
                f"{package.model_dir}: cannot load the CTranslate2 model on {settings.device} ({exc})"
            ) from None
        self.ct2_version = ctranslate2.__version__

    def tokenize(self, text: str) -> list[str]:
        return self._sp.encode(text, out_type=str)

    def detokenize(self, tokens: list[str]) -> str:
        # Pieces the SentencePiece model does not know come back verbatim with their
        # "▁"; argostranslate replaces it the same way.
        return self._sp.decode_pieces(list(tokens)).replace("\u2581", " ").strip()

    def translate_pieces(self, batch: list[list[str]]) -> list[Output]:
        """Translate one batch of tokenized inputs in one CTranslate2 call."""
        return self.collect(self.submit(batch))

    def submit(self, batch: list[list[str]]) -> list:
        """Start translating one batch (one CTranslate2 call); `collect` waits for it. With
        several model replicas (`inter_threads`), batches submitted together run side by side."""
        if not batch:
            return []
        prefix = self.package.target_prefix
        return self._translator.translate_batch(
            batch,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            max_batch_size=0,  # the caller already made a length-sorted batch
            beam_size=self.settings.beam_size,
            num_hypotheses=1,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            return_scores=True,
            max_input_length=0,  # never truncate: long inputs were split before
            max_decoding_length=self.settings.max_decoding_length,
            asynchronous=True,
        )

    def collect(self, pending: list) -> list[Output]:
        """The outputs of a submitted batch, in input order, once it is done."""
        prefix = self.package.target_prefix
        try:
            results = [_wait(result) for result in pending]
        except BaseException:
            ABANDONED.append((self._translator, pending))
            raise
        outputs = []
        for result in results:
            tokens = list(result.hypotheses[0])
            if prefix and tokens[:1] == [prefix]:
                tokens = tokens[1:]
            outputs.append(Output(tuple(tokens), self.detokenize(tokens), _per_token(result.scores[0], len(tokens))))
        return outputs


def _wait(result):
    """The result of an asynchronous translation, waiting in short sleeps that a signal can interrupt."""
    pause = _POLL_SECONDS[0]
    while not result.done():
        time.sleep(pause)
        pause = min(pause * 2, _POLL_SECONDS[1])
    return result.result()


def _per_token(score: float, length: int) -> float:
    """CTranslate2 returns sum(logp) / (length + 1) ** length_penalty; undo that, divide by length + 1."""
    steps = length + 1  # the end-of-sentence token is scored too
    return score * math.pow(steps, LENGTH_PENALTY) / steps
