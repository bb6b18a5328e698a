"""The view queries: which events, place mentions, articles and actors a filtered view holds, its counts,
pages and timeline, all counted, sorted and cut in the database. The places of a view and the map's data
are :mod:`geo.store.places`; each filter's SQL is :mod:`geo.store.filters`."""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from geo.store import schema as tables
from geo.store.filters import ViewFilter, article_conds, date_conds, event_conds, event_date, whole_store
from geo.store.lookups import Lookups
from geo.store.rows import actor_row, report_dates

SENTENCE_BREAKS = (". ", "? ", "! ", "\n")



class ViewQueries(Lookups):
    """What a :class:`ViewFilter` selects: its events and place mentions first, as subqueries for the rest."""

    def view_event_ids(self, f: ViewFilter) -> sa.Select:
        """SELECT of the ids of the events in the view (a subquery for the other view queries)."""
        return self._view_events(f).with_only_columns(tables.events.c.id)

    def _view_events(self, f: ViewFilter) -> sa.Select:
        """SELECT ``id, article_id, type, date, date_precision, occurrence`` of the event mentions in the view
        (``date`` falls back on the article's), the table the aggregates join to instead of testing ``id IN (...)``
        row by row. Counts of events count distinct ``occurrence`` (one real-world event, however many reports)."""
        e, a = tables.events, tables.articles
        # The article's date is looked up only for undated events, and articles are joined only when
        # filtered on: most views then read the events index alone.
        date = event_date(e)
        query = sa.select(e.c.id, e.c.article_id, e.c.type, date.label("date"), e.c.date_precision,
                          e.c.occurrence_id.label("occurrence"))
        if article_conds(f):
            query = query.where(e.c.article_id.in_(sa.select(a.c.id).where(*article_conds(f))))
        return query.where(*event_conds(f, e, date))

    def view_place_mentions(self, f: ViewFilter) -> sa.Select:
        """SELECT of the place mentions in the view: in matching articles; with a type filter only
        inside the sentences of the view's events; with an actor filter only in those sentences or in
        a sentence that also mentions one of the actors (no sentence break between the two mentions)."""
        mn, a = tables.mentions, tables.articles
        query = (sa.select(mn.c.id, mn.c.place_id, mn.c.article_id, mn.c.start, mn.c.end, mn.c.text)
                 .where(mn.c.place_id.is_not(None)))
        conds = [*article_conds(f), *date_conds(sa.cast(a.c.published, sa.String), f)]
        if conds:  # otherwise the counts read the mentions index alone
            query = query.where(mn.c.article_id.in_(sa.select(a.c.id).where(*conds)))
        if not f.types and f.actor_ids is None:
            return query
        ev = tables.events
        in_event = sa.exists().where(ev.c.article_id == mn.c.article_id, ev.c.start <= mn.c.start,
                                     ev.c.end >= mn.c.end, ev.c.id.in_(self.view_event_ids(f)))
        if f.types:
            return query.where(in_event)
        candidates = sa.union(sa.select(mn.c.article_id).where(mn.c.actor_id.in_(f.actor_ids)),
                              sa.select(ev.c.article_id).where(ev.c.id.in_(self.view_event_ids(f))))
        query = (query.select_from(mn.join(a, a.c.id == mn.c.article_id))
                 .where(mn.c.article_id.in_(candidates)))  # lets the database skip every other article
        am = mn.alias("am")
        lo = sa.case((am.c.start < mn.c.start, am.c.start), else_=mn.c.start)
        hi = sa.case((am.c.end > mn.c.end, am.c.end), else_=mn.c.end)
        between = sa.func.substr(a.c.text, lo + 1, hi - lo)
        same_sentence = sa.exists().where(am.c.article_id == mn.c.article_id, am.c.actor_id.in_(f.actor_ids),
                                          *[sa.not_(between.contains(b)) for b in SENTENCE_BREAKS])
        return query.where(sa.or_(in_event, same_sentence))

    def view_date_range(self, f: ViewFilter) -> tuple[str | None, str | None]:
        """The earliest and the latest date of the view's events (an undated event counts its article's
        date), as stored (YYYY, YYYY-MM or YYYY-MM-DD): the span of the dashboard's time slider."""
        ve = self._view_events(f).subquery()
        with self.engine.connect() as conn:
            first, last = conn.execute(sa.select(sa.func.min(ve.c.date), sa.func.max(ve.c.date))).one()
        return first, last

    def view_counts(self, f: ViewFilter) -> dict[str, int]:
        """How many events, places and articles the view holds (the dashboard's caption), counted in the database."""
        ve = self._view_events(f).subquery()
        ep, mn = tables.event_places, tables.mentions
        if whole_store(f):  # every place and article is tested once, through the indexes on mentions and events
            p, a = tables.places, tables.articles
            places = sa.select(p.c.id).where(sa.or_(
                sa.exists().where(mn.c.place_id == p.c.id),
                sa.exists().where(ep.c.place_id == p.c.id, ep.c.event_id.in_(self.view_event_ids(f)))))
            articles = sa.select(a.c.id).where(self._in_whole_store_view(f, a))
        else:
            pm = self.view_place_mentions(f).subquery()
            places = sa.union(sa.select(pm.c.place_id), sa.select(ep.c.place_id).join(ve, ve.c.id == ep.c.event_id))
            articles = sa.union(sa.select(pm.c.article_id), sa.select(ve.c.article_id))
        with self.engine.connect() as conn:
            return {"events": conn.execute(sa.select(sa.func.count(sa.distinct(ve.c.occurrence)))).scalar_one(),
                    "places": conn.execute(sa.select(sa.func.count()).select_from(places.subquery())).scalar_one(),
                    "articles": conn.execute(sa.select(sa.func.count()).select_from(articles.subquery()))
                    .scalar_one()}

    def _in_whole_store_view(self, f: ViewFilter, a: sa.Table) -> sa.ColumnElement[bool]:
        """Whether the article ``a`` (of an enclosing query) is in the view ``f`` of the whole store
        (:func:`geo.store.filters.whole_store`): it has an event of the view or a resolved place mention."""
        mn, e = tables.mentions, tables.events
        return sa.or_(sa.exists().where(e.c.article_id == a.c.id, e.c.id.in_(self.view_event_ids(f))),
                      sa.exists().where(mn.c.article_id == a.c.id, mn.c.place_id.is_not(None)))

    def view_events(self, f: ViewFilter, *, place_id: str | None = None, limit: int | None = None,
                    offset: int = 0) -> list[dict[str, Any]]:
        """The view's events in the export schema (newest first), one per real-world event: the newest of its
        mentions in the view stands for it, with ``report_count``, ``source_count`` and every ``mentions``;
        optionally only those at one place; ``limit`` and ``offset`` page through them."""
        e, a, ep = tables.events, tables.articles, tables.event_places
        query = (sa.select(e.c.id, e.c.occurrence_id).join(a, a.c.id == e.c.article_id)
                 .where(e.c.id.in_(self.view_event_ids(f))))
        if place_id is not None:
            query = query.where(e.c.id.in_(sa.select(ep.c.event_id).where(ep.c.place_id == place_id)))
        date = sa.func.coalesce(e.c.date, sa.cast(a.c.published, sa.String))
        query = query.order_by(date.desc(), e.c.article_id, e.c.start, e.c.trigger_start)
        first: dict[str, str] = {}  # occurrence -> its first mention in this order
        with self.engine.connect() as conn:
            for event_id, occurrence in conn.execute(query):
                first.setdefault(occurrence or event_id, event_id)
        ids = list(first.values())[offset:None if limit is None else offset + limit]
        return self._dated_by_reports(self._events_by_ids(ids))

    def _dated_by_reports(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """An event the view shows by an undated mention (an actor filter may keep only the report of an undated
        article) takes the date its other reports give (:func:`geo.store.rows.report_dates`)."""
        undated = [r["occurrence"] for r in rows if not r.get("date") and r.get("occurrence")]
        if undated:
            with self.engine.connect() as conn:
                best = report_dates(conn, undated)
            for r in rows:
                if not r.get("date") and r.get("occurrence") in best:
                    r["date"], r["date_precision"] = best[r["occurrence"]]
        return rows

    def view_articles(self, f: ViewFilter, *, place_id: str | None = None, with_text: bool = True,
                      limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """The articles with an event or a place mention in the view (optionally at one place), newest first;
        ``limit`` and ``offset`` page through them."""
        ep, e, a = tables.event_places, tables.events, tables.articles
        pm = self.view_place_mentions(f).subquery()
        by_event = sa.select(e.c.article_id).where(e.c.id.in_(self.view_event_ids(f)))
        by_mention = sa.select(pm.c.article_id)
        if place_id is not None:
            by_event = by_event.where(e.c.id.in_(sa.select(ep.c.event_id).where(ep.c.place_id == place_id)))
            by_mention = by_mention.where(pm.c.place_id == place_id)
        cols = [a.c.id, a.c.title, a.c.source, a.c.url, a.c.published] + ([a.c.text] if with_text else [])
        listed = a.c.id.in_(sa.union(by_event, by_mention))
        if place_id is None and limit is not None and whole_store(f):
            # Nearly every article is in the view: test them newest first, so a page stops after its rows.
            listed = self._in_whole_store_view(f, a)
        query = (sa.select(*cols).where(listed).order_by(a.c.published.desc(), a.c.id)
                 .limit(limit).offset(offset or None))
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
        for row in rows:
            row["published"] = row["published"].isoformat() if row["published"] else None
        return rows

    def view_mentions(self, f: ViewFilter, place_id: str) -> list[dict[str, Any]]:
        """The mentions of one place in the view (``article_id``, ``start``, ``end``, ``text``), in text order."""
        pm = self.view_place_mentions(f).where(tables.mentions.c.place_id == place_id).subquery()
        query = sa.select(pm.c.article_id, pm.c.start, pm.c.end, pm.c.text).order_by(pm.c.article_id, pm.c.start)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def view_actors(self, f: ViewFilter) -> list[dict[str, Any]]:
        """Actors taking part in the view's events, plus the filtered actors, in the export schema."""
        ea = tables.event_actors
        in_events = sa.select(ea.c.actor_id).where(ea.c.event_id.in_(self.view_event_ids(f)))
        with self.engine.connect() as conn:
            ids = set(conn.execute(in_events.distinct()).scalars()) | set(f.actor_ids or ())
        mentions = self._mentions_by(tables.mentions.c.actor_id)
        return [actor_row(a, mentions.get(a.id, [])) for a in self.actors() if a.id in ids]

    def view_actor_counts(self, f: ViewFilter) -> list[dict[str, Any]]:
        """Every actor with its number of events and mentions under ``f`` (whose actor filter is ignored),
        most active first: the choices of the dashboard's actor filter."""
        f = f.without_actors()
        ea, mn, a, act = tables.event_actors, tables.mentions, tables.articles, tables.actors
        ve = self._view_events(f).subquery("ve")
        ev_n = (sa.select(ea.c.actor_id, sa.func.count(sa.distinct(ve.c.occurrence)).label("n"))
                .join(ve, ve.c.id == ea.c.event_id).group_by(ea.c.actor_id).subquery())
        mn_n = sa.select(mn.c.actor_id, sa.func.count().label("n")).where(mn.c.actor_id.is_not(None))
        if article_conds(f):
            mn_n = mn_n.where(mn.c.article_id.in_(sa.select(a.c.id).where(*article_conds(f))))
        mn_n = mn_n.group_by(mn.c.actor_id).subquery()
        evc, mnc = sa.func.coalesce(ev_n.c.n, 0), sa.func.coalesce(mn_n.c.n, 0)
        query = (sa.select(act.c.id, act.c.name, act.c.kind, evc.label("event_count"), mnc.label("mention_count"))
                 .outerjoin(ev_n, ev_n.c.actor_id == act.c.id).outerjoin(mn_n, mn_n.c.actor_id == act.c.id)
                 .order_by(evc.desc(), mnc.desc(), act.c.name))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def timeline(self, f: ViewFilter, by: str = "type") -> list[dict[str, Any]]:
        """Events per month and per type (``by="type"``) or per actor (``by="actor"``), counted in the database."""
        ea, act = tables.event_actors, tables.actors
        ve = self._view_events(f).subquery("ve")
        month = sa.func.substr(ve.c.date, 1, 7).label("month")
        query = sa.select(month).select_from(ve)
        if by == "actor":
            query = query.join(ea, ea.c.event_id == ve.c.id).join(act, act.c.id == ea.c.actor_id)
            key = act.c.name
        else:
            key = ve.c.type
        query = (query.add_columns(key.label("key"), sa.func.count(sa.distinct(ve.c.occurrence)).label("events"))
                 .where(month.is_not(None)).group_by(month, key).order_by(month, key))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]
