"""A title's portfolio: the word of a cabinet or an office holder's title that the small model tags as a body
("Interior" of "Interior Minister Carolina Toha", "State" of "Secretary of State Antony Blinken" or of "State Sen.
Laura Whitfield"), and whether a title is a home cabinet's (its holder sits in the government of the article's
country).

Pure functions of the parse, used while an article is read (``geo.actors.reading``).
"""
from __future__ import annotations

from spacy.tokens import Span

from geo.actors.names import TITLES, fold
from geo.actors.titled import PERSON_TITLES

__all__ = ["ABROAD", "JURISDICTIONS", "PORTFOLIO_TITLES", "cabinet_title", "portfolio"]

#: Title nouns a cabinet portfolio word stands before: "Interior Minister", "Defence Secretary".
PORTFOLIO_TITLES = frozenset({"minister", "secretary"})


#: Portfolios whose holders are reported abroad as often as at home ("Foreign Minister X met ... in Beijing").
ABROAD = frozenset("prime foreign external defence defense trade deputy junior".split())


def cabinet_title(span: Span) -> bool:
    """A person named after a home portfolio's title ("Interior Minister Carolina Toha", "Health Secretary X"),
    not a former one nor one often abroad."""
    window = [] if span[0].is_sent_start else list(span.doc[max(span.start - 4, 0):span.start])
    starts = [n for n, t in enumerate(window) if t.is_sent_start]  # the words of the span's sentence only (Token.sent
    before = window[starts[-1]:] if starts else window  # walks to the sentence's start: long in a long sentence)
    if len(before) < 2 or before[-1].lower_ not in PORTFOLIO_TITLES or not before[-2].is_title:
        return False
    return not ABROAD & {t.lower_ for t in before} and not {"former", "ex", "ex-"} & {t.lower_ for t in before}


#: Levels of government that open an office holder's title ("State Sen.", "County Commissioner", "City Councilman").
JURISDICTIONS = frozenset("state county city town township village borough parish district federal provincial "
                          "municipal regional".split())


def portfolio(span: Span) -> bool:
    """One word the model tags ORG before "Minister" or "Secretary", or after "Minister of" or "Secretary of"
    ("Interior Minister Carolina Toha", "Defence Secretary Lloyd Austin", "Secretary of State Antony Blinken") is
    the portfolio of the person's title, not an organisation of its own; so is a level of government before any
    title ("State" of "State Sen. Laura Whitfield")."""
    doc = span.doc
    if len(span) != 1:
        return False
    before = span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in PORTFOLIO_TITLES
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and span[0].lower_ in JURISDICTIONS and fold(after.text).rstrip(".") in TITLES | PERSON_TITLES:
        return True
    return before or (after is not None and after.lower_ in PORTFOLIO_TITLES)
