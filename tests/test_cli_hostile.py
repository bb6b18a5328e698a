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


def run(*args: str, env: dict | None = None, prefix: list[str] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, *NEWSMAP, *args], cwd=REPO, env={**os.environ, **(env or {})},
                          capture_output=True, timeout=600)


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
