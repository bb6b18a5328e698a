"""Gatherings that are no protest and no consultation: a rally of support or of prices, a demonstration that shows
how something is done, and a body that meets in its own session.

"Rally", "demonstration" and "meet" are protest and meeting words in political news, and everyday words in local,
business and leisure news: fans rally behind a team, shares rally, bikers rally for a festival, a chef gives a
cooking demonstration, the town council meets to discuss parking charges. The company of the word tells them apart,
after the collocations a learner's dictionary gives for each sense (the Oxford Collocations Dictionary: "rally
behind/around sb" is support, prices and markets rally; one "gives/does/performs" a demonstration that shows, and
"holds/stages/joins" one that protests). Pure functions of spaCy tokens, asked by
:func:`geo.events.clauses.licensed`.
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["in_session", "no_party_gathering", "no_protest_rally", "shown_not_protested"]

#: Prepositions of "rally" that mean support: "fans rallied behind the team", "rallied to his defence".
SUPPORT = frozenset("behind around round".split())
#: What rallies on a market: prices and what has them ("shares rallied", "the pound rallied").
MARKETS = frozenset("""
share shares stock stocks equity equities price prices market markets index indices indexes bond bonds yield yields
currency currencies dollar euro pound yen yuan rupee peso franc oil gold silver copper commodity commodities futures
""".split())
#: Festive occasions a crowd gathers for (kinds of public celebration and show): "rallied for the annual festival".
OCCASIONS = frozenset("""
festival festivals fair fairs carnival show shows celebration celebrations anniversary concert concerts gala
exhibition race races parade reunion jamboree fete tournament match game
""".split())
#: Verbs of showing how something is done: one "gives" a demonstration of a technique, and "holds" a protest.
SHOW_VERBS = frozenset("give do perform offer watch".split())
#: Bodies that meet as one: their meeting is a session of their own members, no consultation between parties.
BODIES = frozenset("""
council board committee commission assembly cabinet legislature parliament senate congress panel jury
""".split())


def no_party_gathering(token: Token) -> bool:
    """Whether a "meet", "rally" or "demonstration" trigger is one of the gatherings above, no event."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        return lemma == "meet" and in_session(token) or lemma == "rally" and no_protest_rally(token)
    return lemma == "demonstration" and shown_not_protested(token)


def no_protest_rally(rally: Token) -> bool:
    """"Fans rallied behind the team", "shares rallied", "bikers rallied in Sturgis for the annual festival": the
    verb "rally" of support, of prices or of a festive crowd, no protest."""
    kids = list(rally.children)
    if any(c.dep_ == "prep" and c.lower_ in SUPPORT for c in kids):
        return True
    if any(c.dep_ == "nsubj" and (c.lemma_.lower() in MARKETS or c.lower_ in MARKETS) for c in kids):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in OCCASIONS for g in c.children) for c in kids)


def shown_not_protested(demonstration: Token) -> bool:
    """"The chef gave a cooking demonstration", "gardeners gave demonstrations of pruning techniques": a show of
    how something is done (given, performed, watched), or of a way of doing it ("of" and a verb's -ing form)."""
    if demonstration.dep_ == "dobj" and demonstration.head.lemma_.lower() in SHOW_VERBS:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" and g.tag_ == "VBG"
                                                                for g in c.children)
               for c in demonstration.children)


def in_session(meet: Token) -> bool:
    """"The town council met on Tuesday to discuss parking charges", "the school board met": a body named by its
    common noun that meets with no one else sits in session; "the council met with residents" and a named body
    ("the UN Security Council met") are left to the meeting rules."""
    kids = list(meet.children)
    bodies = [c for c in kids if c.dep_ == "nsubj" and c.lemma_.lower() in BODIES and not c.ent_type_
              and not any(g.dep_ == "conj" for g in c.children)]
    if not bodies:
        return False
    return not any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("with", "between") for c in kids)
