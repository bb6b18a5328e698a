"""The command line against hostile stores, fields and file systems: one line each, never a traceback."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.store import Store
from geo.views.snapshots import create_snapshot
from geo.views.state import ViewState
from tests.conftest import REPO
from tests.factories import HOSTILE_ACTOR, fill, hostile_analysis

NEWSMAP = [sys.executable, "-m", "geo.cli"]
ESCAPES = "\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202e"
# Root ignores file permissions; without these two capabilities it reads and writes as a file's owner would.
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def run(*args: str, env: dict | None = None, prefix: list[str] = (), stdin: bytes | None = None
        ) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, *NEWSMAP, *args], cwd=REPO, env={**os.environ, **(env or {})},
                          capture_output=True, timeout=600, input=stdin)


def one_error_line(done: subprocess.CompletedProcess) -> str:
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.startswith("newsmap: error:")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def escaped_db(tmp_path: Path) -> str:
    """A store whose article, source, actor and snapshot carry terminal escape sequences."""
    db = str(tmp_path / "esc.sqlite")
    store = fill(Store.open(db))
    hostile = hostile_analysis()
    actor = dataclasses.replace(HOSTILE_ACTOR, name=f"Front {ESCAPES}")
    store.write(dataclasses.replace(hostile, actors=(actor,), article=dataclasses.replace(
        hostile.article, title=f"Title {ESCAPES}", source=f"Wire {ESCAPES}")))
    create_snapshot(store, ViewState(), title=f"Snap {ESCAPES}", note=ESCAPES)
    store.close()
    return db


@pytest.mark.parametrize("command", [("articles",), ("show", "e5"), ("actors",), ("snapshot", "list")])
def test_control_characters_in_stored_fields_are_printed_visibly(escaped_db: str, command: tuple[str, ...]):
    done = run(*command, "--db", escaped_db)
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr
    assert not any(c in out for c in "\u001b\u0007\u009b\u202e"), out
    assert "\\x1b]0;PWNED\\x07\\x1b[2J" in out


def test_a_corrupt_store_is_one_line_saying_what_to_do(tmp_path: Path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(os.urandom(50_000))
    for command in (("articles",), ("snapshot", "list"), ("export", "--format", "json")):
        line = one_error_line(run(*command, "--db", str(bad)))
        assert "not a usable newsmap store" in line and "Move it aside" in line


def test_a_read_only_store_stays_readable(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    fill(Store.open(str(folder / "s.sqlite"))).close()
    (folder / "s.sqlite").chmod(0o444)
    folder.chmod(0o555)
    try:
        done = run("articles", "--db", str(folder / "s.sqlite"), prefix=UNPRIVILEGED)
        assert done.returncode == 0 and b"Strikes on Gaza" in done.stdout, done.stderr
        line = one_error_line(run("snapshot", "create", "--title", "T", "--db", str(folder / "s.sqlite"),
                                  prefix=UNPRIVILEGED))
        assert "read-only" in line
    finally:
        folder.chmod(0o755)


def test_unwritable_outputs_and_a_full_disk_are_one_line_each(tmp_path: Path):
    db = str(tmp_path / "s.sqlite")
    fill(Store.open(db)).close()
    for output, words in ((str(tmp_path / "missing" / "dir" / "x.json"), "No such file or directory"),
                          (str(tmp_path), "Is a directory"), ("/dev/full", "No space left on device")):
        line = one_error_line(run("export", "--format", "json", "-o", output, "--db", db))
        assert output in line and words in line
    ro = tmp_path / "ro-data"
    ro.mkdir(mode=0o555)
    for command in (("cache", "stats"), ("gazetteer", "build"),
                    ("export", "--format", "html", "--db", db, "-o", str(tmp_path / "x.html"))):
        line = one_error_line(run(*command, "--data-dir", str(ro), prefix=UNPRIVILEGED))
        assert "folder you can write" in line or "Permission denied" in line, command
    folder_cache = tmp_path / "data"
    (folder_cache / "geocache.sqlite").mkdir(parents=True)
    done = run("cache", "stats", "--data-dir", str(folder_cache))
    assert "Traceback" not in done.stderr.decode() and done.stderr.decode().count("\n") <= 1, done.stderr


def test_the_actors_list_prints_each_id_whole(tmp_path: Path):
    """Ids were cut at 32 characters: a country's government and military printed the country's id, so the
    id an analyst copied to ``--actor`` named another actor. Each id is printed whole, the columns aligned."""
    db = str(tmp_path / "long.sqlite")
    store = fill(Store.open(db))
    hostile = hostile_analysis()
    ids = ("democratic-republic-of-the-congo", "democratic-republic-of-the-congo-government")
    actors = tuple(dataclasses.replace(HOSTILE_ACTOR, id=i, name=f"Actor {n}") for n, i in enumerate(ids))
    store.write(dataclasses.replace(hostile, actors=(*hostile.actors, *actors), actor_mentions=(
        *hostile.actor_mentions, *(dataclasses.replace(hostile.actor_mentions[0], actor_id=i) for i in ids))))
    store.close()
    done = run("actors", "--db", db)
    lines = done.stdout.decode().splitlines()
    assert done.returncode == 0, done.stderr
    assert sorted(line.split()[0] for line in lines if line.startswith("democratic")) == sorted(ids)
    assert len({line.index("armed_group") for line in lines if "armed_group" in line}) == 1  # one column


# -- session 17: odd database URLs, a store from a newer newsmap, a store damaged after it opened --------------


@pytest.mark.parametrize("url", ["mysql://reader:s3cret@db.example/news", "oracle://reader:s3cret@db.example/news",
                                 "https://reader:s3cret@db.example/news", "postgresql://reader:s3cret@db:port/news",
                                 "postgresql://reader:s3cret@[::1/news", "postgresql+psycopg2://reader:s3cret@db/news"])
def test_a_database_url_newsmap_cannot_use_is_one_line_without_its_password(url: str):
    line = one_error_line(run("articles", "--db", url))
    assert "SQLite path or postgresql://" in line and "s3cret" not in line and "unexpected" not in line, line


def test_a_store_written_by_a_newer_newsmap_is_refused_before_anything_is_written(tmp_path: Path):
    db = tmp_path / "newer.sqlite"
    fill(Store.open(str(db))).close()
    import sqlite3

    conn = sqlite3.connect(db)  # what a later release's migration would leave behind
    with conn:
        conn.execute("INSERT INTO schema_migrations VALUES ('0099_article_languages', '2030-01-01 00:00:00')")
    conn.close()
    before = db.read_bytes()
    article = tmp_path / "a.txt"
    article.write_text("Police closed the roads around the port of Basra on Tuesday.")
    for command in (("articles",), ("ingest", str(article)), ("snapshot", "create", "--title", "T")):
        line = one_error_line(run(*command, "--db", str(db)))
        assert "newer newsmap" in line and "0099_article_languages" in line, line
    assert db.read_bytes() == before


def test_a_store_damaged_inside_its_tables_is_one_line_saying_what_to_do(tmp_path: Path):
    """The file opens (its first pages are whole), so the damage shows only when a query reads it."""
    db = tmp_path / "s.sqlite"
    fill(Store.open(str(db))).close()
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    conn.close()
    assert root < pages
    with db.open("r+b") as f:  # the articles table's first page: its header and cells become noise
        f.seek((root - 1) * 4096)
        f.write(bytes(range(256)) * 16)
    for command in (("articles",), ("export", "--format", "csv")):
        line = one_error_line(run(*command, "--db", str(db)))
        assert "damaged" in line and "unexpected" not in line and "backup" in line, line


class _Relay:
    """A TCP relay to the PostgreSQL server that can be cut, as a server stopping mid-ingest cuts every
    connection and refuses new ones."""

    def __init__(self, host: str, port: int) -> None:
        import socket
        import threading

        self.target, self.sockets = (host, port), []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket
        import threading

        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a, b) -> None:  # noqa: ANN001
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass

    def cut(self) -> None:
        import socket

        for s in (self.listener, *self.sockets):  # shutdown, not only close: it wakes the blocked accept()
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()


def test_postgresql_going_away_mid_ingest_stops_it_once_and_keeps_what_was_stored(pg_url: str):
    """Was "unexpected OperationalError ... please report it": the article that met the closed connection
    failed, then rebuilding the actor linker met it too, outside any handler."""
    import sqlalchemy as sa

    from geo.errors import StoreError
    from geo.ingest.pipeline import Pipeline
    from geo.records import Article
    from geo.settings import load_settings
    from tests.faulty import make_faulty_analyser

    url = sa.engine.make_url(pg_url)
    relay = _Relay(url.host or "127.0.0.1", url.port or 5432)
    store = Store.open(url.set(host="127.0.0.1", port=relay.port).render_as_string(hide_password=False))
    write, calls = store.write, []

    def server_stops(analysis, joiner=None):  # noqa: ANN001, ANN202
        calls.append(analysis.article.id)
        if len(calls) == 3:
            relay.cut()
        return write(analysis, joiner)

    store.write = server_stops
    texts = [f"Farmers blocked the ring road of Ghent for the {i}th day." for i in range(6)]
    inputs = [Article(id=f"{i:016x}", text=t, origin=f"in:{i}", raw=t.encode()) for i, t in enumerate(texts)]
    pipeline = Pipeline(analyser=make_faulty_analyser(), store=store, settings=load_settings(),
                        linker=None)
    from geo.ingest.pipeline import store_linker

    pipeline.linker = store_linker(store)
    with pytest.raises(StoreError, match=r"lost the connection to the database.*2 article\(s\) were stored.*"
                                         r"run the same command again once the database is back"):
        pipeline.ingest(inputs)
    assert len(calls) == 3
    store.close()
    back = Store.open(pg_url)
    again = Pipeline(analyser=make_faulty_analyser(), store=back, settings=load_settings()).ingest(inputs)
    assert len(again.duplicates) == 2 and len(again.ingested) == 4
    back.close()


@pytest.mark.parametrize("command", [("export", "--format", "json"), ("export", "--format", "geojson"),
                                     ("snapshot", "export", "--format", "geojson")])
def test_json_on_the_terminal_carries_no_raw_c1_control_or_bidirectional_override(escaped_db: str,
                                                                                   command: tuple[str, ...]):
    """JSON escapes ESC itself but wrote U+009B (a terminal's one-byte CSI) and U+202E raw: ``newsmap export``
    prints to the terminal when no -o is given. The escaped form is the same string to every JSON reader."""
    import json

    if command[0] == "snapshot":
        listed = run("snapshot", "list", "--db", escaped_db).stdout.decode().splitlines()
        command = (*command, listed[1].split()[0])
    done = run(*command, "--db", escaped_db)
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr
    assert "\u009b" not in out and "\u202e" not in out, out
    assert f"Title {ESCAPES}" in _strings(json.loads(out))  # the same title as stored


def _strings(value) -> list[str]:  # noqa: ANN001
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [s for item in items for s in _strings(item)]


def test_a_store_another_program_keeps_locked_stops_the_ingest_once(tmp_path: Path, monkeypatch):  # noqa: ANN001
    """Each article waited out every attempt's busy timeout (five of 30 s) and failed on its own, so a store
    held by a forgotten `sqlite3` shell cost an ingest of a thousand articles days of "database is locked"."""
    import sqlite3

    from geo.errors import StoreError
    from geo.ingest.pipeline import Pipeline
    from geo.records import Article
    from geo.settings import load_settings
    from geo.store import engine
    from tests.faulty import make_faulty_analyser

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)  # the same wait, shorter
    db = tmp_path / "s.sqlite"
    store = Store.open(str(db))
    write, calls, holder = store.write, [], sqlite3.connect(db, isolation_level=None)

    def another_program_locks(analysis, joiner=None):  # noqa: ANN001, ANN202
        calls.append(analysis.article.id)
        if len(calls) == 3:
            holder.execute("BEGIN EXCLUSIVE")
        return write(analysis, joiner)

    store.write = another_program_locks
    texts = [f"Dockers closed the port of Antwerp for the {i}th day." for i in range(6)]
    inputs = [Article(id=f"{i:016x}", text=t, origin=f"in:{i}", raw=t.encode()) for i, t in enumerate(texts)]
    pipeline = Pipeline(analyser=make_faulty_analyser(), store=store, settings=load_settings())
    with pytest.raises(StoreError, match=r"locked by another program.*2 article\(s\) were stored.*"
                                         r"run the same command again"):
        pipeline.ingest(inputs)
    assert len(calls) == 3
    holder.execute("ROLLBACK")
    holder.close()
    store.write = write
    again = pipeline.ingest(inputs)
    assert len(again.duplicates) == 2 and len(again.ingested) == 4


def test_a_gazetteer_damaged_inside_says_how_to_rebuild_it(gazetteer, tmp_path: Path):  # noqa: ANN001
    """Its header and ``meta`` were whole, so it opened; every lookup then failed with SQLite's bare
    "database disk image is malformed": an unexpected error, or one such line per article."""
    import shutil
    import sqlite3

    data = tmp_path / "data"
    data.mkdir()
    copy = data / gazetteer.path.name
    shutil.copyfile(gazetteer.path, copy)
    conn = sqlite3.connect(copy)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    roots = [r for (r,) in conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name IN ('places', 'names') "
                                        "AND rootpage > 0")]
    conn.close()
    with copy.open("r+b") as f:
        for root in roots:
            f.seek((root - 1) * size)
            f.write(bytes(range(256)) * (size // 256))
    status = run("gazetteer", "status", "--data-dir", str(data))
    assert "is damaged" in status.stdout.decode() and "gazetteer build" in status.stdout.decode(), status
    parsed = run("geoparse", "--data-dir", str(data), stdin=b'{"id": "a", "text": "Police closed roads in Basra."}\n')
    line = one_error_line(parsed)
    assert "is damaged" in line and "newsmap gazetteer build" in line and "unexpected" not in line, line
