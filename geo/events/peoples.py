"""Peoples and nationalities of an event's participants, which the geoparser reads as places: "Kurds" (Kurdistan),
"Papuan students" (Papua), "Ukrainian soldiers" (Ukraine).

They say who the participants are, not where the event was: Kurds protest in Berlin, Papuan students are detained
in Surabaya. A word of a people is no place of the event, in any role; only when nothing else places the event
(the clause, the sentence and the article name no other place) is the people's place the least bad answer, and it
is given as the event's context (the role of a backdrop, ``geo.records.CONTEXT_ROLE``), not as its scene. The
geoparser's own reading is kept (the region of "Papuan", the country of "Ukrainian"): the event stage has no
gazetteer to look a country up in, and the region the word names is at least the people's own.

A people named by its plural in an event's role ("attacked Kurds", "thousands of Armenians protested") is its
civilians there (``people_kind``): unarmed unless the text says otherwise, as ACLED codes the members of a people.

A nationality of a site ("Israeli positions", "a Philippine supply boat") stays what it was: the country of a
target (``geo.events.context.ArticleContext.usable``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from geo.events.generics import GENERIC, TARGET_ONLY
from geo.names import fold
from geo.places.focus import is_demonym
from geo.records import PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["names_people", "people_kind"]

#: Nouns of people besides the generic actors' words (``geo.events.generics``): a nationality before them names who
#: they are ("the Papuan community", "Kurdish leaders").
PEOPLE_NOUNS = frozenset(GENERIC) | TARGET_ONLY | frozenset("""
people community communities minority minorities leader leaders official officials politician politicians
lawmaker lawmakers citizen citizens national nationals diaspora
""".split())


def names_people(token: Token, pm: PlaceMention) -> bool:
    """Whether the place read at ``token`` is a people's word naming participants: a plural people noun ("Kurds",
    "Armenians"), or a people's or country's adjective before a noun of people ("Papuan students", "Ukrainian
    soldiers"). A place's own name before people ("Kabul residents", "Gaza fishermen") says where they live, which
    is where their news most often happens, and stays a place."""
    if token.dep_ in ("amod", "compound", "nmod") and token.head.i != token.i:
        return token.head.lower_ in PEOPLE_NOUNS and token.head.i not in range(*_tokens(pm, token)) \
            and (is_demonym(pm) or not _own_name(pm))
    return is_demonym(pm) and token.pos_ in ("NOUN", "PROPN") and token.tag_ in ("NNS", "NNPS")


def _own_name(pm: PlaceMention) -> bool:
    """Whether the mention writes the place's name (or the start of it: "Kabul" of "Kabul Province"), not its
    people's adjective ("Papuan" of Papua)."""
    written, name = fold(pm.mention.text).split(), fold(pm.place.name).split()
    return written[:len(name)] == name or name[:len(written)] == written


def _tokens(pm: PlaceMention, token: Token) -> tuple[int, int]:
    """The token range of the mention ``token`` lies in (a head inside the same name is no noun of people)."""
    doc = token.doc
    span = doc.char_span(pm.mention.start, pm.mention.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (token.i, token.i + 1)


def people_kind(token: Token, pm: PlaceMention | None) -> str | None:
    """"civilians" for a people named by its plural, which the model tags NORP or the geoparser reads as its land
    ("Kurds"); the model's tags of peoples vary (ORG, GPE, none), the geoparser's demonyms less."""
    plural = token.tag_ in ("NNS", "NNPS") and token.text[:1].isupper() and token.pos_ in ("NOUN", "PROPN")
    return "civilians" if plural and (token.ent_type_ == "NORP" or pm is not None and is_demonym(pm)) else None
