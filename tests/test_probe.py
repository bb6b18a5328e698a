"""Events on news nobody tuned for: the probe set (tests/data/events_probe.json, written for newsmap from general
knowledge) scored against floors, and one test per kind of error the probe set showed (issue 14: "a trigger needs
a real event reading"; "event places taken from a participant's description rather than the scene")."""
from __future__ import annotations

import pytest

from geo.records import Analysis, Event
from tests import probe_score

#: The probe figures when these floors were set (docs/accuracy.md, "Session 17 end": the 400 passages of session 16,
#: evplace9's 36 on places and roles and events9's 53 on statements, attribution and non-events, 489 in all, after
#: both branches' rules): a change that loses on news written apart from any corpus fails here.
FLOORS = {"precision": 0.945, "recall": 0.94, "f1": 0.942, "place_acc": 0.978, "initiator_acc": 0.846,
          "target_acc": 0.836}


def real(analysis: Analysis) -> list[Event]:
    """The events the dashboard shows: not hypothetical."""
    return [e for e in analysis.events if not e.hypothetical]


def triggers(analyse, text: str) -> list[str]:
    return [e.trigger.text for e in real(analyse(text))]


def event(analysis: Analysis, trigger: str) -> Event:
    found = [e for e in real(analysis) if e.trigger.text == trigger]
    assert found, f"no {trigger!r} in {[e.trigger.text for e in analysis.events]}"
    return found[0]


def place_names(analysis: Analysis, e: Event) -> set[str]:
    names = {pm.place.id: pm.place.name for pm in analysis.places if pm.place is not None}
    return {names.get(p, p) for p in e.place_ids}


def test_probe_set_scores_at_least_its_floors(analyse) -> None:
    figures = probe_score.score(analyse).figures()
    assert {k: v for k, v in figures.items() if v < FLOORS[k]} == {}, figures


@pytest.mark.parametrize("text, absent", [
    ("The senator described the ruling as an attack on democracy.", "attack"),
    ("Health officials are battling an outbreak of measles in Samoa that has killed 70 people.", "killed"),
    ("The storm killed four people in Florida on Monday.", "killed"),
    # metaphors of politics and sport (session 10, unseen news)
    ("The senator's amendment killed the bill in committee on Tuesday.", "killed"),
    ("The governor attacked the budget proposal in a radio interview in Albany.", "attacked"),
    ("The coach made two substitutions at half-time to sharpen his side's attack.", "attack"),
])
def test_abstract_targets_natural_causes_and_metaphors_are_no_violence(analyse, text: str, absent: str) -> None:
    assert absent not in triggers(analyse, text)


def test_a_killer_still_kills(analyse) -> None:
    assert "killed" in triggers(analyse, "Gunmen killed four people in Kano on Monday.")


@pytest.mark.parametrize("text, absent", [
    ("The budget committee meets every Tuesday to review spending plans.", "meets"),
    ("Police officers in the city routinely arrest street vendors who lack permits.", "arrest"),
])
def test_a_habit_is_no_occurrence(analyse, text: str, absent: str) -> None:
    assert absent not in triggers(analyse, text)


def test_a_present_tense_headline_still_reports(analyse) -> None:
    assert "kills" in triggers(analyse, "Roadside bomb kills two soldiers in Kandahar")


@pytest.mark.parametrize("text", [
    "The striker fired a shot into the top corner in the 89th minute to give Liverpool a 2-1 win over Arsenal.",
    "Barcelona's attack was blunted by a disciplined Atletico defence, and the match ended goalless.",
])
def test_play_in_a_match_is_no_violence(analyse, text: str) -> None:
    assert triggers(analyse, text) == []


def test_opening_fire_is_an_attack_with_its_roles(analyse) -> None:
    a = analyse("Security forces opened fire on demonstrators in Khartoum on Thursday.")
    e = event(a, "opened")
    # one side's fire on people who are no armed group: violence against civilians (ACLED), not a battle
    assert e.type == "Violence against civilians" and "Khartoum" in place_names(a, e)
    assert {r for r, _ in e.actor_roles} == {"initiator", "target"}


@pytest.mark.parametrize("text, trigger, subtype", [
    ("A refugee was stabbed to death in a park in Hamburg on Friday.", "stabbed", "Attack"),
    ("Gunmen kidnapped 12 students from a school in Kaduna on Thursday.", "kidnapped", "Abduction/forced disappearance"),
    ("Armed men abducted an Italian aid worker in western Kenya.", "abducted", "Abduction/forced disappearance"),
])
def test_stabbings_and_abductions_are_violence_against_civilians(analyse, text: str, trigger: str,
                                                                 subtype: str) -> None:
    e = event(analyse(text), trigger)
    assert (e.type, e.subtype) == ("Violence against civilians", subtype)


def test_claiming_a_bombing_is_a_statement(analyse) -> None:
    """Claiming an attack is claiming responsibility for it, whoever the claimant (here no named party)."""
    a = analyse("Militants claimed the bombing of a bus in Jerusalem on Sunday.")
    assert event(a, "claimed").type == "Statement/Threat"


def test_aircraft_and_weapons_that_hit_attack(analyse) -> None:
    assert event(analyse("Coalition aircraft hit a wedding party in Hajjah, Yemen, on Monday."), "hit").type \
        == "Explosions/Remote violence"
    assert triggers(analyse, "The ball hit the post in the last minute.") == []


@pytest.mark.parametrize("text, absent", [
    ("Suicide bombings are rare in the capital.", "bombings"),
    ("Experts say the strategy of drone strikes has done little to weaken the group.", "strikes"),
])
def test_what_such_acts_are_like_is_no_occurrence(analyse, text: str, absent: str) -> None:
    assert absent not in triggers(analyse, text)


@pytest.mark.parametrize("text, trigger", [
    ("Security was tightened across Paris amid warnings of a terrorist attack during the Olympic Games.", "attack"),
    ("Police in Stockholm said they had foiled a plot to bomb a shopping centre.", "bomb"),
    ("The new law has sparked a debate over the right to protest in Britain.", "protest"),
])
def test_warned_foiled_and_allowed_acts_are_only_possible(analyse, text: str, trigger: str) -> None:
    assert trigger not in triggers(analyse, text)


def test_a_noun_triggers_relative_clause_is_its_scene_not_its_claimants_description(analyse) -> None:
    a = analyse("Militants active in Syria and Iraq claimed a bombing that killed nine people at a bus station in "
                "Ankara on Sunday.")
    names = place_names(a, event(a, "bombing"))
    assert any("Ankara" in n for n in names) and not names & {"Syria", "Iraq"}


@pytest.mark.parametrize("text, scene, elsewhere", [
    ("A refugee from Afghanistan was stabbed to death in a park in Hamburg on Friday.", "Hamburg", "Afghanistan"),
    ("Envoys from Iran met in Geneva on Tuesday to discuss the war.", "Geneva", "Iran"),
    # session 14 (events6): whose ministers they are says no scene when the clause names one
    ("The foreign ministers of India and Pakistan met in New York on Friday.", "New York", "Pakistan"),
])
def test_where_a_participant_comes_from_is_not_the_events_place(analyse, text: str, scene: str,
                                                               elsewhere: str) -> None:
    a = analyse(text)
    e = next(e for e in real(a) if e.trigger.text in ("stabbed", "met"))
    names = place_names(a, e)
    assert any(scene in n for n in names) and not any(elsewhere in n for n in names)


@pytest.mark.parametrize("text, scene, elsewhere", [
    ("KABUL - Taliban officials held a meeting with Pakistani envoys on Sunday. The meeting included delegates "
     "living in Peshawar and traders based in Quetta, the foreign ministry said.", "Kabul", "Peshawar"),
    ("Oil ministers met in Vienna on Thursday. The talks also involved officials stationed in Riyadh.", "Vienna",
     "Riyadh"),
])
def test_where_a_participant_lives_or_works_is_not_the_events_place(analyse, text: str, scene: str,
                                                                    elsewhere: str) -> None:
    """The second sentence's meeting is the first's, in its place: "living in", "based in", "stationed in" say
    where the participants are (the seeds' "meetings ... involved individuals active in conflict zones such as
    Syria and Iraq" had put Qaani's meetings in Syria)."""
    a = analyse(text)
    second = [e for e in real(a) if e.type == "Meeting/Consultation"][-1]
    names = place_names(a, second)
    assert any(scene in n for n in names) and not any(elsewhere in n for n in names)
    assert second.occurrence == real(a)[0].occurrence


def test_rockets_from_a_place_keep_their_origin(analyse) -> None:
    a = analyse("Rockets from Gaza struck the Israeli city of Ashkelon on Monday.")
    assert "Gaza Strip" in place_names(a, event(a, "struck")) or any(
        "Gaza" in n for n in place_names(a, event(a, "struck")))


@pytest.mark.parametrize("text, lands, attacker", [
    ("Israel launched air strikes on Gaza on Saturday.", "Gaza", "Israel"),
    ("Russia struck Kharkiv with glide bombs overnight.", "Kharkiv", "Russia"),
])
def test_an_attacker_named_by_its_country_is_no_place_where_the_fire_lands(analyse, text: str, lands: str,
                                                                         attacker: str) -> None:
    """Session 14 (events6): the strike sits where it lands; the attacker's country was its "origin" place too."""
    a = analyse(text)
    names = place_names(a, real(a)[0])
    assert any(lands in n for n in names) and not any(attacker in n for n in names)


def test_a_phrase_pointing_back_at_an_attack_told_before_is_no_new_mention(analyse) -> None:
    """Chosen on half B of WikiEvents dev (docs/accuracy.md, session 8): the sentence reports the arrest; the
    attack it is connected with was reported before."""
    text = ("Three gunmen attacked a concert hall in London on Saturday, killing seven people. On Sunday police "
            "arrested 12 people in connection with Saturday's attack.")
    found = triggers(analyse, text)
    assert found.count("attack") == 0 and "attacked" in found and "arrested" in found
    first = "On Sunday police arrested 12 people in London in connection with Saturday's attack."
    assert "attack" in triggers(analyse, first)  # nothing told before: the mention reports the attack


def test_an_advisory_warning_is_no_threat(analyse) -> None:
    """Chosen on half A of WikiEvents dev (docs/accuracy.md, session 8)."""
    text = "The State Department issued a travel warning for Venezuela on Monday."
    assert [e for e in real(analyse(text)) if e.type == "Statement/Threat"] == []
    text = "The army issued a warning to residents of Rafah on Monday."
    assert [e.trigger.text for e in real(analyse(text)) if e.type == "Statement/Threat"] == ["warning"]


def test_a_states_police_is_its_police_not_its_army(analyse) -> None:
    a = analyse("Turkish police detained 32 people in Istanbul on Thursday.")
    assert ("initiator", "turkey-police") in event(a, "detained").actor_roles
    police = next(x for x in a.actors if x.id == "turkey-police")
    assert (police.kind, police.affiliations) == ("police", ("turkey",))
    a = analyse("Turkish troops attacked a village near Afrin on Thursday.")
    assert ("initiator", "turkey-military") in event(a, "attacked").actor_roles


@pytest.mark.parametrize("text, absent", [
    ("A cyclist was treated for non-life threatening injuries in Darwin on Monday.", "threatening"),
    ("Lawyers for a condemned inmate in Huntsville asked for a review on Tuesday.", "condemned"),
    ("Rising seas are particularly threatening to low-lying atolls such as Tuvalu.", "threatening"),
    ("Guards led the frightened and condemned prisoner to his cell in Huntsville.", "condemned"),
])
def test_a_participle_used_as_an_adjective_is_no_act(analyse, text: str, absent: str) -> None:
    assert absent not in [e.trigger.text for e in real(analyse(text))]


def test_a_participle_that_acts_is_still_an_event(analyse) -> None:
    a = analyse("Militants threatening the town of Goma attacked an army post on Sunday.")
    assert "attacked" in [e.trigger.text for e in real(a)]


@pytest.mark.parametrize("text, kept", [
    ("The Met Office warned of fog across London on Saturday evening.", False),
    ("Forecasters warned that a storm moving in from Nebraska could bring floods to Fargo.", False),
    ("Hamas warned Israel against any raid on Rafah.", True),
])
def test_warning_the_public_of_the_weather_is_advice(analyse, text: str, kept: bool) -> None:
    assert ("warned" in triggers(analyse, text)) is kept


def test_an_event_noun_the_parser_takes_for_a_modifier_stays_an_event(analyse) -> None:
    """The parse makes "shelling" a modifier of "runs"; the lexicon lists it as an event noun, which names an act."""
    text = "Residents of Aleppo reported the resumption of shelling and brutal bombing runs on Wednesday."
    assert "shelling" in triggers(analyse, text)
