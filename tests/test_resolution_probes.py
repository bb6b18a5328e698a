"""Resolution on sentences written for newsmap from general knowledge (``tests/data/resolution_probes.json``), and
the rules that the probes' error categories led to: a common word that GeoNames keeps as another language's name,
dotted initials against an abbreviation cut short, and a town written with a container it has no reading in."""
from __future__ import annotations

import json
from pathlib import Path

from geo.places.initials import name_initials, written_as_initials
from geo.places.qualifiers import containers
from geo.places.resolution import Resolver
from geo.records import Mention

from .conftest import km, place_mentions

PROBES = Path(__file__).parent / "data" / "resolution_probes.json"
PROBE_FLOOR = 215  # of 220 places: the accuracy of the rules below; fewer is a regression


def test_the_probe_sentences_resolve_no_worse_than_before(gazetteer):
    resolver = Resolver(gazetteer)
    right, wrong = 0, []
    for probe in json.loads(PROBES.read_text(encoding="utf-8"))["probes"]:
        expected = {p["name"]: p for p in probe["places"]}
        for answer in resolver.resolve(probe["text"], place_mentions(probe["text"], *expected)):
            want = expected[answer.mention.text]
            if answer.place is not None and km(answer.place, want["lat"], want["lon"]) < want["km"]:
                right += 1
            else:
                wrong.append((answer.mention.text, answer.place and answer.place.name, probe["text"]))
    assert right >= PROBE_FLOOR, wrong


def test_a_word_for_a_kind_of_place_is_no_other_languages_name(gazetteer):
    """GeoNames keeps Iceland's Icelandic name "Ísland" as an alternate name: the partial span "Island" of "Tin Can
    Island" is not Iceland, Island County or a town once called Island."""
    text = "The ship docked at Tin Can Island port in Lagos after a week at sea."
    island, lagos = Resolver(gazetteer).resolve(text, place_mentions(text, "Island", "Lagos"))
    assert island.place is None or island.place.country_code == "NG", island.place
    assert lagos.place.country_code == "NG"
    text = "Voters in Iceland went to the polls."
    [iceland] = Resolver(gazetteer).resolve(text, place_mentions(text, "Iceland"))
    assert iceland.place.id == "country:IS"


def test_dotted_initials_are_not_an_abbreviation_cut_short(gazetteer):
    """"L.A." is Los Angeles, not "La." (Louisiana): names are stored without their dots, the writing tells them
    apart; abbreviations written as initials ("N.Y.", "D.C.") and cut short ("La.") keep their readings."""
    resolver = Resolver(gazetteer)
    for text, name, (lat, lon) in [("He flew from L.A. to Chicago on Monday.", "L.A.", (34.05, -118.24)),
                                   ("Traffic in L.A. was at a standstill.", "L.A.", (34.05, -118.24)),
                                   ("The Saints fans partied in New Orleans, La., all night.", "La.", (31.0, -92.0)),
                                   ("Cases were reported in N.Y. hospitals.", "N.Y.", (42.9, -75.5)),
                                   ("The senator returned to D.C. after a week in Iowa.", "D.C.", (38.9, -77.04))]:
        answers = resolver.resolve(text, place_mentions(text, name))
        assert answers[0].place is not None and km(answers[0].place, lat, lon) < 400, (name, answers[0].place)
    assert written_as_initials("L.A.") and not written_as_initials("La.") and not written_as_initials("LA")
    assert name_initials("Los Angeles") == "la" and name_initials("Rio de Janeiro") == "rj"
    assert name_initials("Paris") == ""


def test_a_qualifier_followed_by_and_then_no_name_is_sure(gazetteer):
    """"Bethel, Delaware and in Paris": the "and" goes on with no name, so Delaware surely contains Bethel;
    "Dover, Smyrna and Milford" still reads as a list that may go on."""
    text = "The company has offices in Bethel, Delaware and in Paris."
    [bethel, *_] = containers(text, place_mentions(text, "Bethel", "Delaware", "Paris"), gazetteer.candidates)
    assert bethel.sure and len(bethel.ids) == 1
    text = "Police in Dover, Smyrna and Milford said roads were closed."
    [dover, *_] = containers(text, place_mentions(text, "Dover", "Smyrna", "Milford"), gazetteer.candidates)
    assert not dover.sure


def test_a_town_without_a_reading_in_its_container_lends_its_namesakes_nothing(gazetteer):
    """Carlisle, Delaware is no town of the gazetteer (no GeoNames town of 500, no post office): it is answered in
    Delaware, and its namesake in Kentucky no longer reads as a neighbour of Paris, Kentucky."""
    text = "The company has offices in Carlisle, Delaware and in Paris."
    carlisle, delaware, paris = Resolver(gazetteer).resolve(text, place_mentions(text, "Carlisle", "Delaware", "Paris"))
    assert carlisle.place.kind == "local" and km(carlisle.place, 39.0, -75.5) < 100, carlisle.place
    assert delaware.place.kind == "admin1"
    assert paris.score < 0.5  # a US Paris still leads on the one US state, but no longer surely


def test_a_post_town_is_a_town_of_its_state(gazetteer):
    """Villages too small for cities500 come from the US post offices (geo.places.post_towns): "Bethel, Delaware"
    is the Sussex County town, not a point made up inside Delaware; a post town named by a word for a kind of
    place is none ("Island" of "Tin Can Island" is not Island, Kentucky)."""
    text = "The company has offices in Bethel, Delaware and in Paris."
    bethel, _, _ = Resolver(gazetteer).resolve(text, place_mentions(text, "Bethel", "Delaware", "Paris"))
    assert bethel.place.id == "zip:DE:bethel" and km(bethel.place, 38.57, -75.62) < 10, bethel.place
    text = "Storm damage closed roads near Meadow Grove, Nebraska on Tuesday."
    [grove, _] = Resolver(gazetteer).resolve(text, place_mentions(text, "Meadow Grove", "Nebraska"))
    assert grove.place is not None and km(grove.place, 42.03, -97.74) < 10, grove.place


def test_a_state_smaller_than_a_city_of_its_name_is_not_the_more_prominent_reading(gazetteer):
    """"Santiago" alone is Chile's capital, not the Dominican province; "Portland" is Oregon's city, not Jamaica's
    parish; a state as populous as its namesake cities keeps its prior ("Quebec", "Victoria"), and context in the
    small state still wins it back."""
    resolver = Resolver(gazetteer)
    for text, name, (lat, lon) in [("The rally in Santiago drew a million people.", "Santiago", (-33.45, -70.67)),
                                   ("Protesters marched in Portland on Saturday night.", "Portland", (45.52, -122.68)),
                                   ("Quebec voters rejected independence.", "Quebec", (52.0, -72.0)),
                                   ("Bushfires spread across Victoria.", "Victoria", (-37.0, 144.0))]:
        [answer] = resolver.resolve(text, place_mentions(text, name))
        assert answer.place is not None and km(answer.place, lat, lon) < 600, (name, answer.place)
    text = "Santiago and Puerto Plata reported flooding, and the Dominican Republic declared an emergency."
    santiago = resolver.resolve(text, place_mentions(text, "Santiago", "Puerto Plata", "Dominican Republic"))[0]
    assert santiago.place.country_code == "DO"


def test_a_name_without_its_generic_word_is_matched_as_the_name(gazetteer):
    """GeoNames names the London town "Enfield Town" and Jordan's "Karak City", with "Enfield" and "Karak" as
    alternate names: news writes them so, and they are read as the names themselves (London's Edmonton is then
    Enfield's neighbour). A country's or state's own name keeps it ("New York", "Kuwait")."""
    resolver = Resolver(gazetteer)
    text = "Police in Edmonton said the man from Enfield was arrested."
    edmonton, enfield = resolver.resolve(text, place_mentions(text, "Edmonton", "Enfield"))
    assert (edmonton.place.country_code, enfield.place.country_code) == ("GB", "GB")
    text = "Protesters gathered in Karak, south of Amman."
    karak = resolver.resolve(text, place_mentions(text, "Karak", "Amman"))[0]
    assert karak.place.country_code == "JO" and km(karak.place, 31.18, 35.7) < 50
    for text, name, kind in [("New York passed the law.", "New York", "admin1"), ("Kuwait said no.", "Kuwait", "country")]:
        [answer] = resolver.resolve(text, place_mentions(text, name))
        assert answer.place.kind == kind, answer.place


def test_a_postal_symbol_after_a_town_is_the_state_the_town_lies_in(gazetteer):
    """"Boise, ID" is Idaho even in a story that names Jakarta ("ID" is also Indonesia's ISO code, and Idlib's);
    a symbol the town has no reading in leaves the country it does lie in ("Munich, DE": Germany, not Delaware)."""
    resolver = Resolver(gazetteer)
    text = "Wildfire crews flew from Boise, ID to Jakarta on Monday."
    boise, idaho, jakarta = resolver.resolve(text, place_mentions(text, "Boise", "ID", "Jakarta"))
    assert (idaho.place.kind, idaho.place.country_code) == ("admin1", "US"), idaho.place
    assert boise.place.country_code == "US" and jakarta.place.country_code == "ID"
    text = "The engineers flew from Munich, DE to Lagos."
    munich, germany, _ = resolver.resolve(text, place_mentions(text, "Munich", "DE", "Lagos"))
    assert germany.place.id == "country:DE" and munich.place.country_code == "DE"
    [qualified, *_] = containers(text, place_mentions(text, "Munich", "DE", "Lagos"), gazetteer.candidates)
    assert qualified.ids == frozenset({"cc:DE"})


def test_two_names_are_two_places_and_great_cities_near_each_other_support_each_other(gazetteer):
    """GeoNames keeps "Mecca" and "Medina" as alternate names of Makkah and Madinah, and also of Medina, Ohio:
    the two names are not one town twice, and two great cities 340 km apart are the pair meant."""
    text = "Pilgrims travelled between Mecca and Medina before the hajj."
    mecca, medina = Resolver(gazetteer).resolve(text, place_mentions(text, "Mecca", "Medina"))
    assert km(mecca.place, 21.42, 39.83) < 50, mecca.place
    assert km(medina.place, 24.47, 39.61) < 50, medina.place
    text = "Flooding closed roads around Medina and Akron, Ohio."
    medina = Resolver(gazetteer).resolve(text, place_mentions(text, "Medina", "Akron", "Ohio"))[0]
    assert medina.place.country_code == "US", medina.place


def test_an_ocean_named_without_its_word_is_the_ocean(gazetteer):
    """News writes "the Atlantic" for the Atlantic Ocean, whose short name GeoNames keeps as an alternate name:
    it is matched as the name itself, so a state named in the story (Atlantic, Virginia, is a village) no longer
    outweighs it."""
    resolver = Resolver(gazetteer)
    for text, names in [("Whales were seen in the Atlantic off Virginia and the Carolinas.",
                         ("Atlantic", "Virginia", "Carolinas")),
                        ("Game officials in Alaska and Virginia test geese that fly along the Atlantic and Pacific "
                         "routes.", ("Alaska", "Virginia", "Atlantic", "Pacific"))]:
        answers = {a.mention.text: a.place for a in resolver.resolve(text, place_mentions(text, *names))}
        assert answers["Atlantic"].kind == "water", answers["Atlantic"]


def test_a_direction_in_lower_case_is_a_part_of_the_place_not_a_town_named_with_it(gazetteer):
    """English capitalises a proper name whole: "east London" is the east of London, not East London in South
    Africa, which keeps its own name when written so."""
    resolver = Resolver(gazetteer)
    text = "A stabbing in east London left one man dead, the Metropolitan Police said."
    [east] = resolver.resolve(text, place_mentions(text, "east London"))
    assert east.place.country_code == "GB" and km(east.place, 51.5, -0.1) < 60, east.place
    text = "The Springboks beat Wales in East London, South Africa, on Saturday."
    _, city, _ = resolver.resolve(text, place_mentions(text, "Wales", "East London", "South Africa"))
    assert city.place.country_code == "ZA" and city.place.kind == "city", city.place


def test_a_post_town_does_not_take_the_name_of_a_well_known_city_written_alone(gazetteer):
    """"Denver" beside Indiana and "Oakland" beside Texas are the great cities, not the states' post offices of
    those names: news names a post office's village with its state ("Denver, Ind."), which still reads it, or
    among its neighbours."""
    resolver = Resolver(gazetteer)
    text = "The Denver-based chain opened a store in Evansville, and Indiana officials welcomed it."
    denver, _, _ = resolver.resolve(text, place_mentions(text, "Denver", "Evansville", "Indiana"))
    assert km(denver.place, 39.74, -104.98) < 50, denver.place
    text = "Fans flew in from Oakland for the rodeo in Bryan, Texas."
    oakland, _, _ = resolver.resolve(text, place_mentions(text, "Oakland", "Bryan", "Texas"))
    assert km(oakland.place, 37.80, -122.27) < 50, oakland.place
    text = "He grew up in Denver, Ind., a village north of Peru."
    denver, _, _ = resolver.resolve(text, place_mentions(text, "Denver", "Ind.", "Peru"))
    assert km(denver.place, 40.87, -86.08) < 20, denver.place


def test_a_direction_sharing_the_name_after_the_next_is_read_as_its_whole_name(gazetteer):
    """"North" of "North and South Korea" is North Korea, "Central" of "Central and South America" Central America
    (not a state called "Central"), "North" of "North and South Dakota" the state."""
    resolver = Resolver(gazetteer)
    for text, (lat, lon) in [("Talks between North and South Korea resumed.", (40.0, 127.0)),
                             ("Frogs of Central and South America are at risk.", (13.0, -86.0)),
                             ("Farmers in North and South Dakota lost crops.", (47.5, -100.4))]:
        start = text.index("North") if "North" in text else text.index("Central")
        word = text[start:].split()[0]
        [answer] = resolver.resolve(text, [Mention(start, start + len(word), word, "place")])
        assert km(answer.place, lat, lon) < 300, (text, answer.place)


def test_a_country_named_like_a_state_is_the_state_among_that_countrys_states(gazetteer):
    """"Georgia" in an article that names Alabama and Iowa is the US state even beside other countries; beside
    Russia and one US state it stays the country."""
    resolver = Resolver(gazetteer)
    text = ("Sweden and Canada banned the imports. Officials in Alabama reported two cases, labs in Iowa tested the "
            "samples and a lab in Georgia confirmed them.")
    found = resolver.resolve(text, place_mentions(text, "Sweden", "Canada", "Alabama", "Iowa", "Georgia"))
    assert found[-1].place.kind == "admin1" and found[-1].place.country_code == "US", found[-1].place
    text = "Georgia and Russia fought a war in 2008, a professor in Texas said."
    georgia, _, _ = resolver.resolve(text, place_mentions(text, "Georgia", "Russia", "Texas"))
    assert georgia.place.kind == "country" and georgia.place.country_code == "GE", georgia.place
