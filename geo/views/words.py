"""The words views use to describe themselves: counts in plain English ("1 event", "7 events (6 placed from
article context)"), written once for the view's sentence, the map's popups (the page gets them ready-made, see
:func:`geo.render.panel.popup_parts`) and the dashboard's place panels.

>>> plural(1, "event"), plural(1234, "place")
('1 event', '1,234 places')
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def plural(n: int, word: str) -> str:
    """A count and its noun, the count with thousands separators as every count on the page is written: the
    slider's line said "1,234 events" beside a caption's "1234 events"."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def events_text(events: int, context: int = 0) -> str:
    """"7 events (6 placed from article context)": how many events a place has, and how many of them are
    there only because their sentence names no place and the article's main place stood in (role
    "context"), which an analyst weighs differently from a place the sentence names."""
    text = plural(events, "event")
    return f"{text} ({context:,} placed from article context)" if context else text


def place_counts(place: Mapping[str, Any], sep: str = " \u00b7 ") -> str:
    """A place's events (see :func:`events_text`) and mentions, joined by ``sep``: "2 events \u00b7 3 mentions"
    in a place's panel, "2 events, 3 mentions" in its popup."""
    events = events_text(int(place.get("event_count") or 0), int(place.get("context_event_count") or 0))
    return f"{events}{sep}{plural(int(place.get('mention_count') or 0), 'mention')}"


def reports_text(event: Mapping[str, Any]) -> str:
    """"8 reports from 2 sources": how many mentions tell of one real-world event and how many sources they come
    from (sources that agree corroborate it); "" for an event reported once."""
    reports = int(event.get("report_count") or 1)
    if reports <= 1:
        return ""
    return f"{plural(reports, 'report')} from {plural(int(event.get('source_count') or 1), 'source')}"


def left_out(what: str, names: list[str], where: str, hint: str, shown: int = 5, longest: int = 80) -> str:
    """One sentence for the values of a link that name nothing and are left out: "No actor named “Nobody” in the
    store, so it is left out; pick one ...". A link may hold hundreds of them: one warning each filled the page,
    so the sentence quotes the first ``shown`` (each cut at ``longest`` characters) and counts the rest.

    >>> left_out("actor", ["A", "B"], "in the store", "pick one.")
    'No actor named \u201cA\u201d or \u201cB\u201d in the store, so they are left out; pick one.'
    """
    quoted = [f"\u201c{n if len(n) <= longest else n[:longest] + chr(0x2026)}\u201d" for n in names[:shown]]
    rest = len(names) - len(quoted)
    listed = ", ".join(quoted) + (f" and {rest:,} more" if rest else "")
    if not rest and len(quoted) > 1:
        listed = ", ".join(quoted[:-1]) + " or " + quoted[-1]
    they = "it is" if len(names) == 1 else "they are"
    return f"No {what} named {listed} {where}, so {they} left out; {hint}"
