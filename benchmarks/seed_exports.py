"""The seeds' json, geojson and csv exports, to check that a change meant to keep behaviour kept it, byte for byte.

    .venv/bin/python benchmarks/seed_exports.py --out /tmp/before        # on the old commit
    .venv/bin/python benchmarks/seed_exports.py --compare /tmp/before    # on the new one: exit 1 if any differs

Ingests ``seeds/`` into a fresh SQLite store through the command line (``newsmap ingest``), then writes each whole-
store export with ``newsmap export --format F`` (the exports hold no time of ingest: two ingests of the same
inputs give the same bytes).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FORMATS = ("json", "geojson", "csv")


def exports(folder: Path) -> dict[str, bytes]:
    db = str(folder / "seeds.sqlite")
    newsmap = [sys.executable, "-m", "geo.cli"]
    subprocess.run([*newsmap, "ingest", "--db", db, str(REPO / "seeds")], check=True, capture_output=True, cwd=REPO)
    out = {}
    for fmt in FORMATS:
        out[fmt] = subprocess.run([*newsmap, "export", "--db", db, "--format", fmt], check=True, capture_output=True,
                                  cwd=REPO).stdout
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write seeds.json, seeds.geojson and seeds.csv to this folder")
    group.add_argument("--compare", type=Path, help="compare with the files of an earlier --out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        now = exports(Path(tmp))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for fmt, body in now.items():
            (args.out / f"seeds.{fmt}").write_bytes(body)
        print(f"wrote {', '.join(f'seeds.{f}' for f in FORMATS)} to {args.out}")
        return 0
    differ = [fmt for fmt, body in now.items() if (args.compare / f"seeds.{fmt}").read_bytes() != body]
    for fmt in FORMATS:
        print(f"seeds.{fmt}: {'DIFFERS' if fmt in differ else 'identical'} ({len(now[fmt]):,} bytes)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
