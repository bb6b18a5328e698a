"""Officials named by office and country, with no name (geo.actors.offices): the state's government or military
acts through them. Each sentence is written for newsmap; each test fails on the code before its rule."""
from __future__ import annotations

import pytest

from tests.test_probe import event


def roles(analysis, trigger: str) -> set[tuple[str, str]]:
    return set(event(analysis, trigger).actor_roles)


@pytest.mark.parametrize("text, trigger, expected", [
    ("The Peruvian president met the Chilean president in Arica on Friday to sign a water treaty.", "met",
     {("initiator", "peru-government"), ("target", "chile-government")}),
    ("Norway's foreign minister held talks with her Danish counterpart in Oslo on Tuesday.", "talks",
     {("initiator", "norway-government"), ("target", "denmark-government")}),
    ("The Vietnamese premier arrived in Seoul on Sunday, where he met his Korean counterpart.", "met",
     {("initiator", "vietnam-government"), ("target", "south-korea-government")}),
])
def test_officials_by_office_and_country_meet_for_their_governments(analyse, text, trigger, expected) -> None:
    assert expected <= roles(analyse(text), trigger)


def test_a_general_by_rank_and_country_is_the_countrys_military(analyse) -> None:
    a = analyse("A Georgian general was killed by a roadside bomb near Gori on Saturday.")
    assert ("target", "georgia-military") in roles(a, "killed")


@pytest.mark.parametrize("text", [
    "Former Peruvian president Alan Ruiz met the Chilean president in Lima on Monday.",
    "The former Peruvian president met the Chilean president in Lima on Monday.",
    "A Peruvian opposition leader met the Chilean president in Lima on Monday.",
])
def test_named_former_and_opposition_officials_are_no_government(analyse, text) -> None:
    found = roles(analyse(text), "met")
    assert ("target", "chile-government") in found and "peru-government" not in {x for _, x in found}


@pytest.mark.parametrize("text, trigger, expected", [
    ("The Omani sultan met the Iranian foreign minister in Muscat on Sunday.", "met",
     {("initiator", "oman-government"), ("target", "iran-government")}),
    ("The president of Namibia met Angolan ministers in Windhoek on Friday.", "met",
     {("initiator", "namibia-government")}),
])
def test_monarchs_and_offices_of_a_country_act_for_its_government(analyse, text, trigger, expected) -> None:
    assert expected <= roles(analyse(text), trigger)


@pytest.mark.parametrize("text, expected", [
    ("Envoys from Qatar, Egypt and Turkey met in Doha on Sunday to discuss aid deliveries.",
     {("initiator", "qatar-government"), ("initiator", "egypt-government"), ("initiator", "turkey-government")}),
    ("Iran's president met the Iraqi prime minister in Tehran on Wednesday.",
     {("initiator", "iran-government"), ("target", "iraq-government")}),
])
def test_offices_from_a_list_of_states_or_a_catalogued_state_act_for_their_governments(analyse, text, expected) -> None:
    assert expected <= roles(analyse(text), "met")
