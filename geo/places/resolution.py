"""Resolving recognised place names to gazetteer places, using the whole article as context.

A name usually has many candidates ("Lebanon": the country, Lebanon TN, Lebanon County PA).
Each candidate gets a score from priors (kind of place, population, capital, how the name
matched) and from the article (countries and states the other places lie in, distance to
the other places, "City, Region" patterns). Scores become probabilities by a softmax over
a name's candidates; the winner's share, calibrated (:mod:`geo.places.calibration`), is the answer's
``score``. Resolution runs in passes: pass one finds the confident places, pass two uses them as
context, pass three reads the names still open with pass two's answers. One sense per document:
every mention of a name gets the same answer.

>>> resolver = Resolver(Gazetteer.open("cache"))                          # doctest: +SKIP
>>> text = "Rockets hit Beirut and southern Lebanon."
>>> [p.place.id for p in resolver.resolve(text, [Mention(12, 18, "Beirut", "place")])]  # doctest: +SKIP
['gn:276781']
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Sequence

from geo.names import normalise, written_as_code
from geo.places import institutions, peer_states, prominence, readings, scoring, settlements, sources, spellings
from geo.places import english, subdivisions
from geo.places import neighbours as nearby
from geo.places.calibration import ScoreCalibration
from geo.places.derived import border_between, direction_of, directional_place
from geo.places.ellipsis import SHARED_DIRECTIONS, known_whole
from geo.places.gazetteer import Candidate, Gazetteer
from geo.places.initials import CityInitials, initials_keys, read_initials, written_as_initials
from geo.places.readings import LOCAL_KINDS, Choice, prior
from geo.places.points import prepared
from geo.places.other_names import lesser_alternates, named_elsewhere
from geo.places.post_towns import beside_a_great_namesake, far_beside_a_great_namesake
from geo.places.qualifiers import (CONTAINED_KINDS, QUALIFIER_KINDS, contained_place, containers, in_stated_towns,
                                   unqualifying)
from geo.places.writing import PLAIN, Writing, how_written, narrowed
from geo.records import Mention, Place, PlaceMention

COUNTRY_WEIGHT, COUNTRY_PRESENT = 3.0, 1.0
ADMIN_WEIGHT, ADMIN_PRESENT = 2.5, 1.0
QUALIFIER_BONUS = 4.0
#: "Tehran": the city named like the province it lies in is usually meant (so are "Edmonton", "Washington").
SEAT_BONUS = 2.0
TERRITORY_BONUS = 3.0  # "Gaza": a curated territory named after a city inside it is meant over that city
CONFIDENT = 0.5
NEIGHBOUR_BONUS = 1.5  # per other name with a reading near this one (local news: "Paris" + "Henry County")
SUPRANATIONAL_KINDS = ("water", "continent", "region")  # in no one country: country context is neutral to them
STATE_WORD_BONUS = 4.0  # "a Washington state farm", "Idlib province": the state or unit, not a city named so
LIST_BONUS = 2.0  # "Utah, Washington and Wisconsin": a name listed with states is a state
DIRECTION_WORDS = re.compile(r"^(north|south|east|west|central|upstate|downstate)\w*\s+", re.I)
CONTAINED_SHARE = 0.5  # raw share of a town placed at its written container (right as far as the container is small)
NAMED_COUNTRY_BONUS = 1.0  # a reading in a country the article names itself, again and again ("London" ... "Canada" x2)
# "Houston" alone is the city: news writes "Houston County" for the county (readings.county_by_its_stem). Only
# with context (passes two and three): pass one's shares also say how surely a name lies in one country, and
# lowering a county of that country there would take that vote away ("Albany" in a story of the Georgia police).
BARE_COUNTY_PENALTY = 2.0
# A state or province with fewer people than a city of its name elsewhere is not the more prominent reading:
# its kind's prior is taken back ("Santiago" is Chile's capital, not the Dominican province; "Portland" is Oregon's
# city, not Jamaica's parish). Context in the state still wins it back.
SMALL_STATE_PENALTY = readings.KIND_PRIOR["admin1"]
NAMED_COUNTRY_MIN = 2  # mentions of the country by name: once is a passing word ("officials of the United States")
WEIGHTS = scoring.Weights(COUNTRY_PRESENT, COUNTRY_WEIGHT, NAMED_COUNTRY_BONUS, NAMED_COUNTRY_MIN, ADMIN_PRESENT,
                          ADMIN_WEIGHT)


def _inside(c: Candidate, ids) -> bool:
    return c.admin1 in ids or c.place.id in ids or f"cc:{c.place.country_code}" in ids


@dataclass(frozen=True)
class Readings:
    """A name's readings and the terms of their scores that depend on nothing but the name and its readings
    (prior, qualifier, seat, territory, a county named by its stem, a state smaller than a namesake city): the same
    in every pass and in every article, so they are worked out once per name and kept (:meth:`Resolver._readings`)
    instead of once per pass.
    ``prior`` has one value per candidate; ``fixed`` and ``county`` hold the other terms as (reading, signed
    term) for the readings they apply to, in the order :meth:`Resolver._rank` adds them (qualifier, seat, named
    after a city, small state, territory; then, with context, the county): a term that does not apply adds
    nothing (``x + 0.0`` is ``x``, ``x - t`` is ``x + -t``), so the sums, and the answers, are the same to the
    last bit."""

    candidates: tuple[Candidate, ...]
    prior: tuple[float, ...]
    fixed: tuple[tuple[int, float], ...]
    county: tuple[tuple[int, float], ...]
    fuzzy: bool  # a reading is a near spelling (kept only with the article's support)
    states: frozenset  # the countries with a state of this name (see scoring.contextual)
    rows: scoring.Rows | None = field(default=None, compare=False)  # what scoring.contextual reads of them
    spread: nearby.Spread | None = field(default=None, compare=False)  # what nearby.neighbours reads of them
    alone: Choice | None = field(default=None, compare=False)  # pass one's choice without support or a unit word
    # Read in every ranking: each reading's kind, the terms added with context (fixed, then county), and whether the
    # rules below can apply at all (a post town beside a great namesake, lesser alternate names).
    kinds: tuple[str, ...] = field(default=(), compare=False)
    with_context: tuple[tuple[int, float], ...] = field(default=(), compare=False)
    post_towns: bool = field(default=True, compare=False)
    alternates: frozenset = field(default=frozenset(), compare=False)  # the places of those alternate readings


def _applying(terms: list[float]) -> tuple[tuple[int, float], ...]:
    return tuple((i, term) for i, term in enumerate(terms) if term)


def _best_id(choice: Choice) -> str | None:
    best = choice.best[0]
    return best.place.id if best is not None else None


NO_CHOICE = Choice((), ())  # a name without readings (one for all: a choice is never changed)


class Resolver:
    """Context-aware ranking of gazetteer candidates for the place mentions of one text.

    ``geocoder`` (optional, geopy-shaped, e.g. a cached Nominatim) is asked only for names
    the gazetteer does not know, so an online service adds coverage without losing the
    context ranking. ``calibration`` turns the winner's share into the ``score`` shown to users
    (default: the shipped :class:`ScoreCalibration`; ``ScoreCalibration.identity()`` for the raw share).
    """

    def __init__(self, gazetteer: Gazetteer, geocoder=None, calibration: ScoreCalibration | None = None) -> None:
        self.gazetteer = gazetteer
        self.geocoder = geocoder
        self.calibration = calibration if calibration is not None else ScoreCalibration.load()
        # Per (name key, written as a town): its readings and their context-free terms. The key holds the name,
        # its label and its written containers, all that _candidates and _constrained read, so one article's
        # context never enters (the article's evidence is scored per pass in _rank).
        self._readings = lru_cache(maxsize=100_000)(self._readings_uncached)
        self._key = lru_cache(maxsize=100_000)(self._key_uncached)  # per name as written and its label
        curated = sources.curated()
        self._initials = initials_keys([*curated["state_abbreviations"], *curated["province_abbreviations"],
                                        *(a for names in curated["country_aliases"].values() for a in names)])
        self._city_initials = CityInitials(gazetteer.cities_above)

    def resolve(self, text: str, mentions: Sequence[Mention]) -> tuple[PlaceMention, ...]:
        """One PlaceMention per mention, in the same order; ``place=None`` is an explicit no-match."""
        mentions = [self._directional(m) for m in mentions]
        keys = self._keys(text, mentions)
        written = how_written(text, mentions, keys)  # "a Lebanon woman", "the Atlantic", "Berea Police Department"
        names = {key: self._readings(key, written.get(key, PLAIN)) for key in set(keys) if key[1] != "border"}
        cues = institutions.state_cues(text, mentions, keys, self.gazetteer.candidates)  # "University of Georgia"
        state_words = {**settlements.town_words(text, mentions, keys), **readings.unit_words(text, mentions, keys),
                       **cues.mentioned, **peer_states.among_states(names),  # "the city of X", "Idlib province" ...
                       **{key: ("admin1",) for key in readings.state_words(text, mentions, keys)}}
        ranked = {key for key, name in names.items() if len(name.candidates) > 1 or name.fuzzy}  # the others: 1
        neighbours = nearby.neighbours({key: name.spread for key, name in names.items()}, only=ranked)
        first = {key: self._rank(key, name, None, neighbours, state_words) for key, name in names.items()}
        counts = Counter(keys)
        context = self._context(first, counts)
        lists = readings.list_kinds(text, mentions, keys, first)
        second = {key: self._rank(key, name, context, neighbours, state_words, lists) for key, name in names.items()}
        # Pass three: names still open are read again with the second pass's answers as context and
        # as neighbours ("Henry County" once "Paris" is Paris, Tennessee), and so are names settled on a
        # context that has since moved: "Georgia" read as the country in pass one let "Texas" alone place
        # "Atlanta" in pass two; once "Georgia" is surely the state, Atlanta is read again. Only a move to
        # a confident answer counts, so answers cannot swap back and forth on a passing doubt.
        third = self._third_pass(names, first, second, counts, (context, neighbours, cues.named), state_words, lists)
        answers = in_stated_towns(text, self._answers(mentions, keys, third))  # "Cypress St., Alexandria"
        return english.in_context(subdivisions.read_as_subdivisions(text, answers, self.gazetteer), self.gazetteer)

    def _answers(self, mentions: Sequence[Mention], keys: list, choices: dict) -> tuple[PlaceMention, ...]:
        """Each mention's answer: worked out once per name as it is written (one sense per document; a
        directional or a town in its container reads the words as written), then given to each mention."""
        found: dict = {}
        out = []
        for mention, key in zip(mentions, keys):
            written = (key, mention.label, mention.text)
            answer = found.get(written)
            if answer is None:
                answer = found[written] = self._answer(mention, key, choices)
            out.append(answer if answer.mention is mention else PlaceMention(mention, answer.place, answer.score))
        return tuple(out)

    def _third_pass(self, names: dict, first: dict, second: dict, counts: Counter, before: tuple,
                    state_words: dict, lists: dict) -> dict:
        """Pass three's choices: the second pass's, with the names to read again (open, or settled on a context
        that has since moved) ranked with the second pass's answers as context and neighbours. A name whose
        context and neighbour support are those it was ranked with in pass two would be ranked the same
        (a rank reads nothing else of the article), so it keeps its pass two choice without the work."""
        moved = {key for key, choice in second.items()
                 if choice.best[1] >= CONFIDENT and _best_id(choice) != _best_id(first[key])}
        again = [key for key, choice in second.items() if choice.best[1] < CONFIDENT or len(moved) > (key in moved)]
        if not again:
            return second
        context = self._context(second, counts)
        neighbours = nearby.neighbours({key: name.spread for key, name in names.items()}, nearby.shares(second),
                                         only=set(again))
        same = context == before[0]
        third = dict(second)
        for key in again:  # a state only an institution names settles names still open, never one read ("Paris")
            seen = institutions.with_states(context, before[2]) if second[key].best[1] < CONFIDENT else context
            if not (seen is context and same and neighbours.get(key) == before[1].get(key)):
                third[key] = self._rank(key, names[key], seen, neighbours, state_words, lists)
        return third

    def _directional(self, mention: Mention) -> Mention:
        """A capitalised direction before a place the gazetteer does not know as a whole ("North Texas",
        "Northeast Georgia", "South Philadelphia") is that part of the place, as "northern Texas" is; a direction in
        lower case before a capitalised name is always a part of it: "east London" is no East London (a proper
        name is capitalised whole)."""
        if mention.label != "place" or not DIRECTION_WORDS.match(mention.text):
            return mention
        rest = DIRECTION_WORDS.sub("", mention.text)
        lower = mention.text[:1].islower() and rest[:1].isupper()
        if not lower and self.gazetteer.candidates(mention.text, fuzzy=False):
            return mention
        if not self.gazetteer.candidates(rest, fuzzy=False):
            return mention
        return Mention(mention.start, mention.end, mention.text, "directional")

    def _keys(self, text: str, mentions: Sequence[Mention]) -> list[tuple]:
        """Per mention: its normalised name, label, whether it is written as a code, and the containers it is
        written with ("Bethel, Delaware"). A name written once with one container and elsewhere alone is the
        same place there (one sense per document); with two containers, two places."""
        quals = containers(text, mentions, self.gazetteer.candidates)
        bases = [unqualifying(self._key(self._shared(text, m), m.label), text, m) for m in mentions]
        written: dict[tuple, set] = {}
        for base, qual in zip(bases, quals):
            if qual.ids:
                written.setdefault(base, set()).add(qual)
        return [base + ((qual if qual.ids or len(written.get(base, ())) != 1 else next(iter(written[base]))),)
                for base, qual in zip(bases, quals)]

    def _shared(self, text: str, mention: Mention) -> str:
        """The name a mention is read as: its words, or the whole name a direction shares with the next ("North" of
        "North and South Korea" is North Korea; :mod:`geo.places.ellipsis`)."""
        if mention.label != "place" or mention.text not in SHARED_DIRECTIONS:
            return mention.text
        return known_whole(text, mention.start, mention.end,
                           lambda name: self.gazetteer.candidates(name, fuzzy=False)) or mention.text

    @staticmethod
    def _key_uncached(text: str, label: str) -> tuple[str, str, str]:
        """The name, its label and how it is written: "code" ("US"), "initials" ("L.A."), or "" (any other way)."""
        name = DIRECTION_WORDS.sub("", text) if label == "directional" else text
        written = "code" if written_as_code(name) else "initials" if written_as_initials(name) else ""
        return normalise(name), label, written

    @staticmethod
    def _constrained(key: tuple, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """A town written with its container ("Bethel, Delaware") is read only inside it, when it has a reading
        there; a name of a country or state keeps its readings ("Syria, Iraq and Jordan" is a list). A town surely
        written with one container and without a reading there has none: it is answered in its container
        (:meth:`_in_container`), and its namesakes elsewhere (Bethel, Ohio) neither vote for their country nor
        support their neighbours (Paris, Kentucky, for "Bethel, Delaware and Paris")."""
        ids = key[3].ids
        if not ids or any(c.place.kind in QUALIFIER_KINDS and c.form == "name" for c in candidates):
            return candidates
        inside = tuple(c for c in candidates if _inside(c, ids))
        if not inside and key[3].sure and all(c.place.kind in CONTAINED_KINDS for c in candidates):
            return ()
        return inside or candidates

    def _candidates(self, key: str, label: str, written: str = "code") -> tuple[Candidate, ...]:
        found = readings.without_common_words(self._spelled(key, self.gazetteer.candidates(key)), key)
        if written == "initials":  # "L.A.": not "La." (Louisiana)
            found = read_initials(key, found, self._initials, self._city_initials)
        unit = readings.UNIT_ENDING.search(key)
        if unit and all(c.fuzzy for c in found):  # "Aleppo Governorates", "Homs Province": the unit of that name
            stem = key[:unit.start()]
            units = self._spelled(stem, self.gazetteer.candidates(stem, fuzzy=False), readings.UNIT_KINDS)
            found = tuple(c for c in units if c.place.kind in readings.UNIT_KINDS) or found
        found = settlements.town_readings(key, found, self.gazetteer.candidates)  # "Readington Township"
        if written == "bare":  # "IS positions": neither Iceland's code nor the Russian town "Is"
            found = tuple(c for c in found if c.form in ("abbr", "alt"))  # "EU" is the European Union
        elif written != "code":  # "S.C.", "It": not the ISO code of Seychelles or Italy
            found = tuple(c for c in found if c.form != "code")
        if label == "demonym":
            demonyms = tuple(c for c in found if c.form == "demonym")
            return demonyms or found
        places = tuple(c for c in found if c.form != "demonym")
        return places or (found if not any(c.fuzzy for c in found) else ())  # "Americas" is not "Americans"

    def _spelled(self, key: str, found: tuple[Candidate, ...], kinds=None) -> tuple[Candidate, ...]:
        """A name's readings, with those of another spelling of it when none is a place of that name (of ``kinds``
        when given): "N. Korea", "Shabwa", "Hodeidah" (:mod:`geo.places.spellings`)."""
        return spellings.respelled(key, found, lambda name: self.gazetteer.candidates(name, fuzzy=False), kinds)

    def _readings_uncached(self, key: tuple, written: Writing = PLAIN) -> Readings:
        """A name's readings (see :class:`Readings`), those left by how the article writes it (:mod:`.writing`)."""
        candidates = narrowed(self._constrained(key, self._candidates(*key[:3])), written, key[0])
        name = Readings(
            candidates,
            prior=tuple(prior(c) + readings.short_form_bonus(c, key[0], candidates) for c in candidates),
            fixed=self._fixed_terms(key, candidates),
            county=_applying([-BARE_COUNTY_PENALTY if readings.county_by_its_stem(c, key[0], candidates) else 0.0
                              for c in candidates]),
            fuzzy=any(c.fuzzy for c in candidates),
            states=(states := frozenset(c.place.country_code for c in candidates
                                        if c.place.kind == "admin1" and c.form == "name")),
            rows=scoring.rows(candidates, states, SUPRANATIONAL_KINDS), spread=nearby.spread(candidates),
            kinds=tuple(c.place.kind for c in candidates), post_towns=beside_a_great_namesake(candidates),
            alternates=lesser_alternates(candidates))
        name = replace(name, with_context=name.fixed + name.county)
        return replace(name, alone=self._rank(key, name, None)) if candidates else name  # reads the name only

    def _fixed_terms(self, key: tuple, candidates: tuple[Candidate, ...]) -> tuple[tuple[int, float], ...]:
        """The context-free terms after the prior (see :class:`Readings`), signed, in the order they are added."""
        admins = {c.place.id for c in candidates if c.place.kind == "admin1"}
        return (_applying([self._qualified(c, key[3].ids) for c in candidates])
                + _applying([SEAT_BONUS if c.place.kind == "city" and c.admin1 in admins else 0.0 for c in candidates])
                + _applying([-SEAT_BONUS if readings.named_after_a_city(c, candidates) else 0.0 for c in candidates])
                + _applying([-SMALL_STATE_PENALTY if readings.smaller_than_a_namesake_city(c, candidates)
                             or readings.named_like_its_seat(c, candidates) else 0.0 for c in candidates])
                + _applying([TERRITORY_BONUS if readings.names_a_city_inside(c, candidates) else 0.0
                             for c in candidates]))

    def _rank(self, key, name: Readings, context, neighbours=None, state_words=None, lists=None) -> Choice:
        candidates = name.candidates
        if not candidates:
            return NO_CHOICE
        if len(candidates) == 1 and not candidates[0].fuzzy:
            return name.alone or Choice(candidates, (1.0,))  # one reading: its share is 1 whatever its score
        near = (neighbours or {}).get(key, ())
        unit_kinds = (state_words or {}).get(key, ())
        listed = (lists or {}).get(key)
        if context is None and name.alone is not None and not unit_kinds and listed is None and not any(near):
            return name.alone  # as worked out when the name's readings were kept
        great = name.alone if name.spread is not None and name.spread.great else None  # "Toronto" beside "Miami"
        scored = scoring.contextual(name.rows, self._evidence(key, context, bool(name.rows.index), great), WEIGHTS) \
            if context else None
        scores = [p + s for p, s in zip(name.prior, scored)] if context else list(name.prior)
        for i, term in name.with_context if context else name.fixed:  # in the order of Readings
            scores[i] += term
        if any(near):
            for i, support in enumerate(near):
                if support:
                    scores[i] += NEIGHBOUR_BONUS * support
        if unit_kinds or listed is not None:
            for i, kind in enumerate(name.kinds):
                if kind in unit_kinds:
                    scores[i] += STATE_WORD_BONUS
                if listed == kind:
                    scores[i] += LIST_BONUS
        if context and not key[3].ids:  # "Denver" alone beside Indiana: not Indiana's post office of that name
            far = far_beside_a_great_namesake(candidates, scores, key, context["towns"]) if name.post_towns else []
            for i in far + (named_elsewhere(candidates, key, context["by_name"])  # nor "Youngstown" beside "Mount
                            if not name.alternates.isdisjoint(context["by_name"]) else []):  # Gilead" as Mount Gilead
                scores[i] = -math.inf
        if name.fuzzy:
            kept = [i for i, c in enumerate(candidates) if not c.fuzzy or readings.fuzzy_supported(c, key, context)]
            if not kept:
                return NO_CHOICE
            if len(kept) < len(candidates):
                candidates, scores = [candidates[i] for i in kept], [scores[i] for i in kept]
        top = max(scores)
        weights = [math.exp(s - top) for s in scores]
        total = sum(weights)
        return Choice(tuple(candidates), tuple([w / total for w in weights]),
                      name.rows.countries if candidates is name.candidates else None)

    @staticmethod
    def _qualified(c: Candidate, ids) -> float:
        return QUALIFIER_BONUS if ids and _inside(c, ids) else 0.0

    def _context(self, choices: dict, counts: Counter) -> dict:
        """Countries and admin1s of the confident answers (weighted by mentions; every count is above zero) and
        their points."""
        countries: dict = {}  # plain dicts, not Counters: one context per article and pass
        admins: dict = {}
        points = []  # (key, prepared point) of each answer: other names' nearness to it
        towns, by_name = [], {}  # the same of the answers that are towns or counties; answers by their own name
        own: dict = {}
        named: dict = {}  # mentions of countries by their names ("Canada", not "Canadian")
        named_by: dict = {}
        for key, choice in choices.items():
            best, p = choice.best
            if best is None:
                continue
            n = counts[key]
            sure = p >= CONFIDENT
            if not sure and not prominence.leading_big_city(choice):  # "Henry County": which one is open,
                # but every reading is in the United States. "Atlanta" leads its namesakes: its country and its
                # point count, not its state (prominence.leading_big_city)
                cc = readings.sure_country(choice)
                if cc:
                    countries[cc] = countries.get(cc, 0) + n
                    own[key] = (cc, n, None, 0)
                continue
            place = best.place
            cc, kind = place.country_code, place.kind
            cc_votes = n * (2 if kind == "country" else 1)
            if cc:
                countries[cc] = countries.get(cc, 0) + cc_votes
            if kind == "country" and key[1] != "demonym" and cc:
                named[cc] = named.get(cc, 0) + n
                named_by[key] = (cc, n)
            admin = (place.id if kind == "admin1" else best.admin1) if sure else None
            if admin:
                admins[admin] = admins.get(admin, 0) + n
            own[key] = (cc, cc_votes, admin, n)
            points.append((key, prepared(place.lat, place.lon)))
            if kind in LOCAL_KINDS:
                towns.append(points[-1])
            if best.form == "name":
                by_name[place.id] = key
        return {"towns": towns, "by_name": by_name, "countries": countries, "country_total": sum(countries.values()),
                "admins": admins, "admin_total": sum(admins.values()), "own": own, "named": (named, named_by),
                "points": points, "choices": choices}

    @staticmethod
    def _evidence(key, context, towns: bool = True, alone: Choice | None = None) -> dict:
        """The article's evidence as one name sees it in a pass: the totals and the places of the *other* names,
        with its own first answer left out (see :func:`scoring.contextual`). Worked out once per name and pass, not once
        per reading. The places (``anchors``) are gathered only for a name with ``towns`` (no other reading reads
        them)."""
        own_cc, cc_votes, own_admin, n = context["own"].get(key, (None, 0, None, 0))
        named, named_by = context["named"]
        named_cc, named_n = named_by.get(key, (None, 0))
        evidence = {"own_cc": own_cc, "cc_votes": cc_votes, "own_admin": own_admin, "n": n,
                    "countries": context["countries"], "admins": context["admins"],
                    "country_total": context["country_total"] - (cc_votes if own_cc else 0),
                    "admin_total": context["admin_total"] - (n if own_admin else 0),
                    "anchors": [point for k, point in context["points"] if k != key] if towns else [],
                    "named": named, "named_cc": named_cc, "named_n": named_n}
        return evidence if alone is None else prominence.discounted(evidence, key, alone, context)

    def _answer(self, mention: Mention, key, choices) -> PlaceMention:
        if mention.label == "border":
            place = border_between(mention.text, self.gazetteer)
            return PlaceMention(mention, place, 0.8 if place is not None else 0.0)
        best, p = choices[key].best
        contained = self._in_container(mention, key, choices[key]) if key[3].sure and (
            best is None or not _inside(best, key[3].ids)) else None
        if contained is not None:
            return contained
        if best is None:
            return PlaceMention(mention, self._online(mention.text), 0.0)
        place = best.place
        if best.place.kind in ("country", "region") or mention.label == "directional":
            place = self.gazetteer.place(place.id) or place
        if mention.label == "directional":
            place = directional_place(place, direction_of(mention.text))
        return PlaceMention(mention, place, self.calibration.score(p, kind=place.kind, fuzzy=best.fuzzy))

    def _in_container(self, mention: Mention, key: tuple, choice: Choice) -> PlaceMention | None:
        """A town in its written container when it has no reading inside (:func:`.qualifiers.contained_place`)."""
        place = contained_place(mention, key[3].ids, choice.candidates, self.gazetteer)
        return place and PlaceMention(mention, place, self.calibration.score(CONTAINED_SHARE, kind=place.kind))

    def _online(self, query: str) -> Place | None:
        """Ask the configured online geocoder for a name the gazetteer lacks; None if none or no answer."""
        if self.geocoder is None:
            return None
        answer = self.geocoder.geocode(query, exactly_one=True)
        return answer if isinstance(answer, Place) else None
