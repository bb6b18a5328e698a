"""Where a statement is made when its sentence names no place: its speaker's country, not the scene of the events
it speaks of.

An event whose sentence names no place sits at the article's scene (``geo.events.scene``). That suits the acts of a
story, but a statement by another state's official speaks from home: "Ethiopian Prime Minister Abiy Ahmed's remarks"
in a report on talks in Nairobi were not made at the talks, and "Israeli Defense Minister Yoav Gallant's remarks" in a
report on a meeting in Beirut were not made in Beirut. The speaker's country is the one state its speaker is, or
belongs to through people, governments, ministries, armies and police ("Abiy Ahmed" -> Ethiopia; "the Kenyan
government" -> Kenya), never through an armed group or organisation ("Hezbollah" says nothing of Iran). It stands in
for the scene only when the article names that country (a demonym is enough) and the scene lies in another country;
a speaker at home keeps the scene, which is more precise ("Georgian police said" in a report from Tbilisi).

>>> from geo.records import Actor, Mention, Place
>>> actors = {"abiy-ahmed": Actor("abiy-ahmed", "Abiy Ahmed", "person", affiliations=("ethiopia",)),
...           "ethiopia": Actor("ethiopia", "Ethiopia", "state")}
>>> places = {"country:ET": Place("country:ET", "Ethiopia", "country", 9.0, 39.0, "ET"),
...           "gn:184745": Place("gn:184745", "Nairobi", "city", -1.3, 36.8, "KE")}
>>> remarks = Event("e", "a", "Statement/Threat", "Statement", Mention(0, 7, "remarks", "statement"), "", 0, 9,
...                 actor_roles=(("initiator", "abiy-ahmed"),))
>>> speakers_country(remarks, actors, places, "gn:184745")
'country:ET'
"""
from __future__ import annotations

from collections.abc import Container, Mapping

from geo.events.taxonomy import STATEMENT
from geo.names import slug
from geo.records import Actor, Event, Place

__all__ = ["affiliated", "speakers_country"]

#: Kinds of actor through which a speaker speaks for a state: its people, government, ministries, army and police.
STATE_BOUND = frozenset({"person", "government", "military", "police", "state"})


def speakers_country(event: Event, actors: Mapping[str, Actor], places: Mapping[str, Place],
                     scene: str | None) -> str | None:
    """The id of the country place a statement is made in when its sentence names no place, or None: the one
    country its initiators speak for, when the article names it and ``scene`` (a place id) lies elsewhere."""
    if event.type != STATEMENT:
        return None
    states = {s for role, a in event.actor_roles if role == "initiator" for s in _states(a, actors)}
    countries = {p.id: p for p in places.values() if p.kind == "country" and slug(p.name) in states}
    if len(states) != 1 or len(countries) != 1:
        return None
    (home,) = countries.values()
    at = places.get(scene) if scene else None
    return None if at is not None and at.country_code == home.country_code else home.id


def _states(actor_id: str, actors: Mapping[str, Actor]) -> set[str]:
    """The states an actor is or belongs to through state-bound actors (:data:`STATE_BOUND`)."""
    return {a for a in {actor_id} | affiliated(actor_id, actors, through=STATE_BOUND)
            if a in actors and actors[a].kind == "state"}


def affiliated(actor_id: str, actors: Mapping[str, Actor], *, through: Container[str] | None = None) -> set[str]:
    """Every actor an actor belongs to, up its affiliations (person -> group -> state), read off ``actors``; with
    ``through``, only on from actors of those kinds ("Abiy Ahmed" -> Ethiopia, but not on from an armed group).
    One walk for the grouping's related actors (``geo.events.grouping.Knowledge``) and the speakers' states."""
    seen: set[str] = set()
    todo = [actor_id]
    while todo:
        actor = actors.get(todo.pop())
        if actor is None or through is not None and actor.kind not in through:
            continue
        for parent in actor.affiliations:
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen
