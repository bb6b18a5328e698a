"""The :class:`Store`: one object over one engine, made of the store's parts, one module per noun.

sqlite-utils splits its API by noun (``Database``, ``Table``) over one connection; here the nouns are mixins
over one :class:`~geo.store.engine.StoreEngine`, so callers keep one object and one spelling
(``store.write(...)``, ``store.view_places(f)``, ``store.export()``) while each part reads on its own:

- :mod:`geo.store.engine`: opening a store, and the one place SQLite and PostgreSQL differ;
- :mod:`geo.store.writes`: writing an analysed article;
- :mod:`geo.store.lookups`: stored rows outside any view (articles, mentions, actors, events by id);
- :mod:`geo.store.queries` and :mod:`geo.store.places`: the view queries (each filter's SQL is
  :mod:`geo.store.filters`);
- :mod:`geo.store.export`: the whole store in the export schema;
- :mod:`geo.store.snapshots`: snapshot rows.

Mixins rather than a facade holding one object per part: every part needs only the engine, the view queries
and the export build on the lookups (they inherit them), and the callers' forty-odd method calls would
otherwise each need a forwarding method.

>>> store = Store.open("sqlite://")
>>> store.count_articles()
0
"""
from __future__ import annotations

from geo.store.export import Export
from geo.store.places import PlaceQueries
from geo.store.snapshots import Snapshots
from geo.store.writes import Writes


class Store(Writes, PlaceQueries, Export, Snapshots):
    """A database of articles and what was found in them."""
