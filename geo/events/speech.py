"""Statements and their vehicles: when a statement noun or a verb of saying is only the way another statement is
told, not an act of its own. Pure functions of spaCy tokens, used by :mod:`geo.events.extraction`.
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["VEHICLE_VERBS", "restates", "vehicle_of"]

#: Verbs of attribution whose "in" phrase or subject is the vehicle, not a second act ("said in a statement",
#: "the statement said", "according to a statement").
VEHICLE_VERBS = frozenset("say tell state report add confirm accord".split())


def vehicle_of(noun: Token) -> Token | None:
    """The attribution verb a statement noun is the vehicle of: its subject ("the statement said", "the statement
    went on to say": the verb of saying the subject's verb leads to), its "in" phrase ("said in a statement",
    also when the parser hangs the phrase on the speaker: "'...,' said the ministry in a statement"), or "according
    to a statement by the hospital"."""
    if noun.dep_ == "nsubj" and noun.head.pos_ in ("VERB", "AUX"):
        said = [c for c in noun.head.children if c.dep_ == "xcomp" and c.lemma_.lower() in VEHICLE_VERBS]
        return said[0] if said else noun.head
    if noun.dep_ != "pobj":
        return None
    prep, above = noun.head, noun.head.head
    if prep.lower_ == "to" and above.lower_ == "according":
        return above
    if prep.lower_ != "in":
        return None
    if above.pos_ == "VERB":
        return above
    if above.dep_ == "nsubj" and above.head.pos_ == "VERB":  # "said the USDA in a statement"
        return above.head
    return None


def restates(token: Token, statements: set[int]) -> bool:
    """A participle of saying that only goes on with a statement verb's act ("the ministry condemned the attack,
    saying the violence would not go unpunished"): one statement, told by its main verb."""
    return token.pos_ == "VERB" and token.tag_ == "VBG" and token.dep_ == "advcl" and token.head.i in statements
