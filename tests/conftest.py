"""Fixtures shared by the whole suite. Area-specific fixtures live in their test modules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SHARED = Path(os.environ.get("PIPELINE_SHARED", REPO.parent / "shared")).resolve()
REAL_PACKAGE_FILES = SHARED / "models" / "translate-nl_en-1_8"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_entries():
    from pipeline.corpus import load_manifest

    return load_manifest(CORPUS / "manifest.yaml")


@pytest.fixture(scope="session")
def lexicon():
    """The project's own lexicons (annotations/), loaded once per session."""
    from pipeline.lexicon import Lexicon

    return Lexicon.load(REPO / "annotations")


@pytest.fixture(scope="session")
def real_package_files() -> Path:
    """The real Argos nl->en package files without weights (../shared/models)."""
    if not (REAL_PACKAGE_FILES / "sentencepiece.model").is_file():
        pytest.fail(f"the shared model files are missing: {REAL_PACKAGE_FILES}")
    return REAL_PACKAGE_FILES


@pytest.fixture(scope="session")
def standin_argosmodel(tmp_path_factory, real_package_files) -> Path:
    """A tiny stand-in `.argosmodel` built over the real package files (not a translation model)."""
    from pipeline.standin import build_standin_argosmodel

    return build_standin_argosmodel(real_package_files, tmp_path_factory.mktemp("standin"), shape="tiny")


@pytest.fixture(scope="session")
def tei_schema():
    """tei_all.rng itself (not the exporter's subset), compiled once per session (~6 s)."""
    from pipeline.tei.schema import load_tei_all

    return load_tei_all()


@pytest.fixture(scope="session")
def dask_corpus(tmp_path_factory) -> Path:
    """The letters the Dask tests run over (tests/dask_support.py)."""
    from dask_support import write_corpus

    return write_corpus(tmp_path_factory.mktemp("letters"))


@pytest.fixture(scope="session")
def dask_reference(tmp_path_factory, dask_corpus, standin_argosmodel, tei_schema):
    """The in-process run that every Dask run must equal byte for byte."""
    from dask_support import reference_run

    return reference_run(tmp_path_factory.mktemp("reference"), dask_corpus, standin_argosmodel, tei_schema)
