"""Photo credits: the photographer and the agency of a picture, which news text carries inline once the captions
are flattened into it ("(Thomas Mukoya/Reuters)", "REUTERS/Mohammed Salem", "Photo: Jane Doe/AFP").

A name in a credit took no part in the story: the small model still tags it, and the parse hangs it on the next
sentence ("REUTERS/Mohammed Salem Israeli tanks shelled the area" made Reuters a shelling's initiator). The credit
forms are the agencies' own (a name and an agency joined by a slash, in parentheses or after the agency's name in
capitals), so no list of agencies or photographers is needed.

>>> text = "Tanks shelled the area. (Thomas Mukoya/Reuters) Crowds fled. REUTERS/Mohammed Salem Tanks returned."
>>> [text[s:e] for s, e in credit_spans(text)]
['(Thomas Mukoya/Reuters)', 'REUTERS/Mohammed Salem']
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from geo.records import ActorMention

__all__ = ["credit_spans", "outside_credits"]

_NAME = r"[A-Z][\w'.\-]*(?:\s[A-Z][\w'.\-]*){0,3}"
#: "(Name/Agency)", "(Photo: Name/Agency)", "(Agency/Name)"; "and/or" is lower case and no credit.
_PARENTHESISED = rf"\((?:Photo(?:graph)?:?\s*)?{_NAME}\s?/\s?{_NAME}\)"
#: "REUTERS/Name", "AFP/Getty Images": an agency in capitals, a slash, a name of one or two words (nothing closes
#: it, and the next sentence may begin with an actor's name: "REUTERS/Karim Haddad Hamas fighters ...").
_AGENCY_FIRST = r"\b[A-Z]{2,}/[A-Z][\w'.\-]*(?:\s[A-Z][\w'.\-]*)?"
CREDIT = re.compile(rf"{_PARENTHESISED}|{_AGENCY_FIRST}")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the photo credits in ``text`` (linear: one regular-expression scan)."""
    return [m.span() for m in CREDIT.finditer(text)]


def outside_credits(text: str, mentions: Iterable[ActorMention]) -> list[ActorMention]:
    """The actor mentions of ``text`` that lie in no photo credit: those an event's roles may name. The credits
    come in text order and do not overlap, so each mention looks up the last credit starting at or before it."""
    spans = credit_spans(text)
    starts = [s for s, _ in spans]

    def inside(at: int) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < spans[k][1]
    return [am for am in mentions if not inside(am.mention.start)]
