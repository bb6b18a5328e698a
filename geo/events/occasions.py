"""Occasions of speaking: where a statement was made is no part of what it intends. Pure functions of spaCy tokens,
used by :func:`geo.events.clauses.is_hypothetical`.
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["SETTINGS", "setting"]


def setting(node: Token, below: Token) -> bool:
    """An "in/during" phrase of a verb of intention tells where the act of calling or vowing took place, which is
    no part of what it intends: "in a televised speech, the president called on the army to ...": the speech was
    given. What is called for stays hypothetical ("called for talks in Geneva": the talks are under "for")."""
    return node.pos_ == "VERB" and below.dep_ == "prep" and below.lower_ in ("in", "during") \
        and any(c.dep_ == "pobj" and c.lemma_.lower() in SETTINGS for c in below.children)


#: Occasions of speaking: a statement made in one is made there.
SETTINGS = frozenset("speech address statement interview broadcast sermon message remarks briefing".split())
