"""``newsmap ingest``: read, analyse and store articles."""
from __future__ import annotations

import argparse
import sys
from typing import TextIO

from geo.cli.common import (EPILOG, GEOCODER_SETTINGS, LINE_CHARS, add_settings, brief, open_store, progress,
                            settings_from)
from geo.ingest import ENGINES
from geo.store import Store


def add_ingest(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest", help="read articles, find places, actors and events, and store them",
        description="Read articles from files, folders (recursive) or - (stdin), analyse them and store them. "
                    "Readers: .txt/.md, .json (object or list with 'text' and optional title, url, source, "
                    "published), .jsonl, .html. Re-ingesting an article is a no-op (reported as a duplicate). "
                    "Exit status: 0 all ingested or duplicates, 1 some inputs failed, 2 usage error.",
        epilog=EPILOG)
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or - for stdin")
    p.add_argument("--if-empty", action="store_true", help="do nothing when the store already holds articles")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes for the NLP (default 1); with --engine dask, the local cluster's workers")
    p.add_argument("--engine", choices=ENGINES, default=None,
                   help="where the analysis runs: this machine's processes (default), or a Dask cluster "
                        "(pip install 'newsmap[dask]'); writes always go through this process")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --engine dask); "
                        "without it --engine dask starts a local cluster of --workers processes")
    add_settings(p, "db", "data_dir", "model", "max_bytes", "max_chars", *GEOCODER_SETTINGS)
    p.set_defaults(handler=run_ingest, interrupted=INTERRUPTED)


# Each article is committed on its own and an article already stored is a duplicate, skipped before analysis:
# the same command stores what the interrupted one had not reached (tests/test_cli_clumsy.py runs it twice).
INTERRUPTED = ("the articles stored so far are kept; run the same command again to store the rest (those already "
               "stored are counted as duplicates)")


def run_ingest(args: argparse.Namespace) -> int:
    from geo.ingest.articles import iter_paths
    from geo.ingest.pipeline import make_pipeline

    settings = settings_from(args)
    store = open_store(settings)
    if args.if_empty and store.count_articles():
        return report_if_empty(store, iter_paths(args.paths, settings.max_bytes))
    pipeline = make_pipeline(settings, store)
    results = iter_paths(args.paths, settings.max_bytes)
    with progress("ingest", "article") as tick:
        engine = args.engine or ("dask" if args.scheduler else "processes")
        report = pipeline.ingest(results, progress=tick, workers=max(1, args.workers), engine=engine,
                                 scheduler=args.scheduler)
    print_report(report, sys.stdout, sys.stderr, debug=args.debug)
    return 1 if report.failed else 0


def report_if_empty(store: Store, results) -> int:  # noqa: ANN001 - iterable of articles and failures
    """--if-empty on a store that holds articles: analyse nothing, but say which inputs are already stored."""
    stored = new = 0
    for r in results:
        if hasattr(r, "id"):
            known = store.has_article(r.id)
            stored, new = stored + known, new + (not known)
    print(f"ingested 0, duplicates {stored}, failed 0 (the store already holds {store.count_articles()} articles; "
          f"--if-empty leaves {new} new input(s) alone)")
    return 0


def print_report(report, out: TextIO, err: TextIO, debug: bool = False) -> None:
    """Notes and failures one line each, cut where a value is very long (:func:`brief`), then the counts."""
    for note in report.notes:
        print(f"note: {brief(note, LINE_CHARS)}", file=err)
    for failure in report.failed:
        print(f"failed: {brief(failure.origin)}: {brief(failure.reason, LINE_CHARS)}", file=err)
        if debug and getattr(failure, "detail", ""):
            print(failure.detail.rstrip(), file=err)
    print(f"ingested {len(report.ingested)}, duplicates {len(report.duplicates)}, failed {len(report.failed)}",
          file=out)
