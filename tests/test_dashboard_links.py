"""Links the dashboard cannot open as they are: it says why, rather than show another view as if it were theirs.

Through Streamlit's AppTest; what only a browser sees (a query string Streamlit drops) is in test_browser.py.
"""
from __future__ import annotations

import html


from geo.store import Store
from geo.views.snapshots import create_snapshot
from geo.views.state import ViewState

from tests.test_dashboard import _app  # noqa: F401 - the app at a link's parameters


def _texts(elements) -> list[str]:
    return [html.unescape(e.value) for e in elements]


def test_a_link_streamlit_could_not_read_says_so_and_shows_no_map(fixture_db):
    """Streamlit drops a query string of more than 1,000 parameters; the page (told by the browser, see
    test_browser.py) says the link was not read instead of showing the whole store as if it were the view."""
    at = _app(unread="1204", unread_chars="15000")
    assert not at.exception
    [error] = _texts(at.error)
    assert "This link was not read" in error and "1,204 parameters" in error and "1,000" in error
    assert "snapshot" in error
    assert not any(" events in " in c for c in _texts(at.caption))  # no view is described, so none is shown
    assert any("href='?'" in m or "](?)" in m for m in _texts(at.markdown))  # a way on: the whole map


def test_a_link_with_two_snapshots_opens_neither_and_offers_each(fixture_db):
    """Two ``snapshot`` ids opened the last one without a word; a link opens one snapshot, so the page says
    so and links each. The same id twice is one snapshot."""
    store = Store.open(fixture_db)
    first = create_snapshot(store, ViewState(), title="Morning desk view")
    second = create_snapshot(store, ViewState(actors=("Hezbollah",)), title="Evening desk view")
    store.close()
    at = _app(snapshot=[first.id, second.id])
    assert not at.exception and not at.title
    [error] = _texts(at.error)
    assert "2 snapshots" in error and "one" in error
    links = " ".join(_texts(at.markdown))
    assert f"?snapshot={first.id}" in links and f"?snapshot={second.id}" in links
    at = _app(snapshot=[first.id, first.id])
    assert not at.error and _texts(at.title) == ["Morning desk view"]


def test_a_map_position_with_no_place_of_the_view_in_sight_says_where_they_are(fixture_db):
    """``?lat=-60&lon=-140&zoom=6`` (the Southern Ocean) showed an empty map and no hint why: the page says
    the view's places are out of sight, names the nearest and links the view fitted to its places."""
    at = _app(lat="-60", lon="-140", zoom="6")
    assert not at.exception
    [hint] = [i for i in _texts(at.info) if "out of sight" in i]
    assert "nearest" in hint and " km " in hint
    assert "](?)" in hint or "](?" in hint  # the same view without the map position
    assert "lat=" not in hint.split("](")[-1]
    sighted = _app(lat="33.9", lon="35.5", zoom="6")  # Beirut and southern Lebanon in sight: no hint
    assert not [i for i in _texts(sighted.info) if "out of sight" in i]


def test_a_place_drawn_on_another_links_to_it_from_its_panel(fixture_db):
    """A facility placed at its city's point (a camp "outside El Fasher", "the embassy, Beirut") is drawn over
    the city with a circle of the same size, and the city could no longer be clicked: each panel links the
    places drawn at the same point."""
    import dataclasses

    from geo.records import Place
    from tests.factories import hostile_analysis

    store = Store.open(fixture_db)
    hostile = hostile_analysis()
    port = Place(hostile.places[0].place.id, "the port, Beirut", "facility", 33.8938, 35.5018, "LB")
    store.write(dataclasses.replace(hostile, places=(dataclasses.replace(hostile.places[0], place=port),)))
    store.close()
    at = _app(place="gn:276781")
    assert not at.exception and _texts(at.subheader) == ["Beirut"]
    [line] = [c for c in _texts(at.caption) if "same point" in c]
    assert "the port, Beirut" in line and "place=gn%3Ahostile" in line
    at = _app(place="gn:hostile")
    [line] = [c for c in _texts(at.caption) if "same point" in c]
    assert "Beirut" in line and "place=gn%3A276781" in line
