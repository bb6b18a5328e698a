"""The ``newsmap`` command line.

Each subcommand is a small function that builds its dependencies from the
declared settings, calls the library and prints. User errors become one line on
stderr and a non-zero exit (1: some inputs failed or the work could not be done;
2: the command line was wrong), never a traceback.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from geo import exports
from geo.errors import NewsmapError
from geo.settings import Settings, declarations, load_settings
from geo.store import Store

EPILOG = "Settings can also come from environment variables (NEWSMAP_DB, NEWSMAP_DATA_DIR, ...); see README."


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except NewsmapError as err:
        print(f"newsmap: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsmap: interrupted; everything committed so far is kept", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsmap", epilog=EPILOG,
        description="Map where news stories happen, who is involved and what happened there.")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    return parser


# -- settings as options -------------------------------------------------------

def add_settings(parser: argparse.ArgumentParser, *names: str) -> None:
    """Options for the named settings, with the help text declared in geo.settings."""
    table = {name: (default, help_, env) for name, default, help_, env in declarations()}
    for name in names:
        default, help_, env = table[name]
        parser.add_argument("--" + name.replace("_", "-"), dest=name, type=type(default), default=None,
                            metavar=name.upper(), help=f"{help_} [env {env}]")


def settings_from(args: argparse.Namespace) -> Settings:
    names = [name for name, *_ in declarations()]
    return load_settings(**{n: getattr(args, n) for n in names if hasattr(args, n)})


def open_store(settings: Settings) -> Store:
    return Store.open(settings.db_url)


# -- ingest ----------------------------------------------------------------------

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
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes for the NLP (default 1)")
    add_settings(p, "db", "data_dir", "model", "max_bytes", "max_chars", "geocoder")
    p.set_defaults(handler=run_ingest)


def run_ingest(args: argparse.Namespace) -> int:
    from geo.articles import iter_paths
    from geo.pipeline import make_pipeline

    settings = settings_from(args)
    store = open_store(settings)
    if args.if_empty and store.count_articles():
        print(f"store already holds {store.count_articles()} articles; nothing to do (--if-empty)")
        return 0
    pipeline = make_pipeline(settings, store)
    results = iter_paths(args.paths, settings.max_bytes)
    with _progress("ingest", "article") as tick:
        report = pipeline.ingest(results, progress=tick, workers=max(1, args.workers))
    print_report(report, sys.stdout, sys.stderr)
    return 1 if report.failed else 0


def print_report(report, out: TextIO, err: TextIO) -> None:
    for note in report.notes:
        print(f"note: {note}", file=err)
    for failure in report.failed:
        print(f"failed: {failure.origin}: {failure.reason}", file=err)
    print(f"ingested {len(report.ingested)}, duplicates {len(report.duplicates)}, failed {len(report.failed)}",
          file=out)


class _progress:
    """A tqdm bar on stderr (hidden when stderr is not a terminal), as a context manager."""

    def __init__(self, desc: str, unit: str) -> None:
        from tqdm import tqdm

        self.bar = tqdm(desc=desc, unit=unit, file=sys.stderr, disable=None, leave=False)

    def __enter__(self) -> Callable[[str], None]:
        return lambda _item: self.bar.update(1)

    def __exit__(self, *exc: object) -> None:
        self.bar.close()


# -- export, articles, show -----------------------------------------------------------

def add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="write the whole store as JSON, GeoJSON or CSV",
        description="Write the whole store. json: articles, places (with mentions), actors and events in the "
                    "stable schema documented in the README; geojson: a FeatureCollection of places "
                    "(RFC 7946); csv: one row per event.", epilog=EPILOG)
    p.add_argument("--format", choices=exports.FORMATS, default="json", help="output format (default json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_settings(p, "db", "data_dir")
    p.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    store = open_store(settings_from(args))
    text = exports.render(store.export(), args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def add_articles(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("articles", help="list stored articles",
                       description="List stored articles, newest first: id, date, source, counts and title.")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="show at most N articles")
    add_settings(p, "db", "data_dir")
    p.set_defaults(handler=run_articles)


def run_articles(args: argparse.Namespace) -> int:
    rows = open_store(settings_from(args)).articles(limit=args.limit)
    if not rows:
        print("no articles yet: add some with `newsmap ingest PATH`")
        return 0
    print(f"{'id':16}  {'published':10}  {'source':16}  {'mentions':>8}  {'events':>6}  title")
    for r in rows:
        date = r["published"].isoformat() if r["published"] else "-"
        source = (r["source"] or "-")[:16]
        print(f"{r['id']:16}  {date:10}  {source:16}  {r['mentions']:>8}  {r['events']:>6}  {r['title'] or ''}")
    return 0


def add_show(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="show one article with what was found in it",
                       description="Show one stored article: its fields, text and the places and actors "
                                   "found in it. ARTICLE_ID may be a unique prefix of the id.")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    add_settings(p, "db", "data_dir")
    p.set_defaults(handler=run_show)


def run_show(args: argparse.Namespace) -> int:
    store = open_store(settings_from(args))
    article = store.article(args.article_id)
    if article is None:
        print(f"newsmap: error: no single article with id {args.article_id!r}; list them with `newsmap articles`",
              file=sys.stderr)
        return 1
    for key in ("id", "title", "source", "url", "published", "origin"):
        print(f"{key + ':':11}{article[key] if article[key] is not None else '-'}")
    print(f"\n{article['text']}\n")
    for mn in store.mentions(article["id"]):
        target = mn["place_id"] or mn["actor_id"] or "no match"
        print(f"{mn['start']:>6}-{mn['end']:<6} {mn['label']:9} {mn['text']!r} -> {target}")
    return 0


# -- serve, assets --------------------------------------------------------------------

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"


def add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve", help="start the dashboard (Streamlit) on the store",
        description="Start the dashboard on the store; it ingests seeds/ first when the store is empty. "
                    "Open the printed URL; every view is a link (see README, Dashboard).", epilog=EPILOG)
    p.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    p.add_argument("--address", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--offline", action="store_true",
                   help="load nothing from the internet: local Leaflet assets, country outlines, no tiles")
    add_settings(p, "db", "data_dir", "model", "max_bytes", "geocoder")
    p.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import os

    from geo.assets import ensure_assets

    settings = settings_from(args)
    open_store(settings)  # fail here, with one clear line, if the database cannot be opened
    if args.offline:
        ensure_assets(settings.data_dir)
    # The app reads its settings from the environment: hand on every setting, flags included.
    env = {**os.environ, **{var: str(getattr(settings, name)) for name, _, _, var in declarations()},
           "NEWSMAP_DB": settings.db_url}
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(args.port),
           "--server.address", args.address, "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
           "--global.developmentMode", "false", "--client.toolbarMode", "viewer", "--"] + (["--offline"] if args.offline else [])
    print(f"newsmap dashboard on http://{args.address}:{args.port}/", file=sys.stderr)
    sys.stderr.flush()
    # Become the Streamlit server (no child process): stopping `newsmap serve` stops the dashboard.
    os.execve(sys.executable, cmd, env)
    return 0  # not reached


def add_assets(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "assets", help="fetch the offline map assets (Leaflet) from the npm registry",
        description="Fetch Leaflet and leaflet.markercluster with `npm pack`, check them against their pinned "
                    "sha512 and extract them into DATA_DIR/assets; quick when they are present.", epilog=EPILOG)
    add_settings(p, "data_dir")
    p.set_defaults(handler=run_assets)


def run_assets(args: argparse.Namespace) -> int:
    from geo.assets import ensure_assets
    from geo.outlines import country_outlines

    settings = settings_from(args)
    bundle = ensure_assets(settings.data_dir)
    country_outlines(settings.data_dir)
    print(f"map assets ready in {bundle.root}")
    return 0


def add_actors(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("actors", help="list actors with their kind and counts",
                       description="List every stored actor, most mentioned first: id, kind, number of mentions, "
                                   "articles and events, and the canonical name. Actor ids are stable slugs "
                                   "(e.g. esmail-qaani, israel-military) usable as dashboard filters.")
    add_settings(p, "db", "data_dir")
    p.set_defaults(handler=run_actors)


def run_actors(args: argparse.Namespace) -> int:
    return command_actors(open_store(settings_from(args)), sys.stdout)


def command_actors(store: Store, out: TextIO) -> int:
    """Print the actors table; an empty store says how to fill it."""
    rows = store.actor_counts()
    if not rows:
        print("no actors yet: add articles with `newsmap ingest PATH`", file=out)
        return 0
    print(f"{'id':32}  {'kind':12}  {'mentions':>8}  {'articles':>8}  {'events':>6}  name", file=out)
    for r in rows:
        print(f"{r['id'][:32]:32}  {r['kind']:12}  {r['mentions']:>8}  {r['articles']:>8}  {r['events']:>6}  "
              f"{r['name']}", file=out)
    return 0


# -- geoparse, gazetteer, cache ---------------------------------------------------------

def add_geoparse(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("geoparse", help="find and resolve place names: JSON Lines in, JSON Lines out",
                       description='Read JSON Lines on stdin ({"id", "text", "date"?, "spans"?}) and write one line '
                                   'per input ({"id", "places": [{"start", "end", "text", "name", "lat", "lon", "kind", '
                                   '"country_code", "geonameid", "score"}]}). With "spans", resolve exactly those spans.')
    add_settings(p, "data_dir", "model", "geocoder", "geocoder_url", "user_agent", "geocoder_timeout",
                 "geocoder_min_delay")
    p.set_defaults(handler=lambda args: _geoparsing().command_geoparse(settings_from(args), sys.stdin, sys.stdout))


def _geoparsing():
    from geo import geoparsing

    return geoparsing


def add_gazetteer(sub: argparse._SubParsersAction) -> None:
    from geo import gazetteer

    p = sub.add_parser("gazetteer", help="build or inspect the offline gazetteer",
                       description="The offline gazetteer is built from pip-shipped data into DATA_DIR on first use.")
    actions = p.add_subparsers(title="actions", metavar="ACTION")
    build = actions.add_parser("build", help="(re)build the gazetteer now")
    add_settings(build, "data_dir")
    build.set_defaults(handler=lambda args: gazetteer.command_gazetteer_build(settings_from(args)))
    status = actions.add_parser("status", help="path, size, counts, source versions; exit 1 if missing or outdated")
    add_settings(status, "data_dir")
    status.set_defaults(handler=lambda args: gazetteer.command_gazetteer_status(settings_from(args)))


def add_cache(sub: argparse._SubParsersAction) -> None:
    from geo import geocache

    p = sub.add_parser("cache", help="inspect or clear the geocoding cache",
                       description="Every geocoder answer is cached in DATA_DIR/geocache.sqlite.")
    actions = p.add_subparsers(title="actions", metavar="ACTION")
    stats = actions.add_parser("stats", help="hits, misses and number of cached answers")
    add_settings(stats, "data_dir")
    stats.set_defaults(handler=lambda args: geocache.command_cache_stats(settings_from(args)))
    clear = actions.add_parser("clear", help="forget every cached answer")
    add_settings(clear, "data_dir")
    clear.set_defaults(handler=lambda args: geocache.command_cache_clear(settings_from(args)))


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [add_ingest, add_export, add_articles, add_show,
                                                                add_geoparse, add_gazetteer, add_cache, add_actors,
                                                                add_serve, add_assets]


if __name__ == "__main__":
    sys.exit(main())
