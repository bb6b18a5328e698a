"""The one engine under every part of the store, and the one place SQLite and PostgreSQL differ.

SQLite is the default (one file in the data folder, WAL mode, a busy timeout so the dashboard and an ingest can
share it); PostgreSQL works with the same code, for a store shared by many ingest workers and dashboards. The two
differ only here, in how the engine is made (:func:`make_engine`: connect arguments, the pragmas set on connect)
and in :func:`upsert`, plus one choice of query shape for the map's popups (``PlaceQueries._cut_per_place`` in
:mod:`geo.store.places`, the faster form on each).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from geo.errors import StoreError
from geo.store import schema as tables

BUSY_TIMEOUT_MS = 30_000
T = TypeVar("T")


class StoreEngine:
    """The engine every part of :class:`geo.store.Store` shares (the parts are mixins over this one base)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls: type[T], url: str) -> T:
        """Open (and migrate) the store at a SQLAlchemy URL or SQLite path."""
        url = normalise_url(url)
        try:
            engine = make_engine(url)
            tables.migrate(engine)
        except sa.exc.ArgumentError as err:
            raise StoreError(f"cannot use database URL {url!r}: {err}. "
                             "Give a SQLite path or postgresql://user@host/dbname") from err
        except sa.exc.OperationalError as err:
            raise StoreError(f"cannot open database {_safe_url(url)}: {_first_line(err)}") from err
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


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    """Every connection block is one transaction, reads included: the view queries of one dashboard run
    then see one snapshot of the store even while an ingest commits articles between them (the sqlite3
    module alone would run each SELECT on the latest data, so a place could appear between two queries)."""
    conn.exec_driver_sql("BEGIN")


def _safe_url(url: str) -> str:
    return sa.engine.make_url(url).render_as_string(hide_password=True)


def _first_line(err: Exception) -> str:
    return str(getattr(err, "orig", err)).strip().splitlines()[0]
