"""Actors: who appears in an article (people, armed groups, states), normalised to canonical, linkable ids.

Owns the curated catalogue (``catalog``) and its spaCy component (``aliases``), name comparison across
transliterations (``names``, ``organisations``), extraction from a parsed article (``extraction``, which reads
each article with ``reading``, the parse clues of ``cues`` and the names that name no one of ``common``; places
used as names in ``locations``, abbreviations in ``acronyms``, short forms of a body's name in ``shortened``,
ministries' countries in ``ministries``, titles' portfolios in ``portfolios``) and linking to the actors of earlier articles (``linking``). May import the foundation and ``geo.places`` (a demonym or a place can name a state); never events,
ingest, the store, views or rendering.
"""
