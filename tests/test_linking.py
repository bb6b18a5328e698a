"""Linking actors across articles: variants join, namesakes stay apart, ids are rewritten everywhere."""
from __future__ import annotations

from pathlib import Path

from geo.ingest.articles import read_bytes
from geo.actors.linking import ActorLinker
from geo.ingest.pipeline import make_pipeline
from geo.records import Actor, ActorMention, Analysis, Article, Event, Mention, merge_actor, merge_aliases
from geo.settings import load_settings
from geo.store import Store


def article_with(*actors: Actor) -> Analysis:
    art = Article(id="x" * 16, text="t", raw=b"t")
    mentions = tuple(ActorMention(a.id, Mention(0, 1, a.name, "PERSON")) for a in actors)
    event = Event(id="x:0", article_id=art.id, type="Meeting/Consultation", subtype="Meeting",
                  trigger=Mention(0, 1, "met", "TRIGGER"), sentence="t", start=0, end=1,
                  actor_roles=tuple(("initiator", a.id) for a in actors))
    return Analysis(article=art, actors=actors, actor_mentions=mentions, events=(event,))


def test_transliteration_variants_of_an_unlisted_person_become_one_actor():
    linker = ActorLinker([Actor("mohammed-hamdan-dagalo", "Mohammed Hamdan Dagalo", "person",
                                affiliations=("rapid-support-forces",))])
    linked = linker.link(article_with(Actor("mohamed-hamdan-dagalo", "Mohamed Hamdan Dagalo", "person")))
    (actor,) = linked.actors
    assert actor.id == "mohammed-hamdan-dagalo" and actor.name == "Mohammed Hamdan Dagalo"
    assert "Mohamed Hamdan Dagalo" in actor.aliases and actor.affiliations == ("rapid-support-forces",)
    assert linked.actor_mentions[0].actor_id == "mohammed-hamdan-dagalo"
    assert linked.events[0].actor_roles == (("initiator", "mohammed-hamdan-dagalo"),)


def test_people_who_share_a_surname_stay_apart():
    linker = ActorLinker([Actor("yahya-sinwar", "Yahya Sinwar", "person")])
    (other,) = linker.link(article_with(Actor("mohammed-sinwar", "Mohammed Sinwar", "person"))).actors
    assert other.id == "mohammed-sinwar"
    # With two Sinwars known, a bare "Sinwar" is ambiguous and is not linked to either.
    (bare,) = linker.link(article_with(Actor("sinwar", "Sinwar", "person"))).actors
    assert bare.id == "sinwar"


def test_a_bare_surname_links_to_the_one_person_who_carries_it():
    linker = ActorLinker([Actor("hassan-nasrallah", "Hassan Nasrallah", "person")])
    (actor,) = linker.link(article_with(Actor("nasrallah", "Nasrallah", "person"))).actors
    assert actor.id == "hassan-nasrallah"


def test_organisations_link_by_acronym_and_kinds_never_cross():
    linker = ActorLinker([Actor("rapid-support-forces", "Rapid Support Forces", "armed_group")])
    (rsf,) = linker.link(article_with(Actor("rsf", "RSF", "armed_group"))).actors
    assert rsf.id == "rapid-support-forces"
    (person,) = linker.link(article_with(Actor("rsf-2", "Rapid Support Forces", "person"))).actors
    assert person.id == "rsf-2"


def test_one_ingest_links_an_unlisted_actor_across_articles_with_any_number_of_workers(tmp_path: Path):
    texts = ["Sudanese general Abdel Fattah al-Burhan met envoys in Port Sudan on Monday.",
             "Abdel Fatah al-Burhan said the army had retaken parts of Omdurman."]
    settings = load_settings()
    exports = []
    for workers in (1, 2):
        store = Store.open(str(tmp_path / f"w{workers}.sqlite"))
        articles = [a for i, t in enumerate(texts) for a in read_bytes(t.encode(), f"{i}.txt")]
        make_pipeline(settings, store).ingest(articles, workers=workers)
        exports.append(store.export())
        people = [a for a in store.export()["actors"] if a["kind"] == "person" and "Burhan" in a["name"]]
        assert len(people) == 1, people
        assert {m["article_id"] for m in people[0]["mentions"]} == {a.id for a in articles}
    assert exports[0]["actors"] == exports[1]["actors"]


def test_a_known_actor_seen_again_keeps_its_name_and_gains_new_spellings_once() -> None:
    known = Actor("esmail-qaani", "Esmail Qaani", "person", ("Ismail Qaani",), ("quds-force",))
    seen = merge_actor(known, ["ESMAIL QAANI", "Qaani", "Ismail Qaani"], ["quds-force", "iran"])
    assert seen == Actor("esmail-qaani", "Esmail Qaani", "person", ("Ismail Qaani", "Qaani"), ("quds-force", "iran"))
    assert merge_aliases(["Hizbullah"], ["Hezbollah", "Hizbullah"]) == ("Hizbullah", "Hezbollah")  # no name: all kept
