"""Exports of newsmap data in the formats other tools read: JSON, GeoJSON, CSV, a self-contained HTML map and a
PNG image.

One module per format, each with the same ``write(data, options) -> bytes`` (geopy's one class per service),
and one table of them here, :data:`REGISTRY`, from which the rest is derived: the formats of a whole-store
export, the formats a view or snapshot is shared in, media types, file extensions. A new format is a module
and a line in the table. Each writer takes the export dictionary (``Store.export()`` shape: articles, places,
actors, events), so the whole store, a dashboard view and a frozen snapshot are exported by the same code.
What the formats share (options, attribution, valid positions, CSV-injection neutralising) is in ``common``.

>>> REGISTRY["geojson"].media_type
'application/geo+json'
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from geo.errors import ExportError
from geo.render.exports import csv, geojson, html, json, png
from geo.render.exports.common import DEFAULT_SIZE, ExportOptions

if TYPE_CHECKING:
    from geo.views.state import ViewState

Writer = Callable[[Mapping[str, Any], ExportOptions], bytes]


@dataclass(frozen=True)
class ExportFormat:
    """One export format. ``whole_store``: ``newsmap export`` writes the whole store in it without drawing a
    map; ``share``: offered where a view or snapshot is shared (the dashboard's downloads, ``newsmap snapshot
    export``); ``draws_map``: the file is the map itself, drawn over the country outlines."""

    name: str
    media_type: str
    extension: str
    write: Writer
    whole_store: bool = False
    share: bool = False
    draws_map: bool = False


REGISTRY: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("json", "application/json", "json", json.write, whole_store=True),
    ExportFormat("geojson", "application/geo+json", "geojson", geojson.write, whole_store=True, share=True),
    ExportFormat("csv", "text/csv", "csv", csv.write, whole_store=True, share=True),
    ExportFormat("html", "text/html", "html", html.write, share=True, draws_map=True),
    ExportFormat("png", "image/png", "png", png.write, share=True, draws_map=True),
)}

FORMATS = tuple(f.name for f in REGISTRY.values() if f.whole_store)
# A shared view's files, the map first (as a page, as an image), then its data.
SHARE_FORMATS = tuple(f.name for f in sorted((f for f in REGISTRY.values() if f.share), key=lambda f: not f.draws_map))
MEDIA_TYPES = {f.name: f.media_type for f in REGISTRY.values()}


def render(data: Mapping[str, Any], fmt: str) -> str:
    """The whole-store export in ``fmt`` (one of FORMATS) as text: no title, no description."""
    if fmt not in FORMATS:
        raise KeyError(fmt)
    return REGISTRY[fmt].write(data, ExportOptions()).decode("utf-8")


def export_bytes(data: Mapping[str, Any], fmt: str, *, title: str, description: str,
                 size: tuple[int, int] = DEFAULT_SIZE, assets: Mapping[str, str] | None = None,
                 outlines: Mapping[str, Any] | None = None, state: ViewState | None = None) -> bytes:
    """The file of a view or snapshot in ``fmt`` (html, png, geojson, csv or json), as bytes.

    ``assets`` is needed for HTML only; ``outlines`` draws the country base layer of HTML and PNG.
    """
    entry = REGISTRY.get(fmt)
    if entry is None:
        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(SHARE_FORMATS)}")
    options = ExportOptions(title=title, description=description, size=size, assets=assets, outlines=outlines,
                            state=state)
    return entry.write(data, options)
