"""Builds tiny REAL Argos packages (``.argosmodel``) offline, for the translation tests and the benchmark.

A package is a zip with exactly one top folder holding ``metadata.json``, ``sentencepiece.model`` and a
CTranslate2 model in ``model/``. Nothing is downloaded: SentencePiece is trained in memory on
``tests/data/mt/corpus.txt`` and every CTranslate2 weight is set from numpy arrays.

Two kinds of weights:

* ``copy`` (guide §5, option B): the model outputs its input token for token. Layout of the model width
  ``d = P + 2 * (C + 1)``: ``P`` one-hot position dims, a ``C``-dim ±1 code per token plus an end-of-sentence
  flag, and a copy block of the same size. Every sublayer is zero except the last decoder cross-attention:
  query = decoder position, key = source position, value = the source token's code, written into the copy
  block; the output projection scores each target token by the copy block. So step *t* emits source token
  *t*; ``add_source_eos`` makes the model copy ``</s>`` and stop. ``swaps`` turns the copy into a tiny
  "dictionary": the output projection row of a target piece reads the code of its swap partner, so
  ``{"Geneva": "Genève"}`` rewrites that one piece (and nothing else) — this proves which package ran.
* ``random``: realistic sizes (transformer-base) with random weights; garbage output, for speed and for
  comparing decoders (every sentence decodes to its bound, so any difference in settings shows).

For argostranslate itself (the benchmark and ``tests/test_argos_fidelity.py``): :func:`build_minisbd_onnx`
writes a rule-based sentence splitter in MiniSBD's ONNX format to put in a package as ``minisbd/<lang>.onnx``
(else argostranslate downloads one at its first ``translate()``), and :func:`argos_environment` gives the
variables that keep argostranslate's folders (it reads them once, at import) inside a test folder.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import sentencepiece as spm
from ctranslate2.specs import transformer_spec

CORPUS = Path(__file__).resolve().parent / "data" / "mt" / "corpus.txt"
#: Words that must be single pieces, so that ``swaps`` can exchange them.
SWAP_WORDS = ("Geneva", "Genève", "جنيف", "envoy", "délégué", "المبعوث")
#: Characters the MiniSBD splitter knows beyond its training text (others cannot start a sentence).
SBD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!?…؟\"'“”‘’«»()"


def train_sentencepiece(text: str, vocab_size: int = 800, user_symbols: tuple[str, ...] = SWAP_WORDS) -> bytes:
    """A unigram SentencePiece model trained in memory; ``<unk> <s> </s>`` are ids 0, 1, 2 (what CTranslate2 expects)."""
    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([line for line in text.splitlines() if line.strip()]), model_writer=out,
        vocab_size=vocab_size, model_type="unigram", byte_fallback=True, character_coverage=1.0,
        unk_id=0, bos_id=1, eos_id=2, pad_id=-1, hard_vocab_limit=False, user_defined_symbols=list(user_symbols),
        num_threads=1, minloglevel=2, normalization_rule_name="nmt_nfkc",
    )
    return out.getvalue()


def pieces_of(sp_model: bytes) -> list[str]:
    """Every piece of a SentencePiece model, in id order."""
    sp = spm.SentencePieceProcessor(model_proto=sp_model)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _codes(size: int, dims: int, seed: int = 7) -> np.ndarray:
    """Distinct ±1 codes: the binary of the id in the first bits, random bits after (more margin)."""
    bits = int(np.ceil(np.log2(max(size, 2))))
    if bits > dims:
        raise ValueError(f"{dims} code dims cannot tell {size} tokens apart")
    rng = np.random.default_rng(seed)
    codes = rng.choice([-1.0, 1.0], size=(size, dims)).astype(np.float32)
    ids = np.arange(size)
    for b in range(bits):
        codes[:, b] = np.where((ids >> b) & 1, 1.0, -1.0)
    return codes


def _zero_layer_norm(ln: object, d: int) -> None:
    ln.gamma = np.ones(d, dtype=np.float32)            # type: ignore[attr-defined]
    if hasattr(ln, "beta"):
        ln.beta = np.zeros(d, dtype=np.float32)         # type: ignore[attr-defined]


def _linear(lin: object, out_dim: int, in_dim: int, weight: np.ndarray | None = None) -> None:
    lin.weight = weight if weight is not None else np.zeros((out_dim, in_dim), dtype=np.float32)  # type: ignore
    lin.bias = np.zeros(out_dim, dtype=np.float32)      # type: ignore[attr-defined]


def copy_model_spec(vocab: list[str], swaps: Mapping[str, str] | None = None, positions: int = 256,
                    code_dims: int = 31) -> transformer_spec.TransformerSpec:
    """A 1+1 layer, 1 head, RMSNorm Transformer whose output copies its input (with optional piece swaps)."""
    V, P, C = len(vocab), positions, code_dims
    d = P + 2 * (C + 1)
    code0, copy0 = P, P + C + 1
    eos = vocab.index("</s>")
    codes = np.zeros((V, C + 1), dtype=np.float32)
    codes[:, :C] = _codes(V, C)
    codes[eos] = 0.0
    codes[eos, C] = np.sqrt(C)                          # orthogonal to every other code, same norm
    emb = np.zeros((V, d), dtype=np.float32)
    emb[:, code0:code0 + C + 1] = codes
    pos = np.zeros((2 * P, d), dtype=np.float32)        # positions past the window wrap around
    pos[np.arange(2 * P), np.arange(2 * P) % P] = 1.0

    spec = transformer_spec.TransformerSpec.from_config((1, 1), 1, pre_norm=True, rms_norm=True)
    spec.config.add_source_eos = True
    for side in (spec.encoder, spec.decoder):
        side.scale_embeddings = False
        side.position_encodings.encodings = pos
        _zero_layer_norm(side.layer_norm, d)
    spec.encoder.embeddings[0].weight = emb
    spec.decoder.embeddings.weight = emb
    for layer in spec.encoder.layer:
        _zero_layer_norm(layer.self_attention.layer_norm, d)
        _linear(layer.self_attention.linear[0], 3 * d, d)
        _linear(layer.self_attention.linear[1], d, d)
        _zero_layer_norm(layer.ffn.layer_norm, d)
        _linear(layer.ffn.linear_0, 4, d)
        _linear(layer.ffn.linear_1, d, 4)
    layer = spec.decoder.layer[-1]
    _zero_layer_norm(layer.self_attention.layer_norm, d)
    _linear(layer.self_attention.linear[0], 3 * d, d)
    _linear(layer.self_attention.linear[1], d, d)
    _zero_layer_norm(layer.ffn.layer_norm, d)
    _linear(layer.ffn.linear_0, 4, d)
    _linear(layer.ffn.linear_1, d, 4)
    att = layer.attention
    _zero_layer_norm(att.layer_norm, d)
    # After RMSNorm a one-hot position is worth sqrt(d / (1 + C)) on both sides; scale queries so that the
    # matching source position wins by ~30 logits after CTranslate2 divides by sqrt(d).
    unit = d / (1 + C)
    q = np.zeros((d, d), dtype=np.float32)
    q[np.arange(P), np.arange(P)] = 30.0 * np.sqrt(d) / unit
    kv = np.zeros((2 * d, d), dtype=np.float32)
    kv[np.arange(P), np.arange(P)] = 1.0                               # keys: source position
    kv[d + code0 + np.arange(C + 1), code0 + np.arange(C + 1)] = 1.0   # values: source token code
    out = np.zeros((d, d), dtype=np.float32)
    out[copy0 + np.arange(C + 1), code0 + np.arange(C + 1)] = 1.0      # into the copy block
    _linear(att.linear[0], d, d, q)
    _linear(att.linear[1], 2 * d, d, kv)
    _linear(att.linear[2], d, d, out)

    index = {piece: i for i, piece in enumerate(vocab)}
    partner = np.arange(V)
    for a, b in (swaps or {}).items():
        for word_a, word_b in ((a, b), (b, a)):
            ia = index.get(word_a, index.get("▁" + word_a))
            ib = index.get(word_b, index.get("▁" + word_b))
            if ia is None or ib is None:
                raise ValueError(f"swap {a!r}↔{b!r}: both must be single pieces of the vocabulary")
            partner[ia] = ib
    proj = np.zeros((V, d), dtype=np.float32)
    proj[:, copy0:copy0 + C + 1] = 2.0 * codes[partner]
    spec.decoder.projection.weight = proj
    bias = np.zeros(V, dtype=np.float32)
    copied = 2.0 * C * np.sqrt(d / (1 + C)) * np.sqrt(d / (1 + C + C * unit))   # ≈ logit of a copied token
    bias[eos] = 0.3 * copied                            # stops beams once the source has run out
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def random_model_spec(vocab: list[str], layers: int = 6, d_model: int = 512, heads: int = 8, ffn: int = 2048,
                      seed: int = 3) -> transformer_spec.TransformerSpec:
    """Transformer-base shaped model with random weights (garbage output; realistic decoding cost)."""
    rng = np.random.default_rng(seed)
    V, d = len(vocab), d_model

    def w(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.05).astype(np.float32)

    spec = transformer_spec.TransformerSpec.from_config(layers, heads, pre_norm=True)
    for side in (spec.encoder, spec.decoder):
        _zero_layer_norm(side.layer_norm, d)
    spec.encoder.embeddings[0].weight = w(V, d)
    spec.decoder.embeddings.weight = w(V, d)
    for layer in (*spec.encoder.layer, *spec.decoder.layer):
        _zero_layer_norm(layer.self_attention.layer_norm, d)
        _linear(layer.self_attention.linear[0], 3 * d, d, w(3 * d, d))
        _linear(layer.self_attention.linear[1], d, d, w(d, d))
        _zero_layer_norm(layer.ffn.layer_norm, d)
        _linear(layer.ffn.linear_0, ffn, d, w(ffn, d))
        _linear(layer.ffn.linear_1, d, ffn, w(d, ffn))
        if hasattr(layer, "attention"):
            _zero_layer_norm(layer.attention.layer_norm, d)
            _linear(layer.attention.linear[0], d, d, w(d, d))
            _linear(layer.attention.linear[1], 2 * d, d, w(2 * d, d))
            _linear(layer.attention.linear[2], d, d, w(d, d))
    spec.decoder.projection.weight = w(V, d)
    spec.decoder.projection.bias = np.zeros(V, dtype=np.float32)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def build_minisbd_onnx(path: Path, chars: str) -> None:
    """A rule-based splitter in MiniSBD's ONNX format: a sentence ends at ``.!?…`` (or a closing quote right
    after one) followed by a space and an upper-case letter, digit or opening quote."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    units = ["<PAD>", "<UNK>", " ", *sorted(set(chars) - {" "})]
    table = {name: np.zeros(len(units), dtype=np.float32) for name in ("term", "closer", "space", "starter")}
    for i, ch in enumerate(units):
        if len(ch) != 1:
            continue
        table["term"][i] = ch in ".!?…؟"
        table["closer"][i] = ch in "\"'”’»)"
        table["space"][i] = ch == " "
        table["starter"][i] = ch.isupper() or ch.isdigit() or ch in "\"“‘«(" or (ch.isalpha() and not ch.islower())
    init = [numpy_helper.from_array(v, f"{k}_tbl") for k, v in table.items()]
    big = np.iinfo(np.int64).max
    init += [numpy_helper.from_array(np.array(v, dtype=np.int64), n) for n, v in (
        ("pad_r1", [0, 1, 0, 0]), ("pad_l1", [0, 0, 0, 1]), ("pad_l2", [0, 0, 0, 2]), ("s0", [0]), ("sm1", [-1]),
        ("s1", [1]), ("s2", [2]), ("send", [big]), ("ax1", [1]), ("ax2", [2]))]
    nodes = [helper.make_node("Gather", [f"{k}_tbl", "units"], [k]) for k in table]
    nodes += [
        helper.make_node("Pad", ["term", "pad_r1"], ["term_p"]),
        helper.make_node("Slice", ["term_p", "s0", "sm1", "ax1"], ["term_prev"]),
        helper.make_node("Mul", ["closer", "term_prev"], ["closer_end"]),
        helper.make_node("Max", ["term", "closer_end"], ["endable"]),
        helper.make_node("Pad", ["space", "pad_l1"], ["space_p"]),
        helper.make_node("Slice", ["space_p", "s1", "send", "ax1"], ["space_next"]),
        helper.make_node("Pad", ["starter", "pad_l2"], ["starter_p"]),
        helper.make_node("Slice", ["starter_p", "s2", "send", "ax1"], ["starter_next2"]),
        helper.make_node("Mul", ["endable", "space_next"], ["m1"]),
        helper.make_node("Mul", ["m1", "starter_next2"], ["m"]),
        helper.make_node("Sub", ["one", "m"], ["c0"]),
        helper.make_node("Mul", ["m", "zero"], ["z"]),
        helper.make_node("Mul", ["m", "two"], ["c2"]),
        *[helper.make_node("Unsqueeze", [x, "ax2"], [f"{x}_u"]) for x in ("c0", "z", "c2")],
        helper.make_node("Concat", ["c0_u", "z_u", "c2_u", "z_u", "z_u"], ["logits"], axis=2),
    ]
    init += [numpy_helper.from_array(np.array(v, dtype=np.float32), n) for n, v in (("one", 1.0), ("zero", 0.0),
                                                                                    ("two", 2.0))]
    graph = helper.make_graph(
        nodes, "rule_sbd",
        [helper.make_tensor_value_info("units", TensorProto.INT64, ["B", "N"]),
         helper.make_tensor_value_info("features", TensorProto.FLOAT, ["B", "N", 2])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["B", "N", 5])], init)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    vocab = {"lang": "en", "idx": 0, "cutoff": 0, "lower": False, "_id2unit": units,
             "_unit2id": {u: i for i, u in enumerate(units)}}
    config = {"feat_funcs": ["space_before", "capitalized"], "max_seqlen": 1000, "batch_size": 32,
              "skip_newline": False, "no_ssplit": False, "use_dictionary": False, "num_dict_feat": 0}
    for key, value in (("config", config), ("vocab", vocab), ("lexicon", None), ("lang_code", "en")):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value if isinstance(value, str) else json.dumps(value)
    onnx.checker.check_model(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(path))


def build_package_dir(folder: Path, from_code: str, to_code: str, *, kind: str = "copy",
                      swaps: Mapping[str, str] | None = None, version: str = "1.0", text: str | None = None,
                      vocab_size: int = 800, model_vocab: int | None = None,
                      target_prefix: str | None = None, dims: Mapping[str, int] | None = None,
                      symbols: tuple[str, ...] = (), sbd: bool = False) -> Path:
    """Write an unpacked Argos package into ``folder`` (metadata.json, sentencepiece.model, model/);
    ``dims`` sizes a random model (``layers``, ``d_model``, ``heads``, ``ffn``, ``seed``); ``symbols`` are
    extra single-piece words (for ``swaps``); ``sbd`` adds ``minisbd/<from_code>.onnx``
    (:func:`build_minisbd_onnx`), so argostranslate and LibreTranslate split sentences without a download."""
    folder.mkdir(parents=True, exist_ok=True)
    training = text if text is not None else CORPUS.read_text(encoding="utf-8")
    extra = (*symbols, target_prefix) if target_prefix else symbols          # the prefix is one piece
    sp_model = train_sentencepiece(training, vocab_size, SWAP_WORDS + tuple(extra))
    (folder / "sentencepiece.model").write_bytes(sp_model)
    vocab = pieces_of(sp_model)
    if model_vocab and model_vocab > len(vocab):       # pad to a realistic vocabulary size (never produced by SP)
        vocab += [f"<extra_{i}>" for i in range(model_vocab - len(vocab))]
    spec = copy_model_spec(vocab, swaps) if kind == "copy" else random_model_spec(vocab, **(dims or {}))
    spec.validate()
    spec.optimize(quantization="int8")
    (folder / "model").mkdir(exist_ok=True)
    spec.save(str(folder / "model"))
    meta = {"package_version": version, "argos_version": "1.9.0", "from_code": from_code, "to_code": to_code,
            "from_name": from_code, "to_name": to_code, "type": "translate", "links": []}
    if target_prefix:
        meta["target_prefix"] = target_prefix
    (folder / "metadata.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    if sbd:
        build_minisbd_onnx(folder / "minisbd" / f"{from_code}.onnx", training + SBD_CHARS)
    (folder / "README.md").write_text(f"Test package {from_code}→{to_code} ({kind} weights). Not a real model.\n",
                                      encoding="utf-8")
    return folder


def argos_environment(root: Path, *, beam: int, intra_threads: int = 1) -> dict[str, str]:
    """Environment for a hermetic argostranslate: ``HOME``, the ``XDG_*`` folders and ``ARGOS_PACKAGES_DIR``
    under ``root``, CPU int8, the given beam and threads (set before argostranslate is imported)."""
    env = {"HOME": str(root / "home"), "ARGOS_PACKAGES_DIR": str(root / "packages"),
           "ARGOS_BEAM_SIZE": str(beam), "ARGOS_INTRA_THREADS": str(intra_threads), "ARGOS_INTER_THREADS": "1",
           "ARGOS_DEVICE_TYPE": "cpu", "ARGOS_COMPUTE_TYPE": "int8", "ARGOS_DEBUG": "0"}
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[var] = str(root / var.lower())
    return env


def zip_package(folder: Path, dest: Path) -> Path:
    """Zip an unpacked package under its one top folder, as ``.argosmodel``."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, Path(folder.name) / path.relative_to(folder))
    return dest


def build_argosmodel(dest_dir: Path, from_code: str, to_code: str, **kwargs: object) -> Path:
    """Build ``translate-{from}_{to}-{version}.argosmodel`` in ``dest_dir``; returns its path."""
    version = str(kwargs.get("version", "1.0"))
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_package_dir(Path(tmp) / name, from_code, to_code, **kwargs)  # type: ignore[arg-type]
        dest_dir.mkdir(parents=True, exist_ok=True)
        return zip_package(folder, dest_dir / f"{name}.argosmodel")


#: The test packages: (from, to, swaps). Each is a copy model that rewrites one word, so the output shows
#: which package (or pivot chain) ran: en→ar "Geneva"→"جنيف", ar→en back, en→fr "Geneva"→"Genève".
TEST_PACKAGES = (("en", "ar", {"Geneva": "جنيف"}), ("ar", "en", {"جنيف": "Geneva"}),
                 ("en", "fr", {"Geneva": "Genève"}))
_INSTALLED: dict[str, Path] = {}


def installed_test_packages(root: Path) -> Path:
    """Build the :data:`TEST_PACKAGES` as ``.argosmodel`` files in ``root/dist`` and install them with
    syndicate's own installer into ``root/packages``; returns the packages folder (built once per root)."""
    from syndicate.translate.engines.argos_install import install_argosmodel

    key = str(root)
    if key not in _INSTALLED:
        packages = root / "packages"
        for src, dst, swaps in TEST_PACKAGES:
            install_argosmodel(build_argosmodel(root / "dist", src, dst, swaps=swaps), packages)
        _INSTALLED[key] = packages
    return _INSTALLED[key]
