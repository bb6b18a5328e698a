"""Bodies as an analyst reads them: a short form is the body it shortens, an agency is a government's, a street is
no body. Sentences of our own, wire style."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from geo.actors.common import names_no_one
from geo.actors.cues import organisation_kind
from geo.actors.extraction import ActorExtractor
from geo.actors.catalog import load_catalog


@pytest.fixture(scope="module")
def extractor():
    return ActorExtractor(load_catalog())


def bodies(extractor, nlp, text):
    return {a.name: a.aliases for a in extractor.extract(nlp(text))[0] if a.kind != "person"}


def test_a_body_shortened_to_the_first_words_of_its_name_is_that_body(extractor, nlp):
    found = bodies(extractor, nlp, "Harlow Logistics Group cut 300 jobs on Monday. Harlow Logistics said the cuts "
                                   "would save money.")
    assert list(found) == ["Harlow Logistics Group"] and "Harlow Logistics" in found["Harlow Logistics Group"]
    found = bodies(extractor, nlp, "Shares of Brandvik Chemical Co fell on Monday. Brandvik said its plant in Texas "
                                   "would close.")
    assert list(found) == ["Brandvik Chemical Co"]


def test_a_short_form_two_bodies_open_with_stays_apart(extractor, nlp):
    found = bodies(extractor, nlp, "Harlow Logistics Group and Harlow Logistics Trust both reported losses. Harlow "
                                   "Logistics declined to comment.")
    assert "Harlow Logistics" in found and "Harlow Logistics" not in found["Harlow Logistics Group"]


def test_an_agency_is_a_governments_unless_it_is_a_news_agency():
    assert organisation_kind("Canadian Food Inspection Agency") == "government"
    assert organisation_kind("Emergency Management Agency") == "government"
    assert organisation_kind("Xinhua News Agency") == "media" and organisation_kind("Associated Press") == "media"


def test_a_street_or_a_numbered_road_tagged_as_a_body_names_no_one(nlp):
    doc = nlp("Crews closed Augusta St. and Interstate 85 after the crash, the Harbour Board said.")

    def org(text):
        start = doc.text.index(text)
        span = doc.char_span(start, start + len(text))
        return Span(doc, span.start, span.end, label="ORG")

    assert names_no_one(org("Augusta St.")) and names_no_one(org("Interstate 85"))
    assert not names_no_one(org("Harbour Board"))


def test_a_short_form_that_is_a_whole_bodys_name_does_not_join_a_part_of_it(extractor, nlp):
    found = bodies(extractor, nlp, "The House Appropriations Committee met on Monday. The House passed the bill "
                                   "on Friday.")
    assert "House" in found and "House" not in found.get("House Appropriations Committee", ())
    found = bodies(extractor, nlp, "The HUD Office of Inspector General opened an audit. HUD said it would help.")
    assert "HUD" in found
