"""One sense per discourse: what the places recognised in an article say about its other words.

A name recognised once is a place wherever else it stands alone in the article; a town of a state the article
names is a town; a name listed with a recognised town is one too; a state's ISO code is a place where its
country is named. These run after the first pass of the recogniser (``geo.places.toponyms``) over what it kept.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from geo.places.placewords import (
    CITY_PREFIXES,
    INSTITUTION_WORDS,
    PERSON_TITLES,
    capitalised,
    common_word,
    entity_of,
    sentence_start,
    title_run,
    trim,
)
from geo.places.known_names import KnownNames

__all__ = ["conjuncts", "repeats", "subdivision_codes", "towns_of_named_states"]


def towns_of_named_states(doc: Doc, spans: Sequence[Span], person_words: set[str], names: KnownNames) -> list[Span]:
    """A one-word name the NER tagged as a person or organisation is a town when the gazetteer knows a town
    of that main name in a state the article names ("Gainesville" in an article that names Texas), unless
    the word is part of a person's full name there ("Flores" after "Maria Flores")."""
    states = {c.place.id for s in spans if s.label_ == "place" for c in names.candidates(s.text)
              if c.place.kind == "admin1" and c.form in ("name", "abbr")}
    if not states:
        return []
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for ent in doc.ents:
        span = trim(ent) if ent.label_ in ("PERSON", "ORG") else None
        if span is None or len(span) != 1 or span.start in taken or not span[0].is_title:
            continue
        if span.text.lower() in person_words or common_word(span):
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and (prev.lower_ == "the" or prev.is_quote or prev.text in PERSON_TITLES):
            continue  # "the Webster" (a theatre), "Mayor Mullins", a title in quotes
        if any(c.form == "name" and c.place.kind == "city" and c.admin1 in states for c in names.candidates(span.text)):
            out.append(Span(doc, span.start, span.end, label="place"))
    return out


def subdivision_codes(doc: Doc, spans: Sequence[Span], names: KnownNames) -> list[Span]:
    """A state's three-letter ISO code in capitals ("NSW", "QLD") is a place in an article that names
    its country or another of its places by name; alone, it is more often an acronym. Two letters
    ("PA", "SC", "TV") are acronyms too often even then (measured on LGL: no gain, 14 false positives)."""
    countries = {c.place.country_code for s in spans if s.label_ == "place"
                 for c in names.candidates(s.text) if c.form in ("name", "alt") and c.place.kind != "city"}
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for token in doc:
        if token.i in taken or not (token.is_upper and token.is_alpha and len(token) == 3):
            continue
        if any(c.form == "code" and c.place.kind == "admin1" and c.place.country_code in countries
               for c in names.candidates(token.text)):
            out.append(Span(doc, token.i, token.i + 1, label="place"))
    return out


def postal_symbols(doc: Doc, spans: Sequence[Span], names: KnownNames) -> list[Span]:
    """The postal symbol or the abbreviation of a state or province written after a recognised town ("Portland,
    OR", "Barrie, Ont.", "Edmonton, Ky"): a place when the town has a reading in that state
    (:meth:`KnownNames.postal_symbol`, :meth:`KnownNames.abbreviated_state`). The model tags such abbreviations as
    persons ("Que", "Ont"), so they were lost with the state they name."""
    out = []
    for span in spans:
        i = span.end + 1
        if span.label_ != "place" or i >= len(doc) or doc[span.end].text != ",":
            continue
        if names.postal_symbol(span, i):
            out.append(Span(doc, i, i + 1, label="place"))
        elif end := names.abbreviated_state(span, i):
            out.append(Span(doc, i, end, label="place"))
    return out


def conjuncts(doc: Doc, spans: Sequence[Span], person_words: set[str], names: KnownNames) -> list[Span]:
    """Names listed with a recognised town or county are towns or counties too when the gazetteer knows
    them as such: "Paris and Roxton", "Newark, Heath and Pataskala" (the NER tags small towns as persons)."""
    if not doc.has_annotation("DEP"):
        return []
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    listed: set[int] = set()  # the tokens of the lists read already: each list once, not once per town in it
    for span in spans:
        if span.label_ != "place" or span.root.i in listed or not names.local_place(span):
            continue
        conjuncts = span.root.conjuncts
        listed.update(t.i for t in conjuncts)
        for token in conjuncts:
            if token.i in taken or not capitalised(token) or token.is_upper:
                continue
            run = entity_of(token) if token.ent_type_ else title_run(doc, token.i, token.i + 1)
            if (run is None or taken.intersection(range(run.start, run.end)) or common_word(run)
                    or run.text.lower() in person_words or not names.local_place(run)):
                continue
            out.append(Span(doc, run.start, run.end, label="place"))
            taken.update(range(run.start, run.end))
    return out


def repeats(doc: Doc, spans: Sequence[Span], towns: set[str] = frozenset(), known=None) -> list[Span]:
    """One sense per discourse for recognition: a name recognised as a place once in an article is a
    place wherever else it stands alone there ("Gainesville" in "the Gainesville sewer system",
    "Gainesville's Tom Thumb"), unless it is part of a person's name or a longer capitalised name.
    A town or county (``towns``) also opens the names of its institutions ("the Dublin Singers", "the
    Cookville Volunteer Fire Department"), unless the next word starts another place (``known``).
    ``spans`` are the recognised places that are a gazetteer place's main name and no word of a
    person's name in the article ("Flores" after "Maria Flores" is her, not the town)."""
    names = {tuple(t.text for t in s) for s in spans
             if s.label_ == "place" and capitalised(s[0]) and not common_word(s)}
    if not names:
        return []
    taken = {i for s in spans for i in range(s.start, s.end)}
    texts = [t.text for t in doc]  # read once: each doc[i] builds a Token object
    starts: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        starts.setdefault(text, []).append(i)
    out = []
    for name in names:
        n = len(name)
        for i in starts.get(name[0], ()):
            if tuple(texts[i: i + n]) != name:
                continue
            if taken.intersection(range(i, i + n)):
                continue
            before = doc[i - 1] if i > 0 else None
            after = doc[i + n] if i + n < len(doc) else None
            if any(t.ent_type_ == "PERSON" for t in doc[i: i + n]) and (
                    before is not None and before.ent_type_ == "PERSON" and before.ent_iob_ != "B"
                    or after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "I"):
                continue  # inside a longer person's name ("Lindsay Graham")
            if (before is not None and capitalised(before) and before.lower_ != "the" and not sentence_start(doc[i])
                    and before.text not in CITY_PREFIXES):
                continue
            if after is not None and capitalised(after) and after.lower_ not in INSTITUTION_WORDS and not (
                    " ".join(name) in towns and known is not None and not known(doc[i + n: i + n + 1])):
                continue
            out.append(Span(doc, i, i + n, label="place"))
    return out
