"""Who may change what, and hostile links, in a real headless Chromium: `newsmap serve --read-only` offers no
change and lists no snapshot; in editing mode a visitor sees and manages only the snapshots their own session
saved; Markdown injected through a link or an article's fields loads nothing and links nowhere outside."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from geo.store import Store
from geo.views.snapshots import create_snapshot
from geo.views.state import ViewState
from tests.factories import fill, hostile_analysis
from tests.browser import chromium, outside, page_at, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]
HOST = "198.51.100.7"  # TEST-NET-2: never a real host, and never reached (the test fails on any request to it)
INJECTED = f"![q](http://{HOST}/q.png) [Session expired](http://{HOST}/p)"
KEYS = ["q", "actor", "source", "type", "article", "zoom", "from", "hypothetical"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str]:
    """A store with an article whose source and title are Markdown pointing outside, and a snapshot saved from
    the command line; returns its path, that article's id and the snapshot's id."""
    db = str(tmp_path_factory.mktemp("access") / "access.sqlite")
    store = fill(Store.open(db))
    hostile = hostile_analysis()
    store.write(dataclasses.replace(hostile, article=dataclasses.replace(
        hostile.article, source=f"![px](http://{HOST}/x.png)", title=f"[title](http://{HOST}/t)")))
    snap = create_snapshot(store, ViewState(actors=("Hezbollah",)), title="Desk snapshot")
    store.close()
    return db, hostile.article.id, snap.id


@pytest.fixture(scope="module")
def editing(store_path: tuple[str, str, str]) -> Iterator[str]:
    yield from serve(store_path[0])


@pytest.fixture(scope="module")
def read_only(store_path: tuple[str, str, str]) -> Iterator[str]:
    yield from serve(store_path[0], "--read-only")


# Links and images of the page that lead to the host (the app's own links may carry it in their query string).
POINTING_OUTSIDE = """host => [...document.querySelectorAll('a[href], img[src]')]
    .map(e => new URL(e.href || e.src, location.href)).filter(u => u.hostname === host).map(u => u.href)"""


def test_injected_markdown_loads_nothing_and_links_nowhere(editing: str, store_path: tuple[str, str, str]):
    requests: list[str] = []
    with page_at(requests=requests) as page:
        for query in [f"{key}={quote(INJECTED)}" for key in KEYS] + [f"article={store_path[1]}"]:
            page.goto(f"{editing}/?{query}", wait_until="domcontentloaded")
            page.get_by_role("button", name="Share this view").wait_for(timeout=60_000)  # the page has run
            page.wait_for_timeout(500)
            assert page.evaluate(POINTING_OUTSIDE, HOST) == [], query
        page.get_by_text(f"![px](http:\u2060//{HOST}/x.png)").first.wait_for(timeout=10_000)  # the source, as text
    assert outside(requests) == []


def test_read_only_mode_offers_viewing_and_downloads_but_no_change(read_only: str, store_path: tuple[str, str, str]):
    with page_at(f"{read_only}/?tab=ingest&actor=Hezbollah") as page:
        page.get_by_text("2 events in 3 places involving Hezbollah").wait_for(timeout=60_000)
        page.get_by_text("Timeline", exact=True).first.wait_for(timeout=30_000)  # the sections, but no Ingest
        assert page.get_by_text("Ingest", exact=True).count() == 0 and "tab=ingest" not in page.url
        page.get_by_role("button", name="Share this view").click()
        page.get_by_role("button", name="Map (HTML)").wait_for(timeout=30_000)  # downloads are there
        assert page.get_by_role("button", name="Save snapshot").count() == 0
        assert page.get_by_text("Snapshots saved").count() == 0 and store_path[2] not in page.content()
        page.goto(f"{read_only}/?snapshot={store_path[2]}", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Desk snapshot").wait_for(timeout=60_000)  # opened by its id
        page.get_by_role("button", name="Image (PNG)").wait_for(timeout=30_000)
        assert page.get_by_role("button", name="Delete").count() == 0
        assert page.get_by_text("Snapshots saved").count() == 0


def test_editing_mode_shows_each_visitor_only_the_snapshots_they_saved(editing: str, store_path: tuple[str, str, str]):
    with chromium() as browser:
        saver = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        saver.goto(f"{editing}/?actor=Hezbollah", wait_until="domcontentloaded")
        saver.get_by_role("button", name="Share this view").click()
        saver.get_by_label("Title").fill("Mine")
        saver.get_by_role("button", name="Save snapshot").click()
        saver.get_by_text("Saved \u201cMine\u201d. Its link:").wait_for(timeout=30_000)
        saver.get_by_text("Snapshots saved in this session (1)").wait_for(timeout=30_000)
        assert store_path[2] not in saver.content()  # the command line's snapshot is not listed
        other = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        other.goto(f"{editing}/?actor=Hezbollah", wait_until="domcontentloaded")
        other.get_by_role("button", name="Share this view").click()
        other.get_by_text("Snapshots saved in this session (0)").wait_for(timeout=30_000)
        assert other.get_by_text("Mine").count() == 0 and store_path[2] not in other.content()
        other.goto(f"{editing}/?snapshot={store_path[2]}", wait_until="domcontentloaded")
        other.get_by_role("heading", name="Desk snapshot").wait_for(timeout=60_000)
        other.get_by_text("Snapshots saved in this session (0)").wait_for(timeout=30_000)
        assert other.get_by_role("button", name="Delete").count() == 0
