"""An actor named across articles: the fullest name a source gives, whatever the order of ingest, under a stable id."""
from __future__ import annotations

from dataclasses import replace

import pytest

from geo.actors.linking import ActorLinker
from geo.ingest.articles import read_bytes
from geo.ingest.pipeline import Pipeline, make_analyser, store_linker
from geo.records import (Actor, ActorMention, Analysis, Article, Mention, Place, PlaceMention, named_in_full,
                         spells_out)
from geo.settings import load_settings
from geo.store import Store


def article_with(key: str, *actors: Actor) -> Analysis:
    art = Article(id=key * 16, text="t", raw=key.encode())
    return Analysis(article=art, actors=actors,
                    actor_mentions=tuple(ActorMention(a.id, Mention(0, 1, a.name, "ORG")) for a in actors))


def test_a_name_spelled_out_is_fuller_and_names_of_one_length_are_not():
    assert spells_out("FDA", "Food and Drug Administration") and spells_out("DoD", "Department of Defense")
    assert spells_out("Haddad", "Karim Haddad")
    assert not spells_out("Food and Drug Administration", "FDA")
    assert not spells_out("Ismail Haddad", "Esmail Haddad") and not spells_out("Al-Shabaab", "Al Shabaab")
    renamed = named_in_full(Actor("ksp", "KSP", "organisation", ("K.S.P.",)), "Kentucky State Police", "police")
    assert renamed == Actor("ksp", "Kentucky State Police", "police", ("KSP", "K.S.P."))
    person = named_in_full(Actor("haddad", "Haddad", "person"), "Karim Haddad", "person")
    assert (person.id, person.name, person.aliases) == ("haddad", "Karim Haddad", ("Haddad",))


def in_washington(analysis: Analysis) -> Analysis:
    washington = Place("gn:4140963", "Washington", "city", 38.9, -77.0, "US")
    return replace(analysis, places=(PlaceMention(Mention(0, 1, "Washington", "place"), washington, 0.9),))


FDA_SHORT = Actor("fda", "FDA", "organisation")
FDA_FULL = Actor("food-and-drug-administration", "Food and Drug Administration", "organisation", ("FDA",))


@pytest.mark.parametrize("first, second", [(FDA_SHORT, FDA_FULL), (FDA_FULL, FDA_SHORT)])
def test_the_linker_names_a_body_in_full_in_either_order_and_keeps_the_first_id(first: Actor, second: Actor):
    """Both articles are set in one country: bare initials of one article and a full name of another are one body
    only with something besides the letters in common (tests/test_actor_merges.py)."""
    linker = ActorLinker()
    linker.link(in_washington(article_with("a", first)))
    (actor,) = linker.link(in_washington(article_with("b", second))).actors
    assert (actor.id, actor.name, actor.aliases) == (first.id, "Food and Drug Administration", ("FDA",))


def mayor(key: str, actor: Actor) -> Analysis:
    """An article that names ``actor`` with the office of mayor ("Mayor Karim Haddad opened the port.")."""
    text = f"Mayor {actor.name} opened the port."
    art = Article(id=key * 16, text=text, raw=text.encode())
    return Analysis(article=art, actors=(actor,),
                    actor_mentions=(ActorMention(actor.id, Mention(6, 6 + len(actor.name), actor.name, "PERSON")),))


@pytest.mark.parametrize("names", [("Haddad", "Karim Haddad"), ("Karim Haddad", "Haddad")])
def test_a_person_named_by_the_surname_first_is_one_actor_named_in_full(names: tuple[str, str]):
    linker = ActorLinker()  # across articles a bare surname needs an office in common (tests/test_linking.py)
    first, second = (Actor(n.lower().replace(" ", "-"), n, "person") for n in names)
    linker.link(mayor("a", first))
    (actor,) = linker.link(mayor("b", second)).actors
    assert (actor.id, actor.name) == (first.id, "Karim Haddad")
    # a second Haddad named in full later is someone else
    (other,) = linker.link(article_with("c", Actor("sami-haddad", "Sami Haddad", "person"))).actors
    assert other.id == "sami-haddad"


def test_a_full_name_does_not_take_a_bare_surname_that_two_known_people_carry():
    linker = ActorLinker([Actor("haddad", "Haddad", "person"), Actor("sami-haddad", "Sami Haddad", "person")])
    (actor,) = linker.link(article_with("a", Actor("karim-haddad", "Karim Haddad", "person"))).actors
    assert actor.id == "karim-haddad"


def test_an_abbreviation_of_unknown_kind_joins_the_body_it_abbreviates_and_takes_its_kind():
    linker = ActorLinker([Actor("ksp", "KSP", "organisation")], countries=lambda ids: {"ksp": {"US"}})
    (actor,) = linker.link(in_washington(article_with("a", Actor("kentucky-state-police", "Kentucky State Police",
                                                                 "police", ("KSP",))))).actors
    assert (actor.id, actor.name, actor.kind) == ("ksp", "Kentucky State Police", "police")
    armenian = ActorLinker([Actor("army", "Army", "organisation")])  # a last word is no abbreviation
    (army,) = armenian.link(article_with("a", Actor("armenian-army", "Armenian Army", "military"))).actors
    assert army.id == "armenian-army"


def test_initials_shared_by_chance_rename_nothing_and_join_no_kinds():
    linker = ActorLinker([Actor("eta", "ETA", "organisation"), Actor("gpd", "GPD", "organisation")])
    (eta,) = linker.link(article_with("a", Actor("edmonton-traders-association", "Edmonton Traders' Association",
                                                 "organisation"))).actors
    assert eta.id == "edmonton-traders-association"  # initials alone join no two stories' bodies
    assert linker.known["eta"].name == "ETA"
    (police,) = linker.link(article_with("b", Actor("glasgow-police-department", "Glasgow Police Department",
                                                    "police"))).actors
    assert police.id == "glasgow-police-department"


def test_a_catalogue_actor_keeps_the_catalogue_name():
    linker = ActorLinker([Actor("bbc", "BBC", "media")])
    (actor,) = linker.link(article_with("a", Actor("british-broadcasting-corporation",
                                                   "British Broadcasting Corporation", "media"))).actors
    assert (actor.id, actor.name) == ("bbc", "BBC") and "British Broadcasting Corporation" in actor.aliases


def test_the_store_keeps_the_fuller_name_whichever_writer_comes_last(store: Store):
    store.write(article_with("a", FDA_SHORT))
    store.write(article_with("b", Actor("fda", "Food and Drug Administration", "government", ("FDA", "F.D.A."))))
    store.write(article_with("c", Actor("fda", "FDA", "organisation", ("U.S. FDA",))))  # a linker not up to date
    (fda,) = store.actors()
    assert (fda.name, fda.kind, fda.aliases) == ("Food and Drug Administration", "government",
                                                 ("FDA", "F.D.A.", "U.S. FDA"))


# Both set in one country: bare initials of one article are the full name of another only with something besides
# the letters in common (tests/test_actor_merges.py).
TEXTS = ("The FDA approved the drug on Monday, officials in Washington said.",
         "The Food and Drug Administration (FDA) said in Maryland on Tuesday that the drug was safe.")


@pytest.fixture(scope="module")
def analyser():
    return make_analyser(load_settings())


@pytest.mark.parametrize("order", [TEXTS, TEXTS[::-1]], ids=["short-first", "full-first"])
def test_two_ingests_in_either_order_name_the_body_in_full(store: Store, analyser, order: tuple[str, str]):
    for n, text in enumerate(order):
        pipeline = Pipeline(analyser=analyser, store=store, linker=store_linker(store))
        report = pipeline.ingest(list(read_bytes(text.encode(), f"{n}.txt")))
        assert report.failed == ()
    bodies = [a for a in store.export()["actors"] if "FDA" in (a["name"], *a["aliases"])]
    assert [(b["id"], b["name"], b["aliases"]) for b in bodies] == [
        ("fda" if order == TEXTS else "food-and-drug-administration", "Food and Drug Administration", ["FDA"])]
    assert len({m["article_id"] for m in bodies[0]["mentions"]}) == 2


def test_a_row_an_affiliation_wrote_first_takes_its_actors_name(store: Store):
    store.write(article_with("a", Actor("karim-haddad", "Karim Haddad", "person", affiliations=("harbour-guild",))))
    store.write(article_with("b", Actor("harbour-guild", "Harbour Guild", "organisation", ("the Guild",))))
    guild = next(a for a in store.actors() if a.id == "harbour-guild")
    assert (guild.name, guild.aliases) == ("Harbour Guild", ("the Guild",))
