"""Snapshots: the view state round-trips through the URL and the store, the frozen data never changes,
ids are unguessable and checked, list/rename/delete work on both databases, from the CLI and the dashboard."""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from geo.views import snapshots
from geo.errors import NewsmapError, SnapshotError
from geo.views.snapshots import create_snapshot, delete_snapshot, get_snapshot, list_snapshots, rename_snapshot
from geo.store import Store
from geo.views.state import ViewState, view_data
from tests.conftest import REPO
from tests.factories import fill, later_analysis

FULL_STATE = ViewState(actors=("Hezbollah", "Israel"), types=("Battles", "Explosions/Remote violence"),
                       date_from="2024-02-01", date_to="2024-03-31", source="Shafaq News", q="rockets & \"jets\"",
                       place="gn:276781", article="a1", lat=33.8938, lon=35.5018, zoom=8,
                       include_affiliated=True, show_hypothetical=True)


def _ids(data) -> tuple[list[str], list[str]]:  # noqa: ANN001
    return sorted(p["id"] for p in data["places"]), sorted(e["id"] for e in data["events"])


def test_view_state_round_trips_through_the_url_and_a_snapshot(store):
    fill(store)
    assert ViewState.from_query_params(parse_qs(FULL_STATE.to_url()[1:])) == FULL_STATE
    snap = create_snapshot(store, FULL_STATE, title="Everything set", note="a note")
    again = get_snapshot(store, snap.id)
    assert again.state == FULL_STATE
    assert (again.title, again.note, again.description) == ("Everything set", "a note", snap.description)
    assert again.created_at == snap.created_at.replace(microsecond=again.created_at.microsecond)
    assert again.created_at.tzinfo is not None
    assert ViewState.from_query_params(parse_qs(again.state.to_url()[1:])) == FULL_STATE


def test_snapshot_is_immutable_after_another_ingest(store):
    fill(store)
    state = ViewState(actors=("Hezbollah",))
    snap = create_snapshot(store, state, title="Hezbollah before Sunday")
    before = _ids(snap.data)
    assert snap.description == "2 events in 3 places involving Hezbollah"
    assert store.write(later_analysis())
    live = view_data(store, state)
    assert _ids(live) != before and "gn:281124" in _ids(live)[0]  # the live view moved on...
    again = get_snapshot(store, snap.id)
    assert _ids(again.data) == before  # ...the snapshot did not
    assert again.data == json.loads(json.dumps(snap.data))
    assert again.description == snap.description
    titles = {a["id"]: a["title"] for a in again.data["articles"]}
    assert titles["a1" + "0" * 14] == "Qaani meets Hezbollah in Beirut"  # article references keep their titles


def test_snapshot_freezes_the_data_given(sqlite_store):
    fill(sqlite_store)
    data = view_data(sqlite_store, ViewState(types=("Battles",)))
    snap = create_snapshot(sqlite_store, ViewState(types=("Battles",)), title="Battles", data=data)
    assert get_snapshot(sqlite_store, snap.id).data == data
    assert snap.description == "1 event in 1 place of type Battles"


def test_ids_are_random_url_safe_and_checked(sqlite_store):
    ids = [create_snapshot(sqlite_store, ViewState(), title=f"n{i}").id for i in range(20)]
    assert len(set(ids)) == 20 and all(snapshots.ID_PATTERN.fullmatch(i) for i in ids)
    assert sorted(ids) != ids or sorted(ids, reverse=True) != ids  # not a sequence
    for bad in ("", "1", "../../etc/passwd", "a" * 17, "abc def ghi jklm", "<script>alert(1)</script>"):
        with pytest.raises(SnapshotError, match="malformed") as err:
            get_snapshot(sqlite_store, bad)
        assert repr(bad) in str(err.value) and "newsmap snapshot list" in str(err.value)
    with pytest.raises(SnapshotError, match="no snapshot with id 'AAAAAAAAAAAAAAAA'"):
        get_snapshot(sqlite_store, "AAAAAAAAAAAAAAAA")
    assert isinstance(SnapshotError("x"), (NewsmapError, LookupError))


def test_list_rename_delete(store):
    fill(store)
    first = create_snapshot(store, ViewState(), title="first", now=dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc))
    second = create_snapshot(store, ViewState(actors=("Hamas",)), title="second")
    assert [s.id for s in list_snapshots(store)] == [second.id, first.id]  # newest first
    assert list_snapshots(store)[1].created_label == "2024-03-01 00:00 UTC"
    rename_snapshot(store, first.id, "  renamed   title ")
    assert get_snapshot(store, first.id).title == "renamed title"
    assert get_snapshot(store, first.id).data == first.data
    delete_snapshot(store, first.id)
    assert [s.id for s in list_snapshots(store)] == [second.id]
    with pytest.raises(SnapshotError, match="no snapshot"):
        delete_snapshot(store, first.id)
    with pytest.raises(SnapshotError, match="no snapshot"):
        rename_snapshot(store, first.id, "x")
    with pytest.raises(SnapshotError, match="needs a title"):
        create_snapshot(store, ViewState(), title="   ")
    assert store.counts()["snapshots"] == 1


# -- CLI -------------------------------------------------------------------------------------------

def _cli(*args: str, db: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSMAP_DB": db, "NEWSMAP_DATA_DIR": str(REPO / "cache"), "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "geo.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_cli_create_list_show_rename_export_delete(tmp_path: Path):
    db = str(tmp_path / "cli.sqlite")
    fill(Store.open(db)).close()
    out = _cli("snapshot", "create", "--actor", "Hezbollah", "--from", "2024-02-01", "--title", "Hezbollah",
               "--note", "for the desk", db=db)
    assert out.returncode == 0, out.stderr
    sid = out.stdout.split("\t")[0]
    assert "2 events in 3 places involving Hezbollah, from 2024-02-01" in out.stdout
    assert f"?snapshot={sid}" in out.stdout
    listing = _cli("snapshot", "list", db=db).stdout
    assert sid in listing and "Hezbollah" in listing
    show = _cli("snapshot", "show", sid, db=db).stdout
    assert "note:    for the desk" in show and "filters: ?actor=Hezbollah&from=2024-02-01" in show
    assert _cli("snapshot", "rename", sid, "Renamed", db=db).returncode == 0
    whole = _cli("snapshot", "create", "--title", "All", db=db).stdout.split("\t")[0]
    assert "filters: none (the whole store)" in _cli("snapshot", "show", whole, db=db).stdout
    assert _cli("snapshot", "delete", whole, db=db).returncode == 0
    Store.open(db).write(later_analysis())
    geo = _cli("snapshot", "export", sid, "--format", "geojson", db=db)
    assert geo.returncode == 0, geo.stderr
    collection = json.loads(geo.stdout)
    assert collection["title"] == "Renamed" and len(collection["features"]) == 3  # frozen: Khan Younis not added
    rows = _cli("snapshot", "export", sid, "--format", "csv", db=db).stdout.splitlines()
    assert len(rows) == 3
    png = _cli("snapshot", "export", sid, "--format", "png", "--size", "640x400", db=db, cwd=tmp_path)
    assert png.returncode == 0, png.stderr
    assert (tmp_path / f"snapshot-{sid}.png").read_bytes()[:4] == b"\x89PNG"
    page = _cli("snapshot", "export", sid, "--format", "html", "-o", str(tmp_path / "s.html"), db=db)
    assert page.returncode == 0, page.stderr
    assert "Renamed" in (tmp_path / "s.html").read_text(encoding="utf-8")
    assert _cli("snapshot", "delete", sid, db=db).returncode == 0
    assert "no snapshots yet" in _cli("snapshot", "list", db=db).stdout


def test_new_ids_never_start_with_a_dash(monkeypatch):
    """The command line would read ``-Ab...`` as an option; such draws are thrown away."""
    draws = iter(["-leadingdash0000", "_underscoreIsOk0"])
    monkeypatch.setattr(snapshots.secrets, "token_urlsafe", lambda n: next(draws))
    assert snapshots.new_id() == "_underscoreIsOk0"


def test_cli_reads_an_old_id_that_starts_with_a_dash_after_double_dash(tmp_path: Path, monkeypatch):
    db = str(tmp_path / "cli.sqlite")
    store = fill(Store.open(db))
    monkeypatch.setattr(snapshots, "new_id", lambda: "-RiR6ii7dR8KhznJ")
    create_snapshot(store, ViewState(), title="Made before ids avoided dashes")
    store.close()
    assert "-- -Ab12" in _cli("snapshot", "show", "--help", db=db).stdout
    show = _cli("snapshot", "show", "--", "-RiR6ii7dR8KhznJ", db=db)
    assert show.returncode == 0 and "Made before ids avoided dashes" in show.stdout, show.stderr


def test_cli_unknown_and_malformed_ids_are_one_line(tmp_path: Path):
    db = str(tmp_path / "cli.sqlite")
    for args in (("show", "AAAAAAAAAAAAAAAA"), ("export", "nope", "--format", "csv"), ("delete", "x y"),
                 ("rename", "AAAAAAAAAAAAAAAA", "t")):
        out = _cli("snapshot", *args, db=db)
        assert out.returncode == 1 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
        assert out.stderr.startswith("newsmap: error: ")
    help_ = _cli("snapshot", "--help", db=db)
    assert help_.returncode == 0 and all(a in help_.stdout for a in ("create", "list", "rename", "delete", "export"))
    bad = _cli("snapshot", "export", "AAAAAAAAAAAAAAAA", "--format", "png", "--size", "big", db=db)
    assert bad.returncode == 2 and "1600x1000" in bad.stderr


def test_cli_export_of_a_live_view(tmp_path: Path):
    db = str(tmp_path / "cli.sqlite")
    fill(Store.open(db)).close()
    whole = json.loads(_cli("export", "--format", "geojson", db=db).stdout)
    assert len(whole["features"]) == 5 and "title" not in whole  # the whole store, as before
    view = json.loads(_cli("export", "--format", "geojson", "--type", "Battles", db=db).stdout)
    assert [f["properties"]["name"] for f in view["features"]] == ["Khan Younis"]
    assert view["description"] == "1 event in 1 place of type Battles"
    out = _cli("export", "--format", "png", "--actor", "Hamas", "-o", str(tmp_path / "v.png"), db=db)
    assert out.returncode == 0 and (tmp_path / "v.png").stat().st_size > 10_000


# -- dashboard -------------------------------------------------------------------------------------

APP = str(REPO / "dashboard" / "app.py")


def _app(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_dashboard_save_then_open_by_url_after_another_ingest(fixture_db):
    at = _app(actor="Hezbollah")
    assert not at.exception
    assert "?actor=Hezbollah" in [c.value for c in at.code]  # the live link, shown with a copy button
    at.text_input(key="snap_new_title").set_value("Hezbollah <b>today</b>")
    at.text_area(key="snap_new_note").set_value("for the desk")
    at.button(key="snap_save").click().run()
    assert not at.exception
    [snap] = list_snapshots(Store.open(fixture_db))
    assert any(f"?snapshot={snap.id}" in c.value for c in at.code)
    assert Store.open(fixture_db).write(later_analysis())
    live = _app(actor="Hezbollah")
    assert any(c.value == "3 events in 4 places involving Hezbollah" for c in live.caption)
    frozen = _app(snapshot=snap.id)
    assert not frozen.exception
    banner = frozen.info[0].value
    assert banner.startswith(f"Snapshot of {snap.created_label}: Hezbollah &lt;b&gt;today&lt;/b&gt;")
    assert any(c.value == "2 events in 3 places involving Hezbollah" for c in frozen.caption)
    assert not frozen.multiselect  # no filters in a snapshot
    assert len(frozen.tabs) == 2


def test_dashboard_rename_and_delete(fixture_db):
    """The session that saved a snapshot renames and deletes it (others: see tests/test_dashboard_access.py)."""
    at = _app()
    at.text_input(key="snap_new_title").set_value("old")
    at.button(key="snap_save").click().run()
    [snap] = list_snapshots(Store.open(fixture_db))
    at.text_input(key=f"snap_title_{snap.id}").set_value("new")
    at.button(key=f"snap_rename_{snap.id}").click().run()
    assert get_snapshot(Store.open(fixture_db), snap.id).title == "new"
    at.button(key=f"snap_delete_{snap.id}").click().run()
    assert not at.exception and list_snapshots(Store.open(fixture_db)) == []
    assert any("Deleted" in s.value for s in at.success)


def test_dashboard_snapshot_title_is_text_not_markdown(fixture_db):
    title = "[Click here](https://evil.example) **now** <b>x</b>"
    snap = create_snapshot(Store.open(fixture_db), ViewState(), title=title)
    page = _app(snapshot=snap.id)
    assert not page.exception
    shown = page.title[0].value
    assert "](" not in shown and "**" not in shown and "<b>" not in shown
    # the same words, every markup character as an entity (and a word joiner that keeps a URL from being a link)
    assert html.unescape(shown).replace("\u2060", "") == title


@pytest.mark.parametrize("sid, words", [("AAAAAAAAAAAAAAAA", "no snapshot with id"), ("../x", "malformed")])
def test_dashboard_unknown_or_malformed_snapshot_id(fixture_db, sid, words):
    at = _app(snapshot=sid)
    assert not at.exception
    assert any(words in e.value and "Cannot open this snapshot" in e.value for e in at.error)


def test_snapshot_html_export_shows_jinja_in_titles_as_text(sqlite_store: Store):
    """A snapshot's title and its articles' titles are text in the exported page, never a template."""
    from geo.render import exports
    from tests.factories import JINJA, hostile_analysis

    fill(sqlite_store).write(hostile_analysis())
    snap = create_snapshot(sqlite_store, ViewState(), title=f"Desk {JINJA}", note="")
    page = exports.export_bytes(dict(snap.data), "html", title=snap.title, description=snap.caption,
                                assets={n: f"data:text/plain,{n}" for n in ("leaflet.js", "leaflet.css")},
                                state=snap.state).decode()
    assert "49" not in page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert f"<title>Desk {html.escape(JINJA)}</title>" in page


def test_nul_characters_in_a_title_or_note_are_stored_alike_on_both_databases(store: Store):
    """PostgreSQL's text cannot hold NUL: a title or note typed with one is saved without it, on either database."""
    fill(store)
    state = ViewState.from_query_params({"q": "rockets\x00"})  # a link with ?q=rockets%00
    snap = create_snapshot(store, state, title="Haifa\x00 strikes", note="for\x00 the desk")
    rename_snapshot(store, snap.id, "Haifa\x00, again")
    saved = get_snapshot(store, snap.id)
    assert (saved.title, saved.note) == ("Haifa, again", "for the desk") and "\x00" not in saved.description
