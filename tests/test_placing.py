"""geo.events.placing: which of a sentence's places are an event's (issue 14: "scene, not backdrop"). Each sentence is
written for newsmap; each test fails on the code before its rule (session 16, branch evplace8)."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.actors.catalog import load_catalog, load_countries
from geo.actors.extraction import ActorExtractor
from geo.events.extraction import EventExtractor
from geo.events.grouping import EventGrouper
from geo.ingest.pipeline import Analyser
from geo.places.localities import LocalityStage
from geo.records import Analysis, Article, Event


@pytest.fixture(scope="module")
def analyser(geoparser) -> Analyser:
    return Analyser(nlp=geoparser.nlp, places=geoparser, localities=LocalityStage(),
                    actors=ActorExtractor(load_catalog(), countries=load_countries()), events=EventExtractor(),
                    grouping=EventGrouper())


def _analyse(analyser: Analyser, text: str) -> Analysis:
    return analyser.analyse(Article(id="p", text=text, published=dt.date(2025, 3, 10)))


def _event(analysis: Analysis, trigger: str) -> Event:
    return next(e for e in analysis.events if e.trigger.text == trigger)


def _names(analysis: Analysis, event: Event) -> list[str]:
    names = {pm.place.id: pm.place.name for pm in analysis.places if pm.place is not None}
    return [names.get(p, p) for _, p in event.place_roles]


@pytest.mark.parametrize("text, trigger, scene, attacker", [
    ("Residents of Goma fled as rebels advanced on the city. Rwanda stepped up its drone strikes on Wednesday, "
     "according to UN sources.", "strikes", "Goma", "Rwanda"),
    ("Clashes continued along the Thai-Cambodian border on Tuesday, with Thailand stepping up its air strikes after "
     "a soldier was killed.", "strikes", "border", "Thailand"),
    ("Turkish-backed fighters shelled villages near Manbij on Friday. Turkey also carried out drone strikes, a local "
     "monitor said.", "strikes", "Manbij", "Turkey"),
])
def test_an_attackers_country_is_not_where_its_strikes_land(analyser, text: str, trigger: str, scene: str,
                                                            attacker: str) -> None:
    """A strike whose clause names only its attacker, by its country, is at the sentence's nearest place, else the
    article's scene; the attacker's country was its only place."""
    analysis = _analyse(analyser, text)
    names = _names(analysis, _event(analysis, trigger))
    assert names and all(scene in n for n in names), names
    assert not any(attacker == n for n in names), names


def test_an_attackers_country_is_the_last_resort_of_its_strikes_place(analyser) -> None:
    """With no other place in the sentence nor an article's scene, where the fire came from is still told; with a
    scene, the strikes are there (the Kherson report's shelling, not Russia)."""
    alone = _analyse(analyser, "Israel intensified its strikes on Monday.")
    assert _names(alone, _event(alone, "strikes")) == ["Israel"]
    scene = _analyse(analyser, "Residents of Kherson sheltered in basements on Sunday. Russia stepped up its "
                               "shelling overnight, regional officials said.")
    assert _names(scene, _event(scene, "shelling")) == ["Kherson"]


@pytest.mark.parametrize("text, trigger, scene", [
    ("U.S. Secretary of State Marco Rubio responded to the bombing in Lahore on Tuesday.", "bombing", "Lahore"),
    ("A suicide bomber struck a police academy in Quetta on Monday. U.S. Secretary of State Marco Rubio responded "
     "to the bombing on Tuesday.", "bombing", "Quetta"),
])
def test_who_responds_to_an_attack_does_not_place_it(analyser, text: str, trigger: str, scene: str) -> None:
    """"Responded to the bombing": the responder's description (a U.S. official) is neither the bombing's origin
    nor, when the sentence names no other place, its nearest place. "Retaliated with" strikes performs them, and
    the subject's places stay theirs."""
    analysis = _analyse(analyser, text)
    names = _names(analysis, _event(analysis, trigger))
    assert names and all(scene in n for n in names), names
    performed = _analyse(analyser, "Militants in northern Mali retaliated with a wave of drone strikes on Friday.")
    assert any("Mali" in n for n in _names(performed, _event(performed, "strikes")))


@pytest.mark.parametrize("text, trigger, scene, home", [
    ("A man stabbed four people at a market in Stockholm in April. A citizen of Tajikistan pleaded not guilty on "
     "Friday to charges over the attack.", "attack", "Stockholm", "Tajikistan"),
    ("A native of Eritrea was arrested in Milan on suspicion of running a smuggling ring.", "arrested", "Milan",
     "Eritrea"),
    ("Two nationals of New Zealand were detained in Bali on Monday.", "detained", "Bali", "New Zealand"),
])
def test_where_a_person_is_a_citizen_of_is_not_the_events_place(analyser, text: str, trigger: str, scene: str,
                                                               home: str) -> None:
    analysis = _analyse(analyser, text)
    names = _names(analysis, _event(analysis, trigger))
    assert names and any(scene in n for n in names) and not any(home in n for n in names), names
