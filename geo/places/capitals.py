"""What a name's capitals tell the recogniser: a word in capitals in running text is an acronym, not a town, unless
capitals are how the text writes places there (a dateline, a headline); a word without any capital is a common noun,
unless the whole text is written without them.

News writes places with a capital letter and acronyms in capitals, and the gazetteer matches either whatever the
case: "a Dayton police SWAT unit" found Swat, Pakistan, a board of education's "BOE" Boe, Nauru, and "the gulf in
test scores" (tagged LOC by the small model) Gulf Province, Papua New Guinea. Pure functions of spaCy tokens, asked
by the recogniser (``geo.places.toponyms``).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from geo.nlp.memo import per_article
from geo.places.placewords import POSSESSIVES

__all__ = ["after_an_acronym", "an_acronym", "written_in_lower_case"]



def an_acronym(span: Span, candidates: Callable[[str], Sequence]) -> bool:
    """A word in capitals in running text that the gazetteer knows only as a name written in small letters
    ("a Dayton police SWAT unit": Swat, Pakistan; "the county BOE approves its budget": Boe, Nauru) is an
    acronym. A dateline opening a line ("TOLEDO, Ohio"), a headline in capitals and the abbreviations
    and codes of places ("UAE", "NSW", "DRC") stay. ``candidates`` gives the gazetteer's readings of a name."""
    if len(span) != 1 or len(span.text) < 3 or not span.text.isalpha() or not span.text.isupper():
        return False
    if _opens_a_line(span) or _among_capitals(span) or _before_a_dateline_mark(span):
        return False
    return not any(c.form in ("abbr", "code") for c in candidates(span.text))


def after_an_acronym(span: Span, start: int) -> bool:
    """Whether the words from ``start`` close an organisation's name after its acronym alone ("CBC Toronto", "CTV
    Winnipeg", "CDC Atlanta"): a broadcaster's station or a body's office in that city (a big city: not a region,
    "NHS West Midlands", nor a continent, "DKMS Americas"), which news names as the place."""
    first = span[0]
    return start == span.start + 1 and first.is_upper and first.is_alpha and len(first) >= 2


def written_in_lower_case(doc: Doc) -> bool:
    """Whether the article is written without capitals (a transcript, a chat), where a place's name is lower case
    too: fewer than one word in fifty starts with a capital letter."""
    return per_article(doc, "newsmap_written_in_lower_case", lambda d: 50 * sum(
        t.text[:1].isupper() for t in d if t.is_alpha) < sum(t.is_alpha for t in d))


def _opens_a_line(span: Span) -> bool:
    """Whether a span is the first word of the text or of a line (where a dateline stands)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    return before is None or "\n" in before.text or "\n" in before.whitespace_


def _before_a_dateline_mark(span: Span) -> bool:
    """Whether a word is followed as a dateline is ("GALESBURG -- Rain fell", "RALEIGH --- The mayor",
    "PEORIA (AP)", "TOLEDO, Ohio") or as the word in capitals that opens a British story ("OXFORD'S oldest
    bookshop has closed")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    after = doc[span.end].text
    # a dash of any length, a bracket, a comma, or a character no word has (a Windows dash read as U+0097)
    return after.lower() in POSSESSIVES or not any(c.isalnum() or c == "." for c in after)  # "OXFORD'S"


def _among_capitals(span: Span) -> bool:
    """Whether a word in capitals stands beside another (a headline or a sign written in capitals)."""
    doc = span.doc
    around = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) > 1 for t in around)
