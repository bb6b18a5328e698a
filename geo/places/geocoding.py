"""Geocoders with geopy's shape: ``geocode(query, *, exactly_one=True, timeout=...)``.

The offline gazetteer geocoder is the default. Any geopy service (Nominatim, Photon, Pelias,
public or self-hosted) can be chosen by name in the settings; it is wrapped in geopy's
``RateLimiter`` (Nominatim's policy: one request per second), and a timeout or service error
falls back to the offline answer with a logged warning. Caching wraps everything from
outside (:class:`geo.places.geocache.CachedGeocoder`), so cache hits never wait for the limiter.

>>> geocoder = make_geocoder(load_settings(), Gazetteer.open("cache"))   # doctest: +SKIP
>>> geocoder.geocode("Beirut").country_code                             # doctest: +SKIP
'LB'
"""
from __future__ import annotations

import inspect
import json
import logging
from typing import Callable
from urllib.parse import urlparse

from geopy.exc import GeocoderRateLimited, GeocoderTimedOut, GeopyError
from geopy.extra.rate_limiter import RateLimiter

from geo.errors import GeocoderError
from geo.places.gazetteer import Gazetteer
from geo.records import Place
from geo.places.readings import prior

log = logging.getLogger(__name__)


class OfflineGeocoder:
    """The gazetteer as a geocoder: candidates ranked by the resolver's priors, no context.

    ``country_bias`` (ISO alpha-2) prefers candidates in that country, as geopy's
    ``country_codes`` does for Nominatim.
    """

    name = "offline"

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: float | None = None,
                country_bias: str | None = None) -> Place | list[Place] | None:
        candidates = [c for c in self.gazetteer.candidates(query) if c.form != "demonym"]
        bias = (country_bias or "").upper()
        ranked = sorted(candidates, key=lambda c: -(prior(c) + (10.0 if c.place.country_code == bias else 0)))
        places = [self.gazetteer.place(c.place.id) or c.place for c in ranked]
        if exactly_one:
            return places[0] if places else None
        return places or None


class GeopyGeocoder:
    """Adapter from a geopy geocoder object to newsmap Places (ids ``<service>:<lat>,<lon>``)."""

    def __init__(self, service, name: str) -> None:
        self.service = service
        self.name = name

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: float | None = None,
                country_bias: str | None = None) -> Place | list[Place] | None:
        # geopy reads an explicit ``timeout=None`` as "wait forever", so only a given timeout is passed
        # on; otherwise the service's own (``NEWSMAP_GEOCODER_TIMEOUT``) applies.
        extra = {"timeout": timeout} if timeout is not None else {}
        answer = self.service.geocode(query, exactly_one=exactly_one, **extra)
        if answer is None:
            return None
        locations = [answer] if exactly_one else list(answer)
        places = [Place(id=f"{self.name}:{loc.latitude:.5f},{loc.longitude:.5f}", name=loc.address or query,
                        kind="place", lat=float(loc.latitude), lon=float(loc.longitude)) for loc in locations]
        return places[0] if exactly_one else places


class RateLimitedGeocoder:
    """A geocoder whose requests go through geopy's ``RateLimiter``; ``clock``/``sleep`` are injectable.

    A service that answers 429 Too Many Requests is asked once more after the wait its ``Retry-After`` names
    (``min_delay_seconds``, at least a second, when it names none), if that wait is at most ``max_wait``
    seconds; the first wait of a run is said in a warning. A longer wait, or a second 429 in a row, raises
    ``GeocoderRateLimited`` (the caller falls back, caching nothing)."""

    def __init__(self, inner, min_delay_seconds: float, *, max_wait: float = 10.0,
                 clock: Callable[[], float] | None = None, sleep: Callable[[float], None] | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.min_delay = min_delay_seconds
        self.max_wait = max_wait
        self.waited = False  # a wait was said already
        self.limiter = RateLimiter(inner.geocode, min_delay_seconds=min_delay_seconds, max_retries=0,
                                   swallow_exceptions=False)
        if clock is not None:
            self.limiter._clock = clock
        if sleep is not None:
            self.limiter._sleep = sleep

    def geocode(self, query: str, **kwargs) -> Place | list[Place] | None:
        try:
            return self.limiter(query, **kwargs)
        except GeocoderRateLimited as exc:
            wait = exc.retry_after if exc.retry_after is not None else max(self.min_delay, 1.0)
            if wait > self.max_wait:
                raise
            if not self.waited:
                self.waited = True
                log.warning("geocoder %s answered 429 Too Many Requests: waiting %g s (its Retry-After, or "
                            "--geocoder-min-delay without one) before asking again; later waits are not reported",
                            self.name, wait)
            self.limiter._sleep(wait)
            return self.limiter(query, **kwargs)


# What a service can throw at us: geopy's errors (timeouts, refusals, unparsable bodies), the network's,
# and the lookup errors geopy's parsers raise on a body of the wrong shape (a proxy's error page, an
# incompatible server version). Any of them means "no answer from the service this time".
SERVICE_FAILURES = (GeopyError, GeocoderError, OSError, ValueError, TypeError, KeyError, IndexError, AttributeError)


#: Failures in a row after which a run stops asking the service: a service that is down or unreachable would
#: otherwise cost every unknown name of every article the whole timeout (once: see :func:`single_try_adapter`),
#: and an ingest of a thousand articles would take hours to learn nothing.
GIVE_UP_AFTER = 3


class FallbackGeocoder:
    """The primary geocoder, or the fallback's answer (with a warning) when the primary fails; after
    :data:`GIVE_UP_AFTER` failures in a row, the fallback alone for the rest of the run (said once)."""

    def __init__(self, primary, fallback, give_up_after: int = GIVE_UP_AFTER) -> None:
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name
        self.give_up_after = give_up_after
        self.failures = 0  # in a row

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: float | None = None,
                country_bias: str | None = None) -> Place | list[Place] | None:
        if self.failures >= self.give_up_after:
            return self.fallback.geocode(query, exactly_one=exactly_one, country_bias=country_bias)
        try:
            answer = self.primary.geocode(query, exactly_one=exactly_one, timeout=timeout, country_bias=country_bias)
        except SERVICE_FAILURES as exc:
            self.failures += 1
            answer = self.fallback.geocode(query, exactly_one=exactly_one, country_bias=country_bias)
            log.warning("%s", failure_line(self.name, query, exc, answer))
            if self.failures >= self.give_up_after:
                log.warning("geocoder %s failed %d times in a row: the rest of this run answers from the offline "
                            "gazetteer only (nothing of it is cached; run again when the service is back)",
                            self.name, self.failures)
            return answer
        self.failures = 0
        return answer


def failure_line(service: str, query: str, exc: BaseException, answer: object) -> str:
    """One line for a service that failed on a name: what went wrong (a timeout in words of its own, as
    urllib3's "Max retries exceeded ... Read timed out" hid it), what the name became, and that nothing was
    cached. ``query`` is cut at 200 characters: the line is for a terminal or a log.

    >>> failure_line("nominatim", "Qwxzyville", TimeoutError("timed out"), None)[:60]
    "geocoder nominatim timed out on 'Qwxzyville' (no answer with"
    """
    name = repr(query if len(query) <= 200 else query[:200] + "\u2026")
    if isinstance(exc, GeocoderRateLimited):
        asked = "" if exc.retry_after is None else f", Retry-After {exc.retry_after} s"
        what = (f"geocoder {service} refused {name} (429 Too Many Requests{asked}; newsmap waits at most "
                "--geocoder-timeout, once)")
    elif isinstance(exc, GeocoderTimedOut) or "timed out" in str(exc).lower():
        what = f"geocoder {service} timed out on {name} (no answer within --geocoder-timeout)"
    else:
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        what = f"geocoder {service} failed on {name} ({type(exc).__name__}: {first})"
    if not answer:
        return (f"{what}; the offline gazetteer does not know it either: left unresolved (not cached: the service is "
                "asked again next time)")
    return f"{what}; using the offline answer (not cached: the service is asked again next time)"


def geopy_service(settings):
    """The geopy geocoder object named by ``settings.geocoder`` (no request is made here).

    Any of geopy's services, by geopy's name (``geopy.geocoders.SERVICE_TO_GEOCODER``): the
    settings give the User-Agent, the timeout and a self-hosted base URL, and ``geocoder_options``
    (a JSON object) whatever else the service needs, such as an API key or a user name.
    """
    from geopy.geocoders import SERVICE_TO_GEOCODER

    name = settings.geocoder.lower()
    service = SERVICE_TO_GEOCODER.get(name)
    if service is None:
        raise GeocoderError(f"unknown geocoder {settings.geocoder!r}; use 'offline' or one of geopy's services: "
                            f"{', '.join(sorted(SERVICE_TO_GEOCODER))}")
    accepted = inspect.signature(service.__init__).parameters
    options = {"user_agent": settings.user_agent, "timeout": settings.geocoder_timeout,
               **_url_options(name, settings.geocoder_url, accepted), **geocoder_options(settings)}
    _check_options(name, options, accepted)
    if "adapter_factory" in accepted:
        options["adapter_factory"] = single_try_adapter
    return service(**options)


def single_try_adapter(*, proxies, ssl_context):
    """geopy's HTTP adapter, asking once per request. geopy's default (``RequestsAdapter``) lets urllib3 retry
    twice, each retry waiting the whole timeout again: a service that accepts and never answers cost three
    timeouts per name. Retrying is :class:`FallbackGeocoder`'s business (the name is asked again next run),
    and geopy's ``RateLimiter`` keeps its own policy (here none: ``max_retries=0``). Without ``requests``,
    geopy's urllib adapter, which never retries."""
    from geopy.adapters import RequestsAdapter, URLLibAdapter

    if RequestsAdapter.is_available:
        return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
    return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)


def geocoder_options(settings) -> dict:
    """``settings.geocoder_options`` as a dict; a clear error when it is not a JSON object."""
    if not settings.geocoder_options.strip():
        return {}
    try:
        options = json.loads(settings.geocoder_options)
    except json.JSONDecodeError as exc:
        raise GeocoderError(f"NEWSMAP_GEOCODER_OPTIONS is not JSON ({exc.msg}); give an object such as "
                            '{"api_key": "..."}') from exc
    if not isinstance(options, dict):
        raise GeocoderError('NEWSMAP_GEOCODER_OPTIONS must be a JSON object such as {"api_key": "..."}')
    return options


def _url_options(name: str, url: str, accepted) -> dict:
    if not url:
        return {}
    if "domain" not in accepted:
        raise GeocoderError(f"the {name} geocoder cannot be pointed at another URL; leave NEWSMAP_GEOCODER_URL empty")
    parts = urlparse(url)
    return {"domain": parts.netloc + parts.path.rstrip("/"), "scheme": parts.scheme or "https"}


def _check_options(name: str, options: dict, accepted) -> None:
    required = [p for p, spec in accepted.items() if p != "self" and spec.default is inspect.Parameter.empty
                and spec.kind not in (spec.VAR_POSITIONAL, spec.VAR_KEYWORD)]
    if "domain" in required and "domain" not in options:
        raise GeocoderError(f"the {name} geocoder needs NEWSMAP_GEOCODER_URL (the base URL of your server)")
    missing = [p for p in required if p not in options]
    if missing:
        raise GeocoderError(f"the {name} geocoder needs {', '.join(missing)}: give them in NEWSMAP_GEOCODER_OPTIONS "
                            f"(--geocoder-options), e.g. '{{\"{missing[0]}\": \"...\"}}'")
    if not any(spec.kind is spec.VAR_KEYWORD for spec in accepted.values()):
        unknown = sorted(set(options) - set(accepted))
        if unknown:
            raise GeocoderError(f"the {name} geocoder takes no option {', '.join(unknown)}; it takes "
                                f"{', '.join(p for p in accepted if p != 'self')}")


def make_geocoder(settings, gazetteer: Gazetteer, cache=None, *, service=None,
                  clock: Callable[[], float] | None = None, sleep: Callable[[float], None] | None = None):
    """The geocoder the settings name, behind ``cache`` if given, rate-limited, with offline fallback.

    For an online service the layers are ``Fallback(Cached(RateLimited(service)), offline)``: a cache
    hit never waits for the rate limiter, and the offline answer given when the service times out or
    fails is *not* stored as the service's answer, so the name is asked again next time instead of
    being remembered as unknown. ``service`` replaces the geopy object (tests pass a fake).
    """
    offline = OfflineGeocoder(gazetteer)
    if settings.geocoder.lower() == "offline":
        return _cached(offline, cache)
    online = GeopyGeocoder(service if service is not None else geopy_service(settings), settings.geocoder.lower())
    limited = RateLimitedGeocoder(online, settings.geocoder_min_delay, max_wait=settings.geocoder_timeout,
                                  clock=clock, sleep=sleep)
    return FallbackGeocoder(_cached(limited, cache), offline)


def _cached(geocoder, cache):
    if cache is None:
        return geocoder
    from geo.places.geocache import CachedGeocoder

    return CachedGeocoder(geocoder, cache)
