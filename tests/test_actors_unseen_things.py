"""More wrong actors found reading the actor listings of news nobody tuned the actors for, each fixed by a general
rule, in sentences written for newsmap: things that no one is (laws, prizes, contests, wild lands), people the model
tags as bodies where the article lists them with people, a titled person whose surname is a park's word, and bodies
named by their kind alone ("City Council"), which every town has, across articles.
"""
from __future__ import annotations

import pytest

from geo.actors.extraction import ActorExtractor
from geo.actors.catalog import load_catalog, load_countries
from geo.ingest.articles import read_bytes
from geo.ingest.pipeline import Analyser, make_pipeline
from geo.places.localities import LocalityStage
from geo.records import Article
from geo.settings import load_settings
from geo.store import Store
from tests.test_titled_names import extractor, read  # noqa: F401  (a fixture and a reader shared with these tests)


@pytest.mark.parametrize("text, thing", [
    ("Congress passed the Rural Broadband Expansion Act in March.", "Rural Broadband Expansion Act"),
    ("Voters backed the Family Values Protection Amendment in 2004.", "Family Values Protection Amendment"),
    ("The skater won the Lionel Harte Award as Canada's top athlete.", "Lionel Harte Award"),
    ("Winners of the Ashford Business Awards were named on Friday.", "Ashford Business Awards"),
    ("The team lost the Northern Shield Cup final in Leeds on Sunday.", "Northern Shield Cup"),
    ("Hikers were rescued from the Granite Ridge Wilderness on Saturday.", "Granite Ridge Wilderness"),
    ("The fire spread into the Bluestone National Forest overnight.", "Bluestone National Forest"),
])
def test_a_law_a_prize_a_contest_or_a_wild_land_is_no_actor(nlp, extractor, text: str, thing: str) -> None:
    assert thing not in read(nlp, extractor, text)[0]


def test_a_forest_that_is_no_national_or_state_forest_may_be_a_club(nlp, extractor) -> None:
    from geo.actors.things import names_a_thing

    doc = nlp("Nottingham Forest signed a new striker on Friday.")
    assert not names_a_thing(doc[0:2])


@pytest.mark.parametrize("text, person", [
    ("Helpers included Colby Reyes, Mrs. Ada Finch, Kelsey Varnum and Jordan Pike.", "Colby Reyes"),
    ("Mrs. Quill is survived by her mother, Prudence Hale, formerly of Macon.", "Prudence Hale"),
])
def test_a_name_listed_with_people_is_a_person(nlp, extractor, text: str, person: str) -> None:
    assert read(nlp, extractor, text)[0].get(person) == "person"


def test_a_plural_name_listed_with_a_person_stays_a_body(nlp, extractor) -> None:
    """"Jody Nix and the Texas Cowboys": a singer and a band."""
    assert read(nlp, extractor, "The dance features Lyle Brandt and The Prairie Drifters on Friday.")[0].get(
        "Prairie Drifters") != "person"


@pytest.fixture(scope="module")
def analyser(geoparser) -> Analyser:
    """Geoparser, localities and actors: the localities stage must not take a titled person for a park."""
    return Analyser(nlp=geoparser.nlp, places=geoparser, localities=LocalityStage(),
                    actors=ActorExtractor(load_catalog(), countries=load_countries()))


@pytest.mark.parametrize("text, person", [
    ("The council voted 5-2 after Mayor Linda Park spoke in Dayton on Tuesday.", "Linda Park"),
    ("Councilwoman Grace Hall said the vote in Dayton was close.", "Grace Hall"),
])
def test_a_titled_person_whose_surname_is_a_park_is_the_person(analyser, text: str, person: str) -> None:
    analysis = analyser.analyse(Article(id="t", text=text))
    assert person in {a.name for a in analysis.actors if a.kind == "person"}
    assert not [pm for pm in analysis.places if person in pm.mention.text]


def test_a_park_or_street_named_with_a_title_stays_a_place(analyser) -> None:
    analysis = analyser.analyse(Article(id="t", text="Crews in Dayton will repave Queen Street and Commissioner "
                                                     "Street and clean Lincoln Park."))
    assert {"Queen Street", "Commissioner Street", "Lincoln Park"} <= {pm.mention.text for pm in analysis.places}


def test_bodies_named_by_their_kind_alone_link_across_ingests_only_in_one_place(store: Store) -> None:
    """Two ingests: the second linker reads the stored article's places from the store (SQLite and PostgreSQL)."""
    texts = ("The School Board in Tulsa, Oklahoma, approved a later start for high schools on Monday.",
             "The School Board in Halifax, Nova Scotia, cut the bus budget on Tuesday.",
             "In Tulsa, Oklahoma, the School Board heard parents on Thursday.")
    for i, text in enumerate(texts):
        make_pipeline(load_settings(), store).ingest(read_bytes(text.encode(), f"{i}.txt"))
    export = store.export()
    order = {a["id"]: i for a in export["articles"] for i, text in enumerate(texts) if a["text"].strip() == text}
    boards = sorted(sorted({order[m["article_id"]] for m in a["mentions"]})
                    for a in export["actors"] if a["name"] == "School Board")
    assert boards == [[0, 2], [1]]
