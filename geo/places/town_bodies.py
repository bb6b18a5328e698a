"""A name written before a town's own body is a town: "Berea Police Department", "the Norfolk City Council",
"Norfolk High School". A state, a county or a country has its own bodies with other names (a state police, a
sheriff's office, a legislature or a county commission), so these words leave the name's towns only: the district of
Berea in Lesotho and the county of Norfolk in England are no reading of "Berea police" or "Norfolk High School".
How the town is chosen among its namesakes is left to the article's other evidence. ("a Lebanon woman" and "the
Jordan middle school" keep their states and counties: ``readings.written_as_a_town`` only leaves their country out.)"""
from __future__ import annotations

import re
from collections.abc import Sequence

from geo.places.gazetteer import Candidate
from geo.records import Mention

TOWN_KINDS = ("city",)
#: a town's own bodies, as US, Canadian and British local news name them; not "public schools" or "public library",
#: which a state has too ("California public schools", the New York Public Library)
_BODY_AFTER = re.compile(r"\s+(?:police\s+department|city\s+council|city\s+hall|town\s+council|town\s+hall|"
                         r"fire\s+department|high\s+school)\b", re.I)


def before_a_town_body(text: str, mentions: Sequence[Mention], keys) -> set:
    """Keys of the names the article writes right before a town's body, at least once."""
    return {key for mention, key in zip(mentions, keys)
            if mention.label == "place" and _BODY_AFTER.match(text, mention.end)}


def towns_only(candidates: Sequence[Candidate]) -> tuple:
    """A name written before a town's body: its towns, when it has one."""
    towns = tuple(c for c in candidates if c.place.kind in TOWN_KINDS)
    return towns or tuple(candidates)
