"""Reading one article for actors: each name found is resolved, in order, to an actor, and the actors found so far
help resolve the next name ("Qaani" after "Esmail Qaani").

The extractor (``geo.actors.extraction``) holds what does not change between articles (the catalogue, the known
actors, the country table); an :class:`ArticleReading` holds one article's drafts and mentions.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from geo.actors.catalog import Catalog, Countries, Country
from geo.actors.common import names_no_one, whole_body_name
from geo.actors.diseases import is_disease, names_a_strain, spelled_out_disease
from geo.actors.cues import (FORCE_NOUNS, GOVERNMENT_NOUNS, HOSTILE, POLICE_NOUNS, agentive, described_by,
                             hostile_on_land, on_heading, organisation_kind, title_chain_left, trim)
from geo.actors.locations import PLATFORMS, names_a_location, towns_listed, with_its_country
from geo.actors.ministries import ministry_country, ministry_of, unplaced_alias, unplaced_ministry
from geo.actors.names import (TITLES, OrganisationName, clean, fold, initials, only_titles, organisation_name,
                             person_words, same_person, surname_matches)
from geo.actors.offices import office_of_state, office_over, state_office
from geo.actors.organisations import NameIndex, first_organisation
from geo.actors.portfolios import cabinet_title, portfolio
from geo.actors.things import names_a_thing
from geo.names import slug
from geo.places.localities import LOCALITY_KINDS as LOCALITIES
from geo.places.placewords import common_word, doc_text
from geo.records import Actor, ActorMention, Mention, Place, PlaceMention, merge_actor, merge_aliases

__all__ = ["ArticleReading", "Draft", "Extractor"]


class Extractor(Protocol):
    """What a reading asks of its extractor (``geo.actors.extraction.ActorExtractor``): what does not change
    between articles."""

    catalog: Catalog
    countries: Countries
    known: dict[str, Actor]

    def catalogue_organisation(self, name: str, bare: str) -> Actor | None: ...

    def state(self, country: Country) -> Actor: ...

    def derived(self, state: Actor, kind: str, country: Country | None) -> Actor: ...


@dataclass
class Draft:
    """An actor being assembled while one article is read (mutable, never leaves the reading)."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)

    def actor(self) -> Actor:
        aliases = merge_aliases((), self.aliases, self.name)
        return Actor(self.id, self.name, self.kind, aliases, tuple(dict.fromkeys(self.affiliations)))


class ArticleReading:
    """The resolution state of one article: which actors were seen, in which order."""

    def __init__(self, extractor: Extractor, doc: Doc, places: Sequence[PlaceMention]) -> None:
        self.extractor = extractor
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text is rebuilt from the tokens on every access
        self.places = places
        self.covering: dict[int, list[int]] | None = None  # character -> the places covering it (places_over)
        self.drafts: dict[str, Draft] = {}
        self.mentions: list[tuple[Span, str]] = []
        self.last_seen: dict[str, None] = {}  # actor ids, the most recently mentioned last
        # The names of the bodies drafted so far, so that a new name is compared with the few that could match it
        # and not with every body of the article (an article of a thousand bodies read a million pairs).
        self.bodies = NameIndex()
        self.body_ids: list[str] = []  # the drafts of the bodies, in the order they were drafted
        self.body_number: dict[str, int] = {}  # and each one's place in that order

    # -- adding mentions

    def add(self, span: Span) -> None:
        span = whole_body_name(with_its_country(trim(span), self.places_over))
        if not span.text.strip() or self.extractor.catalog.is_not_actor(span.text) or is_disease(span.text) \
                or names_a_strain(span) or spelled_out_disease(span) \
                or only_titles(span.text):  # "Sgt" of "Sgt. Michael Green", tagged alone
            return
        if span.label_ in ("PERSON", "ORG") and (names_no_one(span) or names_a_thing(span)):
            return  # "Riot" of "Riot police", "DUI", "Troop"; a law, a prize, a wild land (geo.actors.things)
        actor = self.resolve(span)
        if actor is None:
            return
        draft = self.draft(actor)
        alias = clean(span.text)
        entry = self.extractor.catalog.by_id.get(draft.id)
        if alias not in draft.aliases and not (entry and alias in entry.word_aliases) \
                and not unplaced_alias(alias, draft.name):
            # each spelling once: an actor named a thousand times stays one list; "IS" is no name of its own; the
            # Health Ministry (Kenya) is not every "Health Ministry"
            draft.aliases.append(alias)
            self.index_names(draft, (alias,))
        self.mentions.append((span, draft.id))
        self.last_seen.pop(draft.id, None)
        self.last_seen[draft.id] = None

    def add_missed(self) -> None:
        """Repeat mentions NER missed: later occurrences of a multi-word name this article already used."""
        taken = {i for span, _ in self.mentions for i in range(span.start, span.end)}
        searched: set[str] = set()
        for span, actor_id in list(self.mentions):
            if len(span) < 2 or self.drafts[actor_id].kind != "person" or span.text in searched:
                continue  # a name searched once has all its repeats taken
            searched.add(span.text)
            for m in re.finditer(r"\b" + re.escape(span.text) + r"\b", self.text):
                found = self.doc.char_span(m.start(), m.end())
                if found is not None and not any(i in taken for i in range(found.start, found.end)):
                    taken.update(range(found.start, found.end))
                    self.mentions.append((Span(self.doc, found.start, found.end, label="PERSON"), actor_id))
        self.mentions.sort(key=lambda pair: pair[0].start)
        self.relink_surnames()

    def relink_surnames(self) -> None:
        """A bare surname is the person of that surname mentioned last before it (now that repeats are known)."""
        named: dict[str, None] = {}  # people named in full so far, the most recent last
        for n, (span, actor_id) in enumerate(self.mentions):
            words = person_words(span.text)
            if self.drafts[actor_id].kind != "person":
                continue
            if len(words) > 1:
                named.pop(actor_id, None)
                named[actor_id] = None
            elif len(words) == 1:
                latest = next((a for a in reversed(named) if surname_matches(words[0], self.drafts[a].name)), None)
                if latest is not None:
                    self.mentions[n] = (span, latest)
        self.link_early_surnames()

    def link_early_surnames(self) -> None:
        """A bare surname that no full name before it explains ("Ross tackles the budget", a headline, before
        "Michael Ross, the new mayor, said") is the one person of the article named in full with that surname,
        spelled alike; where two are, it stays open. The actor the bare surname had made is then dropped."""
        by_surname: dict[str, list[Draft]] = defaultdict(list)  # a lookup per bare surname, not a pass per name
        for draft in self.drafts.values():
            words = person_words(draft.name)
            if draft.kind == "person" and len(words) > 1:
                for word in {words[-1], words[-2]}:  # the surname, or the word before a suffix ("Jr.")
                    by_surname[fold(word)].append(draft)
        vacated = set()
        for n, (span, actor_id) in enumerate(self.mentions):
            words = person_words(self.drafts[actor_id].name)
            if self.drafts[actor_id].kind != "person" or len(words) != 1:
                continue
            carriers = [d for d in by_surname.get(fold(words[0]), ()) if surname_matches(words[0], d.name, True)]
            if len(carriers) == 1:
                self.mentions[n] = (span, carriers[0].id)
                vacated.add(actor_id)
                if clean(span.text) not in carriers[0].aliases:
                    carriers[0].aliases.append(clean(span.text))
        for actor_id in vacated - {actor_id for _, actor_id in self.mentions}:
            del self.drafts[actor_id]
            self.last_seen.pop(actor_id, None)

    def draft(self, actor: Actor) -> Draft:
        if actor.id not in self.drafts:
            draft = self.drafts[actor.id] = Draft(actor.id, actor.name, actor.kind, list(actor.aliases),
                                                  list(actor.affiliations))
            self.index_names(draft, (draft.name, *draft.aliases))
        return self.drafts[actor.id]

    def index_names(self, draft: Draft, names: Sequence[str]) -> None:
        """Index a body's names as it is drafted and named (people are no bodies): names added to a draft after
        the mentions are read (``geo.actors.acronyms``) need no index, no body is looked up then."""
        if draft.kind == "person":
            return
        number = self.body_number.setdefault(draft.id, len(self.body_ids))
        if number == len(self.body_ids):
            self.body_ids.append(draft.id)
        for name in names:
            self.bodies.add(number, name)

    def drafted_body(self, names: Sequence[OrganisationName]) -> Actor | None:
        """The first body drafted in this article one of whose names is the same organisation as one of
        ``names`` (:func:`geo.actors.organisations.first_organisation` over the drafts, through the index)."""
        ids = (self.body_ids[n] for n in self.bodies.candidates(names))
        return first_organisation((self.drafts[i].actor() for i in ids if i in self.drafts), names)

    def resolve(self, span: Span) -> Actor | None:
        label = span.label_
        if label not in ("PERSON", "ORG", "NORP", "GPE", "LOC"):
            return self.catalogue_match(span, self.extractor.catalog.get(label))
        place = self.place_at(span) if label in ("PERSON", "ORG") else None
        if place is not None:  # a town the small model took for a person or a body ("El Fasher", "Chasiv Yar")
            return self.as_state(span) if place.kind == "country" else None
        if label in ("PERSON", "ORG") and (names_a_location(span) or towns_listed(span, self.places_over)):
            return None  # "at Sage House", "on Twitter", "Ingham or Townsville" (geo.actors.locations)
        if label == "PERSON" and span.text in PLATFORMS:  # "Twitter said": the company, no person
            return self.as_organisation(span)
        person = self.as_person(span) if label == "PERSON" else self.surname_only(span)
        if person is not None:
            return person
        if label == "ORG":
            return self.as_organisation(span)
        if label == "NORP":
            return self.as_demonym(span)
        return self.as_state(span)

    def catalogue_match(self, span: Span, actor: Actor | None) -> Actor | None:
        """A catalogue alias; states among them count only where used as agents ("Tehran's ally")."""
        if actor is None:
            return None
        if actor.kind == "state":  # "Israel's prime minister", "envoys from Iran": its government (geo.actors.offices)
            return self.as_state(span) if office_of_state(span.root) else actor if agentive(span) else None
        return actor

    def as_person(self, span: Span) -> Actor | None:
        words = person_words(span.text)
        if not words:
            return None
        name = " ".join(words)
        found = self.extractor.catalog.get(self.extractor.catalog.aliases.get(fold(name), ""))
        if found and found.kind == "person":
            return found
        if len(words) == 1 and self.extractor.countries.find(name):
            return self.as_state(span)  # "SANTIAGO, Chile (Reuters)" tagged PERSON: a country, never a person
        if len(words) == 1:
            found = self.surname_only(span)
            if found is None and common_word(span):  # "Coroner said" beside "the coroner": no one's name
                return None
            return found or Actor(slug(name), name, "person")
        for pool in (self.persons(), self.catalogue_people(), self.known_people()):
            match = next((a for a in pool if any(same_person(name, n) for n in (a.name, *a.aliases))), None)
            if match:
                return match
        return Actor(slug(name), name, "person")

    def surname_only(self, span: Span) -> Actor | None:
        """A one-word mention that is the surname of a person of this article (latest first), the catalogue or the
        store."""
        words = person_words(span.text)
        if len(words) != 1 or self.extractor.countries.find(words[0]):
            return None
        recent = (self.drafts[a].actor() for a in reversed(self.last_seen) if self.drafts[a].kind == "person")
        for actor in recent:
            if surname_matches(words[0], actor.name):
                return actor
        for pool, exact in ((self.catalogue_people(), False), (self.known_people(), True)):
            matches = [a for a in pool if surname_matches(words[0], a.name, exact)]
            if len(matches) == 1:
                return matches[0]
        return None

    def persons(self) -> list[Actor]:
        return [d.actor() for d in self.drafts.values() if d.kind == "person"]

    def catalogue_people(self) -> list[Actor]:
        return [e.actor for e in self.extractor.catalog.entries if e.actor.kind == "person"]

    def known_people(self) -> list[Actor]:
        return [a for a in self.extractor.known.values() if a.kind == "person"]

    def as_organisation(self, span: Span) -> Actor | None:
        name = clean(span.text)
        words = name.split(" ")
        country = self.extractor.countries.find(words[0]) if len(words) > 1 else None
        bare = " ".join(words[1:]) if country else name
        for candidate in (name, bare):
            found = self.extractor.catalog.get(self.extractor.catalog.aliases.get(fold(candidate), ""))
            if found:
                return found
        if unplaced_ministry(bare, self.extractor.countries):  # "the health ministry": whose? (geo.actors.ministries)
            named = next((d.actor() for d in self.drafts.values() if unplaced_alias(bare, d.name)), None)
            placed = country or ministry_country(span, self.extractor.countries, self.article_codes)
            if named is not None and (placed is None or named.name.endswith(f"({placed.name})")):
                return named  # "the Indonesian Health Ministry ... a Health Ministry official"
            if placed is not None:
                return ministry_of(bare, placed, self.extractor.state(placed).id)
        names = (organisation_name(name), organisation_name(bare))
        match = (self.drafted_body(names) or self.initials_of(name)
                 or self.extractor.catalogue_organisation(name, bare)
                 or first_organisation(self.extractor.known.values(), names))
        if match:
            return match
        if on_heading(span, self.text) or portfolio(span):
            return None
        kind = organisation_kind(name, span, self.extractor.countries)
        if kind == "organisation" and common_word(span) and span.text not in LEGISLATURES:
            return None  # "Company officials" beside "the company": no name; "the House" beside "a house" is one
        if kind in ("military", "police") and country:  # "Sudanese Armed Forces", "Turkish National Police"
            return self.extractor.derived(self.extractor.state(country), kind, country)
        affiliations = (self.extractor.state(country).id,) if country and kind in ("government",) else ()
        return Actor(slug(name), name, kind, (), affiliations)

    def initials_of(self, name: str) -> Actor | None:
        """A body of this article that ``name`` gives the two initials of, or whose two initials ``name`` is
        ("BA" after "British Airways"): within one article two initials stand for the body it names. The
        catalogue lists its actors' initials itself ("AP"), so "Alexandria Police" is not the AP of a dateline."""
        own, compact = initials(name), organisation_name(name).compact
        found = self.bodies.keyed("initials", compact) | (self.bodies.keyed("compact", own) if own else set())
        ids = (self.body_ids[n] for n in sorted(found))  # one name gives the initials of the other
        return next((self.drafts[i].actor() for i in ids if i in self.drafts
                     and i not in self.extractor.catalog.by_id), None)

    def place_at(self, span: Span) -> Place | None:
        """The place the geoparser read at exactly this span: it weighed the name against the gazetteer and its
        context (and its own person filter), so its reading outranks the small model's PERSON or ORG tag. A
        named building or street around the span counts too ("La Moneda" of "La Moneda palace", "Rolando" of
        "the Cafetería Rolando"): the name is the building's."""
        for pm in self.places_over(span.start_char, span.start_char + 1):
            if pm.mention.start > span.start_char or pm.mention.end < span.end_char:
                continue
            if (pm.mention.start, pm.mention.end) == (span.start_char, span.end_char) or pm.place.kind in LOCALITIES:
                return pm.place
        return None

    def places_over(self, start: int, end: int) -> list[PlaceMention]:
        """The resolved place mentions that cover a character of ``start:end``, in the order of ``places``:
        looked up by character, so that an article of thousands of names is not read names times places."""
        if self.covering is None:
            self.covering = defaultdict(list)
            for n, pm in enumerate(self.places):
                if pm.place is not None:
                    for c in range(pm.mention.start, pm.mention.end):
                        self.covering[c].append(n)
        found = sorted({n for c in range(start, end) for n in self.covering.get(c, ())})
        return [self.places[n] for n in found]

    def country_of(self, span: Span) -> Country | None:
        """The country a GPE/NORP span names: the geoparser's answer first, the country table second."""
        for pm in self.places_over(span.start_char, span.end_char):
            if pm.place:
                if pm.place.kind in ("country", "demonym") and pm.place.country_code:
                    return self.extractor.countries.by_code(pm.place.country_code) or Country(
                        pm.place.country_code, pm.place.name, None)
                return None
        return self.extractor.countries.find(clean(span.text))

    def as_state(self, span: Span) -> Actor | None:
        country = self.country_of(span)
        head = span.root.head
        bodies = POLICE_NOUNS | FORCE_NOUNS | GOVERNMENT_NOUNS
        if country is not None and (office := office_over(span.root)):  # "the president of Ghana", "envoys from Iran"
            return self.extractor.derived(self.extractor.state(country), office, country)
        if country is not None and span.root.dep_ in ("compound", "poss") and (
                {head.lower_, head.lemma_.lower()} & bodies or state_office(head)):  # "China's foreign minister"
            return self.as_demonym(span)  # "the Myanmar military", "Sudan's army": the state's body, as "Sudanese army"
        if country is None or not agentive(span):
            return None
        return self.extractor.state(country)

    def as_demonym(self, span: Span) -> Actor | None:
        """"Israeli military" -> the military; "Israeli offensive" -> the state; "Israeli targets" -> no actor."""
        country = self.country_of(span)
        if country is None:
            return None
        head = span.root.head
        office = state_office(head)  # "the Thai prime minister", "his Australian counterpart" (geo.actors.offices)
        if office is not None:
            return self.extractor.derived(self.extractor.state(country), office, country)
        if head.ent_type_ == "PERSON" or fold(head.text) in TITLES:
            return None
        if head.lower_ in POLICE_NOUNS:  # "Turkish police detained": the state's police, not its army
            return self.extractor.derived(self.extractor.state(country), "police", country)
        if head.lemma_.lower() in FORCE_NOUNS or head.lower_ in FORCE_NOUNS:
            return self.extractor.derived(self.extractor.state(country), "military", country)
        if head.lower_ in GOVERNMENT_NOUNS or head.lemma_.lower() in GOVERNMENT_NOUNS:
            return self.extractor.derived(self.extractor.state(country), "government", country)
        if head.lemma_.lower() in HOSTILE or span.root.dep_ in ("nsubj", "nsubjpass") or hostile_on_land(head):
            return self.extractor.state(country)  # "an Israeli offensive", "attacks on British soil"
        return None

    # -- affiliations and output

    def affiliate(self) -> None:
        """Affiliations the text states for people the catalogue does not know ("Hamas leader X", "X, the head of
        Y")."""
        by_token = {i: actor_id for span, actor_id in self.mentions for i in range(span.start, span.end)}
        for span, actor_id in self.mentions:
            draft = self.drafts[actor_id]
            if draft.kind != "person" or self.extractor.catalog.get(actor_id):
                continue
            for token in (*title_chain_left(span), *described_by(span)):
                group = by_token.get(token.i) or self.country_state(token)
                if group and group != actor_id and self.drafts.get(group, Draft("", "", "x")).kind != "person":
                    draft.affiliations.append(group)
            if not draft.affiliations and cabinet_title(span):  # "Interior Minister Carolina Toha said"
                draft.affiliations.extend(self.article_government())

    def article_government(self) -> list[str]:
        """The government of the one country the article's places lie in: a minister whose title names no state
        or group sits in it. An article that names places of two countries ("met her Chinese counterpart in
        Beijing") leaves the minister's government open."""
        codes = self.article_codes
        country = self.extractor.countries.by_code(next(iter(codes))) if len(codes) == 1 else None
        if country is None:
            return []
        return [self.draft(self.extractor.derived(self.extractor.state(country), "government", country)).id]

    @cached_property
    def article_codes(self) -> frozenset[str]:
        """The country codes of the article's places (read once: a ministry asks per mention)."""
        return frozenset(pm.place.country_code for pm in self.places if pm.place is not None and pm.place.country_code)

    def country_state(self, token: Token) -> str | None:
        if token.ent_type_ not in ("NORP", "GPE"):
            return None
        country = self.extractor.countries.find(token.text)
        if country is None:
            return None
        state = self.extractor.state(country)
        self.draft(state)
        return state.id

    def result(self) -> tuple[tuple[Actor, ...], tuple[ActorMention, ...]]:
        self.add_affiliated()
        actors = tuple(self.merge_known(d.actor()) for d in self.drafts.values())
        mentions = tuple(ActorMention(actor_id, Mention(s.start_char, s.end_char, s.text, s.label_ or "ALIAS"))
                         for s, actor_id in self.mentions)
        return actors, mentions

    def add_affiliated(self) -> None:
        """Bring in the actors that affiliations point to, so the store can walk person -> group -> state."""
        pending = [a for d in self.drafts.values() for a in d.affiliations]
        while pending:
            actor_id = pending.pop()
            if actor_id in self.drafts:
                continue
            actor = (self.extractor.catalog.get(actor_id) or self.extractor.known.get(actor_id)
                     or self.state_by_id(actor_id))
            if actor:
                pending.extend(self.draft(actor).affiliations)

    def state_by_id(self, actor_id: str) -> Actor | None:
        country = next((c for c in self.extractor.countries.by_name.values() if c.state_id == actor_id), None)
        return self.extractor.state(country) if country else None

    def merge_known(self, actor: Actor) -> Actor:
        """Keep the store's name and kind for an actor seen before; add the new spellings and affiliations."""
        old = self.extractor.known.get(actor.id)
        return actor if old is None else merge_actor(old, actor.aliases, actor.affiliations)


#: One-word names of legislative houses (Wikipedia: List of legislatures by country), also common words.
LEGISLATURES = frozenset({"House", "Assembly", "Commons", "Lords", "Legislature", "Congress", "Senate"})
