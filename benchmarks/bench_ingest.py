"""Ingest throughput against bare spaCy on the same texts, in the same run.

    .venv/bin/python benchmarks/bench_ingest.py [--limit N] [--workers 2]

Prints docs/s and words/s of (a) bare ``nlp.pipe`` of the configured model, (b)
``newsmap ingest``'s pipeline into a fresh SQLite store with one process and (c)
with N worker processes, and the ratios (b)/(a) and (c)/(a). The NLP is the
physical limit: everything newsmap adds (geoparsing, actors, events, the store)
should cost little next to it. Peak RSS of this process and of the workers is
printed too.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import eval_texts  # noqa: E402

from geo.articles import iter_paths  # noqa: E402
from geo.nlp import load_model  # noqa: E402
from geo.pipeline import make_pipeline  # noqa: E402
from geo.settings import load_settings  # noqa: E402
from geo.store import Store  # noqa: E402


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    ap.add_argument("--workers", type=int, default=2, help="processes for the parallel run (default 2)")
    args = ap.parse_args()
    docs = eval_texts(args.limit)
    words = sum(len(d["text"].split()) for d in docs)
    tmp = Path(tempfile.mkdtemp(prefix="newsmap-bench-"))
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"title": d["title"] or d["id"], "text": d["text"],
                                          "published": d["date"]}) + "\n" for d in docs))
    settings = load_settings()
    nlp = load_model(settings.model)
    list(nlp.pipe(["warm up"] * 4))

    bare = timed(lambda: list(nlp.pipe((d["text"] for d in docs), batch_size=32)))
    one = timed(lambda: ingest(settings, tmp / "one.sqlite", corpus, 1))
    many = timed(lambda: ingest(settings, tmp / "many.sqlite", corpus, args.workers))

    print(f"documents: {len(docs)}, words: {words}, model: {settings.model}")
    for label, secs in (("bare nlp.pipe (1 process)", bare), ("newsmap ingest, 1 process", one),
                        (f"newsmap ingest, {args.workers} workers", many)):
        print(f"{label:34} {secs:7.1f} s  {len(docs) / secs:7.1f} docs/s  {words / secs:8.0f} words/s")
    print(f"ratio ingest/bare, 1 process:  {bare / one:.2f}x")
    print(f"ratio ingest/bare, {args.workers} workers:  {bare / many:.2f}x")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: this process {self_rss:.0f} MB, largest worker {child_rss:.0f} MB")


def ingest(settings, db: Path, corpus: Path, workers: int) -> None:
    store = Store.open(str(db))
    report = make_pipeline(settings, store).ingest(iter_paths([str(corpus)], 10**9), workers=workers)
    assert not report.failed, report.failed[:3]


if __name__ == "__main__":
    main()
