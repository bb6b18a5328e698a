"""Snapshot rows: a view state and a frozen copy of its data, as JSON text (the rules are in
:mod:`geo.views.snapshots`; this is only their storage)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from geo.store import schema as tables
from geo.store.engine import StoreEngine


class Snapshots(StoreEngine):
    """Insert, read, rename and delete snapshot rows."""

    def insert_snapshot(self, row: dict[str, Any]) -> None:
        """Store one snapshot row (id, title, note, description, created_at, state, data as JSON text)."""
        with self.engine.begin() as conn:
            conn.execute(tables.snapshots.insert().values(**row))

    def snapshot_row(self, snapshot_id: str) -> dict[str, Any] | None:
        """The snapshot with this exact id, its data included, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(tables.snapshots).where(tables.snapshots.c.id == snapshot_id)).first()
        return _snapshot_dict(row) if row else None

    def snapshot_rows(self) -> list[dict[str, Any]]:
        """Every snapshot without its data, newest first."""
        s = tables.snapshots
        query = (sa.select(s.c.id, s.c.title, s.c.note, s.c.description, s.c.created_at, s.c.state)
                 .order_by(s.c.created_at.desc(), s.c.id))
        with self.engine.connect() as conn:
            return [_snapshot_dict(r) for r in conn.execute(query)]

    def rename_snapshot(self, snapshot_id: str, title: str) -> bool:
        """Give a snapshot a new title; False when no snapshot has this id."""
        s = tables.snapshots
        with self.engine.begin() as conn:
            done = conn.execute(s.update().where(s.c.id == snapshot_id).values(title=title))
        return done.rowcount == 1

    def delete_snapshot(self, snapshot_id: str) -> bool:
        """Delete a snapshot; False when no snapshot has this id."""
        with self.engine.begin() as conn:
            done = conn.execute(tables.snapshots.delete().where(tables.snapshots.c.id == snapshot_id))
        return done.rowcount == 1


def _snapshot_dict(row: sa.Row) -> dict[str, Any]:
    out = dict(row._mapping)
    created = out["created_at"]
    if created.tzinfo is None:  # SQLite keeps no time zone; snapshots are written in UTC
        out["created_at"] = created.replace(tzinfo=dt.timezone.utc)
    return out
