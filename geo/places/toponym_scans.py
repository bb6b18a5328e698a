"""Scans of a whole article for place names the model did not tag as places: capitalised runs the gazetteer
knows, demonyms, "X-Y border", and the forms local news writes places in (datelines, county lists, streets,
a legislator's party tag).

Each scan is a function of the Doc and the :class:`~geo.places.known_names.KnownNames`, and returns spans
labelled with their kind of mention; the recogniser (``geo.places.toponyms``) keeps those that do not overlap.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from geo.places.placewords import (
    BIG_KINDS,
    BORDER,
    COUNTY_PLURALS,
    DATELINE_DASHES,
    NAME_OPENERS,
    NEWS_AGENCIES,
    PARTY_HOMETOWN,
    STREET_SUFFIXES,
    STREET_WORDS,
    TITLE_MODIFIERS,
    UNIT_WORDS,
    capitalised,
    direction_word,
    doc_text,
    local_title,
    sentence_start,
    title_run,
)
from geo.places.ellipsis import known_whole
from geo.places.known_names import KnownNames

#: Plurals of the words for a unit that a list of names shares ("Jackson and Barrow counties").
_LIST_PLURALS = frozenset(UNIT_WORDS.values()) - {"departments"}

__all__ = ["as_demonym", "borders", "county_lists", "datelines", "demonym_tokens", "gazetteer_runs", "in_a_codename",
           "party_hometowns", "shared_directions", "streets"]


def as_demonym(span: Span, names: KnownNames) -> list[Span]:
    """A word the gazetteer knows as a people's name, written before the noun it qualifies ("Walloon unions",
    "Welsh towns"), is that people's adjective, not a small town bearing the word (Walloon, Queensland; Welsh,
    Louisiana): a country's is read as its demonym, a province's is not recognised on its own (as
    :meth:`KnownNames.is_demonym` says)."""
    doc = span.doc
    before_a_noun = span.end < len(doc) and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN"
    if span.label_ != "place" or len(span) != 1 or not before_a_noun or not any(
            c.form == "demonym" for c in names.candidates(span.text)):
        return [span]
    return [Span(doc, span.start, span.end, label="demonym")] if names.is_demonym(span) else []


def in_a_codename(span: Span, names: KnownNames) -> bool:
    """Whether a place's name is in a name that a word of ``NAME_OPENERS`` opens and that the gazetteer does not
    know as a whole: an operation's codename ("Operation Falcon"), a party's or a charity's name ("United Russia",
    "United Way"), however the model cut it. A place the gazetteer knows whole ("United States") stays, and so does
    a demonym ("Operation Iraqi Freedom" is about Iraq)."""
    doc = span.doc
    if span.label_ != "place":
        return False
    if len(span) > 1 and span[0].lower_ in NAME_OPENERS and span[0].is_title:
        return not names.candidates(span.text)
    if span.start == 0 or doc[span.start - 1].lower_ not in NAME_OPENERS or not doc[span.start - 1].is_title:
        return False
    return span[0].is_title and not names.candidates(doc[span.start - 1: span.end].text)


def demonym_tokens(doc: Doc, names: KnownNames) -> list[Span]:
    """Capitalised demonyms the NER did not tag, e.g. "Iranian" in "Iranian-sponsored"."""
    out = []
    for token in doc:
        if token.ent_type_ or not token.is_title or len(token) < 4:
            continue
        if names.is_demonym(doc[token.i: token.i + 1]):
            out.append(Span(doc, token.i, token.i + 1, label="demonym"))
    return out


def gazetteer_runs(doc: Doc, names: KnownNames) -> list[Span]:
    """Capitalised runs outside any entity that the gazetteer knows as a whole."""
    out = []
    i = 0
    while i < len(doc):
        run = title_run(doc, i, i + 1) if capitalised(doc[i]) and not doc[i].ent_type_ else None
        if run is None:
            i += 1
            continue
        i = run.end
        if any(t.ent_type_ for t in run):
            continue
        if sentence_start(run[0]) and run[0].lower_ == "the":
            run = Span(doc, run.start + 1, run.end) if len(run) > 1 else None
        title = next((t.i for t in run[1:] if local_title(doc, t.i)
                      and doc[t.i - 1].lower_ not in TITLE_MODIFIERS), None) if run is not None else None
        if title is not None:  # "Tillsonburg Mayor Stephen Molnar": the town before the title
            run = Span(doc, run.start, title)
        if run is not None and (whole := _name_cut_by_an_entity(run, names)) is not None:
            out.append(whole)  # "Santo Domingo" with "Domingo" tagged as a person: the whole name, not "Santo"
        elif run is not None and names.place_like(run):
            out.append(names.qualify(run))
        elif run is not None and (part := _after_of(run)) is not None and names.town_after_preposition(part):
            out.append(names.qualify(part))  # "Residents of Bakhmut" opening a sentence: the town after "of"
    return out


def _name_cut_by_an_entity(run: Span, names: KnownNames) -> Span | None:
    """A capitalised run that the model's entity right after it cut short ("Santo" of "Santo Domingo", whose
    "Domingo" it tagged as a person): the run with the capitalised words after it, when the gazetteer knows that
    whole as a place by its main or an alternate name (up to three more words, the longest first)."""
    doc = run.doc
    end = run.end
    if run[0].is_stop:
        return None  # "The IRS": a capitalised word before the model's entity, not part of its name
    while end < len(doc) and end - run.end < 3 and capitalised(doc[end]) and doc[end].ent_type_:
        end += 1
    for stop in range(end, run.end, -1):
        whole = Span(doc, run.start, stop, label="place")
        if any(c.form in ("name", "alt") for c in names.candidates(whole.text)):
            return whole
    return None


def _after_of(run: Span) -> Span | None:
    """The words after the last "of" of a capitalised run ("Residents of Bakhmut" -> "Bakhmut")."""
    ofs = [t.i for t in run if t.lower_ == "of"]
    return Span(run.doc, ofs[-1] + 1, run.end) if ofs and ofs[-1] + 1 < run.end else None


def datelines(doc: Doc, names: KnownNames) -> list[Span]:
    """A dateline in capitals opening a story or a sentence, or after a byline's date: "MANSFIELD --",
    "FALLS VILLAGE—", "COLUMBUS, Ohio -", "CHATTANOOGA (AP) -", "March 29, 2009 PATASKALA --" (the
    town the story was filed from)."""
    out = []
    for token in doc:
        if not (token.is_upper and token.is_alpha and len(token) >= 3):
            continue
        if not (sentence_start(token) or token.i > 0 and doc[token.i - 1].like_num):
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].is_upper and doc[end].is_alpha and end - token.i < 3:
            end += 1
        if end >= len(doc):
            continue
        nxt = doc[end]
        dash = nxt.text in DATELINE_DASHES or nxt.text[:1] in ("—", "–", "\x97")
        agency = nxt.text == "(" and end + 1 < len(doc) and doc[end + 1].text in NEWS_AGENCIES
        state = nxt.text == "," and (names.names_a_state(doc, end + 1)
                                     or names.postal_symbol(doc[token.i:end], end + 1))
        if ((dash or agency or state)
                and names.local_place(doc[token.i: end])):
            out.append(Span(doc, token.i, end, label="place"))
    return out


def county_lists(doc: Doc, names: KnownNames) -> list[Span]:
    """Names listed before "counties"/"parishes": "Jackson and Barrow counties", "Becker, Clay, ... and
    Wilkin counties" (each a county, whatever the NER tagged); and before another unit's plural, when the gazetteer
    knows them as a state or a district: "Homs and Aleppo Governorates", "Idlib and Hama provinces"."""
    out = []
    lowered = doc_text(doc).lower()
    if not any(word in lowered for word in _LIST_PLURALS):  # most articles list no counties
        return out
    for token in doc:
        if token.lower_ not in _LIST_PLURALS:
            continue
        county = token.lower_ in COUNTY_PLURALS
        end = token.i
        while end > 0:
            start = end
            while start > 0 and capitalised(doc[start - 1]) and end - start < 3:
                start -= 1
            if start == end:
                break
            name = doc[start:end]
            if county and not any(c.place.kind == "admin2" for c in names.candidates(name.text + " County")
                                  + tuple(names.candidates(name.text))):
                break
            if not county and (direction_word(name[0]) or not any(  # not "the Northern and Southern districts"
                    c.place.kind in ("admin1", "admin2") and c.form in ("name", "alt")
                    for c in names.candidates(name.text))):
                break
            out.append(Span(doc, start, end, label="place"))
            end = start
            while end > 0 and doc[end - 1].lower_ in (",", "and", "or", "&"):
                end -= 1
    return out


def shared_directions(doc: Doc, names: KnownNames) -> list[Span]:
    """A direction that shares the name after the next one: "North" of "North and South Korea", "Central" of
    "Central and South America" (:mod:`geo.places.ellipsis`), when the gazetteer knows the whole name it means."""
    text = doc_text(doc)
    if " and " not in text:
        return []
    out = []
    for token in doc:
        if token.is_title and direction_word(token) and known_whole(  # a place's name, not "West and Central African"
                text, token.idx, token.idx + len(token.text), names.candidates):
            out.append(Span(doc, token.i, token.i + 1, label="place"))
    return out


def streets(doc: Doc, names: KnownNames) -> list[Span]:
    """Streets and roads: capitalised words before a street word ("Gillis Street", "E. Broad St.",
    "40th Avenue South"). Numbered roads ("Highway 19", "Interstate 395") are left out: the corpora count them
    too inconsistently for them to pay (measured: recall +, precision -, F1 -0.002 on LGL)."""
    out = []
    for token in doc:
        word = token.lower_
        numbered = token.i + 1 < len(doc) and doc[token.i + 1].like_num  # "Highway 19": not counted consistently
        if word in STREET_WORDS and token.text[0].isupper() and not numbered:
            start = token.i
            while start > 0 and (capitalised(doc[start - 1]) or doc[start - 1].like_num
                                 and doc[start - 1].text[-2:] in ("th", "st", "nd", "rd")) and token.i - start < 4:
                start -= 1
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            longer = after is not None and capitalised(after) and after.text not in STREET_SUFFIXES
            if start < token.i and doc[start].lower_ != "the" and not longer:  # not "35th Street Bridge"
                end = token.i + 1
                if end < len(doc) and doc[end].text in STREET_SUFFIXES:
                    end += 1
                out.append(Span(doc, start, end, label="place"))
    return out


def party_hometowns(doc: Doc, names: KnownNames) -> list[Span]:
    """The home town in a legislator's party tag: "Sen. Jane Doe, R-Elbow Lake", "(D-Story City)" (US local
    news), when the gazetteer knows it as a town or county."""
    out = []
    for match in PARTY_HOMETOWN.finditer(doc_text(doc)):
        first = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if first is None or not capitalised(first[0]):
            continue
        start = end = first.start
        while end < len(doc) and capitalised(doc[end]) and end - start < 3:
            end += 1
        for stop in range(end, start, -1):  # longest known name
            if names.local_place(doc[start:stop]):
                out.append(Span(doc, start, stop, label="place"))
                break
    return out


def borders(doc: Doc, names: KnownNames) -> list[Span]:
    """ "X-Y border": one mention of kind ``border`` when both sides are known places."""
    out = []
    for match in BORDER.finditer(doc_text(doc)):
        first = match.group(1)
        start = match.start() + (4 if first.startswith(("The ", "the ")) else 0)
        sides = [names.candidates(first[4:] if start > match.start() else first), names.candidates(match.group(2))]
        if all(any(c.place.kind in BIG_KINDS for c in side) for side in sides):
            span = doc.char_span(start, match.end(), label="border", alignment_mode="expand")
            if span is not None:
                out.append(span)
    return out
