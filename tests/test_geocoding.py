from __future__ import annotations

import json
import logging
import re
import socket
import sqlite3
import threading

import pytest
from geopy.exc import GeocoderTimedOut
from geopy.location import Location

from geo.places.geocache import MISSING, CachedGeocoder, GeocodeCache
from geo.errors import GeocoderError
from geo.places.geocoding import OfflineGeocoder, make_geocoder
from geo.records import Mention
from geo.places.resolution import Resolver
from geo.settings import Settings


class FakeService:
    """A geopy geocoder stand-in: never touches the network."""

    def __init__(self, fail: bool = False) -> None:
        self.calls = []
        self.fail = fail

    def geocode(self, query, exactly_one=True, timeout=None):
        self.calls.append(query)
        if self.fail:
            raise GeocoderTimedOut("service timed out")
        return Location("Somewhere, Earth", (10.0, 20.0), {})


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_offline_geocoder_has_geopys_shape(gazetteer):
    geocoder = OfflineGeocoder(gazetteer)
    beirut = geocoder.geocode("Beirut")
    assert beirut.country_code == "LB"
    assert isinstance(geocoder.geocode("Jerusalem", exactly_one=False), list)
    assert geocoder.geocode("Zqxwvbnmy") is None
    assert geocoder.geocode("Jerusalem", country_bias="NZ").country_code == "NZ"


def test_online_geocoder_is_rate_limited_and_cache_hits_never_wait(gazetteer, tmp_path):
    service, clock = FakeService(), FakeClock()
    settings = Settings(data_dir=str(tmp_path), geocoder="nominatim", geocoder_min_delay=1.0)
    cache = GeocodeCache.open(tmp_path)
    geocoder = make_geocoder(settings, gazetteer, cache, service=service,
                             clock=clock.clock, sleep=clock.sleep)
    assert geocoder.geocode("Foo").lat == 10.0
    geocoder.geocode("Bar")
    assert clock.slept and sum(clock.slept) == pytest.approx(1.0)
    waited = list(clock.slept)
    for _ in range(5):
        assert geocoder.geocode("foo").lat == 10.0
    assert clock.slept == waited and service.calls == ["Foo", "Bar"]
    assert cache.stats() == {"hits": 5, "misses": 2, "size": 2}


def test_timeout_falls_back_to_offline_with_a_warning(gazetteer, tmp_path, caplog):
    settings = Settings(data_dir=str(tmp_path), geocoder="nominatim", geocoder_min_delay=0.0)
    geocoder = make_geocoder(settings, gazetteer, service=FakeService(fail=True))
    with caplog.at_level(logging.WARNING):
        answer = geocoder.geocode("Beirut")
    assert answer.country_code == "LB" and "offline" in caplog.text


def test_a_failed_lookup_is_asked_again_not_remembered_as_unknown(gazetteer, tmp_path):
    """The offline answer given during an outage is not cached as the service's answer."""
    settings = Settings(data_dir=str(tmp_path), geocoder="nominatim", geocoder_min_delay=0.0)
    service = FakeService(fail=True)
    geocoder = make_geocoder(settings, gazetteer, GeocodeCache.open(tmp_path), service=service)
    assert geocoder.geocode("Qwxzyville") is None          # outage: no offline answer either
    service.fail = False
    assert geocoder.geocode("Qwxzyville").lat == 10.0      # asked again once the service is back
    assert geocoder.geocode("Qwxzyville").lat == 10.0      # and now cached
    assert service.calls == ["Qwxzyville", "Qwxzyville"]


def test_a_run_stops_asking_a_service_that_fails_again_and_again(gazetteer, tmp_path, caplog):
    """A service that is down would cost every unknown name of every article its whole timeout: after three
    failures in a row the run answers offline, says so once, and caches nothing of it."""
    settings = Settings(data_dir=str(tmp_path), geocoder="nominatim", geocoder_min_delay=0.0)
    service = FakeService(fail=True)
    geocoder = make_geocoder(settings, gazetteer, GeocodeCache.open(tmp_path), service=service)
    names = ["Qwxzyville", "Zzyzxton", "Blorpburg", "Vrumbleford", "Beirut", "Kwelltown"]
    with caplog.at_level(logging.WARNING):
        answers = [geocoder.geocode(name) for name in names]
    assert service.calls == names[:3]  # the last three never wait for the service
    assert answers[4].country_code == "LB" and answers[5] is None
    assert caplog.text.count("failed 3 times in a row") == 1
    service.fail = False
    assert make_geocoder(settings, gazetteer, GeocodeCache.open(tmp_path), service=service).geocode(
        "Zzyzxton").lat == 10.0  # the next run asks again: nothing was cached as unknown


def test_one_answer_between_failures_keeps_the_service(gazetteer, tmp_path):
    settings = Settings(data_dir=str(tmp_path), geocoder="nominatim", geocoder_min_delay=0.0)
    service = FakeService(fail=True)
    geocoder = make_geocoder(settings, gazetteer, service=service)
    for name in ("Aaa", "Bbb"):
        geocoder.geocode(name)
    service.fail = False
    geocoder.geocode("Ccc")  # an answer: the failures were not in a row
    service.fail = True
    for name in ("Ddd", "Eee"):
        geocoder.geocode(name)
    assert service.calls == ["Aaa", "Bbb", "Ccc", "Ddd", "Eee"]


@pytest.fixture
def silent_server():
    """A TCP server that accepts connections and never answers: a geocoder that hangs."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", accepted
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


@pytest.mark.timeout(60)
def test_a_hanging_geocoder_falls_back_to_offline_within_its_timeout(gazetteer, tmp_path, silent_server, caplog):
    url, accepted = silent_server
    settings = Settings(data_dir=str(tmp_path), geocoder="nominatim", geocoder_url=url, geocoder_timeout=0.5,
                        geocoder_min_delay=0.0)
    geocoder = make_geocoder(settings, gazetteer, GeocodeCache.open(tmp_path))
    resolver = Resolver(gazetteer, geocoder=geocoder)
    with caplog.at_level(logging.WARNING):
        beirut = geocoder.geocode("Beirut")
        [unknown] = resolver.resolve("Qwxzyville said.", [Mention(0, 10, "Qwxzyville", "place")])
    assert accepted, "the request reached the hanging server"
    assert beirut.country_code == "LB" and "timed out" in caplog.text and "using the offline answer" in caplog.text
    assert unknown.place is None and unknown.score == 0.0  # an explicit no-match, ingestion goes on


@pytest.mark.timeout(60)
def test_a_service_that_never_answers_costs_one_wait_per_name(silent_server):
    """urllib3 retried a request twice, each waiting the whole timeout: three connections and three waits."""
    import time

    from geopy.exc import GeocoderServiceError

    from geo.places.geocoding import geopy_service

    url, accepted = silent_server
    service = geopy_service(Settings(geocoder="nominatim", geocoder_url=url, geocoder_timeout=0.5))
    started = time.monotonic()
    with pytest.raises(GeocoderServiceError):
        service.geocode("Qwxzyville")
    elapsed = time.monotonic() - started
    time.sleep(0.3)  # a retry would connect again within this
    assert len(accepted) == 1 and elapsed < 1.2, (len(accepted), elapsed)


def test_a_locked_cache_is_not_fatal_and_catches_up(gazetteer, tmp_path, caplog):
    """Another program holding the file's write lock: answers stay in memory and reach the file later."""
    path = tmp_path / "g.sqlite"
    GeocodeCache(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    now = [0.0]
    with caplog.at_level(logging.WARNING):
        cache = GeocodeCache(path, busy_timeout=0.1, retry_seconds=10, clock=lambda: now[0])
        geocoder = CachedGeocoder(OfflineGeocoder(gazetteer), cache)
        assert geocoder.geocode("Beirut").country_code == "LB"
        assert geocoder.geocode("beirut").country_code == "LB"
    assert "locked by another program" in caplog.text and not list(tmp_path.glob("*.corrupt-*"))
    assert cache.stats() == {"hits": 1, "misses": 1, "size": 1}
    with pytest.raises(GeocoderError, match="locked by another program"):
        cache.clear()
    holder.execute("ROLLBACK")
    holder.close()
    now[0] = 11.0                                            # past the back-off: written on the next use
    geocoder.geocode("Tehran")
    with sqlite3.connect(path) as db:
        assert sorted(q for (q,) in db.execute("SELECT query FROM answers")) == ["beirut", "tehran"]
    assert cache.stats() == {"hits": 1, "misses": 2, "size": 2}


@pytest.mark.parametrize("geocoder, url, options, message", [
    ("opencage", "", "", "the opencage geocoder needs api_key: give them in NEWSMAP_GEOCODER_OPTIONS"),
    ("pelias", "", "", "the pelias geocoder needs NEWSMAP_GEOCODER_URL"),
    ("geonames", "", "{not json", "NEWSMAP_GEOCODER_OPTIONS is not JSON"),
    ("geonames", "", '["demo"]', "must be a JSON object"),
    ("nominatim", "", '{"api_key": "x"}', "the nominatim geocoder takes no option api_key"),
    ("here", "http://127.0.0.1:9", '{"apikey": "x"}', "cannot be pointed at another URL"),
])
def test_geocoder_settings_mistakes_are_clear_errors(gazetteer, geocoder, url, options, message):
    from geo.errors import GeocoderError

    settings = Settings(geocoder=geocoder, geocoder_url=url, geocoder_options=options)
    with pytest.raises(GeocoderError, match=re.escape(message)):
        make_geocoder(settings, gazetteer)


def test_any_geopy_service_by_its_geopy_name():
    from geopy.geocoders import GeoNames

    from geo.places.geocoding import geopy_service

    settings = Settings(geocoder="geonames", geocoder_options='{"username": "analyst"}', user_agent="ua",
                        geocoder_timeout=3.0)
    service = geopy_service(settings)
    assert isinstance(service, GeoNames) and service.username == "analyst" and service.timeout == 3.0


def test_unknown_geocoder_name_is_a_clear_error(gazetteer):
    from geo.errors import GeocoderError

    with pytest.raises(GeocoderError, match="use 'offline'"):
        make_geocoder(Settings(geocoder="nowhere"), gazetteer)


def test_cache_persists_and_clears(gazetteer, tmp_path):
    cached = CachedGeocoder(OfflineGeocoder(gazetteer), GeocodeCache.open(tmp_path))
    cached.geocode("Beirut")
    again = GeocodeCache.open(tmp_path)
    assert again.stats()["size"] == 1 and CachedGeocoder(OfflineGeocoder(gazetteer), again).geocode("beirut")
    assert again.stats()["hits"] == 1
    assert again.clear() == 1 and again.stats() == {"hits": 0, "misses": 0, "size": 0}


def test_corrupt_cache_is_rebuilt(tmp_path):
    (tmp_path / "geocache.sqlite").write_bytes(b"garbage" * 1000)
    cache = GeocodeCache.open(tmp_path)
    assert cache.stats()["size"] == 0
    assert list(tmp_path.glob("geocache.corrupt-*"))
    with sqlite3.connect(tmp_path / "geocache.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone() == (0,)


def test_hit_counters_and_answers_survive_a_new_process(gazetteer, tmp_path):
    """Counters are batched in memory; close() (and interpreter exit) writes them to the file."""
    cache = GeocodeCache(tmp_path / "g.sqlite")
    geocoder = CachedGeocoder(OfflineGeocoder(gazetteer), cache)
    for _ in range(3):
        geocoder.geocode("Beirut")
    geocoder.geocode("Qwxzyville")
    cache.close()
    again = GeocodeCache(tmp_path / "g.sqlite")
    assert again.stats() == {"hits": 2, "misses": 2, "size": 2}
    assert again.get("offline", "beirut").name == "Beirut"
    assert again.get("offline", "qwxzyville") is None
    assert again.clear() == 2
    assert again.get("offline", "beirut") is MISSING


SERVICE_ANSWERS = {  # what each service's search endpoint returns for one hit, in its own format
    "nominatim": ("/search", [{"lat": "34.5", "lon": "36.25", "display_name": "Qwxzyville, Somewhere"}]),
    "photon": ("/api", {"type": "FeatureCollection", "features": [{
        "type": "Feature", "geometry": {"type": "Point", "coordinates": [36.25, 34.5]},
        "properties": {"name": "Qwxzyville", "country": "Somewhere"}}]}),
    "pelias": ("/v1/search", {"type": "FeatureCollection", "features": [{
        "type": "Feature", "geometry": {"type": "Point", "coordinates": [36.25, 34.5]},
        "properties": {"name": "Qwxzyville", "label": "Qwxzyville, Somewhere"}}]}),
    "opencage": ("/geocode/v1/json", {"status": {"code": 200, "message": "OK"}, "results": [
        {"geometry": {"lat": 34.5, "lng": 36.25}, "formatted": "Qwxzyville, Somewhere"}]}),
}
SERVICE_OPTIONS = {"opencage": '{"api_key": "test-key"}'}  # services that need more than a URL


@pytest.fixture
def local_service():
    """A self-hosted geocoding service on loopback that answers every search in the asked format."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen = []
    broken = []  # put a body here to answer every search with it

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            seen.append((self.path, self.headers.get("User-Agent")))
            body = next((json.dumps(answer) for path, answer in SERVICE_ANSWERS.values()
                         if self.path.startswith(path + "?")), None)
            body = broken[0] if broken and body else body
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write((body or "{}").encode())

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", seen, broken
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("service", sorted(SERVICE_ANSWERS))
def test_a_self_hosted_service_answers_unknown_names_through_geopy_and_the_cache(service, gazetteer, tmp_path,
                                                                                  local_service):
    url, seen, _ = local_service
    settings = Settings(data_dir=str(tmp_path), geocoder=service, geocoder_url=url, geocoder_min_delay=0.0,
                        geocoder_options=SERVICE_OPTIONS.get(service, ""), user_agent="newsmap-test/1.0 (ops@example.org)")
    cache = GeocodeCache.open(tmp_path)
    resolver = Resolver(gazetteer, geocoder=make_geocoder(settings, gazetteer, cache))
    for _ in range(2):
        [pm] = resolver.resolve("Talks in Qwxzyville.", [Mention(9, 19, "Qwxzyville", "place")])
        assert (pm.place.lat, pm.place.lon) == (34.5, 36.25) and pm.place.id.startswith(f"{service}:")
    assert len(seen) == 1 and seen[0][0].startswith(SERVICE_ANSWERS[service][0] + "?")
    assert "Qwxzyville" in seen[0][0] and seen[0][1] == "newsmap-test/1.0 (ops@example.org)"
    assert cache.stats() == {"hits": 1, "misses": 1, "size": 1}


@pytest.mark.parametrize("service", sorted(SERVICE_ANSWERS))
@pytest.mark.parametrize("body", ["<html>502 Bad Gateway</html>", '{"features": [{"geometry": {}}]}', "[{}]", '{"features": 7}'])
def test_a_service_answering_garbage_falls_back_and_is_asked_again(service, body, gazetteer, tmp_path, local_service,
                                                                  caplog):
    url, seen, broken = local_service
    broken.append(body)
    settings = Settings(data_dir=str(tmp_path), geocoder=service, geocoder_url=url, geocoder_min_delay=0.0,
                        geocoder_options=SERVICE_OPTIONS.get(service, ""))
    geocoder = make_geocoder(settings, gazetteer, GeocodeCache.open(tmp_path))
    with caplog.at_level(logging.WARNING):
        assert geocoder.geocode("Beirut").country_code == "LB"       # the offline answer
    broken.clear()
    assert geocoder.geocode("Beirut").lat == 34.5                     # not cached: the repaired service is asked
    assert len(seen) == 2


@pytest.fixture
def busy_service():
    """A self-hosted Nominatim on loopback that answers 429 Too Many Requests with each ``Retry-After`` put in
    ``refusals`` (None: no header) before it answers searches."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen, refusals = [], []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            seen.append(self.path)
            if refusals:
                wait = refusals.pop(0)
                self.send_response(429)
                if wait is not None:
                    self.send_header("Retry-After", str(wait))
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(SERVICE_ANSWERS["nominatim"][1]).encode())

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", seen, refusals
    server.shutdown()
    server.server_close()


def _busy_geocoder(gazetteer, tmp_path, url: str):
    """Nominatim at ``url`` with a 10 s timeout, a fresh cache, and a fake clock whose sleeps are recorded."""
    clock = FakeClock()
    settings = Settings(data_dir=str(tmp_path), geocoder="nominatim", geocoder_url=url, geocoder_min_delay=0.0,
                        geocoder_timeout=10)
    cache = GeocodeCache.open(tmp_path)
    return clock, cache, make_geocoder(settings, gazetteer, cache, clock=clock.clock, sleep=clock.sleep)


def test_a_rate_limited_service_is_asked_again_after_its_retry_after(gazetteer, tmp_path, busy_service, caplog):
    """A 429 with ``Retry-After: 4`` fell back to the offline answer at once and counted as a failure: newsmap
    waits the four seconds (within ``--geocoder-timeout``), says so once, asks again and caches the answer."""
    url, seen, refusals = busy_service
    refusals.append(4)
    clock, cache, geocoder = _busy_geocoder(gazetteer, tmp_path, url)
    with caplog.at_level(logging.WARNING):
        assert geocoder.geocode("Qwxzyville").lat == 34.5
        refusals.append(2)
        assert geocoder.geocode("Zzyzxton").lat == 34.5
    assert 4 in clock.slept and 2 in clock.slept and len(seen) == 4
    assert caplog.text.count("Retry-After") == 1 and "429" in caplog.text
    assert geocoder.geocode("Qwxzyville").lat == 34.5 and len(seen) == 4  # cached: the service's own answer
    assert cache.stats()["size"] == 2


@pytest.mark.parametrize("answers", [[3600], [None, None]])
def test_a_retry_after_beyond_the_timeout_falls_back_and_caches_nothing(gazetteer, tmp_path, busy_service, caplog,
                                                                        answers):
    """A service that asks for an hour (or twice in a row) is not waited for: the offline answer, a line saying
    why, nothing cached, and the service is asked again next time."""
    url, seen, refusals = busy_service
    refusals.extend(answers)
    clock, cache, geocoder = _busy_geocoder(gazetteer, tmp_path, url)
    with caplog.at_level(logging.WARNING):
        assert geocoder.geocode("Beirut").country_code == "LB"  # the offline answer
    assert all(s <= 10 for s in clock.slept) and cache.stats()["size"] == 0
    assert "429" in caplog.text and "not cached" in caplog.text
    assert geocoder.geocode("Beirut").lat == 34.5  # asked again: the service's answer now
