"""Merging two stored actors that a later article shows to be one ("Coastal Fisheries Authority" of one article,
"CFA" of another, and a third that writes "the Coastal Fisheries Authority (CFA)").

The linker (geo.actors.linking) decides; the store moves every mention, event role and affiliation of the actor
that goes to the one it joins, in the article's transaction, so the actor filter shows the events of both under one
actor. The id that goes is kept in ``actor_merges``: links and snapshots made before the merge name it, and
:meth:`geo.store.lookups.Lookups.resolve_actor` resolves it to the actor it joined (through any chain of merges).
"""
from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from geo.store import schema as tables
from geo.store.engine import upsert


def merge_actors(conn: sa.Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """For each ``(old, new)``: ``old``'s rows become ``new``'s, ``old`` goes, and its id resolves to ``new``."""
    for old, new in pairs:
        if old == new:
            continue
        mn, ea, aff, act, merged = (tables.mentions, tables.event_actors, tables.actor_affiliations, tables.actors,
                                    tables.actor_merges)
        conn.execute(mn.update().where(mn.c.actor_id == old).values(actor_id=new))
        _move_keyed(conn, ea, "actor_id", old, new, ["event_id", "actor_id", "role"])
        _move_affiliations(conn, aff, old, new)
        conn.execute(act.delete().where(act.c.id == old))
        conn.execute(merged.update().where(merged.c.actor_id == old).values(actor_id=new))
        conn.execute(upsert(conn, merged, ["old_id"]), {"old_id": old, "actor_id": new})


def _move_keyed(conn: sa.Connection, table: sa.Table, column: str, old: str, new: str, keys: list[str]) -> None:
    """Rows whose ``column`` is ``old`` rewritten with ``new``; a row ``new`` already has is not doubled."""
    rows = [dict(r._mapping) | {column: new} for r in conn.execute(sa.select(table).where(table.c[column] == old))]
    if rows:
        conn.execute(upsert(conn, table, keys), rows)
    conn.execute(table.delete().where(table.c[column] == old))


def _move_affiliations(conn: sa.Connection, aff: sa.Table, old: str, new: str) -> None:
    """``old``'s parents become ``new``'s and its members ``new``'s members; none becomes its own parent."""
    keys = ["actor_id", "parent_id"]
    _move_keyed(conn, aff, "actor_id", old, new, keys)
    _move_keyed(conn, aff, "parent_id", old, new, keys)
    conn.execute(aff.delete().where(aff.c.actor_id == aff.c.parent_id))
