"""A meeting one side hosts (geo.events.hosting): the host is its initiator, the guest its other side. Each sentence
is written for newsmap; each test fails on the code before its rule."""
from __future__ import annotations

from tests.test_probe import event


def test_the_host_of_talks_and_the_guest_are_their_sides(analyse) -> None:
    a = analyse("The Omani sultan hosted the Iranian foreign minister in Muscat on Sunday for talks on shipping.")
    assert {("initiator", "oman-government"), ("target", "iran-government")} <= set(event(a, "talks").actor_roles)


def test_a_welcome_for_talks_makes_the_welcomer_their_host(analyse) -> None:
    a = analyse("Hamas welcomed the Iranian foreign minister in Doha on Sunday for talks on the truce.")
    assert ("initiator", "hamas") in set(event(a, "talks").actor_roles)
