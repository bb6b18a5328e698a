"""The two sides of a fight told as one coordinated subject, and the aim a participle gives an attack.

"Army troops and Al-Shabaab fighters clashed", "herders and farmers clashed": the parse makes both sides subjects
of "clashed", and both became initiators. ACLED codes a battle with two actors, the first named as actor 1 and the
other as actor 2; the house reads them as initiator and target, as it reads "X clashed with Y".

"A bomb targeting a police van", "fired a missile at Marib, targeting a camp": the object of "targeting" (or
"aimed at") is what the attack was aimed at, whether the participle hangs on the trigger, its weapon or its doer
("a suicide bomber targeting a mosque killed ...").

Pure functions of spaCy tokens, like the clause readings they complement (``geo.events.participants``).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from geo.events.crowds import FIGHT_LEMMAS

__all__ = ["aimed_through", "later_sides"]

#: Verbs whose participle names what an act was aimed at ("targeting a convoy").
AIMING = frozenset({"target"})


def aimed_through(token: Token) -> list[Token]:
    """The objects of a "targeting" participle on the trigger, on its object or on its subject."""
    hosts = [token] + [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    return [g for h in hosts for v in h.children if v.dep_ in ("acl", "advcl") and v.tag_ == "VBG"
            and v.lemma_.lower() in AIMING for g in v.children if g.dep_ == "dobj"]


def later_sides(token: Token, subjects: list[Token], actors: Callable[[Token], list[str]]) -> list[str]:
    """The actors of the second and later sides of a fight verb's coordinated subject ("X and Y clashed": Y's),
    which are its targets; none when the verb names its other side itself ("X and Y clashed with police")."""
    if token.lemma_.lower() not in FIGHT_LEMMAS or len(subjects) != 1 or any(
            c.dep_ == "prep" and c.lower_ in ("with", "against") for c in token.children):
        return []
    return [a for c in subjects[0].children if c.dep_ == "conj" for a in actors(c)]
