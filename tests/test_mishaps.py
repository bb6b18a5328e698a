"""Explosions of fuel, vessels and works are accidents, no attacks (geo.events.mishaps). Sentences written for
newsmap; the first test fails on the code before the rule, the second holds before and after (controls)."""
from __future__ import annotations

import pytest

from tests.test_probe import triggers


@pytest.mark.parametrize("text", [
    "A gas explosion tore through a block of flats in the Polish city of Katowice on Sunday, killing five residents.",
    "An explosion at a fertiliser plant near Rouen killed three workers on Monday, the prefecture said.",
    "A fuel tanker exploded on the main road out of Lagos on Friday, killing nine motorists.",
    "Four patients died in Bucharest after oxygen cylinders exploded in an intensive care unit.",
    "A boiler blast at a textile mill in Gujarat killed six labourers. The cause of the blast is being investigated.",
])
def test_an_accidental_explosion_is_no_attack(analyse, text: str) -> None:
    assert triggers(analyse, text) == []


@pytest.mark.parametrize("text, trigger", [
    ("A bomb hidden in a gas cylinder exploded at a bus stop in Quetta on Monday, killing four people.", "exploded"),
    ("Insurgents blew up a gas pipeline in Deir ez-Zor province on Tuesday.", "blew"),
    ("A car bomb exploded outside a fuel depot in Benghazi, killing three guards.", "exploded"),
    ("A roadside bomb exploded near an army patrol in Mosul. The blast killed two soldiers.", "killed"),
])
def test_an_explosion_with_a_weapon_stays_an_attack(analyse, text: str, trigger: str) -> None:
    assert trigger in triggers(analyse, text)
