"""Raids: a search by the police is an arrest's means, not an attack.

"Police raided a house in Sparkhill and arrested four men", "counter-terrorism officers carried out raids in three
towns", "two people were detained in the raid": ACLED codes a police operation that detains people as Arrests
(Strategic developments) and a search with no force as no event; only a raid in which people are shot, killed or
wounded is violence (Battles, or Violence against civilians). A "raid" is such a search when the police carry it out
(its subject, its "by" phrase or its noun modifier is a word of policing) or when its sentence reports an arrest,
and its sentence names no act of force. Military raids ("commandos raided a rebel camp") and raids of armed groups
("gunmen raided a village") stay attacks.
"""
from __future__ import annotations

from spacy.tokens import Token

from geo.nlp.sentences import words_near

__all__ = ["police_search"]

#: Words of policing (a dictionary's words for police bodies and officers, ACLED's "Police Forces").
POLICING = frozenset("""
police policeman policemen policewoman officer officers detective detectives constable constables gendarme gendarmes
gendarmerie sheriff deputies investigator investigators agent agents fbi counter-terrorism counterterrorism customs
""".split())
#: Arrest words that make a raid the arrest's means.
ARRESTS = frozenset("arrest arrested arrests detain detained detention apprehend apprehended".split())
#: Words of force that make a raid violence whoever carries it out.
FORCE = frozenset("""
kill killed killing dead die died death wound wounded injure injured shoot shot shooting fire fired gunfire clash
clashed clashes firefight gunfight exchange battle fight fighting explosion blast bomb grenade stab stabbed beat beaten
""".split())
#: Words either side of the raid read for arrests and force (a bounded look: a sentence without stops stays linear).
REACH = 30


def police_search(token: Token) -> bool:
    """Whether a "raid" trigger is a police search or an arrest's means with no force in its sentence."""
    if token.lemma_.lower() != "raid":
        return False
    window = words_near(token, REACH)
    words = {t.lower_ for t in window} | {t.lemma_.lower() for t in window}
    if words & FORCE:
        return False
    return bool(words & ARRESTS) or any(w.lower_ in POLICING for w in _doers(token))


def _doers(token: Token) -> list[Token]:
    """The words of who carries the raid out: the verb's subject or "by" phrase, the noun's modifiers and its light
    verb's subject ("officers carried out raids")."""
    heads = [token]
    if token.pos_ not in ("VERB", "AUX") and token.head.pos_ in ("VERB", "AUX") and token.dep_ in ("dobj", "pobj"):
        heads.append(token.head)
    near = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "compound", "amod", "poss")]
    near += [g for h in heads for c in h.children if c.dep_ == "agent" or c.lower_ == "by"
             for g in c.children if g.dep_ == "pobj"]
    return [w for n in near for w in n.subtree]
