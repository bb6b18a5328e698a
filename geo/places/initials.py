"""Names written as initials with dots: "L.A.", "N.Y.", "D.C.".

Names are stored without their dots, so "L.A." and the AP abbreviation "La." (Louisiana) are one key, "la". The
way a name is written tells them apart: initials stand for the first letters of the words of a name ("N.Y.",
"D.C."), a capital followed by small letters is the start of one word ("La.", "Pa.", "Va."). A name written as
initials keeps only the abbreviations that are written as initials too; when none is left, it is read as the
initials of a big city's name ("L.A." Los Angeles, "K.L." Kuala Lumpur), as news writes them.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Callable, Iterable

from geo.names import normalise
from geo.places.gazetteer import Candidate

INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")
BIG_CITY = 500_000  # cities news names by their initials are this large ("L.A.", "K.L.", "S.F.", "H.K.")
_WORD = re.compile(r"[A-Z][\w'\u2019-]*")


def written_as_initials(text: str) -> bool:
    """Whether ``text`` is capitals each followed by a dot ("L.A.", "N.Y."), not a word cut short ("La.").

    >>> written_as_initials("L.A."), written_as_initials("La."), written_as_initials("LA")
    (True, False, False)
    """
    return INITIALS.match(text.strip()) is not None


def initials_keys(abbreviations: Iterable[str]) -> frozenset[str]:
    """The normalised keys of the abbreviations (curated spellings) that are written as initials."""
    return frozenset(normalise(a) for a in abbreviations if written_as_initials(a) or a.replace(".", "").isupper())


def name_initials(name: str) -> str:
    """The initials of a name's capitalised words, small letters: "Los Angeles" "la", "Rio de Janeiro" "rj"."""
    words = _WORD.findall(name)
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


class CityInitials:
    """Big cities by the initials of their names, read from the gazetteer once, when first asked."""

    def __init__(self, cities: Callable[[int], tuple[Candidate, ...]]) -> None:
        self._cities = cities
        self._by_initials: dict[str, tuple[Candidate, ...]] | None = None

    def __call__(self, key: str) -> tuple[Candidate, ...]:
        if self._by_initials is None:
            found: dict[str, list] = defaultdict(list)
            for c in self._cities(BIG_CITY):
                letters = name_initials(c.place.name)
                if letters:
                    found[letters].append(replace(c, form="abbr"))
            self._by_initials = {k: tuple(v) for k, v in found.items()}
        return self._by_initials.get(key, ())


def read_initials(key: str, found: tuple[Candidate, ...], keys: frozenset[str],
                  cities: CityInitials) -> tuple[Candidate, ...]:
    """The readings of a name written as initials (normalised ``key``): ``found`` without the abbreviations
    written otherwise ("La." for "L.A."; ``keys``: those written as initials) and without ISO codes
    (never written with dots), or, when no reading is left,
    the big cities of those initials."""
    kept = tuple(c for c in found if c.form not in ("abbr", "code") or c.form == "abbr" and key in keys)
    return kept or cities(key)
