"""A city's name before "region" or "oblast": the first-order subdivision named after that city, where one is.

Russia's, Ukraine's, Belarus' and Kazakhstan's oblasts and krais, Iran's, Syria's and Peru's provinces are named after
their capitals, and English-language news writes them "the Bryansk region", "the Kharkiv oblast", "Aleppo province"
with the city's own name. GeoNames keeps such a subdivision under its native name ("Bryanskaya oblast'"), which the
city's name does not match, so the resolver finds only the city. The subdivision is meant: its name shares the
city's stem. "The Houston region" or "the Atlanta region" is a metropolitan area, and the state around that city is
named otherwise (Texas, Georgia): the city stays. The unit GeoNames names after the city with an English unit word
("Moscow Oblast", "Kyiv Oblast") is looked up first: Moscow and Kyiv are first-order units themselves, and their
own unit is the city, not the region around it.

The resolver hands its answers to :func:`read_as_subdivisions` (``resolution.Resolver.resolve``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Callable

from geo.names import fold
from geo.records import Mention, Place, PlaceMention

#: Words English-language news writes after a city's name for the subdivision named after it (the Associated Press
#: Stylebook writes "region" or "oblast" for Russia's and Ukraine's units; "province", "governorate", "prefecture"
#: and "krai" are the English words of the other countries' own names for them).
SUBDIVISION_WORDS = ("region", "oblast", "province", "governorate", "prefecture", "krai", "kray")
_AFTER = re.compile(r"\s+(?:%s)(s?)\b" % "|".join(SUBDIVISION_WORDS), re.I)
_LIST_GAP = re.compile(r"(?:,\s*|,?\s+(?:and|or)\s+)")  # between two names of a list: ", ", " and "
_OPENINGS = frozenset(" " + w[0] for w in SUBDIVISION_WORDS) | frozenset(" " + w[0].upper() for w in SUBDIVISION_WORDS)
_STEM = 4  # letters of the city's name the subdivision's name must open with ("Perm" -> "Permskiy kray")


def before_a_subdivision_word(text: str, mentions: Sequence[Mention]) -> set[int]:
    """The indices of the mentions a subdivision word follows ("Bryansk region", "Kharkiv oblast"); a plural is
    shared by the list it closes ("the Belgorod and Kursk regions")."""
    found = {i for i, m in enumerate(mentions) if text[m.end:m.end + 2] in _OPENINGS}  # spares most the match
    if not found:
        return set()
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    out: set[int] = set()
    for pos, i in enumerate(order):
        match = _AFTER.match(text, mentions[i].end) if i in found else None
        if match is None:
            continue
        out.add(i)
        for j, after in zip(reversed(order[:pos]), reversed(order[1:pos + 1])) if match.group(1) else ():
            if not _LIST_GAP.fullmatch(text, mentions[j].end, mentions[after].start):
                break
            out.add(j)
    return out


def subdivision_meant(town: Place, admin1: str | None, place: Callable[[str], Place | None]) -> Place | None:
    """The first-order subdivision (``admin1``, looked up with ``place``) a town's name written before a subdivision
    word means, when the subdivision is named after the town (their folded names open with the same letters,
    :data:`_STEM` at least); None otherwise."""
    if admin1 is None:
        return None
    unit = place(admin1)
    if unit is None or unit.kind != "admin1":
        return None
    own, theirs = fold(town.name).lower(), fold(unit.name).lower()
    stem = min(_STEM, len(own))
    return unit if len(own) >= 3 and theirs[:stem] == own[:stem] else None


#: The English words GeoNames' alternate names of first-order subdivisions join to their city's name ("Moscow Oblast",
#: "Kyiv Oblast", "Minsk Region", "Tehran Province"), in the order they are tried.
UNIT_NAMES = ("Oblast", "Region", "Province", "Governorate", "Prefecture", "Krai")


def unit_named_for(town: Place, name: str, candidates: Callable[[str], Sequence]) -> Place | None:
    """The first-order subdivision of the town's country GeoNames names "<name> Oblast" (or Region, Province ...:
    :data:`UNIT_NAMES`), read before the town's own subdivision: Moscow and Kyiv are first-order units themselves
    ("Moskva", "Kyiv"), and "the Moscow region" is Moscow Oblast around the city, "the Kyiv region" Kyiv Oblast.
    None where no such unit is ("the Houston region": Texas is no Houston Region)."""
    for word in UNIT_NAMES:
        for c in candidates(f"{name} {word}"):
            if c.place.kind == "admin1" and c.place.country_code == town.country_code:
                return c.place
    return None


def read_as_subdivisions(text: str, answers: tuple[PlaceMention, ...], gazetteer) -> tuple[PlaceMention, ...]:
    """The resolver's answers, a town answered for a name written before a subdivision word replaced by the
    subdivision named after it, where one is (:func:`unit_named_for`, :func:`subdivision_meant`); per mention, so
    "Bryansk" alone stays the city. ``gazetteer``: what the town's own subdivision is looked up in."""
    out = list(answers)
    for i in before_a_subdivision_word(text, [pm.mention for pm in answers]):
        pm = answers[i]
        if pm.place is None or pm.place.kind != "city":
            continue
        admin1 = next((c.admin1 for c in gazetteer.candidates(pm.mention.text, fuzzy=False)
                       if c.place.id == pm.place.id), None)
        unit = unit_named_for(pm.place, pm.mention.text, lambda name: gazetteer.candidates(name, fuzzy=False)) \
            or subdivision_meant(pm.place, admin1, gazetteer.place)
        if unit is not None:
            out[i] = PlaceMention(pm.mention, unit, pm.score)
    return tuple(out)
