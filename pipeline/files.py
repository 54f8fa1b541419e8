"""Writing output files atomically, and only when their bytes change.

`atomic_write` writes to a temporary file in the target's folder (named
`.<name>.<random>.tmp`, so a leftover from a killed run is hidden and never ends in
`.xml`), flushes it to disk, then renames it over the target: a reader, or a run
killed at any moment, sees either the previous complete file or the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def atomic_write(path: Path | str, data: bytes) -> None:
    """Replace `path` with `data` atomically (same-folder temp file, fsync, os.replace)."""
    path = Path(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(path.parent)


def write_if_changed(path: Path | str, data: bytes) -> bool:
    """Write `data` atomically unless `path` already holds exactly these bytes; True if written."""
    path = Path(path)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write(path, data)
    return True


def is_temp_file(path: Path) -> bool:
    """A leftover temp file of `atomic_write` (never an output)."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
