"""A people's word naming participants is no place of the event (geo.events.peoples): "Kurds" are no Kurdistan,
"Papuan activists" no Papua. Each sentence is written for newsmap; each test fails on the code before its rule."""
from __future__ import annotations

import pytest

from tests.test_probe import event


@pytest.mark.parametrize("text, trigger, scene, people", [
    ("Police arrested 12 Papuan activists in Makassar on Sunday.", "arrested", "gn:1622786", "adm:1643012"),
    ("Islamic State fighters attacked Kurds in Hasakah on Monday.", "attacked", "gn:173811", "region:kurdistan"),
    ("Turkish jets bombed Kurdish fighters near Sinjar on Friday.", "bombed", "gn:448149", "region:kurdistan"),
])
def test_a_peoples_word_is_no_place_where_another_places_the_event(analyse, text, trigger, scene, people) -> None:
    places = event(analyse(text), trigger).place_ids
    assert scene in places and people not in places
