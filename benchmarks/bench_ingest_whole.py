"""Whole commands at equal processes: ``newsmap ingest --workers N FOLDER`` against a bare spaCy script with
``nlp.pipe(texts, n_process=N)`` on the same texts, each timed from its start to its end (interpreter, imports,
model and gazetteer loads included), in turn, A B A B.

    .venv/bin/python benchmarks/bench_ingest_whole.py [--corpus GeoVirus.xml] [--processes 2] [--runs 3]
                                                      [--before CHECKOUT]

The texts of one evaluation corpus are written one per .txt file (as a newsroom's drop folder would hold them).
``newsmap ingest`` runs into a fresh SQLite store each time ("fresh"), and once more into the store of its previous
run, where every article is a duplicate ("warm": what a re-run costs). The bare script reads the same files and
runs the configured model over them with the same number of processes. ``--before`` also times ``newsmap ingest``
of another checkout (a worktree of an earlier commit, say), fresh, in the same runs: a before-and-after under the
same load. The commands run in a rotating order (bare first in the first run, newsmap first in the next...).

Prints each run and the medians of wall time, CPU time (of the command and every process it started), docs/s, and
the ratios bare / newsmap of wall and of CPU time, each taken within a run (1.0x: newsmap as fast as the parser
alone). CPU time moves less than wall time when other work shares the machine; the load average is printed.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SHARED  # noqa: E402
from _timing import medians  # noqa: E402

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


def timed(cmd: list[str], checkout: Path = REPO) -> tuple[float, float]:
    """(wall, CPU) seconds of a command run from ``checkout``; CPU counts every process it waited for."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(cmd, check=True, cwd=checkout, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, _children_cpu() - cpu


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="GeoVirus.xml", help="an evaluation corpus (default GeoVirus.xml)")
    ap.add_argument("--processes", type=int, default=2, help="processes on both sides (default 2)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each command (default 3)")
    ap.add_argument("--before", type=Path, default=None, metavar="CHECKOUT",
                    help="also time newsmap ingest of this checkout (fresh store), e.g. a worktree of main")
    args = ap.parse_args()
    from geo.settings import load_settings  # noqa: PLC0415 - after the argument check

    model = load_settings().model
    labels = {"bare": f"bare nlp.pipe(n_process={args.processes})",
              "fresh": f"newsmap ingest --workers {args.processes}, fresh store",
              "warm": f"newsmap ingest --workers {args.processes}, again (all duplicates)"}
    if args.before:
        labels["before"] = f"  the same, fresh, from {args.before.name}"
    with tempfile.TemporaryDirectory(prefix="newsmap-whole-") as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        n = write_corpus(args.corpus, folder)
        print(f"{n} texts of {args.corpus}, {args.processes} processes on each side, model {model}, "
              f"load average {os.getloadavg()[0]:.2f}")
        times: dict[str, list[tuple[float, float]]] = {key: [] for key in labels}
        for run in range(args.runs):
            commands = _commands(args, folder, Path(tmp) / f"run{run}", model)
            order = list(commands)
            for key in order[run % len(order):] + order[:run % len(order)]:
                for name, (cmd, checkout) in commands[key]:
                    times[name].append(timed(cmd, checkout))
            print(f"  run {run + 1}: " + ", ".join(f"{k} {w:.1f} s ({c:.1f} s CPU)" for k, (w, c) in
                                                   ((k, v[-1]) for k, v in times.items())) +
                  f" (load {os.getloadavg()[0]:.2f})", flush=True)
    print(f"\n{'command (median of ' + str(args.runs) + ')':52} {'wall':>7} {'CPU':>7} {'docs/s':>7} "
          f"{'bare/this':>9} {'CPU bare/this':>13}")
    for key, label in labels.items():
        m = medians(times[key], times["bare"])
        print(f"{label:52} {m.wall:6.1f}s {m.cpu:6.1f}s {n / m.wall:7.1f} {m.ratio_wall:8.2f}x {m.ratio_cpu:12.2f}x")


def _commands(args: argparse.Namespace, folder: Path, db: Path, model: str) -> dict[str, list]:
    """The commands of one run, in groups that keep their order (the warm ingest follows the fresh one)."""
    def ingest(store: Path) -> list[str]:
        return [sys.executable, "-m", "geo.cli", "ingest", "--workers", str(args.processes), "--db", str(store),
                str(folder)]
    commands = {"bare": [("bare", ([sys.executable, "-c", BARE, str(folder), str(args.processes), model], REPO))],
                "newsmap": [("fresh", (ingest(db.with_suffix(".sqlite")), REPO)),
                            ("warm", (ingest(db.with_suffix(".sqlite")), REPO))]}
    if args.before:
        commands["before"] = [("before", (ingest(db.with_name(db.name + "-before.sqlite")), args.before.resolve()))]
    return commands


if __name__ == "__main__":
    main()
