"""Rows in the export schema, built the same way by the view queries, the lookups and the whole-store export.

The role-grouping of events' actors and places (``event id -> role -> ids``) is :func:`read_roles`; an event
row is :func:`event_row`, an actor row :func:`actor_row`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import sqlalchemy as sa

from geo.records import Actor
from geo.store import schema as tables

Roles = dict[str, dict[str, list[str]]]  # event id -> role -> actor (or place) ids


def read_roles(conn: sa.Connection, link: sa.Table, event_ids: list[str] | None = None,
               into: Roles | None = None) -> Roles:
    """The actors (``link`` is ``event_actors``) or places (``event_places``) of these events, or of all events,
    grouped by event and role, each role's ids in id order (the export schema's). ``into`` is added to and
    returned when given (to read the events in chunks)."""
    member = link.c.actor_id if link is tables.event_actors else link.c.place_id
    query = sa.select(link.c.event_id, link.c.role, member.label("member")).order_by(member)
    if event_ids is not None:
        query = query.where(link.c.event_id.in_(event_ids))
    roles: Roles = {} if into is None else into
    for r in conn.execute(query):
        roles.setdefault(r.event_id, {}).setdefault(r.role, []).append(r.member)
    return roles


def event_row(r: sa.Row, actor_roles: dict[str, list[str]], place_roles: dict[str, list[str]]) -> dict[str, Any]:
    """An event in the export schema: its row of ``events`` with its actors' and places' roles."""
    return dict(id=r.id, article_id=r.article_id, type=r.type, subtype=r.subtype, sentence=r.sentence,
                start=r.start, end=r.end, trigger=dict(start=r.trigger_start, end=r.trigger_end,
                                                       text=r.trigger_text),
                date=r.date, date_precision=r.date_precision, hypothetical=bool(r.hypothetical),
                place_ids=members(place_roles), place_roles=place_roles,
                actor_ids=members(actor_roles), actor_roles=actor_roles)


def members(roles: dict[str, list[str]]) -> list[str]:
    """Every id of one event's roles, once each, in the order of the roles."""
    return unique(i for ids in roles.values() for i in ids)


def actor_row(actor: Actor, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """An actor in the export schema."""
    return dict(id=actor.id, name=actor.name, kind=actor.kind, aliases=list(actor.aliases),
                affiliations=list(actor.affiliations), mentions=mentions)


def chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """``items`` in slices small enough for one ``IN (...)`` on every database."""
    for i in range(0, len(items), size):
        yield items[i:i + size]


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
