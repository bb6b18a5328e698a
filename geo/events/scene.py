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
from typing import TYPE_CHECKING

from geo.places.focus import is_demonym, main_place
from geo.records import CONTEXT_ROLE, Event, PlaceMention

if TYPE_CHECKING:  # the store's writer imports the grouping, and so this module, without spaCy
    from spacy.tokens import Doc

__all__ = ["named_places", "nearest_first", "scene_of", "sentence_countries"]


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


def sentence_countries(doc: Doc, place_at: dict[int, PlaceMention]) -> dict[int, str]:
    """The one country of a sentence's places, by the sentence's first token, where they all lie in one: "In
    Kharkiv, a Russian missile hit an apartment block" hits Ukraine's civilians, whatever country the article is
    mostly about. A name is judged by its root word: "a tourist from New Zealand" says where she is from, not the
    scene, though "New" hangs on "Zealand"."""
    found: dict[int, set[str]] = {}
    for i, pm in place_at.items():
        token = doc[i]
        if token.head.i != i and place_at.get(token.head.i) is pm:
            continue  # a word inside the name
        if not is_demonym(pm) and pm.place.country_code and token.head.lower_ != "from":
            found.setdefault(token.sent.start, set()).add(pm.place.country_code)
    return {start: min(codes) for start, codes in found.items() if len(codes) == 1}
