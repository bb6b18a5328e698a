"""Violence at a demonstration is a protest event (ACLED: Battles are fights between organised armed groups):
demonstrators fighting the police are a violent demonstration, tear gas and water cannon on a crowd a protest
with intervention. Sentences written for newsmap; the first two groups fail on the code before the rule."""
from __future__ import annotations

import pytest

from tests.test_readings import at_trigger
from tests.test_roles import role_names


def kinds(analysis, trigger: str) -> list[tuple[str, str | None]]:
    return at_trigger(analysis, trigger, lambda e: (e.type, e.subtype))


@pytest.mark.parametrize("text, trigger", [
    ("Protesters clashed with police in Nairobi on Tuesday.", "clashed"),
    ("Clashes between rioters and police left dozens injured in Dakar.", "Clashes"),
    ("Demonstrators and police fought in the streets of Paris.", "fought"),
])
def test_demonstrators_fighting_the_police_are_a_violent_demonstration(analyse, text: str, trigger: str) -> None:
    assert kinds(analyse(text), trigger) == [("Riots", "Violent demonstration")]


@pytest.mark.parametrize("text, trigger", [
    ("Police fired tear gas at crowds near the parliament in Nairobi.", "fired"),
    ("Security forces fired rubber bullets at protesters in Lima.", "fired"),
    ("Officers fired teargas and stun grenades at the march in Tbilisi.", "fired"),
])
def test_crowd_control_on_a_demonstration_is_a_protest_with_intervention(analyse, text: str, trigger: str) -> None:
    assert kinds(analyse(text), trigger) == [("Protests", "Protest with intervention")]


def test_the_police_and_the_protesters_keep_their_roles(analyse) -> None:
    analysis = analyse("Security forces fired rubber bullets at protesters in Lima.")
    assert "Military Forces (Peru)" in role_names(analysis, "fired", "initiator")
    assert "Civilians (Peru)" in role_names(analysis, "fired", "target")


@pytest.mark.parametrize("text, trigger, kind", [
    ("A gunman fired into the crowd at a concert in Las Vegas.", "fired", "Violence against civilians"),
    ("Rebels clashed with government troops near Goma.", "clashed", "Battles"),
    ("Soldiers fired rockets at the rebel positions near Goma.", "fired", "Explosions/Remote violence"),
])
def test_armed_violence_near_a_crowd_stays_violence(analyse, text: str, trigger: str, kind: str) -> None:
    """A gunman's crowd is no demonstration, and rebels are no demonstrators."""
    assert [k for k, _ in kinds(analyse(text), trigger)] == [kind]


@pytest.mark.parametrize("text, trigger", [
    ("Protesters set fire to the town hall in Kisumu on Thursday.", "set"),
    ("Rioters looted supermarkets in Durban overnight.", "looted"),
    ("Youths threw stones at riot police outside the stadium in Tunis.", "threw"),
    ("Hundreds of demonstrators stormed the electoral commission's offices in Kinshasa.", "stormed"),
])
def test_a_crowds_riot_acts_are_a_violent_demonstration(analyse, text: str, trigger: str) -> None:
    """ACLED's Riots: property destruction, looting and stone-throwing by a crowd (sentences written for newsmap)."""
    found = [e for e in analyse(text).events if e.trigger.text == trigger]
    assert [(e.type, e.subtype) for e in found] == [("Riots", "Violent demonstration")]


@pytest.mark.parametrize("text", [
    "The council set a deadline of Friday for the new budget.",
    "Workers burned rubbish in the yard behind the factory in Leeds.",
    "The bowler threw the ball at the stumps.",
])
def test_burning_setting_and_throwing_by_others_are_no_riot(analyse, text: str) -> None:
    assert [e for e in analyse(text).events if e.type == "Riots"] == []


@pytest.mark.parametrize("text, trigger", [
    ("Opposition supporters took to the streets of Caracas on Saturday to reject the election result.", "took"),
    ("Protesters gathered outside the Israeli embassy in Amman on Friday.", "gathered"),
    ("Hundreds assembled in the main square of Tbilisi on Sunday to denounce the new law.", "assembled"),
])
def test_a_protest_told_without_a_protest_word_is_a_protest(analyse, text: str, trigger: str) -> None:
    """Session 14 (events6), own sentences: the idiom and a crowd of demonstrators (or one gathered to protest)."""
    assert kinds(analyse(text), trigger) == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize("text", [
    "Mourners gathered at the cemetery in Srinagar on Sunday.",
    "Thousands gathered in Lima to celebrate the victory of the national team.",
    "The minister took to the stage in Geneva to present the report.",
])
def test_other_gatherings_are_no_protest(analyse, text: str) -> None:
    assert [e for e in analyse(text).events if e.type == "Protests"] == []
