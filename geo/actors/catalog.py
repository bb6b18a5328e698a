"""The curated actor catalogue and the table of countries that state actors come from.

The catalogue (``geo/data/actors.json``, versioned) lists well-known actors of the
region with their spellings and affiliations; discovery in ``geo.actors.extraction`` works
without it, the catalogue only adds what the text does not say (that the Quds Force
belongs to the IRGC) and spellings the model misses ("qaani" in lower case).

State actors are linked to places by convention: a state's id is the slug of the
country's short name ("israel", "united-states") and its ``country_code`` is the
ISO code, so the dashboard joins actor ``israel`` to place ``country:IL``. Militaries
and governments derived from a state get ids ``<state>-military`` and
``<state>-government``.

>>> catalog = load_catalog()
>>> catalog.get("quds-force").affiliations
('irgc',)
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from geo.actors.names import fold, person_words
from geo.names import slug
from geo.records import Actor
from geo.settings import PACKAGE_DATA

CATALOG_PATH = PACKAGE_DATA / "actors.json"
KINDS = ("person", "organisation", "armed_group", "state", "military", "government", "media")


@dataclass(frozen=True)
class CatalogEntry:
    """One curated actor, with the country its state-bound kinds belong to and where the facts come from."""

    actor: Actor
    country_code: str | None = None
    source: str = ""
    #: Spellings that are also common words in capitals ("IS" of Islamic State): found only where the words around
    #: make them a name (``geo.actors.aliases``), and never the actor's name elsewhere.
    word_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    version: str
    entries: tuple[CatalogEntry, ...]
    not_actors: tuple[str, ...] = ()

    def get(self, actor_id: str) -> Actor | None:
        entry = self.by_id.get(actor_id)
        return entry.actor if entry else None

    @cached_property
    def by_id(self) -> dict[str, CatalogEntry]:
        return {e.actor.id: e for e in self.entries}

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Folded alias -> actor id, including the name and, for people, an unambiguous surname."""
        index: dict[str, str] = {}
        for entry in self.entries:
            for alias in (entry.actor.name, *entry.actor.aliases):
                index.setdefault(fold(alias), entry.actor.id)
        for surname, ids in self._surnames().items():
            if len(ids) == 1 and surname not in index:
                index[surname] = ids.pop()
        return index

    def _surnames(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for entry in self.entries:
            if entry.actor.kind == "person":
                for alias in (entry.actor.name, *entry.actor.aliases):
                    words = person_words(alias)
                    if len(words) >= 2:
                        found.setdefault(fold(words[-1]), set()).add(entry.actor.id)
        return found

    def country_code(self, actor_id: str) -> str | None:
        entry = self.by_id.get(actor_id)
        return entry.country_code if entry else None

    def is_not_actor(self, text: str) -> bool:
        return fold(text) in {fold(n) for n in self.not_actors}


def load_catalog(path: str | Path = CATALOG_PATH) -> Catalog:
    """Read the curated catalogue; unknown kinds are refused so a typo cannot create a new kind."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    entries = []
    for item in data["actors"]:
        if item["kind"] not in KINDS:
            raise ValueError(f"{path}: actor {item['id']!r} has kind {item['kind']!r}; use one of {', '.join(KINDS)}")
        actor = Actor(id=item["id"], name=item["name"], kind=item["kind"], aliases=tuple(item.get("aliases", ())),
                      affiliations=tuple(item.get("affiliations", ())))
        entries.append(CatalogEntry(actor, item.get("country_code"), item.get("source", ""),
                                    tuple(item.get("word_aliases", ()))))
    return Catalog(version=data["version"], entries=tuple(entries), not_actors=tuple(data.get("not_actors", ())))


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    demonym: str | None

    @property
    def state_id(self) -> str:
        return slug(self.name)


@dataclass(frozen=True)
class Countries:
    """Country names, alternative spellings and demonyms -> Country, for states the catalogue does not list."""

    by_name: dict[str, Country]

    def find(self, text: str) -> Country | None:
        return self.by_name.get(fold(text))

    def by_code(self, code: str) -> Country | None:
        return next((c for c in self.by_name.values() if c.code == code), None)


def load_countries() -> Countries:
    """Build the table from countryinfo (offline; its cost is in docs/benchmarks.md)."""
    import countryinfo

    names: dict[str, Country] = {}
    demonyms: dict[str, tuple[int, Country]] = {}
    for info in countryinfo.all_countries():
        try:
            data = info.info()
        except Exception:  # countryinfo raises on a few incomplete records; they have nothing to add
            continue
        code = (data.get("ISO") or {}).get("alpha2")
        if not code or not data.get("name") or "," in data["name"]:
            continue
        country = Country(code, data["name"], data.get("demonym"))
        for alias in (data["name"], *(data.get("altSpellings") or ())):
            if len(alias) > 3:
                names.setdefault(fold(alias), country)
        population = data.get("population") or 0
        if country.demonym and population > demonyms.get(fold(country.demonym), (-1, None))[0]:
            demonyms[fold(country.demonym)] = (population, country)
    for demonym, (_, country) in demonyms.items():  # a demonym several share names the most populous: "American"
        names.setdefault(demonym, country)  # is the United States, not the Northern Mariana Islands
    for alias, code in (("us", "US"), ("u s", "US"), ("uk", "GB"), ("britain", "GB"), ("iranian", "IR"),
                        ("israeli", "IL"), ("palestinian", "PS")):
        country = next((c for c in names.values() if c.code == code), None)
        if country:
            names.setdefault(fold(alias), country)
    return Countries(names)
