"""A visit is a consultation (CAMEO 042/043: make or host a visit) when a party makes or receives it, or it goes to a
town, region or country; a private person's trip to a shop, a clinic or a house is no event.

Asked by :mod:`geo.events.extraction` once an event's roles are read.
"""
from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from geo.records import Event, PlaceMention

__all__ = ["private_visit"]

#: Offices whose holders make and receive official visits (heads of state and government, ministers, envoys):
#: "the minister's visit" is a consultation though the minister is not named.
OFFICES = frozenset("""
president minister premier chancellor secretary ambassador envoy delegation delegate diplomat official leader king
queen prince emir governor mayor senator commander
""".split())
#: Personal pronouns of a visitor: "his visit" is the visit of someone the article told of.
PERSONAL = frozenset("he she they his her their".split())
#: Place kinds that are no destination of a visit between parties: common-noun sites and buildings.
BUILDINGS = frozenset({"site", "local", "facility"})


def destinations(token: Token) -> list[Token]:
    """Where a visit goes: the object of "visit", the "to" phrase of the verb or of the noun."""
    out = [c for c in token.children if c.dep_ == "dobj"]
    out += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return out


def visitors(token: Token) -> list[Token]:
    """Who makes a visit: the subject of the verb (or the noun a participle describes), the possessor of the noun,
    its "by" phrase."""
    out = [c for c in token.children if c.dep_ in ("nsubj", "poss")]
    out += [g for c in token.children if c.dep_ in ("agent", "prep") and c.lower_ == "by" for g in c.children]
    if token.dep_ == "acl":
        out.append(token.head)
    return out


def private_visit(token: Token, event: Event, place_at: Mapping[int, PlaceMention]) -> bool:
    """Whether a visit names no actor (no visitor, host or visited party read as one) and goes to no named town,
    region or country: "soldiers visiting a local market", "she visited a clinic on October 5", "during the
    visit, family members heard screaming", "a woman visiting from Canada". "Her visit to Israel", "the
    minister's visit", "a visit by the foreign secretary" and "his visit" (someone told of before, often
    sentences back) stay."""
    if event.subtype != "Visit" or event.actor_roles:
        return False
    if any(t.lemma_.lower() in OFFICES for v in visitors(token) for t in v.subtree):
        return False
    if any(v.pos_ == "PRON" and v.lower_ in PERSONAL for v in visitors(token)):
        return False  # "around the same time as his visit": someone the article told of before
    for head in destinations(token):
        for t in head.subtree:
            pm = place_at.get(t.i)
            if pm is not None and pm.place is not None and pm.place.kind not in BUILDINGS:
                return False
    return True
