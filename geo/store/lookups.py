"""Stored rows outside any view: counts, articles, mentions, actors, events by id, the dashboard's facets."""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from geo.records import Actor
from geo.store import schema as tables
from geo.store.engine import StoreEngine
from geo.store.rows import chunks, event_row, read_kinds, read_reports, read_roles, unique


class Lookups(StoreEngine):
    """Reading what is stored, by id or in full, for the command line, the panels and the other parts."""

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(tables.articles)).scalar_one()

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables, for summaries and health checks."""
        by_name = {"articles": tables.articles, "places": tables.places, "actors": tables.actors,
                   "events": tables.events, "mentions": tables.mentions, "snapshots": tables.snapshots}
        with self.engine.connect() as conn:
            return {name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for name, t in by_name.items()}

    def articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Article summaries, newest first, with their mention and event counts."""
        a, mn, e = tables.articles, tables.mentions, tables.events
        mentions = sa.select(sa.func.count()).where(mn.c.article_id == a.c.id).scalar_subquery()
        events = sa.select(sa.func.count()).where(e.c.article_id == a.c.id).scalar_subquery()
        query = (sa.select(a.c.id, a.c.title, a.c.source, a.c.url, a.c.published, a.c.origin, a.c.ingested_at,
                           sa.func.length(a.c.text).label("chars"), mentions.label("mentions"),
                           events.label("events"))
                 .order_by(a.c.ingested_at.desc(), a.c.id).limit(limit))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its fields, or None; a unique id prefix is accepted too."""
        a = tables.articles
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(a).where(a.c.id.startswith(article_id, autoescape=True)).limit(2)).all()
            if len(rows) != 1:
                return None
            return dict(rows[0]._mapping)

    def mentions(self, article_id: str) -> list[dict[str, Any]]:
        mn = tables.mentions
        query = sa.select(mn).where(mn.c.article_id == article_id).order_by(mn.c.start, mn.c.end)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def actors(self) -> list[Actor]:
        """Every canonical actor with its affiliations, for linking new articles to known actors."""
        with self.engine.connect() as conn:
            parents: dict[str, list[str]] = {}
            for r in conn.execute(sa.select(tables.actor_affiliations)):
                parents.setdefault(r.actor_id, []).append(r.parent_id)
            return [Actor(id=r.id, name=r.name, kind=r.kind, aliases=tuple(json.loads(r.aliases)),
                          affiliations=tuple(sorted(parents.get(r.id, ()))))
                    for r in conn.execute(sa.select(tables.actors).order_by(tables.actors.c.id))]

    def mention_contexts(self, actor_ids: Sequence[str], chars: int = 80
                         ) -> dict[str, list[tuple[str, str, str]]]:
        """For each of ``actor_ids``, the ``chars`` characters written right before each of its mentions, the
        mention's text and the 20 characters after it: the linker reads there the office a person held in earlier
        articles ("Finance Minister" before "Morneau", "government" after "Trudeau"), which the actor's row does
        not keep."""
        mn, a = tables.mentions, tables.articles
        before = sa.case((mn.c.start >= chars, sa.func.substr(a.c.text, mn.c.start - chars + 1, chars)),
                         else_=sa.func.substr(a.c.text, 1, mn.c.start))
        after = sa.func.substr(a.c.text, mn.c.end + 1, 20)
        query = (sa.select(mn.c.actor_id, before.label("before"), mn.c.text, after.label("after"))
                 .join_from(mn, a, mn.c.article_id == a.c.id)
                 .where(mn.c.actor_id.in_(list(actor_ids))).order_by(mn.c.actor_id, mn.c.article_id, mn.c.start))
        found: dict[str, list[tuple[str, str, str]]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                found.setdefault(row.actor_id, []).append((row.before or "", row.text, row.after or ""))
        return found

    def merged_actor_ids(self) -> set[str]:
        """The ids of actors merged into others: a new actor never takes one (old links resolve it)."""
        with self.engine.connect() as conn:
            return set(conn.execute(sa.select(tables.actor_merges.c.old_id)).scalars())

    def actor_countries(self, actor_ids: Sequence[str]) -> dict[str, set[str]]:
        """For each of ``actor_ids``, the countries of the places of the articles that mention it: the linker
        asks them before it joins initials of one article to a full name of another (the "ANC" of a
        Johannesburg story is not the Anglo-Nordic Council (ANC) of an Oslo one)."""
        return self._beside(actor_ids, tables.places.c.country_code, tables.places.c.country_code.is_not(None))

    def actor_places(self, actor_ids: Sequence[str]) -> dict[str, set[str]]:
        """For each of ``actor_ids``, the places below the country (ids) of the articles that mention it: the linker
        asks them before it joins two bodies named by their kind alone ("City Council", ``geo.actors.generic``)."""
        return self._beside(actor_ids, tables.places.c.id, tables.places.c.kind != "country")

    def _beside(self, actor_ids: Sequence[str], column: sa.Column, which: sa.ColumnElement) -> dict[str, set[str]]:
        """For each of ``actor_ids``, the distinct ``column`` values of the ``which`` places of the articles that
        mention it."""
        mn, other, pl = tables.mentions, tables.mentions.alias("other"), tables.places
        query = (sa.select(mn.c.actor_id, column.label("value")).distinct()
                 .join_from(mn, other, other.c.article_id == mn.c.article_id)
                 .join(pl, pl.c.id == other.c.place_id)
                 .where(mn.c.actor_id.in_(list(actor_ids)), which))
        found: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                found.setdefault(row.actor_id, set()).add(row.value)
        return found

    def resolve_actor(self, token: str) -> str | None:
        """The id of the actor named ``token``: its id, an id it had before a merge, its name or one of its
        aliases (any case)."""
        key = token.strip().lower()
        act = tables.actors
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(act.c.id).where(
                sa.or_(act.c.id == token.strip(), sa.func.lower(act.c.name) == key))
                .order_by(act.c.id).limit(1)).first()
            if row:
                return row.id
            merged = tables.actor_merges  # an id that a later article merged into another actor
            if found := conn.execute(sa.select(merged.c.actor_id).where(merged.c.old_id == token.strip())).scalar():
                return found
            for r in conn.execute(sa.select(act.c.id, act.c.aliases)
                                  .where(sa.func.lower(act.c.aliases).contains(key, autoescape=True))):
                if key in (a.lower() for a in json.loads(r.aliases)):
                    return r.id
        return None

    def affiliated_closure(self, actor_ids: Iterable[str]) -> tuple[str, ...]:
        """The actors given plus every actor whose affiliation chain reaches one of them
        (Iran -> Quds Force -> Esmail Qaani), by one recursive query."""
        ids = list(actor_ids)
        if not ids:
            return ()
        aff, act = tables.actor_affiliations, tables.actors
        closure = sa.select(act.c.id.label("id")).where(act.c.id.in_(ids)).cte("closure", recursive=True)
        closure = closure.union(sa.select(aff.c.actor_id).join(closure, aff.c.parent_id == closure.c.id))
        with self.engine.connect() as conn:
            found = set(conn.execute(sa.select(closure.c.id)).scalars())
        return tuple(sorted(found | set(ids)))

    def article_titles(self, ids: Iterable[str]) -> dict[str, str | None]:
        """Article id -> title, for the rows of a page."""
        a = tables.articles
        out: dict[str, str | None] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(sorted(set(ids))):
                out.update(conn.execute(sa.select(a.c.id, a.c.title).where(a.c.id.in_(chunk))).all())
        return out

    def places_by_id(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Place rows (geometry included) for the given ids."""
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(list(ids)):
                for r in conn.execute(sa.select(tables.places).where(tables.places.c.id.in_(chunk))):
                    out[r.id] = dict(r._mapping)
        return out

    def actor_counts(self) -> list[dict[str, Any]]:
        """Every actor with how often it is mentioned, in how many articles and events; most mentioned first."""
        act, mn, ea = tables.actors, tables.mentions, tables.event_actors
        mentions = sa.select(sa.func.count()).where(mn.c.actor_id == act.c.id).scalar_subquery()
        articles = (sa.select(sa.func.count(sa.distinct(mn.c.article_id)))
                    .where(mn.c.actor_id == act.c.id).scalar_subquery())
        events = (sa.select(sa.func.count(sa.distinct(ea.c.event_id)))
                  .where(ea.c.actor_id == act.c.id).scalar_subquery())
        query = (sa.select(act.c.id, act.c.name, act.c.kind, mentions.label("mentions"),
                           articles.label("articles"), events.label("events"))
                 .order_by(mentions.desc(), act.c.id))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def facets(self) -> dict[str, Any]:
        """The values the dashboard offers: event types, sources and the date range of the store."""
        e, a = tables.events, tables.articles
        with self.engine.connect() as conn:
            types = list(conn.execute(sa.select(e.c.type).distinct().order_by(e.c.type)).scalars())
            sources = list(conn.execute(sa.select(a.c.source).where(a.c.source.is_not(None)).distinct()
                                        .order_by(a.c.source)).scalars())
            lo, hi = conn.execute(sa.select(sa.func.min(a.c.published), sa.func.max(a.c.published))).one()
            elo, ehi = conn.execute(sa.select(sa.func.min(e.c.date), sa.func.max(e.c.date))).one()
        dates = [str(d)[:10] for d in (lo, hi, elo, ehi) if d]
        return {"types": types, "sources": sources,
                "date_min": min(dates) if dates else None, "date_max": max(dates) if dates else None}

    def article_events(self, article_id: str) -> list[dict[str, Any]]:
        """The events found in one article, in the export schema, in text order."""
        e = tables.events
        with self.engine.connect() as conn:
            ids = list(conn.execute(sa.select(e.c.id).where(e.c.article_id == article_id)
                                    .order_by(e.c.start, e.c.trigger_start)).scalars())
        return self._events_by_ids(ids)

    def _events_by_ids(self, ids: list[str]) -> list[dict[str, Any]]:
        """These events in the export schema, in the order of ``ids``."""
        actor_roles: dict[str, dict[str, list[str]]] = {}
        place_roles: dict[str, dict[str, list[str]]] = {}
        rows: list[sa.Row] = []
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                rows += conn.execute(sa.select(tables.events).where(tables.events.c.id.in_(chunk))).all()
                read_roles(conn, tables.event_actors, chunk, into=actor_roles)
                read_roles(conn, tables.event_places, chunk, into=place_roles)
            reports = read_reports(conn, unique(r.occurrence_id or r.id for r in rows))
            kinds = read_kinds(conn, [a for roles in actor_roles.values() for a in roles.get("target", [])])
        order = {event_id: i for i, event_id in enumerate(ids)}
        rows.sort(key=lambda r: order[r.id])
        return [event_row(r, actor_roles.get(r.id, {}), place_roles.get(r.id, {}), reports, kinds) for r in rows]

    def _mentions_by(self, column: sa.Column, *, scored: bool = False) -> dict[str, list[dict[str, Any]]]:
        """Mentions grouped by place or actor id; ``scored`` adds the resolver's confidence (place mentions)."""
        mn = tables.mentions
        query = (sa.select(column.label("key"), mn.c.article_id, mn.c.start, mn.c.end, mn.c.text, mn.c.score)
                 .where(column.is_not(None)).order_by(mn.c.article_id, mn.c.start))
        out: dict[str, list[dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(query):
                row = dict(article_id=r.article_id, start=r.start, end=r.end, text=r.text)
                if scored:
                    row["score"] = r.score
                out.setdefault(r.key, []).append(row)
        return out
