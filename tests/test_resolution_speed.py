"""What makes warm resolution fast must not change an answer: the readings a Resolver keeps per name, the
nearness of towns measured with prepared points, and the short search for "state of" before a name.
Sentences of our own, resolved against the real gazetteer."""
from __future__ import annotations

import random
import re

from geo.places import readings
from geo.places.points import haversine_km, nearest_km, prepared
from geo.places.resolution import Resolver
from geo.records import Mention

ARTICLES = [
    "Police in Paris, Texas, said Dallas and Houston were calm. Paris was quiet.",
    "Paris was quiet after the strike, and trains to Lyon ran again.",
    "A Lebanon woman won the pie contest at the county fair, judges said.",
    "Lebanon asked Syria and Israel to respect the ceasefire; Beirut stayed calm.",
    "She grew up in Springfield, Illinois, and later moved to Springfield, Massachusetts.",
    "The Springfield plant, near Boston and Worcester, will close in May.",
]


def _mentions(text: str, *names: str) -> list[Mention]:
    found = [Mention(m.start(), m.end(), name, "place") for name in names
             for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return sorted(found, key=lambda m: m.start)


NAMES = ("Paris", "Texas", "Dallas", "Houston", "Lyon", "Lebanon", "Syria", "Israel", "Beirut", "Springfield",
         "Illinois", "Massachusetts", "Boston", "Worcester")


def _answers(resolver: Resolver, text: str) -> list[tuple]:
    return [(pm.place.id if pm.place else None, pm.score) for pm in resolver.resolve(text, _mentions(text, *NAMES))]


def test_a_warm_resolver_answers_from_kept_readings_as_a_fresh_one_does(gazetteer):
    warm = Resolver(gazetteer)
    for text in ARTICLES + ARTICLES[::-1]:  # every name read before, in other articles, in both orders
        assert _answers(warm, text) == _answers(Resolver(gazetteer), text), text
    assert warm._readings.cache_info().hits > 0


def test_kept_readings_carry_no_article_into_another(gazetteer):
    """The same name written as a town ("a Lebanon woman"), with a container ("Springfield, Illinois") or alone
    is kept apart, so an article read first cannot decide the next one's answer."""
    warm = Resolver(gazetteer)
    town, country = ARTICLES[2], ARTICLES[3]
    assert _answers(warm, town)[0][0] != "country:LB"
    assert _answers(warm, country)[0][0] == "country:LB"
    assert _answers(warm, town) == _answers(Resolver(gazetteer), town)
    qualified, alone = ARTICLES[4], "Springfield is the capital, and the governor spoke there."
    first = _answers(warm, qualified)
    assert first[0][0] != first[2][0]  # Springfield, Illinois and Springfield, Massachusetts
    assert _answers(warm, alone) == _answers(Resolver(gazetteer), alone)


def test_nearest_km_is_the_nearest_haversine_distance_to_the_last_bit():
    rng = random.Random(7)
    for _ in range(300):
        lat, lon = rng.uniform(-89, 89), rng.uniform(-180, 180)
        others = [(rng.uniform(-89, 89), rng.uniform(-180, 180)) for _ in range(rng.randint(0, 6))]
        others += [(lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3)) for _ in range(rng.randint(0, 3))]
        exact = min((haversine_km(lat, lon, a, b) for a, b in others), default=None)
        points = [prepared(a, b) for a, b in others]
        assert nearest_km(lat, lon, points) == exact
        cut = nearest_km(lat, lon, points, beyond=1000.0)
        assert cut == exact if exact is not None and exact < 1000 else cut is None or cut >= 1000


def test_nearest_km_stops_at_the_first_point_within_reach():
    points = [prepared(0.0, 0.1), prepared(0.0, 0.01)]
    assert nearest_km(0.0, 0.0, points, within=50.0) == haversine_km(0.0, 0.0, 0.0, 0.1)
    assert nearest_km(0.0, 0.0, points) == haversine_km(0.0, 0.0, 0.0, 0.01)


def test_state_of_before_a_name_is_found_as_a_search_of_the_whole_text_finds_it():
    rng = random.Random(11)
    pieces = ["state", "states", "State", "of", "the", " ", "  ", "\n", "x", "a", ",", "ſ", "\t" * 30, " " * 45]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        end = rng.randint(0, len(text))
        whole = readings._STATE_BEFORE.search(text, 0, end) is not None
        assert readings._state_before(text, end) == whole, (text, end)
