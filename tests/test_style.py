"""The one palette of event types (geo.render.style) and everything that draws with it."""
from __future__ import annotations

import io

from PIL import Image

from geo.events.taxonomy import DEFAULT_TAXONOMY
from geo.render import maps, style
from geo.render.static_map import to_png


def _rgb(hex_: str) -> tuple[int, int, int]:
    return tuple(int(hex_[i:i + 2], 16) for i in (1, 3, 5))


def test_every_type_the_taxonomy_makes_has_its_own_palette_colour():
    made = {kind.type for kind in DEFAULT_TAXONOMY.triggers.values()}
    assert made <= set(style.TYPE_COLOURS)
    assert len(set(style.TYPE_COLOURS.values())) == len(style.TYPE_COLOURS)
    assert style.type_colour("A type added later") in style.SPARE_COLOURS
    assert style.type_colour("A type added later") == style.type_colour("A type added later")


def test_the_map_and_its_legend_read_the_palette():
    assert maps.type_colour is style.type_colour and maps.TYPE_COLOURS is style.TYPE_COLOURS
    assert f"background:{style.type_colour('Battles')}" in maps.legend_html(["Battles"])


def test_text_on_a_type_colour_reads():
    assert style.text_colour(style.TYPE_COLOURS["Strategic developments"]) == "#FFFFFF"  # indigo
    assert style.text_colour(style.TYPE_COLOURS["Explosions/Remote violence"]) == "#000000"  # sand


def test_the_png_legend_draws_the_palette_colour():
    place = {"id": "p", "name": "Gaza", "lat": 31.5, "lon": 34.45, "event_count": 2, "dominant_type": "Protests"}
    image = Image.open(io.BytesIO(to_png({"places": [place]}, title="t", description="d", size=(600, 400))))
    present = {c for _, c in image.convert("RGB").getcolors(maxcolors=1 << 20)}
    assert _rgb(style.type_colour("Protests")) in present  # the legend's handle is opaque
    assert _rgb(maps.TYPE_COLOURS["Battles"]) not in present
