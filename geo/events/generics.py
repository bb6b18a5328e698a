"""Generic actors and sites: the common nouns of an event clause, coded as ACLED codes them.

News names most attackers and victims by common nouns ("a suicide bomber", "militants",
"six people were killed") and most scenes by common nouns too ("at the station", "in a
house in the city"). Only inside the clause of an event trigger (``geo.events.extraction``) do they
become records:

- **generic actors** of ACLED's kinds, one per article country: "Civilians (Spain)" (kind
  ``civilians``), "Police Forces (Spain)" (``police``), "Military Forces (Spain)"
  (``military``), "Unidentified Armed Group (Spain)" (``armed_group``). The surface words
  ("a suicide bomber") are the actor's mention;
- **sites** (place kind ``site``): a locative common-noun phrase governed by the trigger's
  clause ("at the station", "outside a hospital") sits at the point of the enclosing place
  (the clause's or sentence's place, else the article's main place), id
  ``local:<parent id>:<noun>``, named "the station, Kabul", score a third of the parent's.

>>> GENERIC["gunmen"], GENERIC["troops"], GENERIC["police"]
('armed_group', 'military', 'police')
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from geo.events.targets import TARGET_NAMES, target_kind
from geo.names import slug
from geo.places.placewords import doc_text
from geo.records import Actor, ActorMention, Mention, Place, PlaceMention

if TYPE_CHECKING:  # type hints only: the writer of an ingest joins occurrences without importing spaCy
    from spacy.tokens import Token

__all__ = ["GENERIC", "KINDS", "SITE", "SITE_NOUNS", "UNITS", "generic_kind", "generic_actor", "phrase_heads",
           "site_kind", "site_mention"]

SITE = "site"

#: Kind -> ACLED-style name of the generic actor.
KINDS = {"civilians": "Civilians", "police": "Police Forces", "military": "Military Forces",
         "armed_group": "Unidentified Armed Group"}
_WORDS = {
    "civilians": "civilian civilians resident residents people persons worshipper worshippers child children "
                 "passer-by passers-by pedestrian pedestrians shopper shoppers villager villagers pilgrim pilgrims "
                 "commuter commuters tourist tourists patient patients student students family families "
                 "protester protesters demonstrator demonstrators rioter rioters marcher marchers mourner mourners "
                 "farmer farmers supporter supporters "
                 "worker workers activist activists journalist journalists reporter reporters teacher teachers "
                 "doctor doctors nurse nurses driver drivers passenger passengers fisherman fishermen miner miners "
                 "herder herders labourer labourers laborer laborers youth youths crowd crowds "
                 "trader traders shopkeeper shopkeepers vendor vendors merchant merchants businessman businessmen "
                 "businesswoman businesswomen customer customers diner diners employee employees",
    "police": "police policeman policemen policewoman officer officers gendarme gendarmes detective detectives "
              "constable constables trooper troopers",
    "military": "soldier soldiers troop troops army serviceman servicemen guardsman guardsmen paratrooper "
                "paratroopers marine marines forces cadet cadets commando commandos sailor sailors airman airmen "
                "conscript conscripts",
    "armed_group": "gunman gunmen militant militants attacker attackers assailant assailants bomber bombers "
                   "insurgent insurgents terrorist terrorists jihadist jihadists extremist extremists rebel rebels "
                   "fighter fighters sniper snipers separatist separatists militiaman militiamen bandit bandits "
                   "kidnapper kidnappers abductor abductors pirate pirates guerrilla guerrillas guerilla guerillas "
                   "jihadi jihadis hijacker hijackers",
}
#: The words are a dictionary's (Merriam-Webster, Oxford Learner's) nouns for the people of ACLED's actor categories
#: (ACLED codebook: Civilians, Police Forces, Military Forces, Unidentified Armed Group); session 13 added the
#: armed-group nouns wire reports use for unnamed attackers (snipers, bandits, kidnappers, pirates, guerrillas ...);
#: session 14 the civilians a volley is fired at or into ("youths", "the crowd"; "armed youths" stay armed); session 15
#: people named by their trade or as a shop's people (traders, shopkeepers, vendors, merchants, businessmen,
#: customers, diners, employees), the unarmed people ACLED's codebook counts as civilians.
#: Lower-case noun -> generic kind.
GENERIC = {w: kind for kind, words in _WORDS.items() for w in words.split()}
#: Victim words that only name civilians as targets ("a man was killed"), never as attackers.
TARGET_ONLY = frozenset("man men woman women boy boys girl girls teenager teenagers teen teens refugee refugees "
                        "migrant migrants hostage hostages guest guests survivor survivors suspect suspects "
                        "detainee detainees prisoner prisoners victim victims "
                        # kin and household (a dictionary's kinship terms): "shot his neighbour", "stabbed his wife"
                        "wife wives husband husbands son sons daughter daughters mother mothers father fathers "
                        "brother brothers sister sisters girlfriend girlfriends boyfriend boyfriends stepfather "
                        "stepmother stepson stepdaughter grandmother grandfather grandson granddaughter cousin "
                        "cousins nephew niece uncle aunt fiancee fiancée fiance fiancé partner neighbour neighbours "
                        "neighbor neighbors roommate roommates".split())
#: People of office, faith and trade whom ACLED's codebook counts as civilians when they are the unarmed victims of
#: violence or arrest, their affiliation an associate actor (session 17; not "leader" nor "guard", who may be armed:
#: "a cartel leader", "border guards"); "a military official", "police engineers" are the force's.
OFFICE = frozenset("official officials politician politicians lawmaker lawmakers legislator legislators mayor mayors "
                   "councillor councillors councilor councilors governor governors minister ministers priest priests "
                   "pastor pastors imam imams cleric clerics monk monks nun nuns bishop bishops engineer engineers "
                   "citizen citizens national nationals".split())
TARGET_ONLY |= OFFICE
#: Modifiers that make one of :data:`OFFICE` a state force's: "a military official", "police officials".
FORCES = {"military": "military", "army": "military", "navy": "military", "naval": "military", "police": "police"}
#: Modifiers that make "men" attackers: "armed men abducted an aid worker", "masked men opened fire".
ARMED = frozenset("armed masked hooded unidentified unknown".split())
#: Nouns of people whom those modifiers make an unidentified armed group (ACLED's category for unnamed attackers).
ARMABLE = frozenset("man men youth youths robber robbers individual individuals person persons assailant".split())

#: Nouns of places an event happens at: buildings, parts of towns, posts.
SITE_NOUNS = frozenset("""
station terminal terminus termini airport airfield base barracks camp prison jail hospital clinic mosque church
cathedral synagogue temple shrine school university college market bazaar mall restaurant cafe café bar pub hotel
embassy consulate building tower stadium theatre theater cinema hall bridge port harbour checkpoint compound
headquarters museum courthouse plant factory refinery nightclub house home apartment flat shop bakery office
post posts place places area areas district neighbourhood neighborhood street road square village town
""".split())
SITE_SCORE = 1 / 3


def generic_kind(token: Token, role: str) -> str | None:
    """The generic kind a role's head noun names: "gunmen" -> armed group; "a man" only as a target.
    Proper nouns and capitalised words ("Army" of a name) are left to the actor extractor."""
    first = token.is_sent_start and token.is_title and not token.ent_type_  # "Gunmen attacked ..."
    if not (token.pos_ == "NOUN" and token.is_lower) and not (first and token.pos_ in ("NOUN", "PROPN")):
        return None
    word = token.lower_
    if word in ARMABLE and any(c.dep_ in ("amod", "acl") and c.lower_ in ARMED for c in token.children):
        return "armed_group"  # "armed men", "masked youths", "armed robbers", "a man armed with a knife"
    force = next((FORCES[c.lower_] for c in token.children if c.dep_ in ("amod", "compound")
                  and c.lower_ in FORCES), None) if word in OFFICE else None
    if word in TARGET_ONLY:
        return (force or "civilians") if role == "target" else None  # "a military official": the army's
    if word == "forces" and any(c.lower_ == "police" for c in token.children):
        return "police"  # "police forces"
    return GENERIC.get(word)


def site_kind(token: Token) -> str | None:
    """The target kind of an attacked site (``geo.events.targets.target_kind``); a noun of people is no site:
    "government troops" are soldiers, whose owner word says whose they are, not a government building hit."""
    if token.lower_ in GENERIC or token.lower_ in TARGET_ONLY:
        return None
    return target_kind(token)


@lru_cache(maxsize=512)
def country_name(code: str) -> str | None:
    """A country's short name from its ISO code (countryinfo, offline): "GB" -> "United Kingdom"."""
    country = _countries().by_code(code)
    return country.name if country else None


@lru_cache(maxsize=1)
def _countries():
    from geo.actors.catalog import load_countries

    return load_countries()


def generic_actor(kind: str, country: str | None) -> Actor:
    """The generic actor of ``kind`` in ``country``: a kind of people (``KINDS``) or of attacked site
    (``geo.events.targets.TARGET_NAMES``): "Businesses (Iraq)"."""
    label = KINDS.get(kind) or TARGET_NAMES[kind]
    name = f"{label} ({country})" if country else label
    return Actor(id=slug(name), name=name, kind=kind)


def surface(token: Token) -> tuple[int, int]:
    """Character span of a generic noun with its left modifiers: "a suicide bomber" -> "suicide bomber"."""
    start = token
    for c in token.lefts:
        if c.dep_ in ("compound", "amod", "nummod") and c.i < start.i and all(
                t.dep_ in ("compound", "amod", "nummod", "advmod", "quantmod") or t.i == c.i for t in c.subtree):
            start = c
            break
    first = min(start.subtree, key=lambda t: t.i) if start is not token else token
    return first.idx, token.idx + len(token.text)


def generic_mention(token: Token, actor: Actor) -> ActorMention:
    start, end = surface(token)
    return ActorMention(actor.id, Mention(start, end, doc_text(token.doc)[start:end], actor.kind))


def site_mention(noun: Token, parent: PlaceMention) -> PlaceMention:
    """A site at its parent's point: "the busy station" in Kabul -> "the station, Kabul"; one a nationality
    owns keeps its owner, as a city holds many embassies: "the Iranian embassy" in Beirut -> "the Iranian
    embassy, Beirut"."""
    p = parent.place
    lemma = noun.lemma_.lower() if noun.lemma_ else noun.lower_
    owner = next((c.text for c in noun.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"
                  and _countries().find(c.text)), None)  # a country's word, not a town's ("the Augusta hospital")
    lemma = f"{owner} {lemma}" if owner else lemma
    start, end = surface(noun)
    first = noun.doc.char_span(start, end, alignment_mode="expand")
    if first is not None and first.start > 0 and noun.doc[first.start - 1].dep_ in ("det", "poss") \
            and noun.doc[first.start - 1].head.i == noun.i:
        start = noun.doc[first.start - 1].idx
    place = Place(id=f"local:{p.id}:{slug(lemma)}", name=f"the {lemma}, {p.name}", kind=SITE, lat=p.lat, lon=p.lon,
                  country_code=p.country_code)
    return PlaceMention(Mention(start, end, doc_text(noun.doc)[start:end], SITE), place,
                        round(min(parent.score, 1.0) * SITE_SCORE, 4))


#: Units of an armed group or force: "the IRA's Belfast brigade", "the army's 3rd division".
UNITS = frozenset("brigade brigades battalion battalions unit units wing cell cells regiment division "
                  "faction squad platoon".split())


def phrase_heads(token: Token) -> list[Token]:
    """A role phrase's heads: the token, its conjuncts, and the objects of their "of" phrases ("dozens of
    civilians", "a row of shops"): each may name an actor or a target of its own."""
    # "people ranging from extremist attackers to unstable individuals": the range's ends, not "people"
    ends = [g for v in token.children if v.lemma_ == "range" for p in v.children if p.dep_ == "prep"
            for g in p.children]
    heads = (ends or [token]) + [c for c in token.children if c.dep_ == "conj"]
    return heads + [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"]
