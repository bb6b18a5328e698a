"""The persistent geocoding cache: one SQLite file in the data folder.

Answers are keyed by (geocoder name, normalised query, country bias), including "no answer",
so a name is never asked twice. :class:`CachedGeocoder` sits outside the rate limiter, so a
hit never waits. Hit and miss counters are persistent (the dashboard shows them). A corrupt
file is moved aside and rebuilt with a warning, and a file another program holds locked is
written once it is free: a cache is never fatal.

>>> cache = GeocodeCache.open("cache")                   # doctest: +SKIP
>>> geocoder = CachedGeocoder(OfflineGeocoder(gaz), cache)  # doctest: +SKIP
"""
from __future__ import annotations

import atexit
import json
import logging
import sqlite3
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Callable, TextIO

from geo.errors import GeocoderError
from geo.names import normalise
from geo.records import Place

log = logging.getLogger(__name__)
CACHE_FILE = "geocache.sqlite"
COUNTER_BATCH = 1000
_SCHEMA = """
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE IF NOT EXISTS answers (geocoder TEXT NOT NULL, query TEXT NOT NULL, answer TEXT,
                                    created REAL NOT NULL, PRIMARY KEY (geocoder, query));
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters VALUES ('hits', 0), ('misses', 0);
"""
_MISSING = object()
_SKIPPED = object()


class GeocodeCache:
    """Get/put geocoder answers by (geocoder, query); counts hits and misses.

    The file is shared: another ingest, a dashboard or a user's SQLite browser may hold it locked.
    A lock never stops geocoding: answers stay in memory, and what could not be written is written
    when the file is free again (tried at most every ``retry_seconds``, and at close).
    """

    def __init__(self, path: str | Path, *, busy_timeout: float = 5.0, retry_seconds: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self.retry_seconds = retry_seconds
        self._clock = clock
        self._lock = threading.Lock()
        # An in-process copy of what was read or written, so a warm lookup costs a dict access,
        # and counters kept in memory and added to the file in batches (a commit per hit would
        # make every hit wait for the disk).
        self._memo: dict[tuple[str, str], Place | None] = {}  # Places are frozen: safe to share
        self._pending = {"hits": 0, "misses": 0}
        self._unsaved: dict[tuple[str, str], str | None] = {}  # answers a lock kept from the file
        self._prepared = False
        self._locked_until = 0.0
        self._db = self._connect()
        atexit.register(self._flush_quietly)

    @classmethod
    def open(cls, data_dir: str | Path) -> "GeocodeCache":
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        return cls(Path(data_dir) / CACHE_FILE)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.busy_timeout, check_same_thread=False)
        try:
            self._prepare(db)
        except sqlite3.OperationalError as exc:
            if not _is_locked(exc):
                return self._replace_corrupt(db, exc)
            self._note_locked(exc)
        except sqlite3.DatabaseError as exc:
            return self._replace_corrupt(db, exc)
        return db

    def _prepare(self, db: sqlite3.Connection) -> None:
        db.executescript(_SCHEMA)
        db.execute("SELECT COUNT(*) FROM answers").fetchone()
        self._prepared = True

    def _replace_corrupt(self, db: sqlite3.Connection, exc: Exception) -> sqlite3.Connection:
        db.close()
        aside = self.path.with_suffix(f".corrupt-{int(time.time())}")
        log.warning("geocoding cache %s is corrupt (%s); moved to %s and starting a new one", self.path, exc, aside)
        self.path.replace(aside)
        db = sqlite3.connect(self.path, timeout=self.busy_timeout, check_same_thread=False)
        self._prepare(db)
        return db

    def _note_locked(self, exc: Exception) -> None:
        if not self._locked_until:
            log.warning("geocoding cache %s is locked by another program (%s); answers are kept in memory "
                        "and written when it is free", self.path, exc)
        self._locked_until = self._clock() + self.retry_seconds

    def _with_file(self, work: Callable[[sqlite3.Connection], object]) -> object:
        """``work(db)`` committed, or ``_SKIPPED`` while the file is locked (callers keep memory copies)."""
        if self._locked_until and self._clock() < self._locked_until:
            return _SKIPPED
        try:
            if not self._prepared:
                self._prepare(self._db)
            result = work(self._db)
            self._db.commit()
        except sqlite3.OperationalError as exc:
            if not _is_locked(exc):
                raise
            self._db.rollback()
            self._note_locked(exc)
            return _SKIPPED
        if self._locked_until:
            log.info("geocoding cache %s is free again", self.path)
            self._locked_until = 0.0
        return result

    def get(self, geocoder: str, query: str) -> Place | None | object:
        """The cached answer (a Place or None), or ``MISSING`` when the query was never asked."""
        key = (geocoder, query)
        with self._lock:
            answer = self._memo.get(key, _MISSING)
            if answer is _MISSING:
                row = self._with_file(lambda db: db.execute(
                    "SELECT answer FROM answers WHERE geocoder = ? AND query = ?", key).fetchone())
                if row is not None and row is not _SKIPPED:
                    answer = self._memo[key] = _decode(row[0])
            self._count("misses" if answer is _MISSING else "hits")
        return answer

    def put(self, geocoder: str, query: str, answer: Place | None) -> None:
        payload = json.dumps(asdict(answer)) if answer is not None else None
        with self._lock:
            self._memo[(geocoder, query)] = answer
            self._unsaved[(geocoder, query)] = payload
            self._with_file(self._write_unsaved)

    def _write_unsaved(self, db: sqlite3.Connection) -> None:
        now = time.time()
        db.executemany("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",
                       [(g, q, payload, now) for (g, q), payload in self._unsaved.items()])
        self._unsaved.clear()

    def _count(self, name: str) -> None:
        self._pending[name] += 1
        if sum(self._pending.values()) >= COUNTER_BATCH:
            self._flush_counters()

    def _flush_counters(self) -> bool:
        """Write pending answers and counters; False while the file is locked (nothing is lost)."""
        def write(db: sqlite3.Connection) -> None:
            self._write_unsaved(db)
            for name, value in self._pending.items():
                if value:
                    db.execute("UPDATE counters SET value = value + ? WHERE name = ?", (value, name))

        if self._with_file(write) is _SKIPPED:
            return False
        self._pending = {"hits": 0, "misses": 0}
        return True

    def _flush_quietly(self) -> None:
        try:
            self.flush()
        except sqlite3.Error:  # already closed: nothing left to write
            pass

    def flush(self) -> bool:
        """Write the answers and hit/miss counters kept in memory to the file; False if it is locked."""
        with self._lock:
            self._locked_until = 0.0  # an explicit flush tries now
            return self._flush_counters()

    def stats(self) -> dict[str, int]:
        """hits, misses and size (number of cached answers); from memory while the file is locked."""
        with self._lock:
            self._flush_counters()
            read = self._with_file(lambda db: (dict(db.execute("SELECT name, value FROM counters")),
                                               db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]))
            if read is _SKIPPED:
                return {**self._pending, "size": len(self._memo)}
            counters, size = read
            counters = {name: counters.get(name, 0) + self._pending[name] for name in ("hits", "misses")}
        return {**counters, "size": size}

    def clear(self) -> int:
        """Forget every answer and reset the counters; returns how many answers were removed."""
        def wipe(db: sqlite3.Connection) -> int:
            removed = db.execute("DELETE FROM answers").rowcount
            db.execute("UPDATE counters SET value = 0")
            return removed

        with self._lock:
            self._locked_until = 0.0
            removed = self._with_file(wipe)
            if removed is _SKIPPED:
                raise GeocoderError(f"the geocoding cache {self.path} is locked by another program; "
                                    "stop it (or wait) and run `newsmap cache clear` again")
            self._memo.clear()
            self._unsaved.clear()
            self._pending = {"hits": 0, "misses": 0}
        return removed

    def close(self) -> None:
        self.flush()
        self._db.close()


def _is_locked(exc: Exception) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


MISSING = _MISSING


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
        key = normalise(query) + (f"|{country_bias.upper()}" if country_bias else "")
        cached = self.cache.get(self.name, key)
        if cached is not MISSING:
            return cached
        answer = self.inner.geocode(query, exactly_one=True, timeout=timeout, country_bias=country_bias)
        self.cache.put(self.name, key, answer if isinstance(answer, Place) else None)
        return answer


def describe_stats(stats: dict[str, int]) -> str:
    """The counters of :meth:`GeocodeCache.stats` in a sentence (the dashboard shows it).

    >>> describe_stats({"hits": 5, "misses": 2, "size": 2})
    '2 answers kept; 5 hits and 2 misses since it was last cleared (71% answered from the cache)'
    """
    asked = stats["hits"] + stats["misses"]
    if not asked and not stats["size"]:
        return "empty (no online lookups yet)"
    answers = f"{stats['size']:,} answer{'s' * (stats['size'] != 1)} kept"
    if not asked:
        return f"{answers}; no lookups since it was last cleared"
    return (f"{answers}; {stats['hits']:,} hit{'s' * (stats['hits'] != 1)} and {stats['misses']:,} "
            f"miss{'es' * (stats['misses'] != 1)} since it was last cleared "
            f"({stats['hits'] / asked:.0%} answered from the cache)")


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
