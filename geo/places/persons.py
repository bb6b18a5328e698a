"""A name written where a person's surname stands: no place, though a town bears it.

Surnames are town names ("Lincoln", "Hall", "Denton", "Marion"), and the recogniser finds a town's name wherever it
is written: again where the article names the town elsewhere ("Lincoln, Neb." makes every "Lincoln" a candidate),
inside an organisation's name ("the Abraham Lincoln Presidential Library") or in a name the model cut short. The
words just before such a name say a person is meant: a given name and an initial ("Krystal D. Hall"), a title
("Sen. Lincoln", "Mayor Hall"), or a given name the model tagged a person on its own ("Abraham" | "Lincoln").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from geo.nlp.memo import per_article
from geo.places.placewords import PERSON_TITLES

_INITIAL = re.compile(r"^[A-Z]\.$")  # "D." of "Krystal D. Hall"


def stands_as_a_person(span: Span) -> bool:
    """Whether a one-word name is a person's surname by the words before it: a capitalised given name and an
    initial ("Krystal D. Hall"), a person's title ("Sen. Lincoln", :data:`PERSON_TITLES`) with no capitalised word
    after the name ("Chief Kanawha Circuit Judge" is a county's court), or a given name the model tags as a person
    that does not hold the name ("Abraham" before "Lincoln"). An initial after a comma is a state's abbreviation
    ("Charleston, W. Va.") and stays; a name inside the model's own person is left to the recogniser's rules
    ("Rethinking Egypt", a headline, is tagged PERSON)."""
    if len(span) != 1 or not span.text[:1].isupper() or span.start == 0:
        return False
    doc = span.doc
    word, before = span[0], doc[span.start - 1]
    if before.text in PERSON_TITLES:
        return span.end == len(doc) or not doc[span.end].is_title
    if _INITIAL.match(before.text):
        given = doc[span.start - 2] if span.start >= 2 else None
        return given is not None and given.is_alpha and given.is_title and len(given) > 1
    return before.ent_type_ == "PERSON" and word.ent_type_ != "PERSON" and before.is_alpha and before.is_title


def titled_surnames(doc: Doc) -> frozenset[str]:
    """The words the article writes where a surname stands (:func:`stands_as_a_person`), gathered once per article:
    "Sen. Lincoln said ... Lincoln also spoke in Little Rock" names the senator twice."""
    return per_article(doc, "newsmap_titled_surnames", lambda d: frozenset(
        t.text for t in d if t.is_title and t.is_alpha and stands_as_a_person(d[t.i:t.i + 1])))
