"""geo.events.scene: an event whose sentence names no place is put where the article's action happens."""
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
from tests.seeds_score import analyse_seeds

BEIRUT, GAZA, MIDDLE_EAST = "gn:276781", "region:gaza-strip", "region:middle-east"
ODESA_OBLAST, KYIV, ATHENS_GA = "adm:698738", "gn:703448", "gn:4180386"


@pytest.fixture(scope="module")
def seeds(geoparser):
    return {run.name[:3]: run for run in analyse_seeds(geoparser, grouping=True)}


@pytest.fixture(scope="module")
def analyser(geoparser) -> Analyser:
    return Analyser(nlp=geoparser.nlp, places=geoparser, localities=LocalityStage(),
                    actors=ActorExtractor(load_catalog(), countries=load_countries()), events=EventExtractor(),
                    grouping=EventGrouper())


def test_the_beirut_meetings_mentions_sit_in_beirut_not_the_gaza_strip(seeds) -> None:
    run = seeds["002"]
    meetings = [e for e in run.events if e.type == "Meeting/Consultation"]
    assert [e.trigger.text for e in meetings] == ["discussion", "meeting", "talks", "meeting", "discussions"]
    assert ("location", BEIRUT) in meetings[0].place_roles
    for e in meetings[1:]:  # "This meeting", "The talks", "During their meeting", "Sources close to the discussions"
        assert e.place_roles == ((CONTEXT_ROLE, BEIRUT),), e.sentence


def test_the_middle_east_is_never_where_an_event_is(seeds, analyser) -> None:
    for run in seeds.values():
        assert not any(p == MIDDLE_EAST for e in run.events for _, p in e.place_roles)
    text = ("Clashes broke out in the Middle East on Monday. Gunmen attacked a checkpoint in Kirkuk. "
            "The attack killed two soldiers.")
    events = analyser.analyse(Article(id="t", text=text, published=dt.date(2024, 5, 2))).events
    assert events and not any(p == MIDDLE_EAST for e in events for _, p in e.place_roles)
    kirkuk = [p for e in events for r, p in e.place_roles if r == "location"]
    assert all(p == kirkuk[0] for e in events for _, p in e.place_roles if not p.startswith("local:"))


def test_the_dateline_is_where_the_report_was_filed_not_where_the_event_was(analyser) -> None:
    """The parser reads "KYIV, Ukraine (AP) -" into the first sentence's clause; the strike was in the Odesa
    region (the oblast, named after its city). A sentence that names no place still takes the dateline's city, as the
    article's scene."""
    text = ("KYIV, Ukraine (AP) - Russian drones struck an energy facility in the Odesa region overnight, cutting "
            "power to thousands of homes.")
    events = analyser.analyse(Article(id="d", text=text, published=dt.date(2024, 5, 2))).events
    strike = next(e for e in events if e.trigger.text == "struck")
    assert {p for _, p in strike.place_roles} == {ODESA_OBLAST}, strike.place_roles  # not Kyiv, not Ukraine
    filed = analyser.analyse(Article(id="e", text="KYIV (Reuters) - An explosion rocked the station on Tuesday, "
                                     "police said.", published=dt.date(2024, 5, 2))).events
    assert filed and all(KYIV in p for e in filed for _, p in e.place_roles), [e.place_roles for e in filed]


def test_a_dateline_puts_a_site_in_its_city_not_its_state(analyser) -> None:
    """"ATHENS, Ga. -": the bar is in Athens; Georgia, nearer to it in the text, only says which Athens."""
    text = "ATHENS, Ga. - A gunman opened fire at a bar late on Saturday, wounding three people, police said."
    events = analyser.analyse(Article(id="g", text=text, published=dt.date(2024, 5, 2))).events
    fire = next(e for e in events if e.trigger.text == "opened")
    assert fire.place_roles and all(p.startswith(f"local:{ATHENS_GA}:") for _, p in fire.place_roles), \
        fire.place_roles


def _place_names(analysis, event) -> set[str]:
    names = {pm.place.id: pm.place.name for pm in analysis.places if pm.place is not None}
    return {names.get(p, p) for _, p in event.place_roles}


@pytest.mark.parametrize("text, trigger, place", [
    ("Rioters torched cars and looted shops in the Paris suburb of Nanterre after police shot a teenager.",
     "torched", "Nanterre"),
    ("A gunman opened fire in the Chicago suburb of Highland Park during a parade.", "opened", "Highland Park"),
])
def test_a_city_that_only_says_where_a_suburb_is_is_not_the_events(analyser, text, trigger, place) -> None:
    analysis = analyser.analyse(Article(id="s", text=text))
    names = {pm.place.id: pm.place.name for pm in analysis.places if pm.place}
    event = next(e for e in analysis.events if e.trigger.text == trigger)
    assert [names[p] for _, p in event.place_roles] == [place], event.place_roles


def test_a_place_in_another_participants_clause_is_not_the_events(analyser) -> None:
    """The condemnation names no place of its own; Florida is where the president's holiday is, in a clause with
    its own subject. The statement takes the article's scene (Kabul), not the nearest place of the sentence."""
    text = ("Gunmen attacked a bus in Kabul on Monday. The State Department condemned the attack, saying the "
            "violence was unacceptable, while the president was on holiday in Florida.")
    analysis = analyser.analyse(Article(id="f", text=text, published=dt.date(2024, 5, 2)))
    condemned = next(e for e in analysis.events if e.trigger.text == "condemned")
    assert _place_names(analysis, condemned) == {"Kabul"}, condemned.place_roles
    assert condemned.place_roles[0][0] == CONTEXT_ROLE


def test_a_clause_sharing_the_events_doer_still_places_it(analyser) -> None:
    """"killing five people near Kirkuk" has no subject of its own: the storming is near Kirkuk too."""
    text = "Troops stormed the village on Friday, killing five people near Kirkuk."
    analysis = analyser.analyse(Article(id="k", text=text, published=dt.date(2024, 5, 2)))
    stormed = next(e for e in analysis.events if e.trigger.text == "stormed")
    kirkuk = next(pm.place.id for pm in analysis.places if pm.place and pm.mention.text == "Kirkuk")
    assert ("location", kirkuk) in stormed.place_roles, stormed.place_roles


def test_a_statement_told_as_the_complement_of_another_clause_does_not_take_its_place(analyser) -> None:
    """Run together, the condemnation is parsed as the complement of "was told", whose own subject is the
    president: his holiday's Florida is not where the State Department condemned the attack."""
    text = ("Gunmen attacked a bus in Kabul on Monday. The State Department condemned the attack, the president "
            "was told while on holiday in Florida.")
    analysis = analyser.analyse(Article(id="r", text=text, published=dt.date(2024, 5, 2)))
    condemned = next(e for e in analysis.events if e.trigger.text == "condemned")
    assert _place_names(analysis, condemned) == {"Kabul"}, condemned.place_roles


def test_a_place_under_the_verb_a_noun_trigger_is_the_subject_of_is_its_own(analyser) -> None:
    """"said a meeting was under way in Lagos": Lagos is the meeting's place, under its own "was", though the
    statement that governs both is an event of another family; the flocks' Kano is in another clause."""
    text = ("Bird flu was found in Kano. Nigerian Health Minister Ali Pate also said a high-level meeting was under "
            "way in Lagos to assess the situation and to decide how to cull the flocks in Kano and Kaduna.")
    analysis = analyser.analyse(Article(id="l", text=text, published=dt.date(2024, 5, 2)))
    meeting = next(e for e in analysis.events if e.trigger.text == "meeting")
    assert _place_names(analysis, meeting) == {"Lagos"}, meeting.place_roles


def test_a_clause_whose_subject_carries_on_with_a_participant_still_places_the_event(analyser) -> None:
    """"stabbing her as she worked in a shop on Baker Street": "she" is the victim; her shop is the scene."""
    text = ("Police say a man attacked a guard with a knife on Friday, repeatedly stabbing her as she worked in a "
            "shop on Baker Street in London.")
    analysis = analyser.analyse(Article(id="b", text=text, published=dt.date(2024, 5, 2)))
    attacked = next(e for e in analysis.events if e.trigger.text == "attacked")
    assert attacked.place_roles and attacked.place_roles[0][0] == "location", attacked.place_roles
    assert any("Baker Street" in name for name in _place_names(analysis, attacked)), attacked.place_roles


def test_a_place_in_the_phrase_of_a_governing_trigger_of_another_family_is_that_events(analyser) -> None:
    """"A Fulton County man is arrested after a Cobb County shooting": Fulton County describes the man arrested;
    the arrest governs the shooting's phrase but is an event of its own, so its places are not the shooting's."""
    text = "A Fulton County man is arrested after a Cobb County shooting."
    analysis = analyser.analyse(Article(id="c", text=text, published=dt.date(2024, 5, 2)))
    shooting = next(e for e in analysis.events if e.trigger.text == "shooting")
    assert _place_names(analysis, shooting) == {"Cobb County"}, shooting.place_roles


def test_a_site_in_a_sentence_that_names_no_place_is_at_the_scene_not_the_most_named_place(analyser) -> None:
    """The report names Lagos most (a meeting there), but its attacks are in Kano: the bus station of a sentence
    that names no place is Kano's (session 16), as the events whose sentences name no place are."""
    text = ("Governors met in Lagos on Monday. Lagos officials said Lagos would send aid. Gunmen attacked a police "
            "station in Kano on Sunday. Troops clashed with the gunmen near Kano later. A bomb also exploded at a bus "
            "station, police said.")
    analysis = analyser.analyse(Article(id="n", text=text, published=dt.date(2025, 3, 10)))
    exploded = next(e for e in analysis.events if e.trigger.text == "exploded")
    assert _place_names(analysis, exploded) == {"the station, Kano"}, exploded.place_roles


@pytest.mark.parametrize("text, trigger, expected", [
    ("Protesters gathered outside the Turkish embassy in Lima on Friday.", "gathered", "the Turkish embassy, Lima"),
    ("A grenade exploded near the Dutch consulate in Oran.", "exploded", "the Dutch consulate, Oran"),
    ("A grenade exploded near the consulate in Oran.", "exploded", "the consulate, Oran"),
])
def test_a_site_a_nationality_owns_keeps_its_owner(analyser, text, trigger, expected) -> None:
    """A city holds many embassies: the owner is part of which site it is, on the map and in its id."""
    analysis = analyser.analyse(Article(id="n", text=text, published=dt.date(2025, 3, 10)))
    event = next(e for e in analysis.events if e.trigger.text == trigger)
    assert expected in _place_names(analysis, event), event.place_roles
