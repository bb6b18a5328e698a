from __future__ import annotations

from spacy.tokens import Span

from geo.places.organisations import club_name


def span_of(doc, text):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text))


def test_a_town_after_a_club_word_is_the_club(nlp):
    doc = nlp("Inter Milan drew with Atletico Madrid in Milan.")
    assert club_name(span_of(doc, "Milan")) and club_name(span_of(doc, "Madrid"))
    assert not club_name(Span(doc, len(doc) - 2, len(doc) - 1))


def test_a_town_opening_a_side_in_a_match_result_is_the_club(nlp):
    doc = nlp("Paris Saint-Germain beat Real Madrid in the Champions League.")
    assert club_name(span_of(doc, "Paris"))
    other = nlp("Paris officials beat the deadline. The Dallas Cowboys' stadium is in Arlington.")
    assert not club_name(span_of(other, "Paris")) and not club_name(span_of(other, "Dallas"))
