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
