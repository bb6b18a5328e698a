"""A canonical dump of the store after ingesting the evaluation texts, to check a speed-up changed nothing.

    .venv/bin/python benchmarks/store_dump.py --limit 300 --out /tmp/before.jsonl      # on the old commit
    .venv/bin/python benchmarks/store_dump.py --limit 300 --compare /tmp/before.jsonl  # on the new one

Ingests the first N documents of TR-News, LGL and GeoVirus (as ``bench_ingest.py`` does) into a fresh SQLite
store, then writes every row of every table, one JSON line per row, sorted: only what differs between two
identical ingests is left out (``articles.ingested_at`` and the autoincrement ``mentions.id``; ``raw`` is kept
as its sha256). ``--compare`` reports the tables whose rows differ, with a few rows of each, and exits 1.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import eval_texts  # noqa: E402

from geo.store import schema as tables  # noqa: E402
from geo.ingest.articles import iter_paths  # noqa: E402
from geo.ingest.pipeline import make_pipeline  # noqa: E402
from geo.settings import load_settings  # noqa: E402
from geo.store import Store  # noqa: E402

LEFT_OUT = {"articles": {"ingested_at"}, "mentions": {"id"}}
TABLES = ("articles", "places", "actors", "actor_affiliations", "mentions", "events", "event_actors", "event_places")


def dump_lines(store: Store, folder: str = "") -> list[str]:
    """Every row of the store's content tables as ``{"table": ..., **row}`` JSON, sorted; ``folder`` (the
    temporary folder of the corpus) is cut from the articles' ``origin``."""
    lines = []
    with store.engine.connect() as conn:
        for name in TABLES:
            table = tables.metadata.tables[name]
            cols = [c for c in table.c if c.name not in LEFT_OUT.get(name, ())]
            for row in conn.execute(sa.select(*cols)):
                values = {k: _plain(v) for k, v in row._mapping.items()}
                if name == "articles":
                    values["origin"] = values["origin"].removeprefix(folder)
                lines.append(json.dumps({"table": name, **values}, sort_keys=True))
    return sorted(lines)


def _plain(value: object) -> object:
    if isinstance(value, bytes):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def ingest(limit: int | None, workers: int) -> list[str]:
    docs = eval_texts(limit)
    tmp = Path(tempfile.mkdtemp(prefix="newsmap-dump-"))
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"title": d["title"] or d["id"], "text": d["text"],
                                          "published": d["date"]}) + "\n" for d in docs))
    settings = load_settings()
    store = Store.open(str(tmp / "store.sqlite"))
    report = make_pipeline(settings, store).ingest(iter_paths([str(corpus)], 10**9), workers=workers)
    assert not report.failed, report.failed[:3]
    return dump_lines(store, f"{tmp}/")


def compare(old: list[str], new: list[str], show: int = 3) -> list[str]:
    """One line per table whose rows differ (with up to ``show`` rows only in each side); empty when equal."""
    def by_table(lines: list[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for line in lines:
            out.setdefault(json.loads(line)["table"], set()).add(line)
        return out
    a, b = by_table(old), by_table(new)
    problems = []
    if len(old) != len(new):
        problems.append(f"{len(old)} rows before, {len(new)} now")
    for name in TABLES:
        gone, added = sorted(a.get(name, set()) - b.get(name, set())), sorted(b.get(name, set()) - a.get(name, set()))
        if gone or added:
            problems.append(f"{name}: {len(gone)} rows only before, {len(added)} only now\n  - "
                            + "\n  - ".join(gone[:show]) + "\n  + " + "\n  + ".join(added[:show]))
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    ap.add_argument("--workers", type=int, default=1, help="ingest with N worker processes")
    ap.add_argument("--out", type=Path, help="write the dump to this file")
    ap.add_argument("--compare", type=Path, help="compare with a dump written earlier by --out")
    args = ap.parse_args()
    lines = ingest(args.limit, args.workers)
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    counts: dict[str, int] = {}
    for line in lines:
        counts[json.loads(line)["table"]] = counts.get(json.loads(line)["table"], 0) + 1
    print(f"{len(lines)} rows, sha256 {digest[:16]}; " + ", ".join(f"{t} {counts.get(t, 0)}" for t in TABLES))
    if args.out:
        args.out.write_text("\n".join(lines) + "\n")
    if args.compare:
        problems = compare(args.compare.read_text().splitlines(), lines)
        print("\n".join(problems) if problems else f"identical to {args.compare}")
        sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
