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

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Sequence

from geo.places.calibration import ScoreCalibration
from geo.places.gazetteer import Candidate, Gazetteer
from geo.names import normalise, written_as_code
from geo.records import Mention, Place, PlaceMention
from geo.places.sources import haversine_km

KIND_PRIOR = {"country": 6.0, "continent": 5.5, "region": 5.5, "water": 5.0, "admin1": 2.5, "admin2": 0.0,
              "city": 0.0}
FORM_PRIOR = {"name": 0.0, "demonym": 0.0, "abbr": -0.5, "code": -0.5, "alt": -1.5}
FUZZY_PENALTY = 3.0
FUZZY_NEAR_KM = 500.0  # a near-spelling is accepted this close to another place of the article (or in its country)
CAPITAL_BONUS = 2.0
POPULATION_WEIGHT = 0.6
COUNTRY_WEIGHT, COUNTRY_PRESENT = 3.0, 1.0
ADMIN_WEIGHT, ADMIN_PRESENT = 2.5, 1.0
QUALIFIER_BONUS = 4.0
SEAT_BONUS = 2.0  # "Tehran": the city named like the province it lies in is usually meant (so are "Edmonton", "Washington")
SEAT_RADIUS_KM = 100.0  # cities carry no admin2 id: a county "contains" a same-named city this close to its point
TERRITORY_BONUS = 3.0  # "Gaza": a curated territory named after a city inside it is meant over that city
TERRITORY_RADIUS_KM = 60.0
CONFIDENT = 0.5
SURE_COUNTRY = 0.8  # an ambiguous name whose readings lie this surely in one country votes for it ("Dallas")
NEIGHBOUR_BONUS, NEIGHBOUR_CAP = 1.5, 2  # per other name with a reading near this one (local news: "Paris" + "Henry County")
NEIGHBOUR_CELL_DEG = 0.5  # grid cell for "near": readings in the same or an adjacent cell (~50-110 km)
NEIGHBOUR_MIN_WEIGHT = 0.2  # weaker readings (a hamlet against a city of 500,000) give no support
NEIGHBOUR_SHARPNESS = 2.0  # a reading supports with weight exp(2 * (its prior - its name's best prior))
LOCAL_KINDS = ("city", "admin2")
SUPRANATIONAL_KINDS = ("water", "continent", "region")  # in no one country: country context is neutral to them
STATE_WORD_BONUS = 4.0  # "a Washington state farm", "the state of Washington": the state, not a city named so
LIST_BONUS = 2.0  # "Utah, Washington and Wisconsin": a name listed with states is a state
LIST_MIN_AGREE = 2  # other members of the list whose first answers share one kind
LIST_KINDS = ("country", "admin1")  # lists of towns are left to the neighbour support
_STATE_AFTER = re.compile(r"\s+state\b")
_STATE_BEFORE = re.compile(r"\bstates?\s+of\s+(?:the\s+)?$", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+(?:and|or))\s*$")
DIRECTION_WORDS = re.compile(r"^(north|south|east|west|central|upstate|downstate)\w*\s+", re.I)
_QUALIFIER = re.compile(r",\s*((?:[A-Z][\w.]*\.?)(?:\s+[A-Z][\w.]*)*)")


@dataclass(frozen=True)
class _Choice:
    candidates: tuple[Candidate, ...]
    probabilities: tuple[float, ...]

    @property
    def best(self) -> tuple[Candidate | None, float]:
        if not self.candidates:
            return None, 0.0
        i = max(range(len(self.probabilities)), key=self.probabilities.__getitem__)
        return self.candidates[i], self.probabilities[i]


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

    def resolve(self, text: str, mentions: Sequence[Mention]) -> tuple[PlaceMention, ...]:
        """One PlaceMention per mention, in the same order; ``place=None`` is an explicit no-match."""
        mentions = [self._directional(m) for m in mentions]
        keys = [self._key(m) for m in mentions]
        pool = {key: self._candidates(*key) for key in set(keys) if key[1] != "border"}
        qualifiers = self._qualifiers(text, mentions, keys)
        state_words = _state_words(text, mentions, keys)
        neighbours = _neighbours(pool)
        first = {key: self._rank(key, cands, None, qualifiers, neighbours, state_words) for key, cands in pool.items()}
        context = self._context(first, Counter(keys))
        lists = _list_kinds(text, mentions, keys, first)
        second = {key: self._rank(key, cands, context, qualifiers, neighbours, state_words, lists)
                  for key, cands in pool.items()}
        # Pass three: names still open are read again with the second pass's answers as context and
        # as neighbours ("Henry County" once "Paris" is Paris, Tennessee); settled answers stay, so
        # answers cannot swap back and forth between passes.
        context = self._context(second, Counter(keys))
        neighbours = _neighbours(pool, _shares(second))
        third = {key: choice if choice.best[1] >= CONFIDENT else
                 self._rank(key, pool[key], context, qualifiers, neighbours, state_words, lists)
                 for key, choice in second.items()}
        return tuple(self._answer(m, key, third) for m, key in zip(mentions, keys))

    def _directional(self, mention: Mention) -> Mention:
        """A capitalised direction before a place the gazetteer does not know as a whole ("North Texas",
        "Northeast Georgia", "South Philadelphia") is that part of the place, as "northern Texas" is."""
        if mention.label != "place" or not DIRECTION_WORDS.match(mention.text):
            return mention
        if self.gazetteer.candidates(mention.text, fuzzy=False):
            return mention
        rest = DIRECTION_WORDS.sub("", mention.text)
        if not self.gazetteer.candidates(rest, fuzzy=False):
            return mention
        return Mention(mention.start, mention.end, mention.text, "directional")

    def _key(self, mention: Mention) -> tuple[str, str]:
        text = mention.text
        if mention.label == "directional":
            text = DIRECTION_WORDS.sub("", text)
        return normalise(text), mention.label, written_as_code(text)

    def _candidates(self, key: str, label: str, code: bool = True) -> tuple[Candidate, ...]:
        found = self.gazetteer.candidates(key)
        if not code:  # "S.C.", "It": not the ISO code of Seychelles or Italy
            found = tuple(c for c in found if c.form != "code")
        if label == "demonym":
            demonyms = tuple(c for c in found if c.form == "demonym")
            return demonyms or found
        places = tuple(c for c in found if c.form != "demonym")
        return places or (found if not any(c.fuzzy for c in found) else ())  # "Americas" is not "Americans"

    def _qualifiers(self, text: str, mentions: Sequence[Mention], keys) -> dict[tuple[str, str], set[str]]:
        """Admin1 and country ids named right after a mention ("Dothan, Ala."): the mention's container."""
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for mention, key in zip(mentions, keys):
            match = _QUALIFIER.match(text, mention.end)
            if not match:
                continue
            code = written_as_code(match.group(1))
            for cand in self.gazetteer.candidates(match.group(1), fuzzy=False):
                if cand.place.kind in ("admin1", "country") and (code or cand.form != "code"):
                    out[key].add(cand.place.id if cand.place.kind == "admin1" else f"cc:{cand.place.country_code}")
        return out

    def _rank(self, key, candidates, context, qualifiers, neighbours=None, state_words=None, lists=None) -> _Choice:
        if not candidates:
            return _Choice((), ())
        near = (neighbours or {}).get(key, ())
        state_word = key in (state_words or ())
        listed = (lists or {}).get(key)
        admins = {c.place.id for c in candidates if c.place.kind == "admin1"}
        states = {c.place.country_code for c in candidates if c.place.kind == "admin1" and c.form == "name"}
        scores = [self._prior(c) + (self._contextual(c, key, context, states) if context else 0.0)
                  + self._qualified(c, qualifiers.get(key, ()))
                  + (SEAT_BONUS if c.place.kind == "city" and c.admin1 in admins else 0.0)
                  - (SEAT_BONUS if _named_after_a_city(c, candidates) else 0.0)
                  + (TERRITORY_BONUS if _names_a_city_inside(c, candidates) else 0.0)
                  + (NEIGHBOUR_BONUS * near[i] if near else 0.0)
                  + (STATE_WORD_BONUS if state_word and c.place.kind == "admin1" else 0.0)
                  + (LIST_BONUS if listed == c.place.kind else 0.0)
                  for i, c in enumerate(candidates)]
        kept = [i for i, c in enumerate(candidates) if not c.fuzzy or _fuzzy_supported(c, key, context)]
        if not kept:
            return _Choice((), ())
        candidates, scores = [candidates[i] for i in kept], [scores[i] for i in kept]
        top = max(scores)
        weights = [math.exp(s - top) for s in scores]
        total = sum(weights)
        return _Choice(tuple(candidates), tuple(w / total for w in weights))

    @staticmethod
    def _prior(c: Candidate) -> float:
        score = KIND_PRIOR.get(c.place.kind, 0.0) + FORM_PRIOR.get(c.form, -1.0)
        score += POPULATION_WEIGHT * math.log10(c.population + 1)
        if c.feature == "PPLC":
            score += CAPITAL_BONUS
        return score - (FUZZY_PENALTY if c.fuzzy else 0.0)

    @staticmethod
    def _qualified(c: Candidate, containers) -> float:
        if not containers:
            return 0.0
        inside = c.admin1 in containers or f"cc:{c.place.country_code}" in containers
        return QUALIFIER_BONUS if inside else 0.0

    def _context(self, choices: dict, counts: Counter) -> dict:
        """Countries and admin1s of the confident answers (weighted by mentions) and their points."""
        countries: Counter = Counter()
        admins: Counter = Counter()
        anchors = []
        own: dict = {}
        for key, choice in choices.items():
            best, p = choice.best
            if best is None:
                continue
            n = counts[key]
            if p < CONFIDENT:  # "Henry County": which one is open, but every reading is in the United States
                cc = _sure_country(choice)
                if cc:
                    countries[cc] += n
                    own[key] = (cc, n, None, 0)
                continue
            cc = best.place.country_code
            cc_votes = n * (2 if best.place.kind == "country" else 1)
            if cc:
                countries[cc] += cc_votes
            admin = best.place.id if best.place.kind == "admin1" else best.admin1
            if admin:
                admins[admin] += n
            own[key] = (cc, cc_votes, admin, n)
            anchors.append((key, best.place.lat, best.place.lon))
        return {"countries": countries, "country_total": sum(countries.values()), "admins": admins,
                "admin_total": sum(admins.values()), "anchors": anchors, "own": own}

    @staticmethod
    def _contextual(c: Candidate, key, context, states: frozenset | set = frozenset()) -> float:
        """Evidence from the *other* names of the article: a name's own first answer is left
        out, or "Georgia" (the country, by prior) would vote for itself in an article about
        Atlanta and Macon. A town named like a state of its own country (``states``: the
        countries with a state of this name) gains nothing from lying in a state the article
        names: "Oklahoma" in a story that also names Pennsylvania is not Oklahoma, Pennsylvania
        (a qualifier, "Oklahoma, Pa.", still is). Towns named like foreign countries (Lebanon,
        Pennsylvania) keep it: local news means them."""
        score = 0.0
        own_cc, cc_votes, own_admin, n = context["own"].get(key, (None, 0, None, 0))
        countries, admins = context["countries"], context["admins"]
        country_total = context["country_total"] - (cc_votes if own_cc else 0)
        admin_total = context["admin_total"] - (n if own_admin else 0)
        cc = c.place.country_code
        votes = countries[cc] - (cc_votes if cc == own_cc else 0) if cc else 0
        if not cc and c.place.kind in SUPRANATIONAL_KINDS:  # the Pacific is as near a US story as Pacific, Missouri
            votes = max((v - (cc_votes if k == own_cc else 0) for k, v in countries.items()), default=0)
        if votes > 0:
            score += COUNTRY_PRESENT + COUNTRY_WEIGHT * votes / max(country_total, 1)
        admin = c.place.id if c.place.kind == "admin1" else c.admin1
        votes = admins[admin] - (n if admin == own_admin else 0) if admin else 0
        if votes > 0 and not (c.place.kind in LOCAL_KINDS and cc in states):
            score += ADMIN_PRESENT + ADMIN_WEIGHT * votes / max(admin_total, 1)
        if c.place.kind in ("city", "admin2"):
            near = min((haversine_km(c.place.lat, c.place.lon, lat, lon) for k, lat, lon in context["anchors"]
                        if k != key), default=None)
            if near is not None:
                score += 1.5 if near < 50 else 1.0 if near < 200 else 0.3 if near < 1000 else 0.0
        return score

    def _answer(self, mention: Mention, key, choices) -> PlaceMention:
        if mention.label == "border":
            return self._border(mention)
        best, p = choices[key].best
        if best is None:
            return PlaceMention(mention, self._online(mention.text), 0.0)
        place = best.place
        if best.place.kind in ("country", "region") or mention.label == "directional":
            place = self.gazetteer.place(place.id) or place
        if mention.label == "directional":
            place = directional_place(place, _direction(mention.text))
        return PlaceMention(mention, place, self.calibration.score(p, kind=place.kind, fuzzy=best.fuzzy))

    def _online(self, query: str) -> Place | None:
        """Ask the configured online geocoder for a name the gazetteer lacks; None if none or no answer."""
        if self.geocoder is None:
            return None
        answer = self.geocoder.geocode(query, exactly_one=True)
        return answer if isinstance(answer, Place) else None

    def _border(self, mention: Mention) -> PlaceMention:
        sides = re.split(r"\s*[-\u2013/]\s*", re.sub(r"\s+(border|frontier)$", "", mention.text), maxsplit=1)
        places = [self._best_big(side) for side in sides]
        if len(places) != 2 or None in places:
            return PlaceMention(mention, None, 0.0)
        return PlaceMention(mention, border_place(*places), 0.8)

    def _best_big(self, name: str) -> Place | None:
        cands = [c for c in self.gazetteer.candidates(name, fuzzy=False) if c.place.kind in ("country", "admin1")]
        if not cands:
            return None
        best = max(cands, key=self._prior)
        return self.gazetteer.place(best.place.id) or best.place


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat / NEIGHBOUR_CELL_DEG)), int(math.floor(lon / NEIGHBOUR_CELL_DEG))


Strength = Callable[[tuple, Candidate], float]  # how strongly a name's reading is held, on a log scale


def _shares(choices: dict) -> Strength:
    """A reading's strength for :func:`_neighbours` after a pass: the log of its share there."""
    logs = {(key, c.place.id): math.log(max(p, 1e-9)) for key, choice in choices.items()
            for c, p in zip(choice.candidates, choice.probabilities)}
    return lambda key, c: logs.get((key, c.place.id), -1e9)


def _prior_strength(key: tuple, c: Candidate) -> float:
    return Resolver._prior(c)


def _neighbours(pool: dict, strength: Strength = _prior_strength) -> dict:
    """For each name, per candidate: support from the *other* names of the article that have a
    local reading (city or county) within about 50-110 km of it. Two ambiguous names that can both
    be read as places next to each other ("Paris" and "Henry County", Tennessee) rarely are so by
    chance: one sense per discourse, applied to the article's places jointly. A reading supports
    in proportion to its prior against its name's best reading, so hamlets that happen to be
    neighbours (Atlanta and Macon, Illinois) do not outvote the famous pair (Georgia's); after a
    pass, ``strength`` is its share in that pass instead (see :func:`_shares`).
    Names of countries and states ("New York", "Mexico") neither get nor give this support:
    their town namesakes are near everything in a local story."""
    pool = {key: cands for key, cands in pool.items() if cands and not _names_a_big_place(cands)}
    cells: dict[tuple[int, int], dict] = defaultdict(dict)
    for key, cands in pool.items():
        top = max(strength(key, c) for c in cands)
        for c in cands:
            if c.place.kind in LOCAL_KINDS:
                cell = cells[_cell(c.place.lat, c.place.lon)]
                weight = math.exp(NEIGHBOUR_SHARPNESS * (strength(key, c) - top))
                if weight >= NEIGHBOUR_MIN_WEIGHT:
                    cell[key] = max(cell.get(key, 0.0), weight)
    if len(pool) < 2:
        return {}
    out = {}
    for key, cands in pool.items():
        support = []
        for c in cands:
            best: dict = {}
            if c.place.kind in LOCAL_KINDS:
                y, x = _cell(c.place.lat, c.place.lon)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        for other, weight in cells.get((y + dy, x + dx), {}).items():
                            if other != key and weight > best.get(other, 0.0):
                                best[other] = weight
            support.append(sum(sorted(best.values(), reverse=True)[:NEIGHBOUR_CAP]))
        out[key] = tuple(support)
    return out


def _sure_country(choice: _Choice) -> str | None:
    """The country an ambiguous name lies in whichever of its readings is meant (their shares
    summed per country reach ``SURE_COUNTRY``, four in five), or None: "Henry County" is one of nine US
    counties, so it says "United States" as clearly as a resolved name would."""
    shares: Counter = Counter()
    for c, p in zip(choice.candidates, choice.probabilities):
        if c.place.country_code:
            shares[c.place.country_code] += p
    if not shares:
        return None
    cc, share = shares.most_common(1)[0]
    return cc if share >= SURE_COUNTRY else None


def _fuzzy_supported(c: Candidate, key, context) -> bool:
    """A near-spelling is a last resort, accepted only in a country the article's *other* names
    lie in or near one of their places: "Mauritious" next to Réunion and the Seychelles, not
    "Greenlane" (Auckland) as Greenland or "Kogelo" (Kenya) as Kogel in Germany. Without context
    (the first pass) it is not used, so it never votes for its own country."""
    if context is None:
        return False
    if any(k != key and haversine_km(c.place.lat, c.place.lon, lat, lon) < FUZZY_NEAR_KM
           for k, lat, lon in context["anchors"]):
        return True
    if not c.place.country_code:
        return False
    own_cc, cc_votes = context["own"].get(key, (None, 0, None, 0))[:2]
    votes = context["countries"][c.place.country_code]
    return votes - (cc_votes if own_cc == c.place.country_code else 0) > 0


def _state_words(text: str, mentions: Sequence[Mention], keys) -> set:
    """Names written with the word "state" ("a Washington state farm", "the state of Washington"):
    the gold span and the NER leave the word out, but it says which namesake is meant."""
    return {key for mention, key in zip(mentions, keys) if mention.label == "place" and (
        _STATE_AFTER.match(text, mention.end) or _STATE_BEFORE.search(text, 0, mention.start))}


def _list_kinds(text: str, mentions: Sequence[Mention], keys, first: dict) -> dict:
    """Names in an enumeration ("Utah, Washington and Wisconsin") are places of one kind: for a
    name listed with at least two others whose first answers are states (or countries), and
    are most of them, that kind. "Washington" alone is DC; in a list of states it is the state.
    Lists of towns get nothing here: the neighbour support reads them jointly already, and a
    city listed with foreign capitals ("New York and Moscow, Kiev, Minsk") is often annotated
    as its state."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    groups, group = [], [order[0]] if order else []
    for a, b in zip(order, order[1:]):
        if _LIST_GAP.match(text[mentions[a].end:mentions[b].start]):
            group.append(b)
        else:
            groups.append(group)
            group = [b]
    groups.append(group)
    out: dict = {}
    for group in (g for g in groups if len(g) >= 3):
        for i in group:
            kinds = Counter()
            for j in group:
                best, _ = first[keys[j]].best if keys[j] != keys[i] and keys[j] in first else (None, 0.0)
                if best is not None:
                    kinds[best.place.kind] += 1
            if kinds:
                kind, n = kinds.most_common(1)[0]
                if kind in LIST_KINDS and n >= LIST_MIN_AGREE and n * 3 >= 2 * sum(kinds.values()):
                    out[keys[i]] = kind
    return out


def _names_a_big_place(candidates: Sequence[Candidate]) -> bool:
    return any(c.place.kind not in LOCAL_KINDS and c.form in ("name", "abbr") for c in candidates)


def _named_after_a_city(c: Candidate, candidates: Sequence[Candidate]) -> bool:
    """Whether subdivision ``c`` takes its name from a same-named city, which is then what a bare
    name usually means: the county or census division around its seat ("Edmonton"), or a state
    named like its country's capital ("Washington", "Mexico" the state). Context in that
    subdivision (other places in Washington state) still wins it back."""
    if c.place.kind == "admin1":
        return any(o.place.kind == "city" and o.feature == "PPLC" and o.place.country_code == c.place.country_code
                   for o in candidates)
    if c.place.kind != "admin2" or c.admin1 is None:
        return False
    return any(o.place.kind == "city" and o.admin1 == c.admin1 and haversine_km(
        c.place.lat, c.place.lon, o.place.lat, o.place.lon) < SEAT_RADIUS_KM for o in candidates)


def _names_a_city_inside(c: Candidate, candidates: Sequence[Candidate]) -> bool:
    """Whether ``c`` is a curated territory sharing its name with a city that lies in it
    ("Gaza": the Strip and Gaza City), so the territory, the wider reading, is preferred."""
    if c.place.kind != "region" or not c.place.id.startswith("region:"):
        return False
    return any(o.place.kind == "city" and haversine_km(c.place.lat, c.place.lon, o.place.lat, o.place.lon)
               < TERRITORY_RADIUS_KM for o in candidates)


def _direction(text: str) -> str:
    word = text.split()[0].lower()
    for stem in ("northeast", "northwest", "southeast", "southwest", "north", "south", "east", "west", "central"):
        if word.startswith(stem):
            return stem
    return {"upstate": "north", "downstate": "south"}.get(word, "central")


DIRECTION_ADJECTIVES = {"north": "northern", "south": "southern", "east": "eastern", "west": "western",
                        "northeast": "northeastern", "northwest": "northwestern", "southeast": "southeastern",
                        "southwest": "southwestern", "central": "central"}
_PARTS = {"north": (0, 2 / 3, 1, 1), "south": (0, 0, 1, 1 / 3), "east": (2 / 3, 0, 1, 1), "west": (0, 0, 1 / 3, 1),
          "northeast": (0.5, 0.5, 1, 1), "northwest": (0, 0.5, 0.5, 1), "southeast": (0.5, 0, 1, 0.5),
          "southwest": (0, 0, 0.5, 0.5), "central": (1 / 3, 1 / 3, 2 / 3, 2 / 3)}


def directional_place(parent: Place, direction: str) -> Place:
    """ "southern Lebanon": the part of the parent's polygon in that third of its bounding box,
    with a representative point inside it (never the parent's centroid). Without a polygon,
    the parent's point is shifted a little towards the direction."""
    pid = parent.country_code if parent.kind == "country" else parent.id
    name = f"{DIRECTION_ADJECTIVES[direction]} {parent.name}"
    if parent.geometry:
        from shapely.errors import GEOSException
        from shapely.geometry import box, mapping
        from shapely.validation import make_valid

        poly = _shape(parent.geometry)
        x0, y0, x1, y1 = poly.bounds
        fx0, fy0, fx1, fy1 = _PARTS[direction]
        try:
            part = make_valid(poly).intersection(box(x0 + fx0 * (x1 - x0), y0 + fy0 * (y1 - y0),
                                                     x0 + fx1 * (x1 - x0), y0 + fy1 * (y1 - y0)))
        except GEOSException:  # a broken source polygon: fall back to the shifted point below
            part = box(0, 0, 0, 0)
        if not part.is_empty:
            point = part.representative_point()
            return Place(id=f"dir:{direction}:{pid}", name=name, kind="region", lat=point.y, lon=point.x,
                         country_code=parent.country_code, geometry=json.dumps(mapping(part)))
    dy = {"north": 0.3, "south": -0.3}.get(direction[:5], 0.0)
    dx = 0.3 if "east" in direction else -0.3 if "west" in direction else 0.0
    return Place(id=f"dir:{direction}:{pid}", name=name, kind="region", lat=parent.lat + dy, lon=parent.lon + dx,
                 country_code=parent.country_code)


def border_place(a: Place, b: Place) -> Place:
    """The border between two places: the middle of their shared boundary (or of the gap)."""
    codes = sorted(filter(None, (a.country_code, b.country_code)))
    pid = f"border:{'-'.join(codes)}" if a.kind == b.kind == "country" else f"border:{a.id}:{b.id}"
    lat, lon = (a.lat + b.lat) / 2, (a.lon + b.lon) / 2
    geometry = None
    if a.geometry and b.geometry:
        from shapely.geometry import mapping
        from shapely.ops import nearest_points

        pa, pb = _shape(a.geometry), _shape(b.geometry)
        shared = pa.buffer(0.05).intersection(pb.buffer(0.05))
        if not shared.is_empty:
            point = shared.representative_point()
            geometry = json.dumps(mapping(shared))
        else:
            p1, p2 = nearest_points(pa, pb)
            point = type(p1)((p1.x + p2.x) / 2, (p1.y + p2.y) / 2)
        lat, lon = point.y, point.x
    return Place(id=pid, name=f"{a.name}-{b.name} border", kind="region", lat=lat, lon=lon,
                 country_code=None, geometry=geometry)


def _shape(geometry: str):
    """A valid shapely geometry from GeoJSON text (some source polygons self-intersect)."""
    from shapely.geometry import shape
    from shapely.validation import make_valid

    return make_valid(shape(json.loads(geometry)))
