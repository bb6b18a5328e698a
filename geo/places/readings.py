"""A name's readings (its gazetteer candidates) and what makes one more likely than another: the priors of a
reading alone, and the evidence of the article's other names (the one country an ambiguous name lies in,
enumerations of states, "Washington state", a near spelling's support; readings near each other:
:mod:`geo.places.neighbours`).

The resolver (``geo.places.resolution``) adds these up in its passes.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Sequence

from geo.names import normalise
from geo.places.gazetteer import Candidate
from geo.places.placewords import KIND_WORDS, UNIT_WORDS
from geo.places.points import haversine_km, nearest_km
from geo.records import Mention

#: A curated landmark or city district (geo/data/landmarks.json, no population) is known by name far beyond its
#: country, as a city of a million people is (prominence.METROPOLIS): it ranks like one (POPULATION_WEIGHT * 6), above
#: the towns that share its name (Kremlin, Montana; Westminster, Colorado) unless the article's context says otherwise.
LANDMARK_PRIOR = 3.6
KIND_PRIOR = {"country": 6.0, "continent": 5.5, "region": 5.5, "water": 5.0, "admin1": 2.5, "admin2": 0.0,
              "city": 0.0, "landmark": LANDMARK_PRIOR, "district": LANDMARK_PRIOR}
FORM_PRIOR = {"name": 0.0, "demonym": 0.0, "abbr": -0.5, "code": -0.5, "alt": -1.5}
FUZZY_PENALTY = 3.0
CAPITAL_BONUS = 2.0
POPULATION_WEIGHT = 0.6
FUZZY_NEAR_KM = 500.0  # a near-spelling is accepted this close to another place of the article (or in its country)
SURE_COUNTRY = 0.8  # an ambiguous name whose readings lie this surely in one country votes for it ("Dallas")
LOCAL_KINDS = ("city", "admin2")
SEAT_MIN_SHARE = 0.1  # a city holding a tenth of its province's people is what the province's bare name means
SEAT_RADIUS_KM = 100.0  # cities carry no admin2 id: a county "contains" a same-named city this close to its point
TERRITORY_RADIUS_KM = 60.0
LIST_MIN_AGREE = 2  # other members of the list whose first answers share one kind
LIST_KINDS = ("country", "admin1")  # lists of towns are left to the neighbour support
_STATE_AFTER = re.compile(r"\s+state\b")
_STATE_BEFORE = re.compile(r"\bstates?\s+of\s+(?:the\s+)?$", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+(?:and|or))\s*$")
UNIT_KINDS = ("admin1", "admin2")
_UNIT_AFTER = re.compile(r"\s+(?:(%s)|(%s))\b" % ("|".join(UNIT_WORDS), "|".join(UNIT_WORDS.values())), re.I)
UNIT_ENDING = re.compile(r"\s+(?:%s)$" % "|".join([*UNIT_WORDS, *UNIT_WORDS.values()]), re.I)
#: "the province of Kirkuk", "the provinces of Homs and Hama", "the Western District of Washington"
_UNIT_BEFORE = re.compile(r"\b(?:(%s)|(%s))\s+of\s+(?:the\s+)?$"
                          % ("|".join(UNIT_WORDS), "|".join(UNIT_WORDS.values())), re.I)
_UNIT_WINDOW = 40


def without_common_words(candidates: Sequence[Candidate], key: str) -> tuple:
    """A name that is an English word for a kind of place (``KIND_WORDS``) keeps only the readings that bear it
    as their own name: an alternate name spelled like the word is another language's or an old name."""
    if key not in KIND_WORDS:
        return tuple(candidates)
    return tuple(c for c in candidates if c.form != "alt" or c.fuzzy)


@dataclass(frozen=True)
class Choice:
    """A name's readings and their probabilities after one pass of the resolver."""

    candidates: tuple[Candidate, ...]
    probabilities: tuple[float, ...]
    # The readings' indices per country, in the order the countries first come (scoring.Rows.countries), when the
    # choice holds the readings as kept with the name: what sure_country sums, known without reading each place.
    by_country: tuple | None = field(default=None, repr=False, compare=False)
    best: tuple[Candidate | None, float] = field(init=False, repr=False, compare=False)  # read again and again

    def __post_init__(self) -> None:
        object.__setattr__(self, "best", self._best())

    def _best(self) -> tuple[Candidate | None, float]:
        if not self.candidates:
            return None, 0.0
        p = max(self.probabilities)  # the first of the greatest, as max over the indices by share finds it
        return self.candidates[self.probabilities.index(p)], p


def prior(c: Candidate) -> float:
    """How likely a reading is before the article is read: its kind, how the name matched, its population,
    whether it is a capital; a near spelling loses much."""
    score = KIND_PRIOR.get(c.place.kind, 0.0) + FORM_PRIOR.get(c.form, -1.0)
    score += POPULATION_WEIGHT * math.log10(c.population + 1)
    if c.feature == "PPLC" and c.form != "alt":  # "Philadelphia" is Amman's ancient name, not a capital's
        score += CAPITAL_BONUS
    return score - (FUZZY_PENALTY if c.fuzzy else 0.0)


#: "Al Karak", "Karak City", "Enfield Town"; and an ocean's or sea's name as news writes it ("the Atlantic")
_GENERIC_AFFIX = re.compile(r"^(?:al|el) |\s(?:city|town|ocean|sea)$")


def short_form_bonus(c: Candidate, name: str, candidates: Sequence[Candidate]) -> float:
    """An alternate name that is the reading's own name without a generic word ("Karak" for Karak City or Al Karak,
    "Enfield" for Enfield Town, "Atlantic" for the Atlantic Ocean) is how news writes that name, not another
    language's or an old name: it is matched as the name itself (the alternate form's penalty is given back). Not
    when the name is a country's or state's own ("New York", "Quebec", "Kuwait"): the city called after it is not
    the more likely reading."""
    if c.form != "alt" or c.fuzzy or _names_a_big_place(candidates):
        return 0.0
    own = normalise(c.place.name)
    return -FORM_PRIOR["alt"] if own != name and _GENERIC_AFFIX.sub("", own) == name else 0.0


def sure_country(choice: Choice) -> str | None:
    """The country an ambiguous name lies in whichever of its readings is meant (their shares
    summed per country reach ``SURE_COUNTRY``, four in five), or None: "Henry County" is one of nine US
    counties, so it says "United States" as clearly as a resolved name would. Kept with the choice (a name's
    choice before any pass is kept with its readings)."""
    found = choice.__dict__.get("_sure_country", choice)
    if found is choice:
        found = choice.__dict__["_sure_country"] = _sure_country(choice)
    return found


def _sure_country(choice: Choice) -> str | None:
    """The shares summed per country in the readings' order (by their groups when the choice has them), and the
    first country of the greatest sum."""
    if choice.by_country is not None:
        shares = {cc: sum(map(choice.probabilities.__getitem__, group)) for cc, group in choice.by_country}
    else:
        shares = {}
        for c, p in zip(choice.candidates, choice.probabilities):
            if c.place.country_code:
                shares[c.place.country_code] = shares.get(c.place.country_code, 0) + p
    if not shares:
        return None
    cc, share = max(shares.items(), key=itemgetter(1))
    return cc if share >= SURE_COUNTRY else None


def fuzzy_supported(c: Candidate, key, context) -> bool:
    """A near-spelling is a last resort, accepted only in a country the article's *other* names
    lie in or near one of their places: "Mauritious" next to Réunion and the Seychelles, not
    "Greenlane" (Auckland) as Greenland or "Kogelo" (Kenya) as Kogel in Germany. Without context
    (the first pass) it is not used, so it never votes for its own country."""
    if context is None:
        return False
    near = nearest_km(c.place.lat, c.place.lon, [point for k, point in context["points"] if k != key],
                      beyond=FUZZY_NEAR_KM, within=FUZZY_NEAR_KM)
    if near is not None and near < FUZZY_NEAR_KM:
        return True
    if not c.place.country_code:
        return False
    own_cc, cc_votes = context["own"].get(key, (None, 0, None, 0))[:2]
    votes = context["countries"].get(c.place.country_code, 0)
    return votes - (cc_votes if own_cc == c.place.country_code else 0) > 0


def state_words(text: str, mentions: Sequence[Mention], keys) -> set:
    """Names written with the word "state" ("a Washington state farm", "the state of Washington"):
    the gold span and the NER leave the word out, but it says which namesake is meant."""
    return {key for mention, key in zip(mentions, keys) if mention.label == "place" and (
        _STATE_AFTER.match(text, mention.end) or _state_before(text, mention.start))}


_STATE_WINDOW = 40
_NOT_IN_STATE_OF = re.compile(r"[^\sSTATEOFHstateofh\x80-\U0010FFFF]")  # a character "states of the" cannot hold


def _state_before(text: str, end: int) -> bool:
    """Whether "state(s) of (the)" ends at ``end``. Searching the whole text before every name cost more than the
    rest of reading the article's words; a match is searched for in the last 40 characters only, unless all of
    them could be part of one that starts earlier (a long run of spaces), and then in the whole text as before.
    The search still sees the character before the window, so the word boundary is read as in the whole text."""
    if not _ends_of_or_the(text, end):
        return False
    lo = max(0, end - _STATE_WINDOW)
    if lo and not _NOT_IN_STATE_OF.search(text, lo, end):
        lo = 0
    return _STATE_BEFORE.search(text, lo, end) is not None


def _ends_of_or_the(text: str, end: int) -> bool:
    """Whether the text before ``end`` could end as "of " or "the " do (white space after an "f" or an "e"): most
    names' do not, and these few character tests spare them the searches of :func:`_state_before`."""
    i = end - 1
    if i < 0 or not text[i].isspace():
        return False
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] in "fFeE"


_TOWN_AFTER = re.compile(r"\s+(?:high school|middle school|elementary school|city council|city hall|fire department|"
                         r"township|school district|public library)\b", re.I)
_TOWN_PERSON = re.compile(r"\s+(?:man|woman|boy|girl|couple|teen|teenager|resident)\b")
_A_BEFORE = re.compile(r"\b[Aa]n?\s+$")
_AGE_BEFORE = re.compile(r"[A-Z][a-z]+,\s+\d{1,3},\s+$")  # "Terry Smith, 60, Lebanon, was arrested"
_STREET_BEFORE = re.compile(r"\b\d+\s+[\w. ]{1,30}?\b(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Lane|Ln|Hwy)\.?,\s+$")


def written_as_a_town(text: str, mentions: Sequence[Mention], keys) -> set:
    """Names written the way local news writes a town: "the Jordan middle school", "a Lebanon woman", a person's
    age then the town ("Terry Smith, 60, Lebanon"), a street address then the town ("400 Locust St., Lebanon").
    A country is written so only with its demonym ("a Lebanese woman"), so these are no country."""
    out = set()
    for mention, key in zip(mentions, keys):
        if mention.label != "place":
            continue
        before = text[max(0, mention.start - 60):mention.start]
        after_comma = before.rstrip().endswith(",") and before[-1:].isspace()  # what an age or an address ends with
        if (_TOWN_AFTER.match(text, mention.end) or _TOWN_PERSON.match(text, mention.end) and _A_BEFORE.search(before)
                or after_comma and (_AGE_BEFORE.search(before) or _STREET_BEFORE.search(before))):
            out.add(key)
    return out


def no_country(candidates: Sequence[Candidate]) -> tuple:
    """A name written as a town is: its country reading left out when it has a local one."""
    local = tuple(c for c in candidates if c.place.kind != "country")
    return local if any(c.place.kind in LOCAL_KINDS for c in local) else tuple(candidates)


def unit_words(text: str, mentions: Sequence[Mention], keys) -> dict:
    """Names written before a word for an administrative unit ("Idlib province", "Kent County", "Homs and
    Aleppo Governorates") or after the word and "of" ("the province of Kirkuk"): the unit is meant, not the town
    of its name. A plural word is shared by the list it closes or opens. Returns the kinds of reading the word
    speaks for, per name."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    out: dict = _units_of(text, mentions, keys, order)
    for pos, i in enumerate(order):
        match = _UNIT_AFTER.match(text, mentions[i].end) if mentions[i].label == "place" else None
        if not match:
            continue
        out[keys[i]] = UNIT_KINDS
        if match.group(1):
            continue  # singular: this name only
        steps = ((j, after, j) for j, after in zip(reversed(order[:pos]), reversed(order[1:pos + 1])))
        out.update(dict.fromkeys((keys[j] for j in _listed(text, mentions, steps)), UNIT_KINDS))
    return out


def _listed(text: str, mentions: Sequence[Mention], steps) -> Iterator[int]:
    """The members of a list that a plural unit word shares, walked away from the word: ``steps`` are
    (earlier, later, member) mentions, and the walk stops at the first member that is no place or whose gap to
    its neighbour is no list's ("Homs and Aleppo Governorates", "the provinces of Homs and Hama")."""
    for earlier, later, member in steps:
        if mentions[member].label != "place" or not _LIST_GAP.match(text[mentions[earlier].end:mentions[later].start]):
            return
        yield member


def _units_of(text: str, mentions: Sequence[Mention], keys, order: list[int]) -> dict:
    """Names after a unit word and "of": "the governorate of Kirkuk", "the provinces of Homs and Hama"."""
    out: dict = {}
    for pos, i in enumerate(order):
        start = mentions[i].start
        if mentions[i].label != "place" or "of" not in text[max(0, start - 16):start].lower().split()[-2:]:
            continue  # the search below only after "of" or "of the": most names are not
        match = _UNIT_BEFORE.search(text, max(0, start - _UNIT_WINDOW), start)
        if not match:
            continue
        out[keys[i]] = UNIT_KINDS
        if match.group(1):
            continue  # singular: this name only
        steps = ((before, j, j) for before, j in zip(order[pos:], order[pos + 1:]))
        out.update(dict.fromkeys((keys[j] for j in _listed(text, mentions, steps)), UNIT_KINDS))
    return out


def list_kinds(text: str, mentions: Sequence[Mention], keys, first: dict) -> dict:
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
        of_key: dict = defaultdict(Counter)  # the kinds of the members' first answers, per name
        for j in group:
            best, _ = first[keys[j]].best if keys[j] in first else (None, 0.0)
            if best is not None:
                of_key[keys[j]][best.place.kind] += 1
        every = sum(of_key.values(), Counter())
        for i in group:
            kinds = every - of_key.get(keys[i], Counter())  # the other names' (a tie never passes the test below)
            if kinds:
                kind, n = kinds.most_common(1)[0]
                if kind in LIST_KINDS and n >= LIST_MIN_AGREE and n * 3 >= 2 * sum(kinds.values()):
                    out[keys[i]] = kind
    return out


def _names_a_big_place(candidates: Sequence[Candidate]) -> bool:
    return any(c.place.kind not in LOCAL_KINDS and c.form in ("name", "abbr") for c in candidates)


names_a_big_place = _names_a_big_place


def named_after_a_city(c: Candidate, candidates: Sequence[Candidate]) -> bool:
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


def named_like_its_seat(c: Candidate, candidates: Sequence[Candidate]) -> bool:
    """Whether first-level subdivision ``c`` bears the name of a city inside it that holds at least
    ``SEAT_MIN_SHARE`` of its people and no more than all of them ("Kirkuk", "Herat", "Idlib"): news and GeoNames
    mean that city by the bare name, and write "Kirkuk province" or "the province of Kirkuk" for the unit. A
    province whose namesake city is a small part of it ("Quebec", "Oaxaca", "Goiás") is known as the province."""
    if c.place.kind != "admin1" or c.form != "name" or c.fuzzy or not c.population:
        return False
    return any(o.place.kind == "city" and o.form == "name" and not o.fuzzy and o.admin1 == c.place.id
               and SEAT_MIN_SHARE * c.population <= o.population <= c.population for o in candidates)


def smaller_than_a_namesake_city(c: Candidate, candidates: Sequence[Candidate]) -> bool:
    """Whether first-level subdivision ``c`` has fewer people than a city bearing the name as its own (its
    population is that of its towns, so the two compare)."""
    if c.place.kind != "admin1":
        return False
    return any(o.place.kind == "city" and o.form == "name" and not o.fuzzy and o.population > c.population
               for o in candidates)


def names_a_city_inside(c: Candidate, candidates: Sequence[Candidate]) -> bool:
    """Whether ``c`` is a curated territory sharing its name with a city that lies in it
    ("Gaza": the Strip and Gaza City), so the territory, the wider reading, is preferred."""
    if c.place.kind != "region" or not c.place.id.startswith("region:"):
        return False
    return any(o.place.kind == "city" and haversine_km(c.place.lat, c.place.lon, o.place.lat, o.place.lon)
               < TERRITORY_RADIUS_KM for o in candidates)


def county_by_its_stem(c: Candidate, name: str, candidates: Sequence[Candidate]) -> bool:
    """Whether ``c`` is a county (or parish, district) matched by its name without the unit word ("Houston" for
    Houston County) while a town bears that name as its own. News writes "Houston County" for the county and
    "Houston" for the town; a unit word after the name ("Barrow and Jackson counties") still makes it the county."""
    if c.place.kind != "admin2" or c.form != "alt" or c.fuzzy:
        return False
    own = normalise(c.place.name)
    if not own.startswith(name + " ") or not UNIT_ENDING.search(own) or named_after_a_city(c, candidates):
        return False
    return any(o.form == "name" and o.place.kind == "city" and not o.fuzzy for o in candidates)
