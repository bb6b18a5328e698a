"""A meeting one side hosts: "the president hosted his Ivorian counterpart for talks", "invited the envoys for
consultations". The host is the meeting's initiator and the guest its other side, as in "X held talks with Y".

Only a meeting noun after "for" counts: "welcomed the talks" is a third party's view of them, and "invited them to
talks" an invitation, which may be refused.
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["HOSTING", "guests", "hosted_for"]

#: Verbs of receiving a guest (FrameNet's Hospitality and Social_event_individuals frames).
HOSTING = frozenset("host invite receive welcome".split())


def hosted_for(token: Token, verb: Token | None) -> bool:
    """Whether a meeting noun is what ``verb`` hosts its guest for ("hosted X for talks")."""
    return verb is not None and verb.lemma_.lower() in HOSTING and token.dep_ == "pobj" \
        and token.head.lower_ == "for" and token.head.head.i == verb.i


def guests(token: Token, verb: Token | None) -> list[Token]:
    """The guest of a hosted meeting: the object of the hosting verb."""
    return [c for c in verb.children if c.dep_ == "dobj"] if hosted_for(token, verb) else []
