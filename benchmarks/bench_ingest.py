"""Ingest throughput against bare spaCy on the same texts, in the same run.

    .venv/bin/python benchmarks/bench_ingest.py [--limit N] [--workers 2] [--repeats 2]

Prints wall time, CPU time, docs/s and words/s of (a) bare ``nlp.pipe`` of the configured model, (b)
``newsmap ingest``'s pipeline into a fresh SQLite store in one process and (c) with N worker processes,
and the ratios (b)/(a) and (c)/(a); with ``--dask``, also (d) ``--engine dask`` on a LocalCluster of one worker
and of N. The NLP is the physical limit: everything newsmap adds (recognition
and resolution of places, localities, actors, events, linking, the store) should cost little next to it.

What makes the comparison fair:

- the same texts: (a) runs on the texts exactly as newsmap's reader hands them to the model (the JSON
  Lines file that (b) and (c) read), without the duplicates that ingest skips; docs/s and words/s of every
  row count the same input (all documents, all words), so the ratios are ratios of times;
- the same model: (a) is spaCy's own pipeline (``spacy.load``), every component it runs; newsmap's components
  (toponyms and actor aliases) and its faster equivalents of the attribute ruler and lemmatizer (``geo.nlp.rules``,
  the same annotations) are newsmap's work and count in (b);
- set-up excluded from both: (a) is timed after loading and warming up a fresh model (a model that has
  seen the texts has their words in its vocabulary and runs faster), (b) after building the pipeline
  (a fresh model, gazetteer, catalogue) and warming up its model; the set-up times are printed apart.
  (c) is timed whole: starting the workers and loading a model in each is part of its time;
- load: repeats run the three in rotating order, and each ratio is taken within one repeat; CPU time
  (of this process and, for (c), of the workers) is printed too, since it moves less than wall time
  when other work shares the machine. Give the load average with the figures.

Peak RSS of this process (which holds the bare model and newsmap's pipeline) and of the largest worker is
printed too; for the peak RSS of ``newsmap ingest`` itself run it under ``/usr/bin/time -v``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import eval_texts  # noqa: E402
from _timing import medians  # noqa: E402

import spacy  # noqa: E402

from geo.ingest.articles import iter_paths  # noqa: E402
from geo.ingest.pipeline import make_pipeline  # noqa: E402
from geo.records import Article  # noqa: E402
from geo.settings import load_settings  # noqa: E402
from geo.store import Store  # noqa: E402

BATCH_SIZE = 32


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers of a pool that has closed)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure(fn) -> tuple[float, float]:
    """(wall, CPU) seconds of ``fn()``."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    fn()
    return time.perf_counter() - wall, cpu_seconds() - cpu


class Runs:
    def __init__(self, settings, corpus: Path, texts: list[str], workers: int, tmp: Path) -> None:
        self.settings, self.corpus, self.texts, self.workers, self.tmp = settings, corpus, texts, workers, tmp
        self.model_load: list[float] = []
        self.setup: list[float] = []
        self.n = 0

    def bare(self) -> tuple[float, float]:
        # A fresh model each time, as newsmap's runs get: a model that has seen the texts before has their
        # words in its vocabulary already and runs faster.
        start = time.perf_counter()
        nlp = spacy.load(self.settings.model)
        nlp.max_length = max(nlp.max_length, self.settings.max_chars + 1)
        list(nlp.pipe(["warm up"] * 4))
        self.model_load.append(time.perf_counter() - start)
        return measure(lambda: list(nlp.pipe(self.texts, batch_size=BATCH_SIZE)))

    def one(self) -> tuple[float, float]:
        self.n += 1
        start = time.perf_counter()
        pipeline = make_pipeline(self.settings, Store.open(str(self.tmp / f"one-{self.n}.sqlite")))
        list(pipeline.local_analyser().nlp.pipe(["warm up"] * 4))
        self.setup.append(time.perf_counter() - start)
        return measure(lambda: self._ingest(pipeline, 1))

    def many(self) -> tuple[float, float]:
        self.n += 1
        return measure(lambda: self._ingest(make_pipeline(self.settings, Store.open(
            str(self.tmp / f"many-{self.n}.sqlite"))), self.workers))

    def dask(self, workers: int) -> tuple[float, float]:
        """``--engine dask`` on a LocalCluster of ``workers`` processes, timed whole like the worker pool: the
        cluster's start and each worker's model load count."""
        self.n += 1
        return measure(lambda: self._ingest(make_pipeline(self.settings, Store.open(
            str(self.tmp / f"dask-{self.n}.sqlite"))), workers, engine="dask"))

    def _ingest(self, pipeline, workers: int, engine: str = "processes") -> None:
        report = pipeline.ingest(iter_paths([str(self.corpus)], 10**9), workers=workers, engine=engine)
        assert not report.failed, report.failed[:3]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    ap.add_argument("--workers", type=int, default=2, help="processes for the parallel run (default 2)")
    ap.add_argument("--repeats", type=int, default=1, help="rounds of the runs, in rotating order")
    ap.add_argument("--dask", action="store_true",
                    help="also run --engine dask on a LocalCluster of 1 and of --workers processes")
    args = ap.parse_args()
    docs = eval_texts(args.limit)
    words = sum(len(d["text"].split()) for d in docs)
    tmp = Path(tempfile.mkdtemp(prefix="newsmap-bench-"))
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"title": d["title"] or d["id"], "text": d["text"],
                                          "published": d["date"]}) + "\n" for d in docs))
    read = [a for a in iter_paths([str(corpus)], 10**9) if isinstance(a, Article)]
    texts = list({a.id: a.text for a in read}.values())  # what ingest analyses: duplicates are skipped
    settings = load_settings()
    runs = Runs(settings, corpus, texts, args.workers, tmp)
    labels = {"bare": "bare nlp.pipe, 1 process", "one": "newsmap ingest, 1 process",
              "many": f"newsmap ingest, {args.workers} workers"}
    if args.dask:
        labels |= {"dask1": "newsmap ingest, dask 1 worker", "dask": f"newsmap ingest, dask {args.workers} workers"}
    results: dict[str, list[tuple[float, float]]] = {k: [] for k in labels}
    order = list(labels)
    print(f"documents: {len(docs)} ({len(texts)} distinct texts analysed), words: {words}, model: {settings.model}, "
          f"load average at start: {os.getloadavg()[0]:.2f}")
    for r in range(args.repeats):
        for key in order[r % len(order):] + order[:r % len(order)]:
            results[key].append(runs.dask(1) if key == "dask1" else runs.dask(args.workers) if key == "dask"
                                else getattr(runs, key)())
            wall, cpu = results[key][-1]
            print(f"  repeat {r + 1}: {labels[key]:28} {wall:7.1f} s wall {cpu:7.1f} s CPU "
                  f"(load {os.getloadavg()[0]:.2f})", flush=True)
    print(f"\n{'run (median of ' + str(args.repeats) + ')':34} {'wall':>8} {'CPU':>8} {'docs/s':>8} {'words/s':>8}"
          f"  {'ratio wall':>10} {'ratio CPU':>10}")
    for key, label in labels.items():
        m = medians(results[key], results["bare"])
        print(f"{label:34} {m.wall:7.1f}s {m.cpu:7.1f}s {len(docs) / m.wall:8.1f} {words / m.wall:8.0f}  "
              f"{m.ratio_wall:9.2f}x {m.ratio_cpu:9.2f}x")
    print(f"set-up, excluded above: model load {statistics.median(runs.model_load):.1f} s (bare); newsmap pipeline "
          f"{statistics.median(runs.setup):.1f} s (model, gazetteer, catalogue)")
    print("ratios: bare time / run time within each repeat (median); CPU of the workers' run includes the workers")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: this process {self_rss:.0f} MB, largest worker {child_rss:.0f} MB; "
          f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
