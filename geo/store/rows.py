"""Rows in the export schema, built the same way by the view queries, the lookups and the whole-store export.

The role-grouping of events' actors and places (``event id -> role -> ids``) is :func:`read_roles`; an event
row is :func:`event_row`, an actor row :func:`actor_row`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import sqlalchemy as sa

from geo.records import Actor, target_types
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


Reports = dict[str, list[dict[str, Any]]]  # occurrence id -> its mentions, first reported first


def read_reports(conn: sa.Connection, occurrence_ids: list[str] | None = None) -> Reports:
    """The mentions of these occurrences (or of all): ``id``, ``article_id``, ``start``, ``end``, ``sentence``,
    ``trigger`` and the article's ``source`` (to count sources), ordered by publication date and text order."""
    e, a = tables.events, tables.articles
    query = (sa.select(e.c.occurrence_id, e.c.id, e.c.article_id, e.c.start, e.c.end, e.c.sentence,
                       e.c.trigger_start, e.c.trigger_end, e.c.trigger_text, a.c.source)
             .join(a, a.c.id == e.c.article_id).order_by(a.c.published, e.c.article_id, e.c.start, e.c.trigger_start))
    out: Reports = {}
    for chunk in [None] if occurrence_ids is None else list(chunks(occurrence_ids)):
        for r in conn.execute(query if chunk is None else query.where(e.c.occurrence_id.in_(chunk))):
            out.setdefault(r.occurrence_id, []).append(dict(
                id=r.id, article_id=r.article_id, start=r.start, end=r.end, sentence=r.sentence,
                trigger=dict(start=r.trigger_start, end=r.trigger_end, text=r.trigger_text), source=r.source))
    return out


def read_kinds(conn: sa.Connection, actor_ids: list[str] | None = None) -> dict[str, str]:
    """Actor id -> kind, of these actors or of all, to type events' targets (``geo.records.TARGET_TYPES``)."""
    a = tables.actors
    query = sa.select(a.c.id, a.c.kind)
    out: dict[str, str] = {}
    for chunk in [None] if actor_ids is None else list(chunks(unique(actor_ids))):
        out.update((r.id, r.kind) for r in conn.execute(query if chunk is None else query.where(a.c.id.in_(chunk))))
    return out


def event_row(r: sa.Row, actor_roles: dict[str, list[str]], place_roles: dict[str, list[str]],
              reports: Reports | None = None, kinds: dict[str, str] | None = None) -> dict[str, Any]:
    """An event in the export schema: its row of ``events`` with its actors' and places' roles, and the
    occurrence it reports: its id (``occurrence``), every mention of it (``mentions``: id, article id, offsets,
    sentence, trigger), ``report_count`` and ``source_count`` (articles of one source count once); ``target_types``
    are the GTD target types of its targets, from their kinds (``kinds``: actor id -> kind)."""
    occurrence = getattr(r, "occurrence_id", None) or r.id
    mentions = (reports or {}).get(occurrence) or [dict(id=r.id, article_id=r.article_id, start=r.start, end=r.end,
                                                        sentence=r.sentence, source=None)]
    return dict(id=r.id, article_id=r.article_id, type=r.type, subtype=r.subtype, sentence=r.sentence,
                start=r.start, end=r.end, trigger=dict(start=r.trigger_start, end=r.trigger_end,
                                                       text=r.trigger_text),
                date=r.date, date_precision=r.date_precision, hypothetical=bool(r.hypothetical),
                place_ids=members(place_roles), place_roles=place_roles,
                actor_ids=members(actor_roles), actor_roles=actor_roles, occurrence=occurrence,
                mentions=[{k: v for k, v in m.items() if k != "source"} for m in mentions],
                report_count=len(mentions), source_count=source_count(mentions),
                target_types=target_types(r.type, ((kinds or {}).get(a, "") for a in actor_roles.get("target", []))))


def source_count(mentions: list[dict[str, Any]]) -> int:
    """How many sources report an occurrence: articles of one named source count once, unnamed ones each."""
    return len({m["source"] or f"article:{m['article_id']}" for m in mentions})


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

#: Date precisions, the most precise first (an event's own date before the date it was reported).
_PRECISE = {p: i for i, p in enumerate(("day", "week", "month", "year", "reported"))}


def report_dates(conn: sa.Connection, occurrences: list[str]) -> dict[str, tuple[str, str]]:
    """Occurrence id -> the most precise (date, precision) among its factual reports that have one: the date of
    an event the view shows by an undated article's report. The event is dated by its reports, so the panel and
    the popup must not call undated what another report dates."""
    e = tables.events
    best: dict[str, tuple[str, str]] = {}
    for chunk in chunks(unique(occurrences)):
        query = (sa.select(e.c.occurrence_id, e.c.date, e.c.date_precision)
                 .where(e.c.occurrence_id.in_(chunk), e.c.date.is_not(None), e.c.hypothetical.is_(False))
                 .order_by(e.c.id))
        for occurrence, date, precision in conn.execute(query):
            known = best.get(occurrence)
            if known is None or _PRECISE.get(precision, 9) < _PRECISE.get(known[1], 9):
                best[occurrence] = (date, precision)
    return best
