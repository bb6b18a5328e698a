"""Resolver throughput, cold (fresh gazetteer caches) and warm (same names again), in toponyms/s.

Input: JSON Lines with "text" and "spans" (e.g. ``python -m geoeval inputs --mode gold ...``).

    python -m geoeval inputs --corpus eval/lgl.xml --mode gold > /tmp/lgl-gold.jsonl   # from shared/
    NEWSMAP_DATA_DIR=cache python benchmarks/bench_resolver.py /tmp/lgl-gold.jsonl
"""
from __future__ import annotations

import json
import sys
import time

from geo.places.gazetteer import Gazetteer
from geo.records import Mention
from geo.places.resolution import Resolver
from geo.settings import load_settings


def run(resolver: Resolver, docs: list[dict]) -> tuple[int, float]:
    started = time.perf_counter()
    n = 0
    for doc in docs:
        mentions = [Mention(s, e, doc["text"][s:e], "place") for s, e in doc["spans"]]
        n += len(resolver.resolve(doc["text"], mentions))
    return n, time.perf_counter() - started


def main(path: str) -> None:
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    started = time.perf_counter()
    gazetteer = Gazetteer.open(load_settings().data_dir)
    opened = time.perf_counter() - started
    resolver = Resolver(gazetteer)
    n, cold = run(resolver, docs)
    _, warm = run(resolver, docs)
    print(f"gazetteer open: {opened:.2f} s; {n} toponyms in {len(docs)} docs")
    print(f"cold: {n / cold:.0f} toponyms/s ({cold:.2f} s); warm: {n / warm:.0f} toponyms/s ({warm:.2f} s); "
          f"warm/cold speed-up {cold / warm:.1f}x")


if __name__ == "__main__":
    main(sys.argv[1])
