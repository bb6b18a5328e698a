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
from typing import NoReturn

from geo.cli import browse, export, ingest, places, serve, snapshot
from geo.cli.common import EPILOG, LINE_CHARS, brief, visible
from geo.errors import NewsmapError
from geo.store.engine import lost_connection


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except NewsmapError as err:
        print(f"newsmap: error: {brief(err, LINE_CHARS)}", file=sys.stderr)  # errors quote inputs: names, values
        return 1
    except KeyboardInterrupt:
        print(f"newsmap: interrupted; {getattr(args, 'interrupted', INTERRUPTED)}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # noqa: BLE001 - a fault of the machine or a bug: one line either way
        line = environment_error(err)
        if line is None:
            return _unexpected(err, args.debug)
        if args.debug:
            traceback.print_exc()
        print(f"newsmap: error: {brief(line, LINE_CHARS)}", file=sys.stderr)
        return 1


INTERRUPTED = "everything committed so far is kept"  # a command may say more (``interrupted`` in its defaults)


def environment_error(err: BaseException) -> str | None:
    """The one line for an error of the machine rather than of newsmap: a file or folder that cannot be written
    or read, a full disk, a read-only store; None for anything else (a bug).

    >>> environment_error(IsADirectoryError(21, "Is a directory", "out"))
    "cannot use out: Is a directory; check the path, its folder's permissions and the free space"
    """
    if isinstance(err, OSError) and not isinstance(err, (BrokenPipeError, TimeoutError, ConnectionError)):
        where = f" {err.filename}" if err.filename else ""
        return (f"cannot use{where}: {err.strerror or err}; check the path, its folder's permissions and the free "
                "space")
    text = str(getattr(err, "orig", err)).strip().splitlines()[0] if str(err).strip() else ""
    if "readonly database" in text:
        return ("the store is read-only (its file or folder cannot be written), so it can be read but not changed; "
                "give a --db you can write")
    if "disk is full" in text or "No space left" in text:
        return f"the disk is full ({text}); free some space and run the command again: nothing half-written is kept"
    if "unable to open database file" in text:
        return f"cannot open a database file ({text}); check that the path is a file in a folder you can write"
    if any(k in text for k in DAMAGED):
        return (f"the store is damaged ({text}): restore it from a backup, or move it aside and ingest the articles "
                "again (sqlite3's .recover command may save what is left)")
    if lost_connection(err):
        return (f"lost the connection to the database ({text}); everything committed so far is kept: run the same "
                "command again once the database is back")
    return None


#: SQLite's words for a file whose pages are damaged, found when a query reads them (opening may succeed).
DAMAGED = ("database disk image is malformed", "file is not a database", "Could not decode to UTF-8")


def _unexpected(err: Exception, debug: bool) -> int:
    if debug:
        traceback.print_exc()
    first = (str(err).strip().splitlines() or [""])[0][:300]
    print(f"newsmap: error: unexpected {type(err).__name__}: {visible(first)} (run again with --debug for the "
          "traceback, and please report it)", file=sys.stderr)
    return 1


class Parser(argparse.ArgumentParser):
    """argparse quotes most bad values with repr(), but not all: ``unrecognized arguments`` joins them as typed,
    so an argument holding a terminal escape sequence reached the terminal raw."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {visible(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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

COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [
    ingest.add_ingest, export.add_export, snapshot.add_snapshot, browse.add_articles, browse.add_show,
    places.add_geoparse, places.add_gazetteer, places.add_cache, browse.add_actors, serve.add_serve, serve.add_assets]
