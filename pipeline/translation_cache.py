"""The on-disk translation cache: SQLite, shared safely by concurrent runs.

Rows are keyed by an *engine key* (package name, version and model checksum, plus
the decoding settings that change output) and the exact source text. The cache
holds machine output only: a reviewer's correction lives in the TEI file it was
made in (`pipeline.review`). Rows an older version stored as reviewed (engine key
`*reviewed*`, origin 'reviewed') are never read, so a correction made for one
output folder cannot leak into another; they stay in the file, untouched.

WAL mode and a busy timeout let two runs read and write at once; each batch is
committed on its own, so a run killed half-way keeps every finished batch.
The same file also remembers model checksums by file path, size and mtime, so a
300 MB model is not rehashed on every run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .errors import CacheError

CACHE_FILE = "translations.sqlite3"
_SCHEMA_VERSION = "1"
_LOOKUP_CHUNK = 500  # SQLite's default limit on host parameters is 999 (older builds)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS translations (
    engine_key TEXT NOT NULL,          -- package identity + output-changing settings
    source     TEXT NOT NULL,          -- the exact source sentence
    origin     TEXT NOT NULL CHECK (origin IN ('machine', 'reviewed')),  -- 'reviewed': older versions, ignored
    segments   TEXT NOT NULL,          -- JSON list of strings, one per English segment
    score      REAL,                   -- model score per token (machine rows)
    engine     TEXT NOT NULL,          -- provenance signature of what produced the row
    resp       TEXT,                   -- always NULL (older versions: reviewer id)
    created    TEXT NOT NULL,
    PRIMARY KEY (engine_key, source)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS translations_source ON translations (source);
CREATE TABLE IF NOT EXISTS checksums (
    path     TEXT PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256   TEXT NOT NULL
);
"""


@dataclass(frozen=True)
class CachedTranslation:
    segments: tuple[str, ...]
    score: float | None
    engine: str


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    writes: int = 0


@dataclass
class TranslationCache:
    """Open with `TranslationCache.open(folder)`; close with `.close()` or a `with` block."""

    path: Path
    connection: sqlite3.Connection
    stats: CacheStats = field(default_factory=CacheStats)

    @classmethod
    def open(cls, folder: Path, busy_timeout_s: float = 60.0) -> TranslationCache:
        path = Path(folder) / CACHE_FILE
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None)
            connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (_SCHEMA_VERSION,)
                )
            version = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        except (sqlite3.Error, OSError) as exc:
            raise CacheError(f"{path}: cannot open the translation cache ({exc})") from None
        if version != _SCHEMA_VERSION:
            connection.close()
            raise CacheError(f"{path}: translation cache schema {version}, expected {_SCHEMA_VERSION}; remove the file")
        return cls(path, connection)

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def get_many(self, engine_key: str, sources: Iterable[str]) -> dict[str, CachedTranslation]:
        """This engine's machine translations of `sources` that are in the cache."""
        wanted = list(dict.fromkeys(sources))
        found: dict[str, CachedTranslation] = {}
        try:
            for start in range(0, len(wanted), _LOOKUP_CHUNK):
                chunk = wanted[start : start + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self.connection.execute(
                    "SELECT source, segments, score, engine FROM translations "
                    f"WHERE engine_key = ? AND origin = 'machine' AND source IN ({marks})",
                    (engine_key, *chunk),
                ).fetchall()
                for source, segments, score, engine in rows:
                    found[source] = CachedTranslation(tuple(json.loads(segments)), score, engine)
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: cannot read the translation cache ({exc})") from None
        self.stats.hits += len(found)
        self.stats.misses += len(wanted) - len(found)
        return found

    def put_many(self, engine_key: str, engine: str, rows: Sequence[tuple[str, Sequence[str], float | None]]) -> None:
        """Store machine translations `(source, segments, score)` and commit them at once."""
        now = _now()
        self._write(
            "INSERT OR REPLACE INTO translations "
            "(engine_key, source, origin, segments, score, engine, resp, created) "
            "VALUES (?, ?, 'machine', ?, ?, ?, NULL, ?)",
            [
                (engine_key, source, json.dumps(list(segments), ensure_ascii=False), score, engine, now)
                for source, segments, score in rows
            ],
        )

    def _write(self, statement: str, rows: list[tuple]) -> None:
        if not rows:
            return
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                self.connection.executemany(statement, rows)
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: cannot write the translation cache ({exc})") from None
        self.stats.writes += len(rows)

    def file_sha256(self, file: Path) -> str:
        """sha256 of `file`, remembered by path, size and mtime."""
        stat = file.stat()
        key = str(file.resolve())
        try:
            row = self.connection.execute(
                "SELECT sha256 FROM checksums WHERE path = ? AND size = ? AND mtime_ns = ?",
                (key, stat.st_size, stat.st_mtime_ns),
            ).fetchone()
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: cannot read the translation cache ({exc})") from None
        if row:
            return row[0]
        digest = sha256_file(file)
        self._write(
            "INSERT OR REPLACE INTO checksums (path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)",
            [(key, stat.st_size, stat.st_mtime_ns, digest)],
        )
        self.stats.writes -= 1  # checksum rows are not translations
        return digest


def sha256_file(file: Path) -> str:
    digest = hashlib.sha256()
    with open(file, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
