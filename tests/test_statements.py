"""Statements that are events and uses of their words that are none (issue 14, "detection"): a bare office acting
for the article's country, a diplomatic protest, warnings issued, a speech given while calling for something, a habit
told in a base form. Each sentence is written for newsmap; each test fails on the code before its rule."""
from __future__ import annotations

import pytest

from tests.test_probe import event, real, triggers


def family_of(analysis, trigger: str) -> str:
    e = event(analysis, trigger)
    return {"Statement/Threat": "statement", "Protests": "protest"}.get(e.type, e.type)


@pytest.mark.parametrize("text, trigger, government", [
    ("Zambia's government has struggled to pay its debts. On Monday the president announced cuts to fuel subsidies.",
     "announced", "zambia-government"),
    ("Garment workers have marched in Bangladesh for a week. The prime minister warned the unions against "
     "further strikes.", "warned", "bangladesh-government"),
])
def test_a_bare_head_of_government_acts_for_the_articles_one_named_country(analyse, text, trigger,
                                                                           government) -> None:
    assert ("initiator", government) in event(analyse(text), trigger).actor_roles


@pytest.mark.parametrize("text, trigger", [
    # two countries: whose president?
    ("Serbian and Kosovan police exchanged fire near the border on Sunday. The president condemned the shooting.",
     "condemned"),
    # a body with a president of its own
    ("Uruguay's football federation elected a new board in Montevideo. The president announced a tour of Europe.",
     "announced"),
    # the country unnamed: the president of a college in a story placed in one country's towns
    ("A fire damaged a dormitory at a college in Dayton on Friday. The president condemned the arson.", "condemned"),
    # the country named only in the office's own sentence, as the other side
    ("The president threatened on Monday to impose tariffs on steel imports from Canada.", "threatened"),
    ("Cuba's foreign ministry protested on Friday. The president warned Havana that the embargo would stay.",
     "warned"),
])
def test_a_bare_office_acts_for_no_government_when_the_country_is_not_plain(analyse, text, trigger) -> None:
    found = event(analyse(text), trigger).actor_roles
    assert not [a for _, a in found if a.endswith("-government")], found


@pytest.mark.parametrize("text, trigger", [
    ("India lodged a strong protest with Nepal on Tuesday over the new map of the border.", "protest"),
    ("Poland's foreign ministry summoned the Belarusian envoy on Monday to protest against the detention of a "
     "Polish journalist.", "protest"),
])
def test_a_diplomatic_protest_is_a_statement_not_a_crowd(analyse, text, trigger) -> None:
    assert family_of(analyse(text), trigger) == "statement"


def test_a_crowds_protest_stays_a_protest(analyse) -> None:
    a = analyse("Hundreds of nurses protested outside the health ministry in Accra on Wednesday.")
    assert family_of(a, "protested") == "protest"


def test_warnings_issued_are_acts_and_ignored_warnings_a_kind(analyse) -> None:
    assert "warnings" in triggers(analyse, "The Fijian army issued warnings to the rebels in Suva on Sunday.")
    assert "warnings" not in triggers(analyse, "The rebels ignored warnings from the army in Suva.")


def test_a_speech_given_while_calling_for_something_was_given(analyse) -> None:
    a = analyse("In a speech on Monday, Brazil's president called on farmers to stop burning the forest.")
    assert "brazil-government" in {x for _, x in event(a, "speech").actor_roles}


def test_a_habit_told_in_a_base_form_is_no_event(analyse) -> None:
    a = analyse("Press freedom groups routinely condemn the jailing of reporters in Belarus.")
    assert [e.trigger.text for e in real(a)] == []


def test_a_noun_in_an_as_phrase_is_what_the_object_is_taken_for(analyse) -> None:
    a = analyse("The opposition in Caracas denounced the new tax as an attack on the poor.")
    assert "attack" not in [e.trigger.text for e in a.events]
    assert "bombing" in triggers(analyse, "Rebels condemned the bombing of a school in Goma as an attack on children.")
