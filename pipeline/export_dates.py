"""A file keeps the dates of its previous export while its content is unchanged.

Without SOURCE_DATE_EPOCH the export date is the run's date, so a rerun on a later
day would rewrite every file only to change its publication and change dates. With
`ExportOptions.keep_dates`, a file is first built with the date its previous export
carried (read from what the pipeline last wrote: the copy in `.pipeline/`, else the
file itself); if that gives exactly the previous bytes, the content is unchanged and
those bytes stand. Otherwise it is built again with today's date. A date fixed by
SOURCE_DATE_EPOCH is always used as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from .review_merge import produced_path
from .tei.options import ExportOptions

T = TypeVar("T")
_PUBLICATION_DATE = re.compile(rb"<publicationStmt>.*?<date when=\"([0-9-]+)\"", re.DOTALL)


def previous_export(path: Path) -> bytes | None:
    """The bytes the pipeline last wrote to `path` (None for a new file)."""
    for candidate in (produced_path(path), path):
        try:
            return candidate.read_bytes()
        except FileNotFoundError:
            continue
    return None


def export_date_of(data: bytes) -> str | None:
    """The publication date (`publicationStmt/date/@when`) of TEI bytes the pipeline wrote."""
    match = _PUBLICATION_DATE.search(data)
    return match.group(1).decode("ascii") if match else None


def build_keeping_date(
    options: ExportOptions, previous: bytes | None, build: Callable[[ExportOptions], T], data_of: Callable[[T], bytes]
) -> T:
    """`build(options)`, or `build` with the previous export's date when that reproduces `previous`."""
    old = export_date_of(previous) if options.keep_dates and previous else None
    if old and old != options.date:
        result = build(replace(options, date=old))
        if data_of(result) == previous:
            return result
    return build(options)
