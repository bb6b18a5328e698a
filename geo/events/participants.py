"""Who else takes part in an event's clause, beyond the subjects and objects of :mod:`geo.events.clauses`: the "by"
agent of a passive verb or participle, the patient in a noun trigger's "of" phrase, the claimant of an attack, and
the sides of a battle.

Pure functions of spaCy tokens, like the clause readings they complement.
"""
from __future__ import annotations

from spacy.tokens import Token

from geo.events.clauses import WEAPONS
from geo.events.generics import SITE_NOUNS

#: Words that say where someone is, lives or works (FrameNet's Residence, Being_located and Being_employed frames):
#: "individuals active in Syria", "fighters based in Idlib", "troops stationed in Iraq".
WHEREABOUTS = frozenset("active base based live living reside residing resident stationed station deploy deployed "
                        "operate operating present hide hiding work working stay staying".split())

__all__ = ["describes", "in_participant_modifier", "parties", "passive_agents", "patients", "responsibility_verb"]


def passive_agents(token: Token) -> list[Token]:
    """"the attack was carried out by ETA", "the bombing is believed to have been carried out by X": the "by" agent
    of the verb a noun trigger is the passive subject of, through raising verbs' complements; and of its participle
    ("a spate of attacks carried out by extremists")."""
    by = [g for v in token.children if v.dep_ == "acl" for c in v.children if c.dep_ == "agent" for g in c.children]
    if token.pos_ in ("VERB", "AUX") or token.dep_ not in ("nsubjpass", "nsubj"):
        return [] if token.pos_ in ("VERB", "AUX") else by
    found, verb = [], token.head
    for _ in range(3):
        found += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        nxt = [c for c in verb.children if c.dep_ == "xcomp"]
        if found or not nxt:
            break
        verb = nxt[0]
    return found


def in_participant_modifier(place: Token, trigger: Token) -> bool:
    """Whether a place sits in a word of whereabouts under another noun, a participant rather than a site: "involved
    individuals active in conflict zones such as Syria", "fighters based in Idlib". It says where they are, not
    where the event was; the sentence's nearest place is the event's only as a fallback, and such a place is none."""
    node = place
    for _ in range(8):
        if node.i == trigger.i or node.head.i == node.i:
            return False
        if node.dep_ in ("amod", "acl") and node.lemma_.lower() in WHEREABOUTS and node.head.pos_ == "NOUN" \
                and node.head.i != trigger.i and node.head.lower_ not in SITE_NOUNS:
            return True
        node = node.head
    return False


def describes(prep: Token, top: Token) -> bool:
    """A "from" phrase under a participant's noun, its subject or object (not the trigger, not a weapon: "rockets
    from Gaza"), says where the participant comes from, not where the event was: "a refugee from Afghanistan was
    stabbed", "envoys from Iran met". Under a phrase's other nouns the parse often misplaces the "from" of the verb
    ("fired at Israeli sites from Gaza")."""
    noun = prep.head
    return noun.i != top.i and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.pos_ in ("NOUN", "PROPN") \
        and noun.lemma_.lower() not in WEAPONS \
        and noun.lower_ not in WEAPONS


def patients(token: Token) -> list[Token]:
    """The "of" phrase of a noun trigger, its patient: "the assassination of the prime minister", "the arrest
    of three men" (a place there is the scene, which the place roles read: "the bombing of the city")."""
    if token.pos_ in ("VERB", "AUX"):
        return []
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj"]


def responsibility_verb(token: Token) -> Token | None:
    """"X claimed/accepted/admitted responsibility for the bombings", "X claimed a bombing": the verb whose subject
    is the initiator."""
    if token.pos_ not in ("VERB", "AUX") and token.dep_ == "dobj" and token.head.lemma_.lower() == "claim":
        return token.head
    if token.pos_ in ("VERB", "AUX") or token.dep_ != "pobj" or token.head.lower_ != "for":
        return None
    noun = token.head.head
    if noun.lemma_.lower() not in ("responsibility", "credit") or noun.head.pos_ != "VERB":
        return None
    verb = noun.head
    return verb if verb.lemma_.lower() in ("claim", "accept", "admit", "take", "bear", "assume") else None


def parties(token: Token) -> list[Token]:
    """The sides of a noun trigger (or a gerund: "Fighting between the army and the RSF spread")."""
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "between" for g in c.children
            if g.dep_ == "pobj"]
