"""Event extraction scored on two fixed halves of the WikiEvents dev split, so a rule chosen on one half is
measured on the other.

    NEWSMAP_DATA_DIR=cache .venv/bin/python benchmarks/events_halves.py [--dump DIR]

The halves: the 20 documents sorted by ``doc_id`` (plain string order), then dealt alternately: **A** takes the 1st,
3rd, 5th ... document, **B** the 2nd, 4th ... The rule was fixed before any tuning and does not look at the texts.
Dealing rather than cutting in the middle spreads each source (the ids start with the collection: VOA, road_ied,
scenario, wiki ...) over both halves; the first 10 against the last 10 left half A with 5 of the 44 attacker and
target arguments, too few to measure roles on.
Each half is ingested into a fresh SQLite store (one model and gazetteer loaded for all runs: ingest does not
carry anything from article to article, so this equals a ``newsmap ingest`` of that half alone), exported in the
JSON export schema and scored by the shared scorer (``python -m eventeval score``, run from ``../shared``).
All 20 are ingested into a third store and scored the same way.

Printed per half and for all 20: F1, precision, recall, statement recall, place accuracy, role accuracy, and
role accuracy split into initiator (gold Attacker/Killer) and target (gold Target/Victim). The scorer counts
both kinds of role together; for the split it is run again on a copy of the gold whose other kind of argument is
removed, so every figure comes from the scorer itself. ``--dump DIR`` keeps the exports and gold halves.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SHARED  # noqa: E402

from geo.actors.linking import ActorLinker  # noqa: E402
from geo.ingest.articles import iter_paths  # noqa: E402
from geo.ingest.pipeline import Pipeline, make_analyser  # noqa: E402
from geo.settings import load_settings  # noqa: E402
from geo.store import Store  # noqa: E402

GOLD = SHARED / "eval" / "wikievents-dev.jsonl"
INITIATOR_ROLES = {"Attacker", "Killer"}
TARGET_ROLES = {"Target", "Victim"}
COLUMNS = ("f1", "precision", "recall", "statement_recall", "place_acc", "role_acc", "initiator_acc", "target_acc")


def halves(lines: list[str]) -> dict[str, list[str]]:
    """{"A": the 1st, 3rd ... document by doc_id, "B": the 2nd, 4th ..., "all": every one}, as gold JSON lines."""
    ordered = sorted(lines, key=lambda line: json.loads(line)["doc_id"])
    return {"A": ordered[0::2], "B": ordered[1::2], "all": ordered}


def without_roles(line: str, roles: set[str]) -> str:
    """The gold document with the arguments of ``roles`` removed from its event mentions."""
    doc = json.loads(line)
    for event in doc["event_mentions"]:
        event["arguments"] = [a for a in event["arguments"] if a["role"] not in roles]
    return json.dumps(doc)


def scorer(*args: str) -> str:
    """stdout of ``python -m eventeval ARGS`` run from the shared folder."""
    done = subprocess.run([sys.executable, "-m", "eventeval", *args], cwd=SHARED, capture_output=True,
                          text=True, check=True)
    return done.stdout


def score(gold: Path, export: Path) -> dict[str, float]:
    """The scorer's JSON summary plus ``statement_recall`` from its per-family lines."""
    out = scorer("score", str(gold), str(export)).splitlines()
    summary = json.loads(out[-1])
    for line in out[:-1]:
        parts = line.split()
        if parts and parts[0] == "statement":
            summary["statement_recall"] = float(parts[-1])
    summary.setdefault("statement_recall", 0.0)
    return summary


def ingest(pipeline_parts: tuple, articles: Path, db: Path) -> dict:
    """Ingest ``articles`` into a fresh store at ``db``; its export. A store left in a ``--dump`` folder by an
    earlier run is removed first: ingesting into it would skip every article as a duplicate and export the earlier
    code's events."""
    analyser, settings = pipeline_parts
    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    store = Store.open(str(db))
    pipeline = Pipeline(analyser=analyser, store=store, settings=settings, max_chars=settings.max_chars,
                        linker=ActorLinker(store.actors()))
    report = pipeline.ingest(iter_paths([str(articles)], settings.max_bytes))
    if report.failed:
        raise SystemExit(f"ingest failed: {report.failed[:3]}")
    return store.export()


def measure(name: str, lines: list[str], parts: tuple, work: Path) -> dict[str, float]:
    """Every figure of one half (or of all 20)."""
    gold = work / f"gold-{name}.jsonl"
    gold.write_text("".join(line.rstrip("\n") + "\n" for line in lines), encoding="utf-8")
    articles = work / f"articles-{name}.jsonl"
    articles.write_text(scorer("articles", str(gold)), encoding="utf-8")
    export = work / f"export-{name}.json"
    export.write_text(json.dumps(ingest(parts, articles, work / f"store-{name}.sqlite")), encoding="utf-8")
    figures = score(gold, export)
    for key, drop in (("initiator_acc", TARGET_ROLES), ("target_acc", INITIATOR_ROLES)):
        only = work / f"gold-{name}-{key}.jsonl"
        only.write_text("".join(without_roles(line, drop) + "\n" for line in lines), encoding="utf-8")
        figures[key] = score(only, export)["role_acc"]
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", help="keep the gold halves, articles and exports in this folder")
    args = ap.parse_args()
    if not GOLD.is_file():
        raise SystemExit(f"WikiEvents dev split not found at {GOLD}")
    work = Path(args.dump) if args.dump else Path(tempfile.mkdtemp(prefix="newsmap-events-"))
    work.mkdir(parents=True, exist_ok=True)
    settings = load_settings()
    parts = (make_analyser(settings), settings)
    split = halves(GOLD.read_text(encoding="utf-8").splitlines())
    print(f"{'half':6} {'docs':>4} {'gold':>5} " + " ".join(f"{c:>16}" for c in COLUMNS))
    for name, lines in split.items():
        figures = measure(name, lines, parts, work)
        print(f"{name:6} {len(lines):4d} {figures['gold_events']:5d} "
              + " ".join(f"{figures[c]:16.3f}" for c in COLUMNS), flush=True)
    print(f"halves: documents sorted by doc_id, dealt alternately (A: 1st, 3rd ...; B: 2nd, 4th ...); files in {work}")


if __name__ == "__main__":
    main()
