"""Stand-in translation packages: real Argos package files around synthetic weights.

The real nl->en weights cannot be downloaded on the build machines, so tests and
benchmarks build a CTranslate2 model of the right format over the package's real
SentencePiece model and 67,027-entry vocabulary, and zip it as an `.argosmodel`
that `argostranslate.package.install_from_path` accepts like a real package.

The output is gibberish made of real subwords. What it guarantees is structure:
every hypothesis ends after exactly `eos_after` subwords, at any beam size,
deterministically (see ../shared/models/README.md):

- the `</s>` row of the output projection is `scale * u` for a zero-mean unit vector `u`;
- the decoder's position encodings carry a large component along `u` from
  position `eos_after` on, and none before;
- every other decoder vector that reaches the output (embeddings, early position
  encodings, block output projections, biases) is made orthogonal to `u`, and `</s>`
  gets a negative bias, so `</s>` cannot win before position `eos_after`.

"base" is transformer-base (6+6 layers, d_model 512, 8 heads, FFN 2048, post-norm,
int8): it costs what the real model costs per token. As the README prescribes, its
decoder blocks' output projections are zero (same computation, no contribution).
"tiny" (1 layer, d_model 32) builds in about a second; its decoder blocks stay
active (only made orthogonal to `u`), so its output depends on the source sentence
and tests can tell which translation belongs to which sentence.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelError

STANDIN_NOTICE = "STAND-IN, NOT A TRANSLATION MODEL"


@dataclass(frozen=True)
class Shape:
    layers: int
    d_model: int
    heads: int
    ffn: int
    zero_decoder_blocks: bool
    max_positions: int = 1024


SHAPES = {
    "tiny": Shape(layers=1, d_model=32, heads=2, ffn=64, zero_decoder_blocks=False),
    "base": Shape(layers=6, d_model=512, heads=8, ffn=2048, zero_decoder_blocks=True),
}

_COPIED = ("sentencepiece.model", "stanza")
_REQUIRED = ("metadata.json", "sentencepiece.model", "model/config.json", "model/shared_vocabulary.json")
# the real package's files without weights, beside a source checkout (../shared/models/...)
_PACKAGE_FILES = Path("models") / "translate-nl_en-1_8"
_EOS_LOGIT = 200.0  # logit of </s> once the position component dominates
_EOS_BIAS = -50.0  # keeps </s> out of reach before position eos_after


def build_standin_argosmodel(
    package_files: Path,
    dest_dir: Path,
    shape: str = "tiny",
    eos_after: int = 30,
    seed: int = 1234,
) -> Path:
    """Build `translate-nl_en-standin-<shape>-n<eos_after>.argosmodel` in `dest_dir`.

    `package_files` is an Argos package folder whose `model/model.bin` may be missing
    (../shared/models/translate-nl_en-1_8). Returns the path of the zip; an existing
    zip of the same name is rebuilt.
    """
    if shape not in SHAPES:
        raise ModelError(f"unknown stand-in shape {shape!r}: choose one of {', '.join(SHAPES)}")
    if not 1 <= eos_after < SHAPES[shape].max_positions - 1:
        raise ModelError(f"eos_after must be between 1 and {SHAPES[shape].max_positions - 2}")
    package_files = Path(package_files)
    for name in _REQUIRED:
        if not (package_files / name).exists():
            raise ModelError(f"{package_files}: cannot build a stand-in, {name} is missing")
    folder_name = f"translate-nl_en-standin-{shape}-n{eos_after}"
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=dest_dir) as tmp:
        root = Path(tmp) / folder_name
        root.mkdir()
        _copy_package_files(package_files, root)
        _write_metadata(package_files, root, shape, eos_after)
        _write_model(package_files, root / "model", SHAPES[shape], eos_after, seed)
        target = dest_dir / f"{folder_name}.argosmodel"
        partial = Path(tmp) / target.name
        _zip_folder(root, partial)
        partial.replace(target)
    return target


def write_standin(package_files: Path, output: Path, shape: str = "tiny", eos_after: int = 30) -> Path:
    """Build the stand-in and put it at `output` in one step (no half-written file)."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".standin-") as tmp:
        os.replace(build_standin_argosmodel(package_files, Path(tmp), shape=shape, eos_after=eos_after), output)
    return output


def find_package_files(environ: dict[str, str] | None = None) -> Path:
    """The real nl->en package files (without weights) a stand-in is built over:
    `$PIPELINE_SHARED/models/translate-nl_en-1_8`, else `../shared/models/...` beside
    this source checkout or beside the current folder. ModelError names the places
    looked in and the way out."""
    environ = os.environ if environ is None else environ
    checkout = Path(__file__).resolve().parent.parent
    places = [Path(environ["PIPELINE_SHARED"]) / _PACKAGE_FILES] if environ.get("PIPELINE_SHARED") else []
    for root in (checkout, Path.cwd()):  # an installed package is not inside the checkout
        if root.parent / "shared" / _PACKAGE_FILES not in places:
            places.append(root.parent / "shared" / _PACKAGE_FILES)
    for place in places:
        if all((place / name).is_file() for name in _REQUIRED):
            return place
    raise ModelError(
        f"cannot build a stand-in: the Argos nl->en package files (metadata.json, sentencepiece.model, "
        f"model/config.json, model/shared_vocabulary.json; the weights are not needed) are not in "
        f"{' or '.join(str(p) for p in places)}; pass their folder with --from PATH"
    )


def _copy_package_files(source: Path, root: Path) -> None:
    for name in _COPIED:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        elif src.is_file():
            shutil.copy2(src, root / name)
    readme = (source / "README.md").read_text(encoding="utf-8") if (source / "README.md").is_file() else ""
    notice = (
        f"# {STANDIN_NOTICE}\n\n"
        "Synthetic weights built by pipeline.standin for tests and benchmarks. The output is\n"
        "gibberish made of real subwords. The tokenizer, vocabulary and Stanza files below are\n"
        "copied from the real package, whose README follows.\n\n"
    )
    (root / "README.md").write_text(notice + readme, encoding="utf-8")


def _write_metadata(source: Path, root: Path, shape: str, eos_after: int) -> None:
    metadata = json.loads((source / "metadata.json").read_text(encoding="utf-8"))
    version = metadata.get("package_version", "0")
    metadata["package_version"] = f"{version}+standin.{shape}.n{eos_after}"  # PEP 440 local version
    metadata["description"] = STANDIN_NOTICE
    metadata["standin"] = {"shape": shape, "eos_after": eos_after, "notice": STANDIN_NOTICE}
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")


def _write_model(source: Path, model_dir: Path, shape: Shape, eos_after: int, seed: int) -> None:
    import ctranslate2

    config = json.loads((source / "model" / "config.json").read_text(encoding="utf-8"))
    vocabulary = json.loads((source / "model" / "shared_vocabulary.json").read_text(encoding="utf-8"))
    spec = _build_spec(shape, vocabulary, config, eos_after, seed)

    class _SpecConverter(ctranslate2.converters.Converter):
        def _load(self):
            return spec

    _SpecConverter().convert(str(model_dir), quantization="int8", force=True)


def _build_spec(shape: Shape, vocabulary: list[str], config: dict, eos_after: int, seed: int):
    import numpy as np
    from ctranslate2.specs import TransformerSpec

    rng = np.random.default_rng(seed)
    d, vocab_size = shape.d_model, len(vocabulary)
    eos_id = vocabulary.index(config.get("eos_token", "</s>"))
    u = rng.standard_normal(d).astype(np.float32)
    u -= u.mean()  # zero mean: layer norm's centring leaves the u-component alone
    u /= np.linalg.norm(u)

    def away_from_u(matrix):
        """Remove the component along u from the output side (rows index outputs)."""
        matrix = np.asarray(matrix, dtype=np.float32)
        if matrix.ndim == 1:
            return matrix - u * (matrix @ u)
        return matrix - np.outer(u, u @ matrix)

    def dense(rows, cols):
        return (rng.standard_normal((rows, cols)) / np.sqrt(cols)).astype(np.float32)

    spec = TransformerSpec.from_config((shape.layers, shape.layers), shape.heads, pre_norm=False)
    for name, value in config.items():
        spec.config.add_attribute(name, value)  # the package's own special tokens and flags

    def fill_norm(norm):
        norm.gamma = np.ones(d, dtype=np.float32)
        norm.beta = np.zeros(d, dtype=np.float32)

    def fill_linear(linear, rows, cols, zero=False, orthogonal=False):
        weight = np.zeros((rows, cols), dtype=np.float32) if zero else dense(rows, cols)
        linear.weight = away_from_u(weight) if orthogonal else weight
        linear.bias = np.zeros(rows, dtype=np.float32)

    def fill_block(layer, decoder: bool):
        out_zero = decoder and shape.zero_decoder_blocks
        fill_linear(layer.self_attention.linear[0], 3 * d, d)
        fill_linear(layer.self_attention.linear[1], d, d, zero=out_zero, orthogonal=decoder)
        fill_norm(layer.self_attention.layer_norm)
        if decoder:
            fill_linear(layer.attention.linear[0], d, d)
            fill_linear(layer.attention.linear[1], 2 * d, d)
            fill_linear(layer.attention.linear[2], d, d, zero=out_zero, orthogonal=True)
            fill_norm(layer.attention.layer_norm)
        fill_linear(layer.ffn.linear_0, shape.ffn, d)
        fill_linear(layer.ffn.linear_1, d, shape.ffn, zero=out_zero, orthogonal=decoder)
        fill_norm(layer.ffn.layer_norm)

    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = (rng.standard_normal((vocab_size, d)) / np.sqrt(d)).astype(np.float32)
    encoder.position_encodings.encodings = _sinusoids(shape.max_positions, d)
    for layer in encoder.layer:
        fill_block(layer, decoder=False)

    decoder.embeddings.weight = away_from_u(
        (rng.standard_normal((vocab_size, d)) / np.sqrt(d)).astype(np.float32).T
    ).T.copy()
    positions = away_from_u(_sinusoids(shape.max_positions, d).T).T.copy()
    positions[eos_after:] += 1000.0 * u  # swamps everything else after layer norm
    decoder.position_encodings.encodings = positions
    for layer in decoder.layer:
        fill_block(layer, decoder=True)
    projection = dense(vocab_size, d) * 4.0  # spread the logits so the beam has clear winners
    projection = projection - np.outer(projection @ u, u)  # no token but </s> reads the u direction
    projection[eos_id] = (_EOS_LOGIT / np.sqrt(d)) * u
    decoder.projection.weight = projection
    bias = np.zeros(vocab_size, dtype=np.float32)
    bias[eos_id] = _EOS_BIAS
    for token in ("<unk>", "<s>", "<pad>"):
        if token in vocabulary:
            bias[vocabulary.index(token)] = -1000.0  # keep special tokens out of the output
    decoder.projection.bias = bias

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def _sinusoids(length: int, depth: int):
    import numpy as np

    half = depth // 2
    scale = np.log(10000.0) / max(half - 1, 1)
    timescales = np.exp(np.arange(half, dtype=np.float32) * -scale)
    angles = np.arange(length, dtype=np.float32)[:, None] * timescales[None, :]
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1).astype(np.float32)


def _zip_folder(root: Path, target: Path) -> None:
    """Zip `root` as the single top-level folder of `target`, entries in a stable order."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        for path in sorted(root.rglob("*")):
            archive.write(path, Path(root.name) / path.relative_to(root))
