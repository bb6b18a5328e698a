"""A town's name written where a person's surname stands ("Krystal D. Hall", "Sen. Lincoln") is no place."""
from __future__ import annotations


def _places(nlp, text: str) -> list[str]:
    return [s.text for s in nlp(text)._.toponyms]


def test_a_surname_after_a_given_name_or_a_title_is_no_place(toponym_nlp):
    text = ("The Abraham Lincoln Presidential Library in Springfield reopened on Monday. "
            "Visitors came from Lincoln, Neb., and from Omaha.")
    places = _places(toponym_nlp, text)
    assert places.count("Lincoln") == 1 and "Omaha" in places, places  # the town, not the president
    places = _places(toponym_nlp, "Honor roll: John A. Smith, Belmont; Krystal D. Hall, Gaston; and Peter J. Ross, "
                                  "Cramerton. Hall Street in Gastonia was closed for the ceremony.")
    assert "Hall" not in places and "Gaston" in places, places
    places = _places(toponym_nlp,
                     "Sen. Lincoln said Arkansas farmers would get aid. Lincoln also spoke in Little Rock.")
    assert "Lincoln" not in places and "Little Rock" in places, places  # the senator twice


def test_a_town_after_a_state_initial_or_a_comma_stays_a_place(toponym_nlp):
    places = _places(toponym_nlp, "Flooding closed roads near Charleston, W. Va., and in Lincoln on Sunday.")
    assert "Charleston" in places and "Lincoln" in places, places
    places = _places(toponym_nlp, "The senator, a Democrat from Lincoln, said Nebraska farmers need rain.")
    assert "Lincoln" in places, places


def test_a_saint_a_church_or_a_feast_is_named_for_is_no_place(toponym_nlp):
    text = ("A bomb went off in Cairo on Sunday in the small church of St. Peter and St. Paul, next to St. Mark's "
            "Coptic Orthodox Cathedral. Mourners later filled the Saint Peter and Saint Paul Coptic Church.")
    places = _places(toponym_nlp, text)
    assert places == ["Cairo"], places  # no Saint Peter (Minnesota), Saint Paul or Saint Mark (Grenada)
    places = _places(toponym_nlp, "Crowds marched in Dublin for St. Patrick's Day.")
    assert places == ["Dublin"], places


def test_a_town_named_for_a_saint_stays_a_place(toponym_nlp):
    places = _places(toponym_nlp, "Police in St. Paul said a church in St. Paul was broken into overnight.")
    assert places.count("St. Paul") == 2, places
    places = _places(toponym_nlp, "St. Mary Parish deputies searched the bayou near Morgan City.")
    assert "St. Mary Parish" in places, places  # a Louisiana parish is a county, not a church's


def test_a_title_before_a_persons_name_is_no_place(toponym_nlp):
    places = _places(toponym_nlp, "The Grand Mufti sent his condolences to Pope Tawadros of Alexandria.")
    assert "Pope" not in places and "Alexandria" in places, places
    places = _places(toponym_nlp, "The service in London was led by Cardinal Vincent Nichols.")
    assert places == ["London"], places
    places = _places(toponym_nlp, "She moved to Cardinal, Manitoba, last year.")
    assert "Cardinal" in places, places  # the town, where no person's name follows


def test_an_abbreviated_title_before_a_name_is_no_place(toponym_nlp):
    places = _places(toponym_nlp, "The pilots flew under the command of Gen. Claire Chennault in China.")
    assert places == ["China"], places  # Gen. is no Gennes, France
    places = _places(toponym_nlp, "Both women were taken to St. Michael's Hospital in Toronto, and a son studied at "
                                  "St. John's University in New York.")
    assert "St. Michael's" not in places and "St. John's" not in places and "Toronto" in places, places


def test_a_name_set_beside_a_relative_is_a_person(toponym_nlp):
    places = _places(toponym_nlp, "His daughters, Malia and Sasha, often join their father at the ceremony in Washington.")
    assert places == ["Washington"], places  # not Malia, Crete
    places = _places(toponym_nlp, "The charity is named for him; Tanya is his wife and its president, in Atlanta.")
    assert places == ["Atlanta"], places
    places = _places(toponym_nlp, "Among the guests were Jeffrey Haskins and wife, Tonya, all of Paris, Texas.")
    assert "Tonya" not in places and "Paris" in places, places
    places = _places(toponym_nlp, "The capital, Amman, was calm, and Jordan is his home now.")
    assert "Amman" in places and "Jordan" in places, places
    places = _places(toponym_nlp, "Alberta looks to Asia. China is Canada's second largest trading partner.")
    assert "China" in places, places
