"""The SQLite translation cache."""

from __future__ import annotations

import os
import sqlite3

import pytest

from pipeline.errors import CacheError
from pipeline.translation_cache import CACHE_FILE, TranslationCache


def test_put_then_get_by_engine_and_exact_text(tmp_path):
    with TranslationCache.open(tmp_path) as cache:
        cache.put_many("engine-a", "sig-a", [("Hallo.", ("Hello.",), -0.5), ("Twee.", ("Two", "parts"), -1.0)])
        found = cache.get_many("engine-a", ["Hallo.", "Twee.", "Hallo. ", "Nieuw."])
        assert found["Hallo."].segments == ("Hello.",) and found["Hallo."].score == -0.5
        assert found["Twee."].segments == ("Two", "parts") and found["Twee."].engine == "sig-a"
        assert set(found) == {"Hallo.", "Twee."}  # "Hallo. " differs by a space: not the same text
        assert cache.get_many("engine-b", ["Hallo."]) == {}
        assert (cache.stats.hits, cache.stats.misses, cache.stats.writes) == (2, 3, 2)


def test_reviewed_rows_of_an_older_version_are_ignored(tmp_path):
    """Older versions stored reviewer corrections in the cache, winning for every output folder;
    the cache now holds machine output only, and such rows are never read (nor deleted)."""
    with TranslationCache.open(tmp_path) as cache:
        cache.put_many("engine-a", "sig-a", [("Hallo.", ("Hullo.",), -0.5)])
        cache.connection.execute(  # a row as the older `put_reviewed` wrote it
            "INSERT INTO translations (engine_key, source, origin, segments, score, engine, resp, created) "
            "VALUES ('*reviewed*', ?, 'reviewed', ?, NULL, 'reviewed:anna', 'anna', '2024-01-01T00:00:00+00:00')",
            ("Hallo.", '["Hello."]'),
        )
        cache.connection.execute(
            "INSERT INTO translations (engine_key, source, origin, segments, score, engine, resp, created) "
            "VALUES ('*reviewed*', ?, 'reviewed', ?, NULL, 'reviewed:anna', 'anna', '2024-01-01T00:00:00+00:00')",
            ("Ja.", '["Yes."]'),
        )
    with TranslationCache.open(tmp_path) as cache:  # an existing file opens as before
        found = cache.get_many("engine-a", ["Hallo.", "Ja."])
        assert {source: row.segments for source, row in found.items()} == {"Hallo.": ("Hullo.",)}
        assert cache.get_many("*reviewed*", ["Ja."]) == {}
        count = cache.connection.execute("SELECT count(*) FROM translations WHERE origin = 'reviewed'").fetchone()[0]
        assert count == 2


def test_two_connections_write_at_once(tmp_path):
    """Two runs share the file: WAL lets one read while the other writes, nothing is lost."""
    first, second = TranslationCache.open(tmp_path), TranslationCache.open(tmp_path)
    try:
        for i in range(50):
            first.put_many("e", "s", [(f"a{i}", ("x",), None)])
            second.put_many("e", "s", [(f"b{i}", ("y",), None)])
            assert f"a{i}" in second.get_many("e", [f"a{i}"])
        assert len(first.get_many("e", [f"{p}{i}" for p in "ab" for i in range(50)])) == 100
        assert first.connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        first.close()
        second.close()


def test_checksum_is_remembered_until_the_file_changes(tmp_path):
    model = tmp_path / "model.bin"
    model.write_bytes(b"weights")
    with TranslationCache.open(tmp_path / "c") as cache:
        digest = cache.file_sha256(model)
        import hashlib

        assert digest == hashlib.sha256(b"weights").hexdigest()
        cache.connection.execute("UPDATE checksums SET sha256 = 'remembered'")
        assert cache.file_sha256(model) == "remembered"  # not rehashed
        model.write_bytes(b"other weights")
        os.utime(model, ns=(1, 1))
        assert cache.file_sha256(model) == hashlib.sha256(b"other weights").hexdigest()


def test_unusable_cache_file_is_a_cache_error(tmp_path):
    (tmp_path / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    with pytest.raises(CacheError, match=rf"{CACHE_FILE}: cannot open the translation cache"):
        TranslationCache.open(tmp_path)


def test_schema_allows_only_known_origins(tmp_path):
    with TranslationCache.open(tmp_path) as cache:
        with pytest.raises(sqlite3.IntegrityError):
            cache.connection.execute(
                "INSERT INTO translations VALUES ('e', 's', 'guess', '[]', NULL, 'x', NULL, 'now')"
            )
