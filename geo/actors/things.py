"""Names of things that no one is, whatever the model tags them: laws, awards, competitions and wild lands.

The small model tags "the American Recovery and Reinvestment Act", "the Lou Marsh Award", "the CAF Confederation Cup"
and "the Otter Creek Wilderness" ORG, and each became an organisation of the map's actor filter, taken as an
event's initiator where it is a clause's subject ("the Act requires"). Their names end on the word that says what
they are (English naming of laws, prizes and contests; the US National Park Service's and Forest Service's kinds of
protected lands), as a disease's or a storm's do.
"""
from __future__ import annotations

from spacy.tokens import Span

__all__ = ["THING_WORDS", "names_a_thing"]

#: The last words of the names of laws and treaties ("Omnibus Public Lands Management Act", "the Marriage
#: Protection Amendment", "the Internal Revenue Code", "the Comprehensive Economic and Trade Agreement").
LAW_WORDS = frozenset("act acts amendment amendments code treaty agreement accord".split())
#: ... of prizes ("the Lou Marsh Award", "the Academy Awards", "the Nobel Prize", "the Stanley Cup").
AWARD_WORDS = frozenset("award awards prize prizes medal trophy oscars grammys emmys".split())
#: ... of contests ("the CAF Confederation Cup", "the Tennessee Senior Olympics", "the Cannes Grand Prix").
CONTEST_WORDS = frozenset("cup olympics championship championships prix".split())
#: ... of wild lands and waters (the kinds of the National Park Service's and Forest Service's units, and GeoNames'
#: stream, valley and lake): "the Dolly Sods Wilderness", "Pictured Rocks National Lakeshore", "the Kanawha River".
#: A forest counts when it is a national or state forest ("Nottingham Forest" is a football club).
LAND_WORDS = frozenset("wilderness lakeshore seashore river creek valley".split())
THING_WORDS = LAW_WORDS | AWARD_WORDS | CONTEST_WORDS | LAND_WORDS
_FOREST_OWNERS = frozenset("national state".split())


def names_a_thing(span: Span) -> bool:
    """A name whose last word says it is a law, a prize, a contest or a wild land: a one-word name only when it is
    that word ("Award" of "the High Sheriff Award" tagged alone)."""
    words = [t.lower_.rstrip(".") for t in span if not t.is_punct]
    if not words or not span[-1].text[:1].isupper():  # "the Unite union act": a common word, not a name's
        return False
    if words[-1] == "forest":
        return len(words) > 1 and words[-2] in _FOREST_OWNERS
    return words[-1] in THING_WORDS
