"""The words around and inside place names that the recognition rules in :mod:`geo.places.toponyms` read,
and small predicates over spaCy tokens and spans (no gazetteer, no model).

>>> capitalised(spacy.blank("en")("Peoria")[0])   # doctest: +SKIP
True
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geo.nlp.memo import per_article

if TYPE_CHECKING:  # spaCy is not imported at run time: the writer of an ingest uses these words without it
    from spacy.tokens import Doc, Span

DIRECTIONS = {
    "northern": "north", "southern": "south", "eastern": "east", "western": "west", "central": "central",
    "northeastern": "northeast", "northwestern": "northwest", "southeastern": "southeast",
    "southwestern": "southwest", "north": "north", "south": "south", "east": "east", "west": "west",
    "northeast": "northeast", "northwest": "northwest", "southeast": "southeast", "southwest": "southwest",
    "upstate": "north", "downstate": "south",
}
PLACE_PREPOSITIONS = {"in", "at", "near", "from", "to", "outside", "across", "into", "toward", "towards", "around",
                      "throughout", "between", "via", "of", "and"}
#: Prepositions of place before a town's name ("troops moved into Bakhmut", "crews were sent to Lismore", "marched
#: through Santiago"); "of", "and" and "between" are left out: they stand before persons and organisations as often.
LOCATIVE_PREPOSITIONS = PLACE_PREPOSITIONS - {"of", "and", "between"} | {"through"}
#: Articles and particles that open names in other languages ("La Moneda", "El Fasher", "Le Bourget", "Al Karak"):
#: never a place on their own, whatever a gazetteer abbreviation says ("La." is Louisiana).
NAME_PARTICLES = {"la", "le", "les", "el", "al", "los", "las", "de", "del", "du", "des", "di", "da", "the",
                  "van", "von", "der", "den", "ter", "ten", "dos", "das"}  # "Van Dyke Construction": no Van, Turkey
#: The possessive ending as the tokenizer splits it off ("Flores' case", "St. Luke's Hospital").
POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})
#: Words of a part of a town between the preposition and its name: "marched through central Santiago".
PART_WORDS = {"central", "downtown", "greater", "inner", "northern", "southern", "eastern", "western", "coastal",
              "suburban", "rural", "old"}
#: Nouns before "of" that make the name after it a place ("the centre of Dubrovnik", "residents of Bakhmut",
#: "north of Kyiv"), with the nouns of :data:`LOCAL_HEADS`; "of" alone stands before persons as often.
OF_PLACE_HEADS = {"centre", "center", "outskirts", "heart", "suburbs", "edge", "streets", "people", "north", "south",
                  "east", "west", "northeast", "northwest", "southeast", "southwest", "capital", "port", "province"}
BIG_KINDS = {"country", "admin1", "continent", "region", "water"}
LOCAL_KINDS = {"city", "admin2"}  # a town or a county, as the recogniser and the resolver read it
#: A city this large by its own name is "well known": news names it bare, with no state or country ("Miami",
#: "Lyon"), and the recogniser takes it whatever the model tagged it.
WELL_KNOWN = 100_000
OTHER_LABELS = {"PERSON", "ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE", "DATE", "TIME", "MONEY"}
DISEASE_WORDS = {"virus", "viruses", "ebolavirus", "fever", "flu", "influenza", "disease", "encephalitis", "strain"}
#: Words for a building that close a facility's name ("Jordan Hall", "Carnegie Hall", "Lincoln Tower"): the
#: name before them is usually a person's or a donor's, and the building is no mention of the place of that name
#: (English names of GeoNames' building feature codes, class S: hall, tower, stadium, arena, theatre, chapel ...).
BUILDING_WORDS = {"hall", "halls", "building", "tower", "towers", "stadium", "arena", "theater", "theatre",
                  "auditorium", "chapel", "gymnasium", "pavilion", "fieldhouse", "coliseum", "colosseum", "dome"}
#: Ranks of courts ("the Supreme Court", "Superior Court", "High Court"), from the names of the US federal and state
#: court systems and the Commonwealth's: before "Court" the word is the court's rank, never the town of its name
#: (Supreme, Louisiana; Superior, Wisconsin).
COURT_RANKS = {"supreme", "superior", "high", "circuit", "district", "federal", "appeals", "appellate",
               "constitutional", "magistrates", "magistrate", "crown", "probate", "juvenile", "family", "claims",
               "bankruptcy", "chancery", "county", "municipal", "criminal", "civil", "tax"}
#: The directions that open the names of the United States' federal judicial districts within a state (28 U.S.C.
#: chapter 5: "the Southern District of Ohio", "the Middle District of Pennsylvania"), and the states so divided.
COURT_DISTRICT_DIRECTIONS = {"northern", "southern", "eastern", "western", "middle", "central"}
_COURT_DISTRICT_STATE = re.compile(r"\s+of\s+(?:Alabama|Arkansas|California|Florida|Georgia|Illinois|Indiana|Iowa|"
                                   r"Kentucky|Louisiana|Michigan|Mississippi|Missouri|New York|North Carolina|"
                                   r"Ohio|Oklahoma|Pennsylvania|Tennessee|Texas|Virginia|Washington|West Virginia|"
                                   r"Wisconsin)\b")
GENERIC_WORDS = {"city", "metro", "town", "county", "state", "district", "region", "province", "area", "areas",
                 "highway", "highways", "street", "road", "roads",
                 # words for institutions, which name first-level units and towns elsewhere (Centre, Burkina Faso
                 # and France; Federal, Argentina; University, Florida): alone, the institution is meant
                 "university", "college", "centre", "center", "federal", "commonwealth"}
#: What a department, ministry or school is "of" (the US federal executive departments' and common ministries'
#: portfolios, and faculties of law): after "of" in an organisation's name, the portfolio, never the town of that name
#: ("the Department of Justice": Justice, Illinois; "School of Law": Law, Scotland; "Department of Labor": La Labor).
PORTFOLIO_WORDS = {"law", "justice", "labor", "labour", "energy", "commerce", "interior", "homeland", "trade",
                   "industry", "culture"}
#: Words that open the name of something that is no place when the gazetteer does not know the whole name: a military
#: or police operation's codename ("Operation Falcon", "Operation Sahel"), a party, charity or firm named "United ..."
#: ("United Russia", "United Way"; "the United States" and "the United Kingdom" are places by their whole name).
NAME_OPENERS = {"operation", "united"}
#: Words of a time, of English calendars and clocks: a model's date or time with none of them and no digit is a name
#: it mistook ("In Manchester, the council ..." tagged as a date).
TIME_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "spring", "summer", "autumn",
    "fall", "winter", "christmas", "easter", "ramadan", "eid", "thanksgiving", "passover", "hanukkah", "halloween",
    "new", "year", "years", "day", "days", "week", "weeks", "weekend", "month", "months", "decade", "century",
    "today", "tonight", "tomorrow", "yesterday", "morning", "evening", "night", "noon", "midnight", "hour", "hours",
    "season", "era", "age", "time", "times", "holiday", "holidays", "dawn", "dusk", "afternoon", "minute", "minutes",
}
MISLABELLED = {"ORG", "NORP", "PRODUCT", "PERSON", "WORK_OF_ART", "EVENT"}
INSTITUTION_WORDS = {  # words that follow a place's name at the start of an organisation's name
    "police", "sheriff", "county", "city", "fire", "department", "library", "public", "hospital", "memorial",
    "school", "schools", "high", "middle", "elementary", "board", "council", "courthouse", "chamber", "airport",
    "area", "regional", "medical", "state", "community", "historical", "museum", "municipal", "district",
    "township", "town", "village", "borough", "university", "college", "zoo", "harbor", "port", "housing",
    "health", "water", "transit", "parks", "volunteer", "rescue", "jail", "detention", "correctional", "court",
    "circuit", "superior", "general", "national", "international", "metropolitan", "metro", "church", "city's",
}
TAIL_WORDS = {"jail", "marina", "hall", "clerk", "coroner", "mayor", "province", "region", "prefecture", "office",
              "commissioners", "commission", "elections"}
LOCAL_HEADS = {  # lower-case nouns a town's name modifies in local news ("Roselle police", "an Alexandria man")
    "police", "officers", "officer", "detectives", "firefighters", "deputies", "man", "woman", "men", "women", "boy",
    "girl", "teen", "teenager", "couple", "family", "resident", "residents", "native", "natives", "mayor", "council",
    "officials", "area", "home", "homes", "businesses", "neighborhood", "neighborhoods", "area's", "city", "town",
    "township", "village", "county", "schools", "voters", "taxpayers", "streets", "avenues", "roads",
    "restaurant", "business", "store", "student", "students", "senior", "seniors", "pub", "church", "girl's", "boy's",
    "man's", "woman's",
}
CITY_PREFIXES = {"Metro", "Downtown", "Greater", "Historic", "Uptown", "Metropolitan"}  # "Metro Vancouver"
PERSON_TITLES = {"Mayor", "Mr.", "Mrs.", "Ms.", "Dr.", "President", "Gov.", "Sen.", "Rep.", "Judge", "Coach", "Chief",
                 "Officer", "Sgt.", "Lt.", "Capt.", "Det.", "Rev.", "Pastor", "Councilman", "Commissioner", "Sheriff"}
LOCAL_TITLES = {  # capitalised titles after a town's name ("Lewisburg Mayor John Doe", "Avondale Police")
    "Mayor", "Police", "Fire", "Sheriff", "Township", "Councilman", "Councilwoman", "Selectman", "Superintendent",
}
NAMED_TITLES = {"Mayor", "Councilman", "Councilwoman", "Selectman", "Superintendent"}  # a person's name follows
TITLE_MODIFIERS = {"vice", "deputy", "assistant", "acting", "former", "interim", "chief", "senior"}
STREET_WORDS = {  # a capitalised name followed by one of these is a street or road ("Gillis Street", "Monument Ave.")
    "street", "st.", "road", "rd.", "drive", "dr.", "avenue", "ave.", "boulevard", "blvd.", "lane", "ln.", "way",
    "parkway", "pkwy.", "highway", "hwy.", "circle", "pike", "turnpike", "expressway", "freeway",
}
STREET_SUFFIXES = {"North", "South", "East", "West", "NE", "NW", "SE", "SW"}  # "40th Avenue South"
FEATURE_WORDS = {  # a name with one of these is another place than the name without it ("Neches River", "Lake Lanier")
    "river", "lake", "lakes", "island", "islands", "creek", "valley", "township", "twp.", "park", "bay", "harbor",
    "harbour", "ridge", "dam", "mountain", "mountains", "mount", "mt.", "hill", "hills", "beach", "forest", "canyon",
    "springs", "falls", "village", "heights", "estates", "coast", "sea", "gulf", "peninsula", "county", "co.",
    "parish", "borough", "cove", "point", "fort", "port", "gap", "bridge", "station", "square", "reservoir",
}
COUNTY_WORDS = {"county", "parish", "borough", "township"}  # "the Walker County Fair" opens with Walker County
COUNTY_PLURALS = {"counties", "parishes"}
#: Words for an administrative unit written after its name, singular and plural: "Idlib Province", "Homs and
#: Aleppo Governorates" ("state" has its own rule, for states only; "the Houston region" is the city's area).
UNIT_WORDS = {"province": "provinces", "governorate": "governorates", "district": "districts", "county": "counties",
              "prefecture": "prefectures", "oblast": "oblasts", "department": "departments",
              "municipality": "municipalities", "parish": "parishes"}
UNIT_TOKENS = frozenset([*UNIT_WORDS, *UNIT_WORDS.values()])
LEADING_PREPOSITIONS = {"near", "in", "outside", "from", "at"}  # "Near Bangor" tagged as one name: the name is Bangor
NEWS_AGENCIES = {"AP", "Reuters", "AFP", "UPI", "CNN", "Bloomberg"}
DATELINE_DASHES = {"-", "--", "---", "\u2014", "\u2013"}
PARTY_HOMETOWN = re.compile(r"(?:, |\()(?:R|D|I|DFL)\.?-(?=[A-Z])")  # "Rep. Jane Doe, R-Marshall", not "D-Day"
BORDER = re.compile(r"([A-Z][\w.]+(?: [A-Z][\w.]+)?)\s?[-\u2013/]\s?([A-Z][\w.]+(?: [A-Z][\w.]+)?) (border|frontier)")


def entity_of(token) -> Span | None:
    """The named entity a token is in, without a leading "the" or a trailing possessive."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return trim(ent)
    return None


def institution_tail(token) -> bool:
    """Whether the word after a place's name names what the place has ("County Jail", "City", "State", "Marina"),
    a direction ("Columbus East") or is lower case ("Fargo city"), rather than more of a name ("Abu Shok")."""
    return token.lower_ not in STREET_WORDS and (token.is_lower or token.lower_ in INSTITUTION_WORDS
                                                 or token.lower_ in TAIL_WORDS or direction_word(token))


#: Legal designators that close a firm's name (the common English-language ones of Wikipedia's "List of legal
#: entity types by country": US, UK and Commonwealth company law): "Carolinas Cab Co.", "Acme Paving LLC".
FIRM_DESIGNATORS = {"co.", "co", "inc.", "inc", "corp.", "corp", "llc", "l.l.c.", "ltd.", "ltd", "plc", "llp",
                    "l.p.", "lp", "company", "corporation", "incorporated", "limited", "cos.", "pty", "gmbh"}


def firm_name(span: Span) -> bool:
    """Whether an entity is a firm's name, closed by a legal designator ("Carolinas Cab Co.", "Texas Roadhouse
    Inc."): the place it was named after is no place of the news."""
    last = span[-1] if span[-1].text not in (",", ".") or len(span) < 2 else span[-2]
    return len(span) > 1 and last.lower_ in FIRM_DESIGNATORS


def no_time_words(span: Span) -> bool:
    """A span the model tagged as a date or a time made of capitalised words with no digit and no word of a time
    (:data:`TIME_WORDS`): a name it mistook, to be read as the other mislabelled entities are ("In Manchester")."""
    return span.label_ in ("DATE", "TIME") and all(
        capitalised(t) and t.lower_ not in TIME_WORDS and not t.like_num for t in span)


def local_title(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a capitalised local title after a town's name: "Police", "Fire", or a person's
    title followed by a name ("Lewisburg Mayor John Doe"; not the street "Calle Mayor, Madrid")."""
    word = doc[i].text
    if word not in LOCAL_TITLES:
        return False
    return word not in NAMED_TITLES or i + 1 < len(doc) and capitalised(doc[i + 1])


def direction_word(token) -> bool:
    """A direction, written out or abbreviated ("northern", "North", "S.", "N.W.")."""
    word = token.lower_
    return word in DIRECTIONS or bool(re.fullmatch(r"(?:[nsew]\.){1,2}", word))


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once per Doc (``doc.text`` joins the tokens on every call)."""
    return per_article(doc, "newsmap_text", lambda d: d.text)


def common_word(span: Span) -> bool:
    """A one-word name the same article also writes in lower case is a common word there ("Police
    officer" beside "police said"), not the town of that name (Police, Poland)."""
    if len(span) != 1:
        return False
    return span[0].lower_ in per_article(span.doc, "newsmap_lower_words", lambda d: {t.text for t in d if t.is_lower})


def not_a_place(span: Span) -> bool:
    """A disease named after a place ("West Nile virus", "Marburg virus", "Lassa fever"), a court's rank ("Supreme
    Court"), or a lone direction or generic word ("North", "Central", "City")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in DISEASE_WORDS:
        return True
    if span.end < len(doc) and doc[span.end].lower_ in ("court", "courts") and span.text.lower() in COURT_RANKS:
        return True  # "the Supreme Court": a court's rank, not Supreme, Louisiana
    if court_district(span):
        return True  # "the Eastern District of Michigan": a federal court's, not Hong Kong's Eastern District
    return len(span) == 1 and (span[0].lower_ in DIRECTIONS or span[0].lower_ in GENERIC_WORDS)


def court_district(span: Span) -> bool:
    """A direction and "District" before "of" and a state the federal courts divide by direction: the court's
    district, named for its part of the state (the state after "of" is read on its own)."""
    if len(span) != 2 or span[0].lower_ not in COURT_DISTRICT_DIRECTIONS or span[1].text != "District":
        return False
    return bool(_COURT_DISTRICT_STATE.match(doc_text(span.doc), span.end_char))


def trim(span: Span) -> Span | None:
    """Drop a leading "the" or preposition and a trailing possessive from an entity span ("Near Bangor": the
    model takes a capitalised preposition opening a sentence for part of the name)."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ in LEADING_PREPOSITIONS and span.doc[start].is_title:
        start += 1
    while start < end and span.doc[start].lower_ == "the":
        start += 1
    while end > start and span.doc[end - 1].lower_ in ("'s", "\u2019s", "'"):
        end -= 1
    return type(span)(span.doc, start, end, label=span.label_) if end > start else None


def capitalised(token) -> bool:
    return token.is_alpha and token.text[0].isupper() or (token.text[:1].isupper() and "." in token.text)


def title_run(doc: Doc, start: int, end: int) -> Span | None:
    """The maximal run of capitalised tokens (and "of"/"de" inside) around [start, end)."""
    if not all(capitalised(t) or t.lower_ in ("of", "de", "-") for t in doc[start:end]):
        return None
    while start > 0 and capitalised(doc[start - 1]) and not doc[start - 1].ent_type_ in OTHER_LABELS:
        start -= 1
    while end < len(doc) and (capitalised(doc[end]) or (doc[end].lower_ in ("of", "de") and end + 1 < len(doc)
                                                          and capitalised(doc[end + 1]))):
        if doc[end].ent_type_ in OTHER_LABELS:
            break
        end += 1
    return doc[start:end]


def sentence_start(token) -> bool:
    if token.i == 0:
        return True
    if token.doc.has_annotation("SENT_START"):
        return bool(token.is_sent_start)
    return token.doc[token.i - 1].text in (".", "!", "?", "\n", "\n\n", '"')


def non_overlapping(spans: list[Span]) -> tuple[Span, ...]:
    """Longest first, then earliest; drop any span that overlaps one already kept."""
    taken: set[int] = set()
    kept = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if taken.isdisjoint(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return tuple(sorted(kept, key=lambda s: s.start))


#: English words for kinds of place (GeoNames' feature classes and codes: island, lake, stream, bay, port ...); not
#: :data:`geo.places.placewords.FEATURE_WORDS`, the words that make a name another place ("Lake Lanier").
#: Alone, such a word is no name: "Island" in "Tin Can Island" is not Iceland, whose Icelandic name GeoNames keeps as
#: an alternate name ("Ísland"), nor Island County or a town once called so. A place whose own name is the word
#: keeps it.
KIND_WORDS = frozenset({
    "island", "islands", "isle", "lake", "lakes", "river", "creek", "stream", "bay", "gulf", "sea", "ocean", "coast",
    "beach", "port", "harbor", "harbour", "cape", "point", "peninsula", "strait", "channel", "delta", "mount",
    "mountain", "mountains", "hill", "hills", "ridge", "valley", "canyon", "plain", "plains", "plateau", "desert",
    "forest", "park", "spring", "springs", "falls", "swamp", "marsh", "glacier", "volcano", "reservoir", "dam",
    "city", "town", "village", "county", "state", "province", "district", "region", "station", "airport", "bridge",
    "junction", "landing", "crossing", "center", "centre", "square", "market", "camp", "fort", "mill", "mills",
})
