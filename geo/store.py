"""The store: every SQL statement newsmap runs lives here.

SQLite is the default (one file in the data folder, WAL mode, a busy timeout so
the dashboard and an ingest can share it); PostgreSQL works with the same code,
for a store shared by many ingest workers and dashboards. The two differ only in
:func:`_connect_args`, :func:`_upsert` and the pragmas set on connect.

>>> store = Store.open("sqlite://")
>>> store.count_articles()
0
"""
from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from geo import migrations as m
from geo.errors import StoreError
from geo.records import Actor, Analysis, Article, Event, Place

BUSY_TIMEOUT_MS = 30_000
WRITE_ATTEMPTS = 5


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
        inserted = conn.execute(_upsert(conn, m.articles, [row], ["id"]).returning(m.articles.c.id)).first()
        return inserted is not None

    def _upsert_places(self, conn: sa.Connection, places: Iterable[Place]) -> None:
        rows = {p.id: dict(id=p.id, name=p.name, kind=p.kind, lat=p.lat, lon=p.lon,
                           country_code=p.country_code, geonameid=p.geonameid, geometry=p.geometry)
                for p in places}
        if rows:  # sorted: concurrent writers take row locks in one order and cannot deadlock
            conn.execute(_upsert(conn, m.places, [rows[k] for k in sorted(rows)], ["id"]))

    def _upsert_actors(self, conn: sa.Connection, actors: Iterable[Actor]) -> None:
        actors = sorted({a.id: a for a in actors}.values(), key=lambda a: a.id)
        if not actors:
            return
        known = {r.id: r for r in conn.execute(
            sa.select(m.actors).where(m.actors.c.id.in_([a.id for a in actors])))}
        for a in actors:
            if a.id in known:
                aliases = _merge_aliases(json.loads(known[a.id].aliases), a.aliases)
                conn.execute(m.actors.update().where(m.actors.c.id == a.id).values(aliases=json.dumps(aliases)))
            else:
                conn.execute(_upsert(conn, m.actors, [dict(id=a.id, name=a.name, kind=a.kind,
                                                         aliases=json.dumps(list(a.aliases)))], ["id"]))
        for parent in sorted({p for a in actors for p in a.affiliations} - {a.id for a in actors}):
            conn.execute(_upsert(conn, m.actors, [dict(id=parent, name=parent, kind="organisation",
                                                     aliases="[]")], ["id"]))
        links = [dict(actor_id=a.id, parent_id=p) for a in actors for p in sorted(a.affiliations)]
        if links:
            conn.execute(_upsert(conn, m.actor_affiliations, links, ["actor_id", "parent_id"]))

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
        for e in events:
            conn.execute(m.events.insert().values(
                id=e.id, article_id=e.article_id, type=e.type, subtype=e.subtype,
                trigger_start=e.trigger.start, trigger_end=e.trigger.end, trigger_text=e.trigger.text,
                sentence=e.sentence, start=e.start, end=e.end, date=e.date,
                date_precision=e.date_precision, hypothetical=e.hypothetical))
            roles = {(a, r) for r, a in e.actor_roles}
            if roles:
                conn.execute(m.event_actors.insert(), [dict(event_id=e.id, actor_id=a, role=r) for a, r in roles])
            proles = {(p, r) for r, p in e.place_roles}
            if proles:
                conn.execute(m.event_places.insert(), [dict(event_id=e.id, place_id=p, role=r) for p, r in proles])

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

    def _mentions_by(self, column: sa.Column) -> dict[str, list[dict[str, Any]]]:
        q = (sa.select(column.label("key"), m.mentions.c.article_id, m.mentions.c.start, m.mentions.c.end,
                       m.mentions.c.text)
             .where(column.is_not(None)).order_by(m.mentions.c.article_id, m.mentions.c.start))
        out: dict[str, list[dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(q):
                out.setdefault(r.key, []).append(dict(article_id=r.article_id, start=r.start, end=r.end, text=r.text))
        return out

    def _export_places(self) -> list[dict[str, Any]]:
        mentions = self._mentions_by(m.mentions.c.place_id)
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


def _event_row(r: sa.Row, actor_roles: dict[str, list[str]], place_roles: dict[str, list[str]]) -> dict[str, Any]:
    return dict(id=r.id, article_id=r.article_id, type=r.type, subtype=r.subtype, sentence=r.sentence,
                start=r.start, end=r.end, trigger=dict(start=r.trigger_start, end=r.trigger_end,
                                                       text=r.trigger_text),
                date=r.date, date_precision=r.date_precision, hypothetical=bool(r.hypothetical),
                place_ids=_unique(p for ps in place_roles.values() for p in ps),
                place_roles=place_roles,
                actor_ids=_unique(a for acts in actor_roles.values() for a in acts),
                actor_roles=actor_roles)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _merge_aliases(old: list[str], new: Iterable[str]) -> list[str]:
    return _unique([*old, *new])


def _upsert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]], keys: list[str]) -> sa.Insert:
    """INSERT ... ON CONFLICT DO NOTHING: the one statement whose spelling differs per database."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    return insert(table).values(rows).on_conflict_do_nothing(index_elements=keys)


def _make_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        memory = not path or path == ":memory:"
        engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                                  poolclass=sa.pool.StaticPool if memory else None)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _is_transient(err: sa.exc.OperationalError) -> bool:
    text = str(err.orig).lower()
    return any(k in text for k in ("deadlock", "database is locked", "could not serialize", "lock timeout"))


def _safe_url(url: str) -> str:
    return sa.engine.make_url(url).render_as_string(hide_password=True)


def _first_line(err: Exception) -> str:
    return str(getattr(err, "orig", err)).strip().splitlines()[0]
