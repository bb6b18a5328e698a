"""The one engine under every part of the store, and the one place SQLite and PostgreSQL differ.

SQLite is the default (one file in the data folder, WAL mode, a busy timeout so the dashboard and an ingest can
share it); PostgreSQL works with the same code, for a store shared by many ingest workers and dashboards. The two
differ only here, in how the engine is made (:func:`make_engine`: connect arguments, the pragmas set on connect)
and in :func:`upsert`, plus one choice of query shape for the map's popups (``PlaceQueries._cut_per_place`` in
:mod:`geo.store.places`, the faster form on each).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from geo.errors import StoreError
from geo.store import schema as tables

BUSY_TIMEOUT_MS = 30_000
T = TypeVar("T")


class StoreEngine:
    """The engine every part of :class:`geo.store.Store` shares (the parts are mixins over this one base)."""

    def __init__(self, engine: sa.Engine, read_only: bool = False) -> None:
        self.engine = engine
        self.read_only = read_only

    @classmethod
    def open(cls: type[T], url: str, *, read_only: bool = False) -> T:
        """Open (and migrate) the store at a SQLAlchemy URL or SQLite path.

        ``read_only`` opens a SQLite file for reading only and migrates nothing (a dashboard in read-only mode);
        a SQLite file this process cannot write is opened that way too, so a read-only store stays readable.
        Every failure is a :class:`StoreError` of one line that says what is wrong and what to do.
        """
        url = normalise_url(url)
        path = sqlite_path(url)
        _require_supported(url)
        try:
            if path and Path(path).is_file() and (read_only or not _writable(Path(path))):
                return cls(_read_only_engine(path), read_only=True)  # type: ignore[call-arg]
            engine = make_engine(url)
            tables.migrate(engine)
        except sa.exc.ArgumentError as err:
            raise StoreError(f"cannot use database URL {_safe_url(url)!r}: {err}. {SUPPORTED}") from err
        except ImportError as err:  # a driver newsmap does not install (postgresql+psycopg2://, ...)
            raise StoreError(f"cannot use database URL {_safe_url(url)!r}: its driver is not installed "
                             f"({err}). {SUPPORTED}") from err
        except sa.exc.DatabaseError as err:
            if path and Path(path).is_file() and "readonly" in str(err.orig):
                return cls(_read_only_engine(path), read_only=True)  # type: ignore[call-arg]
            raise StoreError(_open_error(url, path, err)) from err
        except OSError as err:  # the folder of a new SQLite file cannot be made
            raise StoreError(f"cannot create the database {path or url}: {err.strerror or err}; "
                             "give a --db (or --data-dir) in a folder you can write") from err
        return cls(engine)  # type: ignore[call-arg]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def _read(self, query: Callable[[sa.Connection], T]) -> T:
        """``query(conn)`` on a connection of its own (so that several may run at once)."""
        with self.engine.connect() as conn:
            return query(conn)


def normalise_url(url: str) -> str:
    """A SQLAlchemy URL for a SQLite path or any spelling of a PostgreSQL URL (psycopg 3 is the driver)."""
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser()}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


SUPPORTED = "Give a SQLite path or postgresql://user@host/dbname"


def _require_supported(url: str) -> None:
    """newsmap stores in SQLite or PostgreSQL: any other scheme (``mysql://``, ``https://``) is refused in one
    line, before SQLAlchemy would try to import a driver for it; the line never shows the URL's password."""
    scheme = url.split("://", 1)[0].lower()
    if scheme.split("+", 1)[0] not in ("sqlite", "postgresql"):
        raise StoreError(f"cannot use database URL {_safe_url(url)!r}: newsmap stores in SQLite or PostgreSQL, "
                         f"not {scheme.split('+', 1)[0] or 'an empty scheme'}. {SUPPORTED}")
    try:
        sa.engine.make_url(url)
    except (sa.exc.ArgumentError, ValueError) as err:  # a port that is not a number, an unclosed [
        raise StoreError(f"cannot use database URL {_safe_url(url)!r}: it is malformed ({err}). "
                         f"{SUPPORTED}") from err


def sqlite_path(url: str) -> str | None:
    """The file of a SQLite URL (None for PostgreSQL and for an in-memory database)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[1] if "///" in url else ""
    return path if path and path != ":memory:" else None


def _writable(path: Path) -> bool:
    """Whether SQLite can write ``path``: the file, and its folder (where the WAL and lock files go)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _read_only_engine(path: str) -> sa.Engine:
    """A SQLite engine that never writes: ``mode=ro``, or, where the folder is read-only too and a WAL store
    cannot make its shared-memory file, ``immutable=1`` (then changes made by another process are not seen).
    The schema must be current: a read-only store cannot be migrated."""
    for flags in ("mode=ro", "immutable=1"):
        engine = sa.create_engine(f"sqlite:///file:{quote(path)}?{flags}&uri=true",
                                  connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_read_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
        try:
            pending = tables.pending(engine)
            break
        except sa.exc.OperationalError:
            engine.dispose()
            if flags == "immutable=1":
                raise
    if pending:
        raise StoreError(f"the store {path} is read-only and needs upgrading ({', '.join(pending)}), which only "
                         "a process that can write it may do: run any newsmap command on it once with write access")
    return engine


def _open_error(url: str, path: str | None, err: sa.exc.DatabaseError) -> str:
    """One line: what is wrong with the database and what to do."""
    reason = _first_line(err)
    if path and ("not a database" in reason or "malformed" in reason):
        return (f"{path} is not a usable newsmap store ({reason}): the file is damaged or of another kind. Move it "
                "aside (newsmap then starts an empty store there) or give another --db / NEWSMAP_DB")
    if path and "readonly" in reason:
        return f"cannot write the store {path} ({reason}); give a --db (or --data-dir) in a folder you can write"
    return f"cannot open database {_safe_url(url)}: {reason}"


def make_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        memory = not path or path == ":memory:"
        engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                                  poolclass=sa.pool.StaticPool if memory else None)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def upsert(conn: sa.Connection, table: sa.Table, keys: list[str]) -> sa.Insert:
    """INSERT ... ON CONFLICT DO NOTHING: the one statement whose spelling differs per database.

    Rows are given to ``execute`` (one dict, or a list for an executemany), never built into the statement:
    the statement is then the same object for every article, and SQLAlchemy compiles it once.
    """
    return _UPSERTS[conn.dialect.name == "postgresql", table.name, tuple(keys)]


class _Upserts(dict):
    """``(postgresql?, table name, conflict keys) -> statement``, built on first use."""

    def __missing__(self, key: tuple[bool, str, tuple[str, ...]]) -> sa.Insert:
        postgres, table, keys = key
        insert = postgresql.insert if postgres else sqlite.insert
        self[key] = insert(tables.metadata.tables[table]).on_conflict_do_nothing(index_elements=list(keys))
        return self[key]


_UPSERTS = _Upserts()


def is_transient(err: sa.exc.OperationalError) -> bool:
    """Whether a write failed only because another writer held a lock (trying again may succeed)."""
    text = str(err.orig).lower()
    return any(k in text for k in ("deadlock", "database is locked", "could not serialize", "lock timeout"))


#: What a database says when no article can be written any more, whatever the article: a full disk, a file over
#: the size limit, a store made read-only under a running ingest (SQLite's and PostgreSQL's own wording).
_UNWRITABLE = ("database or disk is full", "disk i/o error", "attempt to write a readonly database",
               "no space left on device", "could not extend file", "read-only transaction")


def unwritable(err: BaseException) -> str | None:
    """The database's own words when ``err`` says the store cannot be written at all, else None."""
    text = _first_line(err) if str(getattr(err, "orig", err)).strip() else ""
    return text if any(k in text.lower() for k in _UNWRITABLE) else None


#: What psycopg says when the PostgreSQL server went away or cannot be reached any more.
_LOST = ("connection failed", "server closed the connection", "terminating connection", "connection refused",
         "the connection is closed", "the connection is lost", "consuming input failed", "ssl syscall error",
         "could not receive data", "could not send data", "connection timeout expired")


def lost_connection(err: BaseException) -> bool:
    """Whether ``err`` says the database server is out of reach (down, restarted, the network gone): every
    later statement would fail the same way until it is back."""
    if not isinstance(err, sa.exc.DBAPIError):
        return False
    return bool(err.connection_invalidated) or any(k in str(err.orig).lower() for k in _LOST)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_read_pragmas(dbapi_conn: Any, _record: Any) -> None:
    """The pragmas of :func:`_sqlite_pragmas` that write nothing (the journal mode is the file's own)."""
    dbapi_conn.isolation_level = None
    dbapi_conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    dbapi_conn.execute("PRAGMA query_only=ON")


def _sqlite_begin(conn: sa.Connection) -> None:
    """Every connection block is one transaction, reads included: the view queries of one dashboard run
    then see one snapshot of the store even while an ingest commits articles between them (the sqlite3
    module alone would run each SELECT on the latest data, so a place could appear between two queries)."""
    conn.exec_driver_sql("BEGIN")


def _safe_url(url: str) -> str:
    """``url`` with its password as ``***``; a URL too malformed to parse is shown up to its host."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except (sa.exc.ArgumentError, ValueError):
        scheme, _, rest = url.partition("://")
        return f"{scheme}://***@{rest.rsplit('@', 1)[1]}" if "@" in rest else url


def _first_line(err: Exception) -> str:
    return str(getattr(err, "orig", err)).strip().splitlines()[0]
