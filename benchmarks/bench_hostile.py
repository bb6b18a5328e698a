"""Worst-case articles against news of the same length: how much longer does one hostile article take to analyse?

    NEWSMAP_DATA_DIR=cache .venv/bin/python benchmarks/bench_hostile.py [--chars 100000] [--runs 2]

An ingest reads untrusted files, and one article that costs the square of its length stalls every article after
it. Each case below is built to reach a cost that grows faster than the text: one endless sentence full of
triggers (no full stop), one name said thousands of times, thousands of towns listed before their state, a
sentence that names a place, a union and a meeting over and over, a thousand bodies each named once. Each is analysed by the default analyser
(``geo.ingest.pipeline.make_analyser``: the model, places, actors, events, grouping) at ``--chars`` characters
and at a quarter of that, beside the seed articles repeated to the same lengths (news with full stops, the
baseline). Printed per case: seconds at both sizes, the growth from the quarter to the whole (4.0x is linear,
16x quadratic) and the ratio to news of the same length, each the median of ``--runs``.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.ingest.pipeline import make_analyser  # noqa: E402
from geo.records import Article  # noqa: E402
from geo.settings import load_settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent

CASES = {
    "endless sentence of strikes": "the car was striking ",
    "one name said again and again": "Karim Haddad met Haddad in Tyre and ",
    "towns listed before their state": "Dover, ",
    "places, unions and meetings, no full stop": "Jets struck the car in Gaza and union workers met the goal ",
    "many distinct organisation names": "",  # built by distinct_bodies
}
#: Words of made-up bodies' names ("the Eastfield Potters Guild"): 20 x 20 x 10 distinct names, one a sentence.
PLACES = ("North South East West Upper Lower Grand Royal Central Coastal Valley River Harbour Mountain Lake Forest "
          "Prairie Island Desert Canyon").split()
TRADES = ("Farmers Miners Teachers Nurses Bakers Drivers Pilots Sailors Weavers Potters Masons Millers Fishers "
          "Brewers Printers Tailors Smiths Carvers Painters Singers").split()
BODIES = "Association Union Council Federation Guild Society League Alliance Board Institute".split()


def news(chars: int) -> str:
    """The seed articles, repeated to ``chars`` characters: the baseline."""
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").iterdir()))
    return (seeds * (chars // len(seeds) + 1))[:chars]


def distinct_bodies(chars: int) -> str:
    """Sentences that each name another body (about a thousand in 110,000 characters): an article's reading
    compared each new body's name with every body drafted before it."""
    sentences, size = [], 0
    for place, trade, body in itertools.product(PLACES, TRADES, BODIES):
        sentences.append(f"Officials of the {place}field {trade} {body} met on Tuesday to discuss the budget. ")
        size += len(sentences[-1])
        if size >= chars:
            break
    return "".join(sentences)[:chars]


def built(unit: str, chars: int) -> str:
    if not unit:
        return distinct_bodies(chars)
    text = unit * (chars // len(unit))
    return text + "Delaware" if unit == "Dover, " else text


def timed(analyser, text: str, runs: int) -> float:
    """Median seconds to analyse ``text`` as one article."""
    seconds = []
    for n in range(runs):
        started = time.perf_counter()
        list(analyser.analyse_many([Article(id=f"bench{n}", text=text)]))
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=100_000, help="the whole size (default 100,000 characters)")
    ap.add_argument("--runs", type=int, default=2, help="runs per size; the median is printed")
    args = ap.parse_args()
    settings = load_settings()
    analyser = make_analyser(settings)
    timed(analyser, news(2_000), 1)  # the model's and gazetteer's first calls out of the figures
    small, whole = args.chars // 4, args.chars
    base = {n: timed(analyser, news(n), args.runs) for n in (small, whole)}
    print(f"{'case':45s} {small:>9,d} ch {whole:>9,d} ch  growth  vs news")
    print(f"{'news (the seeds repeated): the baseline':45s} {base[small]:10.2f} s {base[whole]:10.2f} s "
          f"{base[whole] / base[small]:6.1f}x    1.0x")
    for name, unit in CASES.items():
        a, b = timed(analyser, built(unit, small), args.runs), timed(analyser, built(unit, whole), args.runs)
        print(f"{name:45s} {a:10.2f} s {b:10.2f} s {b / a:6.1f}x {b / base[whole]:6.1f}x")


if __name__ == "__main__":
    main()
