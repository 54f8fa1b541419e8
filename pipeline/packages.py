"""Argos Translate packages: find, check, unpack and install them.

A package is a folder with `metadata.json`, `sentencepiece.model` and a CTranslate2
model in `model/` (`model.bin`, `config.json`, a vocabulary), distributed as a
`.argosmodel` zip whose single top-level folder holds those files. Installed
packages live in the folder argostranslate uses: `ARGOS_PACKAGES_DIR`, else the
`ARGOS_PACKAGES_DIR` of argos-translate's settings.json, else
`~/.local/share/argos-translate/packages` (XDG_DATA_HOME respected).

argostranslate is imported only inside the functions that install packages:
importing its settings module creates folders, and `argostranslate.translate`
(which installation touches) imports Stanza and torch.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelError

DEFAULT_PACKAGE = "translate-nl_en"
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
    """Every folder of `packages_dir`, sorted by name, loaded once: its package or why not."""
    if not packages_dir.is_dir():
        return []
    scanned: list[tuple[Path, ArgosPackage | ModelError]] = []
    for folder in sorted(p for p in packages_dir.iterdir() if p.is_dir()):
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


@contextlib.contextmanager
def _argos_packages_dir(packages_dir: Path) -> Iterator[object]:
    """argostranslate.package, pointed at `packages_dir` for the duration.

    argostranslate reads ARGOS_PACKAGES_DIR once, when its settings module is first
    imported; pointing its setting at the folder we resolved keeps both in step.
    """
    from argostranslate import package as argos_package
    from argostranslate import settings as argos_settings

    saved = argos_settings.package_data_dir, list(argos_settings.package_dirs)
    argos_settings.package_data_dir = packages_dir
    argos_settings.package_dirs[:] = [packages_dir]
    try:
        yield argos_package
    finally:
        argos_settings.package_data_dir = saved[0]
        argos_settings.package_dirs[:] = saved[1]


def install_argosmodel(path: Path, packages_dir: Path) -> ArgosPackage:
    """Install a `.argosmodel` file with argostranslate's own `install_from_path`."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: no such package file; {HOW_TO_GET_ONE}")
    top = _check_argosmodel(path)
    packages_dir.mkdir(parents=True, exist_ok=True)
    with _argos_packages_dir(packages_dir) as argos_package:
        try:
            argos_package.install_from_path(path)
        except Exception as exc:  # argostranslate raises bare Exception
            raise ModelError(f"{path}: argostranslate could not install it ({exc})") from None
    return load_package(packages_dir / top)


def install_from_index(
    name: str,
    packages_dir: Path,
    timeout: float = 30.0,
    log: Callable[[str], None] = lambda message: None,
) -> ArgosPackage:
    """Download and install `name` (e.g. "translate-nl_en") from the Argos package index.

    Uses argostranslate's package API. Without network, ModelError says how else to
    get the package.
    """
    offline = (
        f"cannot reach the Argos package index to download {name}; on a machine with network "
        f"access run `pipeline models install {name}` (or `argospm install {name}`), or download "
        f"the .argosmodel file and use `pipeline models install PATH` or `--model PATH`"
    )
    previous_timeout = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)  # argostranslate's urlopen calls have no timeout of their own
    try:
        with _argos_packages_dir(packages_dir) as argos_package:
            from argostranslate import settings as argos_settings

            index = Path(argos_settings.local_package_index)
            before = index.stat().st_mtime_ns if index.is_file() else None
            log(f"updating the package index from {argos_settings.remote_package_index}")
            argos_package.update_package_index()  # logs and returns on network errors
            after = index.stat().st_mtime_ns if index.is_file() else None
            if after is None:
                raise ModelError(offline)
            if after == before:
                log("could not refresh the package index; using the copy downloaded earlier")
            matches = [
                p for p in argos_package.get_available_packages() if argos_package.argospm_package_name(p) == name
            ]
            if not matches:
                raise ModelError(f"the Argos package index has no package named {name}")
            available = max(matches, key=lambda p: _version_key(str(p.package_version)))
            log(f"downloading {name} {available.package_version}")
            try:
                download = available.download()
            except Exception:  # networking.get_from failures surface as bare Exception
                raise ModelError(offline) from None
    finally:
        socket.setdefaulttimeout(previous_timeout)
    return install_argosmodel(Path(download), packages_dir)
