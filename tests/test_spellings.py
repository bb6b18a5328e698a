"""Other spellings of a name: an abbreviated direction before it, and a final "h" a transliteration may drop."""
from __future__ import annotations

from geo.places.gazetteer import Candidate
from geo.places.resolution import Resolver
from geo.places.spellings import is_a_name, names_a_place, respelled, variants
from geo.records import Place

from .conftest import km, place_mentions


def _resolve(gazetteer, text: str, *names: str) -> dict:
    return {pm.mention.text: pm.place for pm in Resolver(gazetteer).resolve(text, place_mentions(text, *names))}


def _reading(name: str, kind: str = "city", form: str = "name", fuzzy: bool = False) -> Candidate:
    return Candidate(Place(id=f"t:{name}", name=name, kind=kind, lat=0.0, lon=0.0, country_code="XX"), 1000, "PPL",
                     None, form, fuzzy)


def test_variants_spell_out_a_direction_and_write_the_ending_and_the_article_otherwise():
    assert variants("s sudan") == ("south sudan",)
    assert variants("nw pakistan") == ("northwest pakistan",)
    assert variants("marsa")[:2] == ("marsah", "al marsa") and variants("sabre")[0] == "sabreh"
    assert variants("tabriz") == ("al tabriz",)
    assert variants("el minya") == ("el minyah", "minya", "al minya", "minyah", "al minyah")
    assert variants("n") == ()  # a direction alone is no abbreviation of anything
    assert variants("platte co") == ("platte county",) and variants("co") == ()


def test_a_name_of_its_own_keeps_its_readings_and_looks_no_further():
    asked = []
    found = (_reading("Sana"),)
    assert respelled("sana", found, lambda name: asked.append(name) or ()) == found and asked == []


def test_an_airport_or_another_name_of_a_village_is_no_name_of_a_place():
    assert not is_a_name((_reading("Old Town", form="alt"), _reading("Town Airport", kind="airport")))
    assert is_a_name((_reading("Old Province", kind="admin1", form="alt"),))
    assert names_a_place((_reading("Old Town", form="alt"),))
    assert not names_a_place((_reading("Town", kind="city"),), kinds=("admin1",))


def test_a_direction_abbreviated_before_a_country_is_that_country(gazetteer):
    places = _resolve(gazetteer, "Diplomats from S. Korea and N. Korea met at the border village on Tuesday.",
                      "S. Korea", "N. Korea")
    assert places["S. Korea"].country_code == "KR", places["S. Korea"]
    assert places["N. Korea"].country_code == "KP", places["N. Korea"]


def test_a_name_spelled_without_its_final_h_is_the_place(gazetteer):
    # GeoNames spells the Yemeni governorate "Shabwah"; news often writes "Shabwa"
    places = _resolve(gazetteer, "Tribal leaders in Shabwa Governorate called for calm after the clashes.",
                      "Shabwa Governorate")
    assert places["Shabwa Governorate"] is not None and places["Shabwa Governorate"].country_code == "YE"
    places = _resolve(gazetteer, "Tribal leaders in Shabwa called for calm after the clashes.", "Shabwa")
    assert places["Shabwa"].country_code == "YE", places["Shabwa"]  # not Sha Bwa, a Burmese village


def test_a_city_known_by_its_airport_s_name_is_the_city(gazetteer):
    # "Hodeidah" is the words of Hodeidah International Airport's name; GeoNames writes the city "Hodeida" too
    places = _resolve(gazetteer, "Aid ships unloaded grain at Hodeidah on Sunday.", "Hodeidah")
    assert places["Hodeidah"].kind == "city" and km(places["Hodeidah"], 14.8, 42.95) < 20, places["Hodeidah"]


def test_a_county_abbreviated_after_its_name_is_the_county(gazetteer):
    places = _resolve(gazetteer, "Deputies in Loudon Co. closed the highway after the crash.", "Loudon Co.")
    assert places["Loudon Co."].kind == "admin2" and km(places["Loudon Co."], 35.73, -84.29) < 30, places["Loudon Co."]


def test_a_town_written_without_its_article_is_the_town(gazetteer):
    # GeoNames writes the Iraqi city "Al Diwaniyah"; news often leaves the article out
    places = _resolve(gazetteer, "Farmers near Diwaniyah lost their wheat to the drought.", "Diwaniyah")
    assert places["Diwaniyah"] is not None and km(places["Diwaniyah"], 31.99, 44.93) < 20, places["Diwaniyah"]


def test_another_name_of_a_known_city_reads_no_variant(gazetteer):
    # "Amarah" is another name of Al Amarah, a city of Iraq: the region "Amara" of Ethiopia is not added to it
    places = _resolve(gazetteer, "The market in Amarah reopened after the floods.", "Amarah")
    assert places["Amarah"].country_code == "IQ", places["Amarah"]
