"""A name that is a country and another country's state, in an article that names that country's other states:
"Georgia" beside Alabama, Iowa and Texas is the US state, not the Caucasian country.

A country outranks a state of its name without context, and one US place is no reason to leave it ("a professor
in Atlanta said Georgia's war ..."); but states are named among states: an article that names two or more other
states of one country by their own names reads the shared name as that country's state too. Only a name with a
country reading is read so: "Washington" beside Oregon and Idaho may still be the capital.
"""
from __future__ import annotations

__all__ = ["among_states"]

#: Other states of one country the article names, from which a country's name is read as that country's state.
PEERS = 2
_STATE = ("admin1",)


def among_states(names: dict) -> dict:
    """The keys of the names read as a state among states (see the module), each with the kinds it is read as.
    ``names``: the resolver's readings per name key (``states``: the countries with a state of the name)."""
    states: dict[str, set] = {}  # country code: the keys of names that are only its states (no country reading)
    shared = []
    for key, name in names.items():
        if not name.states or key[1] != "place":
            continue
        countries = {c.place.country_code for c in name.candidates if c.place.kind == "country" and c.form == "name"}
        if countries:
            shared.append((key, name.states - countries))
        elif len(name.states) == 1:
            states.setdefault(next(iter(name.states)), set()).add(key)
    return {key: _STATE for key, ccs in shared if any(len(states.get(cc, set()) - {key}) >= PEERS for cc in ccs)}
