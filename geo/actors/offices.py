"""Officials named by their office and their country, with no name of their own: "the Thai prime minister", "his
Australian counterpart", "China's foreign minister", "a Russian general".

News names a foreign official that way more often than by name. Such a person acts for the state's government (or
its armed forces, for a rank), which is the actor a reader follows on the map: ACLED codes the acts of a state's
ministers and envoys as the government's ("Government of Thailand") and those of its officers as its military
forces. A title before a person's name ("Thai Prime Minister Srettha Thavisin") is that person's, whom the actors
stage reads as a person; a former holder, or an office of the opposition, speaks for no government.

Pure functions of the parse, used while an article is read (``geo.actors.reading``).
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["GOVERNMENT_OFFICES", "MILITARY_RANKS", "office_of_state", "office_over", "official", "state_office"]

#: Nouns of the offices that act for a state's government, abroad or at home (the titles of heads of state and
#: government, monarchs among them, ministers and envoys in the CIA World Factbook's "Chiefs of State and Cabinet
#: Members"), and "counterpart", the office news gives the other side of a meeting ("met his Australian counterpart").
#: An office "of" a country counts as one before it ("the president of Ghana").
GOVERNMENT_OFFICES = frozenset("""
minister ministers premier president chancellor counterpart counterparts ambassador ambassadors envoy envoys
delegation delegations secretary spokesman spokeswoman spokesperson negotiator mediator mediators
king queen emir sultan monarch
""".split())
#: "Leader" heads many bodies besides a state: only with its country word alone ("the Cambodian leader") is it the
#: state's, not with another word of its body ("a Palestinian community leader", "the Kurdish party leader").
LEADERS = frozenset({"leader", "leaders"})
#: Ranks of general and flag officers (NATO's OF-6 to OF-10) and commanders: "a Russian general" is one of its
#: armed forces.
MILITARY_RANKS = frozenset("general generals admiral admirals commander commanders colonel colonels".split())
#: Modifiers of an office held by no government: "the former Thai prime minister", "the Thai opposition leader".
NOT_IN_OFFICE = frozenset("former ex late opposition rebel exiled deposed ousted".split())


def state_office(head: Token) -> str | None:
    """The kind of the state's body ("government" or "military") that a country word before ``head`` names, when
    ``head`` is a bare office noun that no person's name follows: "the Thai prime minister" -> government, "a
    Russian general" -> military; "Thai Prime Minister Srettha" (the title of a name) and "the former Thai
    president" -> None."""
    word = head.lower_
    if word not in GOVERNMENT_OFFICES | LEADERS | MILITARY_RANKS or head.ent_type_ == "PERSON":
        return None
    if head.dep_ in ("compound", "flat") or any(c.dep_ in ("compound", "appos", "flat") and c.ent_type_ == "PERSON"
                                                 for c in head.children):
        return None  # the title of a named person
    if any(c.lower_ in NOT_IN_OFFICE for c in head.children if c.i < head.i) or _named_after(head):
        return None
    if word in LEADERS and any(c.dep_ in ("amod", "compound") and c.ent_type_ not in ("NORP", "GPE")
                               for c in head.children if c.i < head.i):
        return None  # "the Cambodian leader", not "a Cambodian community leader"
    return "military" if word in MILITARY_RANKS else "government"


def _named_after(head: Token) -> bool:
    """A person's name right after the title ("the Thai prime minister, Srettha Thavisin," parsed apart)."""
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.text == "," and head.i + 2 < len(head.doc):
        nxt = head.doc[head.i + 2]
    return nxt is not None and nxt.ent_type_ == "PERSON"


def official(word: Token) -> bool:
    """Whether a country word names one official by office ("the Egyptian foreign minister", "a Russian general"),
    whom "he" or "she" can stand for; plural offices and "counterpart" of another's sentence too."""
    return word.dep_ in ("amod", "compound", "poss") and word.head.tag_ == "NN" and state_office(word.head) is not None


def office_over(country: Token) -> str | None:
    """The kind of state body an office noun names whose "of" or "from" phrase holds the country word, itself or as
    one of a list: "the president of Ghana", "leaders from Iraq, Iran and Saudi Arabia" (each is its government)."""
    node = country
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ not in ("of", "from"):
        return None
    return state_office(node.head.head)


def office_of_state(country: Token) -> str | None:
    """The office a country word names the holder of, before it or in its "of"/"from" phrase: "Israel's prime
    minister", "the Israeli prime minister", "the prime minister of Israel"."""
    if country.dep_ in ("poss", "compound", "amod") and country.head.i != country.i:
        return state_office(country.head)
    return office_over(country)
