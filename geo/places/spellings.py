"""Other spellings of a name: ways news writes a place that the gazetteer does not hold as one of its names.

- A direction abbreviated to its initial before a name: "N. Korea", "S. Sudan" are North Korea and South Sudan
  as news writes them in headlines and tight copy.
- A unit word abbreviated after a name: "Platte Co.", "Loudon Co." are Platte County and Loudon County, as local
  news writes them; "Twp." is a township.
- The feminine ending of Arabic, Persian and Hebrew names, which transliterations write "-a", "-ah", "-e" or "-eh"
  at will: "Shabwa" and "Shabwah", "Hodeidah" and "Hodeida" are one place each.
- The Arabic article, which news leaves out of a town's name where GeoNames keeps it, or writes "el" for "al":
  "Diwaniyah" is Al Diwaniyah.

A variant is read only when the name as written is no place's name (it has no readings, only near spellings, only
an airport named after its town, or only another name of a small town), and its readings are then added to the
name's own: a name the gazetteer holds as a place's own name, or as another name of a place news knows, keeps its
readings.
"""
from __future__ import annotations

from typing import Callable, Sequence

from geo.places.gazetteer import Candidate
from geo.places.placewords import WELL_KNOWN

#: Initials of the compass points, as headlines abbreviate them before a name, and the words they stand for.
DIRECTION_INITIALS = {"n": "north", "s": "south", "e": "east", "w": "west",
                      "ne": "northeast", "nw": "northwest", "se": "southeast", "sw": "southwest"}
#: Unit words as news abbreviates them after a name, and the words they stand for.
UNIT_ABBREVIATIONS = {"co": "county", "cnty": "county", "twp": "township"}
#: The feminine ending as transliterations write it, and the other ways of writing it: with or without an "h",
#: "eh" or "ah" ("Hodeideh", "Hodeidah"). A bare "a" and "e" are not swapped: "Sabre" is no "Sabra".
FEMININE_ENDINGS = {"ah": ("a", "eh"), "eh": ("e", "ah"), "a": ("ah",), "e": ("eh",)}
ARTICLES = ("al", "el")  # the Arabic article as a word of its own (normalised: "Al-Kut" is "al kut")
MIN_LENGTH = 4  # "Ra", "Bah": too short to tell a variant from another name
MIN_ARTICLE_LENGTH = 3  # "Kut" is Al Kut
SMALL_KINDS = ("city", "admin2")  # towns and counties: another name of a small one is a weak reading

Lookup = Callable[[str], Sequence[Candidate]]


def variants(key: str) -> tuple[str, ...]:
    """The other spellings of a normalised name, most telling first: a direction or unit word written out, then
    the name with its feminine ending written otherwise, then with the article added, dropped or swapped (and
    with both).

    >>> variants("n korea")[0], variants("platte co"), variants("hodeidah")[:2], variants("kut")
    ('north korea', ('platte county',), ('hodeida', 'hodeideh'), ('al kut',))
    """
    out = []
    first, _, rest = key.partition(" ")
    if rest and first in DIRECTION_INITIALS:
        out.append(f"{DIRECTION_INITIALS[first]} {rest}")
    stem, _, last = key.rpartition(" ")
    if stem and last in UNIT_ABBREVIATIONS:
        out.append(f"{stem} {UNIT_ABBREVIATIONS[last]}")
    endings = _endings(key)
    out.extend(endings)
    for spelling in (key, *endings):
        out.extend(_articles(spelling))
    return tuple(out)


def _endings(key: str) -> list[str]:
    """``key`` with its feminine ending (:data:`FEMININE_ENDINGS`, the ones with an "h" tried first) written each
    other way."""
    if len(key) < MIN_LENGTH:
        return []
    ending = next((e for e in FEMININE_ENDINGS if key.endswith(e)), None)
    if ending is None:
        return []
    return [key[:-len(ending)] + other for other in FEMININE_ENDINGS[ending]]


def _articles(key: str) -> list[str]:
    """A one-word name with the article before it; a name with the article without it, or with the other one."""
    first, _, rest = key.partition(" ")
    if first in ARTICLES and rest:
        return [rest, *(f"{other} {rest}" for other in ARTICLES if other != first)]
    return [f"{ARTICLES[0]} {key}"] if not rest and len(key) >= MIN_ARTICLE_LENGTH else []


def names_a_place(found: Sequence[Candidate], kinds: Sequence[str] | None = None) -> bool:
    """Whether a name's readings hold a place of ``kinds`` (any when None) that it matches exactly and that is no
    airport ("Hodeidah" is the words of Hodeidah International Airport's name, yet the city is meant)."""
    return any(not c.fuzzy and c.place.kind != "airport" and (kinds is None or c.place.kind in kinds) for c in found)


def is_a_name(found: Sequence[Candidate], kinds: Sequence[str] | None = None) -> bool:
    """Whether a name as written is a place's name (:func:`names_a_place`), so no variant is read: its own, or
    another name of a place news knows by it (a well-known city, a province: "Amarah" of Al Amarah). Another name
    of a village only ("Shabwa" of Sha Bwa, in Myanmar) is no stronger a reading than a variant's ("Shabwah",
    the Yemeni governorate), so both are read."""
    return names_a_place([c for c in found if c.form != "alt" or c.population >= WELL_KNOWN
                          or c.place.kind not in SMALL_KINDS], kinds)


def respelled(key: str, found: Sequence[Candidate], lookup: Lookup,
              kinds: Sequence[str] | None = None) -> tuple[Candidate, ...]:
    """``found`` (the readings of ``key`` as written) when it is a place's name (:func:`is_a_name`, of ``kinds``
    when given); otherwise their exact readings and those of the first variant that names a place
    (:func:`names_a_place`; ``lookup``: the exact readings of a normalised name). A variant's readings keep how
    they matched it."""
    if is_a_name(found, kinds):
        return tuple(found)
    for other in variants(key):
        more = tuple(lookup(other))
        if names_a_place(more, kinds):
            return tuple(c for c in found if not c.fuzzy) + more
    return tuple(found)
