"""Resolver throughput, cold (fresh gazetteer caches) and warm (same names again), in toponyms/s.

Input: JSON Lines with "text" and "spans" (e.g. ``python -m geoeval inputs --mode gold ...``).

    python -m geoeval inputs --corpus eval/lgl.xml --mode gold > /tmp/lgl-gold.jsonl   # from shared/
    NEWSMAP_DATA_DIR=cache python benchmarks/bench_resolver.py /tmp/lgl-gold.jsonl
    NEWSMAP_DATA_DIR=cache python benchmarks/bench_resolver.py /tmp/lgl-gold.jsonl --baseline ../before --rounds 3

``--repeats N`` runs the warm pass N times and reports the fastest. The warm pass reads the same articles again, so
whatever a resolver kept from an article's other names would all be at hand there and nowhere else; ``unseen`` is
warm names in articles never read: every name's readings are looked up first (no article is resolved), the even
articles are resolved, then the odd ones are timed, once per resolver (a new one for each of the ``--repeats``,
after one that warms the gazetteer's own lookups). With ``--baseline`` (a checkout of an earlier commit), each
round runs the baseline's resolver and this one in turn, each in a fresh process, and prints both and their ratios
(wall and CPU time), so that a machine shared with other work loads both alike (``--together``: both at the same
time, each on its own core of a busy machine).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(resolver, docs: list[dict]) -> tuple[int, float, float]:
    """Toponyms resolved, wall and CPU seconds."""
    from geo.records import Mention

    started, cpu = time.perf_counter(), time.process_time()
    n = 0
    for doc in docs:
        mentions = [Mention(s, e, doc["text"][s:e], "place") for s, e in doc["spans"]]
        n += len(resolver.resolve(doc["text"], mentions))
    return n, time.perf_counter() - started, time.process_time() - cpu


def _read_names(resolver, doc: dict) -> None:
    """Keep a document's names' readings without resolving the document (Resolver.resolve's first steps)."""
    from geo.places.writing import PLAIN, how_written
    from geo.records import Mention

    text = doc["text"]
    mentions = [resolver._directional(Mention(s, e, text[s:e], "place")) for s, e in doc["spans"]]
    keys = resolver._keys(text, mentions)
    written = how_written(text, mentions, keys)
    for key in set(keys):
        resolver._readings(key, written.get(key, PLAIN))


def unseen(gazetteer, docs: list[dict]) -> tuple[int, float, float]:
    """Toponyms, wall and CPU seconds of the odd documents, their names known and the even documents resolved, by a
    new resolver on the gazetteer (whose own lookups are warm after the first)."""
    from geo.places.resolution import Resolver

    resolver = Resolver(gazetteer)
    for doc in docs:
        _read_names(resolver, doc)
    run(resolver, docs[::2])
    return run(resolver, docs[1::2])


def measure(path: str, repeats: int = 1) -> dict:
    from geo.places.gazetteer import Gazetteer
    from geo.places.resolution import Resolver
    from geo.settings import load_settings

    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    started = time.perf_counter()
    gazetteer = Gazetteer.open(load_settings().data_dir)
    opened = time.perf_counter() - started
    resolver = Resolver(gazetteer)
    n, cold, cold_cpu = run(resolver, docs)
    warm_runs = [run(resolver, docs)[1:] for _ in range(repeats)]  # the fastest: the least disturbed by other work
    warm, warm_cpu = min(w for w, _ in warm_runs), min(c for _, c in warm_runs)
    unseen(gazetteer, docs)  # the gazetteer's lookups of places that only answers read (countries, containers)
    unseen_runs = [unseen(gazetteer, docs) for _ in range(repeats)]
    unseen_n = unseen_runs[0][0]
    new, new_cpu = min(w for _, w, _ in unseen_runs), min(c for _, _, c in unseen_runs)
    return {"docs": len(docs), "toponyms": n, "opened": opened, "cold": cold, "cold_cpu": cold_cpu, "warm": warm,
            "warm_cpu": warm_cpu, "unseen_toponyms": unseen_n, "unseen": new, "unseen_cpu": new_cpu}


def report(m: dict) -> str:
    n = m["toponyms"]
    return (f"cold: {n / m['cold']:.0f} toponyms/s ({m['cold']:.2f} s, CPU {n / m['cold_cpu']:.0f}/s); "
            f"warm: {n / m['warm']:.0f} toponyms/s ({m['warm']:.2f} s, CPU {n / m['warm_cpu']:.0f}/s); "
            f"warm/cold speed-up {m['cold'] / m['warm']:.1f}x; unseen: {m['unseen_toponyms'] / m['unseen']:.0f} "
            f"toponyms/s (CPU {m['unseen_toponyms'] / m['unseen_cpu']:.0f}/s)")


def _child(checkout: Path, path: str, repeats: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    return subprocess.Popen([sys.executable, str(Path(__file__).resolve()), path, "--json", "--repeats", str(repeats)],
                            env=env, cwd=checkout, stdout=subprocess.PIPE, text=True)


def _result(child: subprocess.Popen) -> dict:
    out, _ = child.communicate()
    if child.returncode:
        raise SystemExit(f"benchmark run failed ({child.returncode})")
    return json.loads(out.splitlines()[-1])


def compare(path: str, baseline: Path, rounds: int, repeats: int, together: bool) -> None:
    runs = []
    for i in range(rounds):
        if together:  # both at once, so that other work on the machine loads both alike
            first, second = _child(baseline, path, repeats), _child(ROOT, path, repeats)
            before, now = _result(first), _result(second)
        else:
            before = _result(_child(baseline, path, repeats))
            now = _result(_child(ROOT, path, repeats))
        runs.append((before, now))
        print(f"round {i + 1}: baseline {report(before)}")
        print(f"round {i + 1}: this     {report(now)}")
    for what in ("cold", "cold_cpu", "warm", "warm_cpu", "unseen", "unseen_cpu"):
        ratio = statistics.median(b[what] / x[what] for b, x in runs)
        print(f"{what}: median speed-up over the baseline {ratio:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", help="JSON Lines with text and spans")
    parser.add_argument("--baseline", type=Path, help="a checkout to run alternately with this one")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=1, help="warm runs; the fastest is reported")
    parser.add_argument("--together", action="store_true", help="run the baseline and this checkout at the same time")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    args = parser.parse_args()
    if args.baseline:
        compare(args.path, args.baseline.resolve(), args.rounds, args.repeats, args.together)
        return
    m = measure(args.path, args.repeats)
    if args.json:
        print(json.dumps(m))
        return
    print(f"gazetteer open: {m['opened']:.2f} s; {m['toponyms']} toponyms in {m['docs']} docs")
    print(report(m))


if __name__ == "__main__":
    main()
