"""Who suffered an act told from the side it was done to: "came under fire", "retaliated for the shelling".

"A police patrol came under gunfire near Kidal": the patrol is the gunfire's target, and where it was is where the
fire landed, not where it came from (a subject's place is otherwise the origin of a directed attack: "militants in
southern Lebanon fired"). "Came under attack from bandits": the "from" phrase names the attackers.

"Kurdish fighters retaliated for the shelling": the noun in a "for" (or "to") phrase of a light verb is what its
subject answers or acts for ("responded to the bombing", "made two arrests for the stabbing"), not its subject's
act, and the rest of the answer's clause tells of the answer, not of the act answered.

Pure functions of spaCy tokens, like the clause readings they complement (``geo.events.participants``).
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["ANSWERED", "answered_elsewhere", "assailants", "sufferers", "undergone"]

#: Prepositions whose noun a light verb answers or acts for rather than performs: "responded to the bombing",
#: "retaliated for the shelling", "made two arrests for the stabbing".
ANSWERED = frozenset({"to", "for"})
#: Verbs of being subjected to an act with "under" (a dictionary's "come under", "be/remain under"): "came under
#: fire", "was under attack", "remained under siege".
UNDERGOING = frozenset("come be remain fall".split())
#: Verbs of an answer, whose "to" or "for" phrase names what they answer ("geo.events.placing.ANSWERS").
ANSWERING = frozenset("respond retaliate".split())
#: Entity types of a "from" phrase that says where the fire came from, not who fired it.
WHERE = frozenset({"GPE", "LOC", "FAC"})


def _verb_of(token: Token, prep: str, lemmas: frozenset[str]) -> Token | None:
    """The verb of ``lemmas`` whose ``prep`` phrase the noun trigger is ("came under fire": came), or None."""
    if token.pos_ in ("VERB", "AUX") or token.dep_ != "pobj" or token.head.lower_ != prep:
        return None
    verb = token.head.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in lemmas else None


def undergone(token: Token) -> Token | None:
    """The verb by which its subject came under a noun trigger ("a patrol came under gunfire": came), or None."""
    return _verb_of(token, "under", UNDERGOING)


def sufferers(token: Token) -> list[Token]:
    """The subjects that came under a noun trigger ("a police patrol came under gunfire")."""
    verb = undergone(token)
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []


def answered_elsewhere(place: Token, trigger: Token) -> bool:
    """Whether a place lies in the clause of a verb that answers a noun trigger, outside the trigger's own phrase:
    "Israeli troops retaliated for the rocket attack by striking a post in Gaza City" struck Gaza City; the rocket
    attack was elsewhere (its own phrase would say where: "retaliated for the attack on Sderot")."""
    verb = _verb_of(trigger, trigger.head.lower_, ANSWERING) if trigger.head.lower_ in ANSWERED else None
    return verb is not None and place.i not in {t.i for t in trigger.subtree} \
        and place.i in {t.i for t in verb.subtree}


def assailants(token: Token) -> list[Token]:
    """Who did an act its target came under, named in its "from" phrase ("came under attack from bandits"); a
    place there is where the fire came from ("came under rocket fire from Lebanon"), not a doer."""
    if undergone(token) is None:
        return []
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
            if g.dep_ == "pobj" and g.ent_type_ not in WHERE]
