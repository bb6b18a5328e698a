"""Wrong, split and lost actors found reading the actor listings of news nobody tuned the actors for (US local news,
world news, outbreak news), each fixed by a general rule, in sentences written for newsmap.

Each wrong actor is a wrong entry in the map's actor filter ("magician Karl Pruitt", "Team Osprey" as a person,
"Tamil" as a person, a bacterium as an organisation); each split or lost actor is an event the filter misses (a
headline's bare surname that is not the person named in full below it).
"""
from __future__ import annotations

import pytest

from geo.actors.catalog import load_catalog, load_countries
from geo.actors.diseases import is_disease
from geo.actors.extraction import ActorExtractor


@pytest.fixture(scope="module")
def extractor():
    return ActorExtractor(load_catalog(), countries=load_countries())


def read(nlp, extractor, text: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Actors by name with their kinds, and each mention's text with its actor's name."""
    actors, mentions = extractor.extract(nlp(text))
    names = {a.id: a.name for a in actors}
    return {a.name: a.kind for a in actors}, [(m.mention.text, names[m.actor_id]) for m in mentions]


def tagged(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


@pytest.mark.parametrize("name, disease", [
    ("TB", True), ("MDR-TB", True), ("XDR-TB", True), ("Creutzfeldt-Jakob", True), ("Filoviridae", True),
    ("Plasmodium", True), ("Staphylococcus", True), ("T. b. gambiense", True), ("E. coli", True), ("H7", True),
    ("Israeli government", False), ("Texas water development board", False), ("Luc de Jong", False),
    ("TB Bank", False), ("Plasmodium Research Institute", False),
])
def test_pathogens_by_their_scientific_names_and_abbreviations(name: str, disease: bool) -> None:
    assert is_disease(name) is disease


def test_pathogens_and_strains_are_no_actors(nlp, extractor) -> None:
    text = ("Doctors found Vibrio cholerae and Staphylococcus aureus in the samples. The lab grew the Sterne strain "
            "in large tanks.")
    labels = tagged(nlp, text)
    assert labels.get("Vibrio cholerae") == "PERSON" and labels.get("Sterne") == "PERSON"  # the premise
    assert read(nlp, extractor, text)[0] == {}
