"""The PNG export's drawing (:mod:`geo.render.exports.png`): a static map drawn with matplotlib, with no
browser, tiles or network.

The country outlines of :func:`geo.render.outlines.country_outlines` are the base layer; each place is a circle
sized and coloured as on the dashboard's map (:func:`geo.render.maps.marker_radius`,
:func:`geo.render.style.type_colour`), with the same legend. Title, description and attribution are drawn
on the image and written into the PNG's metadata. The figure is built with matplotlib's object API on the Agg canvas (no pyplot state), so
the dashboard can draw several at once, and all text is drawn literally (no mathtext: ``$`` in an article
title stays a dollar sign).

>>> png = to_png({"places": []}, title="Empty", description="Nothing here", size=(400, 300))
>>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""
from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Iterator, Mapping
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from geo.render import maps, style
from geo.errors import ExportError
from geo.render.exports.common import ATTRIBUTION, DEFAULT_SIZE, valid_point

DPI = 100
MIN_SIDE, MAX_SIDE = 200, 6000
WORLD = (-180.0, -60.0, 180.0, 85.0)
OCEAN, LAND, BORDER = "#dde9f3", maps.OUTLINE_STYLE["fillColor"], "#a9a294"
LABELLED_PLACES = 12
DASHED = (0, (3, 2))  # the dashboard's dash: 3 on, 2 off
CONTEXT_LINE = maps.CONTEXT_LEGEND  # the legend's words for a dashed outline, the dashboard's
MIN_TEXT_SCALE = 0.6  # below this, text on a small image (e.g. 400x300) would be too small to read


def to_png(data: Mapping[str, Any], *, title: str, description: str, size: tuple[int, int] = DEFAULT_SIZE,
           outlines: Mapping[str, Any] | None = None, selected: str | None = None) -> bytes:
    """The map of ``data`` as PNG bytes of exactly ``size`` (width, height) pixels; the place whose id is
    ``selected`` is ringed, as on the dashboard."""
    fig = figure(data, title=title, description=description, size=size, outlines=outlines, selected=selected)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, metadata={"Title": title, "Description": description,
                                                      "Software": "newsmap"})
    return out.getvalue()


def figure(data: Mapping[str, Any], *, title: str, description: str, size: tuple[int, int] = DEFAULT_SIZE,
           outlines: Mapping[str, Any] | None = None, selected: str | None = None) -> Figure:
    """The figure :func:`to_png` saves (tests read what it draws)."""
    width, height = check_size(size)
    scale = max(MIN_TEXT_SCALE, min(width / DEFAULT_SIZE[0], height / DEFAULT_SIZE[1]))
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    top = _draw_header(fig, title, description, width, scale)
    bottom = _draw_attribution(fig, width, scale)
    ax = fig.add_axes((0.015, bottom, 0.97, top - bottom - 0.015))
    points = list(_points(data))
    _draw_map(ax, points, outlines, scale)
    _draw_ring(ax, [p for p in points if selected is not None and p["id"] == selected], scale)
    _draw_legend(ax, maps.legend_types(data), scale, any(p["dash"] for p in points))
    return fig


def parse_size(text: str) -> tuple[int, int]:
    """``"1600x1000"`` -> (1600, 1000); :class:`ExportError` naming the fix otherwise."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit():
        raise ExportError(f"image size {text!r} is not WIDTHxHEIGHT: write it like 1600x1000")
    return check_size((int(width), int(height)))


def check_size(size: tuple[int, int]) -> tuple[int, int]:
    """(width, height) within what a report image needs; :class:`ExportError` naming the fix otherwise."""
    width, height = (int(v) for v in size)
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ExportError(f"image size {width}x{height} is out of range: give a width and a height from "
                          f"{MIN_SIDE} to {MAX_SIDE} pixels, e.g. 1600x1000")
    return width, height


def _points(data: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """The drawable places with their marker radius (px) and colour, as on the dashboard's map."""
    for p in data.get("places", []):
        if valid_point(p.get("lat"), p.get("lon")):
            yield {"id": p.get("id"), "name": p["name"], "lat": float(p["lat"]), "lon": float(p["lon"]), "count": maps.place_count(p),
                   "r": maps.marker_radius(maps.place_count(p)), "dash": maps.context_only(p),
                   "c": style.type_colour(p.get("dominant_type") if p.get("event_count") else None)}


def _text(target: Any, x: float, y: float, s: str, **kw: Any) -> Any:
    """Text drawn literally: article strings holding $ or \\ must not be read as mathtext."""
    return target.text(x, y, s, parse_math=False, **kw)


def _draw_header(fig: Figure, title: str, description: str, width: int, scale: float) -> float:
    """Title and up to three lines of description at the top; returns where the map may start."""
    title_pt, desc_pt = 20 * scale, 11 * scale
    _text(fig, 0.015, 0.985, _shorten(title, _chars_per_line(width, title_pt)), size=title_pt, weight="bold",
          va="top", ha="left")
    per_line = _chars_per_line(width, desc_pt)
    lines = textwrap.wrap(description, per_line) or [""]
    if len(lines) > 3:
        lines = lines[:2] + [_shorten(" ".join(lines[2:]), per_line)]
    title_h = title_pt * 1.6 / 72 * DPI / fig.bbox.height
    _text(fig, 0.015, 0.985 - title_h, "\n".join(lines), size=desc_pt, color="#333333", va="top", ha="left",
          linespacing=1.3)
    desc_h = len(lines) * desc_pt * 1.45 / 72 * DPI / fig.bbox.height
    return 0.985 - title_h - desc_h


def _draw_attribution(fig: Figure, width: int, scale: float) -> float:
    """The attribution at the bottom right, wrapped to the image's width; returns where the map may end."""
    size_pt = 8 * scale
    lines = textwrap.wrap(ATTRIBUTION, _chars_per_line(width, size_pt))
    _text(fig, 0.985, 0.012, "\n".join(lines), size=size_pt, color="#555555", ha="right", va="bottom",
          multialignment="right")
    return 0.012 + len(lines) * size_pt * 1.3 / 72 * DPI / fig.bbox.height + 0.012


def _chars_per_line(width_px: int, size_pt: float) -> int:
    return max(20, int(0.97 * width_px / (size_pt / 72 * DPI * 0.55)))


def _shorten(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "\u2026"


def _draw_map(ax: Any, points: list[dict[str, Any]], outlines: Mapping[str, Any] | None, scale: float) -> None:
    ax.set_facecolor(OCEAN)
    ax.set_xticks([])
    ax.set_yticks([])
    bbox = ax.get_window_extent()
    box = _fit(_extent(points), bbox.width / bbox.height)
    ax.set_xlim(box[0], box[2])
    ax.set_ylim(box[1], box[3])
    if outlines:
        land = PolyCollection(list(outer_rings(outlines, _widen(box))), facecolors=LAND, edgecolors=BORDER,
                              linewidths=0.6 * max(scale, 0.5), zorder=1)
        ax.add_collection(land, autolim=False)
    if not points:
        _text(ax, 0.5, 0.5, "No places in this view", transform=ax.transAxes, ha="center", va="center",
              size=16 * scale, color="#555555")
        return
    ordered = sorted(points, key=lambda p: -p["count"])  # big circles first, small ones stay visible on top
    # A place whose events were all placed from article context has a dashed outline, as on the dashboard.
    ax.scatter([p["lon"] for p in ordered], [p["lat"] for p in ordered],
               s=[marker_area(p["r"], scale) for p in ordered], c=[p["c"] for p in ordered],
               alpha=0.85, edgecolors="#333333", linewidths=0.8 * max(scale, 0.5), zorder=3,
               linestyles=[DASHED if p["dash"] else "solid" for p in ordered])
    _label(ax, ordered[:LABELLED_PLACES], scale)


def _draw_ring(ax: Any, points: list[dict[str, Any]], scale: float) -> None:
    """The selected place's ring: white under black, a little wider than its circle, over every place."""
    for p in points:
        area = marker_area(p["r"] + 4, scale)
        for colour, width in (("#ffffff", 4.0), (style.SELECTED_RING, 2.0)):
            ax.scatter([p["lon"]], [p["lat"]], s=[area], facecolors="none", edgecolors=colour,
                       linewidths=width * max(scale, 0.5), zorder=3.5)


def _label(ax: Any, points: list[dict[str, Any]], scale: float) -> list[Any]:
    """Name the biggest places; a label goes right, left, above or below its circle, wherever it overlaps
    no label already placed and stays inside the map; it is left out when no side is free (a crowded cluster)."""
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    placed: list[Any] = []
    for p in points:
        gap = p["r"] * 0.72 * max(scale, 0.5) + 3
        for offset, ha, va in (((gap, 0), "left", "center"), ((-gap, 0), "right", "center"),
                               ((0, gap), "center", "bottom"), ((0, -gap), "center", "top")):
            label = ax.annotate(p["name"], (p["lon"], p["lat"]), xytext=offset, textcoords="offset points",
                                ha=ha, va=va, size=9 * scale, color="#222222", zorder=4, parse_math=False,
                                annotation_clip=True)
            box = label.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            label.remove()
    return placed


def marker_area(radius_px: float, scale: float) -> float:
    """Scatter area (points squared) of a circle of the dashboard's pixel radius, scaled with the image."""
    diameter_pt = 2 * radius_px * 72 / DPI * max(scale, 0.5) * 1.4
    return diameter_pt ** 2


def outer_rings(outlines: Mapping[str, Any], box: tuple[float, float, float, float]) -> Iterator[list]:
    """The outer ring of every outline polygon that touches ``box`` (min_lon, min_lat, max_lon, max_lat)."""
    for feature in outlines.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            ring = [(x, y) for x, y, *_ in polygon[0]]
            xs, ys = [x for x, _ in ring], [y for _, y in ring]
            if min(xs) <= box[2] and max(xs) >= box[0] and min(ys) <= box[3] and max(ys) >= box[1]:
                yield ring


def _extent(points: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    if not points:
        return WORLD
    lons, lats = [p["lon"] for p in points], [p["lat"] for p in points]
    pad_lon = max(2.0, (max(lons) - min(lons)) * 0.15)
    pad_lat = max(1.5, (max(lats) - min(lats)) * 0.15)
    return (max(-180.0, min(lons) - pad_lon), max(-85.0, min(lats) - pad_lat),
            min(180.0, max(lons) + pad_lon), min(85.0, max(lats) + pad_lat))


def _fit(box: tuple[float, float, float, float], ratio: float) -> tuple[float, float, float, float]:
    """The box grown in one direction so that, drawn ``ratio`` (width/height) wide, a degree of longitude
    is cos(latitude) of a degree of latitude: shapes look as on a map, not stretched."""
    west, south, east, north = box
    shrink = max(0.2, math.cos(math.radians((south + north) / 2)))
    width, height = (east - west) * shrink, north - south
    if width / height < ratio:
        grow = (ratio * height / shrink - (east - west)) / 2
        return west - grow, south, east + grow, north
    grow = (width / ratio - height) / 2
    return west, south - grow, east, north + grow


def _widen(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The box grown on every side: the axes show more than the places' extent (aspect kept)."""
    grow = max(box[2] - box[0], box[3] - box[1]) * 1.5
    return box[0] - grow, box[1] - grow, box[2] + grow, box[3] + grow


def _draw_legend(ax: Any, types: list[str], scale: float, context: bool = False) -> None:
    """The types' colours, and with ``context`` the dashboard's line for dashed outlines."""
    if not types:
        return
    handles: list[Any] = [Line2D([], [], marker="o", linestyle="", markersize=10 * max(scale, 0.5),
                                 markerfacecolor=style.type_colour(t), markeredgecolor="#333333", label=t)
                          for t in types]
    if context:
        handles.append(Patch(facecolor="#ffffff", edgecolor="#333333", linestyle=DASHED, label=CONTEXT_LINE))
    legend = ax.legend(handles=handles, loc="lower left", fontsize=9 * scale, title_fontsize=9 * scale,
                       title="Event type (size: events, or mentions)", framealpha=0.9)
    for t in [*legend.get_texts(), legend.get_title()]:
        t.set_parse_math(False)
    legend.set_zorder(5)
