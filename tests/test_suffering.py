"""Who did what to whom, and where, when an act is told from the side it was done to ("came under fire", "retaliated
for the shelling"), by its means ("by firing") or as the subject of talks (issue 14: roles and places on unseen
news). Each sentence is written for newsmap; each test fails on the code before its rule (session 17, branch
evplace9)."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.ingest.pipeline import Analyser
from geo.records import Analysis, Article, Event
from tests.test_scene import analyser  # noqa: F401 - the full analyser, grouping included


def _analyse(analyser: Analyser, text: str) -> Analysis:
    return analyser.analyse(Article(id="s", text=text, published=dt.date(2025, 6, 2)))


def _event(analysis: Analysis, trigger: str, nth: int = 0) -> Event:
    return [e for e in analysis.events if e.trigger.text == trigger][nth]


def _places(analysis: Analysis, event: Event) -> list[tuple[str, str]]:
    names = {pm.place.id: pm.place.name for pm in analysis.places if pm.place is not None}
    return [(r, names.get(p, p)) for r, p in event.place_roles]


def _actors(analysis: Analysis, event: Event, role: str) -> list[str]:
    names = {a.id: a.name for a in analysis.actors}
    return [names.get(a, a) for r, a in event.actor_roles if r == role]


@pytest.mark.parametrize("text, trigger, place, target", [
    ("A police patrol came under gunfire near Kidal on Thursday.", "gunfire", "Kidal", "Police"),
    ("A village near Kharkiv came under heavy shelling overnight.", "shelling", "Kharkiv", "Civilians"),
    ("Government troops came under attack in Zamfara state on Sunday.", "attack", "Zamfara", "Military"),
])
def test_what_came_under_fire_is_its_target_and_where_it_landed(analyser, text: str, trigger: str, place: str,
                                                              target: str) -> None:
    """"Came under fire": the subject is the target, and the place of its phrase is where the fire landed, not
    where it came from (a subject's place was the origin of the fire)."""
    analysis = _analyse(analyser, text)
    event = _event(analysis, trigger)
    roles = _places(analysis, event)
    assert any(place in n for _, n in roles) and not any(r == "origin" for r, _ in roles), roles
    assert any(target in n for n in _actors(analysis, event, "target")), event.actor_roles
    assert not _actors(analysis, event, "initiator"), event.actor_roles


def test_who_fired_is_named_by_from_after_came_under(analyser) -> None:
    """"Came under attack from bandits": the bandits attacked; a place after "from" says where fire came from."""
    analysis = _analyse(analyser, "Nigerian soldiers came under attack from bandits in Zamfara state on Sunday.")
    event = _event(analysis, "attack")
    assert any("Armed Group" in n for n in _actors(analysis, event, "initiator")), event.actor_roles
    assert any("military" in n.lower() for n in _actors(analysis, event, "target")), event.actor_roles
    fire = _analyse(analyser, "The town of Metula came under a rocket attack from Lebanon on Tuesday.")
    event = _event(fire, "attack")
    assert ("origin", "Lebanon") in _places(fire, event) and not _actors(fire, event, "initiator"), event


def test_who_retaliates_for_an_attack_did_not_do_it(analyser) -> None:
    """"Retaliated for the shelling": the shelling is what the fighters answer, not their act, and the place of
    their answer ("by striking a post in Gaza City") is not the shelling's; "retaliated with" still performs."""
    analysis = _analyse(analyser, "Kurdish fighters retaliated for the shelling with rocket fire on Monday.")
    shelling = _event(analysis, "shelling")
    assert not _actors(analysis, shelling, "initiator"), shelling.actor_roles
    analysis = _analyse(analyser, "Militants fired rockets at Sderot on Friday. Israeli troops retaliated for the "
                                  "rocket attack by striking a Hamas post in Gaza City overnight.")
    attack = _event(analysis, "attack")
    assert not any("military" in n for n in _actors(analysis, attack, "initiator")), attack.actor_roles
    assert any("Sderot" in n for _, n in _places(analysis, attack)), _places(analysis, attack)
    assert not any("Gaza" in n for _, n in _places(analysis, attack)), _places(analysis, attack)
    arrests = _analyse(analyser, "Police in Leeds made two arrests for the stabbing of a teenager.")
    stabbing = _event(arrests, "stabbing")
    assert not _actors(arrests, stabbing, "initiator"), stabbing.actor_roles


def test_a_gerund_of_means_is_done_by_the_verbs_subject(analyser) -> None:
    """"The army retaliated by firing artillery": the army fired (the gerund had no doer)."""
    analysis = _analyse(analyser, "The Sudanese army retaliated by firing artillery at positions near Omdurman.")
    firing = _event(analysis, "firing")
    assert any("Sudan" in n for n in _actors(analysis, firing, "initiator")), firing.actor_roles


def test_a_mention_does_not_take_its_own_target_as_its_doer(analyser) -> None:
    """A mention with no initiator takes its occurrence's, but not one it has as its target: the police who
    "fought back" did not attack their own station."""
    analysis = _analyse(analyser, "Armed gangs attacked a police station in Mirebalais on Monday night. Officers "
                                  "fought back for several hours.")
    attack = _event(analysis, "attacked")
    assert not set(_actors(analysis, attack, "initiator")) & set(_actors(analysis, attack, "target")), attack


@pytest.mark.parametrize("text, trigger, scene, topic", [
    ("Leaders of seven countries met near Hiroshima on Friday. The talks focused on Ukraine and trade.", "talks",
     "Hiroshima", "Ukraine"),
    ("Envoys gathered in Doha on Tuesday. Their talks over the future of Gaza lasted six hours.", "talks", "Doha",
     "Gaza"),
])
def test_what_talks_are_about_is_not_where_they_are(analyser, text: str, trigger: str, scene: str,
                                                    topic: str) -> None:
    """A talk's "on", "over" or "about" names its subject, not its place; the talks sit at the article's scene."""
    analysis = _analyse(analyser, text)
    names = [n for _, n in _places(analysis, _event(analysis, trigger))]
    assert any(scene in n for n in names) and topic not in names, names


def test_what_talks_are_about_is_no_party_to_them(analyser) -> None:
    """"Held talks on Syria": Syria is the subject of the talks, not the side they were held with."""
    analysis = _analyse(analyser, "The foreign ministers of France and Germany held talks on Syria in Geneva.")
    talks = _event(analysis, "talks")
    assert "Syria" not in _actors(analysis, talks, "target"), talks.actor_roles
    assert ("location", "Geneva") in _places(analysis, talks)


@pytest.mark.parametrize("text, trigger", [
    ("Heavy fighting broke out between the army and the RSF in Omdurman on Thursday.", "fighting"),
    ("Clashes erupted between Hezbollah and the Lebanese army near Tyre on Monday.", "Clashes"),
])
def test_the_sides_of_a_fight_hung_on_its_verb_take_part(analyser, text: str, trigger: str) -> None:
    """"Fighting broke out between X and Y": the parse hangs the sides on the verb the trigger is the subject of;
    they are the fight's sides as in "fighting between X and Y"."""
    analysis = _analyse(analyser, text)
    event = _event(analysis, trigger)
    assert any(r == "initiator" for r, _ in event.actor_roles), event.actor_roles


@pytest.mark.parametrize("text, trigger, victim", [
    ("Police in Lima arrested the former mayor of Callao on Thursday.", "arrested", "mayor"),
    ("Armed men abducted a priest from his parish in Enugu state on Tuesday.", "abducted", "priest"),
    ("Gunmen shot dead two local officials outside a council office in Kirkuk.", "shot", "officials"),
])
def test_unarmed_people_of_office_and_faith_are_civilian_targets(analyser, text: str, trigger: str,
                                                                 victim: str) -> None:
    """A mayor, a priest, officials: unarmed people whom ACLED counts as civilians when attacked or arrested are
    the act's target (they were no actor at all)."""
    analysis = _analyse(analyser, text)
    assert any(n.startswith("Civilians") for n in _actors(analysis, _event(analysis, trigger), "target"))


def test_an_official_of_a_force_is_the_forces(analyser) -> None:
    """"A military official" is a target of the army's kind, not a civilian (a guard of the rule above: main's code
    read it so already, and the first reading of the rule made it a civilian)."""
    analysis = _analyse(analyser, "Gunmen shot dead a senior military official outside his home in Kirkuk.")
    targets = _actors(analysis, _event(analysis, "shot"), "target")
    assert any(n.startswith("Military") for n in targets) and not any(n.startswith("Civilians") for n in targets)
