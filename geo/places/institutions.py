"""A state named by an institution of the article: "the University of Georgia", "Mississippi State University".

News names a town's university, and the university names its state: "Students at the University of Georgia in
Athens" is Athens, Georgia, not Greece. The name inside the institution is the state (a first-level subdivision
that bears it as its own name), not a country or a town of that name; and where the article does not give it as a
place of its own (a news corpus or the recogniser leaves an institution's words out), it is still evidence for the
article's other names, as a state named once.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from geo.names import normalise
from geo.places import readings
from geo.places.gazetteer import Candidate
from geo.records import Mention

_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
#: "University of Georgia", "Mississippi State University": the institution's place is the state of its name
INSTITUTION = re.compile(rf"\bUniversity\s+of\s+(?:the\s+)?(?P<of>{_NAME})\b|\b(?P<state>{_NAME})\s+State\s+University\b")
_CUE_KIND = ("admin1",)
#: "Kansas State University in Manhattan", "the University of Texas at Austin": the town of a campus, right after
#: the institution's name (not "Washington University in St. Louis", whose name is no state's).
_CAMPUS = re.compile(rf"(?:\bUniversity\s+of\s+(?:the\s+)?(?P<of>{_NAME})|\b(?P<state>{_NAME})\s+State\s+University)"
                     r",?\s+(?:in|at)\s+$")
_CAMPUS_REACH = 60  # characters before a town that may hold the institution's name


@dataclass(frozen=True)
class StateCues:
    """``mentioned``: keys of the article's names written as a state by an institution (read as the state);
    ``named``: (admin1 id, country code) of states only an institution's name gives."""

    mentioned: dict = field(default_factory=dict)
    named: tuple = ()


NONE = StateCues()


def state_cues(text: str, mentions: Sequence[Mention], keys,
               candidates: Callable[[str], Sequence[Candidate]]) -> StateCues:
    """The states named by the article's institutions (see the module)."""
    if "University" not in text:  # most articles: no scan
        return NONE
    spans = {(m.start, m.end): key for m, key in zip(mentions, keys) if m.label == "place"}
    mentioned, named = {}, []
    for match in INSTITUTION.finditer(text):
        group = "of" if match.group("of") else "state"
        for start, end in _spans(match, group):
            state = _state(text[start:end], candidates)
            if state is not None and (start, end) in spans:
                mentioned[spans[start, end]] = _CUE_KIND
            elif state is not None:
                named.append(state)
            if state is not None or (start, end) in spans:
                break
    return StateCues(mentioned, tuple(named))


def _spans(match: re.Match, group: str) -> list[tuple[int, int]]:
    """The two words of the name, then the one nearer "University" ("University of Texas Medical Branch", "The Ohio
    State University")."""
    start, end = match.span(group)
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", match.group(group))]
    if len(words) == 1:
        return [(start, end)]
    return [(start, end), words[0] if group == "of" else words[-1]]


def _state(name: str, candidates: Callable[[str], Sequence[Candidate]]) -> tuple[str, str] | None:
    """(admin1 id, country code) of the one state that bears ``name`` as its own name, else None; none when a city
    of the name has more people ("the University of Manchester" is the city's, not Jamaica's parish)."""
    found = candidates(name)
    states = [c for c in found if c.place.kind == "admin1" and c.form == "name"
              and normalise(c.place.name) == normalise(name) and not readings.smaller_than_a_namesake_city(c, found)]
    return (states[0].place.id, states[0].place.country_code) if len(states) == 1 else None


def with_states(context: dict, named: Sequence[tuple[str, str]]) -> dict:
    """The article's context with each state an institution names counted as one mention of that state, for the
    readings inside it only: no vote for its country. A university is often quoted as an expert far from the news
    ("a professor at the University of Texas said the talks in Paris failed"), so the resolver lets it settle only
    names the article leaves open (Athens, Georgia against Athens, Greece; Oxford, Mississippi against Oxford,
    England), never move one already read (Paris, France)."""
    if not named:
        return context
    admins = Counter(context["admins"])
    for admin, _cc in named:
        admins[admin] += 1
    return {**context, "admins": admins, "admin_total": sum(admins.values())}


def campus_state(text: str, start: int, candidates: Callable[..., Sequence[Candidate]]) -> str | None:
    """The admin1 id of the state whose university is written right before the town at ``start`` ("Kansas State
    University in Manhattan" is Manhattan, Kansas, whatever else the article names): a campus lies in the state
    its name gives, as a town written "Manhattan, Kansas" does (``geo.places.qualifiers``)."""
    match = _CAMPUS.search(text, max(0, start - _CAMPUS_REACH), start)
    if match is None or match.end() != start:
        return None
    state = _state(match.group("of") or match.group("state"), candidates)
    return state[0] if state is not None else None
