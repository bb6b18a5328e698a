"""Names the small model tags that name no actor, and actors it tags wrongly (geo/actors/common.py and the rules of
reading, titled and aliases it sits beside), in sentences written for newsmap.

Found reading the actors of unseen US local news: "Riot" of "Riot police", "Troop" of "Troop 415", "DUI", the
"State" of "State Sen.", "Alexandria Police" as a person, and people tagged as organisations.
"""
from __future__ import annotations

import pytest

from geo.actors.catalog import load_catalog, load_countries
from geo.actors.extraction import ActorExtractor
from geo.actors.names import same_organisation


@pytest.fixture(scope="module")
def extractor():
    return ActorExtractor(load_catalog(), countries=load_countries())


def kinds(nlp, extractor, text: str) -> dict[str, str]:
    actors, _ = extractor.extract(nlp(text))
    return {a.name: a.kind for a in actors}


def labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


@pytest.mark.parametrize("text, word, label", [
    ("Riot police fired tear gas at the crowd outside the stadium.", "Riot", "PERSON"),
    ("Troop 415 meets every Tuesday at the church hall.", "Troop", "ORG"),
    ("He was charged with DUI after the crash on Route 9.", "DUI", "ORG"),
    ("The driver was arrested for DWI and taken to the county jail.", "DWI", "ORG"),
])
def test_a_common_word_the_model_tags_as_a_name_is_no_actor(nlp, extractor, text: str, word: str, label: str) -> None:
    assert labels(nlp, text).get(word) == label  # the premise: the model's tag
    assert word not in kinds(nlp, extractor, text)


@pytest.mark.parametrize("text, word, label", [
    ("Cyclone Larry destroyed banana farms in Queensland.", "Cyclone Larry", "PERSON"),
    ("Kurt Hartmann and Ilse Hartmann own the farm. The Hartmanns bought it in 1990.", "Hartmanns", "ORG"),
    ("Bill 461 passed the legislature on Monday, and Sen. Jo Ray said it would help.", "Bill 461", "PERSON"),
    ("The clerk counted the ballots twice. Clerk said the count was final.", "Clerk", "PERSON"),
    ("The coroner arrived at noon. Coroner said the death was an accident.", "Coroner", "ORG"),
    ("Officers found the pills in a bag of baggy jeans.", "baggy jeans", "ORG"),
    ("Residents use 'Drive' instead of 'Street,' the mayor said.", "Drive", "PERSON"),
    ("The money will build Goshen Elementary and a new gym.", "Elementary", "PERSON"),
])
def test_a_storm_a_bill_a_family_or_a_common_word_is_no_actor(nlp, extractor, text: str, word: str,
                                                               label: str) -> None:
    assert labels(nlp, text).get(word) == label  # the premise: the model's tag
    assert not [n for n in kinds(nlp, extractor, text) if word in n]


@pytest.mark.parametrize("text, label, body, kind", [
    ("Eleven soldiers were killed near the town on Thursday, the defence ministry said.", "the defence ministry",
     "defence ministry", "government"),
    ("The bill went back to congress on Monday.", "congress", "congress", "government"),
    ("Ulsterbus services were cut after the attack on the depot.", "Ulsterbus", "Ulsterbus", "organisation"),
])
def test_a_lower_case_body_or_a_firm_opening_a_sentence_stays_an_actor(nlp, extractor, text: str, label: str,
                                                                        body: str, kind: str) -> None:
    """Lower-case words name no one ("marijuana"), but "the defence ministry" is a body; a firm that opens a
    sentence before a noun is not "Riot" of "Riot police"."""
    assert labels(nlp, text).get(label) == "ORG"  # the premise
    assert kinds(nlp, extractor, text).get(body) == kind


def test_a_legislature_named_by_a_common_word_stays_a_body(nlp, extractor) -> None:
    text = "The House passed the bill on Friday. Her house was flooded, she said."
    assert labels(nlp, text).get("House") == "ORG"  # the premise
    assert "House" in kinds(nlp, extractor, text)


def test_a_note_mark_after_a_name_is_no_part_of_it(nlp, extractor) -> None:
    text = "The four soldiers were Anna M. Kessler[801] and Tomas J. Reyes[802], the army said."
    assert "Anna M. Kessler[801" in labels(nlp, text)  # the premise: the tokenizer keeps the mark in the name
    found = kinds(nlp, extractor, text)
    assert found.get("Anna M. Kessler") == found.get("Tomas J. Reyes") == "person", found


@pytest.mark.parametrize("text, body", [
    ("The farm was closed on Friday. DEFRA said the cattle would be tested.", "DEFRA"),
    ("The spy was recruited by MI6 in 1990.", "MI6"),
    ("The road will reopen on Monday, TxDOT said.", "TxDOT"),
])
def test_an_acronym_tagged_as_a_person_is_a_body(nlp, extractor, text: str, body: str) -> None:
    assert labels(nlp, text).get(body) == "PERSON"  # the premise
    assert kinds(nlp, extractor, text) == {body: "organisation"}


def test_a_member_of_a_parliament_is_named_without_the_title(nlp, extractor) -> None:
    text = "MLA Sandra Jansen left the party on Thursday."
    assert "MLA Sandra Jansen" in labels(nlp, text)  # the premise
    assert kinds(nlp, extractor, text) == {"Sandra Jansen": "person"}


def test_a_unit_and_its_number_are_a_numbered_unit_wherever_the_span_ends(nlp) -> None:
    from spacy.tokens import Span

    from geo.actors.common import numbered_unit

    doc = nlp("Troop 415 of Dover and the Dover Troop collected food.")
    assert numbered_unit(Span(doc, 0, 4, label="ORG")) and numbered_unit(Span(doc, 0, 1, label="ORG"))
    assert not numbered_unit(Span(doc, 6, 8, label="ORG"))  # "Dover Troop": no number, a name of its own


def test_a_name_capitalised_everywhere_still_modifies_its_noun(nlp, extractor) -> None:
    """"Wagner forces" opens a sentence as "Riot police" does, but the article writes Wagner capitalised elsewhere."""
    text = "Wagner forces attacked the town on Monday. The Wagner group denied it."
    assert "Wagner" in kinds(nlp, extractor, text)


def test_a_family_named_in_the_plural_is_no_organisation(nlp, extractor) -> None:
    text = "Brett Hartmann and Kurt Hartmann ran the bakery. The two Hartmanns sold it in May."
    assert labels(nlp, text).get("Hartmanns") == "ORG"  # the premise
    found = kinds(nlp, extractor, text)
    assert "Hartmanns" not in found and found.get("Brett Hartmann") == "person", found
    counted = "A bomb at the depot killed four Dunmorebus drivers and two soldiers."
    assert labels(nlp, counted).get("Dunmorebus") == "ORG"  # the premise: the firm before its counted noun
    assert "Dunmorebus" in kinds(nlp, extractor, counted)


def test_a_place_and_an_agency_word_are_a_body_not_a_person(nlp, extractor) -> None:
    """The model tags "Alexandria Police" PERSON; a name ending in an agency's word is that agency (and two words
    do not make the acronym of the catalogue's "AP")."""
    text = "Alexandria Police said the man was taken into custody Tuesday."
    assert labels(nlp, text).get("Alexandria Police") == "PERSON"  # the premise
    assert kinds(nlp, extractor, text) == {"Alexandria Police": "police"}
    assert not same_organisation("Alexandria Police", "AP") and same_organisation("IRGC", "Islamic Revolutionary "
                                                                                          "Guard Corps")


def test_two_initials_stand_for_a_body_of_the_same_article_only(nlp, extractor) -> None:
    text = ("The Associated Press reported that Alexandria Police had found the car, the AP said. Northwind Airways "
            "cancelled two flights; NA said the crews were ill.")
    actors, mentions = extractor.extract(nlp(text))
    ids = {m.mention.text: m.actor_id for m in mentions}
    assert ids.get("Alexandria Police") == "alexandria-police" and ids.get("AP") == "associated-press", ids
    assert ids.get("NA") == ids.get("Northwind Airways") == "northwind-airways", ids


def test_a_level_of_government_before_a_title_is_part_of_the_title(nlp, extractor) -> None:
    text = "State Rep. Tom Becker voted against the measure."
    assert labels(nlp, text).get("State") == "ORG"  # the premise
    assert kinds(nlp, extractor, text) == {"Tom Becker": "person"}
    assert "FBI" in kinds(nlp, extractor, "FBI Director Anna Kowal said the inquiry would go on.")


@pytest.mark.parametrize("text, person", [
    ("Megan Tolliver, 17, of Tipton, placed second.", "Megan Tolliver"),
    ("The wrestler beat Brad Tolliver, who had won twice.", "Brad Tolliver"),
    ("Brett Hartmann and Kurt Hartmann ran the bakery for years.", "Brett Hartmann"),
])
def test_a_person_the_model_tags_as_a_body_is_a_person_where_the_article_says_so(nlp, extractor, text: str,
                                                                                   person: str) -> None:
    assert labels(nlp, text).get(person) == "ORG"  # the premise
    assert kinds(nlp, extractor, text).get(person) == "person"


def test_a_firm_of_two_plain_words_stays_a_firm(nlp, extractor) -> None:
    found = kinds(nlp, extractor, "Taco Bell, Whole Foods and Landmark Bank opened branches downtown.")
    assert {found.get(n) for n in ("Taco Bell", "Whole Foods", "Landmark Bank")} == {"organisation"}, found


@pytest.mark.parametrize("text, named", [
    ("IS fighters attacked a checkpoint near the border on Monday.", True),
    ("IS claimed responsibility for the bombing in a statement.", True),
    ("The attack was the third this month, and IS has threatened more.", True),
    ("The area was seized by IS in 2014.", True),
    ("He was instructed by an unknown IS member, prosecutors said.", True),
    ("Eleven soldiers were killed in IS attacks near the town.", True),
    ("What IS clear is that the mayor lied.", False),
    ("This IS a problem, he said.", False),
    ("THE CITY IS READY FOR THE STORM", False),
    ("The town is calm again.", False),
])
def test_is_names_the_islamic_state_only_where_it_is_a_name(nlp, extractor, text: str, named: bool) -> None:
    actors, mentions = extractor.extract(nlp(text))
    assert ("islamic-state" in {a.id for a in actors}) is named, actors
    assert all("IS" not in a.aliases for a in actors)  # a word's spelling is no name of the actor elsewhere


@pytest.mark.parametrize("text, label, body", [
    ("Marla Dunn Elementary will close in June.", "PERSON", "Marla Dunn Elementary"),
    ("Tom Hardy Elementary will close in June.", "PERSON", "Tom Hardy Elementary"),
])
def test_a_school_or_a_firm_named_after_a_person_is_a_body(nlp, extractor, text: str, label: str, body: str) -> None:
    assert labels(nlp, text).get(body) == label  # the premise
    assert kinds(nlp, extractor, text).get(body) == "organisation"


def test_a_police_department_tagged_as_a_person_is_police(nlp, extractor) -> None:
    text = ("Officers from the Dover Police Department and the Sam Rayburn State University Police Department "
            "responded quickly to the call.")
    assert labels(nlp, text).get("the Sam Rayburn State University Police Department") == "PERSON"  # the premise
    assert kinds(nlp, extractor, text).get("Sam Rayburn State University Police Department") == "police"


def test_a_street_named_after_a_person_is_no_actor(nlp, extractor) -> None:
    text = "The parade will turn onto Martin Luther King Parkway at noon."
    assert labels(nlp, text).get("Martin Luther King Parkway") == "PERSON"  # the premise
    assert kinds(nlp, extractor, text) == {}


def test_a_committee_named_for_a_portfolio_is_no_person(nlp, extractor) -> None:
    """"Finance" is a title's word ("Finance Minister"), but "Senate Finance Committee" is a body, not a person
    named Committee."""
    text = "The bill went to the Senate Finance Committee on Monday."
    assert labels(nlp, text).get("the Senate Finance Committee") == "ORG"  # the premise
    assert kinds(nlp, extractor, text) == {"Senate Finance Committee": "government"}


@pytest.mark.parametrize("text, person", [
    ("Treasurer Bill Lockyer said the state would borrow money.", "Bill Lockyer"),
    ("Laurel County Clerk Dean Johnson said the ballots were counted.", "Dean Johnson"),
    ("Cookville Fire Chief Wesley McCollum said the fire started in the kitchen.", "Wesley McCollum"),
])
def test_a_local_office_holder_is_named_without_the_office(nlp, extractor, text: str, person: str) -> None:
    assert person not in labels(nlp, text)  # the premise: the model's span holds the title too
    assert kinds(nlp, extractor, text) == {person: "person"}
