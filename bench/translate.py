"""Benchmark: argostranslate.translate() per article vs syndicate's pipeline vs raw CTranslate2.

Builds a transformer-base-sized Argos package offline (6+6 layers, d512, 8 heads, ffn 2048, 32k vocabulary,
int8, random weights: garbage output, realistic cost) with a rule-based MiniSBD sentence splitter in
MiniSBD's own ONNX format inside the package (so argostranslate never downloads one), then on the same
~100 news sentences in one process measures sentences/s of:

  (a) ``argostranslate.translate.translate()`` once per article (its own splitter, one decode per paragraph),
  (b) ``syndicate.translate.translate_articles`` (split, TM, one translate_batch, decode, HTML assembly),
  (c) raw ``ctranslate2.Translator.translate_batch`` on pre-tokenised sentences,

at equal beam, intra_threads and the same fixed ``max_decoding_length`` (random weights never emit
``</s>``, so every path decodes exactly that many steps per sentence). The three are **interleaved** in
``--rounds`` rounds in one process (the order rotates per round, so drift and a noisy neighbour hit all three
alike); each round gives its own ratios, and the script prints the **median** with the min–max:
``ratio pipeline/argostranslate: X (min–max A–B, N rounds)`` and ``ratio pipeline/raw: Y (…)``. Then re-runs
(b) warm with the same translation memory and checks it makes 0 engine calls.

Usage: ``.venv/bin/python bench/translate.py [--beam 4] [--intra-threads 2] [--max-decoding-length 48] [--rounds 5]``
The defaults are argostranslate's own (beam 4, all cores); syndicate's own defaults are beam 2, 1 thread.
Needs the ``mt``, ``argos`` and ``dev`` extras (argostranslate, onnx). Runs in a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

ARTICLES = [
    ("Envoy opens new round of talks in Geneva", "The United Nations envoy opened a new round of talks on Monday.",
     ["Delegations from both sides arrived in Geneva on Sunday evening. The envoy met each delegation separately "
      "before the first joint session.", "Officials said the agenda covers detainees, humanitarian access and a "
      "timetable for elections. Neither side expects a breakthrough this week.", "The talks are scheduled to "
      "last five days. A closing statement is expected on Friday."]),
    ("Central bank raises interest rate", "The central bank raised its main rate by half a point.",
     ["Prices rose by 2.5 percent in February, faster than economists expected. The bank said inflation would "
      "remain high until the summer.", "Exporters welcomed the decision because the currency gained against the "
      "dollar. Importers warned that higher borrowing costs would hurt small shops.", "The governor will present "
      "the quarterly report to parliament next Tuesday."]),
    ("Aid convoy reaches northern towns", "Trucks carrying food and medicine reached three towns in the north.",
     ["The convoy left the capital at dawn and crossed two checkpoints without incident. Local councils "
      "distributed the supplies to more than forty thousand people.", "Aid workers said winter clothes and "
      "blankets were most urgently needed. Many families have lived in tents since the autumn.", "The United "
      "Nations called for regular access to all districts. Another convoy is planned for next week."]),
    ("Schools reopen after two months", "Teachers returned to classrooms in the city on Sunday.",
     ["Parents lined up outside the gates early in the morning. Some schools still lack heating and windows.",
      "The education ministry promised to repair the damaged buildings before the exams. Volunteers painted "
      "walls and cleaned the yards over the weekend.", "Students will follow a shortened programme until June."]),
    ("Farmers worry about late rain", "The harvest is expected to be smaller than last year.",
     ["Farmers in the south said the rain came six weeks late. Wheat fields dried out during the warm winter.",
      "The agriculture ministry will buy the crop at a fixed price. Farmers asked for help with seeds and fuel "
      "instead.", "Bread prices could rise later this year if imports are needed."]),
    ("Electricity restored to most districts", "Power came back after repairs to the main station.",
     ["Engineers worked through the night to replace damaged cables. The local council said water pumps are "
      "running again.", "Some neighbourhoods will still have power cuts of four hours a day. Residents were "
      "asked to save energy in the evening.", "A second station is due to reopen in the spring."]),
    ("Journalists visit the camp for the first time", "Reporters were allowed into the camp on Wednesday.",
     ["The camp holds about twelve thousand people, most of them women and children. Residents described long "
      "queues for water and food.", "A doctor said the clinic sees two hundred patients a day. Medicines for "
      "chronic illnesses are running short.", "Officials promised to allow regular visits from now on."]),
    ("Ministers discuss reconstruction", "Ministers from twelve countries met to discuss reconstruction.",
     ["The conference focused on housing, roads and hospitals. Donors pledged new funds but gave few details.",
      "Several ministers said money would depend on political progress. Others called for aid without "
      "conditions.", "The next meeting will be held in the autumn."]),
    ("Border crossing reopens", "Trucks and travellers crossed the border again on Thursday.",
     ["Residents said they had waited for hours in the heat. Customs officers checked every vehicle by hand.",
      "Traders hope the crossing will lower the price of fruit and vegetables. The road had been closed for "
      "nine months.", "Officials said the crossing will stay open from six in the morning until eight at night."]),
    ("New budget increases health spending", "Parliament approved the budget late on Tuesday.",
     ["Spending on health and education will rise by ten percent. Salaries of public employees remain frozen.",
      "The opposition voted against the budget and called it unrealistic. The finance minister said revenue "
      "from exports would cover the deficit.", "The budget takes effect on the first of March."]),
    ("Hospital opens new wing", "A new children's wing opened at the general hospital.",
     ["The wing has forty beds and two operating rooms. It was built with money from local donors.",
      "Doctors said waiting times should fall by half. Nurses are still being hired.",
      "The health minister attended the opening on Saturday. She promised two more clinics this year."]),
    ("Negotiators agree on prisoner exchange", "Both sides agreed to release fifty detainees each.",
     ["The exchange will take place at a checkpoint outside the city. The Red Cross will supervise it.",
      "Families gathered outside the prison after the announcement. Some have not seen their relatives for "
      "three years.", "Mediators called the deal a first step. They hope it will build trust before the next round."]),
    ("Storm damages harbour", "High winds damaged boats and warehouses in the harbour.",
     ["Fishermen said at least twenty boats sank during the night. No one was injured.",
      "The port authority closed the harbour until Monday. Repairs could take several weeks.",
      "Insurance companies sent experts to assess the damage. Traders fear delays for imported goods."]),
    ("Library reopens with digital archive", "The city library reopened after a long renovation.",
     ["Visitors can now read old newspapers on screens. The archive covers more than a century of local news.",
      "Librarians spent two years scanning fragile pages. Volunteers helped to catalogue the photographs.",
      "Entry remains free for students and pensioners."]),
]


def article_texts() -> list[str]:
    return ["\n".join([title, summary, *paragraphs]) for title, summary, paragraphs in ARTICLES]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--beam", type=int, default=4,
                        help="beam of every path (default 4: argostranslate's own default)")
    parser.add_argument("--max-decoding-length", type=int, default=48)
    parser.add_argument("--intra-threads", type=int, default=2,
                        help="CTranslate2 intra_threads of every path (default 2: argostranslate's "
                             "default 0 = all cores, i.e. 2 on the 2-core reference machine)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="interleaved rounds of (a), (b), (c); the median ratio is reported (default 5)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-mt-"))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(tmp / var.lower())
    os.environ.update(ARGOS_PACKAGES_DIR=str(tmp / "packages"), ARGOS_INTRA_THREADS=str(args.intra_threads),
                      ARGOS_INTER_THREADS="1", ARGOS_BEAM_SIZE=str(args.beam), ARGOS_DEVICE_TYPE="cpu",
                      ARGOS_COMPUTE_TYPE="int8", ARGOS_DEBUG="0")

    from argos_builder import CORPUS, build_minisbd_onnx, build_package_dir, zip_package

    from syndicate.translate.engines.argos_install import install_argosmodel
    from syndicate.translate.splitter import split_sentences

    texts = article_texts()
    sentences = [s for t in texts for s in split_sentences(t)]
    training = CORPUS.read_text(encoding="utf-8") + "\n" + "\n".join(texts)
    started = time.perf_counter()
    folder = build_package_dir(tmp / "build" / "translate-en_ar-9_9_bench", "en", "ar", kind="random",
                               version="9.9", text=training, vocab_size=2000, model_vocab=32000)
    build_minisbd_onnx(folder / "minisbd" / "en.onnx", training)
    pkg = install_argosmodel(zip_package(folder, tmp / "bench.argosmodel"), tmp / "packages")
    size = (tmp / "bench.argosmodel").stat().st_size / 1e6
    print(f"built {pkg.code}: 6+6 layers d512 h8 ffn2048 V32000 int8, {size:.1f} MB, "
          f"{time.perf_counter() - started:.1f}s")
    print(f"corpus: {len(ARTICLES)} articles, {len(sentences)} sentences, "
          f"{sum(len(s.split()) for s in sentences)} words; beam {args.beam}, intra_threads {args.intra_threads}, "
          f"max_decoding_length {args.max_decoding_length}")
    bound = args.max_decoding_length

    # (a) argostranslate, per article ---------------------------------------------------------------
    t0 = time.perf_counter()
    import argostranslate.translate as at
    import ctranslate2
    print(f"import argostranslate: {time.perf_counter() - t0:.1f}s")

    translation = at.get_translation_from_codes("en", "ar")
    inner = getattr(translation, "underlying", translation)
    real = ctranslate2.Translator(str(pkg.path / "model"), device="cpu", compute_type="int8",
                                  intra_threads=args.intra_threads, inter_threads=1)

    class Bounded:
        """argostranslate sets no max_decoding_length; give it the same bound as the other paths."""
        calls = 0

        def translate_batch(self, *a: object, **kw: object) -> object:
            Bounded.calls += 1
            kw.setdefault("max_decoding_length", bound)
            return real.translate_batch(*a, **kw)

    inner.translator = Bounded()
    at.translate("Warm up. Second sentence.", "en", "ar")
    inner.sentencizer.split_sentences("Warm up.")
    argos_split = sum(len(inner.sentencizer.split_sentences(p)) for t in texts for p in t.split("\n"))
    Bounded.calls = 0

    def run_a() -> float:
        t0 = time.perf_counter()
        for text in texts:
            at.translate(text, "en", "ar")
        return time.perf_counter() - t0

    # (b) our pipeline --------------------------------------------------------------------------------
    from factories import make_article

    from syndicate.config import Translation
    from syndicate.translate.articles import translate_articles
    from syndicate.translate.engines.argos import ArgosTranslator
    from syndicate.translate.memory import InMemoryTM, TMStats

    cfg = Translation(argos_packages_dir=tmp / "packages", beam_size=args.beam, intra_threads=args.intra_threads,
                      max_batch_size=64)
    ours = ArgosTranslator(cfg, max_decoding_length=bound)
    ours.translate_batch(["Warm up."], "en", "ar")
    articles = [make_article(i, title=title, summary=summary, body_html="".join(f"<p>{p}</p>" for p in paragraphs))
                for i, (title, summary, paragraphs) in enumerate(ARTICLES, 1)]
    last: dict[str, object] = {}

    def run_b() -> float:            # each run starts from an empty translation memory
        tm, cold = InMemoryTM(), TMStats()
        t0 = time.perf_counter()
        results = translate_articles(articles, "ar", ours, tm, stats=cold)
        elapsed = time.perf_counter() - t0
        assert all(r.ok for r in results), [str(r.error) for r in results if r.error]
        last.update(tm=tm, cold=cold, results=results)
        return elapsed

    # (c) raw CTranslate2 -----------------------------------------------------------------------------
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(pkg.path / "sentencepiece.model"))
    pieces = [sp.encode(s, out_type=str) for s in sentences]
    real.translate_batch(pieces[:2], beam_size=args.beam, max_decoding_length=bound)

    def run_c() -> float:
        t0 = time.perf_counter()
        real.translate_batch(pieces, beam_size=args.beam, max_batch_size=64, batch_type="examples",
                             max_decoding_length=bound, length_penalty=0.2, replace_unknowns=True)
        return time.perf_counter() - t0

    # interleaved rounds --------------------------------------------------------------------------------
    runs = {"a": run_a, "b": run_b, "c": run_c}
    times: dict[str, list[float]] = {k: [] for k in runs}
    order = ["a", "b", "c"]
    for n in range(args.rounds):
        for key in order[n % 3:] + order[:n % 3]:
            times[key].append(runs[key]())
        print(f"round {n + 1}: (a) {times['a'][-1]:.2f}s  (b) {times['b'][-1]:.2f}s  (c) {times['c'][-1]:.2f}s  "
              f"ratios {times['a'][-1] / times['b'][-1]:.2f} / {times['c'][-1] / times['b'][-1]:.2f}", flush=True)
    cold = last["cold"]
    assert isinstance(cold, TMStats)
    for key, label in (("a", "(a) argostranslate.translate per article"),
                       ("b", "(b) syndicate translate_articles"), ("c", "(c) raw ctranslate2 translate_batch")):
        med = statistics.median(times[key])
        print(f"{label}: median {med:.2f}s, {len(sentences) / med:.1f} sentences/s "
              f"(min–max {min(times[key]):.2f}–{max(times[key]):.2f}s)")
    print(f"(a) made {Bounded.calls} translate_batch calls in all; its splitter found {argos_split} sentences; "
          f"(b) {cold.engine_calls} engine call(s) per run, {cold.segments_sent} segments")

    # warm re-run ---------------------------------------------------------------------------------------
    warm = TMStats()
    tm, results = last["tm"], last["results"]
    assert isinstance(tm, InMemoryTM) and isinstance(results, list)
    t0 = time.perf_counter()
    again = translate_articles(articles, "ar", ours, tm, stats=warm)
    t_warm = time.perf_counter() - t0
    assert [r.article for r in again] == [r.article for r in results]
    print(f"warm re-run with translation memory: {t_warm * 1000:.1f} ms, engine calls {warm.engine_calls}, "
          f"hits {warm.hits}, misses {warm.misses}")

    for name, key in (("argostranslate", "a"), ("raw", "c")):
        ratios = [x / b for x, b in zip(times[key], times["b"], strict=True)]
        print(f"ratio pipeline/{name}: {statistics.median(ratios):.2f} "
              f"(min–max {min(ratios):.2f}–{max(ratios):.2f}, {len(ratios)} rounds)")


if __name__ == "__main__":
    main()
