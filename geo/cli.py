"""The ``newsmap`` command line.

Each subcommand is a small function that builds its dependencies from the
declared settings, calls the library and prints. User errors become one line on
stderr and a non-zero exit (1: some inputs failed or the work could not be done;
2: the command line was wrong), never a traceback.
"""
from __future__ import annotations

import argparse
import sys
import traceback
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
    except Exception as err:  # noqa: BLE001 - a bug: one line, the traceback only when asked for
        if args.debug:
            traceback.print_exc()
        first = (str(err).strip().splitlines() or [""])[0][:300]
        print(f"newsmap: error: unexpected {type(err).__name__}: {first} (run again with --debug for the "
              "traceback, and please report it)", file=sys.stderr)
        return 1


def usage(parser: argparse.ArgumentParser) -> int:
    """A command given without its action: its help on stderr, and the usage-error status."""
    parser.print_help(sys.stderr)
    return 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsmap", epilog=EPILOG,
        description="Map where news stories happen, who is involved and what happened there.")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    _add_debug(parser, top=True)
    return parser


def _add_debug(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """--debug on every command and subcommand (``newsmap --debug ingest`` or ``newsmap ingest --debug``)."""
    parser.add_argument("--debug", action="store_true", default=False if top else argparse.SUPPRESS,
                        help="show the traceback of an unexpected error (an article's failure, a bug)")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _add_debug(child)


# -- settings as options -------------------------------------------------------

GEOCODER_SETTINGS = ("geocoder", "geocoder_url", "geocoder_options", "user_agent", "geocoder_timeout",
                     "geocoder_min_delay")


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
    add_settings(p, "db", "data_dir", "model", "max_bytes", "max_chars", *GEOCODER_SETTINGS)
    p.set_defaults(handler=run_ingest)


def run_ingest(args: argparse.Namespace) -> int:
    from geo.articles import iter_paths
    from geo.pipeline import make_pipeline

    settings = settings_from(args)
    store = open_store(settings)
    if args.if_empty and store.count_articles():
        return report_if_empty(store, iter_paths(args.paths, settings.max_bytes))
    pipeline = make_pipeline(settings, store)
    results = iter_paths(args.paths, settings.max_bytes)
    with _progress("ingest", "article") as tick:
        report = pipeline.ingest(results, progress=tick, workers=max(1, args.workers))
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
    for note in report.notes:
        print(f"note: {note}", file=err)
    for failure in report.failed:
        print(f"failed: {failure.origin}: {failure.reason}", file=err)
        if debug and getattr(failure, "detail", ""):
            print(failure.detail.rstrip(), file=err)
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
        "export", help="write the store, or one view of it, as JSON, GeoJSON, CSV, HTML or PNG",
        description="Without filters, write the whole store: json: articles, places (with mentions), actors and "
                    "events in the stable schema documented in the README; geojson: a FeatureCollection of places "
                    "(RFC 7946); csv: one row per event. With filters (the dashboard's URL parameters), or as html "
                    "or png, write that view as the dashboard shows it: html is one self-contained map file, png a "
                    "static image. Save a view for later with `newsmap snapshot create`.", epilog=EPILOG)
    p.add_argument("--format", choices=(*exports.FORMATS, "html", "png"), default="json",
                   help="output format (default json)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE (default: stdout; newsmap-view.html or .png for html and png)")
    p.add_argument("--title", default="newsmap view", help="title on the html and png map (default 'newsmap view')")
    add_size(p)
    add_view_filters(p)
    add_settings(p, "db", "data_dir")
    p.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    from geo.views import summary, view_data

    settings = settings_from(args)
    store = open_store(settings)
    state = state_from(args)
    if not state.filtered and not state.show_hypothetical and args.format in exports.FORMATS:
        write_output(exports.render(store.export(), args.format).encode("utf-8"), args.output)
        return 0
    data = view_data(store, state)
    body = share_bytes(settings, data, args.format, title=args.title,
                       description=state.describe(summary(state, data)), size=args.size)
    write_output(body, args.output or _default_file("newsmap-view", args.format))
    return 0


def add_view_filters(p: argparse.ArgumentParser) -> None:
    """The dashboard's filters as options; they build the same ViewState as its URL parameters."""
    g = p.add_argument_group("view filters (as the dashboard's URL parameters)")
    g.add_argument("--actor", action="append", default=[], metavar="A", help="actor name, alias or id; repeatable")
    g.add_argument("--type", action="append", default=[], metavar="T", help="event type, e.g. Battles; repeatable")
    g.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="events from this date")
    g.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="events until this date")
    g.add_argument("--source", metavar="S", help="article source, exactly as listed")
    g.add_argument("-q", dest="q", metavar="TEXT", help="words in an article's title or text")
    g.add_argument("--affiliated", action="store_true", help="include actors affiliated to --actor")
    g.add_argument("--hypothetical", action="store_true", help="include hypothetical events")


def state_from(args: argparse.Namespace):  # noqa: ANN201 - geo.views.ViewState
    """The ViewState of the filter options; a bad value is one clear error, as for a link."""
    from geo.views import ViewState

    params = {"actor": args.actor, "type": args.type, "from": args.date_from, "to": args.date_to,
              "source": args.source, "q": args.q, "affiliated": "1" if args.affiliated else None,
              "hypothetical": "1" if args.hypothetical else None}
    return ViewState.from_query_params({k: v for k, v in params.items() if v not in (None, [])})


def add_size(p: argparse.ArgumentParser) -> None:
    p.add_argument("--size", type=_size, default=(1600, 1000), metavar="WxH",
                   help="png image size in pixels (default 1600x1000)")


def _size(text: str) -> tuple[int, int]:
    from geo.static_map import parse_size  # matplotlib loads only when a size is given

    try:
        return parse_size(text)
    except NewsmapError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def share_bytes(settings: Settings, data: dict, fmt: str, *, title: str, description: str,
                size: tuple[int, int], state=None) -> bytes:  # noqa: ANN001
    """A view's or snapshot's export, with the offline assets and outlines that html and png draw."""
    from geo.outlines import country_outlines

    assets = None
    if fmt == "html":
        from geo.assets import ensure_assets

        assets = ensure_assets(settings.data_dir).urls()
    outlines = country_outlines(settings.data_dir) if fmt in ("html", "png") else None
    return exports.export_bytes(data, fmt, title=title, description=description, size=size, assets=assets,
                                outlines=outlines, state=state)


def write_output(body: bytes, output: str | None) -> None:
    if output and output != "-":
        Path(output).write_bytes(body)
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()


def _default_file(stem: str, fmt: str) -> str | None:
    """html and png go to a file unless -o - asks for stdout; text formats go to stdout."""
    return f"{stem}.{fmt}" if fmt in ("html", "png") else None


# -- snapshot ----------------------------------------------------------------------------

def add_snapshot(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "snapshot", help="save, list, rename, delete and export frozen views",
        description="A snapshot freezes a view (its filters and the places, events, actors and articles it "
                    "shows) under an unguessable id; the dashboard opens it at /?snapshot=ID, unchanged however "
                    "many articles arrive later.", epilog=EPILOG)
    p.set_defaults(handler=lambda _args: usage(p))
    actions = p.add_subparsers(title="actions", metavar="ACTION")
    create = actions.add_parser("create", help="freeze the view the filters describe",
                                description="Freeze the view the filters describe (all of the store without "
                                            "filters) and print its id and link.")
    create.add_argument("--title", required=True, help="the snapshot's title")
    create.add_argument("--note", default="", help="an optional note")
    add_view_filters(create)
    listing = actions.add_parser("list", help="id, creation time, counts and title of every snapshot")
    show = actions.add_parser("show", help="one snapshot's title, time, description, note and link")
    show.add_argument("id", metavar="ID")
    rename = actions.add_parser("rename", help="give a snapshot a new title")
    rename.add_argument("id", metavar="ID")
    rename.add_argument("title", metavar="TITLE")
    delete = actions.add_parser("delete", help="delete a snapshot (its links stop working)")
    delete.add_argument("id", metavar="ID")
    export = actions.add_parser(
        "export", help="write a snapshot as html, png, geojson or csv",
        description="html: one self-contained map file (no internet, no server); png: a static image with "
                    "legend, title, description and attribution; geojson: the places (RFC 7946); csv: one row "
                    "per event. html and png go to snapshot-ID.html/.png unless -o is given.")
    export.add_argument("id", metavar="ID")
    export.add_argument("--format", choices=exports.SHARE_FORMATS, required=True, help="output format")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (- for stdout)")
    add_size(export)
    for action in (show, rename, delete, export):
        action.epilog = ("An id that starts with '-' (saved before newsmap stopped making such ids) goes after "
                         "'--', e.g. newsmap snapshot show -- -Ab12...")
    for action, handler in ((create, _snapshot_create), (listing, _snapshot_list), (show, _snapshot_show),
                            (rename, _snapshot_rename), (delete, _snapshot_delete), (export, _snapshot_export)):
        add_settings(action, "db", "data_dir")
        action.set_defaults(handler=handler)


def _snapshot_create(args: argparse.Namespace) -> int:
    from geo.snapshots import create_snapshot

    snap = create_snapshot(open_store(settings_from(args)), state_from(args), title=args.title, note=args.note)
    print(f"{snap.id}\t{snap.description}\nopen it in the dashboard at /{snap.url()}")
    return 0


def _snapshot_list(args: argparse.Namespace) -> int:
    from geo.snapshots import list_snapshots

    snaps = list_snapshots(open_store(settings_from(args)))
    if not snaps:
        print("no snapshots yet: save one with `newsmap snapshot create --title TITLE [filters]`")
        return 0
    print(f"{'id':16}  {'created':20}  {'title':30}  description")
    for snap in snaps:
        print(f"{snap.id:16}  {snap.created_label:20}  {snap.title[:30]:30}  {snap.description}")
    return 0


def _snapshot_show(args: argparse.Namespace) -> int:
    from geo.snapshots import get_snapshot

    snap = get_snapshot(open_store(settings_from(args)), args.id)
    for key, value in (("id", snap.id), ("title", snap.title), ("created", snap.created_label),
                       ("view", snap.description), ("note", snap.note or "-"), ("link", f"/{snap.url()}"),
                       ("filters", snap.state.to_url() if snap.state.to_query_params() else "none (the whole store)")):
        print(f"{key + ':':9}{value}")
    return 0


def _snapshot_rename(args: argparse.Namespace) -> int:
    from geo.snapshots import rename_snapshot

    rename_snapshot(open_store(settings_from(args)), args.id, args.title)
    print(f"renamed {args.id.strip()}")
    return 0


def _snapshot_delete(args: argparse.Namespace) -> int:
    from geo.snapshots import delete_snapshot

    delete_snapshot(open_store(settings_from(args)), args.id)
    print(f"deleted {args.id.strip()}")
    return 0


def _snapshot_export(args: argparse.Namespace) -> int:
    from geo.snapshots import get_snapshot

    settings = settings_from(args)
    snap = get_snapshot(open_store(settings), args.id)
    body = share_bytes(settings, dict(snap.data), args.format, title=snap.title, description=snap.caption,
                       size=args.size, state=snap.state)
    write_output(body, args.output or _default_file(f"snapshot-{snap.id}", args.format))
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
SERVER = APP.parent / "serve.py"  # runs Streamlit after filling the caches for the default view


def add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve", help="start the dashboard (Streamlit) on the store",
        description="Start the dashboard on the store; it ingests seeds/ first when the store is empty. "
                    "The default view is prepared before \"newsmap dashboard ready on URL\" is printed. "
                    "Open that URL; every view is a link (see README, Dashboard).", epilog=EPILOG)
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
    cmd = [sys.executable, str(SERVER), "run", str(APP), "--server.port", str(args.port),
           "--server.address", args.address, "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
           "--global.developmentMode", "false", "--client.toolbarMode", "viewer",
           # Streamlit runs a full garbage collection after every script run, holding the interpreter
           # lock 0.15-0.3 s while the page still waits for its last elements (docs/benchmarks.md);
           # Python's own collector still runs as memory is allocated.
           "--runner.postScriptGC", "false",
           # uploads over --max-bytes are refused by the browser widget before they are sent
           "--server.maxUploadSize", str(max(1, -(-settings.max_bytes // 1_000_000))), "--"] + (["--offline"] if args.offline else [])
    print(f"newsmap dashboard: preparing the default view for http://{args.address}:{args.port}/ ...",
          file=sys.stderr)
    sys.stderr.flush()
    # Become the Streamlit server (no child process): stopping `newsmap serve` stops the dashboard.
    os.execve(sys.executable, cmd, env)
    return 0  # not reached


def add_assets(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "assets", help="fetch the offline map assets (Leaflet) from the npm registry",
        description="Fetch Leaflet with `npm pack`, check it against its pinned "
                    "sha512 and extract it into DATA_DIR/assets; quick when it is present.", epilog=EPILOG)
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
    add_settings(p, "data_dir", "model", "max_chars", *GEOCODER_SETTINGS)
    p.set_defaults(handler=lambda args: _geoparsing().command_geoparse(settings_from(args), sys.stdin, sys.stdout))


def _geoparsing():
    from geo import geoparsing

    return geoparsing


def _add_actions(sub: argparse._SubParsersAction, name: str, help_: str, description: str,
                 actions: list[tuple[str, str, Callable[[Settings], int]]]) -> None:
    """A command whose actions (``gazetteer build``, ``cache stats`` ...) take only the data folder."""
    p = sub.add_parser(name, help=help_, description=description)
    p.set_defaults(handler=lambda _args: usage(p))
    parsers = p.add_subparsers(title="actions", metavar="ACTION")
    for action, action_help, command in actions:
        q = parsers.add_parser(action, help=action_help, description=action_help)
        add_settings(q, "data_dir")
        q.set_defaults(handler=lambda args, command=command: command(settings_from(args)))


def add_gazetteer(sub: argparse._SubParsersAction) -> None:
    from geo import gazetteer

    _add_actions(sub, "gazetteer", "build or inspect the offline gazetteer",
                 "The offline gazetteer is built from pip-shipped data into DATA_DIR on first use.",
                 [("build", "(re)build the gazetteer now", gazetteer.command_gazetteer_build),
                  ("status", "path, size, counts, source versions; exit 1 if missing or outdated",
                   gazetteer.command_gazetteer_status)])


def add_cache(sub: argparse._SubParsersAction) -> None:
    from geo import geocache

    _add_actions(sub, "cache", "inspect or clear the geocoding cache",
                 "Every online geocoder answer is cached in DATA_DIR/geocache.sqlite; hits never wait.",
                 [("stats", "hits, misses and number of cached answers", geocache.command_cache_stats),
                  ("clear", "forget every cached answer", geocache.command_cache_clear)])


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [add_ingest, add_export, add_snapshot, add_articles,
                                                                add_show, add_geoparse, add_gazetteer, add_cache,
                                                                add_actors, add_serve, add_assets]


if __name__ == "__main__":
    sys.exit(main())
