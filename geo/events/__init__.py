"""Events: who did what to whom, where and when, read off the dependency parse one clause at a time.

Owns the trigger lexicon and types (``taxonomy``), the clause readers (``clauses``, and ``participants`` for
passive agents, patients, claimants and sides), dates (``dates``), generic
actors and sites ("gunmen", "the station": ``generics``), attacked sites and objects typed as GTD target types
("a bakery": Businesses, ``targets``), what an article already knows when its events are read
(``context``) and the extractor (``extraction``). May import the foundation, ``geo.places`` and ``geo.actors``;
never ingest, the store, views or rendering.
"""
