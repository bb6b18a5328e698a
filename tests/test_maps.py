"""Map builders on their own: escaping, one marker per place, sizes, colours, bounds, offline assets."""
from __future__ import annotations

import html
import json
import re

import pytest

from geo.render import maps, panel
from geo.render.assets import available_assets
from geo.store import Store
from geo.views.state import ViewState, view_data
from geo.render.exports.geojson import to_geojson
from geo.views.state import map_data
from geo.views.words import events_text
from tests.conftest import REPO
from tests.factories import PAYLOAD, context_analysis, fill

FAKE_ASSETS = {name: f"data:text/plain,{name}" for name in ("leaflet.js", "leaflet.css")}


def _data(sqlite_store: Store, state: ViewState = ViewState()):
    return view_data(fill(sqlite_store), state)


def test_one_row_per_place_sized_and_coloured(sqlite_store):
    data = _data(sqlite_store)
    cols = maps.place_columns(data)
    assert len(cols["lat"]) == len(cols["id"]) == len(cols["t"]) == len(data["places"]) == 5
    i = cols["id"].index("gn:276781")
    assert (cols["lat"][i], cols["lon"][i]) == (33.8938, 35.5018)
    assert cols["colours"][cols["c"][i]] == maps.TYPE_COLOURS["Meeting/Consultation"]
    assert cols["r"][i] == maps.marker_radius(1) and cols["kinds"][cols["k"][i]] == "city"
    assert len(cols["colours"]) == len(set(cols["colours"]))  # shared strings travel once
    assert maps.marker_radius(0) < maps.marker_radius(4) < maps.marker_radius(10_000) == 28.0


def test_article_strings_are_escaped_in_popups(sqlite_store):
    data = _data(sqlite_store)
    cols = maps.place_columns(data)
    assert all("<script>" not in t for t in cols["titles"])  # the page joins these escaped strings as they are
    popup = maps.column_popup(cols, cols["id"].index("gn:276781"))
    assert popup == panel.popup_html(next(p for p in data["places"] if p["id"] == "gn:276781"),
                                    {e["id"]: e for e in data["events"]}, {a["id"]: a["name"] for a in data["actors"]},
                                    {a["id"]: a["title"] for a in data["articles"]})
    assert "<script>" not in popup and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in popup
    assert "&quot;quoted&quot;" in popup and "`tick`" in popup and "back\\slash" in popup
    assert "Qaani meets Hezbollah in Beirut" in popup and "Meeting/Consultation · 2024-02-14" in popup
    html = maps.render_html(maps.build_map(data, ViewState(), offline=True, assets=FAKE_ASSETS))
    assert PAYLOAD not in html and "<script>alert" not in html


def test_popup_escapes_place_names_too():
    place = {"id": "x'><img src=x onerror=alert(1)>", "name": "<b>Tyre</b>", "kind": "city", "event_count": 0,
             "mention_count": 1, "top_events": [], "article_ids": ["a"]}
    html = panel.popup_html(place, {}, {}, {"a": "</li><script>x</script>"})
    assert "<img" not in html and "<b>Tyre" not in html and "<script>" not in html


def test_bounds_and_center(sqlite_store):
    data = _data(sqlite_store)
    assert maps.bounds(data) == [[31.3402, 34.3063], [33.8938, 35.5018]]
    assert maps.bounds({"places": []}) is None
    m = maps.build_map(data, ViewState(lat=33.0, lon=35.0, zoom=9))
    assert m.location == [33.0, 35.0]
    assert "fitBounds" not in maps.render_html(m)  # the URL's view is kept


def test_a_map_without_a_view_fits_its_places_without_animation(sqlite_store):
    html = maps.render_html(maps.build_map(_data(sqlite_store), ViewState()))
    fit = re.search(r"\.fitBounds\(\s*(\[.*?\]\]),\s*(\{.*?\})\s*\)", html, re.S)
    assert fit is not None
    assert json.loads(fit.group(1)) == [[31.3402, 34.3063], [33.8938, 35.5018]]
    assert json.loads(fit.group(2)) == {"animate": False, "maxZoom": 9, "padding": [30, 30]}


def test_offline_map_loads_only_the_given_assets(sqlite_store):
    data = _data(sqlite_store)
    land = {"type": "Feature", "properties": {"name": "Land"},
            "geometry": {"type": "Polygon", "coordinates": [[[34, 29], [35, 29], [35, 30], [34, 29]]]}}
    html = maps.render_html(maps.build_map(data, ViewState(), offline=True, assets=FAKE_ASSETS,
                                           outlines={"type": "FeatureCollection", "features": [land]}))
    assert re.findall(r"https?://[^\s\"')]+", html) == []
    assert "data:text/plain,leaflet.js" in html
    # Without tiles the outlines are the map's land: drawn in their own pane, not a layer a reader can switch off.
    assert re.search(r'L\.geoJson\(\{[^\n]*"Land"[^\n]*\{pane: "outlines"', html)
    overlays = re.search(r"overlays\s*:\s*\{(.*?)\}", html, re.S)
    assert overlays is not None and '"Places"' in overlays.group(1)
    assert "outline" not in overlays.group(1).lower()
    online = maps.render_html(maps.build_map(data, ViewState()))
    assert "tile.openstreetmap.org" in online


def test_a_box_around_a_country_is_not_drawn_as_its_shape():
    """countryinfo ships Palestine's polygon as a rectangle across Israel, the West Bank and Gaza: the map drew a
    box over Jerusalem and Tel Aviv when the seeds named Palestine. A country with such a geometry is its circle."""
    box = {"type": "Polygon", "coordinates": [[[34.3, 31.2], [35.5, 31.2], [35.5, 32.4], [34.3, 32.4], [34.3, 31.2]]]}
    shape = {"type": "Polygon", "coordinates": [[[34.3, 31.2], [35.5, 31.2], [34.9, 33.3], [34.3, 31.2]]]}
    places = [{"id": "country:PS", "name": "Palestine", "kind": "country", "geometry": json.dumps(box)},
              {"id": "country:IL", "name": "Israel", "kind": "country", "geometry": json.dumps(shape)}]
    polys = maps.polygon_features({"places": places})["features"]
    assert [f["properties"]["id"] for f in polys] == ["country:IL"]


def test_many_places_are_columns_drawn_on_a_canvas():
    places = [{"id": f"p{i}", "name": f"P{i}", "kind": "city", "lat": (i % 170) - 85, "lon": (i % 350) - 175,
               "event_count": i % 3, "mention_count": 1, "dominant_type": "Battles", "top_events": [],
               "article_ids": []} for i in range(2000)]
    data = {"places": places, "events": [], "articles": [], "actors": []}
    html = maps.render_html(maps.build_map(data, ViewState(), offline=True, assets=FAKE_ASSETS))
    assert 'L.DomUtil.create("canvas"' in html and "L.circleMarker(" not in html
    assert "markerCluster" not in html and '"type":"Feature"' not in html
    assert maps.to_json(maps.place_columns(data)) in html
    assert len(html) < 150_000  # about 50 bytes a place with no popup lists


def test_polygons_for_countries_and_legend(sqlite_store):
    data = _data(sqlite_store)
    polys = maps.polygon_features(data)["features"]
    assert [f["properties"]["id"] for f in polys] == ["country:IL"]
    assert maps.legend_types(data) == ["Battles", "Explosions/Remote violence", "Meeting/Consultation"]
    html = maps.legend_html(["<i>odd</i>"])
    assert "&lt;i&gt;odd" in html
    json.dumps(maps.place_columns(data))  # plain data, serialisable


JINJA_STRINGS = ("{{ 'evaluated-' ~ 7*191 }}", "{% raw %}", "{% for x in y %}", "{# note", "</script><script>alert(1)</script>",
                 "{{'map_div'}}")


def _jinja_view(text: str) -> dict:
    place = {"id": "p1", "name": f"Town {text}", "kind": "city", "lat": 33.0, "lon": 35.0, "event_count": 1,
             "mention_count": 1, "dominant_type": "Battles", "top_events": [{"id": "e1", "type": "Battles",
                                                                             "date": "2024-01-01"}],
             "article_ids": ["a1"]}
    country = {**place, "id": "c1", "kind": "country", "name": f"Land {text}",
               "geometry": {"type": "Polygon", "coordinates": [[[34, 29], [35, 29], [35, 30], [34, 29]]]}}
    return {"places": [place, country], "events": [{"id": "e1", "actor_ids": ["x"]}],
            "articles": [{"id": "a1", "title": f"Title {text}"}], "actors": [{"id": "x", "name": f"Actor {text}"}]}


def test_jinja_syntax_in_article_strings_is_never_evaluated():
    """Titles, place and actor names reach the page as data: no Jinja pass evaluates or chokes on them."""
    for text in JINJA_STRINGS:
        data = _jinja_view(text)
        html = maps.render_html(maps.build_map(data, ViewState(), offline=True, assets=FAKE_ASSETS))
        # Evaluated, the first string would print "evaluated-1337"; a bare "1337" also turns up in folium's
        # random hexadecimal element ids now and then, which made this test fail by chance.
        assert "evaluated-1337" not in html and "<script>alert(1)" not in html
        assert maps.to_json(maps.place_columns(data)) in html  # the data reaches the page unchanged
        assert maps.to_json(maps.polygon_features(data)) in html


def test_to_json_is_inert_for_jinja_and_script_tags():
    value = {"a": ["{{ x }}", "{%", "{#", "</script>", "\\{{", "{", "}}"], "b": {}, "c": [{"d": {"e": 1}}]}
    text = maps.to_json(value)
    assert json.loads(text) == value
    assert not re.search(r"\{[{%#]", text) and "</" not in text


def test_events_placed_from_article_context_are_told_apart(store):
    """An event whose sentence names no place sits at the article's main place; the map, its popup, its
    legend and the GeoJSON export say how many of a place's events are there only that way."""
    store.write(context_analysis())
    for data in (view_data(store, ViewState()), map_data(store, ViewState())):
        places = {p["id"]: p for p in data["places"]}
        counts = {i: (p["event_count"], p["context_event_count"]) for i, p in places.items()}
        assert counts["region:gaza-strip"] == (2, 1) and counts["gn:281124"] == (1, 1)
        cols = maps.place_columns(data)
        gaza, khan_younis = cols["id"].index("region:gaza-strip"), cols["id"].index("gn:281124")
        assert "<div>2 events (1 placed from article context), " in maps.column_popup(cols, gaza)
        assert "<div>1 event (1 placed from article context), " in maps.column_popup(cols, khan_younis)
        assert (cols["dash"][gaza], cols["dash"][khan_younis]) == (0, 1)  # drawn dashed: all from context
        assert not maps.context_only(places["region:gaza-strip"]) and maps.context_only(places["gn:281124"])
        assert "placed from article context only" in maps.render_html(maps.build_map(data, ViewState()))
    geojson = json.loads(to_geojson(view_data(store, ViewState())))
    features = {f["id"]: f["properties"] for f in geojson["features"]}
    assert features["region:gaza-strip"]["context_event_count"] == 1
    assert features["gn:281124"]["context_event_count"] == 1


def test_no_dashed_legend_line_without_context_only_places(sqlite_store):
    html = maps.render_html(maps.build_map(_data(sqlite_store), ViewState()))
    assert "placed from article context only" not in html
    assert events_text(3) == "3 events" and events_text(1, 1) == "1 event (1 placed from article context)"


def test_popup_and_panel_write_an_events_date_alike():
    """A date of report is said so in both; an undated event is "undated" in both."""
    for event, words in (({"date": "2024-03-15", "date_precision": "reported"}, "2024-03-15 (date of report)"),
                         ({"date": "2024-02", "date_precision": "month"}, "2024-02 (month)"),
                         ({"date": None, "date_precision": "unknown"}, "undated")):
        full = {"id": "e", "type": "Battles", "actor_ids": [], "place_roles": {}, **event}
        place = {"id": "gn:1", "name": "Beirut", "top_events": [full]}
        line = panel.popup_parts(place, {"e": full}, {}, {})["t"][0]
        assert line == f"Battles \u00b7 {words}"
        entry = html.unescape(panel.event_entry_html(full, "gn:1", {}, "s"))  # Markdown-safe entities
        assert f"<b>Battles</b> \u00b7 {words} \u00b7 no actor named" in entry


def test_the_selected_place_is_ringed_and_a_hostile_id_stays_a_string(sqlite_store):
    data = _data(sqlite_store)
    script = maps.render_html(maps.build_map(data, ViewState(place="gn:276781")))
    assert '}, "gn:276781")' in script and maps.SELECTED_RING in script
    assert '}, null)' in maps.render_html(maps.build_map(data, ViewState()))
    hostile = maps.render_html(maps.build_map(data, ViewState(place='__COLUMNS__"</script><script>alert(1)')))
    assert '}, "__COLUMNS__\\"<\\/script><script>alert(1)")' in hostile


def test_the_png_rings_the_selected_place(sqlite_store):
    import io

    from PIL import Image

    from geo.render.static_map import to_png

    data = _data(sqlite_store)

    def black(png: bytes) -> int:
        colours = Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20)
        return sum(n for n, c in colours if max(c) < 30)

    plain = to_png(data, title="", description="", size=(800, 500))
    ringed = to_png(data, title="", description="", size=(800, 500), selected="gn:276781")
    assert black(ringed) > black(plain) + 40


def test_the_png_draws_dashed_outlines_and_says_so_in_its_legend(sqlite_store):
    """As on the dashboard: a place whose events were all placed from article context has a dashed outline,
    and the legend has a line for it; without such a place, neither."""
    from geo.render.static_map import figure

    fill(sqlite_store)
    sqlite_store.write(context_analysis())
    for state, dashed in ((ViewState(types=("Explosions/Remote violence",)), True), (ViewState(), False)):
        fig = figure(view_data(sqlite_store, state), title="t", description="d", size=(800, 500))
        ax = fig.axes[0]
        styles = [tuple(ls[1] or ()) for ls in ax.collections[-1].get_linestyles()]
        texts = [t.get_text() for t in ax.get_legend().get_texts()]
        assert any(s for s in styles) == dashed, styles
        assert (maps.CONTEXT_LEGEND in texts) == dashed, texts


# Cities far apart, so that their view needs the whole world: the map must open with all of them in sight.
WORLD_CITIES = {"San Francisco": (37.7749, -122.4194), "Tokyo": (35.6895, 139.6917), "Sydney": (-33.8679, 151.2073),
                "Buenos Aires": (-34.6132, -58.3772), "Lagos": (6.4541, 3.3947), "Anchorage": (61.2181, -149.9003)}


@pytest.mark.browser
@pytest.mark.parametrize("width", [1092, 728, 448])  # the map's frame beside the panel on 1920, 1400, 1000 px
def test_a_world_wide_view_opens_with_every_place_in_sight(sqlite_store, tmp_path, width):
    """A store of news from everywhere opens on the whole world: a frame narrower than the world at zoom 2
    (1024 px) must still show every place, not cut off the Pacific coasts."""
    from tests.browser import chromium
    from tests.leaflet import _GROUP, wait_for_places

    assets = available_assets(REPO / "cache")
    if assets is None:
        pytest.skip("offline map assets missing: run `newsmap assets`")
    data = _data(sqlite_store)
    places = [dict(p, id=f"city:{name}", name=name, lat=lat, lon=lon)
              for p, (name, (lat, lon)) in zip(data["places"] * 2, WORLD_CITIES.items())]
    data = dict(data, places=places)
    page_file = tmp_path / "world.html"
    page_file.write_text(maps.render_html(maps.build_map(data, ViewState(), offline=True, assets=assets.urls())))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 700})
        page.goto(page_file.as_uri(), wait_until="load")
        wait_for_places(page)
        hidden = page.evaluate(f"""() => {{ const [m, g] = ({_GROUP})(); const d = g.nmPlaces, box = m.getBounds();
            return d.id.filter((id, i) => !box.contains([d.lat[i], d.lon[i]])).length; }}""")
    assert hidden == 0


def _town(place_id: str, lat: float, lon: float, events: int) -> dict:
    return {"id": place_id, "name": place_id.title(), "kind": "city", "lat": lat, "lon": lon, "event_count": events,
            "mention_count": events, "dominant_type": "Battles", "top_events": [], "article_ids": []}


# A village a few kilometres from a city that has many more events: its circle lies inside the city's. The
# village comes first by id, as the store lists places.
TOWNS = {"places": [_town("a-village", 33.01, 35.01, 1), _town("b-city", 33.0, 35.0, 60)],
         "events": [], "articles": [], "actors": []}


def test_big_circles_are_drawn_first_and_small_ones_on_top():
    cols = maps.place_columns(TOWNS)
    assert cols["id"] == ["b-city", "a-village"] and cols["r"][0] > cols["r"][1]


@pytest.mark.browser
def test_a_small_place_inside_a_bigger_ones_circle_can_be_clicked(tmp_path):
    """The page draws the places in the columns' order and a click goes to the topmost circle: a village listed
    before the city around it lay under the city's circle, and a click on it opened the city."""
    from tests.browser import chromium
    from tests.leaflet import click_place, place_point, place_radius, selected_place, wait_for_places

    assets = available_assets(REPO / "cache")
    if assets is None:
        pytest.skip("offline map assets missing: run `newsmap assets`")
    page_file = tmp_path / "towns.html"
    state = ViewState(lat=33.0, lon=35.0, zoom=10)
    page_file.write_text(maps.render_html(maps.build_map(TOWNS, state, offline=True, assets=assets.urls())))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 900, "height": 700})
        page.goto(page_file.as_uri(), wait_until="load")
        wait_for_places(page)
        village, city = place_point(page, "a-village"), place_point(page, "b-city")
        inside = ((village["x"] - city["x"]) ** 2 + (village["y"] - city["y"]) ** 2) ** 0.5
        assert inside + place_radius(page, "a-village") < place_radius(page, "b-city"), "the village is inside"
        click_place(page, "a-village")
        assert selected_place(page) == "a-village"
