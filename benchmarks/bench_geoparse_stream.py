"""Memory of ``newsmap geoparse`` over a long stream: does it stay flat on a million lines?

Feeds ``--lines`` generated news-like lines (a few sentences naming places, varied so caches do not
answer everything) into one ``newsmap geoparse`` process through a pipe, reads its answers as they
come, and samples the process's resident memory (VmRSS) twice a second. Prints the RSS after 1%,
10%, 50% and 100% of the lines, the peak, the ratio of the final high-water mark to the one at 10% (1.00 = flat) and
the throughput::

    NEWSMAP_DATA_DIR=cache .venv/bin/python benchmarks/bench_geoparse_stream.py --lines 1000000 --mode spans
    NEWSMAP_DATA_DIR=cache .venv/bin/python benchmarks/bench_geoparse_stream.py --lines 100000 --mode full
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLACES = ["Beirut", "Gaza", "Tehran", "Damascus", "Jerusalem", "Baghdad", "Cairo", "Amman", "Paris", "Lagos",
          "Texas", "Kyiv", "Mosul", "Aleppo", "Haifa", "Tyre", "Sidon", "Nablus", "Hebron", "Basra"]
TEMPLATES = ["Rockets were fired at {a} on day {n}, officials in {b} said.",
             "Talks between {a} and {b} resumed; a delegation from {c} arrived at noon ({n}).",
             "Protesters gathered in central {a} as police in {b} braced for more, report {n} said."]


def line(n: int, mode: str, rng: random.Random) -> str:
    a, b, c = rng.sample(PLACES, 3)
    text = rng.choice(TEMPLATES).format(a=a, b=b, c=c, n=n)
    request = {"id": str(n), "text": text}
    if mode == "spans":
        request["spans"] = [[text.index(a), text.index(a) + len(a)]]
    return json.dumps(request) + "\n"


def rss_mb(pid: int) -> float | None:
    try:
        for row in Path(f"/proc/{pid}/status").read_text().splitlines():
            if row.startswith("VmRSS:"):
                return int(row.split()[1]) / 1024
    except OSError:
        return None
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000, help="lines to stream (default 1,000,000)")
    parser.add_argument("--mode", choices=["spans", "full"], default="spans",
                        help="spans: resolve given spans (no model pass); full: recognise and resolve")
    args = parser.parse_args()
    proc = subprocess.Popen([sys.executable, "-m", "geo.cli", "geoparse"], cwd=REPO, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1 << 16)
    done = [0]
    samples: list[tuple[int, float]] = []

    def feed() -> None:
        rng = random.Random(7)
        for n in range(args.lines):
            proc.stdin.write(line(n, args.mode, rng))
        proc.stdin.close()

    def drain() -> None:
        for _ in proc.stdout:
            done[0] += 1

    start = time.perf_counter()
    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain, daemon=True)]
    for t in threads:
        t.start()
    while proc.poll() is None:
        mb = rss_mb(proc.pid)
        if mb is not None and done[0]:
            samples.append((done[0], mb))
        time.sleep(0.5)
    threads[1].join()
    wall = time.perf_counter() - start
    report(args, samples, done[0], wall, proc.returncode)


def report(args, samples: list[tuple[int, float]], done: int, wall: float, code: int) -> None:
    def at(fraction: float) -> float:
        """The high-water mark of RSS until ``fraction`` of the lines were answered."""
        return max(mb for n, mb in samples if n <= max(fraction * args.lines, samples[0][0]))

    print(f"newsmap geoparse, mode {args.mode}: {done:,} of {args.lines:,} lines answered, exit {code}, "
          f"{wall:.0f} s wall, {done / wall:,.0f} lines/s, load {os.getloadavg()[0]:.1f}")
    for fraction in (0.01, 0.1, 0.5, 1.0):
        print(f"  RSS after {fraction:>4.0%} of the lines: {at(fraction):7.1f} MB")
    peak = max(mb for _, mb in samples)
    print(f"  peak RSS {peak:.1f} MB; final / at-10% = {at(1.0) / at(0.1):.2f} (1.00 = flat)")


if __name__ == "__main__":
    main()
