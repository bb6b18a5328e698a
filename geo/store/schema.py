"""The store's schema and its named, versioned migrations.

The tables are declared once with SQLAlchemy Core so SQLite and PostgreSQL share
one schema. Each migration has a name and runs once; ``schema_migrations`` records
what has been applied, so opening an old database brings it up to date.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import sqlalchemy as sa

from geo.errors import StoreError
from geo.records import REPORTED

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("raw", sa.LargeBinary, nullable=False),
    sa.Column("origin", sa.Text, nullable=False, default=""),
    sa.Column("notes", sa.Text, nullable=False, default=""),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

places = sa.Table(
    "places", metadata,
    sa.Column("id", sa.String(120), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country_code", sa.String(8)),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("geometry", sa.Text),
)

actors = sa.Table(
    "actors", metadata,
    sa.Column("id", sa.String(120), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("aliases", sa.Text, nullable=False, default="[]"),
)

actor_affiliations = sa.Table(
    "actor_affiliations", metadata,
    sa.Column("actor_id", sa.String(120), sa.ForeignKey("actors.id"), primary_key=True),
    sa.Column("parent_id", sa.String(120), sa.ForeignKey("actors.id"), primary_key=True),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("label", sa.String(40), nullable=False),
    sa.Column("place_id", sa.String(120), sa.ForeignKey("places.id")),
    sa.Column("actor_id", sa.String(120), sa.ForeignKey("actors.id")),
    sa.Column("score", sa.Float),
    sa.Index("ix_mentions_article", "article_id"),
    sa.Index("ix_mentions_place", "place_id"),
    sa.Index("ix_mentions_actor", "actor_id"),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("type", sa.String(80), nullable=False),
    sa.Column("subtype", sa.String(80)),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("trigger_end", sa.Integer, nullable=False),
    sa.Column("trigger_text", sa.Text, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("date_precision", sa.String(10), nullable=False, default="unknown"),
    sa.Column("hypothetical", sa.Boolean, nullable=False, default=False),
    # The real-world event this mention reports: the id of its first mention (its own id when alone); written
    # by every write, added to older stores by 0004_event_occurrences.
    sa.Column("occurrence_id", sa.String(80)),
    sa.Index("ix_events_article", "article_id"),
    sa.Index("ix_events_type", "type"),
    sa.Index("ix_events_date", "date"),
)

event_actors = sa.Table(
    "event_actors", metadata,
    sa.Column("event_id", sa.String(80), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("actor_id", sa.String(120), sa.ForeignKey("actors.id"), primary_key=True),
    sa.Column("role", sa.String(40), primary_key=True),
    sa.Index("ix_event_actors_actor", "actor_id"),
)

event_places = sa.Table(
    "event_places", metadata,
    sa.Column("event_id", sa.String(80), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("place_id", sa.String(120), sa.ForeignKey("places.id"), primary_key=True),
    sa.Column("role", sa.String(40), primary_key=True),
    sa.Index("ix_event_places_place", "place_id"),
)

snapshots = sa.Table(
    "snapshots", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("description", sa.Text, nullable=False, default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

# An actor merged into another by a later article (geo.store.merges): its old id, named in shared links and
# snapshots, resolves to the actor it joined. Added by 0005_actor_merges.
actor_merges = sa.Table(
    "actor_merges", metadata,
    sa.Column("old_id", sa.String(120), primary_key=True),
    sa.Column("actor_id", sa.String(120), nullable=False),
)

schema_migrations = sa.Table(
    "schema_migrations", metadata,
    sa.Column("name", sa.String(120), primary_key=True),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

INITIAL_TABLES = [articles, places, actors, actor_affiliations, mentions, events,
                  event_actors, event_places, snapshots]


def _initial(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=INITIAL_TABLES)


# Indexes of the dashboard's view queries (geo.store.queries and geo.store.places): covering indexes, so the per-place
# aggregates over 100k events read index pages instead of rows, and the actor and place filters start
# from a short index range. Plain SQL, the same on SQLite and PostgreSQL; IF NOT EXISTS keeps it idempotent.
VIEW_INDEXES = {
    "ix_events_view": 'events (id, hypothetical, type, date, article_id)',
    "ix_event_places_place_event": 'event_places (place_id, event_id)',
    "ix_event_actors_actor_event": 'event_actors (actor_id, event_id)',
    "ix_mentions_place_article": 'mentions (place_id, article_id)',
    "ix_articles_published": 'articles (published, id)',
    "ix_articles_source": 'articles (source)',
}


def _view_indexes(conn: sa.Connection) -> None:
    for name, target in VIEW_INDEXES.items():
        conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON {target}"))
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("ANALYZE"))  # statistics, so the planner picks these indexes for large views


def _reported_dates(conn: sa.Connection) -> None:
    """Events stored without a date take their article's publication date, precision "reported", as the
    analysis now does (``geo.events.grouping.reported``); an undated article's events stay undated."""
    e, a = events, articles
    published = sa.select(sa.cast(a.c.published, sa.String)).where(a.c.id == e.c.article_id).scalar_subquery()
    conn.execute(e.update().where(e.c.date.is_(None), published.is_not(None))
                 .values(date=published, date_precision=REPORTED))


def _event_occurrences(conn: sa.Connection) -> None:
    """Each event mention names the occurrence it reports (``events.occurrence_id``); mentions stored before
    are each their own occurrence. A store created now has the column from ``0001_initial`` already."""
    if "occurrence_id" not in {c["name"] for c in sa.inspect(conn).get_columns("events")}:
        conn.execute(sa.text("ALTER TABLE events ADD COLUMN occurrence_id VARCHAR(80)"))
    conn.execute(events.update().where(events.c.occurrence_id.is_(None)).values(occurrence_id=events.c.id))
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_events_occurrence ON events (occurrence_id, id)"))


def _actor_merges(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=[actor_merges])


MIGRATIONS: list[tuple[str, Callable[[sa.Connection], None]]] = [
    ("0001_initial", _initial),
    ("0002_view_indexes", _view_indexes),
    ("0003_reported_dates", _reported_dates),
    ("0004_event_occurrences", _event_occurrences),
    ("0005_actor_merges", _actor_merges),
]


def migrate(engine: sa.Engine, attempts: int = 5) -> list[str]:
    """Apply every migration not yet recorded; returns the names applied.

    Runs in one transaction, so a failed migration leaves the database at the
    previous version. Concurrent openers (ingest workers, dashboard sessions) are
    safe: PostgreSQL serialises them on an advisory lock; on SQLite the loser of
    the race fails on "table already exists", rolls back, and finds the work done
    when it tries again.
    """
    for attempt in range(attempts):
        try:
            return _migrate_once(engine)
        except (sa.exc.OperationalError, sa.exc.IntegrityError, sa.exc.ProgrammingError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    return []


def pending(engine: sa.Engine) -> list[str]:
    """The migrations a store lacks, read without writing anything (a read-only store cannot apply them)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table(schema_migrations.name):
            return [name for name, _ in MIGRATIONS]
        done = set(conn.execute(sa.select(schema_migrations.c.name)).scalars())
    _refuse_newer(done)
    return [name for name, _ in MIGRATIONS if name not in done]


def _refuse_newer(done: set[str]) -> None:
    """A store that a later release has migrated holds tables or columns this one does not know: writing it
    could leave rows that release reads wrongly, and reading it could miss what it added. Refused, in one line."""
    if unknown := sorted(done - {name for name, _ in MIGRATIONS}):
        raise StoreError(f"this store was upgraded by a newer newsmap (migration {', '.join(unknown)}), which this "
                         "version does not know: upgrade newsmap to use it, or give another --db / NEWSMAP_DB")


def _migrate_once(engine: sa.Engine) -> list[str]:
    applied: list[str] = []
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(74657873)"))
        metadata.create_all(conn, tables=[schema_migrations])
        done = set(conn.execute(sa.select(schema_migrations.c.name)).scalars())
        _refuse_newer(done)
        for name, step in MIGRATIONS:
            if name in done:
                continue
            step(conn)
            conn.execute(schema_migrations.insert().values(name=name, applied_at=dt.datetime.now(dt.timezone.utc)))
            applied.append(name)
    return applied
