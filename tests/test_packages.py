"""Argos package discovery, checking, unpacking and installation."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.errors import ModelError
from pipeline.packages import (
    default_packages_dir,
    find_installed,
    install_argosmodel,
    list_installed,
    load_package,
    open_package,
)


def _unpacked(argosmodel: Path, into: Path) -> Path:
    with zipfile.ZipFile(argosmodel) as archive:
        archive.extractall(into)
    return next(into.iterdir())


def test_packages_dir_follows_argos_settings(tmp_path):
    assert default_packages_dir({"ARGOS_PACKAGES_DIR": str(tmp_path / "p")}) == tmp_path / "p"
    assert default_packages_dir({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path / "argos-translate" / "packages"
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-settings")}))
    assert default_packages_dir({"XDG_CONFIG_HOME": str(tmp_path / "config")}) == tmp_path / "from-settings"


def test_install_through_argostranslate_then_find(standin_argosmodel, tmp_path):
    packages_dir = tmp_path / "packages"
    installed = install_argosmodel(standin_argosmodel, packages_dir)
    assert installed.path == packages_dir / "translate-nl_en-standin-tiny-n30"
    assert (installed.path / "model" / "model.bin").is_file()
    found = find_installed(packages_dir)
    assert (found.name, found.version, found.is_standin) == ("translate-nl_en", "1.8+standin.tiny.n30", True)
    assert [(p.name, p.version, p.problem) for p in list_installed(packages_dir)] == [
        ("translate-nl_en", "1.8+standin.tiny.n30", None)
    ]


def test_no_package_says_how_to_get_one(tmp_path):
    with pytest.raises(ModelError) as error:
        find_installed(tmp_path)
    message = str(error.value)
    assert message.startswith(f"{tmp_path}: no nl->en Argos package installed")
    assert "pipeline models install translate-nl_en" in message
    assert "argospm install translate-nl_en" in message
    assert "--model PATH" in message


def test_the_real_files_without_weights_name_what_is_missing(real_package_files):
    with pytest.raises(ModelError, match=r"translate-nl_en-1_8: incomplete Argos package, missing model/model.bin;"):
        load_package(real_package_files)


@pytest.mark.parametrize(
    "breakage, expected",
    [
        # each of the files a translator needs, and the metadata it trusts
        (lambda p: (p / "sentencepiece.model").unlink(), "missing sentencepiece.model"),
        (lambda p: (p / "metadata.json").write_text("{not json"), "bad package metadata, not valid JSON"),
        (lambda p: (p / "metadata.json").write_text('{"from_code": "nl"}'), "bad package metadata, no to_code"),
        (lambda p: (p / "metadata.json").unlink(), "not an Argos package, metadata.json is missing"),
    ],
)
def test_broken_package_folder(standin_argosmodel, tmp_path, breakage, expected):
    folder = _unpacked(standin_argosmodel, tmp_path)
    breakage(folder)
    with pytest.raises(ModelError, match=expected) as error:
        load_package(folder)
    assert str(folder) in str(error.value)


def test_incomplete_package_listed_with_its_problem(standin_argosmodel, tmp_path):
    folder = _unpacked(standin_argosmodel, tmp_path)
    (folder / "model" / "model.bin").unlink()
    [listing] = list_installed(tmp_path)
    assert listing.problem == "incomplete Argos package, missing model/model.bin"
    with pytest.raises(ModelError, match="missing model/model.bin"):
        find_installed(tmp_path)


def test_argosmodel_path_is_unpacked_once(standin_argosmodel, tmp_path):
    first = open_package(standin_argosmodel, tmp_path / "unpacked")
    marker = first.path / "marker"
    marker.write_text("kept")
    second = open_package(standin_argosmodel, tmp_path / "unpacked")
    assert second.path == first.path and marker.is_file()


def test_not_a_zip_and_zip_without_weights(tmp_path, standin_argosmodel):
    bogus = tmp_path / "bogus.argosmodel"
    bogus.write_text("hello")
    with pytest.raises(ModelError, match=r"bogus.argosmodel: not an Argos package \(.argosmodel files are zip"):
        install_argosmodel(bogus, tmp_path / "packages")
    stripped = tmp_path / "stripped.argosmodel"
    with zipfile.ZipFile(standin_argosmodel) as src, zipfile.ZipFile(stripped, "w") as dst:
        for item in src.infolist():
            if not item.filename.endswith("model.bin"):
                dst.writestr(item, src.read(item))
    with pytest.raises(ModelError, match="stripped.argosmodel: incomplete Argos package, missing model/model.bin"):
        install_argosmodel(stripped, tmp_path / "packages")
    assert not (tmp_path / "packages").exists()


def test_cli_models_install_and_list(standin_argosmodel, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "pk"))
    runner = CliRunner()
    result = runner.invoke(cli, ["models", "list"])
    assert result.exit_code == 0
    assert result.output == f"packages in {tmp_path / 'pk'}:\n  (none; run `pipeline models install translate-nl_en`)\n"
    result = runner.invoke(cli, ["models", "install", str(standin_argosmodel)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"installed translate-nl_en 1.8+standin.tiny.n30 in {tmp_path / 'pk' / 'translate-nl_en-standin-tiny-n30'}\n"
    )
    result = runner.invoke(cli, ["models", "list"])
    assert "translate-nl_en-standin-tiny-n30  translate-nl_en 1.8+standin.tiny.n30  ok" in result.output


def test_cli_install_missing_file_is_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "pk"))
    result = CliRunner().invoke(cli, ["models", "install", str(tmp_path / "nope.argosmodel")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'nope.argosmodel'}: no such package file;")


def test_cli_install_by_name_without_network_says_what_to_do(tmp_path, monkeypatch):
    """The build machines reach no package index: the message must say how else to get it."""
    from argostranslate import package as argos_package
    from argostranslate import settings as argos_settings

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "pk"))
    monkeypatch.setattr(argos_settings, "local_package_index", tmp_path / "index.json")
    monkeypatch.setattr(argos_package, "update_package_index", lambda: None)  # what it does offline
    result = CliRunner().invoke(cli, ["models", "install", "translate-nl_en"])
    assert result.exit_code == 1
    assert "Error: cannot reach the Argos package index to download translate-nl_en" in result.output
    assert "`argospm install translate-nl_en`" in result.output and "--model PATH" in result.output
