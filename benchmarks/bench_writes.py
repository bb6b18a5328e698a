"""How fast the one writer of an ingest stores analyses, on SQLite and on PostgreSQL: the ceiling of a distributed
ingest, where the analysis is spread over many machines and every result comes back to one writer.

    .venv/bin/python benchmarks/bench_writes.py [--limit 300] [--pg postgresql://postgres@127.0.0.1:5432/postgres]

Analyses the first N evaluation documents once (not timed), then writes the same analyses into a fresh SQLite store
and a fresh PostgreSQL database (created and dropped here), and prints articles/s of writing alone (wall and CPU of
this process: the database server's own CPU is not in the CPU figure), with the analysis' own time for comparison.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import eval_texts  # noqa: E402

from geo.ingest.articles import make_article  # noqa: E402
from geo.ingest.pipeline import make_analyser  # noqa: E402
from geo.records import Analysis, ArticleFailure  # noqa: E402
from geo.settings import load_settings  # noqa: E402
from geo.store import Store  # noqa: E402


def timed(fn) -> tuple[float, float]:  # noqa: ANN001
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def write_all(store: Store, analyses: list[Analysis]) -> None:
    for analysis in analyses:
        assert store.write(analysis)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=300, help="documents (default 300)")
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres",
                    help="an admin URL of the PostgreSQL server")
    args = ap.parse_args()
    docs = eval_texts(args.limit)
    made = (make_article({"text": d["text"], "title": d["title"]}, d["id"], d["text"].encode()) for d in docs)
    articles = list({a.id: a for a in made}.values())
    analyser = make_analyser(load_settings())
    analysed: list[Analysis] = []
    wall, cpu = timed(lambda: analysed.extend(a for a in analyser.analyse_many(articles)
                                              if not isinstance(a, ArticleFailure)))
    n = len(analysed)
    print(f"{n} articles; analysis in one process: {n / wall:.1f} articles/s wall, {cpu / n * 1000:.0f} ms CPU each")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "w.sqlite"))
        wall, cpu = timed(lambda: write_all(store, analysed))
        print(f"SQLite writes:     {n / wall:7.1f} articles/s wall, {cpu / n * 1000:5.1f} ms CPU each (writer)")
    admin = sa.create_engine(args.pg, isolation_level="AUTOCOMMIT")
    name = f"newsmap_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        store = Store.open(sa.engine.make_url(args.pg).set(database=name).render_as_string(hide_password=False))
        wall, cpu = timed(lambda: write_all(store, analysed))
        store.close()
        print(f"PostgreSQL writes: {n / wall:7.1f} articles/s wall, {cpu / n * 1000:5.1f} ms CPU each (writer)")
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
