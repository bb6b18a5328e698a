"""A seat of government written for the government it houses: no place on the map.

News writes a government by its building: "the Pentagon said", "Downing Street confirmed", "senior Kremlin
officials". The building is a place where the sentence puts something in or near it ("a ceremony at the White
House", "protesters outside the Kremlin"), and the institution where it speaks or where it qualifies a person
("Pentagon officials", "a Whitehall spokesman"). The curated seats of government (``geo/data/landmarks.json``, GeoNames'
feature code ``ADMF``, an administrative facility) are read as the institution in those two roles, when the name has
no other reading: a town of that name (Whitehall, Ohio) keeps its officials and its voice in local news.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from geo.places.gazetteer import Candidate

__all__ = ["SEAT_FEATURE", "REPORTING_VERBS", "speaks_for_its_government"]

SEAT_FEATURE = "ADMF"
#: Verbs, by lemma, whose subject speaks: a building written as their subject is the institution in it
REPORTING_VERBS = frozenset("say tell announce claim confirm deny state report add admit warn insist reject "
                            "respond dismiss acknowledge decline refuse urge".split())


def speaks_for_its_government(span: Span, candidates: Callable[[str], Sequence[Candidate]]) -> bool:
    """Whether a recognised name is a seat of government (every reading is one) written as its institution: the
    subject of a reporting verb ("Downing Street said") or a noun's modifier ("Pentagon officials")."""
    found = candidates(span.text)
    if not found or any(c.feature != SEAT_FEATURE for c in found):
        return False
    root = span.root
    return _speaks(root) or _qualifies_a_noun(root, span)


def _speaks(root: Token) -> bool:
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in REPORTING_VERBS


def _qualifies_a_noun(root: Token, span: Span) -> bool:
    """"Pentagon officials", "a Kremlin spokesman": the name before the lower-case noun it modifies."""
    head = root.head
    return root.dep_ in ("compound", "nmod", "amod") and head.i >= span.end and head.is_lower and head.pos_ == "NOUN"
