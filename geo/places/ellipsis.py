"""A direction shared by two names of a list: "North and South Korea", "Central and South America", "East and West
Africa". English writes the name once, after the last direction; the first direction alone is a mention of its own
whole name ("North" is North Korea), not a lone word nor a place called "Central".

Pure text: the recogniser (``geo.places.toponyms``) and the resolver (``geo.places.resolution``) each check the whole
name against the gazetteer.

>>> shared_names("Talks between North and South Korea resumed.", 14, 19)
['North Korea']
"""
from __future__ import annotations

import re

__all__ = ["SHARED_DIRECTIONS", "known_whole", "shared_name", "shared_names"]

#: The words of direction a list's first name may be cut to ("North" of "North and South Korea").
SHARED_DIRECTIONS = frozenset("North South East West Central Northern Southern Eastern Western Upper Lower".split())
_DIRECTION = f"(?:{'|'.join(sorted(SHARED_DIRECTIONS))})"
_WORD = r"[A-Z][\w'\u2019.-]*"
#: After the first direction: "and" (or "or", "&"), a second direction and the name they share (one or two words).
_SHARED = re.compile(rf"\s+(?:and|or|&)\s+{_DIRECTION}\s+({_WORD}(?:\s+{_WORD})?)")
_ALONE = re.compile(rf"{_DIRECTION}$")


def shared_name(text: str, start: int, end: int) -> str | None:
    """The whole name meant by the direction at ``text[start:end]`` when it shares the name after the next
    direction ("North" of "North and South Korea" -> "North Korea"), else None. The name after it may be one word or
    two ("Central and South America", "North and South Sudan"); the caller keeps the reading the gazetteer knows."""
    if not _ALONE.match(text, start, end):
        return None
    match = _SHARED.match(text, end)
    return f"{text[start:end]} {match.group(1)}" if match else None


def shared_names(text: str, start: int, end: int) -> list[str]:
    """:func:`shared_name` and, when the name after it is two words, the one with its first word only ("Central
    and South America today" -> "Central America today", "Central America")."""
    whole = shared_name(text, start, end)
    if whole is None:
        return []
    words = whole.split()
    return [whole, " ".join(words[:2])] if len(words) > 2 else [whole]


def known_whole(text: str, start: int, end: int, lookup) -> str | None:
    """The first of :func:`shared_names` that ``lookup`` (a name's exact readings: the gazetteer's or the
    recogniser's known names) knows as a place's name (not a demonym's: "West and Central African countries")."""
    return next((name for name in shared_names(text, start, end)
                 if any(c.form != "demonym" for c in lookup(name))), None)
