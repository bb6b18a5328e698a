"""The whole store in the stable export schema (README, "Export format"): what ``newsmap export`` writes
without filters, and the shape every view and snapshot shares."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from geo.store import schema as tables
from geo.store.lookups import Lookups
from geo.store.rows import actor_row, event_row, read_kinds, read_reports, read_roles


class Export(Lookups):
    """:meth:`export`, every table in one pass each."""

    def export(self) -> dict[str, list[dict[str, Any]]]:
        """The whole store in the stable export schema (see README, "Export format")."""
        return {"articles": list(self._export_articles()), "places": self._export_places(),
                "actors": self._export_actors(), "events": self._export_events()}

    def _export_articles(self) -> Iterator[dict[str, Any]]:
        cols = [tables.articles.c[c] for c in ("id", "title", "source", "url", "published", "text")]
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(*cols).order_by(tables.articles.c.id)):
                row = dict(r._mapping)
                row["published"] = row["published"].isoformat() if row["published"] else None
                yield row

    def _export_places(self) -> list[dict[str, Any]]:
        mentions = self._mentions_by(tables.mentions.c.place_id, scored=True)
        cols = [tables.places.c[c] for c in ("id", "name", "kind", "lat", "lon", "country_code", "geonameid")]
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(sa.select(*cols).order_by(tables.places.c.id))]
        for row in rows:
            row["mentions"] = mentions.get(row["id"], [])
        return rows

    def _export_actors(self) -> list[dict[str, Any]]:
        mentions = self._mentions_by(tables.mentions.c.actor_id)
        return [actor_row(a, mentions.get(a.id, [])) for a in self.actors()]

    def _export_events(self) -> list[dict[str, Any]]:
        """One record per event mention, as extracted (so a record's ``start``/``end`` is its own sentence), each
        naming its ``occurrence`` and carrying that occurrence's ``mentions`` and counts."""
        e = tables.events
        with self.engine.connect() as conn:
            actor_roles = read_roles(conn, tables.event_actors)
            place_roles = read_roles(conn, tables.event_places)
            rows = conn.execute(sa.select(e).order_by(e.c.article_id, e.c.start, e.c.trigger_start)).all()
            reports = read_reports(conn)
            kinds = read_kinds(conn)
        return [event_row(r, actor_roles.get(r.id, {}), place_roles.get(r.id, {}), reports, kinds) for r in rows]
