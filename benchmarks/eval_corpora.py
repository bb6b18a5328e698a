"""Score the geoparser on the three development corpora (TR-News, LGL, GeoVirus) in gold-span and full mode, and
print the "tuned on / measured on" table of docs/accuracy.md.

Each corpus is scored with the shared scorer (``../shared/geoeval``) through ``newsmap geoparse`` of this checkout.
The summaries (and, with ``--details``, one TSV row per gold toponym) go to ``--out``; ``--baseline`` names an
earlier ``--out`` folder and adds the change per corpus. Leave-one-corpus-out reading: a rule or constant is chosen
on two corpora and its figure on the third is the one reported (a change that loses on a left-out corpus is not
kept), so the table prints, for each corpus, what it measures when the two others were the tuning set.

    NEWSMAP_DATA_DIR=cache .venv/bin/python benchmarks/eval_corpora.py --out /tmp/eval-now [--mode gold] \
        [--baseline /tmp/eval-before] [--limit 20]
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import CORPORA, SHARED  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NAMES = {"TR-News.xml": "TR-News", "lgl.xml": "LGL", "GeoVirus.xml": "GeoVirus"}


def score(corpus: str, mode: str, out: Path, limit: int | None, details: bool) -> dict:
    """Run the scorer on one corpus in one mode; its one-line JSON summary (also written to ``out``)."""
    system = f"cd {shlex.quote(str(ROOT))} && {shlex.quote(sys.executable)} -m geo.cli geoparse"
    stem = f"{NAMES[corpus]}-{mode}"
    cmd = [sys.executable, "-m", "geoeval", "score", "--corpus", str(SHARED / "eval" / corpus), "--mode", mode,
           "--system", system, "--json-out", str(out / f"{stem}.json")]
    if limit:
        cmd += ["--limit", str(limit)]
    if details:
        cmd += ["--details", str(out / f"{stem}.tsv")]
    env = dict(os.environ, PYTHONPATH=str(SHARED))
    subprocess.run(cmd, cwd=SHARED, env=env, check=True, stdout=subprocess.DEVNULL)
    return json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))["summary"]


def load(folder: Path, corpus: str, mode: str) -> dict | None:
    path = folder / f"{NAMES[corpus]}-{mode}.json"
    return json.loads(path.read_text(encoding="utf-8"))["summary"] if path.is_file() else None


def figure(summary: dict | None, key: str, before: dict | None) -> str:
    if summary is None or summary.get(key) is None:
        return "-"
    text = f"{summary[key]:.3f}"
    if before is not None and before.get(key) is not None:
        text += f" ({summary[key] - before[key]:+.3f})"
    return text


def table(out: Path, baseline: Path | None) -> str:
    """The markdown table: one row per left-out corpus, with the figures measured on it."""
    rows = ["| tuned on | measured on | gold spans: acc@161 | missing | full: recognition F1 "
            "| full: end-to-end acc@161 |", "|---|---|---|---|---|---|"]
    for corpus in CORPORA:
        others = " + ".join(NAMES[c] for c in CORPORA if c != corpus)
        gold, full = load(out, corpus, "gold"), load(out, corpus, "full")
        before = {m: load(baseline, corpus, m) if baseline else None for m in ("gold", "full")}
        missing = "-" if gold is None else str(gold.get("missing"))
        rows.append(f"| {others} | {NAMES[corpus]} | {figure(gold, 'acc161', before['gold'])} | {missing} | "
                    f"{figure(full, 'overlap_f1', before['full'])} | {figure(full, 'e2e_acc161', before['full'])} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the scorer's summaries")
    parser.add_argument("--mode", choices=("gold", "full", "both"), default="both")
    parser.add_argument("--corpus", choices=[NAMES[c] for c in CORPORA], action="append",
                        help="only this corpus (repeatable); default: all three")
    parser.add_argument("--limit", type=int, help="only the first N documents of each corpus (exploring)")
    parser.add_argument("--details", action="store_true", help="also write one TSV row per gold toponym")
    parser.add_argument("--baseline", type=Path, help="an earlier --out folder: print the change against it")
    parser.add_argument("--table-only", action="store_true", help="print the table of --out without scoring")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.table_only:
        modes = ("gold", "full") if args.mode == "both" else (args.mode,)
        for corpus in (c for c in CORPORA if not args.corpus or NAMES[c] in args.corpus):
            for mode in modes:
                s = score(corpus, mode, args.out, args.limit, args.details)
                print(f"{NAMES[corpus]:<9} {mode:<4} acc@161 {s['acc161']:.4f}"
                      + (f"  F1 {s['overlap_f1']:.4f}  e2e {s['e2e_acc161']:.4f}" if mode == "full" else
                         f"  missing {s['missing']}"), flush=True)
    print(table(args.out, args.baseline))


if __name__ == "__main__":
    main()
