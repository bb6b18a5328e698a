"""The offline gazetteer: one SQLite file built from pip-shipped data, queried by normalised name.

Built once into ``<data_dir>/gazetteer-<FORMAT>.sqlite`` (see :mod:`geo.places.sources` for what goes
in) and rebuilt automatically when it is missing, corrupt, or was built from other source
versions (the fingerprint is stored in the file's ``meta`` table). Lookups are one indexed
query per normalised name, memoised per process.

>>> gaz = Gazetteer.open("cache")                       # doctest: +SKIP
>>> gaz.candidates("Beirut")[0].place.country_code      # doctest: +SKIP
'LB'
"""
from __future__ import annotations

import functools
import json
import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, TextIO

from geo.places import sources
from geo.errors import GazetteerError
from geo.names import normalise
from geo.records import Place

FORMAT = 9  # 2, 3: ISO codes of countries and subdivisions have their own form "code"; 4: admin1 consensus points;
# 5: curated physical features and former subdivisions (geo/data/features.json, former_subdivisions.json);
# 6: a country point the package puts off its outline is moved onto the country (Kuwait, Fiji, the Bahamas);
# 7: airports (airportsdata) of kind "airport"; 8: US post towns (zipcodes) cities500 lacks;
# 9: curated landmarks and city districts (geo/data/landmarks.json), kinds "landmark" and "district"
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, country_code TEXT, geonameid INTEGER,
    population INTEGER NOT NULL, feature TEXT NOT NULL, admin1 TEXT, geometry TEXT);
CREATE TABLE names (name TEXT NOT NULL, place INTEGER NOT NULL, form TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX names_name ON names (name);
CREATE INDEX places_country ON places (country_code, kind);
"""


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to, with how the name matched it."""

    place: Place
    population: int
    feature: str
    admin1: str | None
    form: str
    fuzzy: bool = False


def gazetteer_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / f"gazetteer-{FORMAT}.sqlite"


def fingerprint() -> str:
    """Format and source versions, as stored in (and compared with) a built gazetteer."""
    return json.dumps({"format": FORMAT, **sources.source_versions()}, sort_keys=True)


def build_gazetteer(
    data_dir: str | Path,
    progress: bool | TextIO = True,
    entries: Callable[[], Iterable[sources.Entry]] = sources.all_entries,
    extra_names: Callable[[], Iterable[tuple[str, str, str]]] = sources.extra_names,
    version: Callable[[], str] = fingerprint,
) -> Path:
    """Build the gazetteer file from the sources; returns its path.

    Writes to a temporary file and renames it, so a crash never leaves half a gazetteer.
    ``entries``/``extra_names``/``version`` are injectable so tests can build a tiny one.
    """
    path = gazetteer_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    started = time.perf_counter()
    db = sqlite3.connect(tmp)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        count = _write_entries(db, entries(), progress)
        _write_extra_names(db, extra_names())
        db.executescript(_INDEXES)
        meta = {"fingerprint": version(), "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "build_seconds": f"{time.perf_counter() - started:.1f}", "places": str(count)}
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)
    return path


def _write_entries(db: sqlite3.Connection, entries: Iterable[sources.Entry], progress: bool | TextIO) -> int:
    bar = _progress_bar(progress)
    count = 0
    for rowid, entry in enumerate(entries, start=1):
        db.execute("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                   (rowid, entry.id, entry.name, entry.kind, entry.lat, entry.lon, entry.country_code,
                    entry.geonameid, entry.population, entry.feature, entry.admin1, entry.geometry))
        keys = dict.fromkeys((normalise(name), form) for name, form in entry.names)
        db.executemany("INSERT INTO names VALUES (?,?,?)", [(key, rowid, form) for key, form in keys if key])
        count += 1
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return count


def _progress_bar(progress: bool | TextIO):
    if not progress:
        return None
    from tqdm import tqdm

    stream = sys.stderr if progress is True else progress
    return tqdm(total=None, desc="building gazetteer", unit=" places", file=stream, mininterval=1.0)


def _write_extra_names(db: sqlite3.Connection, rows: Iterable[tuple[str, str, str]]) -> None:
    """Curated names; "subdivision:CC-XX" ids are the admin1 of country CC whose ISO code is XX."""
    for place_id, spelling, form in rows:
        if place_id.startswith("subdivision:"):
            cc, _, code = place_id.split(":")[1].partition("-")
            found = db.execute("SELECT p.rowid FROM places p JOIN names n ON n.place = p.rowid WHERE p.kind = "
                               "'admin1' AND p.country_code = ? AND n.form = 'code' AND n.name = ?",
                               (cc, code.lower())).fetchone()
        else:
            found = db.execute("SELECT rowid FROM places WHERE id = ?", (place_id,)).fetchone()
        if found and normalise(spelling):
            db.execute("INSERT INTO names VALUES (?,?,?)", (normalise(spelling), found[0], form))


def _readable(method: Callable) -> Callable:
    """``method`` of a gazetteer whose pages are damaged (a disk fault, a bad copy: the header and ``meta`` can be
    whole, so opening works) raises a :class:`GazetteerError` saying how to rebuild it, not SQLite's bare
    "database disk image is malformed" for every article."""
    @functools.wraps(method)
    def read(self: "Gazetteer", *args: object) -> object:
        try:
            return method(self, *args)
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"the gazetteer {self.path} is damaged ({exc}); delete it and run: "
                                 "newsmap gazetteer build") from exc
    return read


class Gazetteer:
    """Read-only access to a built gazetteer file.

    Open with :meth:`open` (builds when needed) or directly on a path. Thread-safe for
    reading: each call uses the one connection under SQLite's serialised mode.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self.meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as exc:
            raise GazetteerError(f"{self.path} is not a newsmap gazetteer ({exc}); "
                                 "delete it and run: newsmap gazetteer build") from exc
        self._lookup = lru_cache(maxsize=200_000)(self._lookup_uncached)
        self._by_id = lru_cache(maxsize=50_000)(self._place_uncached)

    @classmethod
    def open(cls, data_dir: str | Path, progress: bool | TextIO = True,
             version: Callable[[], str] = fingerprint, **build_options) -> "Gazetteer":
        """Open the gazetteer in ``data_dir``, building it first if missing, corrupt or outdated."""
        path = gazetteer_path(data_dir)
        if path.exists():
            try:
                gaz = cls(path)
                if gaz.meta.get("fingerprint") == version():
                    return gaz
                gaz.close()
            except GazetteerError:
                pass
        if progress:
            print(f"newsmap: building the offline gazetteer into {path} (once, about a minute)",
                  file=sys.stderr if progress is True else progress)
        build_gazetteer(data_dir, progress=progress, version=version, **build_options)
        return cls(path)

    def close(self) -> None:
        self._db.close()

    def candidates(self, name: str, *, fuzzy: bool = True) -> tuple[Candidate, ...]:
        """Every place called ``name`` (normalised, alternate names included).

        Fuzzy matching is only a fallback: it runs when no exact name matches.
        """
        key = normalise(name)
        if not key:
            return ()
        found = self._lookup(key)
        if found or not fuzzy or len(key) < 5:
            return found
        return self._fuzzy(key)

    def known(self, name: str) -> bool:
        return bool(self.candidates(name, fuzzy=False))

    @_readable
    def _lookup_uncached(self, key: str) -> tuple[Candidate, ...]:
        rows = self._db.execute(
            "SELECT p.id, p.name, p.kind, p.lat, p.lon, p.country_code, p.geonameid, p.population, p.feature, "
            "p.admin1, MIN(CASE n.form WHEN 'name' THEN 0 WHEN 'abbr' THEN 1 WHEN 'code' THEN 2 WHEN 'alt' THEN 3 ELSE 4 END) "
            "FROM names n JOIN places p ON p.rowid = n.place WHERE n.name = ? GROUP BY p.rowid", (key,)).fetchall()
        forms = ("name", "abbr", "code", "alt", "demonym")
        return tuple(Candidate(Place(id=r[0], name=r[1], kind=r[2], lat=r[3], lon=r[4], country_code=r[5],
                                     geonameid=r[6]), population=r[7], feature=r[8], admin1=r[9], form=forms[r[10]])
                     for r in rows)

    @_readable
    def _fuzzy(self, key: str) -> tuple[Candidate, ...]:
        from rapidfuzz import fuzz, process

        prefix = key[:3]
        names = [r[0] for r in self._db.execute(
            "SELECT DISTINCT name FROM names WHERE name >= ? AND name < ? LIMIT 20000", (prefix, prefix + "\uffff"))]
        best = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=88)
        if not best:
            return ()
        return tuple(Candidate(c.place, c.population, c.feature, c.admin1, c.form, fuzzy=True)
                     for c in self._lookup(best[0]))

    @_readable
    def cities_above(self, population: int) -> tuple[Candidate, ...]:
        """Every city of at least ``population`` inhabitants, largest first (matched by no name: form "name")."""
        rows = self._db.execute(
            "SELECT id, name, kind, lat, lon, country_code, geonameid, population, feature, admin1 FROM places "
            "WHERE kind = 'city' AND population >= ? ORDER BY population DESC", (population,)).fetchall()
        return tuple(Candidate(Place(id=r[0], name=r[1], kind=r[2], lat=r[3], lon=r[4], country_code=r[5],
                                     geonameid=r[6]), population=r[7], feature=r[8], admin1=r[9], form="name")
                     for r in rows)

    @_readable
    def names_of(self, place_id: str) -> tuple[tuple[str, str], ...]:
        """Every (normalised name, form) the place is known by: its own, its alternates, its codes."""
        return tuple(self._db.execute("SELECT n.name, n.form FROM names n JOIN places p ON p.rowid = n.place "
                                      "WHERE p.id = ?", (place_id,)).fetchall())

    def place(self, place_id: str) -> Place | None:
        """The place with this id ("country:LB", "gn:276781"), geometry included."""
        return self._by_id(place_id)

    @_readable
    def _place_uncached(self, place_id: str) -> Place | None:
        row = self._db.execute("SELECT id, name, kind, lat, lon, country_code, geonameid, geometry FROM places "
                               "WHERE id = ?", (place_id,)).fetchone()
        return Place(*row) if row else None

    def country(self, code: str) -> Place:
        """The country with ISO 3166 alpha-2 ``code``, with its polygon when known."""
        place = self.place(f"country:{code.upper()}")
        if place is None:
            raise GazetteerError(f"unknown country code {code!r}; use an ISO 3166 alpha-2 code such as 'LB'")
        return place

    @_readable
    def population(self, place_id: str) -> int:
        row = self._db.execute("SELECT population FROM places WHERE id = ?", (place_id,)).fetchone()
        return int(row[0]) if row else 0

    @_readable
    def status(self) -> dict[str, object]:
        """What the file holds: path, size, counts by kind, build time and source versions."""
        kinds = dict(self._db.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind"))
        names = self._db.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return {"path": str(self.path), "size_mb": round(self.path.stat().st_size / 1e6, 1), "kinds": kinds,
                "names": names, "built_at": self.meta.get("built_at"),
                "build_seconds": float(self.meta.get("build_seconds", 0)),
                "sources": json.loads(self.meta.get("fingerprint", "{}")),
                "up_to_date": self.meta.get("fingerprint") == fingerprint()}


def command_gazetteer_build(settings, stdout: TextIO = sys.stdout) -> int:
    """``newsmap gazetteer build``: (re)build the gazetteer in the data folder."""
    started = time.perf_counter()
    path = build_gazetteer(settings.data_dir, progress=True)
    print(f"built {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s", file=stdout)
    return 0


def command_gazetteer_status(settings, stdout: TextIO = sys.stdout) -> int:
    """``newsmap gazetteer status``: where the gazetteer is, what it holds, whether it is current."""
    path = gazetteer_path(settings.data_dir)
    if not path.exists():
        print(f"no gazetteer at {path}; it is built on first use, or run: newsmap gazetteer build", file=stdout)
        return 1
    try:
        info = Gazetteer(path).status()
    except GazetteerError as exc:
        print(f"error: {exc}", file=stdout)
        return 1
    print(json.dumps(info, indent=1), file=stdout)
    return 0 if info["up_to_date"] else 1
