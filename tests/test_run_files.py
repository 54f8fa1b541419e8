"""Atomic writes: a killed run leaves the old file or the new one, never half of one."""

from __future__ import annotations

import os

import pytest

from pipeline import files


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "d000.xml"
    target.write_bytes(b"old")
    files.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["d000.xml"]


def test_failure_while_writing_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "d000.xml"
    target.write_bytes(b"previous complete file")

    def killed(fd):  # the process dies between writing the data and renaming it
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(KeyboardInterrupt):
        files.atomic_write(target, b"new data")
    assert target.read_bytes() == b"previous complete file"
    assert os.listdir(tmp_path) == ["d000.xml"]


def test_temp_files_are_hidden_and_recognised(tmp_path, monkeypatch):
    names = []
    real_replace = os.replace

    def spy(src, dst):
        names.append(os.path.basename(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    files.atomic_write(tmp_path / "d000.xml", b"x")
    (name,) = names
    assert name.startswith(".d000.xml.") and name.endswith(".tmp")
    assert files.is_temp_file(tmp_path / name)
    assert not files.is_temp_file(tmp_path / "d000.xml")


def test_write_if_changed_leaves_identical_files_alone(tmp_path):
    target = tmp_path / "d000.xml"
    assert files.write_if_changed(target, b"abc") is True
    os.utime(target, ns=(1, 1))
    assert files.write_if_changed(target, b"abc") is False
    assert target.stat().st_mtime_ns == 1
    assert files.write_if_changed(target, b"abd") is True
    assert target.read_bytes() == b"abd"
