"""Whole commands at equal processes: ``newsmap ingest --workers N FOLDER`` against a bare spaCy script with
``nlp.pipe(texts, n_process=N)`` on the same texts, each timed from its start to its end (interpreter, imports,
model and gazetteer loads included), in turn, A B A B.

    .venv/bin/python benchmarks/bench_ingest_whole.py [--corpus GeoVirus.xml] [--processes 2] [--runs 3]

The texts of one evaluation corpus are written one per .txt file (as a newsroom's drop folder would hold them).
``newsmap ingest`` runs into a fresh SQLite store each time ("fresh"), and once more into the store of its previous
run, where every article is a duplicate ("warm": what a re-run costs). The bare script reads the same files and
runs the configured model over them with the same number of processes. Prints each run and the medians, docs/s
and the ratio bare time / newsmap time (1.0x: newsmap as fast as the parser alone).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SHARED  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BARE = """
import sys, pathlib, spacy
folder, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
nlp = spacy.load(sys.argv[3])
for _ in nlp.pipe(texts, batch_size=64, n_process=n):
    pass
"""


def write_corpus(name: str, folder: Path) -> int:
    sys.path.insert(0, str(SHARED))
    from geoeval import corpora  # noqa: PLC0415 - the shared scorer's loader

    docs = corpora.load(str(SHARED / "eval" / name))
    for i, doc in enumerate(docs):
        (folder / f"{i:04d}.txt").write_text(doc.text, encoding="utf-8")
    return len(docs)


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="GeoVirus.xml", help="an evaluation corpus (default GeoVirus.xml)")
    ap.add_argument("--processes", type=int, default=2, help="processes on both sides (default 2)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each command (default 3)")
    args = ap.parse_args()
    from geo.settings import load_settings  # noqa: PLC0415 - after the argument check

    model = load_settings().model
    with tempfile.TemporaryDirectory(prefix="newsmap-whole-") as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        n = write_corpus(args.corpus, folder)
        print(f"{n} texts of {args.corpus}, {args.processes} processes on each side, model {model}, "
              f"load average {os.getloadavg()[0]:.2f}")
        bare_cmd = [sys.executable, "-c", BARE, str(folder), str(args.processes), model]
        times: dict[str, list[float]] = {"bare": [], "fresh": [], "warm": []}
        for run in range(args.runs):
            db = str(Path(tmp) / f"run{run}.sqlite")
            ingest = [sys.executable, "-m", "geo.cli", "ingest", "--workers", str(args.processes), "--db", db,
                      str(folder)]
            times["bare"].append(timed(bare_cmd))
            times["fresh"].append(timed(ingest))
            times["warm"].append(timed(ingest))
            print(f"  run {run + 1}: bare spaCy {times['bare'][-1]:.1f} s, newsmap ingest fresh "
                  f"{times['fresh'][-1]:.1f} s, warm {times['warm'][-1]:.1f} s (load {os.getloadavg()[0]:.2f})",
                  flush=True)
    bare = statistics.median(times["bare"])
    print(f"\n{'command (median of ' + str(args.runs) + ')':52} {'wall':>7} {'docs/s':>7} {'bare/this':>9}")
    for key, label in (("bare", f"bare nlp.pipe(n_process={args.processes})"),
                       ("fresh", f"newsmap ingest --workers {args.processes}, fresh store"),
                       ("warm", f"newsmap ingest --workers {args.processes}, again (all duplicates)")):
        wall = statistics.median(times[key])
        print(f"{label:52} {wall:6.1f}s {n / wall:7.1f} {bare / wall:8.2f}x")


if __name__ == "__main__":
    main()
