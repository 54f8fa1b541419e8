"""Argos package discovery, checking, unpacking and installation."""

from __future__ import annotations

import functools
import http.server
import json
import socket
import threading
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
    install_from_index,
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


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_install_then_find(standin_argosmodel, tmp_path):
    packages_dir = tmp_path / "packages"
    installed = install_argosmodel(standin_argosmodel, packages_dir)
    assert installed.path == packages_dir / "translate-nl_en-standin-tiny-n30"
    assert (installed.path / "model" / "model.bin").is_file()
    assert [p.name for p in packages_dir.iterdir()] == ["translate-nl_en-standin-tiny-n30"]  # nothing left over
    found = find_installed(packages_dir)
    assert (found.name, found.version, found.is_standin) == ("translate-nl_en", "1.8+standin.tiny.n30", True)
    assert [(p.name, p.version, p.problem) for p in list_installed(packages_dir)] == [
        ("translate-nl_en", "1.8+standin.tiny.n30", None)
    ]


def test_install_unpacks_the_zip_as_it_is_and_replaces_an_earlier_install(standin_argosmodel, tmp_path):
    packages_dir = tmp_path / "packages"
    stale = packages_dir / "translate-nl_en-standin-tiny-n30" / "stale-file"
    stale.parent.mkdir(parents=True)
    stale.write_text("from an earlier install")
    installed = install_argosmodel(standin_argosmodel, packages_dir)
    assert _tree(installed.path) == _tree(_unpacked(standin_argosmodel, tmp_path / "plain"))


def test_argostranslate_installs_the_same_layout(standin_argosmodel, tmp_path):
    """Packages we install are packages argostranslate (the `argos` extra) reads, and the reverse."""
    argos_package = pytest.importorskip(
        "argostranslate.package", reason="argostranslate is not installed (pip install '.[argos]')"
    )
    from argostranslate import settings as argos_settings

    ours = install_argosmodel(standin_argosmodel, tmp_path / "ours").path
    saved = argos_settings.package_data_dir
    argos_settings.package_data_dir = tmp_path / "theirs"
    try:
        argos_package.install_from_path(standin_argosmodel)
    finally:
        argos_settings.package_data_dir = saved
    assert _tree(ours) == _tree(tmp_path / "theirs" / ours.name)
    [theirs] = argos_package.get_installed_packages([tmp_path / "ours"])
    assert (theirs.from_code, theirs.to_code, theirs.package_version) == ("nl", "en", "1.8+standin.tiny.n30")


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


def _free_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def package_index(tmp_path, standin_argosmodel):
    """A real HTTP server on loopback serving an Argos package index and the stand-in,
    laid out as the Argos index is: index.json listing packages with their links."""
    root = tmp_path / "index"
    root.mkdir()
    (root / "translate-nl_en-standin.argosmodel").write_bytes(standin_argosmodel.read_bytes())
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"

    def publish(*entries):
        (root / "index.json").write_text(json.dumps(list(entries)))

    yield root, url, publish
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _entry(url: str, file: str = "translate-nl_en-standin.argosmodel", **fields) -> dict:
    entry = {
        "package_version": "1.8+standin.tiny.n30",
        "argos_version": "1.0",
        "from_code": "nl",
        "from_name": "Dutch",
        "to_code": "en",
        "to_name": "English",
        "links": [f"{url}/{file}"],
    }
    return entry | fields


def test_install_by_name_downloads_from_the_index(package_index, tmp_path, monkeypatch):
    _root, url, publish = package_index
    older = _entry(url, package_version="1.0", links=[f"{url}/old.argosmodel"])
    publish(_entry(url, from_code="en", to_code="nl", links=[f"{url}/x"]), older, _entry(url))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "pk"))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", url + "/")
    result = CliRunner().invoke(cli, ["models", "install", "translate-nl_en"])
    assert result.exit_code == 0, result.output
    assert f"reading the package index {url}/index.json" in result.output
    assert f"downloading {url}/translate-nl_en-standin.argosmodel" in result.output  # the newest version
    assert result.output.endswith(
        f"installed translate-nl_en 1.8+standin.tiny.n30 in {tmp_path / 'pk' / 'translate-nl_en-standin-tiny-n30'}\n"
    )
    assert find_installed(tmp_path / "pk").version == "1.8+standin.tiny.n30"


def test_download_that_is_not_what_the_index_promised_is_refused(package_index, tmp_path, standin_argosmodel):
    root, url, publish = package_index
    packages_dir = tmp_path / "pk"
    publish(_entry(url, package_version="1.9"))
    with pytest.raises(ModelError, match="the download is not the package the index lists") as error:
        install_from_index("translate-nl_en", packages_dir, index_url=f"{url}/index.json")
    assert f"{url}/translate-nl_en-standin.argosmodel:" in str(error.value)
    # a damaged download: one byte of the model flipped, so its CRC no longer matches
    data = bytearray(standin_argosmodel.read_bytes())
    with zipfile.ZipFile(standin_argosmodel) as archive:
        info = archive.getinfo("translate-nl_en-standin-tiny-n30/model/model.bin")
    offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 100
    data[offset] ^= 0xFF
    (root / "damaged.argosmodel").write_bytes(bytes(data))
    publish(_entry(url, "damaged.argosmodel"))
    with pytest.raises(ModelError, match=r"damaged.argosmodel: the download is damaged \(.*model.bin fails its CRC"):
        install_from_index("translate-nl_en", packages_dir, index_url=f"{url}/index.json")
    publish(_entry(url, from_code="de"))
    with pytest.raises(ModelError, match="index.json: the Argos package index has no package named translate-nl_en"):
        install_from_index("translate-nl_en", packages_dir, index_url=f"{url}/index.json")
    assert not packages_dir.exists() or list(packages_dir.iterdir()) == []


def test_cli_install_by_name_without_network_says_what_to_do(tmp_path, monkeypatch):
    """The build machines reach no package index: the message must say how else to get it."""
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "pk"))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{_free_port()}/")
    result = CliRunner().invoke(cli, ["models", "install", "translate-nl_en"])
    assert result.exit_code == 1
    assert "Error: cannot reach the Argos package index to download translate-nl_en" in result.output
    assert "`argospm install translate-nl_en`" in result.output and "--model PATH" in result.output
    assert "Connection refused" in result.output
