"""Fit and check the resolver's score calibration on the dev corpora (TR-News, LGL, GeoVirus).

Resolves every gold span with the raw (uncalibrated) resolver, marks each answer right when it lies
within 161 km of the gold point, and prints reliability figures (expected calibration error, Brier
score, per-bin table):

* raw: the resolver's softmax share as it is;
* held out: for each corpus, a calibration fitted on the *other two* corpora, applied to it (how
  well the shipped map can be expected to carry over to news it was not fitted on);
* fitted on all three: the map that ``--write`` stores in ``geo/data/score_calibration.json``.

Re-run it with ``--write`` whenever the resolver or the gazetteer changes what it answers:

    NEWSMAP_DATA_DIR=cache .venv/bin/python benchmarks/calibrate_scores.py [--write]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import CORPORA, eval_docs  # noqa: E402
from geo.places.calibration import CALIBRATION_PATH, ScoreCalibration, fit, reliability  # noqa: E402
from geo.places.gazetteer import Gazetteer  # noqa: E402
from geo.places.geoparsing import Geoparser  # noqa: E402
from geo.places.resolution import DIRECTION_WORDS, Resolver  # noqa: E402
from geo.settings import load_settings  # noqa: E402
from geo.places.points import haversine_km  # noqa: E402

ACC_KM = 161.0


def answers(gazetteer: Gazetteer) -> list[tuple[str, float, str, bool, bool]]:
    """(corpus, raw score, kind, fuzzy, correct) for every resolved gold toponym with coordinates."""
    geoparser = Geoparser(None, Resolver(gazetteer, calibration=ScoreCalibration.identity()))
    rows = []
    for corpus, doc in eval_docs():
        spans = [(t.start, t.end) for t in doc.toponyms]
        for gold, pm in zip(doc.toponyms, geoparser.resolve_spans(doc.text, spans)):
            if not gold.has_coords or pm.place is None or pm.mention.label == "border":
                continue
            name = DIRECTION_WORDS.sub("", pm.mention.text) if pm.mention.label == "directional" else pm.mention.text
            fuzzy = not gazetteer.candidates(name, fuzzy=False)
            ok = haversine_km(gold.lat, gold.lon, pm.place.lat, pm.place.lon) <= ACC_KM
            rows.append((corpus, pm.score, pm.place.kind, fuzzy, ok))
    return rows


def describe(title: str, scored: list[tuple[float, bool]], table: bool = False) -> None:
    r = reliability(scored)
    print(f"{title:<34} n={r['n']:5d}  ECE {r['ece']:.3f}  Brier {r['brier']:.3f}")
    if table:
        for lo, hi, n, mean, acc in r["bins"]:
            print(f"    {lo:.1f}-{hi:.1f}  n={n:5d}  mean score {mean:.3f}  right {acc:.3f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"store the calibration fitted on all three in {CALIBRATION_PATH}")
    args = parser.parse_args(argv)
    gazetteer = Gazetteer.open(load_settings().data_dir)
    rows = answers(gazetteer)
    describe("raw, all corpora", [(s, ok) for _, s, _, _, ok in rows], table=True)
    held_out = []
    for corpus in CORPORA:
        calibration = fit([(s, k, f, ok) for c, s, k, f, ok in rows if c != corpus])
        raw = [(s, ok) for c, s, _, _, ok in rows if c == corpus]
        calibrated = [(calibration.score(s, kind=k, fuzzy=f), ok) for c, s, k, f, ok in rows if c == corpus]
        describe(f"raw, {corpus}", raw)
        describe(f"held out, {corpus}", calibrated)
        held_out += calibrated
    describe("held out, all corpora", held_out, table=True)
    note = ("isotonic map from the resolver's raw share to the frequency of an answer within 161 km of the gold point, "
            f"fitted on {len(rows)} gold toponyms of {', '.join(CORPORA)} by benchmarks/calibrate_scores.py")
    calibration = fit([(s, k, f, ok) for _, s, k, f, ok in rows], note)
    describe("fitted on all three (in sample)", [(calibration.score(s, kind=k, fuzzy=f), ok)
                                                 for _, s, k, f, ok in rows])
    for group, curve in sorted(calibration.curves.items()):
        knots = ", ".join(f"{x:.2f}->{y:.2f}" for x, y in zip(curve.xs, curve.ys))
        print(f"  {group}: {knots}")
    if args.write:
        CALIBRATION_PATH.write_text(calibration.to_json(), encoding="utf-8")
        print(f"written {CALIBRATION_PATH}")


if __name__ == "__main__":
    main()
