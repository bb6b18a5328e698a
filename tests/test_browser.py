"""The dashboard in a real headless Chromium: markers, popup, screenshot, no script runs, no request leaves.

Starts `newsmap serve --offline` on a free loopback port over a store of the test fixtures, opens
``/?actor=Hezbollah`` and checks what a person sees. Skips only when Debian's chromium is absent.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.render import maps, style
from geo.store import Store
from tests.browser import map_frame, outside, page_at, redrawn_map, serve
from tests.factories import context_analysis, fill, reported_twice_analysis
from tests.leaflet import (_GROUP, click_place, drawn_ids, opening_zooms, place_colours, place_point, place_radius, popup_text,
                           selected_place, wait_for_places)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
_DBS: dict[str, str] = {}  # server URL -> its database, for tests that add to it (a snapshot)


def _server_db(url: str) -> str:
    return _DBS[url]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("browser") / "browser.sqlite")
    store = fill(Store.open(db))
    store.write(context_analysis())  # events placed from article context in Gaza and Khan Younis
    store.write(reported_twice_analysis())  # a clash in Khan Younis told in two sentences
    store.close()
    for url in serve(db):
        _DBS[url] = db
        yield url


def test_map_markers_popup_and_no_script(server: str, tmp_path: Path):
    requests: list[str] = []
    dialogs: list[str] = []
    with page_at(f"{server}/?actor=Hezbollah", requests=requests, dialogs=dialogs) as page:
        frame = map_frame(page)
        assert wait_for_places(frame) == 3  # Beirut, southern Lebanon, Israel
        first_zoom, zoom = opening_zooms(frame)  # fitted to its places at once, not zoomed to them after
        assert first_zoom == zoom and zoom != maps.DEFAULT_ZOOM, (first_zoom, zoom)
        page.get_by_text("2 events in 3 places involving Hezbollah").wait_for(timeout=30_000)
        click_place(frame, "country:IL")  # a real click on the canvas: popup, and the place is selected
        popup = frame.locator(".nm-popup[data-place='country:IL']")
        popup.first.wait_for(timeout=10_000)
        text = popup.first.inner_text()
        assert "event" in text and "Articles" in text
        assert "<script>alert('x')</script>" in text  # the payload title is text
        page.get_by_role("heading", name="Israel").wait_for(timeout=30_000)  # the place's panel
        # The URL follows at the end of the same script run, after the panel and the sidebar.
        page.wait_for_url(lambda u: "place=country%3AIL" in u or "place=country:IL" in u, timeout=30_000)
        assert "Beirut" in popup_text(map_frame(page), "gn:276781")
        page.wait_for_timeout(500)
        page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
        # The article whose title and text carry a script payload, opened in the article view.
        page.goto(f"{server}/?article=c3", wait_until="domcontentloaded")
        page.get_by_text("A reader wrote").first.wait_for(timeout=30_000)
        page.wait_for_timeout(1000)
    assert dialogs == []
    assert outside(requests) == []
    shot = tmp_path / "dashboard.png"
    assert shot.stat().st_size > 20_000
    if os.environ.get("NEWSMAP_SCREENSHOT"):
        shutil.copy(shot, os.environ["NEWSMAP_SCREENSHOT"])


def test_share_popover_holds_the_link_with_a_copy_button(server: str):
    """The sidebar's Share button opens the link to the view (with Streamlit's copy button), the snapshot form
    and the downloads; they stay out of the first page load until opened."""
    with page_at(f"{server}/?actor=Hezbollah") as page:
        share = page.get_by_role("button", name="Share this view")
        share.wait_for(timeout=30_000)
        assert page.locator("[data-testid='stCode']").count() == 0  # not rendered until opened
        share.click()
        code = page.locator("[data-testid='stCode']").first
        code.wait_for(timeout=10_000)
        assert f"{server}/?actor=Hezbollah" in code.inner_text()
        code.hover()
        page.locator("button[aria-label='Copy to clipboard']").first.wait_for(state="attached", timeout=5_000)
        page.get_by_label("Title").fill("Share test")
        page.get_by_role("button", name="Save snapshot").click()  # the popover stays open across the rerun
        page.get_by_text("Saved \u201cShare test\u201d. Its link:").wait_for(timeout=30_000)
        # the link's code block may be drawn a moment after the message: wait for it (30 s) rather than look once
        page.locator("[data-testid='stCode']", has_text="?snapshot=").first.wait_for(timeout=30_000)


def test_popup_and_legend_tell_events_placed_from_article_context(server: str):
    """The page builds popups itself (geo/data/places_layer.js): it says what geo.render.maps.render_popup says."""
    with page_at(f"{server}/") as page:
        frame = map_frame(page)
        text = popup_text(frame, "gn:281124")
        assert "Khan Younis" in text
        assert "3 events (1 placed from article context), " in text  # one from the fixtures, one told twice
        assert "Battles \u00b7 2024-03-10 \u00b7 Hamas, Israel \u00b7 2 reports from 1 source" in text
        assert "events placed from article context only" not in frame.locator(".nm-legend").inner_text()
        page.goto(f"{server}/?type=Explosions%2FRemote+violence", wait_until="domcontentloaded")
        frame = map_frame(page)
        wait_for_places(frame)
        legend = frame.locator(".nm-legend")
        legend.wait_for(timeout=10_000)
        assert "events placed from article context only" in legend.inner_text()  # Khan Younis' only event there


def _rgb(hex_: str) -> tuple[int, int, int]:
    return tuple(int(hex_[i:i + 2], 16) for i in (1, 3, 5))


def _has_colour(png: bytes, hex_: str, tolerance: int = 6) -> int:
    """How many pixels of the image are ``hex_`` (within ``tolerance`` per channel)."""
    import io

    from PIL import Image

    want = _rgb(hex_)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(n for n, c in image.getcolors(maxcolors=1 << 22)
               if all(abs(a - b) <= tolerance for a, b in zip(c, want)))


def test_one_palette_on_the_map_the_timeline_and_the_png(server: str):
    """A type has one colour (geo.render.style) on the map and its legend, in the timeline's bars and in the
    PNG export downloaded from the page; and no other type's colour stands in for it."""
    battles, other = style.type_colour("Battles"), style.type_colour("Meeting/Consultation")
    with page_at(f"{server}/?type=Battles&tab=timeline") as page:
        frame = map_frame(page)
        wait_for_places(frame)
        assert set(place_colours(frame).values()) == {battles}
        swatch = frame.locator(".nm-legend i").first
        swatch.wait_for(timeout=10_000)
        assert swatch.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb({}, {}, {})".format(*_rgb(battles))
        chart = page.locator("[data-testid='stVegaLiteChart']").first
        chart.wait_for(timeout=30_000)
        page.wait_for_timeout(1000)
        bars = chart.screenshot()
        assert _has_colour(bars, battles) > 200 and _has_colour(bars, other) == 0
        page.get_by_role("button", name="Share this view").click()
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="Image (PNG)").click()
        png = Path(download.value.path()).read_bytes()
        assert _has_colour(png, battles) > 50 and _has_colour(png, other) == 0


@pytest.mark.parametrize("width,height", [(1280, 800), (1920, 1080), (390, 844)])
def test_the_map_comes_first_with_the_panel_beside_or_below(server: str, width: int, height: int):
    """The map takes most of the first screen: on a desktop most of the width beside the sidebar and most of
    the height, with the place's panel at its right; on a phone the whole width, with the panel below it."""
    with page_at(f"{server}/?place=gn:276781", (width, height)) as page:
        wait_for_places(map_frame(page))
        panel = page.get_by_role("heading", name="Beirut")
        panel.wait_for(timeout=30_000)
        page.wait_for_timeout(500)
        box = page.locator("iframe[title='streamlit_folium.st_folium']").bounding_box()
        heading = panel.bounding_box()
        sidebar = page.locator("[data-testid='stSidebar']").bounding_box()
    main_width = width - (sidebar["width"] if sidebar and sidebar["x"] >= 0 and width > 640 else 0)
    if width > 640:
        assert box["width"] >= 0.65 * main_width and box["width"] >= 0.45 * width, (box, main_width)
        assert box["height"] >= 0.7 * height and box["y"] + box["height"] <= height, box
        assert heading["x"] >= box["x"] + box["width"] and heading["y"] < box["y"] + 100, (heading, box)
    else:
        assert box["width"] >= 0.85 * width and box["height"] >= 0.5 * height, box
        assert heading["y"] >= box["y"] + box["height"], (heading, box)


@pytest.mark.parametrize("width,height", [(1280, 800), (390, 844)])
def test_the_legend_folds_to_its_heading_on_a_phone(server: str, width: int, height: int):
    """Open, the legend covers a third of a phone's map: there it starts folded to "Event type" and one tap
    unfolds it; on a desktop it is open from the start."""
    with page_at(f"{server}/", (width, height)) as page:
        frame = map_frame(page)
        wait_for_places(frame)
        legend = frame.locator(".nm-legend")
        legend.wait_for(timeout=10_000)
        map_box = frame.locator(".leaflet-container").first.bounding_box()
        first = legend.bounding_box()
        first_text = legend.inner_text()
        frame.get_by_text("Event type").click()
        page.wait_for_timeout(300)
        second, second_text = legend.bounding_box(), legend.inner_text()
    share = first["width"] * first["height"] / (map_box["width"] * map_box["height"])
    if width < 500:
        assert first_text.strip() == "Event type" and share < 0.05, (first_text, share)
        assert "Battles" in second_text and second["height"] > 2 * first["height"], second_text
    else:
        assert "Battles" in first_text and "size: events" in first_text, first_text
        assert second_text.strip() == "Event type", second_text  # a click on the heading folds it


def _ring_pixel(page, frame, place_id: str) -> tuple[int, int, int]:  # noqa: ANN001 - playwright types
    """The colour on screen just outside a place's circle, where the selection ring is drawn."""
    import io

    from PIL import Image

    point, radius = place_point(frame, place_id), place_radius(frame, place_id)
    shot = Image.open(io.BytesIO(page.locator("iframe[title='streamlit_folium.st_folium']").screenshot()))
    return shot.convert("RGB").getpixel((round(point["x"] + radius + 3), round(point["y"])))


def test_the_selected_place_is_ringed_in_a_link_after_a_click_and_in_a_snapshot(server: str, tmp_path: Path):
    from geo.views.snapshots import create_snapshot
    from geo.views.state import ViewState

    store = Store.open(_server_db(server))
    snap = create_snapshot(store, ViewState(place="region:gaza-strip"), title="Ring test")
    store.close()
    with page_at(f"{server}/?place=gn:276781") as page:
        frame = map_frame(page)
        wait_for_places(frame)
        assert selected_place(frame) == "gn:276781"
        page.wait_for_timeout(500)
        assert max(_ring_pixel(page, frame, "gn:276781")) < 60  # black ring
        click_place(frame, "country:IL")
        assert selected_place(frame) == "country:IL"  # at once, in the page
        page.wait_for_url(lambda u: "place=country" in u, timeout=30_000)
        page.goto(f"{server}/{snap.url()}", wait_until="domcontentloaded")
        frame = map_frame(page)
        wait_for_places(frame)
        assert selected_place(frame) == "region:gaza-strip"


def test_the_time_slider_changes_the_places_drawn_and_the_url(server: str):
    """Up to 2024-02-25 the map draws only what happened by then; moving the slider to the end of the range
    draws more and drops ``until`` from the URL, to its start writes the first day; the step stays."""
    with page_at(f"{server}/?until=2024-02-25&step=month") as page:
        frame = map_frame(page)
        wait_for_places(frame)
        early = set(drawn_ids(frame))
        page.get_by_text("up to 2024-02-25").wait_for(timeout=30_000)
        thumb = page.get_by_role("slider")
        thumb.focus()
        page.keyboard.press("End")
        page.wait_for_url(lambda u: "until=" not in u and "step=month" in u, timeout=30_000)
        page.wait_for_function("() => !document.body.innerText.includes('up to 2024-02-25')", timeout=30_000)
        page.wait_for_timeout(1500)

        def more_places(f, ms: float) -> None:
            wait_for_places(f, ms)
            assert set(drawn_ids(f)) > early, sorted(drawn_ids(f))

        frame = redrawn_map(page, more_places)
        assert set(drawn_ids(frame)) > early
        thumb.focus()
        page.keyboard.press("Home")
        page.wait_for_url(lambda u: "until=2024-02-14" in u, timeout=30_000)


def test_typing_an_actor_and_enter_picks_the_actors_whose_label_holds_the_words(server: str):
    """An analyst types "Iran" and presses Enter: Iran is picked, not Israel too ("I-s-r-a-el ... mentio-n-s"
    holds the letters of "Iran" in order, which Streamlit's default search counted as a match)."""
    with page_at(f"{server}/") as page:
        map_frame(page)
        box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect'] input").first
        box.click()
        box.fill("Iran")
        page.wait_for_timeout(500)
        page.keyboard.press("Enter")
        page.wait_for_url(lambda u: "actor=Iran" in u, timeout=30_000)
        page.wait_for_timeout(1500)  # the URL is written once per run: a second actor would be there now
        assert "Israel" not in page.url and "actor=Iran" in page.url, page.url


def test_the_time_slider_shows_the_dates_it_spans(server: str):
    """The slider shows only its thumb's date; the analyst sees its two ends written under it."""
    with page_at(f"{server}/?until=2024-02-25") as page:
        map_frame(page)
        page.get_by_text("Slider from 2024-02-14 to 2024-03-18").wait_for(timeout=30_000)


def test_the_actors_choices_are_read_whole(server: str):
    """Each actor's line ends with its counts; in a list as narrow as the sidebar they were cut off."""
    with page_at(f"{server}/") as page:
        map_frame(page)
        page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect'] input").first.click()
        page.locator("[role=option]").first.wait_for(timeout=30_000)
        lines = page.evaluate("""() => [...document.querySelectorAll('[role=option]')].map(o => {
            const e = o.querySelector('div'); return [e.innerText, e.scrollWidth - e.clientWidth]; })""")
        assert lines and all(cut <= 0 for _, cut in lines), lines
        assert any("Hezbollah (armed group) \u00b7 2 events" in text for text, _ in lines), lines


def test_the_browsers_back_button_returns_to_the_view_before(server: str):
    """Pick an actor, then Back: the view without the actor, in the URL and on the page."""
    with page_at(f"{server}/") as page:
        map_frame(page)
        page.get_by_text("involving").wait_for(state="detached", timeout=30_000)
        box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect'] input").first
        box.click()
        box.fill("Hezbollah")
        page.locator("[role=option]", has_text="Hezbollah").first.click()
        page.get_by_text("involving Hezbollah").wait_for(timeout=30_000)
        page.wait_for_url(lambda u: "actor=Hezbollah" in u, timeout=30_000)
        page.go_back()
        page.wait_for_function("() => !document.body.innerText.includes('involving Hezbollah')", timeout=30_000)
        page.wait_for_timeout(1500)  # the URL is written at the end of the run: the actor must not come back
        assert "actor=" not in page.url and "involving" not in page.locator("[data-testid=stMain]").inner_text()


def _israel_clicked_then_back(page):
    """Hezbollah's view: click Israel, see its panel, go Back until the URL and the map select no place."""
    frame = map_frame(page)
    wait_for_places(frame)
    page.get_by_text("2 events in 3 places involving Hezbollah").wait_for(timeout=30_000)
    click_place(frame, "country:IL")
    page.wait_for_url(lambda u: "place=country" in u, timeout=30_000)
    page.get_by_role("heading", name="Israel").wait_for(timeout=30_000)
    page.go_back(wait_until="commit")
    page.wait_for_url(lambda u: "place=" not in u, timeout=30_000)
    page.get_by_text("Click a place").wait_for(timeout=30_000)
    frame.wait_for_function(f"() => ({_GROUP})()[1].nmSelected === null", timeout=30_000)
    return frame


def test_back_after_a_click_takes_the_ring_off(server: str):
    """After Back from a clicked place the URL selects none, and the map kept the clicked place's ring (its
    script is kept while the reader pans and clicks). The ring follows the URL now, without a new map."""
    with page_at(f"{server}/?actor=Hezbollah") as page:
        frame = _israel_clicked_then_back(page)
        frame.locator(".nm-popup").first.wait_for(state="detached", timeout=5_000)  # closed with its ring
        page.wait_for_timeout(500)
        assert min(_ring_pixel(page, frame, "country:IL")) > 60  # no black ring left on the screen
        click_place(frame, "gn:276781")  # another place: selected, in the page and the URL
        page.wait_for_url(lambda u: "place=gn" in u, timeout=30_000)
        assert selected_place(frame) == "gn:276781"


def test_after_back_the_same_place_can_be_clicked_again(server: str):
    """Click a place, go Back, click the same place: it is selected again. The map reported both clicks by the
    same position, so the second one never reached the page."""
    with page_at(f"{server}/?actor=Hezbollah") as page:
        frame = _israel_clicked_then_back(page)
        page.wait_for_timeout(1000)
        click_place(frame, "country:IL")
        page.wait_for_url(lambda u: "place=country" in u, timeout=30_000)
        page.get_by_role("heading", name="Israel").wait_for(timeout=30_000)


def test_the_selected_actors_chips_are_read_whole(server: str):
    """A chip in the Actors field ended in "..." after a dozen letters ("Hezbollah (armed g..."): it wraps now."""
    with page_at(f"{server}/?actor=Hezbollah&actor=Israel&actor=Esmail%20Qaani") as page:
        wait_for_places(map_frame(page))
        chips = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelectTagsContainer'] [data-tag] > span")
        chips.first.wait_for(timeout=30_000)
        page.wait_for_timeout(500)
        shown = chips.evaluate_all("spans => spans.map(s => [s.textContent, s.scrollWidth - s.clientWidth])")
    assert len(shown) == 3 and any("Hezbollah (armed group)" in text for text, _ in shown), shown
    assert all(cut <= 1 for _, cut in shown), shown


def test_the_from_and_to_dates_are_read_whole(server: str):
    """Side by side in the sidebar, each date field was narrower than its date: "2023-10-0" and "2024-03-3"."""
    with page_at(f"{server}/?from=2024-02-01&to=2024-03-31") as page:
        map_frame(page)
        fields = page.locator("[data-testid='stSidebar'] [data-testid='stDateInputFieldsScroller']")
        fields.first.wait_for(timeout=30_000)
        page.wait_for_timeout(500)
        shown = fields.evaluate_all("els => els.map(e => [e.innerText, e.scrollWidth - e.clientWidth])")
    assert len(shown) == 2 and all(cut <= 0 for _, cut in shown), shown


@pytest.mark.parametrize("width", [1024, 1280])
def test_the_time_steps_and_play_are_read_whole_on_a_laptop(server: str, width: int):
    """On a screen 1280 pixels wide "month", the slider's last step, ran past its column and was cut; at 1024
    the play button read "\u25b8 \u2026"."""
    with page_at(f"{server}/", (width, 800)) as page:
        page.locator(".st-key-time_step button").last.wait_for(timeout=60_000)
        page.wait_for_timeout(500)
        over = page.evaluate("""() => { const b = [...document.querySelectorAll('.st-key-time_step button')].pop();
            return [b.innerText, b.getBoundingClientRect().right - b.closest('[data-testid=stColumn]')
                .getBoundingClientRect().right]; }""")
        play = page.evaluate("""() => [...document.querySelectorAll('.st-key-time_play button, .st-key-time_play button *')]
            .map(e => e.scrollWidth - e.clientWidth)""")
    assert over[0] == "month" and over[1] <= 0, over
    assert play and max(play) <= 0, play


def test_a_link_of_more_than_a_thousand_parameters_says_it_was_not_read(server: str):
    """Streamlit drops a query string of more than 1,000 parameters before the page runs, and the link opened
    the whole store as if it were its view: the browser sends it back as ``?unread=N`` and the page says so."""
    query = "&".join(f"actor=Someone+{i}" for i in range(1200))
    with page_at(f"{server}/?{query}") as page:
        page.get_by_text("This link was not read").wait_for(timeout=60_000)
        assert "1,200 parameters" in page.inner_text("body")
        page.wait_for_timeout(1000)
        assert not any("st_folium" in f.url or "streamlit_folium" in f.url for f in page.frames)  # no map
        assert "unread=1200" in page.url
