"""First-level units are shown by their English names where the gazetteer knows them as such."""
from __future__ import annotations


def test_states_and_provinces_are_named_in_english(geoparser):
    """The map showed "Ḩalab" for Aleppo Governorate and "Al Quds" for the Jerusalem District; a reader in English
    had to decode them. The place read is the same; only its name changes."""
    text = ("Shelling spread across Aleppo Governorate on Monday, police in Bavaria made arrests, and the Jerusalem "
            "District's courts closed.")
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("Aleppo Governorate", "Bavaria", "Jerusalem District")]
    named = {pm.mention.text: pm.place for pm in geoparser.parse(text, spans=spans)}
    assert {t: p.name for t, p in named.items()} == {"Aleppo Governorate": "Aleppo", "Bavaria": "Bavaria",
                                                     "Jerusalem District": "Jerusalem"}
    assert all(p.kind == "admin1" for p in named.values())
    raw = geoparser.resolver.resolve(text, [pm.mention for pm in geoparser.parse(text, spans=spans)])
    assert [(pm.place.id, pm.place.lat, pm.place.lon) for pm in raw] == \
        [(p.id, p.lat, p.lon) for p in named.values()]  # the same places, read as before


def test_an_english_name_that_is_no_name_of_the_unit_is_not_shown(geoparser):
    """countrystatecity calls Lebanon's South Governorate "South": a word of its type, not a name the gazetteer
    knows for it, so the unit keeps its own name."""
    text = "Fighting was reported across the South Governorate of Lebanon."
    start = text.index("South Governorate")
    [pm] = geoparser.parse(text, spans=[(start, start + len("South Governorate"))])
    assert pm.place.kind == "admin1" and pm.place.country_code == "LB" and pm.place.name != "South"


def test_places_made_from_a_unit_carry_its_english_name(geoparser):
    """"northern Bavaria" was shown as "northern Bayern" and a street written with Aleppo Governorate as
    "Baghdad Street, Ḩalab": a derived place or a street carries its unit's name, so it takes the English one too."""
    text = "Storms hit northern Bavaria, and shelling struck eastern Aleppo Governorate and Baghdad Street, Aleppo Governorate."
    names = {pm.place.id: pm.place.name for pm in geoparser.parse(text) if pm.place}
    assert "northern Bavaria" in names.values() and "eastern Aleppo" in names.values(), names
    assert not any("Bayern" in n or "Ḩalab" in n for n in names.values()), names
