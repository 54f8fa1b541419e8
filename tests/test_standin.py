"""The stand-in model builder: a complete Argos package whose output ends after N subwords."""

from __future__ import annotations

import json
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree, html

from pipeline.cli import cli
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


def test_cli_builds_the_standin_at_the_path_asked(real_package_files, tmp_path):
    target = tmp_path / "out" / "standin.argosmodel"
    result = CliRunner().invoke(cli, ["models", "standin", "-o", str(target), "--from", str(real_package_files)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {target} (tiny): STAND-IN, NOT A TRANSLATION MODEL\n"
    assert zipfile.ZipFile(target).namelist()[0].startswith("translate-nl_en-standin-tiny-n30/")
    assert sorted(p.name for p in target.parent.iterdir()) == ["standin.argosmodel"]  # nothing half-written left


def test_cli_without_the_package_files_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.setenv("PIPELINE_SHARED", str(tmp_path / "nowhere"))
    monkeypatch.setattr("pipeline.standin.__file__", str(tmp_path / "checkout" / "pipeline" / "standin.py"))
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")  # ../shared beside the current folder: the same place
    result = CliRunner().invoke(cli, ["models", "standin", "-o", str(tmp_path / "s.argosmodel")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot build a stand-in: the Argos nl->en package files")
    assert str(tmp_path / "nowhere" / "models" / "translate-nl_en-1_8") in result.output
    assert str(tmp_path / "shared" / "models" / "translate-nl_en-1_8") in result.output  # beside the checkout
    assert result.output.rstrip().endswith("pass their folder with --from PATH")
    assert not (tmp_path / "s.argosmodel").exists()


def test_whole_run_with_the_standin_says_it_is_not_a_translation(standin_argosmodel, tmp_path):
    """What a user without network sees: TEI and review page both say the English is not a translation."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "brief.txt").write_text(
        "Het kabinet steunt de UNHCR in Libië.\n\nDe minister zal de Kamer informeren over de situatie.\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    args = ["run", str(corpus), "--model", str(standin_argosmodel), "--cache-dir", str(tmp_path / "cache")]
    result = runner.invoke(cli, [*args, "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    [tei] = [p for p in (tmp_path / "out").glob("*.xml") if p.name != "corpus.xml"]
    header = etree.parse(str(tei)).find(".//{http://www.tei-c.org/ns/1.0}notesStmt")
    assert "so its output is not a translation" in "".join(header.itertext())
    assert runner.invoke(cli, ["review", str(tei), "-o", str(tmp_path / "page.html")]).exit_code == 0
    page = html.parse(str(tmp_path / "page.html"))
    [banner] = page.xpath("//div[@id='standin-banner']")
    assert banner.text_content().strip().startswith("STAND-IN MODEL: THE ENGLISH COLUMN IS NOT A TRANSLATION.")
    assert page.xpath("string(//title)").startswith("[STAND-IN, NOT A TRANSLATION] Review:")
    # the same document without the stand-in: no banner
    result = runner.invoke(cli, ["run", str(corpus), "--no-translate", "-o", str(tmp_path / "plain")])
    assert result.exit_code == 0, result.output
    assert (
        runner.invoke(cli, ["review", str(tmp_path / "plain" / tei.name), "-o", str(tmp_path / "p.html")]).exit_code
        == 0
    )
    assert html.parse(str(tmp_path / "p.html")).xpath("//div[@id='standin-banner']") == []
