from __future__ import annotations

from shapely.geometry import Point, shape
import json
import re

from geo.records import Mention
from geo.places.derived import directional_place
from geo.places.resolution import Resolver

from .conftest import km, place_mentions, seed_text

SEED_PLACES = {  # name: (lat, lon, km allowed)
    "Iran": (32.0, 53.0, 400), "Israel": (31.5, 34.9, 150), "Middle East": (29.0, 42.0, 1000),
    "Syria": (35.0, 38.0, 250), "Iraq": (33.0, 44.0, 250), "Lebanon": (33.9, 35.8, 80), "Gaza": (31.45, 34.4, 40),
    "Beirut": (33.89, 35.5, 20), "southern Lebanon": (33.3, 35.4, 60), "Jerusalem": (31.77, 35.21, 20),
    "Tehran": (35.69, 51.39, 30), "northern Israel": (32.9, 35.3, 80), "Lebanon-Israel border": (33.1, 35.4, 50),
}


def test_seed_places_resolve_near_the_real_location(geoparser):
    text = seed_text("000_ecd422d195e114d5.txt") + "\n" + seed_text("002_2374255aed66fc84.txt")
    resolved = {pm.mention.text: pm for pm in geoparser.parse(text)}
    for name, (lat, lon, limit) in SEED_PLACES.items():
        assert name in resolved, name
        place = resolved[name].place
        assert place is not None and km(place, lat, lon) < limit, (name, place)
        assert 0.0 <= resolved[name].score <= 1.0
    assert resolved["Jerusalem"].place.country_code == "IL"
    assert resolved["Israeli"].place.id == "country:IL" and resolved["Israeli"].mention.label == "demonym"


def test_unknown_name_is_an_explicit_no_match(gazetteer):
    [pm] = Resolver(gazetteer).resolve("Zqxwvbnmy said.", [Mention(0, 9, "Zqxwvbnmy", "place")])
    assert pm.place is None and pm.score == 0.0


def test_context_picks_the_country_of_the_article(gazetteer):
    text = "Police in Paris, Texas, said Dallas and Houston were calm. Paris was quiet."
    mentions = [Mention(10, 15, "Paris", "place"), Mention(17, 22, "Texas", "place"),
                Mention(29, 35, "Dallas", "place"), Mention(40, 47, "Houston", "place"),
                Mention(59, 64, "Paris", "place")]
    answers = Resolver(gazetteer).resolve(text, mentions)
    assert answers[0].place.country_code == "US" and answers[4].place == answers[0].place
    lone = Resolver(gazetteer).resolve("Paris was quiet.", [Mention(0, 5, "Paris", "place")])[0]
    assert lone.place.country_code == "FR"


def test_a_country_the_article_names_again_and_again_moves_a_capitals_namesake(gazetteer):
    text = ("Families in London held a vigil for Aleppo and thanked Canada for taking in refugees from Syria. "
            "Canada has welcomed many.")
    answers = Resolver(gazetteer).resolve(text, place_mentions(text, "London", "Aleppo", "Canada", "Syria"))
    assert [pm.place.country_code for pm in answers] == ["CA", "SY", "CA", "SY", "CA"]
    # named once, a country is a passing word: the capital stays the capital
    once = "Officials of the United States and Mexico met in Paris to talk about trade."
    answers = Resolver(gazetteer).resolve(once, place_mentions(once, "United States", "Mexico", "Paris"))
    assert answers[-1].place.country_code == "FR"


def test_a_town_settled_on_a_reading_that_moved_is_read_again(gazetteer):
    # "Georgia" first reads as the country, so "Texas" alone places the towns in Texas; once "Georgia" is
    # read as the state, the towns settled on that first context are read again.
    for text, town, (lat, lon) in [
            ("Food banks across Georgia asked for help. A charity in Atlanta runs the helpline, and Georgia "
             "lawmakers will vote on its budget. Texas pays for a similar line.", "Atlanta", (33.75, -84.39)),
            ("Georgia farmers lost their peanut crop. Growers near Albany said Texas buyers came early.",
             "Albany", (31.58, -84.16))]:
        answers = Resolver(gazetteer).resolve(text, place_mentions(text, "Georgia", town, "Texas"))
        [found] = {pm.place for pm in answers if pm.mention.text == town}
        assert km(found, lat, lon) < 30, (town, found)


def test_directional_region_is_inside_the_parent_and_off_its_centroid(gazetteer):
    lebanon = gazetteer.country("LB")
    south = directional_place(lebanon, "south")
    polygon = shape(json.loads(lebanon.geometry))
    assert polygon.buffer(0.01).contains(Point(south.lon, south.lat))
    assert south.id == "dir:south:LB" and south.lat < polygon.centroid.y
    assert km(south, polygon.centroid.y, polygon.centroid.x) > 20


def test_scores_are_calibrated_probabilities(gazetteer):
    [sure] = Resolver(gazetteer).resolve("Tehran", [Mention(0, 6, "Tehran", "place")])
    [unsure] = Resolver(gazetteer).resolve("Springfield", [Mention(0, 11, "Springfield", "place")])
    assert 0.0 <= unsure.score < sure.score <= 1.0


def test_a_name_does_not_vote_for_its_own_country(gazetteer):
    """ "Georgia" is the country by prior; in an article about Atlanta and Macon the other names
    must decide, not Georgia's own first answer."""
    text = "Georgia officials met in Atlanta and Macon."
    mentions = [Mention(0, 7, "Georgia", "place"), Mention(24, 31, "Atlanta", "place"),
                Mention(36, 41, "Macon", "place")]
    georgia = Resolver(gazetteer).resolve(text, mentions)[0]
    assert georgia.place.country_code == "US" and georgia.place.kind == "admin1"
    alone = Resolver(gazetteer).resolve("Georgia voted.", [Mention(0, 7, "Georgia", "place")])[0]
    assert alone.place.id == "country:GE"


def test_a_territory_named_after_its_city_is_preferred(gazetteer):
    [gaza] = Resolver(gazetteer).resolve("Strikes hit Gaza.", [Mention(12, 16, "Gaza", "place")])
    assert gaza.place.id == "region:gaza-strip"


def test_directional_places_read_naturally(gazetteer):
    assert directional_place(gazetteer.country("IL"), "north").name == "northern Israel"
    assert directional_place(gazetteer.country("LB"), "central").name == "central Lebanon"


def test_dotted_abbreviations_are_not_iso_codes(gazetteer):
    text = "Columbia, S.C., and Victoria, B.C., and Evansville, Ind."
    mentions = [Mention(10, 14, "S.C.", "place"), Mention(30, 34, "B.C.", "place"), Mention(52, 56, "Ind.", "place")]
    sc, bc, ind = (pm.place for pm in Resolver(gazetteer).resolve(text, mentions))
    assert (sc.name, sc.country_code) == ("South Carolina", "US")
    assert (bc.name, bc.country_code) == ("British Columbia", "CA")
    assert (ind.name, ind.country_code) == ("Indiana", "US")


def test_a_city_beats_the_subdivision_named_after_it(gazetteer):
    """"Edmonton": the city, not the census division around it; "Washington" alone: the capital,
    not the state; the country "Mexico" is unaffected."""
    resolver = Resolver(gazetteer)
    [edmonton] = resolver.resolve("Edmonton", [Mention(0, 8, "Edmonton", "place")])
    assert edmonton.place.kind == "city" and km(edmonton.place, 53.55, -113.47) < 20
    [washington] = resolver.resolve("Washington", [Mention(0, 10, "Washington", "place")])
    assert washington.place.kind == "city" and km(washington.place, 38.9, -77.04) < 20
    [mexico] = resolver.resolve("Mexico", [Mention(0, 6, "Mexico", "place")])
    assert mexico.place.kind == "country"


def test_context_in_the_state_still_wins_it_back(gazetteer):
    text = "Washington, Seattle, Spokane and Tacoma."
    mentions = [Mention(0, 10, "Washington", "place"), Mention(12, 19, "Seattle", "place"),
                Mention(21, 28, "Spokane", "place"), Mention(33, 39, "Tacoma", "place")]
    washington = Resolver(gazetteer).resolve(text, mentions)[0]
    assert washington.place.kind == "admin1" and washington.place.name == "Washington"


def test_names_read_as_neighbours_pick_each_other(gazetteer):
    """Local news: "Richmond" and "Madison County" can be read as neighbours only in Kentucky
    (Richmond is Madison County's seat); one by one they would be Virginia's capital and the
    largest Madison County (Alabama). Alone, Richmond is still Virginia's."""
    text = "Richmond police and Madison County deputies met."
    mentions = [Mention(0, 8, "Richmond", "place"), Mention(20, 34, "Madison County", "place")]
    richmond, county = Resolver(gazetteer).resolve(text, mentions)
    assert km(richmond.place, 37.75, -84.29) < 20 and km(county.place, 37.72, -84.28) < 50
    [lone] = Resolver(gazetteer).resolve("Richmond police", [Mention(0, 8, "Richmond", "place")])
    assert km(lone.place, 37.55, -77.46) < 20


def test_state_names_get_no_neighbour_support(gazetteer):
    text = "New York, Albany and Buffalo."
    mentions = [Mention(0, 8, "New York", "place"), Mention(10, 16, "Albany", "place"),
                Mention(21, 28, "Buffalo", "place")]
    assert Resolver(gazetteer).resolve(text, mentions)[0].place.kind == "admin1"


def test_a_capitalised_direction_before_a_known_place_is_that_part_of_it(gazetteer):
    resolver = Resolver(gazetteer)
    text = "Storms crossed North Texas. Crews drove to Charleston, W. Va."
    mentions = [Mention(15, 26, "North Texas", "place"), Mention(55, 61, "W. Va.", "place")]
    texas, west_virginia = resolver.resolve(text, mentions)
    assert texas.place.id.startswith("dir:north:") and texas.mention.label == "directional"
    assert west_virginia.place is not None and west_virginia.place.kind == "admin1"
    assert km(west_virginia.place, 38.6, -80.6) < 200


def test_a_capital_known_by_another_name_long_ago_is_no_capital_by_that_name(gazetteer):
    """GeoNames keeps "Philadelphia" (Amman's Hellenistic name) among Amman's alternate names; the capital's bonus
    belongs to the name a capital goes by, so Philadelphia is the city in Pennsylvania, and "New Delhi" the
    capital district itself, not the city of Delhi around it."""
    text = "Thousands of people marched in Philadelphia and in New Delhi on Thursday."
    found = _resolve(gazetteer, text, ["Philadelphia", "New Delhi"])
    assert found["Philadelphia"].country_code == "US" and km(found["Philadelphia"], 39.95, -75.16) < 20
    assert found["New Delhi"].name == "New Delhi"


def test_a_two_letter_code_alone_in_running_text_is_no_country(gazetteer):
    """ISO codes are read only as qualifiers ("Lyon, FR"): "IS positions" is the Islamic State, not Iceland (nor
    the Russian town "Is"), "on TV" is no Tuvalu, the "UN" no town "Un"; news' own abbreviations still are places."""
    text = "Airstrikes hit IS positions, the UN said on TV, as US, UK and EU envoys met in Lyon, FR."
    found = _resolve(gazetteer, text, ["IS", "UN", "TV", "US", "UK", "EU", "FR"])
    assert found["IS"] is None and found["UN"] is None and found["TV"] is None, found
    assert (found["US"].country_code, found["UK"].country_code) == ("US", "GB")
    assert found["EU"].name == "European Union" and found["FR"].country_code == "FR"


def _resolve(gazetteer, text: str, names: list[str]) -> dict:
    """Resolve the first occurrence of each name in ``text``; {name: place}."""
    mentions = [Mention(text.index(n), text.index(n) + len(n), n, "place") for n in names]
    return {pm.mention.text: pm.place for pm in Resolver(gazetteer).resolve(text, mentions)}


def test_the_word_state_says_the_state_is_meant(gazetteer):
    """Iowa context alone would pick Washington, Iowa; "Washington state" and "the state of" say otherwise."""
    for text in ("Ames, Iowa: the first cow came from a Washington state farm.",
                 "Ames, Iowa: the first cow was found in the state of Washington."):
        places = _resolve(gazetteer, text, ["Ames", "Iowa", "Washington"])
        assert places["Washington"].kind == "admin1" and places["Washington"].country_code == "US", text


def test_a_name_listed_with_states_is_a_state(gazetteer):
    text = "Cases were found in Ames, Iowa, and in Arizona, California, Georgia, Utah, Washington and Wisconsin."
    places = _resolve(gazetteer, text, ["Ames", "Iowa", "Arizona", "California", "Georgia", "Utah", "Washington",
                                        "Wisconsin"])
    assert places["Washington"].kind == "admin1" and km(places["Washington"], 47.5, -120.5) < 300
    assert places["Georgia"].kind == "admin1" and places["Georgia"].country_code == "US"
    alone = _resolve(gazetteer, "Officials in Washington said so.", ["Washington"])
    assert km(alone["Washington"], 38.9, -77.0) < 30  # DC


def test_a_near_spelling_needs_support_from_the_article(gazetteer):
    """Fuzzy matching is a last resort: "Greenlane" (an Auckland suburb) is no match rather than
    Greenland, "Kogelo" in Kenya is not Kogel in Germany; a misspelt neighbour of the article's
    other places is still found."""
    places = _resolve(gazetteer, "Flooding in Auckland reached Greenlane and Wellington.",
                      ["Auckland", "Greenlane", "Wellington"])
    assert places["Greenlane"] is None
    places = _resolve(gazetteer, "Obama's relatives in Kogelo, Kenya, near Kisumu.", ["Kogelo", "Kenya", "Kisumu"])
    assert places["Kogelo"] is None or places["Kogelo"].country_code == "KE"
    places = _resolve(gazetteer, "Cases in Réunion, the Seychelles and Mauritious.",
                      ["Réunion", "Seychelles", "Mauritious"])
    assert places["Mauritious"].id == "country:MU"


def test_a_misspelt_place_is_not_a_demonym(gazetteer):
    [pm] = Resolver(gazetteer).resolve("Flyways of the Americas.", [Mention(15, 23, "Americas", "place")])
    assert pm.place is None or pm.place.id != "country:US"


def test_oceans_and_islands_beat_towns_named_after_them(gazetteer):
    """A US story does not make "Pacific" a town in Missouri: the country context is neutral to a
    place in no one country. "Java" with Indonesian context is the island, not a village in Georgia."""
    places = _resolve(gazetteer, "Flyways over Alaska and Oregon cross the Pacific toward the United States.",
                      ["Alaska", "Oregon", "Pacific", "United States"])
    assert places["Pacific"].kind == "water" and places["Pacific"].id == "region:pacific-ocean"
    places = _resolve(gazetteer, "Bird flu spread on Java and Sumatra, Indonesia.", ["Java", "Sumatra", "Indonesia"])
    assert places["Java"].id == "feature:java" and places["Sumatra"].id == "feature:sumatra"
    places = _resolve(gazetteer, "Refugees from Zaire reached Kinshasa.", ["Zaire", "Kinshasa"])
    assert places["Zaire"].id == "country:CD"


def test_former_provinces_and_english_regions(gazetteer):
    """Kenya's provinces (abolished 2013) in a Kenyan story; an English region is not a direction
    of Zimbabwe's Midlands."""
    places = _resolve(gazetteer, "Cholera spread from Kisumu in Nyanza to the Rift Valley, Kenya.",
                      ["Kisumu", "Nyanza", "Rift Valley", "Kenya"])
    assert places["Nyanza"].id == "former:ke-nyanza" and places["Rift Valley"].country_code == "KE"
    [midlands] = Resolver(gazetteer).resolve("Birmingham, West Midlands.", [Mention(12, 25, "West Midlands", "place")])
    assert midlands.place.id == "region:west-midlands"


def test_a_town_named_like_a_state_of_its_country_gets_no_state_context(gazetteer):
    """Pennsylvania named in the story does not make "Oklahoma" Oklahoma, Pennsylvania; the
    qualifier form still does. Towns named like foreign countries (Lebanon, Pa.) keep it."""
    text = "Cases in Pittsburgh, Pennsylvania, and in Oklahoma rose."
    assert _resolve(gazetteer, text, ["Pittsburgh", "Pennsylvania", "Oklahoma"])["Oklahoma"].kind == "admin1"
    text = "Flooding hit Harrisburg, Pennsylvania, and Lebanon."
    assert _resolve(gazetteer, text, ["Harrisburg", "Pennsylvania", "Lebanon"])["Lebanon"].country_code == "US"


def test_an_ambiguous_name_still_says_its_country(gazetteer):
    # "Henry County" is one of several US counties: unresolved, but surely in the United States,
    # so "Paris" in the same local story is a US town (the one next to a Henry County), not Paris, France.
    text = "A Paris man was arrested at Paris City Hall. Henry County deputies helped."
    mentions = [Mention(2, 7, "Paris", "place"), Mention(28, 33, "Paris", "place"),
                Mention(45, 57, "Henry County", "place")]
    paris, _, county = Resolver(gazetteer).resolve(text, mentions)
    assert paris.place.country_code == "US" and county.place.country_code == "US"
    assert km(paris.place, 36.30, -88.33) < 20  # Paris, Tennessee, seat of its Henry County
    # "Dallas" is most likely the city in Texas, but even its namesakes are mostly American
    text = "Jessica Kay, 18, of Paris died Saturday in a Dallas hospital."
    mentions = [Mention(19, 24, "Paris", "place"), Mention(45, 51, "Dallas", "place")]
    paris, _ = Resolver(gazetteer).resolve(text, mentions)
    assert km(paris.place, 33.66, -95.56) < 20  # Paris, Texas


def test_names_still_open_are_read_again_with_the_settled_ones(gazetteer):
    """Pass two makes "Paris" Paris, Tennessee (the other name is American); pass three then reads
    "Henry County", still open among nine US counties, next to it: Henry County, Tennessee."""
    text = "A Paris man was arrested at Paris City Hall. Henry County deputies helped."
    mentions = [Mention(2, 7, "Paris", "place"), Mention(28, 33, "Paris", "place"),
                Mention(45, 57, "Henry County", "place")]
    _, _, county = Resolver(gazetteer).resolve(text, mentions)
    assert km(county.place, 36.37, -88.33) < 50


def test_the_main_island_of_a_two_island_state_is_the_state(gazetteer):
    text = "She was born in Antigua and raced in Trinidad before settling in St. Kitts."
    mentions = [Mention(16, 23, "Antigua", "place"), Mention(37, 45, "Trinidad", "place"),
                Mention(65, 74, "St. Kitts", "place")]
    answers = Resolver(gazetteer).resolve(text, mentions)
    assert [a.place.id for a in answers] == ["country:AG", "country:TT", "country:KN"]


def test_states_with_limited_recognition_are_places(geoparser):
    text = ("Voters in Kosovo went to the polls. Monitors crossed from Transnistria, and a delegation from "
            "South Ossetia and Nagorno-Karabakh arrived late.")
    resolved = {pm.mention.text: pm.place for pm in geoparser.parse(text)}
    assert km(resolved["Kosovo"], 42.6, 20.9) < 100
    assert km(resolved["Transnistria"], 47.2, 29.4) < 100
    assert km(resolved["South Ossetia"], 42.3, 44.0) < 100
    assert km(resolved["Nagorno-Karabakh"], 39.8, 46.7) < 100


def test_demonyms_of_states_provinces_and_de_facto_states(gazetteer, geoparser):
    text = "Two Ohioans, an Ontarian and three Kosovars finished the relay ahead of a team of Albertans."
    names = {"Ohioans": (40.4, -82.7), "Ontarian": (50.0, -85.0), "Kosovars": (42.6, 20.9), "Albertans": (54.5, -115.0)}
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    answers = geoparser.parse(text, spans=spans)
    for pm, (lat, lon) in zip(answers, names.values()):
        assert pm.mention.label == "demonym" and km(pm.place, lat, lon) < 600, (pm.mention.text, pm.place)
    recognised = {pm.mention.text for pm in geoparser.parse(text)}
    assert "Kosovars" in recognised and not recognised & {"Ohioans", "Ontarian", "Albertans"}


def test_demonyms_of_other_countries_first_level_units(geoparser):
    """News names a province by its people as often as by its name ("Bavarian police"); a given span reads its
    province, as a US state's demonym does, and is not recognised on its own, as a US state's is not."""
    text = ("Bavarian police, Sicilian fishermen and a Chechen commander were named, while Flemish mayors, "
            "Tasmanian growers and Walloon unions waited.")
    names = {"Bavarian": (48.9, 11.4), "Sicilian": (37.5, 14.1), "Chechen": (43.4, 45.7), "Flemish": (51.0, 4.4),
             "Tasmanian": (-42.0, 146.6), "Walloon": (50.4, 4.7)}
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    answers = geoparser.parse(text, spans=spans)
    for pm, (lat, lon) in zip(answers, names.values()):
        assert pm.mention.label == "demonym" and km(pm.place, lat, lon) < 300, (pm.mention.text, pm.place)
    recognised = {pm.mention.text for pm in geoparser.parse(text)}
    assert not recognised & set(names)  # "Walloon" also a town's name in Queensland


def test_airports_by_their_own_names(gazetteer, geoparser):
    text = "Fog closed runways across London on Sunday: flights from Heathrow were cancelled and Gatwick diverted."
    mentions = [Mention(text.index(name), text.index(name) + len(name), name, "place")
                for name in ("London", "Heathrow", "Gatwick")]
    _, heathrow, gatwick = Resolver(gazetteer).resolve(text, mentions)
    assert heathrow.place.kind == "airport" and km(heathrow.place, 51.47, -0.45) < 10
    assert gatwick.place.kind == "airport" and km(gatwick.place, 51.15, -0.19) < 10
    [pearson] = geoparser.parse("Pearson International Airport reported delays.", spans=[(0, 29)])
    assert km(pearson.place, 43.68, -79.63) < 10


def test_an_airport_tagged_as_a_facility_is_not_recognised_as_a_place(geoparser):
    text = "Passengers waited for hours at Pearson International Airport on Friday."
    assert "Pearson International Airport" not in {pm.mention.text for pm in geoparser.parse(text)
                                                   if pm.place is not None and pm.place.kind == "airport"}


def test_an_airport_never_takes_a_towns_name(geoparser):
    text = "Residents of Heathrow, Florida, met the mayor of Riverside, and Kandahar was quiet."
    resolved = {pm.mention.text: pm.place for pm in geoparser.parse(text)}
    assert resolved["Heathrow"].kind == "city" and resolved["Heathrow"].country_code == "US"
    assert resolved["Riverside"].kind != "airport" and resolved["Kandahar"].kind != "airport"


def test_an_airport_by_a_towns_or_countrys_name_is_no_reading_of_it(gazetteer):
    for name in ("Long Beach", "Taiwan Taoyuan", "Army"):
        assert not any(c.place.kind == "airport" for c in gazetteer.candidates(name, fuzzy=False)), name


def test_an_airports_own_word_opening_a_facility_is_not_recognised(geoparser):
    for text in ("The crew was checked when it landed at London's Gatwick Airport last week.",
                 "Flights left O'Hare International Airport late on Tuesday."):
        assert not [pm for pm in geoparser.parse(text) if pm.place is not None and pm.place.kind == "airport"], text


def _resolve_all(gazetteer, text: str, names) -> dict:
    mentions = [Mention(m.start(), m.end(), m.group(), "place") for name in names
                for m in re.finditer(re.escape(name), text)]
    return {pm.mention.text: pm.place for pm in Resolver(gazetteer).resolve(text, mentions)}


def test_a_bare_name_is_the_town_not_a_county_named_after_it_elsewhere(gazetteer):
    # Houston County lies around Crockett and Des Moines County around Burlington, but news writes "Houston County"
    # for the county: the bare names are the cities
    text = "Volunteers came from Crockett, Lufkin and Houston to rebuild the small Texas museum."
    places = _resolve_all(gazetteer, text, ("Crockett", "Lufkin", "Houston", "Texas"))
    assert places["Houston"].kind == "city" and km(places["Houston"], 29.76, -95.36) < 20, places["Houston"]
    text = "Bands from Burlington and Mount Pleasant will play at the state contest in Des Moines."
    places = _resolve_all(gazetteer, text, ("Burlington", "Mount Pleasant", "Des Moines"))
    assert places["Des Moines"].kind == "city" and km(places["Des Moines"], 41.6, -93.61) < 20, places["Des Moines"]
    text = "Deputies in Butte and Glenn counties, California, closed roads near Chico."  # a unit word: the county
    places = _resolve_all(gazetteer, text, ("Butte", "Glenn", "California", "Chico"))
    assert places["Butte"].kind == "admin2" and km(places["Butte"], 39.66, -121.6) < 60, places["Butte"]


def test_a_name_written_as_local_news_writes_a_town_is_no_country(gazetteer):
    cases = [("A Lebanon woman won the pie contest at the fair, judges in Boone County said.", "Lebanon"),
             ("Maria Lopez, 34, Jordan, was charged on Friday with theft.", "Jordan"),
             ("Services will be held at the church, 12 N. Walnut St., Lebanon, on Monday.", "Lebanon"),
             ("Tryouts for the volleyball team are at the Jordan middle school on Monday.", "Jordan")]
    for text, name in cases:
        place = _resolve_all(gazetteer, text, (name,))[name]
        assert place is not None and place.kind != "country", (text, place)
    text = "Rockets fell on Lebanon, and a Syrian man was hurt in Jordan."  # demonyms are no cue
    places = _resolve_all(gazetteer, text, ("Lebanon", "Jordan"))
    assert places["Lebanon"].kind == "country" and places["Jordan"].kind == "country"


def test_a_provinces_bare_name_is_the_city_it_is_named_after(geoparser):
    """"Kirkuk" alone is the city, as news and GeoNames mean it, not the governorate around it; "the province of
    Idlib" and "Herat province" are the units. A province whose namesake city is a small part of it ("Quebec") stays
    the province."""
    text = ("Gunmen attacked a checkpoint in Kirkuk. Farther east, Kandahar saw a quiet week. Officials from the "
            "province of Idlib and from Herat province met in Quebec.")
    answers = {(pm.mention.text, pm.mention.start): pm.place for pm in geoparser.parse(text)}
    assert answers["Kirkuk", text.index("Kirkuk")].kind == "city"
    assert answers["Kandahar", text.index("Kandahar")].kind == "city"
    assert answers["Idlib", text.index("Idlib")].kind == "admin1"
    assert answers["Herat", text.index("Herat")].kind == "admin1"
    assert answers["Quebec", text.index("Quebec")].kind == "admin1"


def test_a_court_district_of_a_state_is_that_state(geoparser):
    """"the Western District of Washington" is a federal court's district in Washington state, not the capital."""
    text = "A judge in the Western District of Washington blocked the rule on Friday."
    [washington] = [pm for pm in geoparser.parse(text) if pm.mention.text == "Washington"]
    assert washington.place.kind == "admin1" and km(washington.place, 47.4, -120.5) < 300
