"""Argos Translate packages: find, check, unpack and install them.

A package is a folder with `metadata.json`, `sentencepiece.model` and a CTranslate2
model in `model/` (`model.bin`, `config.json`, a vocabulary), distributed as a
`.argosmodel` zip whose single top-level folder holds those files. Installed
packages live in the folder argostranslate uses: `ARGOS_PACKAGES_DIR`, else the
`ARGOS_PACKAGES_DIR` of argos-translate's settings.json, else
`~/.local/share/argos-translate/packages` (XDG_DATA_HOME respected).

Installation needs no argostranslate (which pulls in Stanza and torch): a
`.argosmodel` is unpacked here into the layout argostranslate's `install_from_path`
makes, and the package index (argostranslate's, `ARGOS_PACKAGE_INDEX` respected)
is read with urllib.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelError

DEFAULT_PACKAGE = "translate-nl_en"
ARGOS_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"  # argostranslate's default
_VOCABULARIES = ("shared_vocabulary.json", "shared_vocabulary.txt", "source_vocabulary.json", "source_vocabulary.txt")

HOW_TO_GET_ONE = (
    "get the nl->en package with `pipeline models install translate-nl_en` on a machine with "
    "network access (or `argospm install translate-nl_en`), or download "
    "translate-nl_en-1_8.argosmodel and pass it with `--model PATH` "
    "or install it with `pipeline models install PATH`"
)


@dataclass(frozen=True)
class ArgosPackage:
    """A complete package folder, checked: everything a translator needs is there."""

    path: Path
    name: str  # argospm name, e.g. "translate-nl_en"
    version: str
    from_code: str
    to_code: str
    metadata: Mapping[str, object]

    @property
    def sentencepiece_model(self) -> Path:
        return self.path / "sentencepiece.model"

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def model_bin(self) -> Path:
        return self.path / "model" / "model.bin"

    @property
    def target_prefix(self) -> str:
        return str(self.metadata.get("target_prefix") or "")

    @property
    def is_standin(self) -> bool:
        return "standin" in self.metadata


@dataclass(frozen=True)
class PackageListing:
    """One folder of the packages directory, complete or not (`problem` says why not)."""

    path: Path
    name: str
    version: str
    problem: str | None


def default_packages_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder argostranslate installs packages into, resolved as argostranslate does."""
    environ = os.environ if environ is None else environ
    if environ.get("ARGOS_PACKAGES_DIR"):
        return Path(environ["ARGOS_PACKAGES_DIR"]).expanduser()
    home = Path.home()
    config_home = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
    settings_file = config_home / "argos-translate" / "settings.json"
    if settings_file.is_file():
        try:
            configured = json.loads(settings_file.read_text(encoding="utf-8")).get("ARGOS_PACKAGES_DIR")
        except (ValueError, AttributeError, OSError):
            configured = None
        if configured:
            return Path(configured).expanduser()
    data_home = Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return data_home / "argos-translate" / "packages"


def load_package(folder: Path) -> ArgosPackage:
    """Check a package folder; ModelError names the folder and what is missing or wrong."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ModelError(f"{folder}: no such package folder; {HOW_TO_GET_ONE}")
    metadata = _read_metadata(folder)
    missing = [
        name
        for name, present in (
            ("sentencepiece.model", (folder / "sentencepiece.model").is_file()),
            ("model/model.bin", (folder / "model" / "model.bin").is_file()),
            ("model/config.json", (folder / "model" / "config.json").is_file()),
            (
                "a model vocabulary (model/shared_vocabulary.json)",
                any((folder / "model" / v).is_file() for v in _VOCABULARIES),
            ),
        )
        if not present
    ]
    if missing:
        raise ModelError(f"{folder}: incomplete Argos package, missing {', '.join(missing)}; {HOW_TO_GET_ONE}")
    return ArgosPackage(
        path=folder,
        name=_argospm_name(metadata),
        version=str(metadata.get("package_version", "")),
        from_code=str(metadata["from_code"]),
        to_code=str(metadata["to_code"]),
        metadata=metadata,
    )


def _read_metadata(folder: Path) -> dict:
    path = folder / "metadata.json"
    if not path.is_file():
        raise ModelError(f"{folder}: not an Argos package, metadata.json is missing; {HOW_TO_GET_ONE}")
    try:
        metadata = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: bad package metadata, not valid JSON ({exc})") from None
    if not isinstance(metadata, dict):
        raise ModelError(f"{path}: bad package metadata, expected a JSON object")
    absent = [key for key in ("from_code", "to_code") if not isinstance(metadata.get(key), str)]
    if absent:
        raise ModelError(f"{path}: bad package metadata, no {' or '.join(absent)}")
    return metadata


def _argospm_name(metadata: Mapping[str, object]) -> str:
    return f"{metadata.get('type') or 'translate'}-{metadata['from_code']}_{metadata['to_code']}"


def _scan(packages_dir: Path) -> list[tuple[Path, ArgosPackage | ModelError]]:
    """Every folder of `packages_dir`, sorted by name, loaded once: its package or why not.
    Hidden folders (an install in progress, `.installing-*`) are not packages."""
    if not packages_dir.is_dir():
        return []
    scanned: list[tuple[Path, ArgosPackage | ModelError]] = []
    for folder in sorted(p for p in packages_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            scanned.append((folder, load_package(folder)))
        except ModelError as exc:
            scanned.append((folder, exc))
    return scanned


def list_installed(packages_dir: Path) -> list[PackageListing]:
    """Every folder of `packages_dir`, sorted by name, with the problem of incomplete ones."""
    listings = []
    for folder, found in _scan(packages_dir):
        if isinstance(found, ModelError):
            listings.append(PackageListing(folder, folder.name, "", str(found).split(": ", 1)[-1].split(";")[0]))
        else:
            listings.append(PackageListing(folder, found.name, found.version, None))
    return listings


def find_installed(packages_dir: Path, from_code: str = "nl", to_code: str = "en") -> ArgosPackage:
    """The installed package for the language pair (the newest version if several).

    A real package wins over a stand-in of the same pair. ModelError says how to
    get one when there is none, and what is wrong when the only one is incomplete.
    """
    scanned = [found for _folder, found in _scan(packages_dir)]
    candidates = [
        p for p in scanned if isinstance(p, ArgosPackage) and (p.from_code, p.to_code) == (from_code, to_code)
    ]
    if candidates:
        return max(candidates, key=lambda p: (not p.is_standin, _version_key(p.version), p.path.name))
    broken = [error for error in scanned if isinstance(error, ModelError)]
    if broken:
        raise broken[0]
    raise ModelError(f"{packages_dir}: no {from_code}->{to_code} Argos package installed; {HOW_TO_GET_ONE}")


def _version_key(version: str) -> tuple:
    parts = version.split("+", 1)[0].split(".")
    return tuple(int(p) if p.isdigit() else -1 for p in parts)


def open_package(path: Path, unpack_dir: Path) -> ArgosPackage:
    """A package given by path: an unpacked folder, or a `.argosmodel` zip unpacked
    once into `unpack_dir` (reused while the zip's size and mtime are unchanged)."""
    path = Path(path)
    if path.is_dir():
        return load_package(path)
    if not path.is_file():
        raise ModelError(f"{path}: no such package file or folder; {HOW_TO_GET_ONE}")
    top = _check_argosmodel(path)
    stat = path.stat()
    stamp = hashlib.sha256(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    target = Path(unpack_dir) / f"{path.stem}-{stamp}"
    if not (target / top / "metadata.json").is_file():
        _unpack(path, target)
    return load_package(target / top)


def _unpack(archive_path: Path, target: Path) -> None:
    """Extract into a fresh folder beside `target`, then move it into place in one step."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=".unpacking-"))
    try:
        with zipfile.ZipFile(archive_path) as archive:
            archive.extractall(tmp)
        shutil.rmtree(target, ignore_errors=True)
        os.replace(tmp, target)
    except OSError:
        if not target.is_dir():  # another run may have put the same files in place meanwhile
            raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _check_argosmodel(path: Path) -> str:
    """The single top-level folder of a `.argosmodel` zip, after checking its contents."""
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{path}: not an Argos package (.argosmodel files are zip archives)")
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.strip("/")]
    tops = {n.split("/", 1)[0] for n in names}
    if len(tops) != 1 or any("/" not in n for n in names if not n.endswith("/")):
        raise ModelError(f"{path}: not an Argos package, expected one top-level folder in the zip")
    top = tops.pop()
    if top in ("..", ".") or any(".." in Path(n).parts or n.startswith("/") for n in names):
        raise ModelError(f"{path}: refusing a zip with paths outside its folder")
    present = {n[len(top) + 1 :].rstrip("/") for n in names}
    missing = [n for n in ("metadata.json", "sentencepiece.model", "model/model.bin") if n not in present]
    if missing:
        raise ModelError(f"{path}: incomplete Argos package, missing {', '.join(missing)}")
    return top


def install_argosmodel(path: Path, packages_dir: Path) -> ArgosPackage:
    """Install a `.argosmodel` file as argostranslate's `install_from_path` does: its
    top-level folder unpacked into `packages_dir` (same layout), but checked first and
    put in place in one step, replacing an earlier install of the same folder."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: no such package file; {HOW_TO_GET_ONE}")
    top = _check_argosmodel(path)
    packages_dir = Path(packages_dir)
    packages_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=packages_dir, prefix=".installing-"))
    try:
        try:
            with zipfile.ZipFile(path) as archive:
                archive.extractall(staging)
            load_package(staging / top)  # complete and readable before it replaces anything
        except zipfile.BadZipFile as exc:
            raise ModelError(f"{path}: damaged Argos package ({exc})") from None
        except ModelError as exc:
            raise ModelError(f"{path}: {str(exc).split(': ', 1)[-1]}") from None
        target = packages_dir / top
        if target.exists():
            os.replace(target, staging / ".replaced")
        os.replace(staging / top, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return load_package(target)


def package_index_url(environ: Mapping[str, str] | None = None) -> str:
    """The Argos package index, as argostranslate finds it (ARGOS_PACKAGE_INDEX is the
    folder URL that holds index.json)."""
    environ = os.environ if environ is None else environ
    return environ.get("ARGOS_PACKAGE_INDEX", ARGOS_INDEX).rstrip("/") + "/index.json"


def install_from_index(
    name: str,
    packages_dir: Path,
    index_url: str | None = None,
    timeout: float = 30.0,
    log: Callable[[str], None] = lambda message: None,
) -> ArgosPackage:
    """Download `name` (e.g. "translate-nl_en", its newest version) from the Argos
    package index and install it. Without network, ModelError says how else to get it.

    The index gives no checksum: the download is accepted only when it is a zip whose
    every member passes its CRC check, laid out as an Argos package, whose metadata
    names the language pair and version the index promised.
    """
    index_url = index_url or package_index_url()
    offline = (
        f"cannot reach the Argos package index to download {name}; on a machine with network "
        f"access run `pipeline models install {name}` (or `argospm install {name}`), or download "
        f"the .argosmodel file and use `pipeline models install PATH` or `--model PATH`"
    )
    log(f"reading the package index {index_url}")
    entry = _index_entry(_fetch_json(index_url, timeout, offline), name, index_url)
    version = str(entry.get("package_version", ""))
    with tempfile.TemporaryDirectory(prefix="pipeline-download-") as tmp:
        download = Path(tmp) / f"{name}-{version}.argosmodel"
        link = _download(entry.get("links") or [], download, timeout, offline, log)
        _check_download(download, entry, link)
        return install_argosmodel(download, packages_dir)


def _fetch_json(url: str, timeout: float, offline: str) -> object:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
    except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts are OSErrors
        raise ModelError(f"{offline} ({url}: {_reason(exc)})") from None
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"{url}: the package index is not valid JSON ({exc})") from None


def _index_entry(index: object, name: str, url: str) -> dict:
    """The newest entry of the index named `name` (argospm's "<type>-<from>_<to>")."""
    if not isinstance(index, list):
        raise ModelError(f"{url}: the package index is not a list of packages")
    matches = [
        e
        for e in index
        if isinstance(e, dict)
        and isinstance(e.get("from_code"), str)
        and isinstance(e.get("to_code"), str)
        and _argospm_name(e) == name
    ]
    if not matches:
        raise ModelError(f"{url}: the Argos package index has no package named {name}")
    return max(matches, key=lambda e: _version_key(str(e.get("package_version", ""))))


def _download(links: list, target: Path, timeout: float, offline: str, log: Callable[[str], None]) -> str:
    """Stream the first link that answers into `target`; the link used."""
    import urllib.request

    problems = []
    for link in links:
        log(f"downloading {link}")
        try:
            with urllib.request.urlopen(link, timeout=timeout) as response, target.open("wb") as out:
                shutil.copyfileobj(response, out, 1 << 20)
                expected = response.headers.get("Content-Length")
            if expected is not None and target.stat().st_size != int(expected):
                raise OSError(f"truncated: {target.stat().st_size} of {expected} bytes")
            return link
        except (OSError, ValueError) as exc:
            problems.append(f"{link}: {_reason(exc)}")
    raise ModelError(f"{offline} ({'; '.join(problems) or 'the index lists no download link'})")


def _check_download(path: Path, entry: Mapping[str, object], link: str) -> None:
    """A damaged or wrong download is refused (naming the link) before it is installed."""
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{link}: the download is not an Argos package (not a zip archive)")
    with zipfile.ZipFile(path) as archive:
        try:
            damaged = archive.testzip()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            damaged = str(exc)
    if damaged is not None:
        raise ModelError(f"{link}: the download is damaged ({damaged} fails its CRC check)")
    try:
        top = _check_argosmodel(path)
        with zipfile.ZipFile(path) as archive:
            metadata = json.loads(archive.read(f"{top}/metadata.json"))
    except (ValueError, UnicodeDecodeError, ModelError) as exc:
        raise ModelError(f"{link}: the download is not a complete Argos package ({exc})") from None
    promised = {key: entry.get(key) for key in ("from_code", "to_code", "package_version")}
    found = {key: metadata.get(key) if isinstance(metadata, dict) else None for key in promised}
    if {k: str(v) for k, v in found.items()} != {k: str(v) for k, v in promised.items()}:
        raise ModelError(f"{link}: the download is not the package the index lists (index {promised}, zip {found})")


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "reason", None) or exc)
