"""The SQL of each view filter, keyed by the filter's name (the filters themselves, their URL keys, words and
widgets, are declared in :mod:`geo.views.filters`; a test holds the two lists to the same names).

A filter narrows the view in one of three ways, the fields of its :class:`Condition`: by the article
(``source``, ``q``: the view keeps the events and the place mentions of matching articles), by a date (``from``,
``to``, ``until``: an event's own date, or for place mentions their article's publication date) or by the event alone
(``type``, ``actor``, ``hypothetical``: place mentions follow the events they are in, see
``ViewQueries.view_place_mentions``). ``affiliated`` has no SQL of its own: it widens the actor filter's ids.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from geo.store import schema as tables

Clause = sa.ColumnElement[bool]


@dataclass(frozen=True)
class ViewFilter:
    """A dashboard view as the database sees it (built by ``geo.views.state.ViewState.filter``).

    ``actor_ids`` is None for "any actor"; otherwise the ids already expanded to
    affiliated actors (an empty tuple matches nothing). Dates are YYYY-MM-DD and
    compared with each event's own precision: an event dated "2024-03" is inside
    2024-03-15..2024-04-01. Events without a date take their article's date.
    """

    actor_ids: tuple[str, ...] | None = None
    types: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    until: str | None = None
    source: str | None = None
    q: str | None = None
    show_hypothetical: bool = False

    def without_actors(self) -> "ViewFilter":
        """The same view for any actor (the choices of the actor filter are counted so)."""
        return dataclasses.replace(self, actor_ids=None)


@dataclass(frozen=True)
class Condition:
    """The SQL of one filter: each field builds its clause from the filter (None when the filter is not set).

    ``widens`` says what a filter without SQL of its own does instead (a condition must have one or the other).
    """

    on_article: Callable[[ViewFilter, sa.Table], Clause | None] | None = None
    on_date: Callable[[ViewFilter, sa.ColumnElement[str]], Clause | None] | None = None
    on_event: Callable[[ViewFilter, sa.Table], Clause | None] | None = None
    widens: str = ""


MAX_WORDS = 16  # a link's q can be long; each word is one more scan of the texts, and SQL has a depth limit


def search_words(q: str | None) -> list[str]:
    """The words an article must contain, lower-cased, each once, at most :data:`MAX_WORDS`: "shot police" finds
    "police ... shot" as well, as a search box does; the words are matched as text (``%`` and ``_`` are literal).

    >>> search_words("Police  shot police")
    ['police', 'shot']
    """
    return list(dict.fromkeys((q or "").lower().split()))[:MAX_WORDS]


def _words(f: ViewFilter, a: sa.Table) -> Clause | None:
    """Every word in the title or the text (not necessarily side by side, nor in the same field)."""
    words = search_words(f.q)
    if not words:
        return None
    return sa.and_(*(sa.or_(sa.func.lower(a.c.title).contains(w, autoescape=True),
                            sa.func.lower(a.c.text).contains(w, autoescape=True)) for w in words))


def _on_or_after(f: ViewFilter, date: sa.ColumnElement[str]) -> Clause | None:
    """``date`` (YYYY, YYYY-MM or YYYY-MM-DD) is not before ``date_from``, compared at its own precision."""
    return date >= _cut_to(f.date_from, date) if f.date_from else None


def _on_or_before(f: ViewFilter, date: sa.ColumnElement[str]) -> Clause | None:
    return date <= _cut_to(f.date_to, date) if f.date_to else None


def _cut_to(day: str, date: sa.ColumnElement[str]) -> sa.ColumnElement[str]:
    return sa.func.substr(sa.literal(day, sa.String), 1, sa.func.length(date))


def _by_actor(f: ViewFilter, e: sa.Table) -> Clause | None:
    if f.actor_ids is None:
        return None
    ea = tables.event_actors
    return e.c.id.in_(sa.select(ea.c.event_id).where(ea.c.actor_id.in_(f.actor_ids)))


# Keyed by the names of geo.views.filters.FILTERS. The order is the order of the clauses in the SQL.
CONDITIONS: dict[str, Condition] = {
    "source": Condition(on_article=lambda f, a: a.c.source == f.source if f.source else None),
    "q": Condition(on_article=_words),
    "hypothetical": Condition(on_event=lambda f, e: None if f.show_hypothetical else e.c.hypothetical == sa.false()),
    "type": Condition(on_event=lambda f, e: e.c.type.in_(f.types) if f.types else None),
    "from": Condition(on_date=_on_or_after),
    "to": Condition(on_date=_on_or_before),
    "until": Condition(on_date=lambda f, date: date <= _cut_to(f.until, date) if f.until else None),
    "actor": Condition(on_event=_by_actor),
    "affiliated": Condition(widens="adds the affiliated actors to the actor filter's ids (ViewState.filter)"),
}


def article_conds(f: ViewFilter) -> list[Clause]:
    """What the view's articles must satisfy (their events and place mentions are in the view only then)."""
    return _built(c.on_article(f, tables.articles) for c in CONDITIONS.values() if c.on_article)


def date_conds(date: sa.ColumnElement[str], f: ViewFilter) -> list[Clause]:
    """``date`` (YYYY, YYYY-MM or YYYY-MM-DD) overlaps [date_from, date_to], compared at its own precision."""
    return _built(c.on_date(f, date) for c in CONDITIONS.values() if c.on_date)


def event_conds(f: ViewFilter, e: sa.Table, date: sa.ColumnElement[str]) -> list[Clause]:
    """What the view's events must satisfy besides their article's conditions; ``date`` is the event's."""
    return _built(c.on_event(f, e) if c.on_event else c.on_date(f, date)
                  for c in CONDITIONS.values() if c.on_event or c.on_date)


def whole_store(f: ViewFilter) -> bool:
    """Whether the view holds every event (hypothetical ones aside) and every place mention: no filter but
    ``hypothetical`` (the one whose default hides events) narrows it."""
    return not any(_built([c.on_article(f, tables.articles) if c.on_article else None,
                           c.on_date(f, tables.events.c.date) if c.on_date else None,
                           c.on_event(f, tables.events) if c.on_event else None])
                   for name, c in CONDITIONS.items() if name != "hypothetical")


def event_date(e: sa.FromClause) -> sa.ColumnElement[str]:
    """An event's date, or its article's when it has none (looked up only then)."""
    a = tables.articles.alias("dated")
    published = sa.select(sa.cast(a.c.published, sa.String)).where(a.c.id == e.c.article_id).scalar_subquery()
    return sa.func.coalesce(e.c.date, published)


def _built(clauses: Any) -> list[Clause]:
    return [c for c in clauses if c is not None]
