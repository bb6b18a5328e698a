"""Attacked sites and objects: what an attack was aimed at when it names no actor ("a bomb exploded at a bakery",
"gunmen stormed a military camp", "the air force shot down a drone").

An analyst asks "which attacks hit businesses, schools, places of worship?" as often as "who was attacked". The
Global Terrorism Database (START, GTD Codebook, target/victim type ``targtype1``) answers with one general type per
target; its codebook lists, for each type, the sites and objects it covers (Business: retail, bakery, restaurant,
bar, cafe, hotel, bank, factory; Military: barracks, base, camp, checkpoint, convoy, aircraft including drones;
Private Citizens & Property: houses, marketplaces, villages; Religious Figures/Institutions: places of worship;
Transportation: buses, trains, stations, bridges ...). The violent clause's target noun becomes a generic target
actor of that type for the article's country, as ``geo.events.generics`` does for people ("Civilians (Iraq)"):
"a bakery" -> "Businesses (Iraq)" (kind ``business``), "a military camp" -> "Military Forces (Iraq)". The type
travels as the actor's kind (``geo.records.TARGET_TYPES``): the actor filter lists these actors, the export gives
each event its ``target_types`` and the place panel shows them.

A modifier that names an owner decides before the head noun: "police station" is Police, "bus station"
Transportation, "refugee camp" Private Citizens & Property, "federal building" Government (General).

>>> TARGET_NAMES["business"], SITE_TARGETS["bakery"], OWNER_WORDS["police"]
('Businesses', 'business', 'police')
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["OWNER_WORDS", "SITE_TARGETS", "TARGET_NAMES", "facility_kind", "target_kind"]

#: Kinds of generic targets that are not people -> the name of their generic actor.
TARGET_NAMES = {
    "business": "Businesses", "government_facility": "Government Facilities", "diplomatic": "Diplomatic Missions",
    "educational": "Educational Institutions", "religious": "Religious Institutions",
    "transportation": "Transportation", "aviation": "Airports & Aircraft", "utilities": "Utilities",
    "maritime": "Maritime",
}

_SITES = {  # GTD Codebook target types, by the sites and objects its subtypes list
    "business": "bakery bank bar cafe café casino factory hotel mall nightclub pub restaurant shop store "
                "supermarket warehouse",
    "civilians": "apartment bazaar home house marketplace market residence village",
    "military": "barracks base camp convoy drone garrison helicopter outpost tank warplane",
    "police": "jail prison",
    "government_facility": "courthouse ministry parliament",
    "diplomatic": "consulate embassy",
    "educational": "college school university",
    "religious": "cathedral church mosque shrine synagogue temple",
    "transportation": "bridge bus railway subway train",
    "aviation": "airliner airport plane",
    "utilities": "pipeline substation",
    "maritime": "ship tanker",
}
#: Singular head noun of an attacked site or object -> its target kind.
SITE_TARGETS = {w: kind for kind, words in _SITES.items() for w in words.split()}

_OWNERS = {  # a modifier that names whose the site is
    "police": "police",
    "military": "army military naval navy",
    "government_facility": "federal government governmental municipal",
    "civilians": "refugee refugees residential",
    "transportation": "bus railway train metro subway",
    "utilities": "power electricity gas oil water",
    "religious": "religious",
    "educational": "school",
}
#: Lower-case modifier -> the target kind of the site it modifies ("police station", "bus station").
OWNER_WORDS = {w: kind for kind, words in _OWNERS.items() for w in words.split()}
#: Heads that name a target only with an owner word ("a federal building", "a power station", "a police post").
NEEDS_OWNER = frozenset("building buildings station stations post posts office offices plant headquarters "
                        "checkpoint facility facilities compound vehicle vehicles".split())


def target_kind(token: Token) -> str | None:
    """The target kind of an attacked common noun: an owner modifier first ("military camp", "police station"),
    else the noun itself ("bakery"); names, capitalised words and pronouns are left to the actor extractor."""
    if token.pos_ != "NOUN" or not token.is_lower or token.ent_type_:
        return None
    lemma = (token.lemma_ or token.lower_).lower()
    for c in token.children:
        if c.i < token.i and c.dep_ in ("compound", "amod", "nmod") and c.lower_ in OWNER_WORDS:
            return OWNER_WORDS[c.lower_]
    if lemma in NEEDS_OWNER:
        return None
    return SITE_TARGETS.get(lemma) or SITE_TARGETS.get(token.lower_)


def facility_kind(name: str) -> str | None:
    """The target kind of a named facility from its words: an owner word ("Murrah Federal Building": government
    facility), else its generic word ("Camp Shorabak", "the Rolando cafe": military, business).

    >>> facility_kind("Murrah Federal Building"), facility_kind("Camp Bastion"), facility_kind("Falls Road")
    ('government_facility', 'military', None)
    """
    words = [w.lower() for w in name.replace("-", " ").split()]
    for w in words:
        if w in OWNER_WORDS:
            return OWNER_WORDS[w]
    for w in words[::-1]:
        if w in SITE_TARGETS:
            return SITE_TARGETS[w]
    return None
