"""Offline assets: integrity check, clear errors, data URLs; outlines."""
from __future__ import annotations

import base64
import hashlib
import shutil

import pytest

from geo.render import assets
from geo.render.outlines import coarsen, country_outlines
from tests.conftest import REPO


def test_verify_accepts_the_pinned_hash_and_refuses_others():
    data = b"leaflet"
    good = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    assets.verify(data, good)
    with pytest.raises(assets.AssetError, match="another file"):
        assets.verify(b"tampered", good)


def test_missing_npm_is_a_clear_error(tmp_path):
    with pytest.raises(assets.AssetError, match="npm is not installed"):
        assets.ensure_assets(tmp_path, npm="no-such-npm-binary")


@pytest.mark.skipif(shutil.which("npm") is None and not (REPO / "cache" / "assets" / ".versions").exists(),
                    reason="needs npm (or assets fetched by `newsmap assets`)")
def test_assets_are_fetched_verified_and_inlined():
    bundle = assets.ensure_assets(REPO / "cache")
    urls = bundle.urls()
    assert set(urls) == {"leaflet.js", "leaflet.css"}  # no clustering plugin: places are drawn on a canvas
    css = base64.b64decode(urls["leaflet.css"].split(",", 1)[1]).decode()
    assert "url(images/" not in css and "data:image/png;base64," in css
    assert "Leaflet 1.9.4" in bundle.text("leaflet.js")


def test_outlines(tmp_path):
    square = {"type": "Polygon", "coordinates": [[[35.1, 33.0], [35.12, 33.0], [36.0, 33.0], [36.0, 34.0],
                                                  [35.1, 34.0], [35.1, 33.0]]]}
    assert coarsen(square) == {"type": "MultiPolygon", "coordinates": [[[[35.1, 33.0], [36.0, 33.0], [36.0, 34.0],
                                                                          [35.1, 34.0], [35.1, 33.0]]]]}
    fc = country_outlines(tmp_path)
    names = {f["properties"]["iso"] for f in fc["features"]}
    assert {"LB", "IL", "IR"} <= names
    assert country_outlines(tmp_path) == fc  # cached
