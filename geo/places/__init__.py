"""Places: finding place names in text, resolving them to coordinates, and caching the answers.

Owns the offline gazetteer built from pip-shipped data (``sources``, with the points it estimates in ``points``, and
``gazetteer``), recognition (``placewords``, ``toponyms``, which asks the gazetteer through ``known_names``, scans
for the forms the model misses with ``toponym_scans``, applies one sense per article with ``discourse`` and leaves
out the towns in clubs' names with ``organisations`` and the seats of government written for their government
with ``seats``), resolution with the whole article as context (``resolution``
in passes over each name's ``readings``, places made from others in ``derived``, ``calibration``), facilities and
streets (``localities``), the article's main place (``focus``), online geocoders through geopy behind one cache
(``geocoding``, ``geocache``) and the ``newsmap geoparse`` contract (``geoparsing``). May import the foundation
(``geo.records``, ``geo.errors``, ``geo.settings``, ``geo.names``, ``geo.nlp``); never actors, events, ingest, the
store, views or rendering.
"""
