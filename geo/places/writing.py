"""How the article writes a name, and the readings that writing leaves: "a Lebanon woman" (a town, no country:
``readings.written_as_a_town``), "the Atlantic" (no town beside a water reading: :mod:`geo.places.definite`),
"Berea Police Department" (a town only: :mod:`geo.places.town_bodies`). One sense per article: a name written so
once is read so at every mention."""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from geo.places import definite, readings, town_bodies
from geo.places.gazetteer import Candidate
from geo.records import Mention


class Writing(NamedTuple):
    """How a name is written (a named tuple: it is part of the key a name's readings are kept by, hashed in C)."""

    as_town: bool = False  # "a Lebanon woman", "the Jordan middle school"
    after_the: bool = False  # "the Atlantic"
    before_body: bool = False  # "Berea Police Department"
    always_after_the: bool = False  # "the Gulf" at every mention: a common word is no town called by it


PLAIN = Writing()


def how_written(text: str, mentions: Sequence[Mention], keys) -> dict:
    """Per name key written in one of the ways above: its :class:`Writing` (others are :data:`PLAIN`)."""
    towns = readings.written_as_a_town(text, mentions, keys)
    wide, always = definite.written_with_the(text, mentions, keys)
    bodies = town_bodies.before_a_town_body(text, mentions, keys)
    return {key: Writing(key in towns, key in wide, key in bodies, key in always and key not in bodies)
            for key in towns | wide | bodies}


def narrowed(candidates: Sequence[Candidate], writing: Writing, name: str = "") -> tuple:
    """The readings the writing leaves of name ``name`` (normalised; each step but a common word always written
    after "the" keeps them all when it would leave none of its kind)."""
    candidates = tuple(candidates)
    if writing.as_town:
        candidates = readings.no_country(candidates)
    if writing.after_the:
        candidates = definite.no_town(candidates, name if writing.always_after_the else "")
    if writing.before_body:
        candidates = town_bodies.towns_only(candidates)
    return candidates
