"""Ctrl-C during a run: stop at once, keep what is finished, say so.

The first SIGINT raises KeyboardInterrupt in the main thread as usual (a model batch
is waited for in Python, see `engine`, so it is seen within a poll interval; while
the schema compiles, `interrupt_ends_process` lets it end the process). Every
output file is written atomically, and a pair of writes that must not be separated
(a TEI file and its last-produced copy) runs under `deferred_interrupt`. Finished
translation batches are already committed to the cache. `interrupted` turns the
stop into an `Interrupted` error whose message counts what is kept; the CLI prints
it and exits with status 130.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import Interrupted


@contextmanager
def deferred_interrupt() -> Iterator[None]:
    """Run the block whole: a SIGINT arriving inside is raised as KeyboardInterrupt after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: pending.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pending:
        raise KeyboardInterrupt


@contextmanager
def interrupt_ends_process() -> Iterator[None]:
    """For a long call into C that holds the interpreter (compiling the tei_all schema, seconds
    during which no Python signal handler can run): Ctrl-C ends the process at once, killed by
    SIGINT (status 130 as a shell reports it). Only where nothing is being written."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def interrupted(files_written: int, translations_kept: int | None, translating: bool) -> Interrupted:
    """The error for a run stopped by the user.

    translations_kept: fresh translations this run committed to the cache (None: no cache).
    """
    files = f"{files_written} file(s) written so far are complete"
    if not translating:
        return Interrupted(f"{files}; run the same command again to export the rest")
    if translations_kept is None:
        return Interrupted(f"{files}; no translation is kept (--no-cache): a rerun translates everything again")
    return Interrupted(
        f"{translations_kept} new translation(s) are kept in the translation cache and {files}; "
        "run the same command again to resume (it translates only what is missing)"
    )
