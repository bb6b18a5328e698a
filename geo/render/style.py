"""The colours of event types, declared once: the dashboard's map and legend, its timeline and events table,
and the PNG export all read them here, so a type has one colour wherever it is drawn.

The palette is Paul Tol's "muted" scheme (nine colours that readers with the common forms of colour
blindness can still tell apart, and that stay distinct in greyscale print) plus his grey for places that
are only mentioned. Violence keeps warm colours (rose, sand, wine), talk keeps cool ones (cyan, indigo).
Unknown types (a taxonomy added later) get a stable spare colour, the same on every page and in every file.

>>> type_colour("Battles")
'#CC6677'
>>> type_colour(None) == type_colour(MENTIONED_ONLY)
True
"""
from __future__ import annotations

import hashlib

from geo.records import BATTLES, CIVILIANS, MEETING, PROTESTS, REMOTE, RIOTS, STATEMENT, STRATEGIC

MENTIONED_ONLY = "Mentioned only"

# Event types (ACLED types, CAMEO meetings and statements) in the order legends list them.
TYPE_COLOURS: dict[str, str] = {
    BATTLES: "#CC6677",         # rose
    REMOTE: "#DDCC77",          # sand
    CIVILIANS: "#882255",       # wine
    PROTESTS: "#117733",        # green
    RIOTS: "#999933",           # olive
    STRATEGIC: "#332288",       # indigo
    MEETING: "#88CCEE",         # cyan
    STATEMENT: "#AA4499",       # purple
    MENTIONED_ONLY: "#BBBBBB",  # grey
}
SPARE_COLOURS = ("#44AA99", "#4477AA", "#EE7733", "#009988", "#EE3377", "#0077BB")
SELECTED_RING = "#000000"  # the ring around the selected place, on the map and in the PNG


def type_colour(event_type: str | None) -> str:
    """The colour of an event type (None: a place only mentioned); unknown types get a stable spare colour."""
    key = event_type or MENTIONED_ONLY
    if key in TYPE_COLOURS:
        return TYPE_COLOURS[key]
    return SPARE_COLOURS[int(hashlib.sha1(key.encode()).hexdigest(), 16) % len(SPARE_COLOURS)]


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (``#RRGGBB``), by its relative luminance."""
    r, g, b = (int(background[i:i + 2], 16) / 255 for i in (1, 3, 5))
    channel = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    luminance = 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2]
    return "#000000" if luminance > 0.179 else "#FFFFFF"
