"""One real-world event, many mentions: what the events of one article share once they are all read.

The extractor (``geo.events.extraction``) gives one Event per trigger clause, a claim with its own sentence. This
stage settles what needs the whole article:

- **grouping**: mentions of one occurrence become one group, and each mention's ``occurrence`` is the id of the
  group's first mention. A later mention joins an earlier group of the same type when it refers back to it
  (a noun with "the/this/these/their/Qaani's": "This meeting", "The talks", "During their meeting") and nothing
  it says contradicts it, or when it names the same actor, a compatible place and a compatible date (ACLED's
  one event per actor pair, place and day). Hypothetical mentions ("a possible attack") never join one;
- **sharing**: a mention whose sentence names no place takes its group's places (role ``context``), one with no
  date its group's date, and an attack all its group's targets ("a Friday blast injured several people" then
  "The explosion targeted a bakery": the blast is the attack on the bakery);
- **scene**: an event whose group names no place is put at the article's scene (``geo.events.scene``), now
  weighted by how often each occurrence is reported;
- **dates of report**: an event still undated takes the publication date with precision ``reported`` (it happened
  by then); an undated article's event stays undated.

The rules of compatibility (:func:`compatible`) are the same across articles: after an article is written, its
occurrences join compatible ones of other articles (``geo.events.joining``).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from geo.events.generics import KINDS
from geo.events.scene import named_places, scene_of
from geo.events.speakers import affiliated, speakers_country
from geo.events.targets import TARGET_NAMES
from geo.places.points import haversine_km
from geo.records import ATTACK_TYPES, CONTEXT_ROLE, REPORTED, Actor, Article, Event, Place, PlaceMention

if TYPE_CHECKING:  # type hints only: the writer of an ingest joins occurrences without importing spaCy
    from spacy.tokens import Doc, Token

__all__ = ["EventGrouper", "Knowledge", "Occurrence", "article_scene", "compatible", "date_span", "group_mentions",
           "reported"]

#: Determiners that make a noun trigger refer back ("this meeting", "their meeting"); "the" does when nothing new
#: is said of the noun (:func:`refers_back`).
DEMONSTRATIVES = frozenset("this that these those its their his her our".split())
#: Dependents that say something new of a noun: "the ongoing skirmishes along the border", "the attack that ...".
NEW_DETAIL = frozenset({"amod", "prep", "relcl", "acl", "nummod", "appos"})
#: The place roles by which a sentence says where its event happened; not where its fire came from (``origin``).
SITE_ROLES = frozenset({"location", "target"})
#: The roles of the places an event is at: its sentence's sites, or its occurrence's places (``context``).
AT_ROLES = SITE_ROLES | {CONTEXT_ROLE}
#: Two places this close (km) are one scene (a city and its suburb, a camp outside a town).
NEAR_KM = 25.0
#: An event dated only by its article's publication (precision ``reported``) happened at most this many days
#: before it: news reports what is recent, and two undated reports a month apart are not one event.
REPORT_DAYS = 7
#: A mention is compared with at most this many of the article's latest occurrences of its type: news has a
#: handful (14 at most in the 933 articles of the geoparsing corpora), and an article built of thousands would
#: otherwise compare every pair.
LOOKBACK = 64
#: Names of the generic actors ("Unidentified Armed Group (Lebanon)"), which stand for any actor of their kind.
GENERIC_NAMES = tuple(KINDS.values())
#: Names of the generic actors an attack can hit, people and typed sites ("Civilians (France)", "Businesses (France)").
GENERIC_TARGETS = GENERIC_NAMES + tuple(TARGET_NAMES.values())


@dataclass
class Occurrence:
    """One real-world event as far as its mentions tell: the union of what they name."""

    type: str
    hypothetical: bool = False
    ids: list[str] = field(default_factory=list)
    initiators: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    places: dict[str, None] = field(default_factory=dict)  # named place ids, in order
    date: tuple[str, str] | None = None  # (value, precision) of its first dated mention

    def add(self, event: Event) -> None:
        self.ids.append(event.id)
        self.initiators |= {a for r, a in event.actor_roles if r == "initiator"}
        self.targets |= {a for r, a in event.actor_roles if r != "initiator"}
        self.places.update(dict.fromkeys(named_places(event)))
        if self.date is None and event.date and event.date_precision != REPORTED:
            self.date = (event.date, event.date_precision)

    @classmethod
    def of(cls, event: Event) -> Occurrence:
        found = cls(event.type, event.hypothetical)
        found.add(event)
        return found


@dataclass(frozen=True)
class Knowledge:
    """What compatibility needs to know of actors and places: kinds, affiliations (person -> group -> state) and
    points, by id."""

    actors: Mapping[str, Actor]
    places: Mapping[str, Place]

    def related(self, a: str, b: str) -> bool:
        """The same actor, one affiliated with the other ("Hassan Nasrallah" and "Hezbollah"), or an unnamed one
        of the other's kind ("Unidentified Armed Group (Lebanon)" and "Hezbollah")."""
        if a == b or b in self.chain(a) or a in self.chain(b):
            return True
        x, y = self.actors.get(a), self.actors.get(b)
        return bool(x and y and x.kind == y.kind and (_generic(x) or _generic(y)))

    def chain(self, a: str) -> set[str]:
        return affiliated(a, self.actors)

    def same_scene(self, a: str, b: str, *, loose: bool) -> bool:
        """One place, two places within :data:`NEAR_KM`, or a country and a place in it; ``loose`` (a mention that
        refers back) accepts any two places of one country."""
        if a == b:
            return True
        x, y = self.places.get(a), self.places.get(b)
        if x is None or y is None:
            return False
        one_country = bool(x.country_code) and x.country_code == y.country_code
        if one_country and (loose or "country" in (x.kind, y.kind)):
            return True
        if None in (x.lat, x.lon, y.lat, y.lon):
            return False
        return haversine_km(x.lat, x.lon, y.lat, y.lon) <= NEAR_KM

    def locality_of(self, a: str, b: str | None = None) -> bool:
        """Whether ``a`` is a street or building (``geo.places.localities``) of ``b`` (its id extends ``b``'s:
        "Rue Victor Hugo, Lyon" of Lyon), or of any place without ``b``."""
        return a.startswith(f"local:{b}:" if b else "local:")

    def in_country(self, a: str, b: str) -> bool:
        """Whether ``b`` is a country and ``a`` another place in it."""
        x, y = self.places.get(a), self.places.get(b)
        return bool(x and y and a != b and y.kind == "country" and x.kind != "country"
                    and x.country_code == y.country_code)

    def same_site(self, a: str, b: str) -> bool:
        """One place below a country, or two within :data:`NEAR_KM`: a scene a country alone does not make."""
        x, y = self.places.get(a), self.places.get(b)
        if x is None or y is None or "country" in (x.kind, y.kind):
            return False
        return a == b or self.same_scene(a, b, loose=False)


def _generic(actor: Actor) -> bool:
    return actor.name.startswith(GENERIC_NAMES)


def compatible(a: Occurrence, b: Occurrence, know: Knowledge, *, refers_back: bool = False,
               across: bool = False, tied: bool = False) -> bool:
    """Whether two occurrences of one type can be one real-world event: their actors in each role are related
    where both name some (targets that are all generic actors never contradict), their places are one scene
    where both name some, their dates overlap where both have one; without ``refers_back`` they must also share
    an actor.

    ``across``: the two come from different articles. An undated one may then be of any year, so it joins only
    on a site both name below the country (two undated reports of Taliban attacks somewhere in Afghanistan are
    not one attack); within one article the article itself ties its mentions together. ``tied``: the two articles
    already report another event as one (``geo.events.joining``), so neither is of any year: it is told at the
    time of the other, and, as within one article, the country will do."""
    if a.type != b.type or a.hypothetical or b.hypothetical or not dates_overlap(a.date, b.date):
        return False
    if (across and not tied and None in (a.date, b.date)
            and not any(know.same_site(p, q) for p in a.places for q in b.places)):
        return False
    if a.initiators and b.initiators and not _any_related(a.initiators, b.initiators, know):
        return False
    if (a.targets and b.targets and not _any_related(a.targets, b.targets, know)
            and not _all_generic(a.targets | b.targets, know)):
        return False
    if a.places and b.places and not any(know.same_scene(p, q, loose=refers_back) for p in a.places
                                         for q in b.places):
        return False
    return refers_back or _any_related(a.initiators | a.targets, b.initiators | b.targets, know)


def _all_generic(ids: set[str], know: Knowledge) -> bool:
    """Whether every actor is a generic one: targets of that sort never contradict, as one attack hits people and
    the site they are at ("injured several people", "targeted a bakery": Civilians and Businesses)."""
    return all(a in know.actors and know.actors[a].name.startswith(GENERIC_TARGETS) for a in ids)


def _any_related(x: set[str], y: set[str], know: Knowledge) -> bool:
    return any(know.related(a, b) for a in x for b in y)


def dates_overlap(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Dates at their own precision ("2024-02" and "2024-02-14") overlap; an unknown date overlaps any."""
    if a is None or b is None:
        return True
    lo_a, hi_a = date_span(*a)
    lo_b, hi_b = date_span(*b)
    return lo_a <= hi_b and lo_b <= hi_a


def date_span(value: str, precision: str) -> tuple[dt.date, dt.date]:
    """The days a date may stand for: a day, an ISO week, a month, a year, the days up to a report."""
    if precision == REPORTED:
        day = dt.date.fromisoformat(value)
        return day - dt.timedelta(days=REPORT_DAYS), day
    if "-W" in value:
        year, week = value.split("-W")
        first = dt.date.fromisocalendar(int(year), int(week), 1)
        return first, first + dt.timedelta(days=6)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def refers_back(token: Token) -> bool:
    """A noun trigger with a demonstrative or possessive determiner ("This meeting", "their meeting", "Qaani's
    meetings"), or with "the" and nothing new said of it but a compound ("The talks", "the rocket attack", "the
    October attacks"); not "a comprehensive attack", nor "the ongoing skirmishes along the border", which a
    news text uses to bring in a new event."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    kids = list(token.children)
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEMONSTRATIVES) for c in kids):
        return True
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in kids)
    return definite and not any(c.dep_ in NEW_DETAIL for c in kids)


def group_mentions(doc: Doc, events: Sequence[Event], know: Knowledge) -> list[Occurrence]:
    """The article's occurrences, in the order of their first mention. A mention that refers back joins the
    nearest earlier compatible group of its type; another mention the nearest one it shares an actor, scene and
    date with; else it starts a group."""
    groups: list[Occurrence] = []
    of_type: dict[str, list[Occurrence]] = defaultdict(list)  # only one type's groups can be compatible
    for event in events:
        mention = Occurrence.of(event)
        back = not event.hypothetical and _refers_back(doc, event)
        nearest = reversed(of_type[event.type][-LOOKBACK:])
        joined = next((g for g in nearest if compatible(g, mention, know, refers_back=back)), None)
        if joined is None:
            groups.append(mention)
            of_type[event.type].append(mention)
        else:
            joined.add(event)
    return groups


def _refers_back(doc: Doc, event: Event) -> bool:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span is not None and refers_back(span.root)


def share(events: Sequence[Event], groups: Sequence[Occurrence], know: Knowledge) -> tuple[Event, ...]:
    """Each mention with its occurrence's id; one whose sentence names no place at its group's places (role
    ``context``), one that names a place its group knows more precisely at the more precise one
    (:func:`refined`), one with no date of its own at its group's date, one that names no initiator with its
    group's initiators ("the attack" told after "ETA bombed a cafe" is ETA's; but none it has as its target:
    "gangs attacked a police station ... Officers fought back" does not make the police the station's attackers),
    an attack with every target of its group (one event has one set of targets, however many sentences tell it)."""
    group_of = {i: g for g in groups for i in g.ids}
    sites: dict[str, dict[str, None]] = defaultdict(dict)
    for e in events:
        sites[group_of[e.id].ids[0]].update(dict.fromkeys(p for r, p in e.place_roles if r in SITE_ROLES))
    out = []
    for e in events:
        g = group_of[e.id]
        e = replace(e, occurrence=g.ids[0])
        if g.places and not named_places(e):
            e = replace(e, place_roles=tuple((CONTEXT_ROLE, p) for p in g.places))
        e = refined(e, tuple(sites[g.ids[0]]), know)
        if not e.date and g.date:
            e = replace(e, date=g.date[0], date_precision=g.date[1])
        doers = g.initiators - {a for r, a in e.actor_roles if r != "initiator"}  # not its own target
        if doers and not any(r == "initiator" for r, _ in e.actor_roles):
            e = replace(e, actor_roles=tuple(("initiator", a) for a in sorted(doers)) + e.actor_roles)
        if e.type in ATTACK_TYPES:
            shared = sorted(g.targets - {a for _, a in e.actor_roles})
            e = replace(e, actor_roles=e.actor_roles + tuple(("target", a) for a in shared))
        out.append(e)
    return tuple(out)


def refined(event: Event, sites: Sequence[str], know: Knowledge) -> Event:
    """The mention at the most precise sites its occurrence names: a country it is at (:data:`SITE_ROLES`, or
    ``context``: its occurrence's places), when it names nothing inside that country itself, becomes the places
    its occurrence names there ("bombings in the United States" told after "two bombs exploded near the finish line
    in Boston": Boston, not the country's centroid), and every place gains the streets and buildings its
    occurrence names in it ("a Friday blast in Lyon" told again as "the explosion targeted a bakery on Rue Victor
    Hugo": Lyon and the street, which lies at Lyon's point). Where the fire came from (``origin``) is not a
    site."""
    own = [p for r, p in event.place_roles if r in AT_ROLES]
    roles: list[tuple[str, str]] = []
    for role, place in event.place_roles:
        if role not in AT_ROLES:
            roles.append((role, place))
            continue
        named_inside = any(know.in_country(q, place) for q in own)
        for site in [place] if named_inside else _within_country(place, sites, know):
            roles.append((role, site))
            roles.extend((role, q) for q in sites if know.locality_of(q, site))
    return replace(event, place_roles=tuple(dict.fromkeys(roles)))


def _within_country(place: str, sites: Sequence[str], know: Knowledge) -> list[str]:
    """The places (not streets or buildings) the sites name in country ``place``, in their order; the place
    itself when it is no country or the sites name none in it."""
    inner = [q for q in sites if not know.locality_of(q) and know.in_country(q, place)]
    return inner or [place]


def reported(events: Sequence[Event], published: dt.date | None) -> tuple[Event, ...]:
    """Undated events dated by the publication date, precision ``reported``: the popup, the panel, the
    timeline and the date filters then all read the same date."""
    if published is None:
        return tuple(events)
    return tuple(e if e.date else replace(e, date=published.isoformat(), date_precision=REPORTED) for e in events)


class EventGrouper:
    """The article-wide stage after the events: ``Analyser.grouping`` (``geo.ingest.pipeline``)."""

    def group(self, doc: Doc, article: Article, places: Sequence[PlaceMention], actors: Sequence[Actor],
              events: Sequence[Event], occurrences: Sequence[Occurrence] | None = None) -> tuple[Event, ...]:
        """``events`` grouped into occurrences, placed and dated by them, then by the article. ``occurrences``:
        the grouping of these very events with these places and actors, when the events stage has made it
        already (:func:`article_scene`); it is not made twice."""
        know = Knowledge({a.id: a for a in actors}, {pm.place.id: pm.place for pm in places if pm.place})
        groups = list(occurrences) if occurrences is not None else group_mentions(doc, events, know)
        events = share(events, groups, know)
        placed = {i for g in groups if g.places for i in g.ids}
        scene = scene_of(places, article.text, _at(groups))
        events = tuple(e if e.id in placed else
                       _in_scene(e, speakers_country(e, know.actors, know.places, scene) or scene) for e in events)
        return reported(events, article.published)


def article_scene(doc: Doc, text: str, places: Sequence[PlaceMention], actors: Sequence[Actor],
                  events: Sequence[Event]) -> tuple[str | None, list[Occurrence]]:
    """The id of the article's scene as :meth:`EventGrouper.group` settles it, for the events stage to read the
    article again with it (``geo.events.extraction``), and the occurrences it is settled from, which the grouper
    takes over when the article is not read again."""
    know = Knowledge({a.id: a for a in actors}, {pm.place.id: pm.place for pm in places if pm.place})
    groups = group_mentions(doc, events, know)
    return scene_of(places, text, _at(groups)), groups


def _at(groups: Sequence[Occurrence]) -> list[str]:
    """The places the article's real occurrences are at, one id per mention (an occurrence told five times weighs
    five)."""
    return [p for g in groups if not g.hypothetical for _ in g.ids for p in g.places]


def _in_scene(event: Event, scene: str | None) -> Event:
    """A mention whose occurrence names no place, at the article's scene (role ``context``) or nowhere; a
    statement at its speaker's country when the scene is in another (``geo.events.speakers``)."""
    if not any(r == CONTEXT_ROLE for r, _ in event.place_roles):
        return event
    return replace(event, place_roles=((CONTEXT_ROLE, scene),) if scene else ())
