"""The store: every SQL statement of newsmap, over SQLite (the default) or PostgreSQL with the same code.

Owns the schema and its named migrations (``schema``) and the :class:`Store` over one engine (``store``), made
of one module per noun: the engine and the dialect differences (``engine``), writing analysed articles
(``writes``), lookups by id (``lookups``), the view queries (``queries``, ``places``; each view filter's SQL in
``filters``), the whole-store export (``export``) and snapshot rows (``snapshots``); ``rows`` builds the rows of
the export schema they share. May import ``geo.records``, ``geo.errors`` and ``geo.settings``; never the
analysis (places, actors, events, ingest), the views, rendering or the dashboard. No other package holds SQL.

Callers use :class:`Store` from here: ``Store.open("cache/newsmap.sqlite")``.
"""
from geo.store.filters import ViewFilter
from geo.store.places import Run
from geo.store.store import Store

__all__ = ["Run", "Store", "ViewFilter"]
