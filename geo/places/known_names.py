"""What the gazetteer says about a span of text, as the recogniser (``geo.places.toponyms``) asks it: whether a
name is a well-known place, a town's main name, a state, a demonym; whether its context makes it a place.

One :class:`KnownNames` per recogniser; its gazetteer is handed over after the spaCy component is made, and
without one every answer is "unknown".
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from geo.names import written_as_code
from geo.places.placewords import (
    BIG_KINDS,
    DIRECTIONS,
    LOCAL_HEADS,
    LOCATIVE_PREPOSITIONS,
    OF_PLACE_HEADS,
    PART_WORDS,
    PLACE_PREPOSITIONS,
    TITLE_MODIFIERS,
    WELL_KNOWN,
    capitalised,
    common_word,
    local_title,
    sentence_start,
    title_run,
)
from geo.places.qualifiers import POSTAL_COUNTRIES
from geo.places.settlements import after_a_settlement_word

__all__ = ["KnownNames"]


class KnownNames:
    """The gazetteer's answers about names, and the context rules that decide between them.

    ``min_population``: a city this big is a place wherever its name stands, but at the start of a sentence.
    """

    def __init__(self, gazetteer, min_population: int, town_population: int = 10_000) -> None:
        self.gazetteer = gazetteer
        self.min_population = min_population
        self.town_population = town_population

    def candidates(self, text: str):
        """The gazetteer's readings of a name, airports left out: an airport is read when the model tags its name
        as a place or a span is given, never recognised from the gazetteer (TR-News counts "Pearson International
        Airport" as a place, GeoVirus does not count "Sheremetyevo": measured, not kept)."""
        if self.gazetteer is None:
            return ()
        found = tuple(c for c in self.gazetteer.candidates(text, fuzzy=False) if c.place.kind != "airport")
        return found if written_as_code(text) else tuple(c for c in found if c.form != "code")

    def well_known(self, span: Span) -> bool:
        """A country, state, continent or region by its name, or a city of 100,000+ people by its
        main name (a city's alternate names include foreign forms: "Quds" is Jerusalem in Arabic)."""
        return any(c.form in ("name", "alt", "abbr") and c.place.kind in BIG_KINDS
                   or c.form == "name" and c.population >= WELL_KNOWN for c in self.candidates(span.text))

    def main_name(self, span: Span) -> bool:
        """Whether a span is the main gazetteer name of a place (not an alternate spelling, which
        a person or club may share: "Ismaili", "Hartmann")."""
        return any(c.form == "name" for c in self.candidates(span.text))

    def local_place(self, span: Span) -> bool:
        return any(c.form != "demonym" and c.place.kind in ("city", "admin2") for c in self.candidates(span.text))

    def known_place(self, span: Span) -> bool:
        return any(c.form != "demonym" for c in self.candidates(span.text)) and capitalised(span[0])

    def big_by_name(self, span: Span) -> bool:
        return any(c.form in ("name", "alt") and c.place.kind in ("country", "admin1")
                   for c in self.candidates(span.text))

    def is_demonym(self, span: Span) -> bool:
        """A demonym of a country or region recognised as a mention of it ("Lebanese"). A state's or province's
        ("Ohioans", "Albertans") is read when a span is given but not recognised on its own: news corpora do not
        agree that it names a place (measured: LGL counts them, TR-News and GeoVirus do not)."""
        return any(c.form == "demonym" and c.place.kind != "admin1" for c in self.candidates(span.text))

    def names_a_state(self, doc: Doc, i: int) -> bool:
        """Whether the tokens from ``i`` name a state, province or country ("Ohio", "S.D.", "W. Va.")."""
        for n in (2, 1):
            if i + n <= len(doc) and capitalised(doc[i]):
                words = doc[i: i + n]
                if any(c.place.kind in ("admin1", "country") and c.form in ("name", "abbr", "alt")
                       for c in self.candidates(words.text)):
                    return True
        return False

    def postal_symbol(self, town: Span, i: int) -> bool:
        """Whether token ``i`` is the two-letter postal symbol of a US state or Canadian province that ``town`` has
        a reading in ("BOISE, ID", "Portland, OR"): mail and local listings write the town so. The symbols are
        those countries' ISO 3166-2 codes; the town must lie in the state, so "Paris, TX" is read and an acronym
        after a comma ("Smith, OK") is not."""
        doc = town.doc
        if i >= len(doc) or len(doc[i].text) != 2 or not (doc[i].is_upper and doc[i].is_alpha):
            return False
        return self._town_in_state(town, doc[i].text, "code")

    def abbreviated_state(self, town: Span, i: int) -> int:
        """The end of a state's or province's abbreviation at token ``i``, with its full stop when the tokenizer
        splits it off ("Barrie, Ont.", "Gatineau, Que.", "EDMONTON, Ky"), when ``town`` has a reading in that state;
        0 otherwise. The abbreviations are the gazetteer's (the AP's and the Canadian Press's forms)."""
        doc = town.doc
        if i >= len(doc) or not (doc[i].is_title and doc[i].text.rstrip(".").isalpha()):
            return 0
        stop = i + 1 < len(doc) and doc[i + 1].text == "." and doc[i + 1].idx == doc[i].idx + len(doc[i])
        end = i + 2 if stop else i + 1
        return end if self._town_in_state(town, doc[i:end].text, "abbr") else 0

    def town_and_state(self, span: Span) -> list[Span]:
        """A town and its state or country the model tagged as one place ("Florence, South Carolina"): the two
        places, when the gazetteer does not know the whole and has a reading of the town inside the state or
        country written after the comma. Cut to its longest known part instead, the span kept the comma and read
        the town alone ("Florence," as the Italian city)."""
        commas = [t.i for t in span if t.text == ","]
        if len(commas) != 1 or not span.start < commas[0] < span.end - 1 or self.candidates(span.text):
            return []
        town, state = Span(span.doc, span.start, commas[0], label="place"), Span(span.doc, commas[0] + 1, span.end,
                                                                                  label="place")
        units = [c.place for c in self.candidates(state.text) if c.form in ("name", "alt")
                 and c.place.kind in ("admin1", "country")]
        ids, codes = {u.id for u in units}, {u.country_code for u in units if u.kind == "country"}
        inside = any(c.place.kind in ("city", "admin2") and (c.admin1 in ids or c.place.country_code in codes)
                     for c in self.candidates(town.text))
        return [town, state] if inside else []

    def _town_in_state(self, town: Span, written: str, form: str) -> bool:
        """Whether ``written`` is, in ``form`` (a postal code or an abbreviation), a US state or Canadian province
        that ``town`` has a reading in."""
        states = {c.place.id for c in self.candidates(written)
                  if c.form == form and c.place.kind == "admin1" and c.place.country_code in POSTAL_COUNTRIES}
        return bool(states) and any(c.place.kind in ("city", "admin2") and c.admin1 in states
                                    for c in self.candidates(town.text))

    def local_context(self, span: Span) -> bool:
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
            return not (span.label_ == "PERSON" and nxt.lower_ in ("family", "families")
                        and prev is not None and prev.lower_ == "the")  # "the Flores family": a family's name
        if (nxt is not None and local_title(doc, nxt.i) and span[-1].lower_ not in TITLE_MODIFIERS
                and (prev is None or prev.text != "-")):  # not "Vice Mayor", "Miami-Dade Police"
            return True
        if nxt is not None and nxt.text == "," and span.end + 1 < len(doc) and (
                self.names_a_state(doc, span.end + 1) or self.postal_symbol(span, span.end + 1)):
            return True
        if prev is not None and prev.lower_ in ("in", "near", "outside"):
            return True
        if (prev is not None and prev.lower_ == "from" and span.label_ != "PERSON" and not span.text.isupper()
                and (nxt is None or nxt.lower_ not in ("'s", "\u2019s"))):
            return True  # "Troop 9 from Battle Creek", not "McDonald's"
        return prev is not None and prev.lower_ == "of" and span.start > 1 and doc[span.start - 2].text == ","

    def town_after_preposition(self, span: Span) -> bool:
        """A name after a preposition of place that the gazetteer knows by its main name as a town or district of
        ``town_population`` people or more ("into Bakhmut", "sent to Lismore"): the small model
        tags such towns as persons or organisations, and a person rarely shares a real town's name after "into"."""
        doc = span.doc
        first = span.start - 1 if span.start > 1 and doc[span.start - 1].lower_ in PART_WORDS else span.start
        prev = doc[first - 1] if first > 0 else None  # "through central Santiago": the word before "central"
        if prev is None or not capitalised(span[0]) or common_word(span):
            return False
        settled = after_a_settlement_word(span)  # "the village of Novoselivka": the word vouches for a town
        if prev.lower_ not in LOCATIVE_PREPOSITIONS and not (prev.lower_ == "of" and first > 1 and (
                doc[first - 2].lower_ in OF_PLACE_HEADS or doc[first - 2].lower_ in LOCAL_HEADS or settled)):
            return False
        if span.text.isupper() or first > 1 and doc[first - 2].lower_ == "according":
            return False  # an acronym ("at UGA"), a source ("according to McPherson")
        if prev.lower_ == "from" and span.label_ == "PERSON":
            return False  # "a letter from Galesburg": a sender, as in :meth:`local_context`
        if prev.lower_ == "to" and doc.has_annotation("DEP") and prev.head.pos_ not in ("VERB", "AUX"):
            return False  # "sent to Lismore", but "the road to Eagle", "a tribute to Marshall": a goal, a person
        if span.end < len(doc) and doc[span.end].lower_ in ("'s", "\u2019s", "&"):
            return False  # a person's or a firm's ("into Bell's back", "from McPherson & Jacobsen")
        if settled:  # of any size
            return any(c.form in ("name", "alt") and c.place.kind == "city" for c in self.candidates(span.text))
        return any(c.form == "name" and c.place.kind in ("city", "admin2") and c.population >= self.town_population
                   for c in self.candidates(span.text))

    def place_like(self, run: Span) -> bool:
        candidates = [c for c in self.candidates(run.text) if c.form != "demonym"]
        if not candidates:
            return False
        if len(run) == 1 and run[0].is_upper and len(run[0]) <= 3 and not run.text.count("."):
            return any(c.place.kind == "country" for c in candidates)
        if len(run) == 1 and run[0].is_stop:  # "She", "As": a capitalised function word, whatever it also names
            return False
        if any(c.place.kind in BIG_KINDS and c.form in ("name", "alt") for c in candidates):
            return not (sentence_start(run[0]) and len(run) == 1 and run[0].is_stop)
        big_city = any(c.population >= self.min_population for c in candidates)
        if self.local_context(run):
            return True
        prev = run.doc[run.start - 1] if run.start > 0 else None
        after_preposition = prev is not None and prev.lower_ in PLACE_PREPOSITIONS
        return (big_city and not sentence_start(run[0])) or after_preposition

    def qualify(self, span: Span) -> Span:
        """Extend a place over the capitalised run around it ("Gaza" + "Strip") or a direction
        word before it ("southern Lebanon")."""
        doc = span.doc
        run = title_run(doc, span.start, span.end)
        if run is not None and run[0].lower_ == "the" and len(run) > 1:  # "The Peoria sewer": not part of the name
            run = Span(doc, run.start + 1, run.end)
        if run is not None and (run.start, run.end) != (span.start, span.end) and self.candidates(run.text):
            span = run
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in DIRECTIONS and prev.lower_ != span[0].lower_:
            whole = Span(doc, span.start - 1, span.end)
            if self.candidates(whole.text):
                return Span(doc, whole.start, whole.end, label="place")
            return Span(doc, whole.start, whole.end, label="directional")
        return Span(doc, span.start, span.end, label="place")
