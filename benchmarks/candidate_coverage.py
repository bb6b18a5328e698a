"""What a candidate gazetteer source would add, measured before it is adopted.

A registry package that ships place names with points is worth a source function only if it answers gold toponyms
the gazetteer cannot answer now, and it costs accuracy if it gives names the gazetteer already knows new, far
readings (a namesake can steal an answer). This reads the candidate as TSV lines ``name<TAB>lat<TAB>lon``
(extracted from the package by hand, outside the repository) and prints both counts per corpus:

- *would cover*: gold toponyms uncovered now (``gazetteer_coverage.covered``) whose name, normalised as the
  gazetteer normalises names, has a candidate point within 161 km of the gold point;
- *new far namesakes*: gold toponyms covered now whose name gets a candidate reading more than 161 km from the gold
  point and more than 50 km from every reading the gazetteer already has (not a duplicate of a known place).

``--new-names-only`` keeps only the candidate's names the gazetteer does not know at all, the way a cautious source
would be added (no known name gains a reading, so none can be stolen).

    NEWSMAP_DATA_DIR=cache .venv/bin/python benchmarks/candidate_coverage.py CANDIDATE.tsv [--new-names-only]
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's geo, not an installed one

from _corpus import CORPORA, eval_docs  # noqa: E402
from gazetteer_coverage import ACC_KM, covered  # noqa: E402
from geo.names import normalise  # noqa: E402
from geo.places.gazetteer import Gazetteer  # noqa: E402
from geo.places.geoparsing import Geoparser  # noqa: E402
from geo.places.points import haversine_km  # noqa: E402
from geo.places.resolution import Resolver  # noqa: E402
from geo.settings import load_settings  # noqa: E402

#: A candidate point this near a reading the gazetteer has under the same name is that place again, not a namesake.
SAME_PLACE_KM = 50.0

Points = dict[str, list[tuple[float, float]]]


def read_candidate(path: Path, gazetteer: Gazetteer, new_names_only: bool) -> Points:
    """Normalised name -> the candidate's points under it (rows with a bad point are skipped)."""
    points: Points = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            try:
                name, lat, lon = row[0], float(row[1]), float(row[2])
            except (IndexError, ValueError):
                continue
            key = normalise(name)
            if key and not (new_names_only and gazetteer.candidates(name, fuzzy=False)):
                points[key].append((lat, lon))
    return points


def _known_points(gazetteer: Gazetteer, name: str) -> list[tuple[float, float]]:
    return [(c.place.lat, c.place.lon) for c in gazetteer.candidates(name, fuzzy=False)]


def far_namesake(candidate: list[tuple[float, float]], known: list[tuple[float, float]], lat: float,
                 lon: float) -> bool:
    """Whether a candidate point is a new reading far from the gold point and from every known reading."""
    return any(haversine_km(lat, lon, a, b) > ACC_KM
               and all(haversine_km(a, b, x, y) > SAME_PLACE_KM for x, y in known) for a, b in candidate)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("candidate", type=Path, help="TSV: name, lat, lon (no header)")
    parser.add_argument("--new-names-only", action="store_true", help="keep names the gazetteer does not know")
    parser.add_argument("--names", type=int, default=30, help="print the N most frequent names it would cover")
    args = parser.parse_args(argv)
    gazetteer = Gazetteer.open(load_settings().data_dir)
    geoparser = Geoparser(None, Resolver(gazetteer))
    points = read_candidate(args.candidate, gazetteer, args.new_names_only)
    gained: Counter = Counter()
    risky: Counter = Counter()
    names: Counter = Counter()
    for corpus, doc in eval_docs():
        for gold in (t for t in doc.toponyms if t.has_coords):
            name = doc.text[gold.start:gold.end]
            candidate = points.get(normalise(name), [])
            if not candidate:
                continue
            if not covered(geoparser, name, gold.lat, gold.lon):
                if any(haversine_km(gold.lat, gold.lon, a, b) <= ACC_KM for a, b in candidate):
                    gained[corpus] += 1
                    names[name] += 1
            elif far_namesake(candidate, _known_points(gazetteer, name), gold.lat, gold.lon):
                risky[corpus] += 1
    print(f"{args.candidate.name}: {sum(map(len, points.values())):,} points under {len(points):,} names")
    print("| corpus | would cover | new far namesakes of covered gold toponyms |")
    print("|---|---|---|")
    for corpus in CORPORA:
        print(f"| {corpus} | {gained[corpus]} | {risky[corpus]} |")
    print(f"| all three | {sum(gained.values())} | {sum(risky.values())} |")
    print(", ".join(f"{name} {n}" for name, n in names.most_common(args.names)))


if __name__ == "__main__":
    main()
