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
    text = ("A gas heater exploded in Lyon on Sunday inside the old church of St. Anne and St. Joachim, beside "
            "St. Jude's Cathedral. By evening worshippers had filled the Saint Anne and Saint Joachim Chapel again.")
    places = _places(toponym_nlp, text)
    assert places == ["Lyon"], places  # no town named for a saint
    places = _places(toponym_nlp, "Pipers marched in Boston for St. Andrew's Day.")
    assert places == ["Boston"], places


def test_a_town_named_for_a_saint_stays_a_place(toponym_nlp):
    places = _places(toponym_nlp, "Police in St. Paul said a church in St. Paul was broken into overnight.")
    assert places.count("St. Paul") == 2, places
    places = _places(toponym_nlp, "St. Mary Parish deputies searched the bayou near Morgan City.")
    assert "St. Mary Parish" in places, places  # a Louisiana parish is a county, not a church's


def test_a_title_before_a_persons_name_is_no_place(toponym_nlp):
    places = _places(toponym_nlp, "The bishops gave thanks to Pope Benedict in Rome.")
    assert places == ["Rome"], places  # not Pope, Latvia
    places = _places(toponym_nlp, "Parishioners applauded Cardinal Desmond Connell and Bishop Eamon Casey in Limerick.")
    assert places == ["Limerick"], places  # not Cardinal, Manitoba, nor Bishop, California
    places = _places(toponym_nlp, "She moved to Cardinal, Manitoba, last year.")
    assert "Cardinal" in places, places  # the town, where no person's name follows


def test_an_abbreviated_title_before_a_name_is_no_place(toponym_nlp):
    places = _places(toponym_nlp, "The convoy moved north under the command of Gen. Walter Krueger in Luzon.")
    assert "Gen." not in places and "Luzon" in places, places  # Gen. is no Gennes, France
    places = _places(toponym_nlp, "Two nurses were taken to St. Luke's Hospital in Denver, and a third studied at "
                                  "St. Bernard's College in Perth.")
    assert "St. Luke's" not in places and "St. Bernard's" not in places and "Denver" in places, places


def test_a_name_set_beside_a_relative_is_a_person(toponym_nlp):
    places = _places(toponym_nlp, "Her daughters, Florence and Victoria, ran the bakery in Leeds for thirty years.")
    assert places == ["Leeds"], places  # not Florence, Italy
    places = _places(toponym_nlp, "The clinic was his idea; Lorena is his wife and its manager, in Denver.")
    assert places == ["Denver"], places
    places = _places(toponym_nlp, "The winners were Paul Hardy and wife, Marion, both of Tulsa, Oklahoma.")
    assert "Marion" not in places and "Tulsa" in places, places
    places = _places(toponym_nlp, "The capital, Amman, was calm, and Jordan is his home now.")
    assert "Amman" in places and "Jordan" in places, places
    places = _places(toponym_nlp, "Ontario looks south. Mexico is Canada's third largest trading partner.")
    assert "Mexico" in places, places
