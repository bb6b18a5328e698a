"""Writing one analysed article and everything derived from it, atomically, however many workers write at once."""
from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterable

import sqlalchemy as sa

from geo.records import Actor, Analysis, Article, Event, Place, merge_aliases, named_in_full
from geo.store import schema as tables
from geo.store.engine import StoreEngine, is_transient, upsert
from geo.store.merges import merge_actors
from geo.store.occurrences import Joiner, join_occurrences
from geo.store.rows import chunks

WRITE_ATTEMPTS = 5


class Writes(StoreEngine):
    """The articles already stored, and :meth:`write` for a new one."""

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            query = sa.select(tables.articles.c.id).where(tables.articles.c.id == article_id)
            return conn.execute(query).first() is not None

    def stored_articles(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these article ids the store holds (one query per 500 ids)."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in chunks(sorted(set(article_ids))):
                found.update(conn.execute(_STORED_ARTICLES, {"ids": chunk}).scalars())
        return found

    def write(self, analysis: Analysis, joiner: Joiner | None = None) -> bool:
        """Store one article and everything derived from it, atomically; with a ``joiner``, its occurrences
        join those of other articles that report the same real-world event, in the same transaction
        (:mod:`geo.store.occurrences`).

        Returns False (and writes nothing) when the article is already stored, so
        re-ingesting is a no-op even when two workers race on the same article.
        """
        for attempt in range(WRITE_ATTEMPTS):
            try:
                return self._write_once(analysis, joiner)
            except sa.exc.OperationalError as err:  # deadlock or lock timeout: another writer won
                if attempt == WRITE_ATTEMPTS - 1 or not is_transient(err):
                    raise
                time.sleep(0.05 * (attempt + 1))
        return False

    def _write_once(self, analysis: Analysis, joiner: Joiner | None = None) -> bool:
        # A handful of statements per article whatever its size: each table's rows go in one executemany of a
        # statement built once (so SQLAlchemy compiles it once per process, not once per article).
        with self.engine.begin() as conn:
            if not self._insert_article(conn, analysis.article):
                return False
            self._upsert_places(conn, (pm.place for pm in analysis.places if pm.place))
            self._upsert_actors(conn, analysis.actors)
            merge_actors(conn, analysis.merged)
            self._insert_mentions(conn, analysis)
            self._insert_events(conn, analysis.events)
            if joiner is not None:
                join_occurrences(conn, analysis, joiner)
        return True

    def _insert_article(self, conn: sa.Connection, a: Article) -> bool:
        row = dict(id=a.id, title=a.title, source=a.source, url=a.url, published=a.published,
                   text=a.text, raw=a.raw, origin=a.origin, notes="\n".join(a.notes),
                   ingested_at=dt.datetime.now(dt.timezone.utc))
        statement = upsert(conn, tables.articles, ["id"]).returning(tables.articles.c.id)
        return conn.execute(statement, row).first() is not None

    def _upsert_places(self, conn: sa.Connection, places: Iterable[Place]) -> None:
        rows = {p.id: dict(id=p.id, name=p.name, kind=p.kind, lat=p.lat, lon=p.lon,
                           country_code=p.country_code, geonameid=p.geonameid, geometry=p.geometry)
                for p in places}
        if rows:  # sorted: concurrent writers take row locks in one order and cannot deadlock
            conn.execute(upsert(conn, tables.places, ["id"]), [rows[k] for k in sorted(rows)])

    def _upsert_actors(self, conn: sa.Connection, actors: Iterable[Actor]) -> None:
        actors = sorted({a.id: a for a in actors}.values(), key=lambda a: a.id)
        if not actors:
            return
        known = {r.id: r for r in conn.execute(_KNOWN_ACTORS, {"ids": [a.id for a in actors]})}
        updates = [row for a in actors if a.id in known and (row := _updated(known[a.id], a))]
        if updates:
            conn.execute(_SET_ACTOR, updates)
        fresh = [dict(id=a.id, name=a.name, kind=a.kind, aliases=json.dumps(list(a.aliases)))
                 for a in actors if a.id not in known]
        parents = [dict(id=p, name=p, kind="organisation", aliases="[]")
                   for p in sorted({p for a in actors for p in a.affiliations} - {a.id for a in actors})]
        if fresh or parents:
            conn.execute(upsert(conn, tables.actors, ["id"]), fresh + parents)
        links = [dict(actor_id=a.id, parent_id=p) for a in actors for p in sorted(a.affiliations)]
        if links:
            conn.execute(upsert(conn, tables.actor_affiliations, ["actor_id", "parent_id"]), links)

    def _insert_mentions(self, conn: sa.Connection, analysis: Analysis) -> None:
        aid = analysis.article.id
        rows = [dict(article_id=aid, start=pm.mention.start, end=pm.mention.end, text=pm.mention.text,
                     label=pm.mention.label, place_id=pm.place.id if pm.place else None, actor_id=None,
                     score=pm.score) for pm in analysis.places]
        rows += [dict(article_id=aid, start=am.mention.start, end=am.mention.end, text=am.mention.text,
                      label=am.mention.label, place_id=None, actor_id=am.actor_id, score=None)
                 for am in analysis.actor_mentions]
        if rows:
            conn.execute(tables.mentions.insert(), rows)

    def _insert_events(self, conn: sa.Connection, events: Iterable[Event]) -> None:
        events = list(events)
        if not events:
            return
        conn.execute(tables.events.insert(), [dict(
            id=e.id, article_id=e.article_id, type=e.type, subtype=e.subtype,
            trigger_start=e.trigger.start, trigger_end=e.trigger.end, trigger_text=e.trigger.text,
            sentence=e.sentence, start=e.start, end=e.end, date=e.date,
            date_precision=e.date_precision, hypothetical=e.hypothetical, occurrence_id=e.occurrence or e.id)
            for e in events])
        actor_rows = [dict(event_id=e.id, actor_id=a, role=r) for e in events for r, a in sorted(set(e.actor_roles))]
        if actor_rows:
            conn.execute(tables.event_actors.insert(), actor_rows)
        place_rows = [dict(event_id=e.id, place_id=p, role=r) for e in events for r, p in sorted(set(e.place_roles))]
        if place_rows:
            conn.execute(tables.event_places.insert(), place_rows)


_STORED_ARTICLES = (sa.select(tables.articles.c.id)
                    .where(tables.articles.c.id.in_(sa.bindparam("ids", expanding=True))))
_KNOWN_ACTORS = (sa.select(tables.actors.c.id, tables.actors.c.name, tables.actors.c.kind, tables.actors.c.aliases)
                 .where(tables.actors.c.id.in_(sa.bindparam("ids", expanding=True))))
_SET_ACTOR = (tables.actors.update().where(tables.actors.c.id == sa.bindparam("b_id"))
              .values(name=sa.bindparam("b_name"), kind=sa.bindparam("b_kind"), aliases=sa.bindparam("b_aliases")))


def _updated(row: sa.Row, seen: Actor) -> dict[str, str] | None:
    """The stored actor ``row`` seen again as ``seen``: its new spellings, and the fuller name when ``seen``'s
    spells out the stored one (the rule of the linker, :func:`geo.records.named_in_full`, applied again here so
    that a writer whose linker had not yet seen the rename cannot undo it). A row an affiliation wrote before its
    actor was stored (named by its id) takes the actor's name. None when nothing changes."""
    stored = Actor(row.id, row.name, row.kind, tuple(json.loads(row.aliases)))
    if stored.name == stored.id != seen.name:
        stored = Actor(row.id, seen.name, seen.kind, stored.aliases)
    actor = named_in_full(stored, seen.name, seen.kind)
    renamed = actor.name != row.name
    aliases = json.dumps(merge_aliases(actor.aliases, seen.aliases, actor.name if renamed else None))
    if not renamed and actor.kind == row.kind and aliases == row.aliases:
        return None
    return dict(b_id=row.id, b_name=actor.name, b_kind=actor.kind, b_aliases=aliases)
