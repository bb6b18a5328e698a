from __future__ import annotations

import pytest

from geo.places.calibration import Curve, ScoreCalibration, fit, fit_curve, reliability
from geo.records import Mention
from geo.places.resolution import Resolver


def test_isotonic_fit_gives_observed_frequencies():
    pairs = [(0.3, i < 30) for i in range(100)] + [(0.9, i < 80) for i in range(100)]
    curve = fit_curve(pairs)
    assert curve(0.3) == pytest.approx(0.3)
    assert curve(0.9) == pytest.approx(0.8)
    assert curve(0.6) == pytest.approx(0.55)  # linear between knots
    assert curve(0.0) == pytest.approx(0.3) and curve(1.0) == pytest.approx(0.8)  # clamped at the ends


def test_isotonic_fit_pools_violations_and_equal_scores():
    """A higher raw score that is right less often is pooled with its neighbour (the map stays
    monotone); answers with the same raw score are one block whatever order they come in."""
    pairs = [(0.5, i < 90) for i in range(100)] + [(0.7, i < 50) for i in range(100)]
    curve = fit_curve(pairs)
    assert curve(0.5) == pytest.approx(0.7) and curve(0.7) == pytest.approx(0.7)
    tied = fit_curve([(1.0, True)] * 60 + [(1.0, False)] * 40)
    assert tied(1.0) == pytest.approx(0.6)


def test_small_groups_become_a_near_constant_map():
    curve = fit_curve([(0.2, False), (0.4, True), (0.6, False), (0.8, True)], min_block=30)
    assert curve(0.2) == curve(0.8) == pytest.approx(0.5)


def test_fuzzy_and_area_answers_have_their_own_maps():
    answers = ([(0.99, "city", False, True)] * 90 + [(0.99, "city", False, False)] * 10
               + [(0.99, "city", True, True)] * 10 + [(0.99, "city", True, False)] * 30
               + [(0.99, "region", False, True)] * 30 + [(0.99, "region", False, False)] * 30)
    calibration = fit(answers)
    assert calibration.score(0.99, kind="city") == pytest.approx(0.9)
    assert calibration.score(0.99, kind="city", fuzzy=True) == pytest.approx(0.25)
    assert calibration.score(0.99, kind="region") == pytest.approx(0.5)


def test_reliability_of_a_calibrated_score_is_zero_error():
    scored = [(0.25, i < 25) for i in range(100)] + [(0.75, i < 75) for i in range(100)]
    r = reliability(scored)
    assert r["ece"] == pytest.approx(0.0) and r["n"] == 200
    assert reliability([(1.0, False)] * 10)["ece"] == pytest.approx(1.0)


def test_shipped_calibration_is_monotone_and_round_trips(tmp_path):
    shipped = ScoreCalibration.load()
    assert {"place", "area", "fuzzy"} <= set(shipped.curves)
    for curve in shipped.curves.values():
        assert list(curve.ys) == sorted(curve.ys) and all(0.0 <= y <= 1.0 for y in curve.ys)
    path = tmp_path / "calibration.json"
    path.write_text(shipped.to_json(), encoding="utf-8")
    assert ScoreCalibration.load(path).curves == shipped.curves
    assert ScoreCalibration.identity().score(0.37, kind="city") == 0.37
    assert Curve((), ())(0.4) == 0.4


def test_a_fuzzy_guess_is_not_reported_as_certain(gazetteer):
    """A misspelt name with one fuzzy candidate wins the softmax outright; its score must say it is a guess."""
    def places(name: str, calibration=None):
        text = f"Protests spread from {name} to Isfahan in Iran."
        mentions = [Mention(21, 21 + len(name), name, "place"), Mention(25 + len(name), 32 + len(name), "Isfahan", "place"),
                    Mention(36 + len(name), 40 + len(name), "Iran", "place")]
        return Resolver(gazetteer, calibration=calibration).resolve(text, mentions)

    exact, guess = places("Tehran")[0], places("Tehrann")[0]
    assert guess.place is not None and guess.place.name == exact.place.name == "Tehran"
    assert guess.score < exact.score - 0.2
    assert places("Tehrann", ScoreCalibration.identity())[0].score > 0.9
