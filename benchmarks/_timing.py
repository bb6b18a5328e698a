"""Medians of repeated (wall, CPU) timings, and their ratios to a baseline timed in the same runs."""
from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Medians:
    wall: float
    cpu: float
    ratio_wall: float  # median over runs of baseline / this, so each run is compared with its own baseline
    ratio_cpu: float


def medians(runs: list[tuple[float, float]], baseline: list[tuple[float, float]]) -> Medians:
    """``runs`` and ``baseline`` are (wall, CPU) seconds of the same repeats, in order."""
    return Medians(wall=statistics.median(w for w, _ in runs), cpu=statistics.median(c for _, c in runs),
                   ratio_wall=statistics.median(b[0] / x[0] for b, x in zip(baseline, runs)),
                   ratio_cpu=statistics.median(b[1] / x[1] for b, x in zip(baseline, runs)))
