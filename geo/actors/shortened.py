"""A body named in full and then by the first words of its name ("Dow Chemical Co" ... "Dow", "Orbis Business
Intelligence" ... "Orbis") is one actor, named in full.

News shortens a body's name as it shortens a person's to the surname, keeping the words that tell it apart. Read on
318 unseen texts, the actor filter listed such short forms as actors of their own ("Tri-State" beside "Tri-State
Racetrack & Gaming Center", "United Ambulance" beside "United Ambulance Service"). Within one article a short form
stands for the one body whose name it opens; where two bodies' names open with it ("Columbia State Community
College", "Columbia State Lyceum Committee") it stays as it is. A short form that is a whole body's name by itself
stays too: one closing on a body's word ("the House" and "the House of Commons trade committee", "the Board" and
"the Board of Education") or an abbreviation ("HUD" and "the HUD Office of Inspector General"): the longer name is
then as often a part of that body as the body itself. Catalogue actors, the store's, people, states and generic
actors are left alone.

Run on an article's reading (``geo.actors.reading.ArticleReading``) once its mentions are known, after
``geo.actors.acronyms``.
"""
from __future__ import annotations

from collections import defaultdict

from geo.actors.acronyms import Reading, joined_to, merge_into, relabel
from geo.actors.common import BODY_WORDS
from geo.actors.linking import GROUP_KINDS  # the kinds of named bodies
from geo.actors.locations import BUILDING_WORDS
from geo.actors.names import fold

__all__ = ["join_short_forms"]


def join_short_forms(reading: Reading) -> None:
    """Each body whose name is the first words of exactly one other body's name (through any chain of such
    names: "Tri-State", "Tri-State Racetrack", "Tri-State Racetrack & Gaming Center") joins that body."""
    fixed = set(reading.extractor.catalog.by_id) | set(reading.extractor.known)
    bodies = [d for d in reading.drafts.values() if d.kind in GROUP_KINDS and d.id not in fixed]
    opening: dict[tuple[str, ...], set[str]] = defaultdict(set)  # the first words of a name -> the bodies so named
    for draft in bodies:
        words = tuple(fold(draft.name).split())
        for n in range(1, len(words)):
            opening[words[:n]].add(draft.id)
    joined: dict[str, str] = {}
    for draft in sorted(bodies, key=lambda d: -len(fold(d.name).split())):  # the longest first: chains resolve
        if _named_whole(draft.name):
            continue
        targets = {joined_to(joined, i) for i in opening.get(tuple(fold(draft.name).split()), ())} - {draft.id}
        if len(targets) == 1:
            merge_into(reading, joined, draft.id, targets.pop())
    relabel(reading, {i: joined_to(joined, i) for i in joined})


def _named_whole(name: str) -> bool:
    """A name that names a whole body by itself: it closes on a body's or a building's word ("Board", "House",
    "Senate") or is one word in capitals ("HUD")."""
    words = fold(name).split()
    return not words or words[-1] in BODY_WORDS | BUILDING_WORDS | {"senate", "assembly", "commons", "legislature"} \
        or (len(name.split()) == 1 and name.isupper())
