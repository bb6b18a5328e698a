"""Instructions of one warm resolution pass, counted by valgrind's callgrind: a figure that other work on a shared
machine does not change, where wall and even CPU time do (compare two checkouts' counts for a speed-up).

    NEWSMAP_DATA_DIR=cache python benchmarks/resolver_instructions.py /tmp/lgl-gold.jsonl

Runs itself under ``valgrind --tool=callgrind`` with instrumentation off, resolves the input once (cold), switches
instrumentation on (``callgrind_control``) for the second, warm pass only, and prints the count. About 2-3
minutes for LGL's gold spans.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def _inner(path: str) -> None:
    from geo.places.gazetteer import Gazetteer
    from geo.places.resolution import Resolver
    from geo.records import Mention
    from geo.settings import load_settings

    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    resolver = Resolver(Gazetteer.open(load_settings().data_dir))

    def resolve_all() -> None:
        for doc in docs:
            resolver.resolve(doc["text"], [Mention(s, e, doc["text"][s:e], "place") for s, e in doc["spans"]])

    resolve_all()
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
    resolve_all()
    subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=True, capture_output=True)


def main(path: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no",
                              f"--callgrind-out-file={Path(tmp) / 'out'}", sys.executable, __file__, path, "--inner"],
                             capture_output=True, text=True, check=True)
    found = re.search(r"Collected\s*:\s*(\d+)", run.stderr)
    print(f"warm pass: {int(found.group(1)):,} instructions" if found else run.stderr[-2000:])


if __name__ == "__main__":
    if sys.argv[2:] == ["--inner"]:
        _inner(sys.argv[1])
    else:
        main(sys.argv[1])
