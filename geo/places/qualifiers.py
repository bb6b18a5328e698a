"""The container a place name is written with: "Bethel, Delaware", "Dothan, Ala.", "Bethel, North
Rhine-Westphalia", and the names of a list it closes ("Dover, Smyrna and Milford, Delaware").

A writer adds the state or country after a town's name to say which of its namesakes is meant, so a qualifier
that names a first-level subdivision or a country constrains the town: its readings inside the container are the
only ones left. When the gazetteer has no reading inside (a village below its population threshold), the town is
still known to lie in the container: it is answered as a local place at the container's point (kind ``local``),
never as a namesake elsewhere.

The resolver (``geo.places.resolution``) reads the containers with :func:`containers`; a qualified mention's
key carries them, so "Bethel, Delaware" and "Bethel, North Rhine-Westphalia" in one article are two places.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple, Sequence

from geo.names import slug, written_as_code
from geo.places.institutions import campus_state
from geo.records import Mention, Place, PlaceMention

__all__ = ["Qualified", "after_comma", "contained_place", "containers", "in_stated_towns", "local_in", "unqualifying",
           "CONTAINED_KINDS", "QUALIFIER_KINDS"]

QUALIFIER_KINDS = ("admin1", "country")
LOCAL_KINDS = ("city", "admin2")  # a town, as the resolver reads it (geo.places.readings.LOCAL_KINDS)
#: The readings of a name that a container without any of them inside places there: towns, and the airports named
#: after them ("Bradford, Ontario" is no Leeds Bradford airport).
CONTAINED_KINDS = (*LOCAL_KINDS, "airport")
POSTAL_COUNTRIES = ("US", "CA")  # whose mail writes a two-letter state or province symbol after the town
MAX_WORDS = 4  # "Bosnia and Herzegovina" is written with its lower-case "and" and not read; 4 covers the others
#: "Dothan, Ala.", and the same said with "in" and a part ("Athens, in northeast Georgia", "Mosul, in northern Iraq")
_IN_PART = r"(?:in\s+(?:(?:north|south|east|west)(?:ern|east|west|eastern|western)?\s+|central\s+)?)?"
_QUALIFIER = re.compile(r",\s*%s([A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,%d})" % (_IN_PART, MAX_WORDS - 1))
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z]")
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+(?:and|or|&))\s*$")
#: After a qualifier, a list going on ("Dover, Smyrna and Milford", "Dover, Smyrna, Milford and ..."): the
#: qualifier may be one more town of it. ", and Springfield, Illinois" ends a qualified town instead, and so does
#: an "and" that goes on with anything but a name ("Bethel, Delaware and in Paris", "Dover, Delaware and the ...").
_LIST_GOES_ON = re.compile(r"\s+(?:and|or|&)\s+[A-Z]|,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?\s*(?:,|\s(?:and|or|&)\s)")

Lookup = Callable[..., tuple]  # the gazetteer's ``candidates(name, fuzzy=False)``


class Qualified(NamedTuple):
    """The containers a mention is written with; ``sure`` when they are one place and the qualifier does not
    go on as a list ("Bethel, Delaware." but not "Dover, Smyrna and Milford", where Smyrna may be a state's
    other name), so that a town without a reading inside may be placed in it. A named tuple, not a dataclass: it
    is part of every name's key, and a tuple is hashed without a call into Python at each lookup."""

    ids: frozenset[str] = frozenset()
    sure: bool = False


_NONE = Qualified()  # most mentions are written with no container (a tuple: one serves them all)


def after_comma(text: str, start: int) -> bool:
    """Whether the text before ``start`` ends with a comma and white space (read backwards: a long article's
    prefix is never copied, once per mention)."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] == ","


def unqualifying(key: tuple[str, str, str], text: str, mention: Mention) -> tuple[str, str, str]:
    """A two-letter code stands for a place only as a qualifier ("Boise, ID", "Lyon, FR"); alone in running text
    an ISO code is a word or another name ("airstrikes on IS positions": the Islamic State, not Iceland, nor the
    town "Is"), so only the abbreviations news writes for countries ("US", "UK", "UAE") are read there."""
    if key[2] != "code" or len(mention.text) != 2 or after_comma(text, mention.start):
        return key  # a dateline ("WASHINGTON") or "NSW" is written in capitals too
    return key[0], key[1], "bare"


def _qualifier(text: str, start: int, words: str, lookup: Lookup, town: str = "") -> Qualified:
    """The admin1 and country ids that the capitalised words after the comma name as a whole ("Ala.", "North
    Rhine-Westphalia"); none when they name something else ("Montreal, Quebec City", "Bentley Park, Trinity
    Beach") or run on into more capitalised words. A postal symbol after ``town`` is read as
    :func:`postal_reading` says ("Boise, ID" is in Idaho, not Indonesia)."""
    code = written_as_code(words)
    readings = [c for c in lookup(words, fuzzy=False) if c.place.kind in QUALIFIER_KINDS and (code or c.form != "code")]
    if code and len(words) == 2 and town:
        readings = postal_reading(readings, lookup(town, fuzzy=False))
    found = frozenset(_container_id(c) for c in readings)
    end = start + len(words)
    if not found or _CAPITALISED_NEXT.match(text, end):
        return Qualified()
    return Qualified(found, len(found) == 1 and not _LIST_GOES_ON.match(text, end))


def _container_id(c) -> str:
    return c.place.id if c.place.kind == "admin1" else f"cc:{c.place.country_code}"


def postal_reading(readings: Sequence, town: Sequence) -> list:
    """The readings of a two-letter code written after a town ("Boise, ID", "Halifax, NS") that the town is
    written with: US and Canadian mail write a state's or province's postal symbol there (USPS state
    abbreviations and Canada Post province symbols, which are these countries' ISO 3166-2 codes), so a symbol
    the town has a reading in is that state ("ID" is Idaho, not Indonesia or Idlib). Otherwise the readings the
    town lies in ("Munich, DE" is Germany), and with none, the state or province of the postal symbol."""
    inside = [q for q in readings if any(c.place.kind in LOCAL_KINDS and not c.fuzzy and _contains(q, c)
                                         for c in town)]
    postal = [q for q in readings if q.place.kind == "admin1" and q.place.country_code in POSTAL_COUNTRIES]
    return [q for q in inside if q in postal] or inside or postal or list(readings)


def _contains(container, c) -> bool:
    if container.place.kind == "admin1":
        return c.admin1 == container.place.id
    return c.place.country_code == container.place.country_code


def containers(text: str, mentions: Sequence[Mention], lookup: Lookup) -> list[Qualified]:
    """Per mention, the ids of the containers it is written with (empty when none): its own qualifier, or that
    of the list it belongs to ("Dover, Smyrna and Milford, Delaware": all three are in Delaware). A list member
    that has its own qualifier, or is another member's qualifier, ends the list ("Springfield, Illinois, and
    Columbus, Ohio"). A list's container only narrows a member's readings: "Calgary, Edmonton and Montreal,
    Quebec" does not move Edmonton to Quebec."""
    own: list[Qualified] = []
    qualifier_at: dict[int, frozenset] = {}
    listed = _in_a_list_of_states(text, mentions, lookup)
    campus = "University" in text  # most articles name no campus town
    for n, mention in enumerate(mentions):
        match = _QUALIFIER.match(text, mention.end) if mention.label == "place" and n not in listed else None
        found = _qualifier(text, match.start(1), match.group(1), lookup, mention.text) if match else _NONE
        if campus and not found.ids and mention.label == "place" and (
                state := campus_state(text, mention.start, lookup)):
            found = Qualified(frozenset({state}))  # "Kansas State University in Manhattan"
        own.append(found)
        if found.ids and match:
            qualifier_at[match.start(1)] = found.ids
    out = [_as_qualifier(m, q, qualifier_at) for m, q in zip(mentions, own)]
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    for pos, i in enumerate(order):
        if not own[i].ids:
            continue
        for k in range(pos - 1, -1, -1):  # earlier members of the list this mention closes
            j, later = order[k], mentions[order[k + 1]]
            if (own[j].ids or mentions[j].start in qualifier_at or mentions[j].label != "place"
                    or not _LIST_GAP.match(text[mentions[j].end:later.start])):
                break
            out[j] = Qualified(own[i].ids)  # constrains the member's readings, never places it in the container
    return out


def _in_a_list_of_states(text: str, mentions: Sequence[Mention], lookup: Lookup) -> set[int]:
    """The mentions that go on a list of states or countries ("Virginia, Washington, West Virginia and Wyoming"):
    a state's name after another's in a list is one more member, and the state after it no qualifier of it
    (Washington, West Virginia is a town). A state that is itself a town's qualifier starts no list ("Arlington,
    Virginia, Washington, D.C.")."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    out: set[int] = set()
    for before, i in zip(order, order[1:]):
        prev, mention = mentions[before], mentions[i]
        if (mention.label == "place" and prev.label == "place" and _LIST_GAP.match(text[prev.end:mention.start])
                and _a_state(prev.text, lookup) and _a_state(mention.text, lookup)
                and not _after_a_town(text, mentions, order, before, lookup)):
            out.add(i)
    return out


def _after_a_town(text: str, mentions: Sequence[Mention], order: list[int], i: int, lookup: Lookup) -> bool:
    """Whether mention ``i`` is written right after a comma and a name that is no state's (as the qualifier of a
    town is)."""
    pos = order.index(i)
    if pos == 0:
        return False
    before = mentions[order[pos - 1]]
    return text[before.end:mentions[i].start].strip() == "," and not _a_state(before.text, lookup)


def _a_state(name: str, lookup: Lookup) -> bool:
    return any(c.place.kind in QUALIFIER_KINDS and c.form == "name" for c in lookup(name, fuzzy=False))


def _as_qualifier(mention: Mention, own: Qualified, qualifier_at: dict) -> Qualified:
    """A postal symbol that is itself a mention ("ID" of "Boise, ID") is read as the qualifier it is: its
    readings narrowed to those :func:`postal_reading` chose for the town before it."""
    ids = qualifier_at.get(mention.start)
    if own.ids or ids is None or len(mention.text) != 2 or not written_as_code(mention.text):
        return own
    return Qualified(ids)


def contained_place(mention: Mention, ids: frozenset[str], candidates: Sequence, gazetteer) -> Place | None:
    """A town written with one container (``ids``) and without a reading inside it, placed in the container
    ("Bethel, Delaware" when the gazetteer has no Bethel there); a name of a bigger place is left alone (None)."""
    if any(c.place.kind not in CONTAINED_KINDS for c in candidates) or mention.label != "place":
        return None
    (cid,) = ids
    container = gazetteer.country(cid[3:]) if cid.startswith("cc:") else gazetteer.place(cid)
    return None if container is None else local_in(mention.text, container)


def local_in(name: str, container: Place) -> Place:
    """A town the gazetteer does not have inside its written container, placed at the container's point:
    ``local:<container id>:<slug>``, named with its container ("Bethel, Delaware")."""
    pid = container.country_code if container.kind == "country" else container.id
    return Place(id=f"local:{pid}:{slug(name)}", name=f"{name}, {container.name}", kind="local",
                 lat=container.lat, lon=container.lon, country_code=container.country_code)


def in_stated_towns(text: str, answers: Sequence[PlaceMention]) -> tuple[PlaceMention, ...]:
    """A name placed in its written container (:func:`local_in`) right before a town's name that the article reads
    as a town lies in that town: "88 Cypress St., Alexandria" in a story from Louisiana is in Alexandria,
    Louisiana, where the article's other "Alexandria" is, not in Egypt's Alexandria Governorate, which is all the
    qualifier's words name among states. A street is written with its town, and the town's reading is the
    article's, worked out with every cue it gives."""
    order = sorted(range(len(answers)), key=lambda i: answers[i].mention.start)
    out = list(answers)
    for i, j in zip(order, order[1:]):
        named, town = answers[i], answers[j]
        if (named.place is not None and named.place.kind == "local" and town.place is not None
                and town.place.kind in LOCAL_KINDS and text[named.mention.end:town.mention.start].strip() == ","):
            out[i] = PlaceMention(named.mention, local_in(named.mention.text, town.place), named.score)
    return tuple(out)
