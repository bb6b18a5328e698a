"""geo.events.gatherings: rallies, demonstrations and meetings of local, business and leisure news that are no
protest and no consultation, beside the political ones that stay. Sentences written for newsmap (session 15)."""
from __future__ import annotations

import pytest

from geo.records import Analysis


def families(analysis: Analysis) -> list[tuple[str, str]]:
    return [(e.trigger.text, e.type) for e in analysis.events if not e.hypothetical]


@pytest.mark.parametrize("text", [
    "Supporters rallied behind the embattled coach after the defeat in Porto.",
    "Copper prices rallied on Thursday as stockpiles fell in Shanghai.",
    "Hundreds of vintage tractor owners rallied in Shrewsbury on Sunday for the county show.",
])
def test_a_rally_of_support_prices_or_a_show_is_no_protest(analyse, text: str) -> None:
    assert families(analyse(text)) == []


@pytest.mark.parametrize("text", [
    "A potter gave a demonstration at the craft market in Hay-on-Wye on Saturday.",
    "Firefighters staged demonstrations of cutting people out of wrecked cars in Swindon.",
])
def test_a_demonstration_that_shows_how_is_no_protest(analyse, text: str) -> None:
    assert [f for f in families(analyse(text)) if f[1] == "Protests"] == []


@pytest.mark.parametrize("text", [
    "The district council met on Wednesday night to approve a new bin collection timetable in Wrexham.",
    "The library board met in Duluth on Monday and voted to extend opening hours.",
])
def test_a_body_in_its_own_session_holds_no_consultation(analyse, text: str) -> None:
    assert families(analyse(text)) == []


@pytest.mark.parametrize("text, trigger, kind", [
    ("Thousands rallied in Tbilisi on Sunday against the foreign agents law.", "rallied", "Protests"),
    ("Students held a demonstration outside the parliament in Belgrade on Friday.", "demonstration", "Protests"),
    ("The council met with farmers' leaders in Limerick to discuss the flooding.", "met", "Meeting/Consultation"),
    ("The UN Security Council met in New York on Monday to discuss the fighting in Sudan.", "met",
     "Meeting/Consultation"),
])
def test_political_rallies_demonstrations_and_meetings_stay(analyse, text: str, trigger: str, kind: str) -> None:
    assert (trigger, kind) in families(analyse(text))
