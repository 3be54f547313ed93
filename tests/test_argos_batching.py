"""Argos output does not depend on the batch: each sentence has its own decoding bound (a function of the
sentence alone), sentences are grouped by bound, so batched == one at a time, even on random-weight models
whose every sentence decodes to its bound (the case where the old batch-wide bound changed the output)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from argos_builder import CORPUS, build_package_dir

from syndicate.config import Translation
from syndicate.translate.engines.argos import ArgosTranslator, decoding_bound
from syndicate.translate.splitter import split_spans


@pytest.fixture(scope="module")
def random_packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("argos-random")
    build_package_dir(root / "translate-en_ar-0_1", "en", "ar", kind="random", version="0.1",
                      dims={"layers": 2, "d_model": 64, "heads": 4, "ffn": 128, "seed": 5})
    return root


def _sentences(n: int) -> list[str]:
    text = CORPUS.read_text(encoding="utf-8")
    found = [" ".join(text[a:b].split()) for a, b in split_spans(text)]
    found = [s for s in found if any(ch.isalpha() for ch in s)]
    rng = random.Random(11)
    rng.shuffle(found)
    return found[:n]


def test_bound_is_a_function_of_the_sentence_alone() -> None:
    """Rounded up to a multiple of 16, capped at 256 (few groups, so batching stays fast)."""
    assert [decoding_bound(n) for n in (1, 3, 4, 50, 123, 500)] == [16, 16, 32, 112, 256, 256]


@pytest.mark.parametrize("beam", [1, 2])
def test_batched_equals_one_at_a_time_on_random_weights(random_packages: Path, beam: int) -> None:
    """60 sentences of mixed lengths plus a very long neighbour: the same output batched and alone."""
    argos = ArgosTranslator(Translation(argos_packages_dir=random_packages, beam_size=beam, max_batch_size=16))
    texts = [*_sentences(60), " ".join(_sentences(60)[:12])]
    batched = argos.translate_batch(texts, "en", "ar")
    calls = list(argos.calls)
    alone = [argos.translate_batch([t], "en", "ar")[0] for t in texts]
    differ = [i for i, (a, b) in enumerate(zip(batched, alone, strict=True)) if a != b]
    assert differ == []
    assert len(calls) <= 16 and sum(n for _, n in calls) == len(texts)
    assert len({len(x) for x in batched}) > 5          # random weights: lengths follow each sentence's bound


def test_device_compute_type_and_inter_threads(random_packages: Path, tmp_path: Path) -> None:
    """auto resolves to cpu here (no GPU) and keeps the model id; an explicit compute type changes the id
    (and the memory key); inter_threads 2 gives the same output. The options are read from the config."""
    from sites import make_site

    from syndicate.config import load_config
    from syndicate.errors import ConfigError
    from syndicate.translate.engines.argos import resolve_compute_type, resolve_device

    texts = _sentences(8)
    auto = ArgosTranslator(Translation(argos_packages_dir=random_packages))
    assert (auto.device, auto.compute_type) == (resolve_device("auto"), "int8") == ("cpu", "int8")
    assert "/" not in auto.model_id("en", "ar")
    other = ArgosTranslator(Translation(argos_packages_dir=random_packages, compute_type="int8_float32",
                                        inter_threads=2))
    assert other.model_id("en", "ar").endswith("/cpu-int8_float32")
    threaded = ArgosTranslator(Translation(argos_packages_dir=random_packages, inter_threads=2))
    assert threaded.translate_batch(texts, "en", "ar") == auto.translate_batch(texts, "en", "ar")
    assert resolve_compute_type("auto", "cuda") == "auto"
    path = make_site(tmp_path, extra='[translation]\ndevice = "cpu"\ncompute_type = "int8"\ninter_threads = 3\n')
    cfg = load_config(path, env={}).translation
    assert (cfg.device, cfg.compute_type, cfg.inter_threads) == ("cpu", "int8", 3)
    (tmp_path / "bad").mkdir()
    bad = make_site(tmp_path / "bad", extra='[translation]\ndevice = "tpu"\n')
    with pytest.raises(ConfigError, match="device"):
        load_config(bad, env={})
