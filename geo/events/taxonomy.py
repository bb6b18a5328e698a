"""The event taxonomy: types and sub-types aligned with ACLED, plus CAMEO's meetings and statements.

A trigger lexicon maps a word (lemma and part of speech) to an event type; the
sub-type of violent events is then refined from the weapons named in the clause
("fired rockets" is a missile attack, "airstrikes" an air strike). Documented in
``docs/events.md``; the ``family`` groups types the way the evaluation does
(violence, meeting, statement, arrest, protest, strategic).

>>> DEFAULT_TAXONOMY.trigger("airstrike", "NOUN").subtype
'Air/drone strike'
"""
from __future__ import annotations

from dataclasses import dataclass, field

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
MEETING = "Meeting/Consultation"
STATEMENT = "Statement/Threat"
#: Every event type, in the order of ACLED's list and then CAMEO's (a link's ``type`` is one of these).
EVENT_TYPES = (BATTLES, REMOTE, CIVILIANS, PROTESTS, RIOTS, STRATEGIC, MEETING, STATEMENT)

CLASH = "Armed clash"
AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
EXPLOSIVE = "Remote explosive/landmine/IED"
SUICIDE = "Suicide bomb"
GRENADE = "Grenade"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"


@dataclass(frozen=True)
class EventKind:
    """A type and sub-type, and the family the dashboard and the evaluation group them in."""

    type: str
    subtype: str | None
    family: str


@dataclass(frozen=True)
class Taxonomy:
    """Trigger lexicon (lemma, coarse part of speech) -> kind, and weapon words -> violent sub-type."""

    triggers: dict[tuple[str, str], EventKind]
    weapons: dict[str, tuple[str, str]] = field(default_factory=dict)
    civilians: frozenset[str] = frozenset()
    #: Attribution verbs ("said", "confirmed"): a statement only when a named actor says something
    #: about an event (``geo.events.extraction``); otherwise the source of a claim.
    speech: frozenset[str] = frozenset()
    statement: EventKind | None = None

    def trigger(self, lemma: str, pos: str) -> EventKind | None:
        return self.triggers.get((lemma.lower(), "VERB" if pos in ("VERB", "AUX") else "NOUN"))

    def weapon(self, words: set[str]) -> tuple[str, str] | None:
        """The most specific (type, sub-type) any weapon word names; suicide beats explosive beats the rest."""
        ranked = [self.weapons[w] for w in words if w in self.weapons]
        order = (SUICIDE, GRENADE, AIR, SHELLING, EXPLOSIVE)
        return min(ranked, key=lambda k: order.index(k[1])) if ranked else None


def _kinds(kind: EventKind, verbs: str = "", nouns: str = "") -> dict[tuple[str, str], EventKind]:
    table = {(w, "VERB"): kind for w in verbs.split()}
    table.update({(w, "NOUN"): kind for w in nouns.split()})
    return table


def default_taxonomy() -> Taxonomy:
    """The lexicon newsmap ships with (see docs/events.md for the mapping to ACLED and CAMEO)."""
    triggers: dict[tuple[str, str], EventKind] = {}
    triggers |= _kinds(EventKind(BATTLES, CLASH, "violence"),
                       "attack clash fight ambush raid storm assault shoot assassinate kill bombard open return",
                       "attack clash fighting battle skirmish ambush raid assault offensive shooting gunfire firefight "
                       "assassination massacre hostility hostilities confrontation incursion")
    triggers |= _kinds(EventKind(REMOTE, SHELLING, "violence"), "fire launch shell", "barrage shelling bombardment")
    triggers |= _kinds(EventKind(REMOTE, AIR, "violence"), "strike hit", "strike airstrike counter-strike")
    triggers |= _kinds(EventKind(CIVILIANS, ATTACK, "violence"), "murder stab", "murder murders stabbing")
    triggers |= _kinds(EventKind(CIVILIANS, ABDUCTION, "violence"), "kidnap abduct", "kidnapping abduction")
    triggers |= _kinds(EventKind(REMOTE, EXPLOSIVE, "violence"), "bomb explode detonate blow go crash ram",
                       "bombing explosion blast detonation")
    triggers |= _kinds(EventKind(MEETING, "Meeting", "meeting"), "meet confer", "meeting talks discussion summit "
                       "negotiation negotiations consultation consultations")
    triggers |= _kinds(EventKind(MEETING, "Visit", "meeting"), "visit", "visit")
    triggers |= _kinds(EventKind(STATEMENT, "Statement", "statement"),
                       "announce declare pledge vow condemn claim address",
                       "statement announcement speech declaration remarks appeal")
    triggers |= _kinds(EventKind(STATEMENT, "Threat", "statement"), "warn threaten coerce pressure oblige",
                       "warning ultimatum")
    triggers |= _kinds(EventKind(STRATEGIC, "Arrests", "arrest"), "arrest detain apprehend capture seize",
                       "arrest arrests detention")
    triggers |= _kinds(EventKind(PROTESTS, "Peaceful protest", "protest"), "protest demonstrate rally march",
                       "protest protests demonstration rally march sit-in")
    triggers |= _kinds(EventKind(RIOTS, "Violent demonstration", "protest"), "riot", "riot riots")
    triggers |= _kinds(EventKind(STRATEGIC, "Agreement", "strategic"), "agree sign",
                       "agreement truce ceasefire accord deal")
    triggers |= _kinds(EventKind(STRATEGIC, "Deployment", "strategic"), "deploy reinforce boost station",
                       "deployment reinforcement reinforcements")
    weapons = {w: (REMOTE, AIR) for w in "air airstrike airstrikes drone drones warplane warplanes jet jets aerial "
                                           "aircraft helicopter".split()}
    weapons |= {w: (REMOTE, SHELLING) for w in "rocket rockets missile missiles shell shells mortar mortars artillery "
                                                "barrage projectile projectiles shelling".split()}
    weapons |= {w: (REMOTE, EXPLOSIVE) for w in "bomb bombs ied ieds explosive explosives landmine mine mines "
                                                 "roadside car-bomb device detonated exploded blast explosion".split()}
    weapons |= {w: (REMOTE, SUICIDE) for w in "suicide bomber bombers".split()}
    weapons |= {w: (REMOTE, GRENADE) for w in "grenade grenades".split()}
    civilians = frozenset("civilian civilians people worshippers children women villagers pedestrians shoppers "
                          "students protesters residents passengers families crowd crowds school hospital market "
                          "mosque church".split())
    speech = frozenset("say tell state confirm report add deny insist acknowledge reply stress claim accuse".split())
    return Taxonomy(triggers, weapons, civilians, speech, EventKind(STATEMENT, "Statement", "statement"))


DEFAULT_TAXONOMY = default_taxonomy()
