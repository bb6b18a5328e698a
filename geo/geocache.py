"""The persistent geocoding cache: one SQLite file in the data folder.

Answers are keyed by (geocoder name, normalised query, country bias), including "no answer",
so a name is never asked twice. :class:`CachedGeocoder` sits outside the rate limiter, so a
hit never waits. Hit and miss counters are persistent (the dashboard shows them). A corrupt
file is moved aside and rebuilt with a warning: losing a cache is never fatal.

>>> cache = GeocodeCache.open("cache")                   # doctest: +SKIP
>>> geocoder = CachedGeocoder(OfflineGeocoder(gaz), cache)  # doctest: +SKIP
"""
from __future__ import annotations

import atexit
import functools
import json
import logging
import sqlite3
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import TextIO

from geo.names import normalise
from geo.records import Place

log = logging.getLogger(__name__)
CACHE_FILE = "geocache.sqlite"
COUNTER_BATCH = 1000
_SCHEMA = """
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
PRAGMA busy_timeout=10000;
CREATE TABLE IF NOT EXISTS answers (geocoder TEXT NOT NULL, query TEXT NOT NULL, answer TEXT,
                                    created REAL NOT NULL, PRIMARY KEY (geocoder, query));
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters VALUES ('hits', 0), ('misses', 0);
"""
_MISSING = object()


class GeocodeCache:
    """Get/put geocoder answers by (geocoder, query); counts hits and misses."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db = self._connect()
        # An in-process copy of what was read or written, so a warm lookup costs a dict access,
        # and counters kept in memory and added to the file in batches (a commit per hit would
        # make every hit wait for the disk).
        self._memo: dict[tuple[str, str], Place | None] = {}  # Places are frozen: safe to share
        self._pending = {"hits": 0, "misses": 0}
        atexit.register(self._flush_quietly)

    @classmethod
    def open(cls, data_dir: str | Path) -> "GeocodeCache":
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        return cls(Path(data_dir) / CACHE_FILE)

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, check_same_thread=False)
            db.executescript(_SCHEMA)
            db.execute("SELECT COUNT(*) FROM answers").fetchone()
            return db
        except sqlite3.DatabaseError as exc:
            aside = self.path.with_suffix(f".corrupt-{int(time.time())}")
            log.warning("geocoding cache %s is corrupt (%s); moved to %s and starting a new one", self.path, exc, aside)
            self.path.replace(aside)
            db = sqlite3.connect(self.path, check_same_thread=False)
            db.executescript(_SCHEMA)
            return db

    def get(self, geocoder: str, query: str) -> Place | None | object:
        """The cached answer (a Place or None), or ``MISSING`` when the query was never asked."""
        key = (geocoder, query)
        with self._lock:
            answer = self._memo.get(key, _MISSING)
            if answer is _MISSING:
                row = self._db.execute("SELECT answer FROM answers WHERE geocoder = ? AND query = ?",
                                       key).fetchone()
                if row is not None:
                    answer = self._memo[key] = _decode(row[0])
            self._count("misses" if answer is _MISSING else "hits")
        return answer

    def put(self, geocoder: str, query: str, answer: Place | None) -> None:
        payload = json.dumps(asdict(answer)) if answer is not None else None
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",
                             (geocoder, query, payload, time.time()))
            self._db.commit()
            self._memo[(geocoder, query)] = answer

    def _count(self, name: str) -> None:
        self._pending[name] += 1
        if sum(self._pending.values()) >= COUNTER_BATCH:
            self._flush_counters()

    def _flush_counters(self) -> None:
        for name, value in self._pending.items():
            if value:
                self._db.execute("UPDATE counters SET value = value + ? WHERE name = ?", (value, name))
        self._db.commit()
        self._pending = {"hits": 0, "misses": 0}

    def _flush_quietly(self) -> None:
        try:
            self.flush()
        except sqlite3.Error:  # already closed: nothing left to write
            pass

    def flush(self) -> None:
        """Write the hit/miss counters kept in memory to the file."""
        with self._lock:
            self._flush_counters()

    def stats(self) -> dict[str, int]:
        """hits, misses and size (number of cached answers)."""
        with self._lock:
            self._flush_counters()
            counters = dict(self._db.execute("SELECT name, value FROM counters"))
            size = self._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
        return {"hits": counters.get("hits", 0), "misses": counters.get("misses", 0), "size": size}

    def clear(self) -> int:
        """Forget every answer and reset the counters; returns how many answers were removed."""
        with self._lock:
            removed = self._db.execute("DELETE FROM answers").rowcount
            self._db.execute("UPDATE counters SET value = 0")
            self._memo.clear()
            self._pending = {"hits": 0, "misses": 0}
            self._db.commit()
        return removed

    def close(self) -> None:
        self.flush()
        self._db.close()


MISSING = _MISSING


_normalised = functools.lru_cache(maxsize=1 << 16)(normalise)  # the same names recur across articles


def _decode(payload: str | None) -> Place | None:
    return Place(**json.loads(payload)) if payload else None


class CachedGeocoder:
    """Any geocoder behind the cache: hits return at once, misses ask ``inner`` and are stored."""

    def __init__(self, inner, cache: GeocodeCache) -> None:
        self.inner = inner
        self.cache = cache
        self.name = inner.name

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: float | None = None,
                country_bias: str | None = None):
        if not exactly_one:
            return self.inner.geocode(query, exactly_one=False, timeout=timeout, country_bias=country_bias)
        key = _normalised(query) + (f"|{country_bias.upper()}" if country_bias else "")
        cached = self.cache.get(self.name, key)
        if cached is not MISSING:
            return cached
        answer = self.inner.geocode(query, exactly_one=True, timeout=timeout, country_bias=country_bias)
        self.cache.put(self.name, key, answer if isinstance(answer, Place) else None)
        return answer


def command_cache_stats(settings, stdout: TextIO = sys.stdout) -> int:
    """``newsmap cache stats``: hits, misses and size of the geocoding cache."""
    cache = GeocodeCache.open(settings.data_dir)
    print(json.dumps({"path": str(cache.path), **cache.stats()}), file=stdout)
    return 0


def command_cache_clear(settings, stdout: TextIO = sys.stdout) -> int:
    """``newsmap cache clear``: forget every cached geocoding answer."""
    removed = GeocodeCache.open(settings.data_dir).clear()
    print(f"removed {removed} cached answers", file=stdout)
    return 0
