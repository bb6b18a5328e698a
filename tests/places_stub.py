"""A stand-in for the geoparser in actor and event tests.

The real geoparser is built in parallel; these tests need place mentions shaped like
its output (countries, demonyms resolving to their country, a few cities and regions)
and nothing more, so they resolve GPE/LOC/NORP entities with the country table and a
short list of the seeds' cities.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from geo.catalog import Countries
from geo.records import Mention, Place, PlaceMention

CITIES = {"Beirut": "LB", "Jerusalem": "IL", "Gaza": "PS", "Tehran": "IR", "Khartoum": "SD", "El Fasher": "SD",
          "Omdurman": "SD", "Darfur": "SD"}
REGIONS = {"southern Lebanon": "LB", "northern Israel": "IL"}


def stub_places(doc: Doc, countries: Countries) -> tuple[PlaceMention, ...]:
    found: list[PlaceMention] = []
    for e in doc.ents:
        if e.label_ not in ("GPE", "LOC", "NORP", "FAC"):
            continue
        country = countries.find(e.text)
        if country:
            kind = "demonym" if e.label_ == "NORP" else "country"
            place = Place(f"country:{country.code}", country.name, kind, 0.0, 0.0, country.code)
        elif e.text in CITIES:
            place = Place(f"city:{e.text.lower().replace(' ', '-')}", e.text, "city", 0.0, 0.0, CITIES[e.text])
        else:
            continue
        found.append(PlaceMention(Mention(e.start_char, e.end_char, e.text, e.label_), place, 0.9))
    for name, code in REGIONS.items():
        for m in re.finditer(name, doc.text):
            place = Place(f"region:{name.replace(' ', '-').lower()}", name, "region", 0.0, 0.0, code)
            found.append(PlaceMention(Mention(m.start(), m.end(), name, "LOC"), place, 0.9))
    return tuple(sorted(found, key=lambda pm: pm.mention.start))
