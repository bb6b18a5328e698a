"""geo.places.localities: named facilities and streets placed at their parent place, and "the city" references."""
from __future__ import annotations

import pytest

from geo.places.localities import FACILITY, LOCAL, LocalityStage
from geo.records import PlaceMention


@pytest.fixture(scope="module")
def local(geoparser):
    def run(text: str) -> tuple[PlaceMention, ...]:
        doc = geoparser.nlp(text)
        return LocalityStage().places(doc, geoparser.places(doc))
    return run


def by_text(found: tuple[PlaceMention, ...]) -> dict[str, PlaceMention]:
    return {pm.mention.text: pm for pm in found if pm.place is not None}


def test_facility_and_street_sit_at_the_city_named_with_them(local) -> None:
    found = by_text(local("A car bomb exploded at the Al-Nour cafe in Calle Mayor, Madrid, on Monday."))
    madrid = found["Madrid"].place
    cafe, street = found["Al-Nour cafe"], found["Calle Mayor"]
    assert cafe.place.kind == FACILITY and street.place.kind == LOCAL
    assert street.place.id == f"local:{madrid.id}:calle-mayor"
    assert street.place.name == f"Calle Mayor, {madrid.name}"
    assert (cafe.place.lat, cafe.place.lon) == (madrid.lat, madrid.lon)
    assert cafe.score < found["Madrid"].score


def test_parent_from_in_phrase_and_ids_stable_across_articles(local) -> None:
    first = by_text(local("Militants stormed Camp Bastion in Helmand Province at dawn."))
    second = by_text(local("The army said the assault on Camp Bastion in Helmand Province had failed."))
    assert first["Camp Bastion"].place.id == second["Camp Bastion"].place.id
    assert first["Camp Bastion"].place.id.startswith(f"local:{first['Helmand Province'].place.id}:")


def test_street_without_a_place_in_its_sentence_goes_to_the_articles_main_place(local) -> None:
    found = by_text(local("Several bombs exploded in Belfast on Monday. Belfast was tense. "
                          "The largest blast was at the crowded Great Victoria Street bus station."))
    station = found["Great Victoria Street bus station"]
    assert station.place.kind == FACILITY
    assert station.place.id == f"local:{found['Belfast'].place.id}:great-victoria-street-bus-station"


def test_a_border_crossing_is_a_facility(local) -> None:
    """"the Kerem Shalom crossing", "the Rafah crossing": where aid enters and attacks happen; its name is no actor
    and no place of its own in the gazetteer."""
    for text, name in [("Aid trucks entered Gaza through the Rafah crossing on Sunday.", "Rafah crossing"),
                       ("Aid convoys from Chad were blocked at the Adre crossing last month.", "Adre crossing")]:
        crossing = by_text(local(text))[name]
        assert crossing.place.kind == FACILITY and crossing.place.name.startswith(f"{name}, "), crossing


def test_a_street_named_after_the_story_moved_sits_in_the_city_of_the_sentence_before(local) -> None:
    """The article names Paris most, but the sentence before the street puts the story in Lyon."""
    found = by_text(local("The 2015 attacks in Paris killed 130 people. Paris has been on alert since. Police in Lyon "
                          "were searching for a man on Friday. The explosion targeted a bakery on Rue Victor Hugo."))
    street = found["Rue Victor Hugo"]
    assert street.place.id == f"local:{found['Lyon'].place.id}:rue-victor-hugo", street.place


def test_generic_and_demonym_phrases_are_no_names(local) -> None:
    found = by_text(local("Clashes erupted in the Protestant districts of Belfast and near a railway station."))
    assert not [pm for pm in found.values() if pm.place.kind in (FACILITY, LOCAL)]


def test_no_parent_no_locality(local) -> None:
    assert not [pm for pm in local("The blast damaged a shop on Rue de la Paix.") if pm.place]


def test_the_city_refers_to_the_most_mentioned_city(local) -> None:
    text = ("Rockets hit Mosul and Kirkuk. Mosul was under curfew. The shelling of the city went on all night. "
            "Police in the city of Kirkuk were calm.")
    found = [pm for pm in local(text) if pm.mention.label == "anaphor"]
    assert [(pm.mention.text, pm.place.name) for pm in found] == [("city", "Mosul")]  # not "the city of Kirkuk"


def test_a_facility_named_after_a_place_sits_in_the_town_it_is_said_to_be_in(local) -> None:
    """"Washington University in St. Louis": the university is in St. Louis, and its name is no mention of
    Washington; without the town it sits at its namesake, and a country named with it says less than the namesake."""
    found = by_text(local("Researchers at Washington University in St. Louis published the survey on Tuesday."))
    st_louis = found["St. Louis"].place
    assert found["Washington University"].place.id == f"local:{st_louis.id}:washington-university"
    assert "Washington" not in found
    bare = by_text(local("Researchers at Washington University published the survey on Tuesday."))
    assert bare["Washington University"].place.id == f"local:{bare['Washington'].place.id}:washington-university"
    base = by_text(local("Rockets hit Kandahar Air Base in Afghanistan overnight."))
    assert base["Kandahar Air Base"].place.id.startswith(f"local:{base['Kandahar'].place.id}:")
    suburb = by_text(local("Police stood outside Didsbury mosque in Manchester on Wednesday."))
    assert suburb["Didsbury mosque"].place.id.startswith(f"local:{suburb['Didsbury'].place.id}:")


def test_a_facility_named_by_a_country_is_where_it_stands_not_in_its_owner(local) -> None:
    """"A US base in Syria" belongs to the United States and stands in Syria: the map puts it in Syria, and the
    United States stays a mention of its own (its owner, as a demonym would be)."""
    found = by_text(local("Iranian-backed militants attacked a US base in Syria on Sunday."))
    syria, base = found["Syria"].place, found["US base"].place
    assert (base.lat, base.lon) == (syria.lat, syria.lon) and base.country_code == syria.country_code
    assert found["US"].place.kind == "country" and found["US"].place.country_code == "US"
    found = by_text(local("Thousands of protesters in Baghdad gathered outside the US embassy."))
    assert found["US embassy"].place.id.startswith(f"local:{found['Baghdad'].place.id}:")


def test_a_french_street_or_square_with_de_la_is_named_whole(local) -> None:
    found = by_text(local("A bakery on Rue de la Paix in Paris was hit, and crowds gathered in the Place de la "
                          "Concorde."))
    paris = found["Paris"].place
    assert found["Rue de la Paix"].place.id == f"local:{paris.id}:rue-de-la-paix"
    assert found["Place de la Concorde"].place.kind == LOCAL


def test_a_title_cased_phrase_with_a_pronoun_is_no_square(local) -> None:
    found = by_text(local('The choir, based in Vienna, sang "A Song for the Place of Our Childhood" on Monday.'))
    assert not any(pm.place.kind in (LOCAL, FACILITY) for pm in found.values()), found
