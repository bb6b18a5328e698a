"""What every command shares: settings as options, the store, view filters, output files, progress bars."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from geo.errors import ExportError, NewsmapError, StoreError
from geo.names import visible  # noqa: F401 - the commands' printing goes through it
from geo.render import exports
from geo.settings import Settings, declarations, load_settings
from geo.store import Store
from geo.views.filters import FILTERS, Filter, flag

EPILOG = "Settings can also come from environment variables (NEWSMAP_DB, NEWSMAP_DATA_DIR, ...); see README."


def usage(parser: argparse.ArgumentParser) -> int:
    """A command given without its action: its help on stderr, and the usage-error status."""
    parser.print_help(sys.stderr)
    return 2

GEOCODER_SETTINGS = ("geocoder", "geocoder_url", "geocoder_options", "user_agent", "geocoder_timeout",
                     "geocoder_min_delay")


def add_settings(parser: argparse.ArgumentParser, *names: str) -> None:
    """Options for the named settings, with the help text declared in geo.settings."""
    table = {name: (default, help_, env) for name, default, help_, env in declarations()}
    for name in names:
        default, help_, env = table[name]
        if isinstance(default, bool):  # a flag: given means on; absent leaves the environment's value
            parser.add_argument("--" + name.replace("_", "-"), dest=name, action="store_const", const=True,
                                default=None, help=f"{help_} [env {env}]")
            continue
        parser.add_argument("--" + name.replace("_", "-"), dest=name, type=type(default), default=None,
                            metavar=name.upper(), help=f"{help_} [env {env}]")


def settings_from(args: argparse.Namespace) -> Settings:
    names = [name for name, *_ in declarations()]
    return load_settings(**{n: getattr(args, n) for n in names if hasattr(args, n)})


def open_store(settings: Settings, *, reading: bool = False) -> Store:
    """The store of the settings; ``reading`` (a command that only reads) refuses a SQLite file that does not
    exist instead of creating it: a mistyped --db made a new empty store, and its folders, and answered
    "no articles yet", which reads as if the ingest had been lost."""
    from geo.store.engine import normalise_url, sqlite_path

    path = sqlite_path(normalise_url(settings.db_url))
    if reading and path and not Path(path).exists():
        raise StoreError(f"no store at {path} (the file does not exist). Check the path given to --db or "
                         "NEWSMAP_DB, or fill it with `newsmap ingest PATH`")
    return Store.open(settings.db_url, read_only=settings.read_only)


SHOWN_CHARS = 300  # a value longer than this is cut where the terminal shows it (the store keeps it whole)
LINE_CHARS = 600  # the same for a whole message, which may quote a value among its own words


def brief(value: object, limit: int = SHOWN_CHARS) -> str:
    """``value`` as :func:`visible` writes it, cut after ``limit`` characters with a count of the rest: a title
    of 100,000 characters filled a terminal's whole scrollback in a note or failure line that names it.

    >>> brief("Long " * 1000, limit=10)
    'Long Long … (4,990 more characters)'
    """
    text = "" if value is None else str(value)
    if len(text) > limit:
        text = f"{text[:limit]}… ({len(text) - limit:,} more characters)"
    return visible(text)


class progress:
    """A tqdm bar on stderr (hidden when stderr is not a terminal), as a context manager."""

    def __init__(self, desc: str, unit: str) -> None:
        from tqdm import tqdm

        self.bar = tqdm(desc=desc, unit=unit, file=sys.stderr, disable=None, leave=False)

    def __enter__(self) -> Callable[[str], None]:
        return lambda _item: self.bar.update(1)

    def __exit__(self, *exc: object) -> None:
        self.bar.close()

def add_view_filters(p: argparse.ArgumentParser) -> None:
    """The dashboard's filters as options (declared in geo.views.filters, in the order of a link's parameters);
    they build the same ViewState as its URL parameters."""
    g = p.add_argument_group("view filters (as the dashboard's URL parameters)")
    for f in _filters():
        if f.repeatable:
            g.add_argument(*f.option.flags, dest=f.field, action="append", default=[], metavar=f.option.metavar,
                           help=f.option.help)
        elif f.parse is flag:
            g.add_argument(*f.option.flags, dest=f.field, action="store_true", help=f.option.help)
        else:
            g.add_argument(*f.option.flags, dest=f.field, metavar=f.option.metavar, help=f.option.help)


def state_from(args: argparse.Namespace):  # noqa: ANN201 - geo.views.state.ViewState
    """The ViewState of the filter options; a bad value is one clear error, as for a link."""
    from geo.views.state import ViewState

    params = {f.key: f.write(getattr(args, f.field)) for f in _filters()}
    return ViewState.from_query_params({k: v for k, v in params.items() if v is not None})


def checked_state(args: argparse.Namespace, store: Store):  # noqa: ANN201 - geo.views.state.ViewState
    """:func:`state_from`, refused when it names an actor the store lacks or an event type no event can have
    (a type in other case is that type): ``--actor Nobody`` froze or exported an empty view, exit status 0."""
    from geo.errors import ViewStateError
    from geo.records import EVENT_TYPES

    state, unknown = state_from(args).known_types((*EVENT_TYPES, *store.facets()["types"]))
    if unknown:
        raise ViewStateError(f"no event type named {unknown[0]!r}: use one of {', '.join(EVENT_TYPES)}")
    actors = state.unknown_actors(store)
    if actors:
        raise ViewStateError(f"no actor named {actors[0]!r} in the store: `newsmap actors` lists them")
    return state


def _filters() -> list[Filter]:
    """The declared filters in the order of a link's parameters (the order of the options in ``--help``)."""
    from geo.views.state import PARAMS

    return sorted(FILTERS, key=lambda f: PARAMS.index(f.key))


def add_size(p: argparse.ArgumentParser) -> None:
    p.add_argument("--size", type=_size, default=(1600, 1000), metavar="WxH",
                   help="png image size in pixels (default 1600x1000)")


def _size(text: str) -> tuple[int, int]:
    from geo.render.static_map import parse_size  # matplotlib loads only when a size is given

    try:
        return parse_size(text)
    except NewsmapError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def share_bytes(settings: Settings, data: dict, fmt: str, *, title: str, description: str,
                size: tuple[int, int], state=None) -> bytes:  # noqa: ANN001
    """A view's or snapshot's export, with the offline assets and outlines that html and png draw."""
    from geo.render.outlines import country_outlines

    assets = None
    if fmt == "html":
        from geo.render.assets import ensure_assets

        assets = ensure_assets(settings.data_dir).urls()
    outlines = country_outlines(settings.data_dir) if exports.REGISTRY[fmt].draws_map else None
    return exports.export_bytes(data, fmt, title=title, description=description, size=size, assets=assets,
                                outlines=outlines, state=state)


def write_output(body: bytes, output: str | None) -> None:
    """``body`` to the file ``output`` (stdout for None or ``-``); a path that cannot be written, or a full disk,
    is one :class:`ExportError` naming the file, and no partial file is left behind."""
    if output and output != "-":
        try:
            Path(output).write_bytes(body)
        except OSError as err:
            if Path(output).is_file() and Path(output).stat().st_size < len(body):
                Path(output).unlink(missing_ok=True)
            raise ExportError(f"cannot write {output}: {err.strerror or err}; give -o a file in a folder that exists "
                              "and that you can write (or -o - for stdout)") from None
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()


def default_file(stem: str, fmt: str) -> str | None:
    """html and png go to a file unless -o - asks for stdout; text formats go to stdout."""
    return f"{stem}.{fmt}" if exports.REGISTRY[fmt].draws_map else None

def add_actions(sub: argparse._SubParsersAction, name: str, help_: str, description: str,
                 actions: list[tuple[str, str, Callable[[Settings], int]]]) -> None:
    """A command whose actions (``gazetteer build``, ``cache stats`` ...) take only the data folder."""
    p = sub.add_parser(name, help=help_, description=description)
    p.set_defaults(handler=lambda _args: usage(p))
    parsers = p.add_subparsers(title="actions", metavar="ACTION")
    for action, action_help, command in actions:
        q = parsers.add_parser(action, help=action_help, description=action_help)
        add_settings(q, "data_dir")
        q.set_defaults(handler=lambda args, command=command: command(settings_from(args)))
