"""The places of a view and the map's data: each place's counts, dominant type, newest events and articles,
aggregated in the database in a handful of queries whatever the view's size."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import sqlalchemy as sa

from geo.records import CONTEXT_ROLE
from geo.store import schema as tables
from geo.store.filters import ViewFilter, event_date, whole_store
from geo.store.queries import ViewQueries
from geo.store.rows import chunks, members, read_reports, report_dates, source_count, unique

# Runs a list of queries and returns their answers in order (see PlaceQueries.view_map).
Run = Callable[[list[Callable[[], Any]]], list[Any]]


class PlaceQueries(ViewQueries):
    """:meth:`view_places` (the places with their mentions, for exports) and :meth:`view_map` (what the map
    draws), over the view's events and place mentions."""

    def view_places(self, f: ViewFilter, *, top: int = 3, titles: int = 5) -> list[dict[str, Any]]:
        """The places in the view with ``event_count``, ``mention_count``, ``dominant_type``,
        ``mentions``, ``top_events`` (newest first) and ``article_ids``, all aggregated in the database."""
        pm = self.view_place_mentions(f).subquery()
        with self.engine.connect() as conn:
            rows = self._place_stats_rows(conn, f)
            places = {r["id"]: r for r in rows}
            for r in rows:
                r.update(mentions=[])
            for r in conn.execute(sa.select(pm).order_by(pm.c.place_id, pm.c.article_id, pm.c.start)):
                places[r.place_id]["mentions"].append(dict(article_id=r.article_id, start=r.start, end=r.end,
                                                           text=r.text))
            _attach_details(rows, self._top_events(conn, f, top), self._place_article_ids(conn, f, titles))
        return rows

    def view_map(self, f: ViewFilter, *, top: int = 3, titles: int = 3, detail_at: int | None = None,
                 run: Run | None = None) -> dict[str, list[dict[str, Any]]]:
        """What the map of a view needs, in the export schema but only that: the places of
        :meth:`view_places` without their ``mentions``, and only the events, articles (``id``, ``title``)
        and actors (``id``, ``name``) their popups name. A handful of aggregate queries, whatever the view's
        size; past ``detail_at`` places the popups' top events and titles are left out (counts only).

        The queries run one after the other on one connection, or, given ``run`` (a callable that runs a
        list of jobs and returns their answers in order, e.g. all at once in threads), each on its own
        connection; the popups' top events and titles are then queried alongside the counts when the store
        holds no more than ``detail_at`` places (the view cannot hold more), and after them otherwise."""
        if run is None:
            with self.engine.connect() as conn:
                return self._view_map(f, top, titles, detail_at, lambda queries: [q(conn) for q in queries])
        return self._view_map(f, top, titles, detail_at,
                              lambda queries: run([partial(self._read, q) for q in queries]))

    def _view_map(self, f: ViewFilter, top: int, titles: int, detail_at: int | None,
                  run: Callable[[list[Callable[[sa.Connection], Any]]], list[Any]]) -> dict[str, list[dict[str, Any]]]:
        details = [partial(self._top_events, f=f, top=top), partial(self._place_article_ids, f=f, limit=titles)]
        early = detail_at is None or run([self._count_places])[0] <= detail_at
        rows, *answers = run([partial(self._place_stats_rows, f=f)] + (details if early else []))
        if detail_at is not None and len(rows) > detail_at:
            for r in rows:
                r.update(top_events=[], article_ids=[])
            return {"places": rows, "events": [], "articles": [], "actors": []}
        _attach_details(rows, *(answers if early else run(details)))
        event_ids = unique(e["id"] for r in rows for e in r["top_events"])
        events, actors = run([partial(self._event_actors, ids=event_ids)])[0]
        shown = {a for r in rows for a in r["article_ids"]}
        articles = [dict(id=i, title=t) for i, t in sorted(self.article_titles(shown).items())]
        return {"places": rows, "events": events, "articles": articles, "actors": actors}

    def _place_stats(self, f: ViewFilter) -> sa.Subquery:
        """``place_id, event_count, mention_count, dominant_type, context_event_count`` of every place in the
        view: events (real-world events, however many reports), mentions and the events placed there only from
        context (role "context": no sentence of theirs names the place) are counted apart, stacked by UNION ALL and
        summed, so no join multiplies rows."""
        ep = tables.event_places
        ve = self._view_events(f).subquery("ve")
        named = sa.case((ep.c.role != CONTEXT_ROLE, ve.c.occurrence))  # one mention's sentence names the place
        n = sa.func.count(sa.distinct(ve.c.occurrence))
        per_type = (sa.select(ep.c.place_id, ve.c.type, n.label("n"),
                              (n - sa.func.count(sa.distinct(named))).label("nc"))
                    .join(ve, ve.c.id == ep.c.event_id).group_by(ep.c.place_id, ve.c.type).subquery())
        ranked = sa.select(
            per_type.c.place_id, per_type.c.type,
            sa.func.sum(per_type.c.n).over(partition_by=per_type.c.place_id).label("total"),
            sa.func.sum(per_type.c.nc).over(partition_by=per_type.c.place_id).label("context"),
            sa.func.row_number().over(partition_by=per_type.c.place_id,
                                      order_by=(per_type.c.n.desc(), per_type.c.type)).label("rk")).subquery()
        pm = self.view_place_mentions(f).subquery()
        stacked = sa.union_all(
            sa.select(ranked.c.place_id, ranked.c.total.label("events"), sa.literal(0).label("mentions"),
                      ranked.c.type.label("dominant"), ranked.c.context).where(ranked.c.rk == 1),
            sa.select(pm.c.place_id, sa.literal(0), sa.func.count(), sa.cast(sa.null(), sa.String), sa.literal(0))
            .group_by(pm.c.place_id)).subquery()
        return (sa.select(stacked.c.place_id, sa.func.sum(stacked.c.events).label("event_count"),
                          sa.func.sum(stacked.c.mentions).label("mention_count"),
                          sa.func.max(stacked.c.dominant).label("dominant_type"),
                          sa.func.sum(stacked.c.context).label("context_event_count"))
                .group_by(stacked.c.place_id).subquery())

    def _place_stats_rows(self, conn: sa.Connection, f: ViewFilter) -> list[dict[str, Any]]:
        stats, p = self._place_stats(f), tables.places
        query = (sa.select(p, stats.c.event_count, stats.c.mention_count, stats.c.dominant_type,
                           stats.c.context_event_count)
                 .join(stats, stats.c.place_id == p.c.id).order_by(p.c.id))
        rows = [dict(r._mapping) for r in conn.execute(query)]
        for r in rows:
            r.update(event_count=int(r["event_count"]), mention_count=int(r["mention_count"]),
                     context_event_count=int(r["context_event_count"]))
        return rows

    def _count_places(self, conn: sa.Connection) -> int:
        return conn.execute(sa.select(sa.func.count()).select_from(tables.places)).scalar_one()

    def _top_events(self, conn: sa.Connection, f: ViewFilter, top: int) -> dict[str, list[dict[str, Any]]]:
        """Place id -> its ``top`` newest events in the view (``id``: the occurrence's, ``type``, ``date``,
        ``date_precision``, ``article_id``)."""
        out: dict[str, list[dict[str, Any]]] = {}
        for r in conn.execute(self._top_events_query(f, top)):
            out.setdefault(r.place_id, []).append(dict(id=r.id, type=r.type, date=r.date,
                                                       date_precision=r.date_precision, article_id=r.article_id))
        undated = [e for events in out.values() for e in events if not e["date"]]
        best = report_dates(conn, [e["id"] for e in undated]) if undated else {}
        for e in undated:  # shown by an undated article's report: dated by the others, as in the panel
            if e["id"] in best:
                e["date"], e["date_precision"] = best[e["id"]]
        return out

    def _place_article_ids(self, conn: sa.Connection, f: ViewFilter, limit: int) -> dict[str, list[str]]:
        """Place id -> the ids of its ``limit`` newest articles in the view."""
        out: dict[str, list[str]] = {}
        for r in conn.execute(self._place_articles_query(f, limit)):
            out.setdefault(r.place_id, []).append(r.article_id)
        return out

    def _event_actors(self, conn: sa.Connection, ids: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The occurrences' ``id``, ``actor_ids`` (of all their mentions, in the order of the export schema),
        ``report_count`` and ``source_count``, and those actors' ``id`` and ``name``."""
        e, ea = tables.events, tables.event_actors
        roles: dict[str, dict[str, list[str]]] = {i: {} for i in ids}
        reports = {}
        for chunk in chunks(ids):
            query = (sa.select(e.c.occurrence_id, ea.c.role, ea.c.actor_id).join(e, e.c.id == ea.c.event_id)
                     .where(e.c.occurrence_id.in_(chunk)).order_by(ea.c.actor_id))
            for r in conn.execute(query):
                found = roles[r.occurrence_id].setdefault(r.role, [])
                if r.actor_id not in found:
                    found.append(r.actor_id)
            reports.update(read_reports(conn, chunk))
        events = [dict(id=i, actor_ids=members(roles[i]), report_count=len(reports.get(i, [])) or 1,
                       source_count=source_count(reports[i]) if i in reports else 1) for i in ids]
        actor_ids = sorted({a for e in events for a in e["actor_ids"]})
        act = tables.actors
        actors = [dict(r._mapping) for chunk in chunks(actor_ids)
                  for r in conn.execute(sa.select(act.c.id, act.c.name).where(act.c.id.in_(chunk)))]
        return events, actors

    # The popups' newest events and articles of every place. For a view of the whole store on SQLite, each
    # place's own rows are sorted and cut (``ORDER BY ... LIMIT`` in a subquery correlated to the place, read
    # through the place's index entries): a third to a half of the time of ranking every (place, event) pair
    # at once with a window function. A filtered view ranks its few pairs instead (the cut would still read
    # every event of every place), and so does PostgreSQL (its hashing and sorting make the ranking pass
    # cheaper, and it runs a correlated IN once per pair of rows, not once per place).

    def _cut_per_place(self, f: ViewFilter) -> bool:
        return self.dialect == "sqlite" and whole_store(f)

    def _top_events_query(self, f: ViewFilter, top: int) -> sa.Select:
        ve = self._view_events(f).subquery("ve")
        if not self._cut_per_place(f):
            ep = tables.event_places
            pairs = (sa.select(ep.c.place_id, ve.c.occurrence.label("id"), sa.func.max(ve.c.type).label("type"),
                               sa.func.max(ve.c.date).label("date"),
                               sa.func.max(ve.c.date_precision).label("date_precision"),
                               sa.func.min(ve.c.article_id).label("article_id"))
                     .join(ve, ve.c.id == ep.c.event_id).group_by(ep.c.place_id, ve.c.occurrence).subquery())
            return _first_ranked(pairs, top, pairs.c.date.desc(), pairs.c.id)
        p, shown = tables.places, tables.events.alias("shown")  # aliased: the inner queries must not correlate with it
        newest = (sa.select(ve.c.occurrence).where(ve.c.id.in_(_events_at(p))).group_by(ve.c.occurrence)
                  .order_by(sa.func.max(ve.c.date).desc(), ve.c.occurrence))
        date = event_date(shown)
        return (sa.select(p.c.id.label("place_id"), shown.c.id, shown.c.type, date.label("date"),
                          shown.c.date_precision, shown.c.article_id)
                .select_from(p).join(shown, shown.c.id.in_(newest.limit(top)))
                .order_by(p.c.id, date.desc(), shown.c.id))

    def _place_articles_query(self, f: ViewFilter, limit: int) -> sa.Select:
        ep, a, mn = tables.event_places, tables.articles, tables.mentions
        ve = self._view_events(f).subquery("ve")
        if not self._cut_per_place(f):
            pm = self.view_place_mentions(f).subquery()
            pairs = sa.union(sa.select(pm.c.place_id, pm.c.article_id),
                             sa.select(ep.c.place_id, ve.c.article_id).join(ve, ve.c.id == ep.c.event_id)).subquery()
            dated = (sa.select(pairs.c.place_id, pairs.c.article_id, a.c.published)
                     .join(a, a.c.id == pairs.c.article_id).subquery())
            return _first_ranked(dated, limit, dated.c.published.desc(), dated.c.article_id)
        p, cut, shown = tables.places, a.alias("cut"), a.alias("shown")
        mentioned = self.view_place_mentions(f).where(mn.c.place_id == p.c.id).with_only_columns(mn.c.article_id)
        ids = sa.union_all(mentioned.correlate(p), sa.select(ve.c.article_id).where(ve.c.id.in_(_events_at(p))))
        newest = sa.select(cut.c.id).where(cut.c.id.in_(ids)).order_by(cut.c.published.desc(), cut.c.id)
        return (sa.select(p.c.id.label("place_id"), shown.c.id.label("article_id")).select_from(p)
                .join(shown, shown.c.id.in_(newest.limit(limit)))
                .order_by(p.c.id, shown.c.published.desc(), shown.c.id))


def _attach_details(rows: list[dict[str, Any]], top_events: dict[str, list[dict[str, Any]]],
                    article_ids: dict[str, list[str]]) -> None:
    """Give each place row its popup's ``top_events`` and ``article_ids`` (by place id; details of a place
    the counts did not see, an ingest in between, are left out)."""
    for r in rows:
        r.update(top_events=top_events.get(r["id"], []), article_ids=article_ids.get(r["id"], []))


def _events_at(p: sa.Table) -> sa.Select:
    """The ids of the events at the place ``p`` of an enclosing query."""
    return sa.select(tables.event_places.c.event_id).where(tables.event_places.c.place_id == p.c.id).correlate(p)


def _first_ranked(rows: sa.Subquery, limit: int, *order: sa.ColumnElement[Any]) -> sa.Select:
    """The first ``limit`` of each place's ``rows`` in ``order``, by a window function over all of them."""
    ranked = sa.select(rows, sa.func.row_number().over(partition_by=rows.c.place_id, order_by=order)
                       .label("rk")).subquery()
    return sa.select(ranked).where(ranked.c.rk <= limit).order_by(ranked.c.place_id, ranked.c.rk)
