"""geo.events.targets: attacked sites and objects as typed targets (GTD target types), exported and shown."""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace

import pytest

from geo.actors.catalog import load_catalog, load_countries
from geo.actors.extraction import ActorExtractor
from geo.events.extraction import EventExtractor
from geo.events.grouping import EventGrouper
from geo.ingest.pipeline import Analyser
from geo.places.localities import LocalityStage
from geo.events.taxonomy import CIVILIANS, DEFAULT_TAXONOMY
from geo.records import ATTACK_TYPES, Actor, Article, target_types
from geo.render import panel
from geo.render.exports.csv import to_csv
from geo.store import Store
from tests.test_store import analysis


@pytest.fixture(scope="module")
def analyser(geoparser) -> Analyser:
    return Analyser(nlp=geoparser.nlp, places=geoparser, localities=LocalityStage(),
                    actors=ActorExtractor(load_catalog(), countries=load_countries()), events=EventExtractor())


def targets(analyser: Analyser, text: str, trigger: str) -> tuple[set[str], dict[str, str]]:
    """The target ids of the event triggered by ``trigger``, and actor id -> kind of the analysis."""
    found = analyser.analyse(Article(id="t", text=text, published=dt.date(2024, 5, 2)))
    event, = [e for e in found.events if e.trigger.text == trigger]
    return {a for r, a in event.actor_roles if r == "target"}, {a.id: a.kind for a in found.actors}


def test_a_stormed_shop_is_a_business_target_and_a_scene_is_not(analyser) -> None:
    ids, kinds = targets(analyser, "Gunmen stormed a bakery in Kirkuk on Monday night.", "stormed")
    business = [a for a in ids if kinds.get(a) == "business"]
    assert business == ["businesses-iraq"]
    # a site outside violence, or only the scene of a clause, is no target
    ids, _ = targets(analyser, "The two ministers met at a hotel in Baghdad on Monday.", "met")
    assert ids == set()
    ids, _ = targets(analyser, "Gunmen killed two soldiers on a road near the university in Kirkuk.", "killed")
    assert "educational-institutions-iraq" not in ids


def test_an_owner_word_decides_the_type_of_a_site(analyser) -> None:
    ids, kinds = targets(analyser, "Rebels shelled a refugee camp near Goma on Sunday.", "shelled")
    assert {kinds.get(a) for a in ids} == {"civilians"}  # a refugee camp is no military camp
    ids, kinds = targets(analyser, "Insurgents attacked a military camp near Kandahar.", "attacked")
    assert {kinds.get(a) for a in ids} == {"military"}


@pytest.mark.parametrize("text, trigger", [
    ("Rebels clashed with government troops near Goma.", "clashed"),
    ("Rebels attacked government troops near Goma.", "attacked"),
    ("Militants ambushed government soldiers near Kidal.", "ambushed"),
])
def test_an_owner_word_before_people_names_whose_they_are_not_a_building(analyser, text: str, trigger: str) -> None:
    """"government troops" are soldiers (Military Forces), not a government facility that was hit."""
    ids, kinds = targets(analyser, text, trigger)
    assert {kinds.get(a) for a in ids} == {"military"}


def test_victims_belong_to_the_country_their_sentence_happens_in(analyser) -> None:
    """An article mostly about Russia that reports a strike in Kharkiv: the victims are Ukraine's civilians. A
    place after "from" says where someone comes from, not where the sentence happens."""
    text = ("Russian troops advanced near Kursk and Belgorod in Russia, Moscow said on Monday. In Kharkiv, a "
            "Russian missile hit an apartment block, killing two people.")
    ids, _ = targets(analyser, text, "hit")
    assert ids == {"civilians-ukraine"}
    text = ("Gunmen attacked a village near Karak in Jordan on Sunday. A tourist from Canada said the gunmen "
            "killed two villagers.")
    ids, _ = targets(analyser, text, "killed")
    assert "civilians-jordan" in ids
    found = analyser.analyse(Article(id="t", text=text.replace("Canada", "New Zealand")))
    killed, = [e for e in found.events if e.trigger.text == "killed"]
    assert ("initiator", "unidentified-armed-group-jordan") in killed.actor_roles  # a name of two words, too


@pytest.mark.parametrize("text, initiator", [
    ("Militants fired rockets from Gaza at Israel on Friday.", "unidentified-armed-group-palestine"),
    ("Rockets were fired by militants from Gaza at the Israeli town of Sderot on Friday.",
     "unidentified-armed-group-palestine"),
    ("Troops fired artillery from Russia at Kharkiv overnight, Ukrainian officials said.", "military-forces-russia"),
])
def test_an_unnamed_doer_belongs_to_the_country_it_acts_from(analyser, text: str, initiator: str) -> None:
    """Not to the country its fire lands in, nor to the article's: ACLED codes rockets fired from Gaza by
    "Unidentified Armed Group (Palestine)"."""
    [fired] = [e for e in analyser.analyse(Article(id="t", text=text)).events if e.trigger.text == "fired"]
    assert [a for r, a in fired.actor_roles if r == "initiator"] == [initiator]


def test_what_a_blast_destroyed_is_its_target(analyser) -> None:
    """The trigger is the agent of a passive verb of damage, or the subject of an active one."""
    ids, kinds = targets(analyser, "A primary school in Jalalabad was destroyed by an explosion on Tuesday.",
                         "explosion")
    assert {kinds.get(a) for a in ids} == {"educational"}
    ids, kinds = targets(analyser, "On Friday the blast damaged the windows of a mosque in Quetta.", "blast")
    assert {kinds.get(a) for a in ids} == {"religious"}


def test_a_named_facility_that_is_attacked_is_a_typed_target(analyser) -> None:
    found = analyser.analyse(Article(id="t", text="Militants attacked Camp Bastion in Helmand Province overnight."))
    event, = [e for e in found.events if e.trigger.text == "attacked"]
    targets_ = [a for r, a in event.actor_roles if r == "target"]
    assert targets_ == ["military-forces-afghanistan"]
    assert [m.mention.text for m in found.actor_mentions if m.actor_id == targets_[0]] == ["Camp Bastion"]


def test_a_bomb_is_aimed_at_the_site_it_goes_off_at(analyser) -> None:
    ids, kinds = targets(analyser, "A car bomb exploded outside a police station in Mosul.", "exploded")
    assert {kinds.get(a) for a in ids} == {"police"}


def test_target_types_are_exported_and_shown(tmp_path) -> None:
    """The export gives each event its GTD target types, the CSV a column, the panel and popup a mark."""
    store = Store.open(str(tmp_path / "t.sqlite"))
    a = analysis()
    shop = Actor(id="businesses-israel", name="Businesses (Israel)", kind="business")
    event = replace(a.events[0], actor_roles=a.events[0].actor_roles + (("target", shop.id),))
    store.write(replace(a, actors=a.actors + (shop,), events=(event,)))
    data = store.export()
    record, = data["events"]
    assert record["target_types"] == ["Business"]  # the state Israel has no GTD type of its own here
    assert "target_types" in to_csv(data).splitlines()[0] and to_csv(data).splitlines()[1].endswith(",Business")
    place = {"id": "gn:1", "name": "Haifa", "top_events": [record]}
    assert "target: Business" in panel.popup_parts(place, {record["id"]: record}, {}, {})["t"][0]
    assert "target: Business" in html.unescape(panel.event_entry_html(record, "gn:1", {}, "s"))


def test_only_attacks_have_target_types_and_attacks_are_the_violence_family() -> None:
    violent = {k.type for k in DEFAULT_TAXONOMY.triggers.values() if k.family == "violence"}
    assert ATTACK_TYPES == violent | {CIVILIANS}  # refined from Battles when the target is civilians
    assert target_types("Meeting/Consultation", ["armed_group"]) == []
    assert target_types("Battles", ["armed_group", "business"]) == ["Terrorists/Non-State Militia", "Business"]


def test_what_a_trigger_is_said_to_be_tells_its_target(analyser) -> None:
    """"The bombing was an attack on a market": the predicate noun's "on/at" phrase is the bombing's target."""
    ids, kinds = targets(analyser, "The Kirkuk bombing was an attack on a crowded market.", "bombing")
    assert {kinds.get(a) for a in ids} == {"civilians"}


def test_it_as_the_attacked_object_is_the_object_named_before(analyser) -> None:
    """"Shot it down": "it" is the helicopter of the sentence before, not left untyped."""
    text = "Near Kunduz, soldiers spotted a helicopter over the valley. Moments later they shot it down."
    ids, kinds = targets(analyser, text, "shot")
    assert {kinds.get(a) for a in ids} == {"military"}
    # a town named nearer to "it" is what "it" means: no site is taken from further back
    text = "Gunmen were seen near the school on Monday. Later they reached Kunduz and attacked it."
    ids, kinds = targets(analyser, text, "attacked")
    assert "educational-institutions-afghanistan" not in ids


def test_the_building_is_the_site_named_before(analyser) -> None:
    """"The entrance to the building": the building is the hotel two sentences before, the bomb was placed there;
    a body of people ("the police force") or a vehicle is never what "the building" refers to."""
    text = ("The Palace hotel stands near the harbour in Mombasa. It was often visited by the police force. "
            "A bomb was planted at the entrance to the building and exploded at noon.")
    ids, kinds = targets(analyser, text, "exploded")
    assert {kinds.get(a) for a in ids} == {"business"}


def test_one_attack_told_twice_has_the_targets_of_both_sentences(analyser) -> None:
    """"A blast wounded four people ... The explosion targeted a hotel": one attack, on people and on a hotel, so
    both mentions are one occurrence and each has both targets; "targeted" says what the explosion was aimed at."""
    text = ("A powerful blast wounded four people in Lille on Saturday evening. "
            "The explosion targeted a hotel near the main square.")
    grouped = replace(analyser, grouping=EventGrouper())
    found = grouped.analyse(Article(id="t", text=text, published=dt.date(2024, 5, 2)))
    kinds = {a.id: a.kind for a in found.actors}
    blast, explosion = [e for e in found.events if e.trigger.text in ("blast", "explosion")]
    assert blast.occurrence == explosion.occurrence
    for event in (blast, explosion):
        assert {kinds.get(a) for r, a in event.actor_roles if r == "target"} == {"civilians", "business"}
