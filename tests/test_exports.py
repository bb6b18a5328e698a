"""Every export parsed back and checked: GeoJSON validated (RFC 7946), CSV read with the csv module,
PNG decoded (exact size, non-blank), HTML opened offline in headless Chromium (markers counted, no request
leaves the machine, no script from an article runs). Hostile article text goes through every format."""
from __future__ import annotations

import csv
import html
import io
import json
import math
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image
from shapely.geometry import shape

from geo.render import exports
from geo.render.exports.common import ExportOptions, spreadsheet_safe
from geo.render.exports.csv import CSV_COLUMNS, to_csv
from geo.render.exports.geojson import to_geojson
from geo.render.exports.html import to_html
from geo.render import maps
from geo.render.assets import available_assets
from geo.errors import ExportError
from geo.render.outlines import country_outlines
from geo.render import static_map
from geo.render.static_map import parse_size, to_png
from geo.store import Store
from geo.views.state import ViewState, summary, view_data
from tests.conftest import REPO
from tests.factories import HOSTILE, HOSTILE_ACTOR, HOSTILE_PLACE, HOSTILE_TITLE, fill, hostile_analysis
from tests.leaflet import click_place, wait_for_places

DATA_DIR = REPO / "cache"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
EXECUTES = ("<script>alert(1)", "<img src=x", "</script><img")


@pytest.fixture
def data(sqlite_store: Store) -> dict:
    fill(sqlite_store).write(hostile_analysis())
    return view_data(sqlite_store, ViewState())


@pytest.fixture(scope="module")
def outlines() -> dict:
    return country_outlines(DATA_DIR)


@pytest.fixture(scope="module")
def assets() -> dict[str, str]:
    bundle = available_assets(DATA_DIR)
    if bundle is None:
        pytest.skip(f"offline map assets missing in {DATA_DIR}: run `newsmap assets`")
    return bundle.urls()


def _describe(data: dict) -> str:
    return ViewState().describe(summary(ViewState(), data))


# -- GeoJSON ---------------------------------------------------------------------------------------

def check_rfc7946(collection: dict) -> None:
    """The parts of RFC 7946 a FeatureCollection of points can break."""
    assert collection["type"] == "FeatureCollection" and isinstance(collection["features"], list)
    assert "crs" not in collection  # RFC 7946 section 4: no crs member, WGS84 only
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        assert isinstance(feature.get("id"), (str, int))
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert all(isinstance(v, float | int) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert shape(geometry).is_valid


def test_geojson_is_valid_and_carries_the_view(data):
    collection = json.loads(to_geojson(data, title="Title", description=_describe(data)))
    check_rfc7946(collection)
    assert collection["title"] == "Title" and collection["description"] == "5 events in 6 places"
    by_id = {f["id"]: f for f in collection["features"]}
    assert len(by_id) == len(data["places"]) == 6
    beirut = by_id["gn:276781"]
    assert beirut["geometry"]["coordinates"] == [35.5018, 33.8938]  # lon, lat
    props = beirut["properties"]
    assert props["kind"] == "city" and props["event_count"] == 1 and props["event_types"] == ["Meeting/Consultation"]
    assert props["event_ids"] == ["a1" + "0" * 14 + ":0"] and props["actors"] == ["Esmail Qaani", "Hezbollah"]
    assert "Qaani meets Hezbollah in Beirut" in props["article_titles"]
    assert len(props["article_ids"]) == len(props["article_titles"]) == props["mention_count"]


def test_geojson_keeps_hostile_text_exact(data):
    feature = next(f for f in json.loads(to_geojson(data))["features"] if f["id"] == HOSTILE_PLACE.id)
    props = feature["properties"]
    assert props["name"] == HOSTILE_PLACE.name and props["actors"] == [HOSTILE_ACTOR.name]
    assert props["article_titles"] == [HOSTILE_TITLE]
    assert feature["geometry"]["coordinates"] == [-66.9, 10.5]


def test_geojson_leaves_out_places_without_valid_coordinates():
    places = [{"id": "a", "name": "A", "kind": "city", "lat": None, "lon": 1.0},
              {"id": "b", "name": "B", "kind": "city", "lat": float("nan"), "lon": 1.0},
              {"id": "c", "name": "C", "kind": "city", "lat": 95.0, "lon": 1.0},
              {"id": "d", "name": "D", "kind": "city", "lat": 1.0, "lon": 2.0}]
    collection = json.loads(to_geojson({"places": places}))
    check_rfc7946(collection)
    assert [f["id"] for f in collection["features"]] == ["d"]


# -- CSV -------------------------------------------------------------------------------------------

def test_csv_one_row_per_event_read_back(data):
    rows = list(csv.DictReader(io.StringIO(to_csv(data))))
    assert len(rows) == len(data["events"]) == 5
    assert list(rows[0]) == CSV_COLUMNS
    clash = next(r for r in rows if r["type"] == "Battles" and r["places"] == "Khan Younis")
    assert (clash["date"], clash["initiators"], clash["targets"]) == ("2024-03", "Hamas", "Israel")
    assert (clash["latitudes"], clash["longitudes"]) == ("31.34020", "34.30630")
    assert clash["sentence"] == "Hamas fighters clashed with Israeli forces in Khan Younis."


def test_csv_quotes_and_neutralises_hostile_text(data):
    row = next(r for r in csv.DictReader(io.StringIO(to_csv(data))) if r["places"] == HOSTILE_PLACE.name)
    assert row["article_title"] == "'" + HOSTILE_TITLE  # a spreadsheet shows the formula, does not run it
    assert row["initiators"] == HOSTILE_ACTOR.name and HOSTILE in row["sentence"]
    assert row["longitudes"] == "-66.90000"  # a negative number is not a formula: left alone
    assert spreadsheet_safe(" =1+1") == "' =1+1" and spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"


# -- PNG -------------------------------------------------------------------------------------------

def _image(png: bytes) -> Image.Image:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def test_png_has_the_size_and_content(data, outlines):
    image = _image(to_png(data, title=HOSTILE_TITLE, description=_describe(data), outlines=outlines))
    assert image.size == (1600, 1000)
    assert image.info["Title"] == HOSTILE_TITLE and image.info["Description"] == "5 events in 6 places"
    rgb = image.convert("RGB")
    colours = rgb.getcolors(maxcolors=1 << 20)
    assert len(colours) > 100  # outlines, markers, anti-aliased text: not blank
    present = {c for _, c in colours}
    for hex_ in (maps.TYPE_COLOURS["Battles"], "#f4f1ea"):  # a marker colour (blended) and the land colour
        r, g, b = (int(hex_[i:i + 2], 16) for i in (1, 3, 5))
        assert any(abs(r - p[0]) + abs(g - p[1]) + abs(b - p[2]) < 40 for p in present), hex_


def test_png_sizes_and_odd_text(data, outlines):
    small = _image(to_png(data, title="$x^2$ \\alpha مرحبا", description="", size=(640, 400), outlines=outlines))
    assert small.size == (640, 400)
    empty = _image(to_png({"places": []}, title="Nothing", description="0 events in 0 places", size=(300, 200)))
    assert empty.size == (300, 200)
    assert parse_size("800x600") == (800, 600)
    for bad in ("800", "0x0", "10x10", "99999x100", "axb"):
        with pytest.raises(ExportError, match="1600x1000"):
            parse_size(bad)


def test_png_labels_do_not_overlap_and_stay_on_the_map():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4.8, 3.2), dpi=static_map.DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(30, 40)
    ax.set_ylim(30, 36)
    cluster = [{"name": f"Crowded place {i}", "lon": 35 + i * 0.05, "lat": 33 + i * 0.05, "r": 6} for i in range(8)]
    edge = {"name": "A long name at the left edge", "lon": 39.9, "lat": 33.0, "r": 6}
    boxes = static_map._label(ax, [edge, *cluster], 0.6)
    frame = ax.get_window_extent(fig.canvas.get_renderer())
    assert 2 <= len(boxes) < 9  # the edge place is named (to its left), the cluster only partly
    assert boxes[0].x1 <= frame.x1 and boxes[0].x0 < ax.transData.transform((39.9, 33))[0]
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1 for b in boxes)
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert len(ax.texts) == len(boxes)  # labels that found no room were removed, not drawn


# -- HTML ------------------------------------------------------------------------------------------

def _html(data: dict, assets: dict, outlines: dict) -> str:
    return to_html(data, title=HOSTILE_TITLE, description=_describe(data), assets=assets, outlines=outlines)


def test_html_is_self_contained_and_escaped(data, assets, outlines):
    page = _html(data, assets, outlines)
    links = re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)""", page)
    assert links and all(link.startswith("data:") for link in links)
    assert not re.search(r"url\(\s*['\"]?(?!data:)", page) and "@import" not in page
    assert set(re.findall(r"https?://[^\s\"'&<>)\\]*", page)) <= {"http://x"}  # only inside the escaped title
    for raw in EXECUTES:
        assert raw not in page
    assert f"<title>{html.escape(HOSTILE_TITLE)}</title>" in page
    assert "<h1>" in page and "5 events in 6 places" in page and "nm-legend" in page and "GeoNames" in page


@pytest.mark.browser
def test_html_opens_offline_in_a_browser(data, assets, outlines, tmp_path: Path):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    path = tmp_path / "map.html"
    path.write_text(_html(data, assets, outlines), encoding="utf-8")
    blocked: list[str] = []
    seen: list[str] = []
    dialogs: list[str] = []

    def route(r):  # noqa: ANN001, ANN202 - playwright types
        if r.request.url.startswith(("file://", "data:")):
            return r.continue_()
        blocked.append(r.request.url)
        return r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.route("**/*", route)
        page.on("request", lambda req: seen.append(req.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri(), wait_until="load")
        markers = wait_for_places(page, timeout=30_000)
        header = page.locator(".nm-header h1").inner_text()
        legend = page.locator(".nm-legend").inner_text()
        click_place(page, HOSTILE_PLACE.id)  # alone in Venezuela: a real click on the canvas opens it
        popup = page.locator(".leaflet-popup-content").inner_text()
        page.wait_for_timeout(300)
        browser.close()
    assert markers == len(data["places"]) == 6
    assert header == HOSTILE_TITLE and "Event type" in legend and "Battles" in legend
    assert HOSTILE_PLACE.name in popup and HOSTILE_TITLE in popup
    assert dialogs == [] and blocked == []
    assert all(u.startswith(("file://", "data:")) for u in seen), seen


def test_export_bytes_every_format(data, assets, outlines):
    for fmt in exports.SHARE_FORMATS:
        body = exports.export_bytes(data, fmt, title="t", description="d", size=(400, 300), assets=assets,
                                    outlines=outlines)
        assert body, fmt
    with pytest.raises(ExportError, match="newsmap assets"):
        exports.export_bytes(data, "html", title="t", description="d")
    with pytest.raises(ExportError, match="use one of"):
        exports.export_bytes(data, "pdf", title="t", description="d")


def test_the_formats_are_one_table(data):
    """Which formats exist, and where each is offered, is read from one table; each writer has one shape."""
    assert exports.FORMATS == ("json", "geojson", "csv")
    assert exports.SHARE_FORMATS == ("html", "png", "geojson", "csv")
    assert exports.MEDIA_TYPES["geojson"] == "application/geo+json" and exports.MEDIA_TYPES["png"] == "image/png"
    for fmt in exports.FORMATS:
        assert exports.render(data, fmt).encode("utf-8") == exports.REGISTRY[fmt].write(data, ExportOptions())
    assert exports.render(data, "csv") == to_csv(data) and exports.render(data, "geojson") == to_geojson(data)
