"""Other spellings of a name: ways news writes a place that the gazetteer does not hold as one of its names.

- A direction abbreviated to its initial before a name: "N. Korea", "S. Sudan", "NE Syria" are North Korea,
  South Sudan and north-east Syria as news writes them in headlines and tight copy.
- A unit word abbreviated after a name: "Platte Co.", "Loudon Co." are Platte County and Loudon County, as local
  news writes them; "Twp." is a township.
- A final "h" after "a" or "e", which transliterations from Arabic, Persian and Hebrew write or leave out at will
  (the feminine ending): "Shabwa" and "Shabwah", "Hodeidah" and "Hodeida" are one place each.

A variant is read only when the name as written is no place's own name (it has no readings, only near spellings,
only other names of places, or only an airport named after its town), and its readings are then added to the
name's own: a name the gazetteer holds as some place's name keeps its readings.
"""
from __future__ import annotations

from typing import Callable, Sequence

from geo.places.gazetteer import Candidate

#: Initials of the compass points, as headlines abbreviate them before a name, and the words they stand for.
DIRECTION_INITIALS = {"n": "north", "s": "south", "e": "east", "w": "west",
                      "ne": "northeast", "nw": "northwest", "se": "southeast", "sw": "southwest"}
#: Unit words as news abbreviates them after a name, and the words they stand for.
UNIT_ABBREVIATIONS = {"co": "county", "cnty": "county", "twp": "township"}
_SOFT_ENDINGS = ("a", "e")  # vowels a transliteration may close with an "h" or without one
MIN_LENGTH = 4  # "Ra", "Bah": too short to tell a variant from another name

Lookup = Callable[[str], Sequence[Candidate]]


def variants(key: str) -> tuple[str, ...]:
    """The other spellings of a normalised name, most telling first.

    >>> variants("n korea"), variants("shabwa"), variants("hodeidah")
    (('north korea',), ('shabwah',), ('hodeida',))
    """
    out = []
    first, _, rest = key.partition(" ")
    if rest and first in DIRECTION_INITIALS:
        out.append(f"{DIRECTION_INITIALS[first]} {rest}")
    stem, _, last = key.rpartition(" ")
    if stem and last in UNIT_ABBREVIATIONS:
        out.append(f"{stem} {UNIT_ABBREVIATIONS[last]}")
    if len(key) >= MIN_LENGTH:
        if key[-1] == "h" and key[-2] in _SOFT_ENDINGS:
            out.append(key[:-1])
        elif key[-1] in _SOFT_ENDINGS:
            out.append(key + "h")
    return tuple(out)


def names_a_place(found: Sequence[Candidate], kinds: Sequence[str] | None = None, own: bool = True) -> bool:
    """Whether a name's readings hold a place of ``kinds`` (any when None) that it matches exactly and that is no
    airport ("Hodeidah" is the words of Hodeidah International Airport's name, yet the city is meant); with
    ``own``, a place bearing it as its own name, not as one of its other names ("Shabwa" is only an old
    spelling's of a Burmese village)."""
    return any(not c.fuzzy and not (own and c.form == "alt") and c.place.kind != "airport"
               and (kinds is None or c.place.kind in kinds) for c in found)


def respelled(key: str, found: Sequence[Candidate], lookup: Lookup,
              kinds: Sequence[str] | None = None) -> tuple[Candidate, ...]:
    """``found`` (the readings of ``key`` as written) when one is a place of that name (:func:`names_a_place`, of
    ``kinds`` when given); otherwise their exact readings and those of the first variant that has a place of
    ``kinds`` by any of its names (``lookup``: the exact readings of a normalised name). A variant's readings keep
    how they matched it."""
    if names_a_place(found, kinds):
        return tuple(found)
    for other in variants(key):
        more = tuple(lookup(other))
        if names_a_place(more, kinds, own=False):
            return tuple(c for c in found if not c.fuzzy) + more
    return tuple(found)
