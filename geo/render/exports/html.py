"""The HTML export: one self-contained page that shows the view's map with no server and no internet.

The map is the dashboard's (:func:`geo.render.maps.build_map`); this module adds the page's title, the header
with the view's description and the attribution. folium loads only when a page is written.
"""
from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING, Any

from geo.errors import ExportError
from geo.render.exports.common import ATTRIBUTION, ExportOptions

if TYPE_CHECKING:
    from geo.views.state import ViewState


def to_html(data: Mapping[str, Any], *, title: str, description: str, assets: Mapping[str, str],
            outlines: Mapping[str, Any] | None = None, state: ViewState | None = None) -> str:
    """One HTML file that shows the map with no server and no internet.

    Leaflet comes inlined as ``data:`` URLs (``assets``: :meth:`geo.render.assets.Assets.urls`), the country
    ``outlines`` are the base layer (no tiles), and the title, description, legend and attribution are
    on the page. Every string from an article is escaped.

    >>> from geo.render.assets import ensure_assets                                                 # doctest: +SKIP
    >>> page = to_html(data, title="Hezbollah", description="2 events in 3 places",
    ...                assets=ensure_assets("cache").urls())                                 # doctest: +SKIP
    """
    from geo.render import maps
    from geo.views.state import ViewState

    folium_map = maps.build_map(data, state or ViewState(), offline=True, assets=assets, outlines=outlines)
    root = folium_map.get_root()
    # Verbatim, not folium.Element: an Element's text is a Jinja template, and the title is a user's.
    root.header.add_child(maps.Verbatim(f"<title>{escape(title)}</title>{_HEADER_CSS}"), name="nm_title")
    root.html.add_child(maps.Verbatim(_header_html(title, description)), name="nm_header")
    return maps.render_html(folium_map)


def write(data: Mapping[str, Any], options: ExportOptions) -> bytes:
    if options.assets is None:
        raise ExportError("the HTML export needs the Leaflet assets: run `newsmap assets` once (needs npm)")
    return to_html(data, title=options.title or "", description=options.description or "", assets=options.assets,
                   outlines=options.outlines, state=options.state).encode("utf-8")


_HEADER_CSS = ("<style>.nm-header{position:absolute;top:10px;left:54px;right:10px;z-index:1000;max-width:720px;"
               "background:rgba(255,255,255,.92);padding:6px 10px;border-radius:4px;font:13px sans-serif;"
               "box-shadow:0 0 4px rgba(0,0,0,.3)}.nm-header h1{font-size:16px;margin:0 0 2px}"
               ".nm-header p{margin:0 0 2px}.nm-header small{color:#555}</style>")


def _header_html(title: str, description: str) -> str:
    return (f"<div class='nm-header'><h1>{escape(title)}</h1><p>{escape(description)}</p>"
            f"<small>{escape(ATTRIBUTION)}</small></div>")
