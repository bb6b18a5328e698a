"""One real-world event told by many articles: the stored occurrences a new article's may join, and the join.

The rule of joining is the analysis' (``geo.events.grouping.compatible``, applied by ``geo.ingest.pipeline``);
the store only narrows the stored events down to those the rule could accept, and rewrites ``occurrence_id``.
Both run inside the new article's write transaction (:meth:`geo.store.writes.Writes.write`), so a crash or a
failed join leaves neither the article nor a half-joined occurrence behind.

The narrowing is a superset of what the rule accepts: an occurrence of another article, of one of the types,
not hypothetical, dated in the years the new occurrences may fall in (or undated), with an actor related to one
of theirs (the same actor, an affiliate up or down the chain "Hassan Nasrallah" -> Hezbollah, or a generic actor
of one of their kinds, "Unidentified Armed Group (Lebanon)" for Hezbollah, and the other way round).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import sqlalchemy as sa

from geo.records import Actor, Analysis, Event, Mention, Place
from geo.store import schema as tables
from geo.store.rows import chunks


@dataclass(frozen=True)
class CandidateQuery:
    """What a new article's occurrences may join: ``types`` of event, ``years`` (first, last; None when one of
    them is undated, so any year may do), their ``actor_ids``, and the name prefixes of generic actors
    (``generic_names``: "Unidentified Armed Group", ...) that stand for any actor of their kind."""

    types: tuple[str, ...]
    years: tuple[int, int] | None
    actor_ids: tuple[str, ...]
    generic_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredOccurrences:
    """Every mention of the candidate occurrences (``Event`` records with ``occurrence`` set), the actors they
    and the new article name (with their affiliations, up the chain), their places, and each article's
    publication date."""

    events: tuple[Event, ...] = ()
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    published: dict[str, dt.date | None] = field(default_factory=dict)


class Joiner(Protocol):
    """The rule, given by the analysis side (``geo.ingest.pipeline``): what to ask the store for, then the
    occurrence of every mention whose occurrence changes (``mention id -> occurrence id``, for the new article's
    mentions and stored ones alike: a stored group may be rebuilt, not only joined)."""

    def query(self, analysis: Analysis) -> CandidateQuery | None: ...

    def moves(self, analysis: Analysis, stored: StoredOccurrences) -> dict[str, str]: ...


def join_occurrences(conn: sa.Connection, analysis: Analysis, joiner: Joiner) -> None:
    """Join the just-written article's occurrences to stored ones of other articles, on ``conn``'s transaction."""
    query = joiner.query(analysis)
    if query is not None:
        move_occurrences(conn, joiner.moves(analysis, candidate_occurrences(conn, analysis.article.id, query)))


def candidate_occurrences(conn: sa.Connection, article_id: str, query: CandidateQuery) -> StoredOccurrences:
    """The stored occurrences of other articles that ``query``'s occurrences could be (see the module)."""
    if not query.types or not query.actor_ids:
        return StoredOccurrences()
    related = _related_actors(conn, query)
    e, ea = tables.events, tables.event_actors
    by_actor = (sa.select(e.c.occurrence_id).join(ea, ea.c.event_id == e.c.id)
                .where(ea.c.actor_id.in_(sorted(related)), e.c.article_id != article_id,
                       e.c.type.in_(query.types), e.c.hypothetical.is_(False)))
    if query.years is not None:  # every date string starts with its year ("2024", "2024-02", "2024-W07")
        first, last = query.years
        by_actor = by_actor.where(sa.or_(e.c.date.is_(None),
                                         sa.and_(e.c.date >= str(first), e.c.date < str(last + 1))))
    ids = sorted(set(conn.execute(by_actor).scalars()))
    events = _events(conn, ids)
    actor_ids = {a for ev in events for _, a in ev.actor_roles} | set(query.actor_ids)
    place_ids = {p for ev in events for _, p in ev.place_roles}
    return StoredOccurrences(events=events, actors=_actors(conn, actor_ids), places=_places(conn, place_ids),
                             published=_published(conn, {ev.article_id for ev in events} | {article_id}))


def move_occurrences(conn: sa.Connection, moves: dict[str, str]) -> None:
    """Mention ``id`` becomes a mention of occurrence ``new``, for each ``id -> new`` (in id order, so that two
    writers touching the same rows lock them in one order)."""
    rows = [dict(b_id=event_id, b_new=new) for event_id, new in sorted(moves.items())]
    if rows:
        conn.execute(_MOVE, rows)


_MOVE = (tables.events.update().where(tables.events.c.id == sa.bindparam("b_id"))
         .values(occurrence_id=sa.bindparam("b_new")))


def _related_actors(conn: sa.Connection, query: CandidateQuery) -> set[str]:
    """The query's actors, their affiliates up and down the chain, generic actors of their kinds, and every
    actor of a kind one of them is the generic actor of."""
    act = tables.actors
    related = _closure(conn, set(query.actor_ids), up=True) | _closure(conn, set(query.actor_ids), up=False)
    rows = conn.execute(sa.select(act.c.id, act.c.name, act.c.kind).where(act.c.id.in_(sorted(query.actor_ids))))
    kinds, generic_kinds = set(), set()
    for r in rows:
        kinds.add(r.kind)
        if r.name.startswith(query.generic_names or ("\0",)):
            generic_kinds.add(r.kind)
    if kinds and query.generic_names:
        named_generic = sa.or_(*(act.c.name.startswith(n, autoescape=True) for n in query.generic_names))
        related |= set(conn.execute(sa.select(act.c.id).where(act.c.kind.in_(sorted(kinds)), named_generic))
                       .scalars())
    if generic_kinds:
        related |= set(conn.execute(sa.select(act.c.id).where(act.c.kind.in_(sorted(generic_kinds)))).scalars())
    return related


def _closure(conn: sa.Connection, ids: set[str], *, up: bool) -> set[str]:
    """``ids`` with every actor they are affiliated with (``up``), or every actor affiliated with them."""
    aff = tables.actor_affiliations
    src, dst = (aff.c.actor_id, aff.c.parent_id) if up else (aff.c.parent_id, aff.c.actor_id)
    found, todo = set(ids), set(ids)
    while todo:
        step = set()
        for chunk in chunks(sorted(todo)):
            step.update(conn.execute(sa.select(dst).where(src.in_(chunk))).scalars())
        todo = step - found
        found |= todo
    return found


def _events(conn: sa.Connection, occurrence_ids: list[str]) -> tuple[Event, ...]:
    e, ea, ep = tables.events, tables.event_actors, tables.event_places
    out = []
    for chunk in chunks(occurrence_ids):
        rows = conn.execute(sa.select(e).where(e.c.occurrence_id.in_(chunk)).order_by(e.c.article_id, e.c.id)).all()
        ids = [r.id for r in rows]
        actors = _pairs(conn.execute(sa.select(ea.c.event_id, ea.c.role, ea.c.actor_id)
                                     .where(ea.c.event_id.in_(ids)).order_by(ea.c.role, ea.c.actor_id)))
        places = _pairs(conn.execute(sa.select(ep.c.event_id, ep.c.role, ep.c.place_id)
                                     .where(ep.c.event_id.in_(ids)).order_by(ep.c.role, ep.c.place_id)))
        out += [Event(id=r.id, article_id=r.article_id, type=r.type, subtype=r.subtype,
                      trigger=Mention(r.trigger_start, r.trigger_end, r.trigger_text, r.type), sentence=r.sentence,
                      start=r.start, end=r.end, date=r.date, date_precision=r.date_precision,
                      hypothetical=bool(r.hypothetical), actor_roles=actors.get(r.id, ()),
                      place_roles=places.get(r.id, ()), occurrence=r.occurrence_id or r.id) for r in rows]
    return tuple(out)


def _pairs(rows: Iterable[sa.Row]) -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for event_id, role, member in rows:
        out.setdefault(event_id, []).append((role, member))
    return {k: tuple(v) for k, v in out.items()}


def _actors(conn: sa.Connection, ids: set[str]) -> dict[str, Actor]:
    """These actors and every actor up their chains, each with its affiliations."""
    ids = _closure(conn, ids, up=True)
    act, aff = tables.actors, tables.actor_affiliations
    parents: dict[str, list[str]] = {}
    out = {}
    for chunk in chunks(sorted(ids)):
        for r in conn.execute(sa.select(aff).where(aff.c.actor_id.in_(chunk))):
            parents.setdefault(r.actor_id, []).append(r.parent_id)
        for r in conn.execute(sa.select(act).where(act.c.id.in_(chunk))):
            out[r.id] = Actor(id=r.id, name=r.name, kind=r.kind, aliases=tuple(json.loads(r.aliases)),
                              affiliations=tuple(sorted(parents.get(r.id, ()))))
    return out


def _places(conn: sa.Connection, ids: set[str]) -> dict[str, Place]:
    pl = tables.places
    out = {}
    for chunk in chunks(sorted(ids)):
        for r in conn.execute(sa.select(pl).where(pl.c.id.in_(chunk))):
            out[r.id] = Place(id=r.id, name=r.name, kind=r.kind, lat=r.lat, lon=r.lon,
                              country_code=r.country_code, geonameid=r.geonameid, geometry=r.geometry)
    return out


def _published(conn: sa.Connection, article_ids: set[str]) -> dict[str, dt.date | None]:
    a = tables.articles
    out = {}
    for chunk in chunks(sorted(article_ids)):
        out.update({r.id: r.published for r in conn.execute(sa.select(a.c.id, a.c.published)
                                                             .where(a.c.id.in_(chunk)))})
    return out
