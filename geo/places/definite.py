"""Names written after "the": English puts the article before an ocean, a sea or a river ("the Atlantic", "the
Gulf", "the Jordan") and not before a town ("storms over the Atlantic", never "over the Norfolk"). A name written
so that also has a water reading is not a town of the same name (Atlantic, Virginia beside "Norfolk, Virginia"), nor
a province named after the water (Sudan's and Egypt's Red Sea states: "a tanker was attacked in the Red Sea").
A town's name used as a modifier ("the Paris attacks") has no water reading to prefer, so it is untouched. Regions
are left out: a territory named after its city ("the Gaza border") keeps its city, which is what makes it the
territory (``readings.names_a_city_inside``)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from geo.records import Mention

from geo.places.gazetteer import Candidate

WATER_KINDS = ("water",)
LAND_KINDS = ("city", "admin2", "admin1")  # towns, counties and provinces
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def written_with_the(text: str, mentions: Sequence[Mention], keys) -> set:
    """Keys of the place names the article writes right after "the" ("the Atlantic"), at least once."""
    return {key for mention, key in zip(mentions, keys)
            if mention.label == "place" and _THE_BEFORE.search(text, max(0, mention.start - 5), mention.start)}


def no_town(candidates: Sequence[Candidate]) -> tuple:
    """A name written after "the" with a water reading (an ocean, a sea, a river): its town and province readings
    left out."""
    if not any(c.place.kind in WATER_KINDS for c in candidates):
        return tuple(candidates)
    return tuple(c for c in candidates if c.place.kind not in LAND_KINDS)
