"""What makes warm resolution fast must not change an answer: the readings a Resolver keeps per name, the
nearness of towns measured with prepared points, and the short search for "state of" before a name.
Sentences of our own, resolved against the real gazetteer."""
from __future__ import annotations

import math
import random
from collections import Counter

from geo.places import neighbours, other_names, readings, scoring
from geo.places.points import haversine_km, nearest_km, prepared
from geo.places.qualifiers import Qualified
from geo.places.readings import LOCAL_KINDS
from geo.places.resolution import SUPRANATIONAL_KINDS, WEIGHTS, Resolver
from geo.records import Mention

from .conftest import place_mentions

ARTICLES = [
    "Police in Paris, Texas, said Dallas and Houston were calm. Paris was quiet.",
    "Paris was quiet after the strike, and trains to Lyon ran again.",
    "A Lebanon woman won the pie contest at the county fair, judges said.",
    "Lebanon asked Syria and Israel to respect the ceasefire; Beirut stayed calm.",
    "She grew up in Springfield, Illinois, and later moved to Springfield, Massachusetts.",
    "The Springfield plant, near Boston and Worcester, will close in May.",
]


NAMES = ("Paris", "Texas", "Dallas", "Houston", "Lyon", "Lebanon", "Syria", "Israel", "Beirut", "Springfield",
         "Illinois", "Massachusetts", "Boston", "Worcester")


def _answers(resolver: Resolver, text: str) -> list[tuple]:
    return [(pm.place.id if pm.place else None, pm.score) for pm in resolver.resolve(text, place_mentions(text, *NAMES))]


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


AMBIGUOUS = ("springfield", "paris", "lebanon", "georgia", "washington", "jordan", "pacific", "henry county",
             "columbia", "victoria", "alexandria", "london", "santiago", "gaza", "houston")


def _random_context(rng: random.Random, pool: list, keys: list) -> dict:
    """A pass's context as Resolver._context builds it, with votes, states and points drawn from real readings."""
    ccs = sorted({c.place.country_code for c in pool if c.place.country_code}) + ["XX"]
    admins = sorted({c.admin1 for c in pool if c.admin1}) + ["gn:none"]
    countries = Counter({cc: rng.randint(1, 5) for cc in rng.sample(ccs, rng.randint(0, min(6, len(ccs))))})
    admin_votes = Counter({a: rng.randint(1, 4) for a in rng.sample(admins, rng.randint(0, min(6, len(admins))))})
    own, named_by, points = {}, {}, []
    for key in keys:
        if rng.random() < 0.6:
            cc, a = rng.choice([*countries, None]), rng.choice([*admin_votes, None])
            own[key] = (cc, countries[cc] if cc else 0, a, admin_votes[a] if a else rng.randint(0, 2))
        if rng.random() < 0.5:
            c = rng.choice(pool)
            lat, lon = c.place.lat + rng.choice([0, rng.uniform(-3, 3)]), c.place.lon + rng.uniform(-3, 3)
            points.append((key, prepared(lat, lon)))
        if rng.random() < 0.3 and countries:
            named_by[key] = (rng.choice(list(countries)), rng.randint(1, 3))
    named = Counter()
    for cc, n in named_by.values():
        named[cc] += n
    return {"countries": countries, "country_total": sum(countries.values()), "admins": admin_votes,
            "admin_total": sum(admin_votes.values()), "own": own, "named": (named, named_by), "points": points}


def _contextual(c, evidence: dict, states: frozenset) -> float:
    """The oracle: scoring.contextual for one reading at a time, written as plainly as it reads (why each term
    exists is said on scoring.contextual)."""
    w = WEIGHTS
    score = 0.0
    own_cc, cc_votes, own_admin, n = evidence["own_cc"], evidence["cc_votes"], evidence["own_admin"], evidence["n"]
    countries, admins = evidence["countries"], evidence["admins"]
    cc = c.place.country_code
    votes = countries[cc] - (cc_votes if cc == own_cc else 0) if cc else 0
    if not cc and c.place.kind in SUPRANATIONAL_KINDS:
        votes = max((v - (cc_votes if k == own_cc else 0) for k, v in countries.items()), default=0)
    if votes > 0:
        score += w.country_present + w.country_weight * votes / max(evidence["country_total"], 1)
    score += w.named_bonus if _named_elsewhere(c, evidence) else 0.0
    admin = c.place.id if c.place.kind == "admin1" else c.admin1
    votes = admins[admin] - (n if admin == own_admin else 0) if admin else 0
    if votes > 0 and not (c.place.kind in LOCAL_KINDS and cc in states):
        score += w.admin_present + w.admin_weight * votes / max(evidence["admin_total"], 1)
    if c.place.kind in ("city", "admin2"):
        score += _nearness(c.place.lat, c.place.lon, evidence["anchors"])
    return score


def _named_elsewhere(c, evidence: dict) -> bool:
    cc = c.place.country_code
    if not cc or c.place.kind == "country":
        return False
    return evidence["named"][cc] - (evidence["named_n"] if evidence["named_cc"] == cc else 0) >= WEIGHTS.named_min


def _nearness(lat: float, lon: float, anchors) -> float:
    near = nearest_km(lat, lon, anchors, beyond=1000.0, within=50.0)
    if near is None:
        return 0.0
    return 1.5 if near < 50 else 1.0 if near < 200 else 0.3 if near < 1000 else 0.0


def test_contextual_scores_from_kept_rows_are_the_per_reading_scores_to_the_last_bit(gazetteer):
    """scoring.contextual is the oracle _contextual for every reading of a name, float for float."""
    resolver, rng = Resolver(gazetteer), random.Random(5)
    names = {(n, "place", "", Qualified()): resolver._readings((n, "place", "", Qualified())) for n in AMBIGUOUS}
    pool = [c for name in names.values() for c in name.candidates]
    keys = list(names)
    for _ in range(300):
        context = _random_context(rng, pool, keys)
        for key, name in names.items():
            evidence = Resolver._evidence(key, context)
            expected = [_contextual(c, evidence, name.states) for c in name.candidates]
            assert [repr(s) for s in scoring.contextual(name.rows, evidence, WEIGHTS)] == [repr(s) for s in expected]


def _towns(towns: list) -> scoring.Rows:
    n = len(towns)
    return scoring.Rows(n, (("US", tuple(range(n))),), (("US", tuple(range(n))),), {}, (), tuple(range(n)),
                        scoring.towns([prepared(*t) for t in towns]))


def test_nearness_measured_as_arrays_is_the_nearness_of_the_loop_even_at_its_limits():
    """A town's bonus for the places near it, measured as arrays for many towns, is the loop's, also for towns whose
    nearest place lies a hair either side of 50, 200 or 1,000 km."""
    rng = random.Random(3)
    for _ in range(200):
        lat, lon = rng.uniform(-60, 60), rng.uniform(-170, 170)
        anchors = [prepared(lat + rng.uniform(-12, 12), lon + rng.uniform(-12, 12)) for _ in range(rng.randint(1, 9))]
        towns = [(rng.uniform(-60, 60), rng.uniform(-170, 170)) for _ in range(rng.randint(0, 20))]
        towns += [(lat + rng.uniform(-10, 10), lon + rng.uniform(-10, 10)) for _ in range(rng.randint(0, 40))]
        for limit in (50.0, 200.0, 1000.0):  # due north of the first anchor, at the limit to within a few ulps
            a_lat, a_lon = anchors[0][:2]
            step = limit / (6371.0 * math.pi / 180)
            for scale in (1 - 1e-15, 1.0, 1 + 1e-15, 1 - 1e-12, 1 + 1e-12):
                towns.append((a_lat + step * scale, a_lon))
        name = _towns(towns)
        loop = [scoring.near_bonus(prepared(*t), anchors) for t in towns]
        arrays = scoring._near_bonuses(name, anchors)
        assert [arrays[i] for i in range(len(towns))] == loop
        assert any(b in (1.5, 1.0, 0.3) for b in loop)


def test_a_town_at_a_limit_of_nearness_is_measured_again_by_the_loop(monkeypatch):
    anchors = [prepared(40.0, -80.0)] * 70
    at = 40.0 + 50.0 / (6371.0 * math.pi / 180)  # 50 km due north, to within a few ulps
    towns = [(at, -80.0), (45.0, -80.0)]
    name = _towns(towns)
    measured = []
    monkeypatch.setattr(scoring, "near_bonus", lambda point, anchors: measured.append(point) or 9.0)
    assert scoring._near_bonuses(name, anchors) == [9.0, 0.3]
    assert [tuple(p) for p in measured] == [prepared(*towns[0])]


def test_a_town_is_found_written_as_one_as_the_patterns_alone_find_it():
    """written_as_a_town looks for an age or a street address before a name only after a comma and white space,
    and for "a" before it only when a person word follows: the same names as every pattern tried everywhere."""
    rng = random.Random(13)
    pieces = ["Terry Smith", ",", " ", "  ", "\u2003", "60", "400", "Locust St.", "St", "a", "an", "A", "the", "\n",
              "woman", "man", "resident", "high school", "x", ", ", "Ave."]
    for _ in range(3000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        after = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        text = before + "Lebanon" + after
        mention = Mention(len(before), len(before) + 7, "Lebanon", "place")
        window = text[max(0, mention.start - 60):mention.start]
        expected = bool(readings._TOWN_AFTER.match(text, mention.end)
                        or readings._A_BEFORE.search(window) and readings._TOWN_PERSON.match(text, mention.end)
                        or readings._AGE_BEFORE.search(window) or readings._STREET_BEFORE.search(window))
        assert bool(readings.written_as_a_town(text, [mention], ["k"])) == expected, text


def _plain_placed(key: tuple, choice, spread: neighbours.Spread) -> list:
    """The oracle: the neighbour weights of a name's local readings after a pass, as the definition reads them (its
    shares by place id, every reading's exponential, the minimum weight)."""
    logs = {c.place.id: math.log(max(p, 1e-9)) for c, p in zip(choice.candidates, choice.probabilities)}
    held = [logs.get(c.place.id, -1e9) for c in spread.candidates]
    top = max(held)
    return [(cell, c.place.id, math.exp(neighbours.NEIGHBOUR_SHARPNESS * (s - top)))
            for c, cell, s in zip(spread.candidates, spread.cells, held)
            if cell is not None and math.exp(neighbours.NEIGHBOUR_SHARPNESS * (s - top)) >= neighbours.NEIGHBOUR_MIN_WEIGHT]


def test_neighbour_weights_read_by_position_are_those_read_by_place(gazetteer):
    """After a pass, a name's readings lend their support by their shares: read by position when the pass ranked the
    readings as kept, by place otherwise (a near spelling left out), and a reading far below the best skipped before
    its exponential, the weights are the definition's to the last bit, shares at the minimum weight included."""
    resolver, rng = Resolver(gazetteer), random.Random(17)
    for n in AMBIGUOUS:
        key = (n, "place", "", Qualified())
        spread = resolver._readings(key).spread
        assert spread.distinct and set(spread.occupied) == {cell for cell in spread.cells if cell is not None}
        assert len(spread.occupied) == len(set(spread.occupied))
        size = len(spread.candidates)
        for _ in range(40):
            raw = [rng.choice([rng.random(), 1e-12, 0.0, 1.0]) for _ in range(size)]
            if rng.random() < 0.3 and size > 1:  # one share just at the minimum weight's edge of the best
                best = max(range(size), key=raw.__getitem__)
                raw[rng.randrange(size)] = raw[best] * math.sqrt(neighbours.NEIGHBOUR_MIN_WEIGHT)
            kept = spread.candidates if rng.random() < 0.7 else spread.candidates[:max(1, size // 2)]
            choice = readings.Choice(tuple(kept), tuple(raw[:len(kept)]))
            shares = neighbours.shares({key: choice})
            if kept is spread.candidates:
                assert shares.of(key, spread) == shares(key, spread.candidates)
            assert neighbours._placed(key, spread, shares) == _plain_placed(key, choice, spread)


def test_a_name_read_by_another_places_alternate_name_is_known_before_any_article(gazetteer):
    """The readings named_elsewhere can leave out are known from the name alone, so a name none of whose lesser
    alternate readings another name answers is not searched: the rule finds nothing there."""
    resolver = Resolver(gazetteer)
    for n in AMBIGUOUS:
        key = (n, "place", "", Qualified())
        name = resolver._readings(key)
        assert name.alternates == other_names.lesser_alternates(name.candidates)
        answered = {c.place.id: ("somewhere else", "place") for c in name.candidates
                    if c.place.id not in name.alternates}
        assert other_names.named_elsewhere(name.candidates, key, answered) == []


def test_the_one_country_of_a_choice_summed_by_its_groups_is_the_one_summed_by_place(gazetteer):
    """A choice that holds a name's readings as kept sums its shares per country by the groups kept with the name:
    the same sums to the last bit, and the same country when two tie, as reading each place's country."""
    resolver, rng = Resolver(gazetteer), random.Random(23)
    for n in AMBIGUOUS:
        name = resolver._readings((n, "place", "", Qualified()))
        for _ in range(40):
            raw = [rng.choice([rng.random(), 0.0, 0.5, 1e-300]) for _ in name.candidates]
            total = sum(raw) or 1.0
            shares = tuple(p / total for p in raw)
            grouped = readings.Choice(name.candidates, shares, name.rows.countries)
            plain = readings.Choice(name.candidates, shares)
            assert readings._sure_country(grouped) == readings._sure_country(plain)
            by_place: dict = {}
            for c, p in zip(name.candidates, shares):
                if c.place.country_code:
                    by_place[c.place.country_code] = by_place.get(c.place.country_code, 0) + p
            assert {cc: sum(map(shares.__getitem__, group)) for cc, group in name.rows.countries} == by_place
