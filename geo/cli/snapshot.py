"""``newsmap snapshot``: save, list, rename, delete and export frozen views."""
from __future__ import annotations

import argparse

from geo.cli.common import (brief, EPILOG, default_file, add_settings, add_size, add_view_filters, open_store,
                             settings_from, share_bytes, checked_state, usage, visible, write_output)
from geo.render import exports


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
    from geo.views.snapshots import create_snapshot

    store = open_store(settings_from(args))
    snap = create_snapshot(store, checked_state(args, store), title=args.title, note=args.note)
    print(f"{snap.id}\t{brief(snap.description)}\nopen it in the dashboard at /{snap.url()}")
    return 0


def _snapshot_list(args: argparse.Namespace) -> int:
    from geo.views.snapshots import list_snapshots

    snaps = list_snapshots(open_store(settings_from(args), reading=True))
    if not snaps:
        print("no snapshots yet: save one with `newsmap snapshot create --title TITLE [filters]`")
        return 0
    print(f"{'id':16}  {'created':20}  {'title':30}  description")
    for snap in snaps:
        print(f"{snap.id:16}  {snap.created_label:20}  {visible(snap.title[:30]):30}  {brief(snap.description)}")
    return 0


def _snapshot_show(args: argparse.Namespace) -> int:
    from geo.views.snapshots import get_snapshot

    snap = get_snapshot(open_store(settings_from(args), reading=True), args.id)
    for key, value in (("id", snap.id), ("title", snap.title), ("created", snap.created_label),
                       ("view", snap.description), ("note", snap.note or "-"), ("link", f"/{snap.url()}"),
                       ("filters", snap.state.to_url() if snap.state.to_query_params() else "none (the whole store)")):
        print(f"{key + ':':9}{visible(value)}")
    return 0


def _snapshot_rename(args: argparse.Namespace) -> int:
    from geo.views.snapshots import rename_snapshot

    rename_snapshot(open_store(settings_from(args)), args.id, args.title)
    print(f"renamed {args.id.strip()}")
    return 0


def _snapshot_delete(args: argparse.Namespace) -> int:
    from geo.views.snapshots import delete_snapshot

    delete_snapshot(open_store(settings_from(args)), args.id)
    print(f"deleted {args.id.strip()}")
    return 0


def _snapshot_export(args: argparse.Namespace) -> int:
    from geo.views.snapshots import get_snapshot

    settings = settings_from(args)
    snap = get_snapshot(open_store(settings, reading=True), args.id)
    body = share_bytes(settings, dict(snap.data), args.format, title=snap.title, description=snap.caption,
                       size=args.size, state=snap.state)
    write_output(body, args.output or default_file(f"snapshot-{snap.id}", args.format))
    return 0
