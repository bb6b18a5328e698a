"""A body's full name and its abbreviation, written together, are one actor named by the full name.

News introduces an abbreviation in brackets after the full name ("the World Organisation for Animal Health (OIE)")
or the full name in brackets after the abbreviation ("the RSF (Rapid Support Forces)"): the brackets say the two
are one body, whether or not the letters are the English initials (the OIE's are French). Without this rule the
actor filter listed the two as two actors, or named the body by whichever spelling came first ("FDA", with "Food
and Drug Administration" as its alias). The full name says what the body is, so it is the name, and the
abbreviation an alias; a catalogue actor keeps its own name.

Run on an article's reading (``geo.actors.reading.ArticleReading``) once its mentions are known, before
affiliations are read.
"""
from __future__ import annotations

import re
from typing import Protocol

from spacy.tokens import Span

from geo.actors.cues import organisation_kind
from geo.actors.names import clean, fold, initials, organisation_name
from geo.names import slug

__all__ = ["is_abbreviation", "join_bracketed", "joined_to", "merge_into", "name_spelled_out", "relabel"]

_ABBREVIATION = re.compile(r"^[A-Za-z][A-Za-z0-9&\-]{1,9}$")


class Reading(Protocol):
    """What the rule reads and changes of an article's reading."""

    text: str
    drafts: dict
    mentions: list[tuple[Span, str]]
    last_seen: dict[str, None]
    extractor: object


def is_abbreviation(short: str, full: str) -> bool:
    """One word of at most ten letters that is written as an abbreviation ("OIE", "MoH", "APHIS") or opens with the
    initials of ``full`` ("Defra" for "Department for Environment, Food and Rural Affairs"); ``full`` has several
    words."""
    short, full = clean(short), clean(full)
    if " " not in full or not _ABBREVIATION.match(short):
        return False
    return sum(c.isupper() for c in short) >= 2 or fold(short)[:2] == initials(full)[:2].lower()


def join_bracketed(reading: Reading) -> None:
    """"A (B)": the mentions of the abbreviation's actor join the full name's actor (or the catalogue's)."""
    catalogue, joined = reading.extractor.catalog.by_id, {}
    for (first, a), (second, b) in zip(reading.mentions, reading.mentions[1:]):
        a, b = joined_to(joined, a), joined_to(joined, b)
        if a == b or not _bracketed(reading.text, first, second):
            continue
        if "person" in (reading.drafts[a].kind, reading.drafts[b].kind):
            continue
        if is_abbreviation(second.text, first.text):
            full, short = a, b
        elif is_abbreviation(first.text, second.text):
            full, short = b, a
        else:
            continue
        if short in catalogue and full in catalogue:
            continue
        keep, gone = (short, full) if short in catalogue else (full, short)
        merge_into(reading, joined, gone, keep)
    _join_untagged(reading, joined)
    relabel(reading, {i: joined_to(joined, i) for i in joined})


_IN_BRACKETS = re.compile(r"\s*\(([^()\s]{2,10})\)")


def _join_untagged(reading: Reading, joined: dict[str, str]) -> None:
    """"the Baltic Fisheries Council (CIPB)" where the model tags no name in the brackets: the abbreviation is the
    body's alias, and an actor the article names by it alone is that body."""
    catalogue = reading.extractor.catalog.by_id
    by_name = {d.name: d.id for d in reading.drafts.values() if d.kind != "person"}
    for span, actor_id in reading.mentions:
        actor_id = joined_to(joined, actor_id)
        found = _IN_BRACKETS.match(reading.text, span.end_char)
        if found is None or reading.drafts[actor_id].kind == "person" or not is_abbreviation(found.group(1), span.text):
            continue
        draft = reading.drafts[actor_id]
        if found.group(1) not in draft.aliases and draft.id not in catalogue:
            draft.aliases.append(found.group(1))
        other = by_name.get(found.group(1))
        if other is not None and other not in joined and other != actor_id and other not in catalogue:
            merge_into(reading, joined, other, actor_id)


def name_spelled_out(reading: Reading) -> None:
    """A body named by an abbreviation that one of its spellings in the article spells out ("FDA", later "the Food
    and Drug Administration") is named by the full name, the abbreviation an alias."""
    catalogue, known, renamed = reading.extractor.catalog.by_id, reading.extractor.known, {}
    for draft in list(reading.drafts.values()):
        if draft.kind == "person" or draft.id in catalogue or draft.id in known or " " in draft.name:
            continue
        full = next((n for n in draft.aliases if " " in n and draft.name.upper() in (
            initials(n), organisation_name(n).acronym)), None)
        if full is None or slug(full) in renamed.values():  # (two abbreviations of one name: left as they are)
            continue
        if slug(full) in reading.drafts:  # the full name is an actor of its own already: one actor
            merge_into(reading, renamed, draft.id, slug(full))
            continue
        renamed[draft.id] = slug(full)
        draft.aliases.append(draft.name)
        draft.id, draft.name = slug(full), full
        if draft.kind == "organisation" and organisation_kind(full) in NAMED_KINDS:
            draft.kind = organisation_kind(full)  # what the abbreviation could not tell: "KSP", the State Police
    if renamed:
        reading.drafts = {renamed.get(k, k): v for k, v in reading.drafts.items()}
        reading.last_seen = {renamed.get(k, k): None for k in reading.last_seen}
        relabel(reading, renamed)


#: Kinds a body's own name decides ("Kentucky State Police", "Xinhua News Agency", "Ministry of Health"); "Group" of
#: "American International Group" makes no armed group without words around it.
NAMED_KINDS = frozenset({"police", "media", "government"})


def _bracketed(text: str, first: Span, second: Span) -> bool:
    return text[first.end_char:second.start_char].strip() == "(" and text[second.end_char:second.end_char + 1] == ")"


def joined_to(joined: dict[str, str], actor_id: str) -> str:
    """The actor an id was joined to (through any chain of joins), or the id itself."""
    while actor_id in joined:
        actor_id = joined[actor_id]
    return actor_id


def merge_into(reading: Reading, joined: dict[str, str], gone: str, keep: str) -> None:
    """``gone`` joins ``keep``, whose aliases gain ``gone``'s names; its mentions are relabelled once, at the end
    (relabelling per join would read the article's mentions once per join)."""
    target = reading.drafts[keep]
    for name in (reading.drafts[gone].name, *reading.drafts[gone].aliases):
        if name not in target.aliases:
            target.aliases.append(name)
    joined[gone] = keep
    del reading.drafts[gone]
    reading.last_seen.pop(gone, None)


def relabel(reading: Reading, mapping: dict[str, str]) -> None:
    if mapping:
        reading.mentions[:] = [(s, mapping.get(i, i)) for s, i in reading.mentions]
