"""The country-outline base layer: built once from countryinfo, cached, rebuilt when damaged."""
from __future__ import annotations

from pathlib import Path

from geo.render.outlines import country_outlines, outlines_path


def test_outlines_are_cached_and_a_damaged_cache_is_rebuilt(tmp_path: Path):
    first = country_outlines(tmp_path)
    assert first["type"] == "FeatureCollection" and len(first["features"]) > 150
    path = outlines_path(tmp_path)
    path.write_text('{"type": "FeatureColl')  # a write cut short
    again = country_outlines(tmp_path)
    assert again == first
    assert country_outlines(tmp_path) == first
    assert not list(path.parent.glob("*.tmp"))


def test_a_bounding_box_is_no_countrys_outline(tmp_path: Path):
    """countryinfo ships Palestine's polygon as a rectangle across Israel, the West Bank and Gaza: drawn, it put a
    frame around Jerusalem and Tel Aviv on the offline map and in the PNG. No outline is better than a wrong one."""
    from geo.render.outlines import bounding_box

    names = {f["properties"]["name"] for f in country_outlines(tmp_path)["features"]}
    assert "Israel" in names and "Jordan" in names and "Palestine" not in names
    box = {"type": "MultiPolygon", "coordinates": [[[[34.3, 31.2], [35.5, 31.2], [35.5, 32.4], [34.3, 32.4],
                                                      [34.3, 31.2]]]]}
    triangle = {"type": "MultiPolygon", "coordinates": [[[[34.3, 31.2], [35.5, 31.2], [34.9, 32.4], [34.3, 31.2]]]]}
    right_triangle = {"type": "MultiPolygon", "coordinates": [[[[34.0, 29.0], [35.0, 29.0], [35.0, 30.0], [34.0, 29.0]]]]}
    assert bounding_box(box) and not bounding_box(triangle) and not bounding_box(right_triangle)
