"""US towns too small for GeoNames' cities500, from the post offices of the zipcodes package.

US local news names villages of a few hundred people ("Meadow Grove, Neb.", "Tennessee Colony") that cities500
leaves out; every one of them has a post office. The zipcodes package (MIT) ships the US Postal Service's ZIP
codes with each one's town, state and point. A town here is the mean point of its standard and PO box ZIP codes
(not military or single-business ones), under its state, with no population: a cities500 town of the same name
comes first without context, and a town cities500 already has within 25 km under that state is not repeated.
A town named only by an English word for a kind of place ("Island", Kentucky) is left out: alone, the word is no
name.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from geo.names import fold, slug
from geo.places.placewords import KIND_WORDS, WELL_KNOWN
from geo.places.points import haversine_km, nearest_km

__all__ = ["post_towns", "far_beside_a_great_namesake", "beside_a_great_namesake"]

#: ZIP code types that are places people live: not APO/FPO military mail nor one firm's own code.
_TOWN_TYPES = frozenset({"STANDARD", "PO BOX"})
#: A cities500 town this near, with the same name and state, is the same town.
_SAME_TOWN_KM = 25.0
_ID_PREFIX = "zip:"
#: "Near" another town of the article: about the reach of the resolver's neighbour rule (a grid cell of half a
#: degree and the cells around it, ``geo.places.neighbours.NEIGHBOUR_CELL_DEG``).
_NEAR_KM = 100.0


def post_towns(states: dict[str, str], known: Iterable[tuple[str, str | None, float, float]]
               ) -> Iterator[tuple[str, str, str, float, float]]:
    """(id, name, admin1 id, lat, lon) of each post town not in ``known``.

    ``states`` maps a state's postal code ("NE") to its subdivision id; ``known`` holds the (name, admin1 id,
    lat, lon) of the US towns already in the gazetteer.
    """
    import zipcodes

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    spelling: dict[tuple[str, str], str] = {}
    for row in zipcodes.list_all():
        if row["zip_code_type"] not in _TOWN_TYPES or not row["lat"] or row["state"] not in states \
                or fold(row["city"]) in KIND_WORDS:  # "Island", "Center": alone, a word, not a town worth its risk
            continue
        key = (fold(row["city"]), row["state"])
        points[key].append((float(row["lat"]), float(row["long"])))
        spelling.setdefault(key, row["city"])
    near: dict[tuple[str, str | None], list[tuple[float, float]]] = defaultdict(list)
    for name, admin1, lat, lon in known:
        near[fold(name), admin1].append((lat, lon))
    for (name, state), pts in sorted(points.items()):
        lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        admin1 = states[state]
        if any(haversine_km(lat, lon, a, b) <= _SAME_TOWN_KM for a, b in near.get((name, admin1), ())):
            continue
        yield f"{_ID_PREFIX}{state}:{slug(spelling[name, state])}", spelling[name, state], admin1, lat, lon


def _great_namesake(candidates: Sequence) -> bool:
    return any(c.form == "name" and c.population >= WELL_KNOWN and c.place.kind == "city" for c in candidates)


def beside_a_great_namesake(candidates: Sequence) -> bool:
    """Whether :func:`far_beside_a_great_namesake` can find anything among a name's readings, whatever the article:
    a post town and a well-known city of the name (worked out once per name)."""
    return any(c.place.id.startswith(_ID_PREFIX) for c in candidates) and _great_namesake(candidates)


def far_beside_a_great_namesake(candidates: Sequence, scores: Sequence[float], key, towns: Sequence) -> list[int]:
    """The indices of a name's post towns that lie farther than :data:`_NEAR_KM` from every other town the article
    reads (``towns``: (name key, prepared point) of its answers that are towns or counties), when the name is also
    a well-known city's own name ("Denver", "Oakland"). News names such a city bare, and a post office's village
    of a few hundred people with its state ("Denver, Ind.") or among its neighbours ("a crash in Berlin" after
    Middletown and Hartford): a state named elsewhere in the article is no cue for it. The resolver asks this only
    of a name written without its container, and only when such a post town would be its answer (``scores``: the
    readings' scores), so that no other reading's share moves."""
    if not candidates[scores.index(max(scores))].place.id.startswith(_ID_PREFIX):
        return []
    posts = [i for i, c in enumerate(candidates) if c.place.id.startswith(_ID_PREFIX)]
    if not _great_namesake(candidates):
        return []
    others = [point for k, point in towns if k != key]
    return [i for i in posts if (near := nearest_km(candidates[i].place.lat, candidates[i].place.lon, others,
                                                     beyond=_NEAR_KM, within=_NEAR_KM)) is None or near > _NEAR_KM]
