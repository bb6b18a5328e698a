"""Linking actors across articles: variants join, namesakes stay apart, ids are rewritten everywhere."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.ingest.articles import read_bytes
from geo.actors.linking import ActorLinker
from geo.actors.names import offices, same_office, same_organisation
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


def test_organisations_link_by_initials_an_article_wrote_with_the_name_and_kinds_never_cross():
    # "the Rapid Support Forces (RSF)" gave the body its initials as an alias: a later "RSF" is that body.
    linker = ActorLinker([Actor("rapid-support-forces", "Rapid Support Forces", "armed_group", ("RSF",))])
    (rsf,) = linker.link(article_with(Actor("rsf", "RSF", "armed_group"))).actors
    assert rsf.id == "rapid-support-forces"
    (person,) = linker.link(article_with(Actor("rsf-2", "Rapid Support Forces", "person"))).actors
    assert person.id == "rsf-2"


def test_initials_alone_do_not_join_bodies_of_two_stories():
    linker = ActorLinker([Actor("halifax-dockworkers-association", "Halifax Dockworkers Association", "organisation")])
    (hda,) = linker.link(article_with(Actor("hda", "HDA", "organisation"))).actors
    assert hda.id == "hda"
    # The catalogue's bodies are known ones: their initials find them.
    linker = ActorLinker([Actor("islamic-resistance-in-iraq", "Islamic Resistance in Iraq", "armed_group")])
    (iri,) = linker.link(article_with(Actor("iri", "IRI", "armed_group"))).actors
    assert iri.id == "islamic-resistance-in-iraq"


def test_near_spellings_join_one_body_but_never_a_whole_other_word():
    assert same_organisation("Westbrook Community Centre", "Westbrook Community Center")
    assert same_organisation("Kenya Wildlife Service", "Kenya Wildlife Services")
    assert not same_organisation("Northfield Farmers Council", "Southfield Farmers Council")
    assert not same_organisation("Ward 4 Residents Council", "Ward 14 Residents Council")
    linker = ActorLinker([Actor("northfield-farmers-council", "Northfield Farmers Council", "organisation")])
    (south,) = linker.link(article_with(Actor("southfield-farmers-council", "Southfield Farmers Council",
                                              "organisation"))).actors
    assert south.id == "southfield-farmers-council"


def story(text: str, *actors: Actor) -> Analysis:
    """An article of ``text`` whose actors are mentioned where their names are written (every occurrence)."""
    art = Article(id=str(abs(hash(text)))[:16], text=text, raw=text.encode())
    mentions = tuple(ActorMention(a.id, Mention(m.start(), m.end(), m.group(), "PERSON"))
                     for a in actors for m in re.finditer(re.escape(a.name), text))
    return Analysis(article=art, actors=actors, actor_mentions=mentions)


def test_a_bare_surname_of_another_story_is_no_namesake_without_an_office_in_common():
    linker = ActorLinker()
    linker.link(story("John Walsh, a farmer near Brandon, said the drought cut his harvest.",
                      Actor("john-walsh", "John Walsh", "person")))
    walsh_said = story("The routes are unfair, Walsh told the council.", Actor("walsh", "Walsh", "person"))
    (walsh,) = linker.link(walsh_said).actors
    assert walsh.id == "walsh"
    linker.link(story("Judge Peter Brandt sentenced the banker.", Actor("peter-brandt", "Peter Brandt", "person")))
    (brandt,) = linker.link(story("Detective Brandt found the paintings.", Actor("brandt", "Brandt", "person"))).actors
    assert brandt.id == "brandt"


def test_a_bare_surname_of_another_story_links_with_the_same_office_or_government():
    linker = ActorLinker()
    linker.link(story("Finance Minister Elena Varga cut fuel taxes.", Actor("elena-varga", "Elena Varga", "person")))
    (varga,) = linker.link(story("Finance Minister Varga spoke.", Actor("varga", "Varga", "person"))).actors
    assert varga.id == "elena-varga"
    linker.link(story("Sen. Whitfield backed the bill.", Actor("whitfield", "Whitfield", "person")))
    (ann,) = linker.link(story("Senator Ann Whitfield of Ohio wrote the bill.",
                               Actor("ann-whitfield", "Ann Whitfield", "person"))).actors
    assert ann.id == "whitfield" and ann.name == "Ann Whitfield"
    linker.link(story("Prime Minister Michael Brennan met farmers.",
                      Actor("michael-brennan", "Michael Brennan", "person")))
    (brennan,) = linker.link(story("Critics of the Brennan government marched.",
                                   Actor("brennan", "Brennan", "person"))).actors
    assert brennan.id == "michael-brennan"


def test_a_bare_surname_stored_without_an_office_still_links_when_a_later_article_gives_one():
    linker = ActorLinker([Actor("dennis-carter", "Dennis Carter", "person"), Actor("carter", "Carter", "person")],
                         contexts=lambda ids: {"dennis-carter": [("Duluth Mayor ", "Dennis Carter", " opened")]})
    (carter,) = linker.link(story("Mayor Carter said the wall would be repaired.",
                                  Actor("carter", "Carter", "person"))).actors
    assert carter.id == "dennis-carter"


def test_offices_are_read_from_the_title_before_a_name_or_a_government_after_it():
    assert offices("On Monday, Sen.", "Whitfield") == offices("", "Senator Ann Whitfield") == {"senator"}
    assert offices("", "Mr. Smith") == offices("the late ", "Smith") == frozenset()
    assert offices("said the mayor. ", "Smith") == offices("met the Prime Minister, ", "Smith") == frozenset()
    assert same_office(offices("the ", "Obama", " administration said"), offices("", "President Barack Obama"))
    assert not same_office(offices("Detective ", "Brandt"), offices("Judge ", "Peter Brandt"))


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_links_across_the_stories_of_the_pairs_set_are_the_ones_the_rule_promises(database: str,
                                                                                 request: pytest.FixtureRequest):
    """The pairs of tests/data/linking_pairs.json after a real ingest: namesakes, initials of two bodies and near
    spellings of two bodies stay apart; one person by office and surname, one body by initials it was written
    with, join."""
    from tests.linking_pairs import ingest, judge

    store = request.getfixturevalue("sqlite_store" if database == "sqlite" else "pg_store")
    ids = ingest(store)
    judged = [j for j in judge(store.export(), ids) if j.promised]
    wrong = [f"{j.verdict}: {j.first} / {j.second} ({j.about})" for j in judged if not j.verdict.endswith("right")]
    assert not wrong, wrong


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


def test_a_later_ingest_reads_the_offices_of_stored_articles_from_the_store(store: Store):
    """Two ingests, two linkers: the second knows the mayor's office only from the words the store kept."""
    texts = ("Duluth Mayor Dennis Carter opened a new library branch on Saturday.",
             "Mayor Carter said on Monday that Duluth would repair the harbour wall before winter.")
    for i, text in enumerate(texts):
        make_pipeline(load_settings(), store).ingest(read_bytes(text.encode(), f"{i}.txt"))
    (carter,) = [a for a in store.export()["actors"] if "Carter" in a["name"]]
    assert carter["name"] == "Dennis Carter" and {m["text"] for m in carter["mentions"]} == {"Dennis Carter", "Carter"}
    assert store.mention_contexts(["dennis-carter", "nobody"]) == {"dennis-carter": [
        ("Duluth Mayor ", "Dennis Carter", " opened a new librar"), ("Mayor ", "Carter", " said on Monday that")]}
