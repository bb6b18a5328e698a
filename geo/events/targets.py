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

Besides the objects of the clause (``geo.events.clauses.objects``), three readings find what an attack hit: what a
blast damaged (:func:`struck`), the noun a trigger is said to be (:func:`described_as`) and where a bomb went off
(:func:`blast_sites`).

>>> TARGET_NAMES["business"], SITE_TARGETS["bakery"], OWNER_WORDS["police"]
('Businesses', 'business', 'police')
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: the writer of an ingest imports this module and must not load spaCy
    from spacy.tokens import Token

__all__ = ["OWNER_WORDS", "SITE_TARGETS", "TARGET_NAMES", "antecedents", "blast_sites", "described_as",
           "facility_kind", "referring", "struck", "target_kind"]

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


# -- where a clause names what an attack hit, besides its objects (geo.events.clauses.objects)

#: Verbs of damage or aim whose subject (or passive "by" agent) can be the event itself: "the blast destroyed a
#: school", "the building was shattered by an explosion", "the explosion targeted a bakery".
DAMAGE_VERBS = frozenset("damage destroy shatter wreck gut level flatten demolish raze rip tear hit rock "
                         "target".split())


def struck(token: Token) -> list[Token]:
    """What a noun trigger damaged, when it is the subject of a verb of damage ("the blast destroyed a school and
    a clinic") or the agent of its passive ("the building was shattered by an explosion"): the verb's object or
    passive subject, and the sites of that phrase ("the windows of a shop": the shop)."""
    if token.pos_ in ("VERB", "AUX"):
        return []
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "by" and verb.dep_ == "agent":
        verb = verb.head
    elif token.dep_ != "nsubj":
        return []
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in DAMAGE_VERBS:
        return []
    hit = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return hit + [g for h in hit for t in h.subtree if t.dep_ == "prep" and t.lower_ in ("of", "in", "at", "inside")
                  for g in t.children if g.dep_ == "pobj"]


def described_as(token: Token) -> Token | None:
    """The noun a trigger is said to be: "the bombing was an attack at a cafe" -> "attack", whose phrases then
    tell the trigger's own target and scene."""
    head = token.head
    if token.pos_ in ("VERB", "AUX") or token.dep_ != "nsubj" or head.lemma_.lower() != "be":
        return None
    return next((c for c in head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)


#: Prepositions of the site a bomb went off at: what it was placed to hit ("exploded outside a police station").
BLAST_PREPS = frozenset("at in inside outside near".split())


#: Verbs of putting a bomb somewhere: "the bomb was placed at the entrance and exploded" aims it at the entrance.
PLACING_VERBS = frozenset("place plant leave set hide put".split())


def blast_sites(token: Token) -> list[Token]:
    """The sites an explosion's trigger (or its light verb, or the verb of placing it is conjoined with) names
    with at/in/inside/outside/near: a bomb is aimed at where it is set off ("a car bomb exploded outside a police
    station", "the bombing at a cafe", "was planted at the entrance to the station and exploded"); a part of a
    site stands for the site ("the entrance to the building")."""
    heads = [token] + ([token.head] if token.pos_ not in ("VERB", "AUX") and token.dep_ in ("nsubj", "dobj") else [])
    if token.dep_ == "conj" and token.head.lemma_.lower() in PLACING_VERBS:
        heads.append(token.head)
    sites = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in BLAST_PREPS
             for g in c.children if g.dep_ == "pobj"]
    return sites + [g for s in sites for c in s.children if c.dep_ == "prep" and c.lower_ in ("to", "of")
                    for g in c.children if g.dep_ == "pobj"]


# -- what "it" and "the building" stand for

#: General nouns of a building that a text uses for a site it named before ("the building", "the premises").
BUILDING_NOUNS = frozenset("building premises structure facility".split())
#: Kinds of things that are no building: "the building" never refers back to a drone or a convoy.
NOT_BUILDINGS = frozenset("convoy drone helicopter tank warplane airliner plane ship tanker bus train pipeline "
                          "railway subway".split())
#: How far back a referring word looks: its own sentence and the two before it.
ANTECEDENT_SENTENCES = 2


def referring(token: Token) -> str | None:
    """Whether an attacked word only refers back to a site or object named before: "it" ("if you shoot it
    down": the drone of the sentence before) -> "it"; a general building noun with "the/this/that" and no name
    or owner of its own ("the entrance to the building") -> "building"; otherwise None."""
    if token.pos_ == "PRON" and token.lower_ == "it":
        return "it"
    if token.pos_ != "NOUN" or token.lower_ not in BUILDING_NOUNS:
        return None
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    mods = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    return "building" if dets and dets[0] in ("the", "this", "that") and not mods else None


def antecedents(token: Token, reading: str) -> list[Token]:
    """The nouns a referring word may stand for, nearest first: the singular common or proper nouns before it in
    its sentence and the ``ANTECEDENT_SENTENCES`` before; for "the building", only nouns that can be buildings."""
    sent = token.sent
    first = sent.start
    for _ in range(ANTECEDENT_SENTENCES):
        if first == 0:
            break
        first = token.doc[first - 1].sent.start
    found = []
    for t in reversed(token.doc[first:token.i]):
        if t.pos_ not in ("NOUN", "PROPN") or t.tag_ in ("NNS", "NNPS"):
            continue
        if reading == "building" and not _structure(t):
            continue
        found.append(t)
    return found


def _structure(token: Token) -> bool:
    """Whether a noun can be what "the building" refers to: a name (a facility is told by its place) or a site
    noun that is itself a structure ("bakery", "station"), not a vehicle, not a body ("the police force")."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN":
        return True
    return lemma not in NOT_BUILDINGS and lemma not in BUILDING_NOUNS and (lemma in SITE_TARGETS or lemma in NEEDS_OWNER)
