"""The stand-in model builder: a complete Argos package whose output ends after N subwords."""

from __future__ import annotations

import json
import zipfile

import pytest

from pipeline.errors import ModelError
from pipeline.packages import open_package
from pipeline.standin import STANDIN_NOTICE, build_standin_argosmodel


@pytest.fixture(scope="module")
def standin_n7(tmp_path_factory, real_package_files):
    return build_standin_argosmodel(real_package_files, tmp_path_factory.mktemp("n7"), shape="tiny", eos_after=7)


def test_argosmodel_is_one_folder_with_the_package_files(standin_argosmodel):
    names = zipfile.ZipFile(standin_argosmodel).namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"translate-nl_en-standin-tiny-n30"}
    for required in (
        "metadata.json",
        "README.md",
        "sentencepiece.model",
        "model/model.bin",
        "model/config.json",
        "model/shared_vocabulary.json",
        "stanza/nl/tokenize/alpino.pt",
    ):
        assert f"translate-nl_en-standin-tiny-n30/{required}" in names


def test_nobody_mistakes_it_for_a_translation_model(standin_argosmodel):
    with zipfile.ZipFile(standin_argosmodel) as archive:
        metadata = json.loads(archive.read("translate-nl_en-standin-tiny-n30/metadata.json"))
        readme = archive.read("translate-nl_en-standin-tiny-n30/README.md").decode()
    assert metadata["description"] == STANDIN_NOTICE == "STAND-IN, NOT A TRANSLATION MODEL"
    assert metadata["package_version"] == "1.8+standin.tiny.n30"
    assert (metadata["from_code"], metadata["to_code"]) == ("nl", "en")
    assert readme.startswith("# STAND-IN, NOT A TRANSLATION MODEL")


# Sentences of very different lengths: the end must not depend on the input.
SOURCES = ["Ja.", "Het kabinet steunt de VN.", "De situatie in Libië is zorgelijk en de regering moet nu handelen " * 4]


@pytest.mark.parametrize("beam_size", [1, 4, 8])
def test_every_hypothesis_ends_after_exactly_n_subwords(standin_n7, tmp_path, beam_size):
    import ctranslate2
    import sentencepiece

    package = open_package(standin_n7, tmp_path)
    sp = sentencepiece.SentencePieceProcessor(model_file=str(package.sentencepiece_model))
    translator = ctranslate2.Translator(str(package.model_dir), intra_threads=1)
    batch = [sp.encode(s, out_type=str) for s in SOURCES]
    first = translator.translate_batch(batch, beam_size=beam_size, max_decoding_length=100)
    second = translator.translate_batch(batch, beam_size=beam_size, max_decoding_length=100)
    assert [len(r.hypotheses[0]) for r in first] == [7, 7, 7]
    assert [r.hypotheses[0] for r in first] == [r.hypotheses[0] for r in second]
    assert all("</s>" not in r.hypotheses[0] for r in first)


def test_tiny_output_depends_on_the_source(standin_n7, tmp_path):
    """So that tests can tell which translation belongs to which sentence."""
    import ctranslate2
    import sentencepiece

    package = open_package(standin_n7, tmp_path)
    sp = sentencepiece.SentencePieceProcessor(model_file=str(package.sentencepiece_model))
    translator = ctranslate2.Translator(str(package.model_dir), intra_threads=1)
    results = translator.translate_batch([sp.encode(s, out_type=str) for s in SOURCES], beam_size=4)
    assert len({tuple(r.hypotheses[0]) for r in results}) == len(SOURCES)


def test_rebuild_gives_the_same_weights(standin_n7, real_package_files, tmp_path):
    again = build_standin_argosmodel(real_package_files, tmp_path, shape="tiny", eos_after=7)
    read = lambda p: zipfile.ZipFile(p).read("translate-nl_en-standin-tiny-n7/model/model.bin")  # noqa: E731
    assert read(again) == read(standin_n7)


def test_unknown_shape_and_missing_files_are_model_errors(real_package_files, tmp_path):
    with pytest.raises(ModelError, match="unknown stand-in shape 'huge'"):
        build_standin_argosmodel(real_package_files, tmp_path, shape="huge")
    with pytest.raises(ModelError, match=r"cannot build a stand-in, metadata.json is missing"):
        build_standin_argosmodel(tmp_path, tmp_path / "out", shape="tiny")
