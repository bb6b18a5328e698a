"""How many of the development corpora's gold toponyms the gazetteer can answer at all.

A gold toponym (with coordinates) is *covered* when the name, read as the resolver reads it (a demonym as its
country, "North Texas" as Texas, "Aleppo Governorates" as the governorate), has a gazetteer reading within
161 km of the gold point, so that a perfect ranking would get it right. It measures the data, not the ranking:
the resolver's accuracy on gold spans can reach this share and no further.

    NEWSMAP_DATA_DIR=cache .venv/bin/python benchmarks/gazetteer_coverage.py [--missing 30]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's geo, not an installed one

from _corpus import CORPORA, eval_docs  # noqa: E402
from geo.places.gazetteer import Gazetteer  # noqa: E402
from geo.places.geoparsing import Geoparser  # noqa: E402
from geo.places.points import haversine_km  # noqa: E402
from geo.places.resolution import Resolver  # noqa: E402
from geo.records import Mention  # noqa: E402
from geo.settings import load_settings  # noqa: E402

ACC_KM = 161.0


def covered(geoparser: Geoparser, name: str, lat: float, lon: float) -> bool:
    """Whether some reading of ``name`` lies within 161 km of (lat, lon)."""
    resolver = geoparser.resolver
    mention = resolver._directional(Mention(0, len(name), name, geoparser._label(name)))
    key = resolver._key(mention.text, mention.label)
    return any(haversine_km(lat, lon, c.place.lat, c.place.lon) <= ACC_KM for c in resolver._candidates(*key))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--missing", type=int, default=0, help="print the N most frequent uncovered names per corpus")
    args = parser.parse_args(argv)
    geoparser = Geoparser(None, Resolver(Gazetteer.open(load_settings().data_dir)))
    totals: Counter = Counter()
    missing: dict[str, Counter] = {c: Counter() for c in CORPORA}
    for corpus, doc in eval_docs():
        for gold in doc.toponyms:
            if not gold.has_coords:
                continue
            name = doc.text[gold.start:gold.end]
            ok = covered(geoparser, name, gold.lat, gold.lon)
            totals[corpus, "all"] += 1
            totals[corpus, "covered"] += ok
            if not ok:
                missing[corpus][name] += 1
    print("| corpus | gold with coordinates | covered | share |")
    print("|---|---|---|---|")
    for corpus in CORPORA:
        n, k = totals[corpus, "all"], totals[corpus, "covered"]
        print(f"| {corpus} | {n:,} | {k:,} | {k / n:.3f} |")
    n, k = sum(totals[c, "all"] for c in CORPORA), sum(totals[c, "covered"] for c in CORPORA)
    print(f"| all three | {n:,} | {k:,} | {k / n:.3f} |")
    for corpus in CORPORA if args.missing else ():
        print(corpus, ", ".join(f"{name} {n}" for name, n in missing[corpus].most_common(args.missing)))


if __name__ == "__main__":
    main()
