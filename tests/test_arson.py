"""geo.events.arson: armed people burning homes, schools and places of worship attack them; burning by others, or
of what is no attacked site, is no event. Sentences written for newsmap (session 15)."""
from __future__ import annotations

import pytest

from geo.records import Analysis, Event


def violent(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if not e.hypothetical and e.type == "Violence against civilians"]


def role_names(analysis: Analysis, event: Event, role: str) -> set[str]:
    names = {a.id: a.name for a in analysis.actors}
    return {names.get(a, a) for r, a in event.actor_roles if r == role}


@pytest.mark.parametrize("text, trigger, doer, site", [
    ("Troops torched dozens of homes in a village outside Wau on Thursday.", "torched", "Military Forces",
     "Civilians"),
    ("Militants set fire to a girls' school in Swat on Tuesday night.", "set", "Unidentified Armed Group",
     "Educational Institutions"),
    ("A church was burned by gunmen in Plateau state on Sunday.", "burned", "Unidentified Armed Group",
     "Religious Institutions"),
])
def test_armed_people_burning_a_site_attack_it(analyse, text: str, trigger: str, doer: str, site: str) -> None:
    a = analyse(text)
    found = [e for e in violent(a) if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.type) for e in a.events]
    assert any(doer in n for n in role_names(a, found[0], "initiator"))
    assert any(site in n for n in role_names(a, found[0], "target"))


@pytest.mark.parametrize("text", [
    "Police burned two tonnes of seized cannabis at a dump outside Kisumu on Friday.",
    "Farmers burned crop stubble across Punjab this week, choking Delhi with smoke.",
    "The soldiers set off for the border town of Tororo on Monday.",
])
def test_burning_what_is_no_attacked_site_is_no_attack(analyse, text: str) -> None:
    assert violent(analyse(text)) == []
