"""A police search is an arrest's means, not an attack (geo.events.raids). Sentences written for newsmap; the first
test fails on the code before the rule, the second holds before and after (controls)."""
from __future__ import annotations

import pytest

from tests.test_probe import triggers


@pytest.mark.parametrize("text", [
    "Detectives raided a warehouse in Antwerp on Thursday and arrested three men over cocaine smuggling.",
    "Police raided the offices of an opposition newspaper in Harare on Monday.",
    "Anti-terrorism police carried out raids on four homes in Toulouse overnight.",
])
def test_a_police_search_is_no_attack(analyse, text: str) -> None:
    assert not {"raided", "raids", "raid"} & set(triggers(analyse, text))


@pytest.mark.parametrize("text, trigger", [
    ("Bandits raided a village in Katsina state on Saturday, killing nine farmers.", "raided"),
    ("Police raided a slum in Manila on Friday, and six suspects were shot dead in the operation.", "raided"),
    ("Special forces raided an insurgent hideout near Kunduz overnight.", "raided"),
])
def test_a_raid_with_force_or_by_soldiers_stays_an_attack(analyse, text: str, trigger: str) -> None:
    assert trigger in triggers(analyse, text)
