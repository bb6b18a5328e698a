"""The PNG export: the view's map as a static image, drawn by :mod:`geo.render.static_map` (matplotlib, no
browser), which loads only when an image is written."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from geo.render.exports.common import ExportOptions


def write(data: Mapping[str, Any], options: ExportOptions) -> bytes:
    from geo.render.static_map import to_png

    return to_png(data, title=options.title or "", description=options.description or "", size=options.size,
                  outlines=options.outlines, selected=options.state.place if options.state else None)
