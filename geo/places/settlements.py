"""Names written after a word for a settlement: "the city of Zaporizhzhia", "the town of Bethel", "the village of
Novoselivka". The word says what kind of place the name is: a town, not the province or the country named like it
(Zaporizhzhia's oblast, São Paulo's state), and the writer vouches that it is a place at all, however small: villages
are what the small model most often tags as organisations or persons.

The resolver reads :func:`town_words` as it reads "state" or "province" after a name (a bonus
for the readings of that kind, ``resolution.STATE_WORD_BONUS``); the recogniser asks
:func:`after_a_settlement_word` of a capitalised name it would otherwise drop.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span

from geo.places.placewords import LOCAL_KINDS
from geo.records import Mention

#: English words for a settlement that news writes before "of" and a town's name (Oxford English Dictionary's
#: senses of "city", "town", "village", "hamlet", and "suburb": "the Paris suburb of Nanterre"); "township" and
#: "municipality" are units (``placewords``).
SETTLEMENT_WORDS = frozenset({"city", "town", "village", "hamlet", "suburb"})
SETTLEMENT_KINDS = ("city",)
_OF = frozenset({"of ", "Of ", "OF "})
_WINDOW = 16  # characters before a name that "hamlet of " with spaces fits in
_BEFORE = re.compile(r"\b(?:%s)\s+of\s+$" % "|".join(sorted(SETTLEMENT_WORDS)), re.I)


def town_words(text: str, mentions: Sequence[Mention], keys) -> dict:
    """Per name key written right after a settlement word and "of" ("city of", "village of", "suburb of") at least
    once: the kinds of reading the word speaks for (a town)."""
    return {key: SETTLEMENT_KINDS for mention, key in zip(mentions, keys)  # the slice spares most names the search
            if text[mention.start - 3:mention.start] in _OF and mention.label == "place"
            and _BEFORE.search(text, max(0, mention.start - _WINDOW), mention.start)}


def after_a_settlement_word(span: Span) -> bool:
    """Whether a span follows "<settlement word> of" ("the village of Novoselivka")."""
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in SETTLEMENT_WORDS


#: A town's name with the word for its form of local government, which GeoNames leaves out: "Readington Township",
#: "West Chester Twp.", "the Town of Groton", "Kent Borough" (the US Census Bureau's minor civil divisions, named
#: after the town they hold). Written normalised (:func:`geo.names.normalise`: lower case, no dots).
_GOVERNMENT = re.compile(r"^(?:(?:town|city|village|township|borough) of (?P<after>.+)|"
                         r"(?P<before>.+?) (?:township|twp|borough|village|town))$")
_SHORTEST = 4  # letters of a town's name left: shorter ones are words ("new", "old" of "New Town", "Old Town")


def town_of_name(key: str) -> str | None:
    """The town's own name in a normalised name written with its word for local government ("readington
    township" -> "readington"), or None: the resolver reads a name so only when the gazetteer does not know it
    whole, among the town's local readings."""
    match = _GOVERNMENT.match(key)
    town = None if match is None else match.group("after") or match.group("before")
    return town if town is not None and len(town) >= _SHORTEST else None  # not "new" of "New Town"


def town_readings(key: str, found: tuple, candidates) -> tuple:
    """A name's readings (``found``), or, when it has none but near spellings and is a town's name with its word
    for local government (:func:`town_of_name`), the town's local readings, marked as near spellings: a last resort,
    kept only with the article's support (``resolution.Resolver._rank``). ``candidates``: the gazetteer's lookup."""
    if not all(c.fuzzy for c in found) or (town := town_of_name(key)) is None:
        return found
    return tuple(replace(c, fuzzy=True) for c in candidates(town, fuzzy=False) if c.place.kind in LOCAL_KINDS) or found
