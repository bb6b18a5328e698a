"""``newsmap export``: the whole store, or one view of it, as a file."""
from __future__ import annotations

import argparse

from geo.cli.common import (EPILOG, default_file, add_settings, add_size, add_view_filters, open_store,
                             settings_from, share_bytes, checked_state, write_output)
from geo.render import exports


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
    from geo.views.state import summary, view_data

    settings = settings_from(args)
    store = open_store(settings, reading=True)
    state = checked_state(args, store)
    if not state.filtered and not state.show_hypothetical and args.format in exports.FORMATS:
        write_output(exports.render(store.export(), args.format).encode("utf-8"), args.output)
        return 0
    data = view_data(store, state)
    body = share_bytes(settings, data, args.format, title=args.title,
                       description=state.describe(summary(state, data)), size=args.size)
    write_output(body, args.output or default_file("newsmap-view", args.format))
    return 0
