"""The exporter's settings, built once by the caller (the CLI or `pipeline.run`)."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping
from dataclasses import dataclass

from .. import __version__
from ..errors import ExportError


@dataclass(frozen=True)
class ExportOptions:
    """date: ISO date (YYYY-MM-DD) written as the publication and change date.
    publisher: publisher of the TEI edition; "" uses the manifest's publisher.
    untranslated_reason: said in the header when a document has no English side.
    keep_dates: a file whose content is unchanged keeps the date of its previous export
    (`pipeline.export_dates`); for a date from the clock, not from SOURCE_DATE_EPOCH.
    """

    date: str
    publisher: str = ""
    untranslated_reason: str = "no translation was run"
    pipeline_version: str = __version__
    keep_dates: bool = False


def date_is_fixed(environ: Mapping[str, str] | None = None) -> bool:
    """SOURCE_DATE_EPOCH is set: every date written is its date, whatever was written before."""
    environ = os.environ if environ is None else environ
    return bool(environ.get("SOURCE_DATE_EPOCH", "").strip())


def export_date(environ: Mapping[str, str] | None = None) -> str:
    """Today's UTC date, or the date of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            moment = _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise ExportError(f"SOURCE_DATE_EPOCH must be a number of seconds since 1970 (got {epoch!r})") from None
    else:
        moment = _dt.datetime.now(tz=_dt.UTC)
    return moment.date().isoformat()
