"""Scene, not backdrop: an event whose sentence names no place is put where the article's action happens.

While the events are read, such an event gets the role ``context`` at a provisional main place (the article's
dateline, else its most mentioned place: ``geo.events.context``). Once every event is read the article's scene is
known: the place most of its event mentions are at as their own sentences, or their occurrence's other mentions,
name it (``geo.places.focus.main_place``; the grouping stage ``geo.events.grouping`` asks). The
Beirut meeting's "The talks underscored ..." then sits in Beirut, where the article's meeting is, not in the Gaza
Strip the article names most often as the war's backdrop.
"""
from __future__ import annotations

from collections.abc import Sequence

from geo.places.focus import main_place
from geo.records import CONTEXT_ROLE, Event, PlaceMention

__all__ = ["named_places", "nearest_first", "scene_of"]


def named_places(event: Event) -> tuple[str, ...]:
    """The places an event's own sentence puts it at (every role but ``context``)."""
    return tuple(dict.fromkeys(p for r, p in event.place_roles if r != CONTEXT_ROLE))


def scene_of(places: Sequence[PlaceMention], text: str, at: Sequence[str]) -> str | None:
    """The id of the article's scene (``geo.places.focus.main_place``), or None; ``at`` are the places the
    article's non-hypothetical events are at as their sentences name them, one id per event mention (an
    occurrence reported five times weighs five): "a possible attack on Lebanon" says where something could
    happen, not where the article's action is."""
    scene = main_place([pm for pm in places if pm.place is not None], countries=True, text=text, events=at)
    return scene.place.id if scene is not None else None


def nearest_first(places: Sequence[PlaceMention], at: int, dateline_end: int) -> list[PlaceMention]:
    """A sentence's places by their distance from character ``at``, those of the dateline last and in its order:
    "ATHENS, Ga. - A gunman opened fire at a bar" puts the bar in the dateline's city, not in its state (the
    state, nearer to the bar, only says which Athens)."""
    def key(pm: PlaceMention) -> tuple[bool, int]:
        filed = pm.mention.start < dateline_end
        return filed, pm.mention.start if filed else abs(pm.mention.start - at)
    return sorted(places, key=key)
