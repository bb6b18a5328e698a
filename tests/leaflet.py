"""Reading and clicking the places of a rendered newsmap map in a real browser (Playwright frames or pages).

The places are circles on a canvas, not DOM elements: these helpers find them through Leaflet (the places
layer carries ``nmPlaces``, the columns it draws, and ``nmDrawn`` once drawn) and click where a person would.
"""
from __future__ import annotations

from typing import Any

_GROUP = """() => { for (const k in window) { const m = window[k];
    if (m && window.L && m instanceof L.Map) { let g = null; m.eachLayer(l => { if (l.nmPlaces) g = l; });
        if (g) return [m, g]; } } return null; }"""


def wait_for_places(frame: Any, timeout: float = 60_000) -> int:
    """Wait until the places are drawn at the map's current view (no zoom animation under way); returns
    how many circles the map holds."""
    frame.wait_for_function(f"(() => {{ const f = ({_GROUP})(); return f !== null && f[1].nmDrawn > 0 "
                            "&& !f[0]._animatingZoom && f[1]._zoom === f[0].getZoom(); })()", timeout=timeout)
    return frame.evaluate(f"() => ({_GROUP})()[1].nmDrawn")


def opening_zooms(frame: Any) -> tuple[int, int]:
    """The zoom the places were first drawn at, and the map's zoom now."""
    first, now = frame.evaluate(f"() => {{ const [m, g] = ({_GROUP})(); return [g.nmFirstZoom, m.getZoom()]; }}")
    return first, now


def place_point(frame: Any, place_id: str) -> dict[str, float]:
    """Where a place's circle is drawn, in pixels from the map's top-left corner."""
    point = frame.evaluate(f"id => ({_GROUP})()[1].nmPoint(id)", place_id)
    assert point is not None, f"no place {place_id} on the map"
    return point


def click_place(frame: Any, place_id: str, attempts: int = 3) -> None:
    """Click a place's circle with the mouse (the places layer decides which circle was hit) until its popup
    opens: a click while the map is still being laid out (the page's first rerun) can miss."""
    popup = frame.locator(f".nm-popup[data-place='{place_id}']")
    for _ in range(attempts):
        frame.locator(".leaflet-container").first.click(position=place_point(frame, place_id))
        try:
            popup.first.wait_for(state="attached", timeout=5_000)
            return
        except Exception:  # noqa: BLE001 - playwright's TimeoutError; click again
            continue
    raise AssertionError(f"clicking {place_id} opened no popup in {attempts} attempts")


def open_popup(frame: Any, place_id: str) -> None:
    """Open a place's popup through Leaflet (its circle may sit under another one)."""
    assert frame.evaluate(f"id => ({_GROUP})()[1].nmOpen(id)", place_id), f"no place {place_id} on the map"


def popup_text(frame: Any, place_id: str) -> str:
    """Open a place's popup once the places are drawn, and return its text as shown."""
    wait_for_places(frame)
    open_popup(frame, place_id)
    popup = frame.locator(f".nm-popup[data-place='{place_id}']").last
    popup.wait_for(timeout=10_000)
    return popup.inner_text()


def place_colours(frame: Any) -> dict[str, str]:
    """The fill colour the map draws each place in, by place id (the columns the places layer draws from)."""
    return frame.evaluate(f"""() => {{ const d = ({_GROUP})()[1].nmPlaces;
        const out = {{}}; d.id.forEach((id, i) => {{ out[id] = d.colours[d.c[i]]; }}); return out; }}""")


def drawn_ids(frame: Any) -> list[str]:
    """The ids of the places the map draws now."""
    return frame.evaluate(f"() => ({_GROUP})()[1].nmPlaces.id")


def selected_place(frame: Any) -> str | None:
    """The id of the place the map rings as selected."""
    return frame.evaluate(f"() => ({_GROUP})()[1].nmSelected")


def place_radius(frame: Any, place_id: str) -> float:
    """The radius, in pixels, of a place's circle."""
    return frame.evaluate(f"id => {{ const d = ({_GROUP})()[1].nmPlaces; return d.r[d.id.indexOf(id)]; }}", place_id)
