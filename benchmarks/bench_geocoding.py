"""Geocoding through the persistent cache: cold (empty cache) and warm (hits), in lookups/s.

    .venv/bin/python benchmarks/bench_geocoding.py [--limit N]

Queries are the gold toponym surfaces of TR-News, LGL and GeoVirus in document order
(repeats included, as ingest sees them). Measured in one run:
  - cold: an empty cache in front of the offline gazetteer geocoder (every unique name a miss);
  - warm: the same queries again (all hits, served from the in-process copy);
  - reopened: a new process-like cache object on the same file (hits read from SQLite once);
  - online: the cache in front of a rate-limited (1 request/s) service stub: warm hits must never wait.
The ratio warm/cold is printed; the target is >= 50,000 warm lookups/s.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SHARED  # noqa: E402

from geo.places.gazetteer import Gazetteer  # noqa: E402
from geo.places.geocache import CachedGeocoder, GeocodeCache  # noqa: E402
from geo.places.geocoding import OfflineGeocoder, RateLimitedGeocoder  # noqa: E402
from geo.names import normalise  # noqa: E402
from geo.settings import load_settings  # noqa: E402


def queries(limit: int | None) -> list[str]:
    sys.path.insert(0, str(SHARED))
    from geoeval import corpora  # noqa: PLC0415

    names = [t.surface for name in ("TR-News.xml", "lgl.xml", "GeoVirus.xml")
             for d in corpora.load(str(SHARED / "eval" / name)) for t in d.toponyms]
    return names[:limit] if limit else names


def rate(geocoder, names: list[str]) -> float:
    start = time.perf_counter()
    for q in names:
        geocoder.geocode(q)
    return len(names) / (time.perf_counter() - start)


class SlowService:
    """Stands in for an online service: 50 ms per request, answers from the offline geocoder."""

    name = "stub-online"

    def __init__(self, offline: OfflineGeocoder) -> None:
        self.offline, self.calls = offline, 0

    def geocode(self, query: str, **kwargs):
        self.calls += 1
        time.sleep(0.05)
        return self.offline.geocode(query, **kwargs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N queries")
    args = ap.parse_args()
    names = queries(args.limit)
    gaz = Gazetteer.open(load_settings().data_dir, progress=False)
    offline = OfflineGeocoder(gaz)
    tmp = Path(tempfile.mkdtemp(prefix="newsmap-geocache-"))
    cache = GeocodeCache(tmp / "geocache.sqlite")
    cached = CachedGeocoder(offline, cache)
    cold = rate(cached, names)
    warm = rate(cached, names)
    reopened = rate(CachedGeocoder(offline, GeocodeCache(tmp / "geocache.sqlite")), names)
    latencies = []
    for q in names[:5000]:
        t = time.perf_counter_ns()
        cached.geocode(q)
        latencies.append((time.perf_counter_ns() - t) / 1000)
    print(f"queries: {len(names)} ({len(set(names))} unique); cache: {cache.stats()}")
    print(f"cold (empty cache):        {cold:10.0f} lookups/s")
    print(f"warm (hits, in process):   {warm:10.0f} lookups/s   warm/cold {warm / cold:.0f}x")
    print(f"reopened (hits from file): {reopened:10.0f} lookups/s")
    print(f"cache-hit latency: median {statistics.median(latencies):.1f} us, "
          f"p99 {sorted(latencies)[int(len(latencies) * 0.99)]:.1f} us")
    online(offline, tmp, names[:200])


def online(offline: OfflineGeocoder, tmp: Path, names: list[str]) -> None:
    service = SlowService(offline)
    limited = RateLimitedGeocoder(service, min_delay_seconds=1.0)
    cache = GeocodeCache(tmp / "online.sqlite")
    for q in dict.fromkeys(names):  # pre-fill as an earlier ingest would have
        cache.put(service.name, normalise(q), offline.geocode(q))
    geocoder = CachedGeocoder(limited, cache)
    start = time.perf_counter()
    for q in names:
        geocoder.geocode(q)
    secs = time.perf_counter() - start
    print(f"online service behind RateLimiter(1/s), {len(names)} warm lookups: {secs * 1000:.1f} ms, "
          f"service calls {service.calls} (hits never wait)")


if __name__ == "__main__":
    main()
