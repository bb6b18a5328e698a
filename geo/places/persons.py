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
from geo.places.placewords import PERSON_TITLES, POSSESSIVES

_INITIAL = re.compile(r"^[A-Z]\.$")  # "D." of "Krystal D. Hall"
#: How English writes a saint's name ("St. Peter", "Saint Paul", the French "Ste. Anne").
SAINT_WORDS = frozenset({"St.", "St", "Saint", "Ste.", "Sainte"})
#: What a saint's name is given to: "the church of St. Anne", "the Saint Anne and Saint Joachim
#: Chapel", "the Feast of St. Joseph". Not "parish": a Louisiana parish is a county ("St. Mary Parish").
DEDICATED = frozenset("church cathedral basilica chapel abbey monastery convent priory shrine feast order".split())
#: What a saint's possessive names as well: "St. Jude's Cathedral", "St. Luke's Hospital", "St. Bernard's College",
#: "St. Patrick's Day".
DEDICATED_OWNED = DEDICATED | {"hospital", "school", "college", "academy", "university", "day"}
#: Titles written before a person's name (forms of address of churches, courts, armies and monarchies), several of
#: them also towns' names: Pope (Latvia), Cardinal (Manitoba), Bishop (California), Sheikh (Egypt).
NAME_TITLES = frozenset("""pope cardinal bishop archbishop patriarch metropolitan imam ayatollah rabbi sheikh sheik emir
king queen prince princess sultan general admiral colonel major captain sergeant lieutenant senator governor
chancellor premier president minister judge justice mayor
gen. col. maj. capt. lt. sgt. adm. cmdr. gov. sen. rep. rev. fr. msgr. pres. supt. insp. det. dr. prof.""".split())
#: Nouns of family ties (English kinship terms): a name set beside one is a relative's ("her daughters, Florence and
#: Victoria", "Lorena is his wife"), never a town (Florence, Italy; Lorena, Brazil). Not "partner": "Mexico is
#: Canada's third largest trading partner".
KIN = frozenset("""wife husband spouse fiancee fiancée fiance fiancé widow widower daughter daughters son sons
child children mother father parents brother brothers sister sisters grandson granddaughter grandchildren
grandmother grandfather aunt uncle nephew niece cousin twin twins stepson stepdaughter""".split())
_NAME_REACH = 8  # words of a church's name after the saint's ("Saint Joachim Orthodox Chapel")


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


def a_title_before_a_name(span: Span) -> bool:
    """Whether a one-word name is a title written before a person's name: "thanks to Pope Benedict",
    "Cardinal Desmond Connell", "the command of Gen. Walter Krueger" (the model tags the name after it a person,
    and the title is no town: Gen. is no Gennes)."""
    if len(span) != 1 or span[0].lower_ not in NAME_TITLES or span.end >= len(span.doc):
        return False
    after = span.doc[span.end]
    return after.ent_type_ == "PERSON" and after.ent_iob_ == "B"


def named_as_kin(span: Span) -> bool:
    """Whether a one-word name is set beside a noun of family ties: in apposition ("her daughters, Florence and
    Victoria", "Paul Hardy and wife, Marion, of Tulsa") or as the subject of "be" ("Lorena is his wife")."""
    if len(span) != 1:
        return False
    word, doc = span[0], span.doc
    if span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].lower_ in KIN:
        return True  # "and wife, Marion", however the parser attached it
    if word.dep_ == "conj" and word.head.dep_ == "appos":
        word = word.head  # "Victoria" of "Florence and Victoria"
    if word.dep_ == "appos":
        return word.head.lower_ in KIN
    if word.dep_ == "nsubj" and word.head.lemma_ == "be":
        return any(c.dep_ == "attr" and c.lower_ in KIN for c in word.head.children)
    return False


def a_saints_dedication(span: Span) -> bool:
    """Whether a saint's name is written as the one a church, a hospital or a feast is named for: "the old
    church of St. Anne and St. Joachim", "St. Jude's Cathedral", "the Saint Anne and Saint Joachim
    Chapel". The saint is meant, not a town named after the saint (Saint Peter, Minnesota, in a story from
    Cairo); a town of that name is written without such words ("a church in St. Paul", "St. Paul police")."""
    if len(span) < 2 or span[0].text not in SAINT_WORDS:
        return False
    return _dedicated_before(span) or _dedicated_after(span)


def _dedicated_before(span: Span) -> bool:
    """"church of St. Anne", also for a second saint ("church of St. Anne and St. Joachim")."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].lower_ in ("and", "&"):  # back over the first saint of a pair
        i -= 1
        while i >= 0 and doc[i].text not in SAINT_WORDS and doc[i].is_title and span.start - i <= 4:
            i -= 1
        if i < 0 or doc[i].text not in SAINT_WORDS:
            return False
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in DEDICATED


def _dedicated_after(span: Span) -> bool:
    """"St. Jude's Cathedral", "Saint Anne and Saint Joachim Chapel": the name goes
    on in capitals (or with "and" to a second saint) to a church's word."""
    doc, i = span.doc, span.end
    owned = span[-1].text in POSSESSIVES or i < len(doc) and doc[i].text in POSSESSIVES  # "St. Luke's" | "Hospital"
    i += owned and span[-1].text not in POSSESSIVES
    words = DEDICATED_OWNED if owned else DEDICATED
    for token in doc[i:min(len(doc), i + _NAME_REACH)]:
        if token.lower_ in words and token.is_title:
            return True
        if not (token.is_title or token.text in SAINT_WORDS or token.lower_ in ("and", "&")):
            return False
    return False


def titled_surnames(doc: Doc) -> frozenset[str]:
    """The words the article writes where a surname stands (:func:`stands_as_a_person`), gathered once per article:
    "Sen. Lincoln said ... Lincoln also spoke in Little Rock" names the senator twice."""
    return per_article(doc, "newsmap_titled_surnames", lambda d: frozenset(
        t.text for t in d if t.is_title and t.is_alpha and stands_as_a_person(d[t.i:t.i + 1])))
