"""The store: every SQL statement newsmap runs lives here.

SQLite is the default (one file in the data folder, WAL mode, a busy timeout so
the dashboard and an ingest can share it); PostgreSQL works with the same code,
for a store shared by many ingest workers and dashboards. The two differ only in
:func:`_connect_args`, :func:`_upsert`, the pragmas set on connect and how the map's popups pick each
place's newest events and articles (:meth:`Store._cut_per_place`: the faster form on each).

>>> store = Store.open("sqlite://")
>>> store.count_articles()
0
"""
from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from geo.store import schema as m
from geo.errors import StoreError
from geo.records import CONTEXT_ROLE, Actor, Analysis, Article, Event, Place, merge_aliases

BUSY_TIMEOUT_MS = 30_000
WRITE_ATTEMPTS = 5
SENTENCE_BREAKS = (". ", "? ", "! ", "\n")
T = TypeVar("T")
# Runs a list of queries and returns their answers in order (see Store.view_map).
Run = Callable[[list[Callable[[], Any]]], list[Any]]


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
    source: str | None = None
    q: str | None = None
    show_hypothetical: bool = False


class Store:
    """A database of articles and what was found in them."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, url: str) -> "Store":
        """Open (and migrate) the store at a SQLAlchemy URL or SQLite path."""
        if "://" not in url:
            url = f"sqlite:///{Path(url).expanduser()}"
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://"):]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        try:
            engine = _make_engine(url)
            m.migrate(engine)
        except sa.exc.ArgumentError as err:
            raise StoreError(f"cannot use database URL {url!r}: {err}. "
                             "Give a SQLite path or postgresql://user@host/dbname") from err
        except sa.exc.OperationalError as err:
            raise StoreError(f"cannot open database {_safe_url(url)}: {_first_line(err)}") from err
        return cls(engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            q = sa.select(m.articles.c.id).where(m.articles.c.id == article_id)
            return conn.execute(q).first() is not None

    def stored_articles(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these article ids the store holds (one query per 500 ids)."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(article_ids))):
                found.update(conn.execute(_STORED_ARTICLES, {"ids": chunk}).scalars())
        return found

    def write(self, analysis: Analysis) -> bool:
        """Store one article and everything derived from it, atomically.

        Returns False (and writes nothing) when the article is already stored, so
        re-ingesting is a no-op even when two workers race on the same article.
        """
        for attempt in range(WRITE_ATTEMPTS):
            try:
                return self._write_once(analysis)
            except sa.exc.OperationalError as err:  # deadlock or lock timeout: another writer won
                if attempt == WRITE_ATTEMPTS - 1 or not _is_transient(err):
                    raise
                time.sleep(0.05 * (attempt + 1))
        return False

    def _write_once(self, analysis: Analysis) -> bool:
        # A handful of statements per article whatever its size: each table's rows go in one executemany of a
        # statement built once (so SQLAlchemy compiles it once per process, not once per article).
        with self.engine.begin() as conn:
            if not self._insert_article(conn, analysis.article):
                return False
            self._upsert_places(conn, (pm.place for pm in analysis.places if pm.place))
            self._upsert_actors(conn, analysis.actors)
            self._insert_mentions(conn, analysis)
            self._insert_events(conn, analysis.events)
        return True

    def _insert_article(self, conn: sa.Connection, a: Article) -> bool:
        row = dict(id=a.id, title=a.title, source=a.source, url=a.url, published=a.published,
                   text=a.text, raw=a.raw, origin=a.origin, notes="\n".join(a.notes),
                   ingested_at=dt.datetime.now(dt.timezone.utc))
        inserted = conn.execute(_upsert(conn, m.articles, ["id"]).returning(m.articles.c.id), row).first()
        return inserted is not None

    def _upsert_places(self, conn: sa.Connection, places: Iterable[Place]) -> None:
        rows = {p.id: dict(id=p.id, name=p.name, kind=p.kind, lat=p.lat, lon=p.lon,
                           country_code=p.country_code, geonameid=p.geonameid, geometry=p.geometry)
                for p in places}
        if rows:  # sorted: concurrent writers take row locks in one order and cannot deadlock
            conn.execute(_upsert(conn, m.places, ["id"]), [rows[k] for k in sorted(rows)])

    def _upsert_actors(self, conn: sa.Connection, actors: Iterable[Actor]) -> None:
        actors = sorted({a.id: a for a in actors}.values(), key=lambda a: a.id)
        if not actors:
            return
        known = {r.id: r.aliases for r in conn.execute(_KNOWN_ACTORS, {"ids": [a.id for a in actors]})}
        merged = [(a, json.dumps(merge_aliases(json.loads(known[a.id]), a.aliases)))
                  for a in actors if a.id in known]
        updates = [dict(b_id=a.id, b_aliases=aliases) for a, aliases in merged if aliases != known[a.id]]
        if updates:
            conn.execute(_SET_ALIASES, updates)
        fresh = [dict(id=a.id, name=a.name, kind=a.kind, aliases=json.dumps(list(a.aliases)))
                 for a in actors if a.id not in known]
        parents = [dict(id=p, name=p, kind="organisation", aliases="[]")
                   for p in sorted({p for a in actors for p in a.affiliations} - {a.id for a in actors})]
        if fresh or parents:
            conn.execute(_upsert(conn, m.actors, ["id"]), fresh + parents)
        links = [dict(actor_id=a.id, parent_id=p) for a in actors for p in sorted(a.affiliations)]
        if links:
            conn.execute(_upsert(conn, m.actor_affiliations, ["actor_id", "parent_id"]), links)

    def _insert_mentions(self, conn: sa.Connection, analysis: Analysis) -> None:
        aid = analysis.article.id
        rows = [dict(article_id=aid, start=pm.mention.start, end=pm.mention.end, text=pm.mention.text,
                     label=pm.mention.label, place_id=pm.place.id if pm.place else None, actor_id=None,
                     score=pm.score) for pm in analysis.places]
        rows += [dict(article_id=aid, start=am.mention.start, end=am.mention.end, text=am.mention.text,
                      label=am.mention.label, place_id=None, actor_id=am.actor_id, score=None)
                 for am in analysis.actor_mentions]
        if rows:
            conn.execute(m.mentions.insert(), rows)

    def _insert_events(self, conn: sa.Connection, events: Iterable[Event]) -> None:
        events = list(events)
        if not events:
            return
        conn.execute(m.events.insert(), [dict(
            id=e.id, article_id=e.article_id, type=e.type, subtype=e.subtype,
            trigger_start=e.trigger.start, trigger_end=e.trigger.end, trigger_text=e.trigger.text,
            sentence=e.sentence, start=e.start, end=e.end, date=e.date,
            date_precision=e.date_precision, hypothetical=e.hypothetical) for e in events])
        actor_rows = [dict(event_id=e.id, actor_id=a, role=r) for e in events for r, a in sorted(set(e.actor_roles))]
        if actor_rows:
            conn.execute(m.event_actors.insert(), actor_rows)
        place_rows = [dict(event_id=e.id, place_id=p, role=r) for e in events for r, p in sorted(set(e.place_roles))]
        if place_rows:
            conn.execute(m.event_places.insert(), place_rows)

    # -- reading -------------------------------------------------------------

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(m.articles)).scalar_one()

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables, for summaries and health checks."""
        tables = {"articles": m.articles, "places": m.places, "actors": m.actors,
                  "events": m.events, "mentions": m.mentions, "snapshots": m.snapshots}
        with self.engine.connect() as conn:
            return {name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for name, t in tables.items()}

    def articles(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Article summaries, newest first, with their mention and event counts."""
        mentions = (sa.select(sa.func.count()).where(m.mentions.c.article_id == m.articles.c.id)
                    .scalar_subquery())
        events = sa.select(sa.func.count()).where(m.events.c.article_id == m.articles.c.id).scalar_subquery()
        q = (sa.select(m.articles.c.id, m.articles.c.title, m.articles.c.source, m.articles.c.url,
                       m.articles.c.published, m.articles.c.origin, m.articles.c.ingested_at,
                       sa.func.length(m.articles.c.text).label("chars"),
                       mentions.label("mentions"), events.label("events"))
             .order_by(m.articles.c.ingested_at.desc(), m.articles.c.id).limit(limit))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its fields, or None; a unique id prefix is accepted too."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(m.articles).where(m.articles.c.id.startswith(article_id, autoescape=True))
                                .limit(2)).all()
            if len(rows) != 1:
                return None
            return dict(rows[0]._mapping)

    def mentions(self, article_id: str) -> list[dict[str, Any]]:
        q = (sa.select(m.mentions).where(m.mentions.c.article_id == article_id)
             .order_by(m.mentions.c.start, m.mentions.c.end))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def actors(self) -> list[Actor]:
        """Every canonical actor with its affiliations, for linking new articles to known actors."""
        with self.engine.connect() as conn:
            parents: dict[str, list[str]] = {}
            for r in conn.execute(sa.select(m.actor_affiliations)):
                parents.setdefault(r.actor_id, []).append(r.parent_id)
            return [Actor(id=r.id, name=r.name, kind=r.kind, aliases=tuple(json.loads(r.aliases)),
                          affiliations=tuple(sorted(parents.get(r.id, ()))))
                    for r in conn.execute(sa.select(m.actors).order_by(m.actors.c.id))]

    # -- views: filtered aggregates for the dashboard, snapshots and exports ---------

    def resolve_actor(self, token: str) -> str | None:
        """The id of the actor named ``token``: its id, its name or one of its aliases (any case)."""
        key = token.strip().lower()
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(m.actors.c.id).where(
                sa.or_(m.actors.c.id == token.strip(), sa.func.lower(m.actors.c.name) == key))
                .order_by(m.actors.c.id).limit(1)).first()
            if row:
                return row.id
            for r in conn.execute(sa.select(m.actors.c.id, m.actors.c.aliases)
                                  .where(sa.func.lower(m.actors.c.aliases).contains(key, autoescape=True))):
                if key in (a.lower() for a in json.loads(r.aliases)):
                    return r.id
        return None

    def affiliated_closure(self, actor_ids: Iterable[str]) -> tuple[str, ...]:
        """The actors given plus every actor whose affiliation chain reaches one of them
        (Iran -> Quds Force -> Esmail Qaani), by one recursive query."""
        ids = list(actor_ids)
        if not ids:
            return ()
        aff = m.actor_affiliations
        closure = sa.select(m.actors.c.id.label("id")).where(m.actors.c.id.in_(ids)).cte("closure", recursive=True)
        closure = closure.union(sa.select(aff.c.actor_id).join(closure, aff.c.parent_id == closure.c.id))
        with self.engine.connect() as conn:
            found = set(conn.execute(sa.select(closure.c.id)).scalars())
        return tuple(sorted(found | set(ids)))

    def view_event_ids(self, f: ViewFilter) -> sa.Select:
        """SELECT of the ids of the events in the view (a subquery for the other view queries)."""
        return self._view_events(f).with_only_columns(m.events.c.id)

    def _view_events(self, f: ViewFilter) -> sa.Select:
        """SELECT ``id, article_id, type, date`` of the events in the view (``date`` falls back on the
        article's), the table the aggregates join to instead of testing ``id IN (...)`` row by row."""
        e, a = m.events, m.articles
        # The article's date is looked up only for undated events, and articles are joined only when
        # filtered on: most views then read the events index alone.
        date = _event_date(e)
        q = sa.select(e.c.id, e.c.article_id, e.c.type, date.label("date"))
        if _article_conds(f):
            q = q.where(e.c.article_id.in_(sa.select(a.c.id).where(*_article_conds(f))))
        if not f.show_hypothetical:
            q = q.where(e.c.hypothetical == sa.false())
        if f.types:
            q = q.where(e.c.type.in_(f.types))
        q = q.where(*_date_conds(date, f))
        if f.actor_ids is not None:
            q = q.where(e.c.id.in_(sa.select(m.event_actors.c.event_id)
                                   .where(m.event_actors.c.actor_id.in_(f.actor_ids))))
        return q

    def view_place_mentions(self, f: ViewFilter) -> sa.Select:
        """SELECT of the place mentions in the view: in matching articles; with a type filter only
        inside the sentences of the view's events; with an actor filter only in those sentences or in
        a sentence that also mentions one of the actors (no sentence break between the two mentions)."""
        mn, a = m.mentions, m.articles
        q = (sa.select(mn.c.id, mn.c.place_id, mn.c.article_id, mn.c.start, mn.c.end, mn.c.text)
             .where(mn.c.place_id.is_not(None)))
        article_conds = [*_article_conds(f), *_date_conds(sa.cast(a.c.published, sa.String), f)]
        if article_conds:  # otherwise the counts read the mentions index alone
            q = q.where(mn.c.article_id.in_(sa.select(a.c.id).where(*article_conds)))
        if not f.types and f.actor_ids is None:
            return q
        ev = m.events
        in_event = sa.exists().where(ev.c.article_id == mn.c.article_id, ev.c.start <= mn.c.start,
                                     ev.c.end >= mn.c.end, ev.c.id.in_(self.view_event_ids(f)))
        if f.types:
            return q.where(in_event)
        candidates = sa.union(sa.select(mn.c.article_id).where(mn.c.actor_id.in_(f.actor_ids)),
                              sa.select(ev.c.article_id).where(ev.c.id.in_(self.view_event_ids(f))))
        q = (q.select_from(mn.join(a, a.c.id == mn.c.article_id))
             .where(mn.c.article_id.in_(candidates)))  # lets the database skip every other article
        am = mn.alias("am")
        lo = sa.case((am.c.start < mn.c.start, am.c.start), else_=mn.c.start)
        hi = sa.case((am.c.end > mn.c.end, am.c.end), else_=mn.c.end)
        between = sa.func.substr(a.c.text, lo + 1, hi - lo)
        same_sentence = sa.exists().where(am.c.article_id == mn.c.article_id, am.c.actor_id.in_(f.actor_ids),
                                          *[sa.not_(between.contains(b)) for b in SENTENCE_BREAKS])
        return q.where(sa.or_(in_event, same_sentence))

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
        event_ids = _unique(e["id"] for r in rows for e in r["top_events"])
        events, actors = run([partial(self._event_actors, ids=event_ids)])[0]
        shown = {a for r in rows for a in r["article_ids"]}
        articles = [dict(id=i, title=t) for i, t in sorted(self.article_titles(shown).items())]
        return {"places": rows, "events": events, "articles": articles, "actors": actors}

    def view_counts(self, f: ViewFilter) -> dict[str, int]:
        """How many events, places and articles the view holds (the dashboard's caption), counted in the database."""
        ve = self._view_events(f).subquery()
        ep, mn = m.event_places, m.mentions
        if _whole_store(f):  # every place and article is tested once, through the indexes on mentions and events
            p, a = m.places, m.articles
            places = sa.select(p.c.id).where(sa.or_(
                sa.exists().where(mn.c.place_id == p.c.id),
                sa.exists().where(ep.c.place_id == p.c.id, ep.c.event_id.in_(self.view_event_ids(f)))))
            articles = sa.select(a.c.id).where(self._in_whole_store_view(f, a))
        else:
            pm = self.view_place_mentions(f).subquery()
            places = sa.union(sa.select(pm.c.place_id), sa.select(ep.c.place_id).join(ve, ve.c.id == ep.c.event_id))
            articles = sa.union(sa.select(pm.c.article_id), sa.select(ve.c.article_id))
        with self.engine.connect() as conn:
            return {"events": conn.execute(sa.select(sa.func.count()).select_from(ve)).scalar_one(),
                    "places": conn.execute(sa.select(sa.func.count()).select_from(places.subquery())).scalar_one(),
                    "articles": conn.execute(sa.select(sa.func.count()).select_from(articles.subquery()))
                    .scalar_one()}

    def _in_whole_store_view(self, f: ViewFilter, a: sa.Table) -> sa.ColumnElement[bool]:
        """Whether the article ``a`` (of an enclosing query) is in the view ``f`` of the whole store
        (:func:`_whole_store`): it has an event of the view or a resolved place mention."""
        mn, e = m.mentions, m.events
        return sa.or_(sa.exists().where(e.c.article_id == a.c.id, e.c.id.in_(self.view_event_ids(f))),
                      sa.exists().where(mn.c.article_id == a.c.id, mn.c.place_id.is_not(None)))

    def _place_stats(self, f: ViewFilter) -> sa.Subquery:
        """``place_id, event_count, mention_count, dominant_type, context_event_count`` of every place in the
        view: events, mentions and the events placed there only by their article's main place (role
        "context": their sentence names no place) are counted apart, stacked by UNION ALL and summed, so no
        join multiplies rows."""
        ep = m.event_places
        ve = self._view_events(f).subquery("ve")
        in_context = sa.case((ep.c.role == CONTEXT_ROLE, ve.c.id))
        per_type = (sa.select(ep.c.place_id, ve.c.type, sa.func.count(sa.distinct(ve.c.id)).label("n"),
                              sa.func.count(sa.distinct(in_context)).label("nc"))
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

    def _read(self, query: Callable[[sa.Connection], T]) -> T:
        """``query(conn)`` on a connection of its own (so that several may run at once)."""
        with self.engine.connect() as conn:
            return query(conn)

    def _place_stats_rows(self, conn: sa.Connection, f: ViewFilter) -> list[dict[str, Any]]:
        stats, p = self._place_stats(f), m.places
        q = (sa.select(p, stats.c.event_count, stats.c.mention_count, stats.c.dominant_type,
                       stats.c.context_event_count)
             .join(stats, stats.c.place_id == p.c.id).order_by(p.c.id))
        rows = [dict(r._mapping) for r in conn.execute(q)]
        for r in rows:
            r.update(event_count=int(r["event_count"]), mention_count=int(r["mention_count"]),
                     context_event_count=int(r["context_event_count"]))
        return rows

    def _count_places(self, conn: sa.Connection) -> int:
        return conn.execute(sa.select(sa.func.count()).select_from(m.places)).scalar_one()

    def _top_events(self, conn: sa.Connection, f: ViewFilter, top: int) -> dict[str, list[dict[str, Any]]]:
        """Place id -> its ``top`` newest events in the view (``id``, ``type``, ``date``, ``article_id``)."""
        out: dict[str, list[dict[str, Any]]] = {}
        for r in conn.execute(self._top_events_query(f, top)):
            out.setdefault(r.place_id, []).append(dict(id=r.id, type=r.type, date=r.date, article_id=r.article_id))
        return out

    def _place_article_ids(self, conn: sa.Connection, f: ViewFilter, limit: int) -> dict[str, list[str]]:
        """Place id -> the ids of its ``limit`` newest articles in the view."""
        out: dict[str, list[str]] = {}
        for r in conn.execute(self._place_articles_query(f, limit)):
            out.setdefault(r.place_id, []).append(r.article_id)
        return out

    def _event_actors(self, conn: sa.Connection, ids: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The events' ``id`` and ``actor_ids``, and the ``id`` and ``name`` of those actors."""
        events = self._event_actor_ids(conn, ids)
        actor_ids = sorted({a for e in events for a in e["actor_ids"]})
        actors = [dict(r._mapping) for chunk in _chunks(actor_ids) for r in conn.execute(
            sa.select(m.actors.c.id, m.actors.c.name).where(m.actors.c.id.in_(chunk)))]
        return events, actors

    def _event_actor_ids(self, conn: sa.Connection, ids: list[str]) -> list[dict[str, Any]]:
        """``id`` and ``actor_ids`` (in the order of the export schema) of the given events."""
        roles: dict[str, dict[str, list[str]]] = {i: {} for i in ids}
        ea = m.event_actors
        for chunk in _chunks(ids):
            for r in conn.execute(sa.select(ea).where(ea.c.event_id.in_(chunk)).order_by(ea.c.actor_id)):
                roles[r.event_id].setdefault(r.role, []).append(r.actor_id)
        return [dict(id=i, actor_ids=_unique(a for acts in roles[i].values() for a in acts)) for i in ids]

    # The popups' newest events and articles of every place. For a view of the whole store on SQLite, each
    # place's own rows are sorted and cut (``ORDER BY ... LIMIT`` in a subquery correlated to the place, read
    # through the place's index entries): a third to a half of the time of ranking every (place, event) pair
    # at once with a window function. A filtered view ranks its few pairs instead (the cut would still read
    # every event of every place), and so does PostgreSQL (its hashing and sorting make the ranking pass
    # cheaper, and it runs a correlated IN once per pair of rows, not once per place).

    def _cut_per_place(self, f: ViewFilter) -> bool:
        return self.dialect == "sqlite" and _whole_store(f)

    def _top_events_query(self, f: ViewFilter, top: int) -> sa.Select:
        ve = self._view_events(f).subquery("ve")
        if not self._cut_per_place(f):
            ep = m.event_places
            pairs = (sa.select(ep.c.place_id, ve.c.id, ve.c.type, ve.c.date, ve.c.article_id)
                     .join(ve, ve.c.id == ep.c.event_id).distinct().subquery())
            return _first_ranked(pairs, top, pairs.c.date.desc(), pairs.c.id)
        p, shown = m.places, m.events.alias("shown")  # aliased: the inner queries must not correlate with it
        newest = sa.select(ve.c.id).where(ve.c.id.in_(_events_at(p))).order_by(ve.c.date.desc(), ve.c.id)
        date = _event_date(shown)
        return (sa.select(p.c.id.label("place_id"), shown.c.id, shown.c.type, date.label("date"), shown.c.article_id)
                .select_from(p).join(shown, shown.c.id.in_(newest.limit(top)))
                .order_by(p.c.id, date.desc(), shown.c.id))

    def _place_articles_query(self, f: ViewFilter, limit: int) -> sa.Select:
        ep, a, mn = m.event_places, m.articles, m.mentions
        ve = self._view_events(f).subquery("ve")
        if not self._cut_per_place(f):
            pm = self.view_place_mentions(f).subquery()
            pairs = sa.union(sa.select(pm.c.place_id, pm.c.article_id),
                             sa.select(ep.c.place_id, ve.c.article_id).join(ve, ve.c.id == ep.c.event_id)).subquery()
            dated = (sa.select(pairs.c.place_id, pairs.c.article_id, a.c.published)
                     .join(a, a.c.id == pairs.c.article_id).subquery())
            return _first_ranked(dated, limit, dated.c.published.desc(), dated.c.article_id)
        p, cut, shown = m.places, a.alias("cut"), a.alias("shown")
        mentioned = self.view_place_mentions(f).where(mn.c.place_id == p.c.id).with_only_columns(mn.c.article_id)
        ids = sa.union_all(mentioned.correlate(p), sa.select(ve.c.article_id).where(ve.c.id.in_(_events_at(p))))
        newest = sa.select(cut.c.id).where(cut.c.id.in_(ids)).order_by(cut.c.published.desc(), cut.c.id)
        return (sa.select(p.c.id.label("place_id"), shown.c.id.label("article_id")).select_from(p)
                .join(shown, shown.c.id.in_(newest.limit(limit)))
                .order_by(p.c.id, shown.c.published.desc(), shown.c.id))

    def view_events(self, f: ViewFilter, *, place_id: str | None = None, limit: int | None = None,
                    offset: int = 0) -> list[dict[str, Any]]:
        """The view's events in the export schema (newest first), optionally only those at one place;
        ``limit`` and ``offset`` page through them (sorted and cut in the database)."""
        e, a = m.events, m.articles
        q = sa.select(e.c.id).join(a, a.c.id == e.c.article_id).where(e.c.id.in_(self.view_event_ids(f)))
        if place_id is not None:
            q = q.where(e.c.id.in_(sa.select(m.event_places.c.event_id).where(m.event_places.c.place_id == place_id)))
        date = sa.func.coalesce(e.c.date, sa.cast(a.c.published, sa.String))
        q = q.order_by(date.desc(), e.c.article_id, e.c.start, e.c.trigger_start).limit(limit).offset(offset or None)
        with self.engine.connect() as conn:
            ids = list(conn.execute(q).scalars())
        return self._events_by_ids(ids)

    def view_articles(self, f: ViewFilter, *, place_id: str | None = None, with_text: bool = True,
                      limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """The articles with an event or a place mention in the view (optionally at one place), newest first;
        ``limit`` and ``offset`` page through them."""
        ep, e, a = m.event_places, m.events, m.articles
        pm = self.view_place_mentions(f).subquery()
        by_event = sa.select(e.c.article_id).where(e.c.id.in_(self.view_event_ids(f)))
        by_mention = sa.select(pm.c.article_id)
        if place_id is not None:
            by_event = by_event.where(e.c.id.in_(sa.select(ep.c.event_id).where(ep.c.place_id == place_id)))
            by_mention = by_mention.where(pm.c.place_id == place_id)
        cols = [a.c.id, a.c.title, a.c.source, a.c.url, a.c.published] + ([a.c.text] if with_text else [])
        listed = a.c.id.in_(sa.union(by_event, by_mention))
        if place_id is None and limit is not None and _whole_store(f):
            # Nearly every article is in the view: test them newest first, so a page stops after its rows.
            listed = self._in_whole_store_view(f, a)
        q = (sa.select(*cols).where(listed).order_by(a.c.published.desc(), a.c.id).limit(limit).offset(offset or None))
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
        for row in rows:
            row["published"] = row["published"].isoformat() if row["published"] else None
        return rows

    def view_mentions(self, f: ViewFilter, place_id: str) -> list[dict[str, Any]]:
        """The mentions of one place in the view (``article_id``, ``start``, ``end``, ``text``), in text order."""
        pm = self.view_place_mentions(f).where(m.mentions.c.place_id == place_id).subquery()
        q = sa.select(pm.c.article_id, pm.c.start, pm.c.end, pm.c.text).order_by(pm.c.article_id, pm.c.start)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def article_titles(self, ids: Iterable[str]) -> dict[str, str | None]:
        """Article id -> title, for the rows of a page."""
        out: dict[str, str | None] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(ids))):
                out.update(conn.execute(sa.select(m.articles.c.id, m.articles.c.title)
                                        .where(m.articles.c.id.in_(chunk))).all())
        return out

    def view_actors(self, f: ViewFilter) -> list[dict[str, Any]]:
        """Actors taking part in the view's events, plus the filtered actors, in the export schema."""
        ea = m.event_actors
        in_events = sa.select(ea.c.actor_id).where(ea.c.event_id.in_(self.view_event_ids(f)))
        with self.engine.connect() as conn:
            ids = set(conn.execute(in_events.distinct()).scalars()) | set(f.actor_ids or ())
        mentions = self._mentions_by(m.mentions.c.actor_id)
        return [dict(id=a.id, name=a.name, kind=a.kind, aliases=list(a.aliases), affiliations=list(a.affiliations),
                     mentions=mentions.get(a.id, [])) for a in self.actors() if a.id in ids]

    def view_actor_counts(self, f: ViewFilter) -> list[dict[str, Any]]:
        """Every actor with its number of events and mentions under ``f`` (whose actor filter is ignored),
        most active first: the choices of the dashboard's actor filter."""
        f = ViewFilter(None, f.types, f.date_from, f.date_to, f.source, f.q, f.show_hypothetical)
        ea, mn, a, act = m.event_actors, m.mentions, m.articles, m.actors
        ve = self._view_events(f).subquery("ve")
        ev_n = (sa.select(ea.c.actor_id, sa.func.count(sa.distinct(ea.c.event_id)).label("n"))
                .join(ve, ve.c.id == ea.c.event_id).group_by(ea.c.actor_id).subquery())
        mn_n = sa.select(mn.c.actor_id, sa.func.count().label("n")).where(mn.c.actor_id.is_not(None))
        if _article_conds(f):
            mn_n = mn_n.where(mn.c.article_id.in_(sa.select(a.c.id).where(*_article_conds(f))))
        mn_n = mn_n.group_by(mn.c.actor_id).subquery()
        evc, mnc = sa.func.coalesce(ev_n.c.n, 0), sa.func.coalesce(mn_n.c.n, 0)
        q = (sa.select(act.c.id, act.c.name, act.c.kind, evc.label("event_count"), mnc.label("mention_count"))
             .outerjoin(ev_n, ev_n.c.actor_id == act.c.id).outerjoin(mn_n, mn_n.c.actor_id == act.c.id)
             .order_by(evc.desc(), mnc.desc(), act.c.name))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def facets(self) -> dict[str, Any]:
        """The values the dashboard offers: event types, sources and the date range of the store."""
        e, a = m.events, m.articles
        with self.engine.connect() as conn:
            types = list(conn.execute(sa.select(e.c.type).distinct().order_by(e.c.type)).scalars())
            sources = list(conn.execute(sa.select(a.c.source).where(a.c.source.is_not(None)).distinct()
                                        .order_by(a.c.source)).scalars())
            lo, hi = conn.execute(sa.select(sa.func.min(a.c.published), sa.func.max(a.c.published))).one()
            elo, ehi = conn.execute(sa.select(sa.func.min(e.c.date), sa.func.max(e.c.date))).one()
        dates = [str(d)[:10] for d in (lo, hi, elo, ehi) if d]
        return {"types": types, "sources": sources,
                "date_min": min(dates) if dates else None, "date_max": max(dates) if dates else None}

    def timeline(self, f: ViewFilter, by: str = "type") -> list[dict[str, Any]]:
        """Events per month and per type (``by="type"``) or per actor (``by="actor"``), counted in the database."""
        ea, act = m.event_actors, m.actors
        ve = self._view_events(f).subquery("ve")
        month = sa.func.substr(ve.c.date, 1, 7).label("month")
        q = sa.select(month).select_from(ve)
        if by == "actor":
            q = q.join(ea, ea.c.event_id == ve.c.id).join(act, act.c.id == ea.c.actor_id)
            key = act.c.name
        else:
            key = ve.c.type
        q = (q.add_columns(key.label("key"), sa.func.count(sa.distinct(ve.c.id)).label("events"))
             .where(month.is_not(None)).group_by(month, key).order_by(month, key))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def article_events(self, article_id: str) -> list[dict[str, Any]]:
        """The events found in one article, in the export schema, in text order."""
        e = m.events
        with self.engine.connect() as conn:
            ids = list(conn.execute(sa.select(e.c.id).where(e.c.article_id == article_id)
                                    .order_by(e.c.start, e.c.trigger_start)).scalars())
        return self._events_by_ids(ids)

    def _events_by_ids(self, ids: list[str]) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            actor_roles: dict[str, dict[str, list[str]]] = {}
            place_roles: dict[str, dict[str, list[str]]] = {}
            rows: list[sa.Row] = []
            for chunk in _chunks(ids):
                rows += conn.execute(sa.select(m.events).where(m.events.c.id.in_(chunk))).all()
                for r in conn.execute(sa.select(m.event_actors).where(m.event_actors.c.event_id.in_(chunk))
                                      .order_by(m.event_actors.c.actor_id)):
                    actor_roles.setdefault(r.event_id, {}).setdefault(r.role, []).append(r.actor_id)
                for r in conn.execute(sa.select(m.event_places).where(m.event_places.c.event_id.in_(chunk))
                                      .order_by(m.event_places.c.place_id)):
                    place_roles.setdefault(r.event_id, {}).setdefault(r.role, []).append(r.place_id)
        order = {event_id: i for i, event_id in enumerate(ids)}
        rows.sort(key=lambda r: order[r.id])
        return [_event_row(r, actor_roles.get(r.id, {}), place_roles.get(r.id, {})) for r in rows]

    def places_by_id(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Place rows (geometry included) for the given ids."""
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(list(ids)):
                for r in conn.execute(sa.select(m.places).where(m.places.c.id.in_(chunk))):
                    out[r.id] = dict(r._mapping)
        return out

    def actor_counts(self) -> list[dict[str, Any]]:
        """Every actor with how often it is mentioned, in how many articles and events; most mentioned first."""
        mentions = (sa.select(sa.func.count()).where(m.mentions.c.actor_id == m.actors.c.id).scalar_subquery())
        articles = (sa.select(sa.func.count(sa.distinct(m.mentions.c.article_id)))
                    .where(m.mentions.c.actor_id == m.actors.c.id).scalar_subquery())
        events = (sa.select(sa.func.count(sa.distinct(m.event_actors.c.event_id)))
                  .where(m.event_actors.c.actor_id == m.actors.c.id).scalar_subquery())
        q = (sa.select(m.actors.c.id, m.actors.c.name, m.actors.c.kind, mentions.label("mentions"),
                       articles.label("articles"), events.label("events"))
             .order_by(mentions.desc(), m.actors.c.id))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    # -- export --------------------------------------------------------------

    def export(self) -> dict[str, list[dict[str, Any]]]:
        """The whole store in the stable export schema (see README, "Export format")."""
        return {"articles": list(self._export_articles()), "places": self._export_places(),
                "actors": self._export_actors(), "events": self._export_events()}

    def _export_articles(self) -> Iterator[dict[str, Any]]:
        cols = [m.articles.c[c] for c in ("id", "title", "source", "url", "published", "text")]
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(*cols).order_by(m.articles.c.id)):
                row = dict(r._mapping)
                row["published"] = row["published"].isoformat() if row["published"] else None
                yield row

    def _mentions_by(self, column: sa.Column, *, scored: bool = False) -> dict[str, list[dict[str, Any]]]:
        """Mentions grouped by place or actor id; ``scored`` adds the resolver's confidence (place mentions)."""
        q = (sa.select(column.label("key"), m.mentions.c.article_id, m.mentions.c.start, m.mentions.c.end,
                       m.mentions.c.text, m.mentions.c.score)
             .where(column.is_not(None)).order_by(m.mentions.c.article_id, m.mentions.c.start))
        out: dict[str, list[dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                row = dict(article_id=r.article_id, start=r.start, end=r.end, text=r.text)
                if scored:
                    row["score"] = r.score
                out.setdefault(r.key, []).append(row)
        return out

    def _export_places(self) -> list[dict[str, Any]]:
        mentions = self._mentions_by(m.mentions.c.place_id, scored=True)
        cols = [m.places.c[c] for c in ("id", "name", "kind", "lat", "lon", "country_code", "geonameid")]
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(sa.select(*cols).order_by(m.places.c.id))]
        for row in rows:
            row["mentions"] = mentions.get(row["id"], [])
        return rows

    def _export_actors(self) -> list[dict[str, Any]]:
        mentions = self._mentions_by(m.mentions.c.actor_id)
        return [dict(id=a.id, name=a.name, kind=a.kind, aliases=list(a.aliases),
                     affiliations=list(a.affiliations), mentions=mentions.get(a.id, []))
                for a in self.actors()]

    def _export_events(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            actor_roles: dict[str, dict[str, list[str]]] = {}
            for r in conn.execute(sa.select(m.event_actors).order_by(m.event_actors.c.actor_id)):
                actor_roles.setdefault(r.event_id, {}).setdefault(r.role, []).append(r.actor_id)
            place_roles: dict[str, dict[str, list[str]]] = {}
            for r in conn.execute(sa.select(m.event_places).order_by(m.event_places.c.place_id)):
                place_roles.setdefault(r.event_id, {}).setdefault(r.role, []).append(r.place_id)
            rows = conn.execute(sa.select(m.events).order_by(m.events.c.article_id, m.events.c.start,
                                                             m.events.c.trigger_start)).all()
        return [_event_row(r, actor_roles.get(r.id, {}), place_roles.get(r.id, {})) for r in rows]


    # -- snapshots: a view state and a frozen copy of its data (see geo.views.snapshots) --

    def insert_snapshot(self, row: dict[str, Any]) -> None:
        """Store one snapshot row (id, title, note, description, created_at, state, data as JSON text)."""
        with self.engine.begin() as conn:
            conn.execute(m.snapshots.insert().values(**row))

    def snapshot_row(self, snapshot_id: str) -> dict[str, Any] | None:
        """The snapshot with this exact id, its data included, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(m.snapshots).where(m.snapshots.c.id == snapshot_id)).first()
        return _snapshot_dict(row) if row else None

    def snapshot_rows(self) -> list[dict[str, Any]]:
        """Every snapshot without its data, newest first."""
        s = m.snapshots
        q = (sa.select(s.c.id, s.c.title, s.c.note, s.c.description, s.c.created_at, s.c.state)
             .order_by(s.c.created_at.desc(), s.c.id))
        with self.engine.connect() as conn:
            return [_snapshot_dict(r) for r in conn.execute(q)]

    def rename_snapshot(self, snapshot_id: str, title: str) -> bool:
        """Give a snapshot a new title; False when no snapshot has this id."""
        with self.engine.begin() as conn:
            done = conn.execute(m.snapshots.update().where(m.snapshots.c.id == snapshot_id).values(title=title))
        return done.rowcount == 1

    def delete_snapshot(self, snapshot_id: str) -> bool:
        """Delete a snapshot; False when no snapshot has this id."""
        with self.engine.begin() as conn:
            done = conn.execute(m.snapshots.delete().where(m.snapshots.c.id == snapshot_id))
        return done.rowcount == 1


def _snapshot_dict(row: sa.Row) -> dict[str, Any]:
    out = dict(row._mapping)
    created = out["created_at"]
    if created.tzinfo is None:  # SQLite keeps no time zone; snapshots are written in UTC
        out["created_at"] = created.replace(tzinfo=dt.timezone.utc)
    return out


def _event_row(r: sa.Row, actor_roles: dict[str, list[str]], place_roles: dict[str, list[str]]) -> dict[str, Any]:
    return dict(id=r.id, article_id=r.article_id, type=r.type, subtype=r.subtype, sentence=r.sentence,
                start=r.start, end=r.end, trigger=dict(start=r.trigger_start, end=r.trigger_end,
                                                       text=r.trigger_text),
                date=r.date, date_precision=r.date_precision, hypothetical=bool(r.hypothetical),
                place_ids=_unique(p for ps in place_roles.values() for p in ps),
                place_roles=place_roles,
                actor_ids=_unique(a for acts in actor_roles.values() for a in acts),
                actor_roles=actor_roles)


def _attach_details(rows: list[dict[str, Any]], top_events: dict[str, list[dict[str, Any]]],
                    article_ids: dict[str, list[str]]) -> None:
    """Give each place row its popup's ``top_events`` and ``article_ids`` (by place id; details of a place
    the counts did not see, an ingest in between, are left out)."""
    for r in rows:
        r.update(top_events=top_events.get(r["id"], []), article_ids=article_ids.get(r["id"], []))


def _whole_store(f: ViewFilter) -> bool:
    """Whether the view holds every event (hypothetical ones aside) and every place mention."""
    return f.actor_ids is None and not (f.types or f.date_from or f.date_to or f.source or f.q)


def _events_at(p: sa.Table) -> sa.Select:
    """The ids of the events at the place ``p`` of an enclosing query."""
    return sa.select(m.event_places.c.event_id).where(m.event_places.c.place_id == p.c.id).correlate(p)


def _first_ranked(rows: sa.Subquery, limit: int, *order: sa.ColumnElement[Any]) -> sa.Select:
    """The first ``limit`` of each place's ``rows`` in ``order``, by a window function over all of them."""
    ranked = sa.select(rows, sa.func.row_number().over(partition_by=rows.c.place_id, order_by=order)
                       .label("rk")).subquery()
    return sa.select(ranked).where(ranked.c.rk <= limit).order_by(ranked.c.place_id, ranked.c.rk)


def _event_date(e: sa.FromClause) -> sa.ColumnElement[str]:
    """An event's date, or its article's when it has none (looked up only then)."""
    a = m.articles.alias("dated")
    published = sa.select(sa.cast(a.c.published, sa.String)).where(a.c.id == e.c.article_id).scalar_subquery()
    return sa.func.coalesce(e.c.date, published)


def _article_conds(f: ViewFilter) -> list[sa.ColumnElement[bool]]:
    a = m.articles
    conds: list[sa.ColumnElement[bool]] = []
    if f.source:
        conds.append(a.c.source == f.source)
    if f.q:
        key = f.q.strip().lower()
        conds.append(sa.or_(sa.func.lower(a.c.title).contains(key, autoescape=True),
                            sa.func.lower(a.c.text).contains(key, autoescape=True)))
    return conds


def _date_conds(date: sa.ColumnElement[str], f: ViewFilter) -> list[sa.ColumnElement[bool]]:
    """``date`` (YYYY, YYYY-MM or YYYY-MM-DD) overlaps [date_from, date_to], compared at its own precision."""
    conds: list[sa.ColumnElement[bool]] = []
    if f.date_from:
        conds.append(date >= sa.func.substr(sa.literal(f.date_from, sa.String), 1, sa.func.length(date)))
    if f.date_to:
        conds.append(date <= sa.func.substr(sa.literal(f.date_to, sa.String), 1, sa.func.length(date)))
    return conds


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _upsert(conn: sa.Connection, table: sa.Table, keys: list[str]) -> sa.Insert:
    """INSERT ... ON CONFLICT DO NOTHING: the one statement whose spelling differs per database.

    Rows are given to ``execute`` (one dict, or a list for an executemany), never built into the statement:
    the statement is then the same object for every article, and SQLAlchemy compiles it once.
    """
    return _UPSERTS[conn.dialect.name == "postgresql", table.name, tuple(keys)]


class _Upserts(dict):
    """``(postgresql?, table name, conflict keys) -> statement``, built on first use."""

    def __missing__(self, key: tuple[bool, str, tuple[str, ...]]) -> sa.Insert:
        postgres, table, keys = key
        insert = postgresql.insert if postgres else sqlite.insert
        self[key] = insert(m.metadata.tables[table]).on_conflict_do_nothing(index_elements=list(keys))
        return self[key]


_UPSERTS = _Upserts()
_STORED_ARTICLES = sa.select(m.articles.c.id).where(m.articles.c.id.in_(sa.bindparam("ids", expanding=True)))
_KNOWN_ACTORS = (sa.select(m.actors.c.id, m.actors.c.aliases)
                 .where(m.actors.c.id.in_(sa.bindparam("ids", expanding=True))))
_SET_ALIASES = (m.actors.update().where(m.actors.c.id == sa.bindparam("b_id"))
                .values(aliases=sa.bindparam("b_aliases")))


def _make_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        memory = not path or path == ":memory:"
        engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                                  poolclass=sa.pool.StaticPool if memory else None)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    """Every connection block is one transaction, reads included: the view queries of one dashboard run
    then see one snapshot of the store even while an ingest commits articles between them (the sqlite3
    module alone would run each SELECT on the latest data, so a place could appear between two queries)."""
    conn.exec_driver_sql("BEGIN")


def _is_transient(err: sa.exc.OperationalError) -> bool:
    text = str(err.orig).lower()
    return any(k in text for k in ("deadlock", "database is locked", "could not serialize", "lock timeout"))


def _safe_url(url: str) -> str:
    return sa.engine.make_url(url).render_as_string(hide_password=True)


def _first_line(err: Exception) -> str:
    return str(getattr(err, "orig", err)).strip().splitlines()[0]
