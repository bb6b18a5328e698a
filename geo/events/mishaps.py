"""Mishaps: explosions of fuel, vessels and works that are no one's attack.

News reports a gas explosion in a block of flats, a tanker lorry that blew up after overturning, oxygen tanks that
exploded in a hospital fire or a blast at a chemical plant in the words of a bombing ("explosion", "blast",
"exploded", "killed eight workers"). ACLED's Explosions/Remote violence and GTD code only explosions someone set
off: an industrial or household accident is no event of either. The source of the explosion tells it: a fuel, a
pressure vessel, a machine of a plant, or an industrial site, named in the explosion's own phrase (its modifiers,
"of/at/in" phrases, a verb's subject). A sentence that names a weapon or an attacker ("a bomb hidden in a gas
cylinder", "militants blew up a pipeline") keeps its attack. A bare "the blast" refers back to the nearest earlier
explosion of the article, and is a mishap when that one is.

The words are those of the EU's and the US Chemical Safety Board's classes of industrial accidents (fires and
explosions of fuels, gases, pressure vessels and dusts at plants, mines, refineries and depots) and a dictionary's
names of fuels and vessels.
"""
from __future__ import annotations

from spacy.tokens import Token

from geo.nlp.sentences import words_near

__all__ = ["EXPLOSIONS", "mishap"]

#: Trigger lemmas of an explosion.
EXPLOSIONS = frozenset("explode explosion blast blow detonation".split())
#: Fuels, gases, vessels and machines whose explosion is an accident when no weapon is named.
SOURCES = frozenset("""
gas gases lpg cylinder cylinders tank tanks tanker tankers boiler boilers pipeline pipelines transformer transformers
reactor reactors furnace furnaces firework fireworks oxygen propane butane methane hydrogen fuel petrol gasoline
diesel kerosene dust battery batteries kiln kilns chemical chemicals fertiliser fertilizer leak leaks cooker stove
heater generator generators compressor
""".split())
#: Industrial sites an accidental explosion happens at ("an explosion at a chemical plant").
WORKS = frozenset("""
plant plants factory factories refinery refineries mine mines colliery warehouse warehouses depot depots mill mills
workshop workshops foundry smelter quarry quarries
""".split())
#: Words that make an explosion someone's act, whatever exploded.
WEAPONS = frozenset("""
bomb bombs bomber bombers bombing explosive explosives device devices ied ieds suicide grenade grenades rocket rockets
missile missiles shell shells shelling mortar mortars drone drones airstrike airstrikes attack attacks attacker
attackers militant militants gunman gunmen insurgent insurgents terrorist terrorists rebel rebels fighter fighters
sabotage saboteur saboteurs
landmine landmines detonator
""".split())
#: How many words either side of an explosion a weapon or attacker is looked for.
REACH = 40
#: How far back a bare "the blast" looks for the explosion it refers to (sentences).
BACK = 3


def mishap(token: Token) -> bool:
    """Whether a violent trigger is an accidental explosion, or the doing of one ("the blast killed eight")."""
    if token.lemma_.lower() in EXPLOSIONS:
        return (_accident(token) or _refers_to_mishap(token)) and not _armed(token)
    if token.pos_ in ("VERB", "AUX"):
        doers = [c for c in token.children if c.dep_ in ("nsubj", "agent")]
        doers += [g for d in doers if d.dep_ == "agent" for g in d.children if g.dep_ == "pobj"]
        return any(d.lemma_.lower() in EXPLOSIONS and (_accident(d) or _refers_to_mishap(d)) for d in doers) \
            and not _armed(token)
    return False


def _armed(token: Token) -> bool:
    """A weapon or an attacker named in the token's sentence, within ``REACH`` words of it (a bounded look, so a
    sentence without full stops stays linear)."""
    return any(t.lemma_.lower() in WEAPONS or t.lower_ in WEAPONS for t in words_near(token, REACH))


def _accident(token: Token) -> bool:
    """The explosion's own phrase names a fuel, a vessel or an industrial site ("a gas explosion", "oxygen tanks
    exploded", "an explosion at a chemical plant")."""
    return any(w.lemma_.lower() in SOURCES or w.lower_ in SOURCES or w.lemma_.lower() in WORKS
               for w in _source_words(token))


def _source_words(token: Token) -> list[Token]:
    near = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod", "nsubj")]
    near += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "at", "in", "inside")
             for g in c.children if g.dep_ == "pobj"]
    return [w for n in near for w in n.subtree]


def _refers_to_mishap(token: Token) -> bool:
    """"The cause of the blast was under investigation": a bare definite explosion noun is the article's nearest
    earlier explosion, so it is an accident when that one was."""
    if token.pos_ != "NOUN" or not any(c.lower_ == "the" and c.dep_ == "det" for c in token.children):
        return False
    if any(c.dep_ in ("compound", "amod") for c in token.children):
        return False
    doc, start = token.doc, token.sent.start
    limit = _back_limit(token)
    earlier = [t for t in doc[max(start - 200, 0):start] if t.lemma_.lower() in EXPLOSIONS and t.sent.start >= limit]
    return bool(earlier) and not _armed(earlier[-1]) and _accident(earlier[-1])


def _back_limit(token: Token) -> int:
    """The first token of the sentence ``BACK`` sentences before the token's."""
    sent = token.sent
    for _ in range(BACK):
        if sent.start == 0:
            break
        sent = token.doc[sent.start - 1].sent
    return sent.start
