from __future__ import annotations

from geo.places.resolution import Resolver

from .conftest import km, place_mentions


def _answers(gazetteer, text: str, *names: str) -> dict:
    return {pm.mention.text: pm.place for pm in Resolver(gazetteer).resolve(text, place_mentions(text, *names))}


def test_a_towns_other_name_is_another_place_when_the_article_names_the_town(gazetteer):
    """GeoNames keeps "Youngstown" as an alternate name of Mount Gilead, Ohio: in a Mount Gilead story that also
    writes "Youngstown", the two names are two places, and Youngstown is the city of that name."""
    text = ("MOUNT GILEAD - The Morrow County commissioners met in Mount Gilead on Monday. A Mount Gilead man, 34, was "
            "arrested near Mansfield after a chase that began in Youngstown.")
    found = _answers(gazetteer, text, "MOUNT GILEAD", "Morrow County", "Mount Gilead", "Mansfield", "Youngstown")
    assert km(found["Youngstown"], 41.10, -80.65) < 20, found["Youngstown"]
    assert km(found["Mount Gilead"], 40.55, -82.83) < 20, found["Mount Gilead"]


def test_a_great_citys_other_name_beside_its_own_is_still_the_city(gazetteer):
    """An exonym or a former name written beside the name a great city bears now ("Kiev" beside "Kyiv", "Bombay"
    beside "Mumbai") is that city: it has no larger reading by its own name. A name written short and long ("Gaza"
    and "Gaza Strip") is one name."""
    found = _answers(gazetteer, "Missiles hit Kyiv overnight. Kiev has been shelled often, officials in Lviv said.",
                     "Kyiv", "Kiev", "Lviv")
    assert km(found["Kiev"], 50.45, 30.52) < 20, found["Kiev"]
    found = _answers(gazetteer, "Floods hit Mumbai, formerly Bombay, and Pune.", "Mumbai", "Bombay", "Pune")
    assert km(found["Bombay"], 19.07, 72.88) < 20, found["Bombay"]
