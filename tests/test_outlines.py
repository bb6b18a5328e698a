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
