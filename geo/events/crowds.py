"""Violence at a demonstration is a protest event, not a battle or a shelling.

ACLED's codebook keeps "Battles" for clashes between organised armed groups. Demonstrators who fight the police
are a *violent demonstration* (Riots), and security forces that break up a demonstration with tear gas, water
cannon or rubber bullets make a *protest with intervention* (Protests). Read through the violence lexicon alone,
"Protesters clashed with police" was an armed clash, and "Police fired tear gas at the crowd" a missile attack,
so a map of a week of street protests looked like a war.
"""
from __future__ import annotations

from spacy.tokens import Token

from geo.events.clauses import agents, clause_tokens
from geo.events.participants import parties
from geo.events.taxonomy import PROTESTS, RIOTS, EventKind

__all__ = ["FIGHT_LEMMAS", "FIGHT_NOUNS", "RIOT_ACTS", "at_a_demonstration", "crowd_violence", "street_protest"]

#: People of a demonstration (ACLED's "Protesters" and "Rioters"); "crowd" only with a crowd-control weapon, as a
#: gunman also fires into a crowd.
DEMONSTRATORS = frozenset("protester protesters demonstrator demonstrators rioter rioters marcher marchers "
                          "mob mobs".split())
CROWDS = DEMONSTRATORS | {"crowd", "crowds", "rally", "demonstration", "protest", "march"}
#: Less-lethal weapons of crowd control (ACLED codebook, "Protest with intervention"; the UN Human Rights
#: Guidance on Less-Lethal Weapons in Law Enforcement, 2020): the second words of "rubber bullets", "pepper
#: spray", "stun grenades" (:func:`_crowd_weapon` reads the others).
LESS_LETHAL_SECOND = frozenset({"bullet", "bullets", "spray", "grenade", "grenades", "gun", "guns", "balls"})
#: Words of a fight between two sides, as verbs (lemmas) and nouns: demonstrators can be one side of it.
FIGHT_LEMMAS = frozenset({"clash", "fight", "scuffle", "battle", "brawl"})
FIGHT_NOUNS = frozenset({"clash", "clashes", "fighting", "scuffle", "scuffles", "skirmish", "skirmishes",
                         "battle", "battles", "brawl"})

#: What a crowd does in a riot (ACLED codebook, Riots: "vandalism, property destruction, looting, throwing stones"),
#: as verbs: a trigger only when demonstrators, a crowd, a mob or youths do it ("protesters set fire to the
#: parliament", "rioters looted shops", "youths threw stones at police").
RIOT_ACTS = frozenset("torch loot ransack vandalise vandalize pelt burn set throw hurl".split())
#: What "set" and "throw" need: "set fire to", "set ablaze"; "threw stones at".
SET_OBJECTS = frozenset("fire ablaze alight".split())
MISSILES = frozenset("stone stones rock rocks brick bricks bottle bottles bomb bombs cocktail cocktails "
                     "projectile projectiles firebomb firebombs object objects".split())
#: Doers of a riot's acts: demonstrators and crowds ("youths" as the wire's word for rioting young men).
RIOTERS = DEMONSTRATORS | {"crowd", "crowds", "youths"}

VIOLENT_DEMONSTRATION = EventKind(RIOTS, "Violent demonstration", "protest")
INTERVENTION = EventKind(PROTESTS, "Protest with intervention", "protest")


def at_a_demonstration(token: Token) -> EventKind | None:
    """The protest kind of a violent trigger that happens at a demonstration, or None."""
    clause = [*clause_tokens(token), token]
    if any(_crowd_weapon(t) for t in clause) and any(t.lower_ in CROWDS for t in clause):
        return INTERVENTION  # "police fired tear gas at the crowd", "dispersed protesters with water cannon"
    if _fight(token) and any(_demonstrators(t) for t in agents(token) + parties(token)):
        return VIOLENT_DEMONSTRATION  # "protesters clashed with police", "clashes between rioters and police"
    if token.pos_ in ("VERB", "AUX") and any(_demonstrators(t) for t in agents(token)):
        return VIOLENT_DEMONSTRATION  # "protesters stormed the parliament", "demonstrators attacked a police post"
    return None


def crowd_violence(token: Token) -> EventKind | None:
    """A riot's act by a crowd ("protesters set fire to the parliament", "rioters looted shops"), or None."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or lemma not in RIOT_ACTS:
        return None
    objs = {c.lower_ for c in token.children if c.dep_ in ("dobj", "oprd", "acomp", "advmod")}
    if lemma == "set" and not objs & SET_OBJECTS or lemma in ("throw", "hurl") and not objs & MISSILES:
        return None
    doers = [c for c in token.children if c.dep_ == "nsubj"] or agents(token)
    if any(d.lower_ in RIOTERS or _demonstrators(d) for d in doers):
        return VIOLENT_DEMONSTRATION
    return None


#: Verbs of a crowd coming together (Oxford Learner's Dictionary: gather, assemble, converge), a protest when
#: demonstrators do it or do it to protest: "protesters gathered outside the embassy", "hundreds assembled in the
#: square to denounce the verdict".
ASSEMBLE = frozenset("gather assemble converge".split())
#: Purposes that make an assembly a protest: "gathered to protest/denounce/demand/condemn".
PROTEST_AIMS = frozenset("protest denounce demand condemn oppose".split())
PEACEFUL = EventKind(PROTESTS, "Peaceful protest", "protest")


def street_protest(token: Token) -> EventKind | None:
    """A protest told without a protest word: the idiom "took to the streets" (a dictionary's "to protest in
    public"), or a crowd of demonstrators, or one with a purpose of protest, that gathers; "mourners gathered"
    and "gathered to celebrate" are no protest."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    lemma = token.lemma_.lower()
    if lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
            g.dep_ == "pobj" and g.lemma_.lower() == "street" for g in c.children) for c in token.children):
        return PEACEFUL
    if lemma not in ASSEMBLE:
        return None
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    aims = [c for c in token.children if c.dep_ == "advcl" and c.lemma_.lower() in PROTEST_AIMS
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
    return PEACEFUL if aims or any(_demonstrators(d) for d in doers) else None


def _crowd_weapon(token: Token) -> bool:
    """Tear gas and the like, read where their words stand: "tear gas", "water cannon", "rubber bullets"."""
    word = token.lower_
    if word in ("teargas", "tear-gas", "baton", "batons", "truncheon", "truncheons"):
        return True
    after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    before = token.nbor(-1).lower_ if token.i > 0 else ""
    if word == "tear":
        return after in ("gas", "-gas")
    if word in ("cannon", "cannons"):
        return before == "water"
    return word in ("rubber", "pepper", "stun") and after in LESS_LETHAL_SECOND


def _fight(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX"):
        return token.lemma_.lower() in FIGHT_LEMMAS
    return token.lower_ in FIGHT_NOUNS


def _demonstrators(token: Token) -> bool:
    """Demonstrators, also as a conjunct or in a quantity's "of" phrase ("hundreds of protesters")."""
    return token.lower_ in DEMONSTRATORS or any(c.dep_ == "conj" and c.lower_ in DEMONSTRATORS
                                                for c in token.children) \
        or any(g.lower_ in DEMONSTRATORS for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj")
