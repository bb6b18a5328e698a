"""The dashboard's view state: what is shown, held in the URL.

One :class:`ViewState` converts to and from query parameters (``?actor=Hezbollah&from=2024-02-01``),
turns into the database filter (:meth:`ViewState.filter`), and describes itself in one sentence used as
the dashboard's caption, a snapshot's description and exports' metadata. :func:`view_data` returns the
view in the export schema (``Store.export()``), so the exports, snapshots and the map share one shape.

The filters among its parameters are declared in :mod:`geo.views.filters` (their parsing, links and words
follow from there); the selection, map view, open section and the time slider's play step are
:data:`VIEW_PARAMS` here.

Bad URL values: :meth:`ViewState.from_query_params` raises :class:`ViewStateError` naming the parameter
and the fix (for the CLI and snapshots, where a wrong link must not be silently altered);
:meth:`ViewState.parse` drops each bad parameter and returns a warning for it (the dashboard shows them,
so an old or hand-edited link still opens). Unknown parameters are ignored.

>>> state = ViewState.from_query_params({"actor": ["Hezbollah"], "from": "2024-02-01"})
>>> state.to_url()
'?actor=Hezbollah&from=2024-02-01'
"""
from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from geo.errors import ViewStateError
from geo.store import Run, Store, ViewFilter
from geo.views.filters import FILTERS, Param
from geo.views.time import DEFAULT_STEP, STEPS
from geo.views.words import plural

# Order of the parameters in every link this module writes (stable links can be compared as strings).
PARAMS = ("actor", "type", "from", "to", "until", "source", "q", "place", "article", "lat", "lon", "zoom",
          "affiliated", "hypothetical", "tab", "step")
# The dashboard's sections under the map (``tab``); the first is open when the URL names none.
SECTIONS = ("articles", "events", "timeline", "ingest")
MAX_ZOOM = 19


@dataclass(frozen=True)
class ViewState:
    """Filters, selection and map view of the dashboard; every field is a URL parameter."""

    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    until: str | None = None  # the time slider: what happened up to this date
    source: str | None = None
    q: str | None = None
    place: str | None = None
    article: str | None = None
    lat: float | None = None
    lon: float | None = None
    zoom: int | None = None
    include_affiliated: bool = False
    show_hypothetical: bool = False
    tab: str | None = None  # the open section under the map (one of SECTIONS); None is the first
    step: str | None = None  # the time slider's play step (one of geo.views.time.STEPS); None is the default

    # -- URL ---------------------------------------------------------------------------------

    @classmethod
    def from_query_params(cls, params: Mapping[str, str | Sequence[str]]) -> "ViewState":
        """The state a URL describes; the first bad value raises :class:`ViewStateError`."""
        state, errors = _parse(params)
        if errors:
            raise errors[0]
        return state

    @classmethod
    def parse(cls, params: Mapping[str, str | Sequence[str]]) -> tuple["ViewState", tuple[str, ...]]:
        """Like :meth:`from_query_params`, but each bad parameter is dropped with a warning."""
        state, errors = _parse(params)
        return state, tuple(str(e) for e in errors)

    def to_query_params(self) -> dict[str, list[str] | str]:
        """Query parameters in :data:`PARAMS` order; defaults are left out (lists for repeatables)."""
        out: dict[str, list[str] | str] = {}
        for param in _PARAMS:
            value = param.write(getattr(self, param.field))
            if value is not None:
                out[param.key] = value
        return out

    def to_url(self, base: str = "") -> str:
        """``base`` followed by the query string: ``?actor=Hezbollah&type=Battles``."""
        query = urlencode(self.to_query_params(), doseq=True)
        return f"{base}?{query}" if query else (base or "?")

    def replace(self, **changes: Any) -> "ViewState":
        return dataclasses.replace(self, **changes)

    def filters_only(self) -> "ViewState":
        """The filters alone, without the selection, the map view and the open section: what the view's
        queries depend on (a snapshot freezes the data of this state; the dashboard caches by it)."""
        return ViewState(**{f.field: getattr(self, f.field) for f in FILTERS})

    # -- query -------------------------------------------------------------------------------

    def filter(self, store: Store) -> ViewFilter:
        """The database filter: actor names resolved to ids (and expanded when ``include_affiliated``)."""
        actor_ids = None
        if self.actors:
            ids = [i for i in (store.resolve_actor(a) for a in self.actors) if i]
            actor_ids = store.affiliated_closure(ids) if self.include_affiliated else tuple(dict.fromkeys(ids))
        return ViewFilter(actor_ids=actor_ids, **{f.field: getattr(self, f.field) for f in FILTERS
                                                  if f.field in _DATABASE_FIELDS})

    def unknown_actors(self, store: Store) -> tuple[str, ...]:
        """The actor names in the URL that match no stored actor (shown as a warning)."""
        return tuple(a for a in self.actors if store.resolve_actor(a) is None)

    def known_types(self, known: Sequence[str]) -> tuple["ViewState", tuple[str, ...]]:
        """This view with its event types spelt as ``known`` spells them (``type=battles`` is Battles) and
        without those no event can have, which are returned: ``type=Battle`` gave an empty view without a word.

        >>> state, unknown = ViewState(types=("battles", "Battle")).known_types(["Battles"])
        >>> state.types, unknown
        (('Battles',), ('Battle',))
        """
        spelt = {t.casefold(): t for t in known}
        kept = tuple(dict.fromkeys(spelt[t.casefold()] for t in self.types if t.casefold() in spelt))
        unknown = tuple(t for t in dict.fromkeys(self.types) if t.casefold() not in spelt)
        return (self if kept == self.types else self.replace(types=kept)), unknown

    @property
    def filtered(self) -> bool:
        """Whether any filter (not selection or map view) is set."""
        return any(getattr(self, f.field) for f in FILTERS if f.narrows)

    # -- words -------------------------------------------------------------------------------

    def describe(self, summary: Mapping[str, Any]) -> str:
        """The view in one sentence: "12 events in 5 places involving Hezbollah, 2024-02-01 to 2024-03-15".

        ``summary`` holds ``events`` and ``places`` (counts, or the lists of :func:`view_data`) and may hold
        ``actor_names`` (id or URL value -> display name).
        """
        events, places = _count(summary.get("events", 0)), _count(summary.get("places", 0))
        names = summary.get("actor_names") or {}
        return f"{plural(events, 'event')} in {plural(places, 'place')}" + "".join(
            f.words(self, names) for f in FILTERS)


def view_data(store: Store, state: ViewState) -> dict[str, list[dict[str, Any]]]:
    """The view in the export schema (articles, places, actors, events), places with ``event_count``,
    ``mention_count``, ``dominant_type``, ``top_events``, ``article_ids`` (aggregated in the database) and
    ``geometry`` (GeoJSON text of countries and regions, or None).

    >>> view_data(Store.open("sqlite://"), ViewState())["places"]
    []
    """
    f = state.filter(store)
    return {"articles": store.view_articles(f), "places": store.view_places(f), "actors": store.view_actors(f),
            "events": store.view_events(f)}


def map_data(store: Store, state: ViewState, *, detail_at: int | None = None,
             run: Run | None = None) -> dict[str, list[dict[str, Any]]]:
    """The part of :func:`view_data` the map draws, aggregated in the database: every place of the view with
    its counts, dominant type, top events and article ids, plus only the events, articles and actors those
    popups name (see :meth:`Store.view_map`, and there ``run``). ``build_map`` takes either.

    >>> map_data(Store.open("sqlite://"), ViewState())["places"]
    []
    """
    return store.view_map(state.filter(store), detail_at=detail_at, run=run)


def summary(state: ViewState, data: Mapping[str, Any]) -> dict[str, Any]:
    """Counts and display names of a view, the argument of :meth:`ViewState.describe`."""
    names = {a["id"]: a["name"] for a in data.get("actors", [])}
    return {"events": len(data.get("events", [])), "places": len(data.get("places", [])),
            "articles": len(data.get("articles", [])),
            "actor_names": {token: names.get(token, token) for token in state.actors}}


# -- parsing ----------------------------------------------------------------------------------

def _parse(params: Mapping[str, str | Sequence[str]]) -> tuple[ViewState, list[ViewStateError]]:
    values: dict[str, Any] = {}
    errors: list[ViewStateError] = []
    for param in _PARAMS:
        if param.repeatable:
            items = [v.strip() for v in _all(params.get(param.key)) if v.strip()]
            values[param.field] = tuple(dict.fromkeys(items))
            continue
        raw = _last(params.get(param.key))
        if raw is None or raw.strip() == "":
            continue
        try:
            values[param.field] = param.parse(param.key, raw.strip())
        except ViewStateError as err:
            errors.append(err)
    if values.get("date_from") and values.get("date_to") and values["date_from"] > values["date_to"]:
        errors.append(ViewStateError(f"from={values['date_from']} is after to={values['date_to']}: "
                                     "swap the two dates"))
        values.pop("date_from"), values.pop("date_to")
    return ViewState(**values), errors


def _all(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _last(value: str | Sequence[str] | None) -> str | None:
    items = _all(value)
    return items[-1] if items else None


def _number(low: float, high: float) -> Callable[[str, str], float]:
    def convert(name: str, raw: str) -> float:
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not (low <= value <= high):
            raise ViewStateError(f"{name}={raw!r} is not a number from {low:g} to {high:g}")
        return value
    return convert


def _zoom(name: str, raw: str) -> int:
    if not raw.isdigit() or int(raw) > MAX_ZOOM:
        raise ViewStateError(f"{name}={raw!r} is not a zoom level: use a whole number from 0 to {MAX_ZOOM}")
    return int(raw)


def _section(name: str, raw: str) -> str | None:
    if raw.lower() not in SECTIONS:
        raise ViewStateError(f"{name}={raw!r} is not a section: use one of {', '.join(SECTIONS)}")
    return None if raw.lower() == SECTIONS[0] else raw.lower()


def _step(name: str, raw: str) -> str | None:
    if raw.lower() not in STEPS:
        raise ViewStateError(f"{name}={raw!r} is not a time step: use one of {', '.join(STEPS)}")
    return None if raw.lower() == DEFAULT_STEP else raw.lower()


# -- words ------------------------------------------------------------------------------------

def _coord(value: float | None) -> str | None:
    return None if value is None else f"{value:.5f}".rstrip("0").rstrip(".")


def _count(value: Any) -> int:
    return value if isinstance(value, int) else len(value)


# -- the parameters ---------------------------------------------------------------------------

# The parameters that are not filters: the selection and the map view (``tab``: the open section; ``step``:
# the time slider's play step).
VIEW_PARAMS: tuple[Param, ...] = (
    Param(key="place", field="place"), Param(key="article", field="article"),
    Param(key="lat", field="lat", parse=_number(-90, 90), write=_coord),
    Param(key="lon", field="lon", parse=_number(-180, 180), write=_coord),
    Param(key="zoom", field="zoom", parse=_zoom, write=lambda v: None if v is None else str(v)),
    Param(key="tab", field="tab", parse=_section),
    Param(key="step", field="step", parse=_step),
)
_PARAMS: tuple[Param, ...] = tuple(sorted((*FILTERS, *VIEW_PARAMS), key=lambda p: PARAMS.index(p.key)))
_DATABASE_FIELDS = {f.name for f in dataclasses.fields(ViewFilter)}
