"""The sides of a fight told as one coordinated subject, and the aim a "targeting" participle gives an attack
(geo.events.sides). Each sentence is written for newsmap; each test fails on the code before its rule."""
from __future__ import annotations

import pytest

from tests.test_probe import event


def roles(analysis, trigger: str) -> set[tuple[str, str]]:
    return set(event(analysis, trigger).actor_roles)


@pytest.mark.parametrize("text, first, second", [
    ("Government troops and Tuareg rebels clashed near Kidal on Sunday.", "military-forces-mali",
     "unidentified-armed-group-mali"),
    ("The Taliban and the Islamic State clashed in Kunar on Monday.", "taliban", "islamic-state"),
])
def test_the_second_side_of_a_coordinated_fight_is_its_target(analyse, text, first, second) -> None:
    found = roles(analyse(text), "clashed")
    assert {("initiator", first), ("target", second)} <= found and ("initiator", second) not in found


def test_what_an_attack_is_targeting_is_its_target(analyse) -> None:
    a = analyse("Rebels launched rockets at Goma on Monday, targeting a police station near the airport.")
    assert any(r == "target" and "police" in x for r, x in roles(a, "launched"))
