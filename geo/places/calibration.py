"""Calibrated confidence for resolved places: a score of 0.8 should be right about 80% of the time.

The resolver ranks a name's candidates by a softmax over their evidence; the winner's share is a
ranking device, not a probability. Measured on the evaluation corpora it is over-confident at the top
(answers at 0.99 are right ~93% of the time), under-confident in the middle, and meaningless for
fuzzy matches (a misspelt name with one candidate gets 1.0 and is right ~12% of the time). Analysts
sort and filter places by ``score`` and exports carry it, so the number shown must mean what it says.

A :class:`ScoreCalibration` maps the raw share to the observed frequency of a correct answer (within
161 km of the reference point), separately for groups of answers that behave differently: fuzzy
matches, large areas (regions, continents, waters), and all other places. Each map is an isotonic
(monotone) regression fitted by ``benchmarks/calibrate_scores.py`` on the dev corpora and shipped in
``geo/data/score_calibration.json``; between its knots it is linear, so ranking by score within a group
is kept.

>>> calibration = ScoreCalibration.load()
>>> calibration.score(0.99, kind="city") > calibration.score(0.99, kind="city", fuzzy=True)
True
"""
from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from geo.settings import PACKAGE_DATA

AREA_KINDS = frozenset({"region", "continent", "water"})
CALIBRATION_PATH = PACKAGE_DATA / "score_calibration.json"
MIN_BLOCK = 30  # answers per isotonic step at least: fewer would fit noise of the dev corpora


def group_of(kind: str | None, fuzzy: bool) -> str:
    """Which calibration map applies to an answer."""
    if fuzzy:
        return "fuzzy"
    return "area" if kind in AREA_KINDS else "place"


@dataclass(frozen=True)
class Curve:
    """A monotone piecewise-linear map from raw score to probability, clamped at its ends."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    def __call__(self, raw: float) -> float:
        if not self.xs:
            return raw
        i = bisect.bisect_left(self.xs, raw)
        if i == 0:
            return self.ys[0]
        if i == len(self.xs):
            return self.ys[-1]
        x0, x1, y0, y1 = self.xs[i - 1], self.xs[i], self.ys[i - 1], self.ys[i]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1


@dataclass(frozen=True)
class ScoreCalibration:
    """Raw resolver share -> calibrated probability, per answer group; identity for unknown groups."""

    curves: dict[str, Curve] = field(default_factory=dict)
    note: str = ""

    def score(self, raw: float, *, kind: str | None, fuzzy: bool = False) -> float:
        curve = self.curves.get(group_of(kind, fuzzy))
        value = curve(raw) if curve else raw
        return round(min(1.0, max(0.0, value)), 4)

    @classmethod
    def identity(cls) -> "ScoreCalibration":
        """No calibration: the raw share (what the fitting script measures)."""
        return cls({}, "identity")

    @classmethod
    def load(cls, path: str | Path = CALIBRATION_PATH) -> "ScoreCalibration":
        """The shipped calibration (or the file at ``path``)."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        curves = {g: Curve(tuple(c["x"]), tuple(c["y"])) for g, c in data["groups"].items()}
        return cls(curves, data.get("note", ""))

    def to_json(self, **meta) -> str:
        """The file format of ``geo/data/score_calibration.json``: one line per group, so diffs stay readable."""
        head = json.dumps({"note": self.note, **meta}, indent=1)[:-2]
        groups = ",\n".join(f'  {json.dumps(g)}: {json.dumps({"x": [round(x, 4) for x in c.xs], "y": [round(y, 4) for y in c.ys]})}'
                             for g, c in sorted(self.curves.items()))
        return f'{head},\n "groups": {{\n{groups}\n }}\n}}\n'


def fit_curve(pairs: Iterable[tuple[float, bool]], min_block: int = MIN_BLOCK) -> Curve:
    """Isotonic regression (pool adjacent violators) of correctness on raw score.

    Blocks are also pooled until each holds ``min_block`` answers, so a small group becomes a
    near-constant map rather than a staircase through its noise. Knots sit at each block's mean
    raw score with the block's observed accuracy.
    """
    ties: dict[float, list[float]] = {}  # equal raw scores are one block from the start
    for raw, ok in pairs:
        tie = ties.setdefault(round(float(raw), 4), [0.0, 0.0, 0.0])
        tie[0] += float(raw)
        tie[1] += 1.0 if ok else 0.0
        tie[2] += 1.0
    if not ties:
        return Curve((), ())
    blocks: list[list[float]] = []  # [sum_x, sum_y, n]
    for x in sorted(ties):
        blocks.append(ties[x])
        while len(blocks) > 1 and _violates(blocks[-2], blocks[-1], min_block):
            sx, sy, n = blocks.pop()
            blocks[-1][0] += sx
            blocks[-1][1] += sy
            blocks[-1][2] += n
    while len(blocks) > 1 and blocks[-1][2] < min_block:  # a thin top block joins its neighbour
        sx, sy, n = blocks.pop()
        blocks[-1] = [blocks[-1][0] + sx, blocks[-1][1] + sy, blocks[-1][2] + n]
    return Curve(tuple(b[0] / b[2] for b in blocks), tuple(b[1] / b[2] for b in blocks))


def _violates(left: list[float], right: list[float], min_block: int) -> bool:
    return left[1] / left[2] >= right[1] / right[2] or left[2] < min_block


def fit(answers: Sequence[tuple[float, str | None, bool, bool]], note: str = "") -> ScoreCalibration:
    """A calibration from ``(raw, kind, fuzzy, correct)`` per resolved answer."""
    grouped: dict[str, list[tuple[float, bool]]] = {}
    for raw, kind, fuzzy, ok in answers:
        grouped.setdefault(group_of(kind, fuzzy), []).append((raw, ok))
    return ScoreCalibration({g: fit_curve(pairs) for g, pairs in grouped.items()}, note)


def reliability(scored: Sequence[tuple[float, bool]], bins: int = 10) -> dict:
    """Expected calibration error, Brier score and the per-bin table of (score, correct) pairs."""
    table = []
    ece = 0.0
    for b in range(bins):
        inside = [(s, ok) for s, ok in scored if min(int(s * bins), bins - 1) == b]
        if not inside:
            continue
        mean = sum(s for s, _ in inside) / len(inside)
        acc = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / len(scored) * abs(mean - acc)
        table.append((b / bins, (b + 1) / bins, len(inside), mean, acc))
    brier = sum((s - ok) ** 2 for s, ok in scored) / max(len(scored), 1)
    return {"ece": ece, "brier": brier, "bins": table, "n": len(scored)}
