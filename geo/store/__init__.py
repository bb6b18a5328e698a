"""The store: every SQL statement of newsmap, over SQLite (the default) or PostgreSQL with the same code.

Owns the schema and its named migrations (``schema``), writing analysed articles, the view queries, the whole-store
export and snapshot rows (``store``). May import ``geo.records``, ``geo.errors`` and ``geo.settings``; never the
analysis (places, actors, events, ingest), the views, rendering or the dashboard. No other package holds SQL.

Callers use :class:`Store` from here: ``Store.open("cache/newsmap.sqlite")``.
"""
from geo.store.store import Run, Store, ViewFilter

__all__ = ["Run", "Store", "ViewFilter"]
