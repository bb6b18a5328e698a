"""The plain records that flow one way through newsmap.

Article -> Mention -> PlaceMention / ActorMention / Event -> Analysis -> store -> views.

They are frozen dataclasses so that a stage can never change what an earlier stage
produced, and every claim keeps its character offsets into ``Article.text`` (the
analysed text) so it can be shown highlighted in its sentence.
"""
from __future__ import annotations

import traceback

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from geo.names import SURNAME_PARTICLES, fold, initials

# An event's place role when its sentence names no place and the article's main place stands in: views show
# such places as less certain than a place the sentence names.
CONTEXT_ROLE = "context"
# An event's date precision when its text gives no date and its article's publication date stands in: it happened
# by then (geo.events.grouping).
REPORTED = "reported"

# Actor kind -> the Global Terrorism Database codebook's target type (START, GTD Codebook, "targtype1"): what an
# attack was aimed at, one general type per target. Generic targets of attacked sites ("a bakery" -> Businesses,
# geo.events.targets) have their own kinds; named actors of these kinds are typed too. The export lists an event's
# ``target_types`` from it, the place panel shows them.
TARGET_TYPES = {
    "civilians": "Private Citizens & Property", "police": "Police", "military": "Military",
    "government": "Government (General)", "armed_group": "Terrorists/Non-State Militia",
    "media": "Journalists & Media", "business": "Business", "government_facility": "Government (General)",
    "diplomatic": "Government (Diplomatic)", "educational": "Educational Institution",
    "religious": "Religious Figures/Institutions", "transportation": "Transportation",
    "aviation": "Airports & Aircraft", "utilities": "Utilities", "maritime": "Maritime",
}


# The event types: ACLED's six, then CAMEO's meetings and statements. Named here, below every package, because
# they are part of what an event is: the taxonomy (``geo.events.taxonomy``) makes them, the views filter by them
# (a link's ``type``) and the renderers colour them.
BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
MEETING = "Meeting/Consultation"
STATEMENT = "Statement/Threat"
#: Every event type, in the order of ACLED's list and then CAMEO's (a link's ``type`` is one of these).
EVENT_TYPES = (BATTLES, REMOTE, CIVILIANS, PROTESTS, RIOTS, STRATEGIC, MEETING, STATEMENT)

#: The event types of attacks (the ``violence`` family of ``geo.events.taxonomy``, which a test holds equal): only
#: their targets are typed; the other party of a meeting or a statement is no target of an attack.
ATTACK_TYPES = frozenset({BATTLES, REMOTE, CIVILIANS})


def target_types(event_type: str, target_kinds: Iterable[str]) -> list[str]:
    """The GTD target types of an attack's target actors, once each in their order (kinds without one add none).

    >>> target_types("Battles", ["business", "civilians", "person", "business"])
    ['Business', 'Private Citizens & Property']
    >>> target_types("Meeting/Consultation", ["armed_group"])
    []
    """
    if event_type not in ATTACK_TYPES:
        return []
    return list(dict.fromkeys(TARGET_TYPES[k] for k in target_kinds if k in TARGET_TYPES))


@dataclass(frozen=True)
class Article:
    """One news article as read from disk, stdin or the dashboard.

    ``text`` is the analysed text (boilerplate removed); ``raw`` the original bytes,
    kept so nothing the user gave us is lost. ``id`` is a stable hash of the
    normalised text: re-ingesting the same story is a no-op.
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    origin: str = ""
    raw: bytes = b""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class Place:
    """A gazetteer entry (or a geocoder's answer) that mentions resolve to.

    ``id`` is stable across runs and sources ("gn:276781", "country:LB",
    "region:gaza-strip", "dir:south:LB") so the store can merge places by id.
    ``geometry`` is an optional GeoJSON geometry (as a JSON string) for countries
    and regions that are drawn as polygons.
    """

    id: str
    name: str
    kind: str
    lat: float | None
    lon: float | None
    country_code: str | None = None
    geonameid: int | None = None
    geometry: str | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A place name found in the text, with what it resolved to.

    ``place`` is None for an explicit no-match (an unknown name is never guessed).
    ``score`` is the resolver's calibrated confidence in [0, 1].
    """

    mention: Mention
    place: Place | None
    score: float


@dataclass(frozen=True)
class Actor:
    """A canonical actor: a person, organisation, armed group, state, military,
    government or media outlet.

    ``id`` is a slug of the canonical name ("hezbollah", "esmail-qaani") so that the
    same actor found in different articles lands on the same row.
    ``affiliations`` are ids of the actors this one belongs to (person -> group -> state).
    """

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()


def merge_aliases(aliases: Iterable[str], spellings: Iterable[str], name: str | None = None) -> tuple[str, ...]:
    """The aliases, then each new spelling, each once. With ``name``, a spelling that only writes the name
    otherwise ("Esmail qaani" for "Esmail Qaani", see :func:`geo.names.fold`) is no alias.

    Extraction, linking and the store merge a known actor's spellings with this one rule, so an alias
    never depends on which of them saw it first.

    >>> merge_aliases(("Ismail Qaani",), ["esmail qaani", "Qaani", "Ismail Qaani"], "Esmail Qaani")
    ('Ismail Qaani', 'Qaani')
    """
    kept = (s for s in spellings if name is None or fold(s) != fold(name))
    return tuple(dict.fromkeys((*aliases, *kept)))


def merge_actor(known: Actor, spellings: Iterable[str], affiliations: Iterable[str]) -> Actor:
    """A known actor seen again: it keeps its id, name and kind, and gains the new spellings and affiliations."""
    return replace(known, aliases=merge_aliases(known.aliases, spellings, known.name),
                   affiliations=tuple(dict.fromkeys((*known.affiliations, *affiliations))))


def spells_out(name: str, other: str) -> bool:
    """Whether ``other`` is ``name`` written in full: ``name`` one word, ``other`` several, and ``name`` its last
    word (a bare surname: "Haddad" of "Karim Haddad") or its initials ("FDA" of "Food and Drug Administration",
    "DoD" of "Department of Defense"). Only then is one name fuller than the other: of two spellings of one
    length ("Esmail Qaani", "Ismail Qaani") neither is."""
    short, words = fold(name), fold(other).split()
    if len(name.split()) > 1:  # a surname with its particle ("De Groot" of "Annelies de Groot")
        tail = short.split()
        return tail[0] in SURNAME_PARTICLES and len(words) > len(tail) and words[-len(tail):] == tail
    if " " in short or len(words) < 2:
        return False
    return short == words[-1] or short.upper() == initials(other) or short == "".join(w[0] for w in words)


def named_in_full(actor: Actor, name: str, kind: str) -> Actor:
    """``actor`` seen under ``name`` (as a ``kind``): when ``name`` spells out the actor's name, it becomes the
    name, the old one an alias, and a body whose kind its abbreviation could not tell ("organisation") takes the
    kind of its full name ("KSP" -> the Kentucky State Police, police). The id stays: it is in exports and links.

    Linking and the store apply this one rule, so the name an actor ends with does not depend on which article
    was ingested first.

    >>> named_in_full(Actor("fda", "FDA", "organisation"), "Food and Drug Administration", "government")
    Actor(id='fda', name='Food and Drug Administration', kind='government', aliases=('FDA',), affiliations=())
    """
    if not spells_out(actor.name, name):
        return actor
    kind = kind if actor.kind == "organisation" and kind not in ("person", "state") else actor.kind
    return replace(actor, name=name, kind=kind, aliases=merge_aliases((), (actor.name, *actor.aliases), name))


@dataclass(frozen=True)
class ActorMention:
    actor_id: str
    mention: Mention


@dataclass(frozen=True)
class Event:
    """Something that happened (or was reported as possible) in one sentence.

    ``trigger`` is the word that names the event; ``start``/``end`` the sentence's
    offsets. ``actor_roles`` pairs (role, actor_id) with roles such as
    "initiator" and "target"; ``place_roles`` pairs (role, place_id) with roles such
    as "location", "origin" and "target". ``hypothetical`` events ("could compel
    Iran") are kept but not shown as facts by default.

    An Event is one mention of a real-world event: ``occurrence`` is the id of the first mention of the
    occurrence it reports ("This meeting" after "held a discussion"; see ``geo.events.grouping``), None until
    mentions are grouped (the mention is then its own occurrence).
    """

    id: str
    article_id: str
    type: str
    subtype: str | None
    trigger: Mention
    sentence: str
    start: int
    end: int
    date: str | None = None
    date_precision: str = "unknown"
    hypothetical: bool = False
    actor_roles: tuple[tuple[str, str], ...] = ()
    place_roles: tuple[tuple[str, str], ...] = ()
    occurrence: str | None = None

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a for _, a in self.actor_roles))

    @property
    def place_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for _, p in self.place_roles))


def placed_from_context(event: Mapping[str, Any], place_id: str) -> bool:
    """True when an exported event (``place_roles``: role -> place ids) is at ``place_id`` only because
    its article's main place stood in (:data:`CONTEXT_ROLE`)."""
    return place_id in (event.get("place_roles") or {}).get(CONTEXT_ROLE, [])


@dataclass(frozen=True)
class Analysis:
    """Everything derived from one article; the store writes it in one transaction."""

    article: Article
    places: tuple[PlaceMention, ...] = ()
    actors: tuple[Actor, ...] = ()
    actor_mentions: tuple[ActorMention, ...] = ()
    events: tuple[Event, ...] = ()
    #: Stored actors this article shows to be one: (the id that goes, the id it joins); see geo.store.merges.
    merged: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read, with a one-line reason that tells the fix."""

    origin: str
    reason: str


REASON_CHARS = 300  # a failure's one line: the start of the error's first line


@dataclass(frozen=True)
class ArticleFailure:
    """An article that was read but could not be analysed or stored: a bug in a stage or a database error.

    ``reason`` is the one line a user sees; ``detail`` holds the traceback, shown only with ``--debug``. Both
    are plain strings so a failure travels back from a worker process like any analysis.
    """

    origin: str
    reason: str
    detail: str = ""

    @classmethod
    def from_error(cls, article: Article, what: str, err: BaseException) -> ArticleFailure:
        """One line naming the error (its type and the start of its first line), the traceback kept aside."""
        first = (str(err).strip().splitlines() or [""])[0][:REASON_CHARS]
        detail = "".join(traceback.format_exception(err))
        return cls(article.origin, f"{what}: {type(err).__name__}" + (f": {first}" if first else ""), detail)


#: What analysing one article gives: its analysis, or why it failed.
AnalysisResult = Analysis | ArticleFailure


@dataclass(frozen=True)
class IngestReport:
    ingested: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()
    failed: tuple[ReadFailure | ArticleFailure, ...] = ()
    notes: tuple[str, ...] = field(default=())
