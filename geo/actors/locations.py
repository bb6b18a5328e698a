"""Names used for where something happens, not for who acts: a building something happens at, a platform something
is posted on, a list of towns the model took for one body.

"Victims are treated at Sage House", "the statement was posted on Telegram", "a rally outside Parliament Buildings"
name no actor, and each such name listed in the actor filter is a wrong entry. The same names can act: "the White
House said", "Telegram removed the channels" (the government, the company), so only the locative uses are left out:
the object of a preposition of place, or a platform's name before the post it holds ("their Instagram photos").
Pure functions of the parse, used while an article is read (``geo.actors.reading``).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span

from geo.actors.common import BODY_WORDS
from geo.actors.names import clean

__all__ = ["BUILDING_WORDS", "PLATFORMS", "names_a_location", "towns_listed", "with_its_country"]

#: The last words of a building's name ("Sage House", "Parliament Buildings", "Government Palace", "City Hall").
BUILDING_WORDS = frozenset("house houses building buildings palace hall tower towers mansion castle".split())
#: Social networks and messaging services news cites as where something was posted (Wikipedia: List of social
#: networking services; the largest by users).
PLATFORMS = frozenset("Twitter Facebook Instagram Telegram WhatsApp TikTok YouTube WeChat Weibo Snapchat LinkedIn "
                      "Reddit VKontakte Viber Signal".split())
#: Prepositions of place: "at Sage House", "outside Parliament Buildings", "on Telegram", "via WhatsApp".
BUILDING_PREPOSITIONS = frozenset("in at inside outside into near".split())
PLATFORM_PREPOSITIONS = frozenset("on via through onto across".split())


def names_a_location(span: Span) -> bool:
    """Whether a building's or a platform's name is used as a place here ("at Sage House", "on Twitter", "their
    Instagram photos"), not as the government or company that acts under that name ("the White House said")."""
    words = clean(span.text).split()
    if not words:
        return False
    building = len(words) > 1 and words[-1].lower() in BUILDING_WORDS
    platform = len(words) == 1 and words[0] in PLATFORMS
    if not (building or platform):
        return False
    root = span.root
    if root.dep_ == "pobj":
        return root.head.lower_ in (BUILDING_PREPOSITIONS if building else PLATFORM_PREPOSITIONS)
    return platform and root.dep_ in ("compound", "poss") and root.head.pos_ == "NOUN"


def towns_listed(span: Span, places_over: Callable[[int, int], Sequence[object]]) -> bool:
    """An ORG span that is two or more places the geoparser found and the words between them ("Ingham or
    Townsville", "Pandi, Bulacan"): the model joined the names of places into one body. ``places_over(start, end)``
    gives the place mentions covering those characters."""
    found = places_over(span.start_char, span.end_char)
    if len(found) < 2:
        return False
    return all(t.is_punct or t.lower_ in ("and", "or") or places_over(t.idx, t.idx + len(t.text)) for t in span)


#: Places whose name closes a national or provincial body's name ("the Law Society of Kenya", "the Children's Hospital
#: Foundation of Manitoba"); a town after "of" says where a firm is ("Boskovich Farms of Oxnard"), not its name.
NAMING_PLACE_KINDS = frozenset({"country", "admin1"})
#: The last words of names that go on with "of" and their country: a body's, and a political party's ("Socialist
#: Party of Chile", "Communist Party of China": parties so named the world over, Wikipedia's lists of political
#: parties by country).
COUNTRY_NAMED = BODY_WORDS | {"party"}


def with_its_country(span: Span, places_over: Callable[[int, int], Sequence[object]]) -> Span:
    """An ORG span the model ends before "of" and a country or province ("the Law Society" of Kenya) goes on over
    them when it ends in a body's or a party's word: the country is part of the name, and "the Law Society" alone is
    every country's. So does one the model ends on "of" itself ("the now-defunct Democratic Party of" Russia), whatever
    its last word: cut to "Democratic Party", it would be another country's party. ``places_over(start, end)``
    gives the place mentions (``PlaceMention``) covering those characters."""
    doc, end = span.doc, span.end
    if span.label_ != "ORG" or end >= len(doc):
        return span
    if len(span) > 1 and span[-1].lower_ == "of":
        after = doc[end]
    elif end + 1 < len(doc) and doc[end].lower_ == "of" and span[-1].lower_ in COUNTRY_NAMED:
        after = doc[end + 1]
    else:
        return span
    for pm in places_over(after.idx, after.idx + 1):
        if pm.mention.start == after.idx and pm.place.kind in NAMING_PLACE_KINDS:
            named = doc.char_span(span.start_char, pm.mention.end, label=span.label_)
            return named if named is not None else span
    return span
