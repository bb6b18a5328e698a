"""Bodies named by their kind alone: "the City Council", "the School Board", "the Sheriff's Office", "the Board of
Education", "the Legislature", "the Supreme Court".

Every town has a city council and every state a legislature, so such a name says which body is meant only inside its
article, where the town is written beside it. Across articles two of them are one body only where the two articles
share a place below the country (:mod:`geo.actors.linking`): the "City Council" of a Dublin, Ohio story is not that
of a Galway story, nor of another Ohio town's.
"""
from __future__ import annotations

from geo.names import fold

__all__ = ["GENERIC_BODY_WORDS", "generic_body"]

#: The words of the names of local and state governments, their boards, offices and courts, without the name of a
#: place: the US Census Bureau's Census of Governments (kinds of local governments and their governing bodies:
#: county, municipal and township governments, school and special districts, and their boards and commissions), the
#: National Center for State Courts' court structure charts (supreme, superior, circuit, district, magistrate,
#: probate, juvenile, family courts), the National Conference of State Legislatures' names of the states' chambers
#: (Senate, House, House of Representatives, House of Delegates, General Assembly, Legislature: "the Senate" of a
#: Georgia story is not that of an Ohio one), and the UK's and Ireland's councils (Local Government Acts).
GENERIC_BODY_WORDS = frozenset("""
city county town township village borough parish municipal municipality district regional metropolitan local
council councils board boards commission commissioners committee department dept office authority division bureau
court courts legislature legislative assembly general senate house representatives delegates supreme superior circuit magistrate magistrates probate juvenile family
appeals appeal criminal civil common pleas chancery
school schools education public works planning zoning adjustment health fire rescue emergency management police
sheriff sheriffs parks recreation water sewer utilities utility finance budget tax assessors assessor
aldermen selectmen supervisors trustees elections election personnel review historic preservation architectural
conservation housing development community economic services social human library transit transportation roads
highway highways streets sanitation animal control code enforcement building inspections
""".split())
_JOINING = frozenset("of and for the on".split())


def generic_body(name: str) -> bool:
    """Whether a body's name is made of the words of a kind of body alone ("City Council", "Board of Education",
    "Sheriff's Office", "Planning and Zoning Commission"); "Dublin City Council" and "National Weather Service"
    are names of one body each."""
    words = fold(name).split()  # "Sheriff's Office": sheriff office
    return bool(words) and any(w not in _JOINING for w in words) and all(
        w in GENERIC_BODY_WORDS or w in _JOINING for w in words)
