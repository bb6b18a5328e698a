"""A bare office with no country ("the president warned", "the prime minister announced"), in an article whose
country is plain: the office acts for that country's government.

News names its own country's head of state or government by the office alone once the story has said which country
it is about ("Ghana's government has faced weeks of criticism ... the president warned striking teachers"). ACLED
codes such acts as the government's, as it does those of "the Ghanaian president" (``geo.actors.offices``). The
country is plain when the article's places lie in one country, the article names that country (as a place or as an
actor: the state or one of its bodies) in a sentence before the office's, and the office's own sentence names no
place of it: an article placed in one country's towns but about a club, a company or a university, whose
"president" is theirs, names no country, and "the president threatened to bomb Iranian sites if Tehran retaliated"
names the other side. An office with any word of its own before it ("the vice president", "the former president",
"the club president"), an "of" phrase ("the president of the federation") or a name after it is left alone.

Pure functions of the parse and of an article's reading, used by ``geo.actors.extraction``.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from spacy.tokens import Doc, Span, Token

from geo.actors.catalog import Countries, Country
from geo.records import Actor, PlaceMention

__all__ = ["add_bare_offices", "bare_office"]

#: Heads of state and of government named by office alone (the CIA World Factbook's "Chiefs of State and Cabinet
#: Members" titles of the head of state and the head of government); "premier" and "chancellor" are left out, as
#: news uses them for a province's head and a university's as often.
HEADS = frozenset({"president", "minister"})


#: Bodies that have a president or a chair of their own (Wikipedia: "President (corporate title)", "Sports
#: governing body", "University president"): an article naming one may mean its president.
OTHER_BODIES = frozenset("""
federation association club company firm corporation university college league team foundation institute society
chamber church
""".split())


def other_country(token: Token, country: Country, countries: Countries, ent: Span | None = None) -> bool:
    """Whether a name or a demonym names a country other than ``country`` ("Azerbaijani troops"); ``ent`` is the
    entity the token is in, if any."""
    if token.ent_type_ not in ("GPE", "NORP") and not token.text[:1].isupper():
        return False  # a name or a demonym, tagged or not ("Armenian and Azerbaijani troops")
    found = [countries.find(text) for text in (token.text, ent.text if ent is not None else "")]
    return any(c is not None and c.code != country.code for c in found)


def _names_another_country(doc: Doc, country: Country, countries: Countries) -> bool:
    """Whether any word of the article names a country other than ``country``: one pass over the tokens and one
    over the entities (looking each token's entity up among all of them made a long article quadratic)."""
    ents = {i: e for e in doc.ents for i in range(e.start, e.end)}
    return any(other_country(t, country, countries, ents.get(t.i)) for t in doc)


class Reading(Protocol):
    """What the rule asks of an article's reading (``geo.actors.reading.ArticleReading``)."""

    doc: Doc
    places: Sequence[PlaceMention]
    mentions: list[tuple[Span, str]]

    @property
    def article_codes(self) -> frozenset[str]: ...

    def draft(self, actor: Actor) -> Any: ...


def bare_office(token: Token) -> Span | None:
    """The words of a bare head-of-state or head-of-government office that acts as a clause's subject ("the
    president", "the prime minister"), or None."""
    if token.tag_ not in ("NN", "NNP") or not token.text.islower() or token.lower_ not in HEADS \
            or token.dep_ != "nsubj" or token.ent_type_:
        return None
    kids = [c for c in token.children if c.i < token.i]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
        return None
    prime = [c for c in kids if c.lower_ == "prime" and c.dep_ in ("amod", "compound")]
    if token.lower_ == "minister" and not prime:
        return None  # "the minister": of any portfolio and any body
    if any(c.dep_ not in ("det", "punct") and c not in prime for c in kids):
        return None  # "the vice president", "the former president", "the Thai president" (geo.actors.offices)
    if any(c.dep_ in ("prep", "appos", "compound", "flat") for c in token.children if c.i > token.i):
        return None  # "the president of the federation", "the president, Jane Doe,"
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.ent_type_ == "PERSON":
        return None
    start = prime[0].i if prime else token.i
    return Span(token.doc, start, token.i + 1, label="ORG")


def _any_within(spots: Sequence[int], start: int, end: int) -> bool:
    """Whether a sorted list of character offsets holds one in [start, end)."""
    i = bisect_left(spots, start)
    return i < len(spots) and spots[i] < end


def add_bare_offices(reading: Reading, countries: Countries, state_of: Callable[[Country], Actor],
                     government_of: Callable[[Actor, Country], Actor]) -> None:
    """Mentions of the article's government for its bare offices, when the article's country is plain (module
    doc). ``state_of`` gives a country's state actor, ``government_of`` its government's."""
    codes = reading.article_codes
    country = countries.by_code(next(iter(codes))) if len(codes) == 1 else None
    if country is None or _names_another_country(reading.doc, country, countries) or any(
            t.lemma_.lower() in OTHER_BODIES for t in reading.doc):
        return  # two countries ("the president" of which?), or a body with a president of its own
    state = state_of(country)
    places = [pm for pm in reading.places if pm.place is not None and pm.place.country_code == country.code]
    named = [pm.mention.start for pm in places if pm.place.id == f"country:{country.code}"]
    named += [span.start_char for span, a in reading.mentions if a == state.id or a.startswith(state.id + "-")]
    spots = sorted(named + [pm.mention.start for pm in places])
    first = min(named, default=None)
    taken = {i for span, _ in reading.mentions for i in range(span.start, span.end)}
    found = [span for span in map(bare_office, reading.doc) if span is not None
             and not any(i in taken for i in range(span.start, span.end))
             and first is not None and first < span.sent.start_char
             and not _any_within(spots, span.sent.start_char, span.sent.end_char)]
    if not found:
        return  # the country named only after the office, or in its own sentence: "the president threatened to
        # impose tariffs on imports from Canada" is no Canadian act
    government = reading.draft(government_of(state, country)).id
    reading.mentions.extend((span, government) for span in found)
    reading.mentions.sort(key=lambda pair: pair[0].start)
