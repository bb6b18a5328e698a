"""Names written after "the": English puts the article before an ocean, a sea or a river ("the Atlantic", "the
Gulf", "the Jordan") and not before a town ("storms over the Atlantic", never "over the Norfolk"). A name written
so that also has a water reading is not a town of the same name (Atlantic, Virginia beside "Norfolk, Virginia"), nor
a province named after the water (Sudan's and Egypt's Red Sea states: "a tanker was attacked in the Red Sea").
A town's name used as a modifier ("the Paris attacks") has no water reading to prefer, so it is untouched. Regions
are left out: a territory named after its city ("the Gaza border") keeps its city, which is what makes it the
territory (``readings.names_a_city_inside``).

A common word written after "the" at every mention ("the Gulf", "the South", "the Coast") names a place the
reader knows from the story (the Persian Gulf, the American South), not a town or province called by that bare word
elsewhere (Papua New Guinea's Gulf Province, Cameroon's South Region): those readings are left out too, and a name
with no other reading is left without an answer rather than placed on another continent."""
from __future__ import annotations

import re
from collections.abc import Sequence

from geo.records import Mention

from geo.places.gazetteer import Candidate
from geo.places.placewords import DIRECTIONS, KIND_WORDS

WATER_KINDS = ("water",)
LAND_KINDS = ("city", "admin2", "admin1")  # towns, counties and provinces
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_THE_OPENS = ("the ", "The ")  # a span given with its article: "the Gulf"


def written_with_the(text: str, mentions: Sequence[Mention], keys) -> tuple[set, set]:
    """Keys of the place names the article writes right after "the" ("the Atlantic"; the article before the span
    or opening it): those written so at least once, and those written so at every mention. A common word written
    so at every mention is the place the story means ("the Gulf"), while one written once without it is a town's
    name ("A Spring teenager ... the Spring teenager")."""
    once, without = set(), set()
    for mention, key in zip(mentions, keys):
        if mention.label == "place":
            (once if _after_the(text, mention) else without).add(key)
    return once, once - without


def _after_the(text: str, mention: Mention):
    return _THE_BEFORE.search(text, max(0, mention.start - 5), mention.start) or mention.text.startswith(_THE_OPENS)


#: Words that name a kind of place or a direction: "the Gulf", "the South" are no place called by the bare word.
COMMON_WORDS = KIND_WORDS | DIRECTIONS.keys()


def no_town(candidates: Sequence[Candidate], name: str = "") -> tuple:
    """The readings of a name written after "the" (``name``, normalised): with a water reading (an ocean, a sea, a
    river), its town and province readings left out; for a common word (:data:`COMMON_WORDS`), the towns and
    provinces it calls, but one whose own name holds the article ("The Hills", a district of Sydney)."""
    if any(c.place.kind in WATER_KINDS for c in candidates):
        return tuple(c for c in candidates if c.place.kind not in LAND_KINDS)
    if name not in COMMON_WORDS:
        return tuple(candidates)
    return tuple(c for c in candidates if c.place.kind not in LAND_KINDS or c.place.name.lower().startswith("the "))
