"""Arson by armed people is an attack: "soldiers burned houses in three villages", "gunmen set fire to a school".

Burning homes, schools and places of worship is how armed groups and armies drive people from their land, and wire
reports tell it with "burn", "torch" and "set fire to" rather than "attack". KAIROS, the ontology of the WikiEvents
gold, files it under Conflict.Attack (SetFire); ACLED codes an armed actor's violence against civilians' homes and
property as an attack on civilians. The same verbs done by demonstrators or a crowd are a riot
(:func:`geo.events.crowds.crowd_violence`, asked first); done by anyone else, or to anything that is no attacked site
("police burned seized drugs", "farmers burned stubble"), they are no event. The doers are the armed generic actors
(soldiers, police, gunmen, militants ...: :data:`geo.events.generics.GENERIC`), the sites those of the Global
Terrorism Database's target types (:func:`geo.events.targets.target_kind`: houses, villages, schools, churches ...).
Pure functions of spaCy tokens, asked by :mod:`geo.events.extraction`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from geo.events.clauses import agents
from geo.events.generics import generic_kind, phrase_heads
from geo.events.targets import target_kind
from geo.events.taxonomy import ATTACK, CIVILIANS, EventKind

if TYPE_CHECKING:  # type hints only
    from spacy.tokens import Token

__all__ = ["ARMED_KINDS", "armed_arson", "burnt"]

#: Verbs of arson (lemmas); "set" only with fire: "set fire to", "set ablaze", "set alight", "set on fire".
BURN_VERBS = frozenset("burn torch set firebomb".split())
FIRE_WORDS = frozenset("fire ablaze alight".split())
#: Generic kinds of armed people (ACLED's state forces and unidentified armed groups).
ARMED_KINDS = frozenset({"military", "police", "armed_group"})
ARSON = EventKind(CIVILIANS, ATTACK, "violence")


def armed_arson(token: Token) -> EventKind | None:
    """An attack when armed people burn an attacked site ("troops torched homes", "the school was set on fire by
    militants"), else None."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in BURN_VERBS:
        return None
    if not any(target_kind(t) for b in burnt(token) for t in phrase_heads(b)):
        return None  # "dozens of homes", "a school and a clinic": each head of the phrase may be the site
    doers = [t for d in agents(token) for t in phrase_heads(d)]  # "hundreds of soldiers"
    return ARSON if any(generic_kind(d, "initiator") in ARMED_KINDS for d in doers) else None


def burnt(token: Token) -> list[Token]:
    """What an arson verb burns: its object or passive subject ("burned houses", "homes were torched"), the "to"
    phrase of "set fire to", and the object of "set ... ablaze/alight/on fire"; none when "set" names no fire."""
    kids = list(token.children)
    things = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    if token.lemma_.lower() != "set":
        return things
    fire = any(c.lower_ in FIRE_WORDS for c in kids if c.dep_ in ("dobj", "oprd", "acomp", "advmod", "ccomp")) or any(
        g.lower_ == "fire" for c in kids if c.dep_ == "prep" and c.lower_ == "on" for g in c.children)
    if not fire:
        return []
    things = [t for t in things if t.lower_ not in FIRE_WORDS]
    return things + [g for c in kids if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                     if g.dep_ == "pobj"]
