"""Scene, not backdrop: an event whose sentence names no place is put where the article's action happens.

While the events are read, such an event gets the role ``context`` at a provisional main place (the article's
dateline, else its most mentioned place: ``geo.events.context``). Once every event is read the article's scene is
known: the place most of its events are at as their own sentences name it (``geo.places.focus.main_place``). The
Beirut meeting's "The talks underscored ..." then sits in Beirut, where the article's meeting is, not in the Gaza
Strip the article names most often as the war's backdrop.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from geo.places.focus import main_place
from geo.records import CONTEXT_ROLE, Event, PlaceMention

__all__ = ["named_places", "place_in_scene"]


def named_places(event: Event) -> tuple[str, ...]:
    """The places an event's own sentence puts it at (every role but ``context``)."""
    return tuple(dict.fromkeys(p for r, p in event.place_roles if r != CONTEXT_ROLE))


def place_in_scene(events: Sequence[Event], places: Sequence[PlaceMention], text: str) -> tuple[Event, ...]:
    """``events`` with each ``context`` placement moved to the article's scene (or dropped when it has none).

    Hypothetical events ("a possible attack on Lebanon") say where something could happen, not where the
    article's action is: they do not choose the scene.
    """
    resolved = [pm for pm in places if pm.place is not None]
    at = [p for e in events if not e.hypothetical for p in named_places(e)]
    scene = main_place(resolved, countries=True, text=text, events=at)
    return tuple(_placed(e, scene.place.id if scene else None) for e in events)


def _placed(event: Event, scene: str | None) -> Event:
    if not any(r == CONTEXT_ROLE for r, _ in event.place_roles):
        return event
    roles = [(r, p) for r, p in event.place_roles if r != CONTEXT_ROLE]
    if scene is not None and not roles:
        roles.append((CONTEXT_ROLE, scene))
    return replace(event, place_roles=tuple(roles))
