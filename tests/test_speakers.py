"""geo.events.speakers: a statement whose sentence names no place is made in its speaker's country when the article's
scene lies in another. Each sentence is written for newsmap; each test fails on the code before the rule (session 16,
branch evplace8)."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.actors.catalog import load_catalog, load_countries
from geo.actors.extraction import ActorExtractor
from geo.events.extraction import EventExtractor
from geo.events.grouping import EventGrouper
from geo.ingest.pipeline import Analyser
from geo.places.localities import LocalityStage
from geo.records import CONTEXT_ROLE, Article


@pytest.fixture(scope="module")
def analyser(geoparser) -> Analyser:
    return Analyser(nlp=geoparser.nlp, places=geoparser, localities=LocalityStage(),
                    actors=ActorExtractor(load_catalog(), countries=load_countries()), events=EventExtractor(),
                    grouping=EventGrouper())


def _placed(analyser: Analyser, text: str, trigger: str) -> list[tuple[str, str]]:
    analysis = analyser.analyse(Article(id="s", text=text, published=dt.date(2025, 3, 10)))
    names = {pm.place.id: pm.place.name for pm in analysis.places if pm.place is not None}
    event = next(e for e in analysis.events if e.trigger.text == trigger)
    return [(r, names.get(p, p)) for r, p in event.place_roles]


@pytest.mark.parametrize("text, trigger, home", [
    ("Talks between the two delegations continued in Nairobi on Monday. Ethiopian Prime Minister Abiy Ahmed's "
     "remarks about the border, made on Sunday, angered Somali officials.", "remarks", "Ethiopia"),
    ("Police in Kampala fired tear gas at protesters on Saturday. Kenyan President William Ruto's statement on "
     "Sunday urged restraint on both sides.", "statement", "Kenya"),
    ("Gunmen stormed a hotel in Mogadishu overnight. Kenya's foreign minister condemned the attack on Saturday.",
     "condemned", "Kenya"),
])
def test_a_foreign_speakers_statement_is_made_at_home_not_at_the_scene(analyser, text: str, trigger: str,
                                                                      home: str) -> None:
    assert _placed(analyser, text, trigger) == [(CONTEXT_ROLE, home)]


def test_a_speaker_at_home_keeps_the_scene_and_the_acts_stay_there(analyser) -> None:
    """Georgian police speak where the protest was; the attack condemned from Nairobi stays in Mogadishu."""
    text = "Hundreds of protesters marched in Tbilisi on Sunday. Georgian police said twelve people were detained."
    assert _placed(analyser, text, "said") == [(CONTEXT_ROLE, "Tbilisi")]
    text = "Gunmen stormed a hotel in Mogadishu overnight. Kenya's foreign minister condemned the attack on Saturday."
    assert _placed(analyser, text, "attack") == [(CONTEXT_ROLE, "Mogadishu")]
    assert _placed(analyser, text, "condemned") == [(CONTEXT_ROLE, "Kenya")]
