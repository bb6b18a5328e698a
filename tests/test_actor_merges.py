"""Stored actors that a later article shows to be one are merged, and their old ids keep working; what the linker
keeps apart never shares an id."""
from __future__ import annotations

from geo.actors.names import person_words
from geo.ingest.articles import read_bytes
from geo.ingest.pipeline import make_pipeline
from geo.settings import load_settings
from geo.store import Store
from geo.views.state import ViewState

BOARD = ("The Coastal Fisheries Authority met trawler owners in Halifax on Monday.",
         "The CFA fined two trawler owners in Lunenburg on Tuesday, and CFA officers met fishermen in Yarmouth.",
         "The Coastal Fisheries Authority (CFA) said on Friday that the closure in Halifax would last a month.")


def ingest(store: Store, texts: tuple[str, ...], *, one_ingest: bool = True) -> list[str]:
    """The articles' ids; one ingest (one linker), or one ingest per article (the linker rebuilt from the store)."""
    articles = [a for i, t in enumerate(texts) for a in read_bytes(t.encode(), f"{i}.txt")]
    batches = [articles] if one_ingest else [[a] for a in articles]
    for batch in batches:
        make_pipeline(load_settings(), store).ingest(batch)
    return [a.id for a in articles]


def actors_named(store: Store, *words: str) -> list[dict]:
    return [a for a in store.export()["actors"] if any(w in (a["name"], *a["aliases"]) for w in words)]


def test_a_later_article_that_links_two_stored_actors_merges_them(store: Store):
    ids = ingest(store, BOARD)
    (body,) = actors_named(store, "CFA", "Coastal Fisheries Authority")
    assert body["name"] == "Coastal Fisheries Authority" and "CFA" in body["aliases"]
    assert {m["article_id"] for m in body["mentions"]} == set(ids)
    events = {e["sentence"] for e in store.view_events(ViewState(actors=(body["id"],)).filter(store))}
    assert len(events) == 2, events  # the meeting of the first article and the second's, under one actor
    for old in ("cfa", "coastal-fisheries-authority", "CFA"):  # links made before the merge keep working
        assert store.resolve_actor(old) == body["id"]
        assert {e["sentence"] for e in store.view_events(ViewState(actors=(old,)).filter(store))} == events


def test_stored_actors_merge_across_ingests_too(store: Store):
    """One ingest per article: the second linker knows the first article's actors only from the store."""
    ids = ingest(store, BOARD, one_ingest=False)
    (body,) = actors_named(store, "CFA", "Coastal Fisheries Authority")
    assert {m["article_id"] for m in body["mentions"]} == set(ids)
    assert store.resolve_actor("cfa") == store.resolve_actor("coastal-fisheries-authority") == body["id"]
    assert len(store.view_events(ViewState(actors=("cfa",)).filter(store))) == 2


def test_a_bare_abbreviation_is_not_joined_by_a_later_article_that_spells_out_another_body(store: Store):
    texts = ("The ANC held a rally in Soweto on Sunday, party officials in Johannesburg said.",
             "The Anglo-Nordic Council (ANC) met fisheries ministers in Oslo on Thursday.")
    ingest(store, texts)
    found = {(m["article_id"], m["text"]): a["id"] for a in store.export()["actors"] for m in a["mentions"]}
    first, second = (next(iter(read_bytes(t.encode(), f"{i}.txt"))).id for i, t in enumerate(texts))
    assert found[(first, "ANC")] != found[(second, "Anglo-Nordic Council")]
    assert store.resolve_actor("ANC") == found[(first, "ANC")]  # the name of an actor first, then an alias
    # Initials written in one country with the full name of a body of that country are still that body.
    ingest(store, ("The NRWA warned farmers in Nebraska on Tuesday of a dry spring.",
                   "The Nebraska Rural Water Association (NRWA) asked towns near Omaha to limit lawn watering."))
    (body,) = actors_named(store, "Nebraska Rural Water Association")
    assert len({m["article_id"] for m in body["mentions"]}) == 2


def test_two_stories_bare_surnames_do_not_share_an_id(store: Store):
    texts = ("Smith told reporters in Boise on Wednesday that the silver mine would close next year.",
             "Police in Leeds said Smith had attacked a neighbour on Friday.")
    ids = ingest(store, texts)
    smiths = actors_named(store, "Smith")
    assert len(smiths) == 2, smiths
    assert sorted(len({m["article_id"] for m in a["mentions"]}) for a in smiths) == [1, 1]
    leeds = [e for e in store.export()["events"] if e["article_id"] == ids[1]]
    assert leeds and all(i in {a["id"] for a in smiths} for e in leeds for i in e["actor_ids"] if "smith" in i)


def test_two_bodies_spelled_out_differently_are_not_joined_by_their_initials(store: Store):
    ingest(store, ("The Port Workers Federation (PWF) called a strike at the port of Rotterdam on Monday.",
                   "The Pacific Whaling Forum (PWF) met in Apia on Monday to discuss a ban on whaling."))
    bodies = actors_named(store, "PWF")
    assert sorted(b["name"] for b in bodies) == ["Pacific Whaling Forum", "Port Workers Federation"]
    assert all(b["aliases"] == ["PWF"] for b in bodies)


def test_a_surname_written_with_its_particle_is_a_bare_surname(store: Store):
    assert person_words("Annelies de Groot") == ["Annelies", "de Groot"] and person_words("De Groot") == ["De Groot"]
    ingest(store, ("Container terminals in Rotterdam stood idle on Tuesday. De Groot told reporters that talks with "
                   "the employers would resume on Thursday.",
                   "A fire destroyed a bakery in Utrecht on Tuesday. The owner, De Groot, said no one was hurt."))
    assert len(actors_named(store, "De Groot")) == 2


def test_a_surname_with_its_particle_links_by_office_in_either_order(store: Store):
    ingest(store, ("Mayor De Jong opened the new ferry terminal in Delft on Monday.",
                   "Mayor Pieter de Jong of Delft said on Friday that the ferry would run every hour."))
    (mayor,) = actors_named(store, "Pieter de Jong")
    assert mayor["name"] == "Pieter de Jong" and len({m["article_id"] for m in mayor["mentions"]}) == 2
