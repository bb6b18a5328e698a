"""Two names of one article are two places: a town's other name is not read as that town when the article names
the town by its own name too, a name that shares no word with it.

GeoNames keeps old and local names among a town's alternate names ("Youngstown" of Mount Gilead, Ohio; "Maryville"
of Beeville, Texas). Where an article names Mount Gilead by its own name and also writes "Youngstown", the writer
means two places; the alternate reading would make them one, and the neighbour support that the town's own mention
and its county give it would carry it against the city that bears the name. The resolver
(``geo.places.resolution``) leaves such a reading out when the name has a larger reading by its own name, so an
exonym or a former name of a great city ("Kiev" beside "Kyiv", "Bombay" beside "Mumbai") still reads that city.
"""
from __future__ import annotations

from typing import Sequence

from geo.places.gazetteer import Candidate

__all__ = ["named_elsewhere", "lesser_alternates"]


def _own(candidates: Sequence[Candidate]) -> int:
    return max((c.population for c in candidates if c.form == "name"), default=-1)


_NONE: frozenset[str] = frozenset()  # most names have none: one empty set serves them all


def lesser_alternates(candidates: Sequence[Candidate]) -> frozenset[str]:
    """The places :func:`named_elsewhere` can find among a name's readings, whatever the article: those read by an
    alternate name with fewer people than a reading by the name itself (worked out once per name). It finds none
    in an article that answers none of them by its own name."""
    own = _own(candidates)
    return frozenset(c.place.id for c in candidates if c.form == "alt" and c.population < own) or _NONE


def named_elsewhere(candidates: Sequence[Candidate], key: tuple, by_name: dict) -> list[int]:
    """The readings (indices) of the name ``key`` matched by an alternate name of a place that another name of the
    article answers by its own name (``by_name``: place id -> that name's key), when the name has a reading by its
    own name with more people: "Youngstown" beside "Mount Gilead" is not Mount Gilead."""
    own = _own(candidates)
    return [i for i, c in enumerate(candidates) if c.form == "alt" and c.population < own
            and by_name.get(c.place.id, key) != key and _two_names(key[0], by_name[c.place.id][0])]


def _two_names(a: str, b: str) -> bool:
    """Whether two normalised names share no word: "Avondale" and "Avondale Estates", "Gaza" and "Gaza Strip" are
    one name written short and long."""
    return not set(a.split()) & set(b.split())
