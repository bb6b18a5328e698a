"""Sports clubs named after their town: a place name inside a club's name is no mention of the place.

"Real Madrid", "Inter Milan" and "Paris Saint-Germain" name clubs; the small model tags them as places or
facilities and the recogniser would read their town. Two signs tell a club: a club word before the town (the words
European football clubs put before their town's name in their registered names, as UEFA's list of member clubs
writes them), and a name that is a side in a match result ("Paris Saint-Germain beat ..."): the town opens a
longer name that is the subject or object of a verb of a match result.

A club named in other roles keeps its town ("the Dallas Cowboys' stadium" is read as Dallas): local news
counts that town as a place as often as not.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["CLUB_PREFIXES", "MATCH_VERBS", "club_name"]

CLUB_PREFIXES = {"Real", "Inter", "AC", "FC", "Atletico", "Atlético", "Athletic", "Sporting", "Dynamo",
                 "Dinamo", "Olympique", "Borussia", "Bayern", "Racing", "Deportivo", "Celta", "Hertha", "Eintracht"}
#: Verbs of a match result, by lemma: their subject and object are sides ("beat", "defeated"). "Won", "drew" and
#: "lost to" are left out: a mayor wins and draws too, and local news counts the county in a school team's name
#: ("lost to Jackson County Central").
MATCH_VERBS = {"beat", "defeat", "edge", "thrash", "rout", "trounce", "outscore", "eliminate", "outplay"}


def club_name(span: Span) -> bool:
    """Whether a recognised place is the town in a club's name: after a club word ("Real Madrid", "Bayern
    Munich" as one span), or opening a longer name that is a side in a match result."""
    doc = span.doc
    if span[0].text in CLUB_PREFIXES and len(span) > 1:
        return True
    if span.start > 0 and doc[span.start - 1].text in CLUB_PREFIXES:
        return True
    head = _name_head(doc[span.end - 1])
    return head.i >= span.end and _side_in_match(head)


def _name_head(token: Token) -> Token:
    """The last word of the proper name a word opens: "Boston" -> "Sox" in "the Boston Red Sox" (not "officials"
    in "Paris officials")."""
    while token.dep_ in ("compound", "punct") and token.head.i > token.i and token.head.text[:1].isupper():
        token = token.head
    return token


def _side_in_match(token: Token) -> bool:
    """Whether a name's last word is the subject or object of a match verb; never a person's name."""
    return token.ent_type_ != "PERSON" and token.dep_ in ("nsubj", "dobj") and token.head.lemma_ in MATCH_VERBS
