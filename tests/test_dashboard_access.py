"""The dashboard against hostile links, stores and visitors, through Streamlit's AppTest: URL and article texts
stay text, the table's cells cannot be formulas, errors show no server detail, and who may change what
(read-only mode; in editing mode, snapshots are managed only by the session that saved them)."""
from __future__ import annotations

import dataclasses
import html
import re

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from geo.store import Store
from geo.views.snapshots import create_snapshot, get_snapshot, list_snapshots
from geo.views.state import ViewState
from tests.conftest import REPO
from tests.factories import hostile_analysis

APP = str(REPO / "dashboard" / "app.py")
INJECTED = "![q](http://198.51.100.7/q.png) [Session expired](http://198.51.100.7/p)"


def _app(**params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def _shown(at: AppTest) -> list[str]:
    """Every text the page hands to Streamlit's Markdown renderer."""
    return [e.value for kind in ("markdown", "caption", "warning", "info", "error", "success", "title",
                                 "subheader", "header") for e in getattr(at, kind)]


def _no_markdown_from_outside(texts: list[str]) -> None:
    """No image, no link but the app's own (to a view of this page: ``](?...)``), no URL from outside."""
    for text in texts:
        assert not re.search(r"!\[|\]\((?!\?)", text) and "http://198" not in text, text


@pytest.mark.parametrize("key", ["q", "actor", "source", "type", "article", "zoom", "from", "hypothetical"])
def test_url_parameters_are_shown_as_text(fixture_db, key: str):
    at = _app(**{key: INJECTED})
    assert not at.exception
    _no_markdown_from_outside(_shown(at))
    assert any("Session expired" in html.unescape(t) for t in _shown(at)), key  # said, as text


def test_an_articles_source_and_title_are_text(fixture_db):
    store = Store.open(fixture_db)
    hostile = hostile_analysis()
    store.write(dataclasses.replace(hostile, article=dataclasses.replace(
        hostile.article, source="![px](http://198.51.100.7/x.png)", title="[t](http://198.51.100.7/t)")))
    at = _app(article=hostile.article.id)
    assert not at.exception
    _no_markdown_from_outside(_shown(at))


def test_urls_in_escaped_text_are_not_turned_into_broken_links(fixture_db):
    at = _app(q="see (http://example.org/a) or www.example.org or a@example.org")
    caption = html.unescape(next(c.value for c in at.caption if "example" in c.value))
    assert "http://" not in caption and "www." not in caption and "a@example" not in caption  # no autolink
    assert "see (http://example.org/a) or www.example.org or a@example.org" in caption.replace("\u2060", "")


def test_the_events_table_shows_no_formula(fixture_db):
    Store.open(fixture_db).write(hostile_analysis())
    at = _app(tab="events")
    assert not at.exception
    cells = [str(v) for df in at.dataframe for v in df.value.values.ravel()]
    assert any("HYPERLINK" in v for v in cells)
    assert not [v for v in cells if v.lstrip()[:1] in ("=", "+", "-", "@")]


def test_a_corrupt_store_is_one_short_line_without_server_paths(fixture_db, tmp_path, monkeypatch):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 200)
    monkeypatch.setenv("NEWSMAP_DB", str(bad))
    at = _app()
    assert not at.exception and len(at.error) == 1
    assert "store" in at.error[0].value and str(tmp_path) not in at.error[0].value


def test_a_store_from_a_newer_newsmap_is_not_opened(fixture_db):
    """It was read and written as if current."""
    with sa.create_engine(f"sqlite:///{fixture_db}").begin() as conn:
        conn.execute(sa.text("INSERT INTO schema_migrations VALUES ('0099_article_languages', '2030-01-01')"))
    at = _app()
    assert not at.exception and len(at.error) == 1
    assert "newer newsmap" in at.error[0].value and fixture_db not in at.error[0].value


def test_an_unexpected_error_shows_a_short_message_and_no_details(fixture_db):
    with sa.create_engine(f"sqlite:///{fixture_db}").begin() as conn:  # another program's table of that name
        conn.exec_driver_sql("DROP TABLE event_places")
        conn.exec_driver_sql("CREATE TABLE event_places (x INTEGER)")
    at = _app()
    assert not at.exception
    [error] = at.error
    assert "server's log" in error.value and "Traceback" not in error.value and fixture_db not in error.value


# -- who may change what ---------------------------------------------------------------------------------------

def test_read_only_mode_offers_no_change_and_lists_no_snapshot(fixture_db, monkeypatch):
    other = create_snapshot(Store.open(fixture_db), ViewState(), title="the desk's snapshot")
    monkeypatch.setenv("NEWSMAP_READ_ONLY", "1")
    at = _app(tab="ingest")
    assert not at.exception
    assert "ingest" not in at.segmented_control(key="section").options
    keys = {w.key for kind in ("button", "text_input", "text_area") for w in getattr(at, kind)}
    assert not {k for k in keys if k and k.startswith("snap_")}, keys
    assert not any(other.id in t or "the desk" in t for t in _shown(at))
    snap_page = _app(snapshot=other.id)  # opening a snapshot by its id still works
    assert not snap_page.exception and "the desk" in snap_page.title[0].value
    assert not [b for b in snap_page.button if b.key and b.key.startswith("snap_")]
    assert len(list_snapshots(Store.open(fixture_db))) == 1


def test_editing_mode_lists_and_manages_only_this_sessions_snapshots(fixture_db):
    other = create_snapshot(Store.open(fixture_db), ViewState(), title="saved elsewhere")
    at = _app()
    assert not any("saved elsewhere" in t for t in _shown(at))
    assert not [b for b in at.button if b.key and other.id in b.key]
    at.text_input(key="snap_new_title").set_value("mine")
    at.button(key="snap_save").click().run()
    [mine] = [s for s in list_snapshots(Store.open(fixture_db)) if s.title == "mine"]
    at.text_input(key=f"snap_title_{mine.id}").set_value("mine, renamed")
    at.button(key=f"snap_rename_{mine.id}").click().run()
    assert get_snapshot(Store.open(fixture_db), mine.id).title == "mine, renamed"
    at.button(key=f"snap_delete_{mine.id}").click().run()
    assert not at.exception and [s.id for s in list_snapshots(Store.open(fixture_db))] == [other.id]
    page = _app(snapshot=other.id)  # another visitor opening a snapshot sees no list of the others
    assert not page.exception and not [b for b in page.button if b.key and b.key.startswith("snap_")]
