"""Linking each article's actors to the canonical actors of earlier articles.

Extraction (geo.actors.extraction) may run in worker processes that cannot see each other's
results. Linking runs where articles are written, one article at a time in input
order, so "Ismail qaani" in the second article becomes the "Esmail Qaani" of the
first whatever the number of workers, and the store never holds two rows for one
person. A link across articles joins two stories in the actor filter, so it asks for more than a link within
one article, where the article itself says who is meant:

- full names agree word by word (allowing transliteration variants);
- a bare surname joins a full name only when exactly one known person carries it and something besides the
  name vouches for the link: a catalogue person, a body both belong to, or an office written with both names
  ("Finance Minister Morneau", "Finance Minister Bill Morneau");
- bodies' names are written alike: equal, or a near spelling that changes no whole word ("Centre", "Center";
  never "Northfield" and "Southfield Farmers Council");
- initials join a full name only where an article wrote the two together (the initials are then the body's
  alias) or the body is a catalogue actor: "ETA" of one story is not the Edmonton Traders' Association of another.

A linked actor keeps the id it was first stored under (ids are in exports and links) but is named by the fullest
name a source gave it (:func:`geo.records.named_in_full`): "FDA" first and "the Food and Drug Administration (FDA)"
later is the Food and Drug Administration, as in the other order. A body is renamed only where the article of the
full name writes the short one too. Catalogue actors keep the catalogue's name.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from geo.actors.catalog import Catalog, load_catalog
from geo.actors.generic import generic_body
from geo.actors.names import (OrganisationName, acronym, clean, fold, offices, organisation_name, person_words,
                             same_office, same_organisation_name, same_person, skeleton, spelled_alike, surname_matches)
from geo.records import Actor, ActorMention, Analysis, Event, merge_actor, named_in_full, spells_out

GROUP_KINDS = frozenset({"organisation", "armed_group", "military", "police", "government", "media"})

#: What a store tells of the people it holds (``Store.mention_contexts``): for each actor id asked, the text written
#: right before each of its mentions, the mention's text and the text right after it, where a title or a
#: government named after the person ("the Trudeau government") says which office the person holds.
Contexts = Callable[[Sequence[str]], dict[str, list[tuple[str, str, str]]]]
#: The countries of the places of the stored articles that mention each actor asked (``Store.actor_countries``).
Countries = Callable[[Sequence[str]], dict[str, set[str]]]


class ActorLinker:
    """Rewrites an Analysis so its actors use the ids of actors already known."""

    def __init__(self, known: Iterable[Actor] = (), catalog: Catalog | None = None,
                 contexts: Contexts | None = None, countries: Countries | None = None,
                 sites: Countries | None = None, retired: Iterable[str] = ()) -> None:
        self.fixed = frozenset((catalog or load_catalog()).by_id)  # catalogue actors: their names are curated
        self.contexts = contexts or _no_contexts
        self.countries = countries or _no_contexts
        self.sites = sites or _no_contexts  # the places below the country of the stored articles of each actor
        self.held: dict[str, frozenset[str]] = {}  # the offices of the articles linked here, by actor id
        self.placed: dict[str, frozenset[str]] = {}  # the countries of the articles linked here, by actor id
        self.sited: dict[str, frozenset[str]] = {}  # their places below the country, by actor id
        self.taken = set(retired)  # ids merged into other actors: old links resolve them, no new actor takes one
        self.known: dict[str, Actor] = {}
        self.org_names: dict[str, tuple[OrganisationName, ...]] = {}  # of each known actor's names
        self.index = _NameIndex()
        self._remember(known)

    def link(self, analysis: Analysis) -> Analysis:
        """The same analysis with actor ids mapped onto known actors; its actors become known, and known actors
        it shows to be one are merged (``Analysis.merged``)."""
        held, where, sites = _offices_in(analysis), _countries_in(analysis), _sites_in(analysis)
        mapping = {a.id: t for a in analysis.actors
                   if (t := self._target(a, held.get(a.id, frozenset()), where, sites)) != a.id}
        merged: dict[str, Actor] = {}
        for actor in analysis.actors:
            target = mapping.get(actor.id, actor.id)
            old = merged.get(target) or self.known.get(target)
            renames = target not in self.fixed and old is not None and (
                actor.kind == "person" or _written(old.name, actor.aliases))
            merged[target] = _merge(old, actor, target, mapping, renames)
        before = {t: self._told(t) for t in merged}
        self._remember(merged.values())
        for actor_id, found in held.items():
            target = mapping.get(actor_id, actor_id)
            self.held[target] = self.held.get(target, frozenset()) | found
        for target in merged:
            self.placed[target] = self.placed.get(target, frozenset()) | where
            self.sited[target] = self.sited.get(target, frozenset()) | sites
        joined = self._rejoin([t for t in merged if self._told(t) != before[t]], set(merged))
        if joined:
            merged = {t: self.known[t] for t in merged}
            analysis = replace(analysis, merged=tuple(joined))
        if not mapping:
            return replace(analysis, actors=tuple(merged.values()))
        return replace(analysis, actors=tuple(merged.values()),
                       actor_mentions=tuple(ActorMention(mapping.get(m.actor_id, m.actor_id), m.mention)
                                            for m in analysis.actor_mentions),
                       events=tuple(_relabel(e, mapping) for e in analysis.events))

    def _target(self, actor: Actor, held: frozenset[str], where: frozenset[str], sites: frozenset[str]) -> str:
        """The id an article's actor is stored under: that of the known actor the rule links it to; its own when
        none; a fresh one when its own is a known actor's that the rule keeps apart (the bare "Smith" of two
        stories, or their "City Council": a slug of the name must not join what the rule keeps apart)."""
        if actor.id in self.fixed or actor.id in self.known and not _bare_surname(actor) and not _generic(actor):
            return actor.id
        if found := self.match(actor, held, where, sites=sites):
            return found.id
        if actor.id not in self.known and actor.id not in self.taken:
            return actor.id
        n = 2
        while (fresh := f"{actor.id[:110]}-{n}") in self.known or fresh in self.taken:
            n += 1
        self.taken.add(fresh)
        return fresh

    def _told(self, actor_id: str) -> tuple:
        """What is known of an actor that may link others to it: its names and offices."""
        known = self.known.get(actor_id)
        return (known and (known.name, known.aliases), self.held.get(actor_id))

    def _rejoin(self, targets: list[str], article: set[str]) -> list[tuple[str, str]]:
        """Known actors that the rule links to one of ``targets`` now that an article told more of it (a name
        written with its initials, an office): each joins the target, whose id stays; its own id goes
        (the store keeps it for old links). "Coastal Fisheries Authority" and "CFA" stored apart are one actor
        once a third article writes "the Coastal Fisheries Authority (CFA)"."""
        pairs = []
        for target in targets:
            for other in self._neighbours(target):
                if other in article or other in self.fixed or other not in self.known or target not in self.known \
                        or not _named_alike(self.known[other], self.known[target]):
                    continue
                known = self.known[other]
                held = self._offices_of(known) if known.kind == "person" else frozenset()
                found = self.match(known, held, None, skip=other)
                if found is not None and found.id == target:
                    self._absorb(known, target)
                    pairs.append((other, target))
        return pairs

    def _neighbours(self, actor_id: str) -> list[str]:
        """Known actors that could be ``actor_id``'s: bodies of any kind under its names' keys; people of its
        surname."""
        actor = self.known.get(actor_id)
        if actor is None or actor.kind not in GROUP_KINDS | {"person"}:
            return []
        kinds = GROUP_KINDS if actor.kind in GROUP_KINDS else {"person"}
        ids = {i for kind in kinds for i in self.index.candidates(replace(actor, kind=kind))} - {actor_id}
        if actor.kind == "person":
            surname = fold(person_words(actor.name)[-1]) if person_words(actor.name) else ""
            ids = {i for i in ids if person_words(self.known[i].name)
                   and fold(person_words(self.known[i].name)[-1]) == surname}
        return sorted(ids, key=self.index.order.__getitem__)

    def _absorb(self, gone: Actor, target: str) -> None:
        """``gone`` becomes part of the known actor ``target``, named in full as the rule names one actor."""
        for i, actor in list(self.known.items()):  # who belonged to the actor that goes belongs to the target
            if gone.id in actor.affiliations:
                parents = (target if p == gone.id else p for p in actor.affiliations)
                self.known[i] = replace(actor, affiliations=tuple(dict.fromkeys(p for p in parents if p != i)))
        joined = merge_actor(self.known[target], (gone.name, *gone.aliases),
                             (p for p in gone.affiliations if p not in (target, gone.id)))
        if target not in self.fixed:
            joined = named_in_full(joined, gone.name, gone.kind)
        for table in (self.held, self.placed, self.sited):
            table[target] = table.get(target, frozenset()) | table.pop(gone.id, frozenset())
        del self.known[gone.id]
        self.org_names.pop(gone.id, None)
        self.index.remove(gone.id)
        self.taken.add(gone.id)
        self._remember([joined])

    def _remember(self, actors: Iterable[Actor]) -> None:
        for actor in actors:
            self.known[actor.id] = actor
            self.org_names[actor.id] = tuple(organisation_name(n) for n in (actor.name, *actor.aliases))
            self.index.add(actor)

    def match(self, actor: Actor, held: frozenset[str] = frozenset(), where: frozenset[str] | None = frozenset(),
              skip: str | None = None, sites: frozenset[str] | None = None) -> Actor | None:
        """The known actor this one is, or None when none is clearly the same. ``held`` are the offices the new
        article writes with the actor's name ("Mayor", "Finance Minister"), ``where`` the countries of its places
        (None: of the known actor's articles, asked when needed); ``skip`` a known actor not to compare with (the
        actor itself, when a known one is matched again); ``sites`` the places below the country of the new
        article (None: of the known actor's articles)."""
        pool = [self.known[i] for i in self.index.candidates(actor) if i != skip]
        if actor.kind == "person":
            return self._person(actor, pool, held)
        if actor.kind in GROUP_KINDS:
            names = [organisation_name(n) for n in (actor.name, *actor.aliases)]
            return next((k for k in pool if self._same_body(actor, k, names)
                         and self._placed(actor, k, where, skip is not None) and self._sited(actor, k, sites)), None) \
                or self._abbreviated(actor, where, skip)
        return None  # states are identified by their country already

    def _same_body(self, actor: Actor, known: Actor, names: list[OrganisationName]) -> bool:
        """Two bodies' names of two articles that name one body: written alike, or one the other's initials when
        one of the two is a catalogue actor. Initials alone join bodies by chance ("ETA", the Basque group, and
        an Edmonton Traders' Association): otherwise they count only where an article wrote them with the full
        name ("the Rapid Support Forces (RSF)"), which gave the body the initials as an alias."""
        if actor.id in self.fixed or known.id in self.fixed:
            return any(same_organisation_name(n, m) for n in names for m in self.org_names[known.id])
        return any(spelled_alike(n, m) for n in names for m in self.org_names[known.id]) \
            and _full_names_agree(actor, known)

    def _placed(self, actor: Actor, known: Actor, where: frozenset[str] | None, stored: bool = False) -> bool:
        """Whether something besides the letters vouches for bare initials stored from one article ("ANC") being
        the body a later article spells out with them ("the Anglo-Nordic Council (ANC)"): the later article says
        which body it means, the earlier one never did. As for a bare surname (:meth:`_vouched`), a catalogue
        actor or a non-state body in common vouches; for a body, so does a country its two articles' places share
        (the "ANC" of a Johannesburg story is not that of an Oslo one). The other order, a full name written with
        its initials and later the initials alone, links as before (the initials were written with that name
        first). ``stored``: both actors are stored (a merge), and bare initials on either side need the evidence."""
        if actor.id in self.fixed or known.id in self.fixed or _initials_only(actor) == _initials_only(known):
            return True
        if not _initials_only(known) and not stored:
            return True
        where = self._countries_of(actor) if where is None else where
        return self._shared_body(actor, known) or bool(where & self._countries_of(known))

    def _sited(self, actor: Actor, known: Actor, sites: frozenset[str] | None) -> bool:
        """Whether two bodies, one of them named by its kind alone ("City Council", "the Sheriff's Office"; see
        :mod:`geo.actors.generic`), are one by their articles' places: a place below the country in common (the
        town, its county or its state). Every town has a city council: the name says nothing across articles."""
        if actor.id in self.fixed or known.id in self.fixed or not (_generic(actor) or _generic(known)):
            return True
        ours = self._sites_of(actor) if sites is None else sites
        return bool(ours & self._sites_of(known))

    def _sites_of(self, known: Actor) -> frozenset[str]:
        return self.sited.get(known.id, frozenset()) | frozenset(self.sites([known.id]).get(known.id, ()))

    def _countries_of(self, known: Actor) -> frozenset[str]:
        """The countries of the places of the articles that mention a known actor: linked here, and the store's."""
        return self.placed.get(known.id, frozenset()) | frozenset(self.countries([known.id]).get(known.id, ()))

    def _abbreviated(self, actor: Actor, where: frozenset[str] | None = frozenset(), skip: str | None = None
                     ) -> Actor | None:
        """A body of another kind that this one abbreviates or spells out, where the article of the full name
        wrote the abbreviation too: an abbreviation alone does not tell the kind ("KSP" is an organisation until
        "Kentucky State Police (KSP)" says police), and initials alone join bodies by chance (a Gainesville
        article's "GPD" is not the Glasgow Police Department of another)."""
        if actor.kind == "organisation":
            kinds = GROUP_KINDS - {"organisation"}
        else:
            kinds = frozenset({"organisation"})
        ids = {i for kind in kinds for i in self.index.candidates(replace(actor, kind=kind))} - {skip}
        pool = [self.known[i] for i in sorted(ids, key=self.index.order.__getitem__)]
        return next((k for k in pool if (_initials_of(k.name, actor.name) and _written(k.name, actor.aliases)
                                         or _initials_of(actor.name, k.name) and _written(actor.name, k.aliases))
                     and self._placed(actor, k, where, skip is not None)), None)

    def _person(self, actor: Actor, pool: list[Actor], held: frozenset[str]) -> Actor | None:
        words = person_words(actor.name)
        if len(words) == 1:
            carriers = [k for k in pool if surname_matches(words[0], k.name, exact=True)]  # "Rose" is not "Ross"
            return carriers[0] if len(carriers) == 1 and self._vouched(actor, held, carriers[0]) else None
        full = [k for k in pool if len(person_words(k.name)) > 1]
        return next((k for k in full if any(same_person(actor.name, n) for n in (k.name, *k.aliases))), None) \
            or self._surname_first(actor, pool, full, held)

    def _surname_first(self, actor: Actor, pool: list[Actor], full: list[Actor], held: frozenset[str]
                       ) -> Actor | None:
        """A person named in full whom an earlier article named by the surname alone ("Mayor Haddad", then "Mayor
        Karim Haddad"): the one bare-surname actor of that spelling, when no person known in full carries the
        surname (the bare name would have linked to that one) and something besides the name vouches for it
        (:meth:`_vouched`). The other order links on the same terms, so both orders give one actor."""
        surname = person_words(actor.name)[-1]
        if any(surname_matches(surname, k.name, exact=True) for k in full):
            return None
        bare = [k for k in pool if len(person_words(k.name)) == 1 and spells_out(k.name, actor.name)
                and fold(k.name) == fold(surname)]
        return bare[0] if len(bare) == 1 and self._vouched(actor, held, bare[0]) else None

    def _vouched(self, actor: Actor, held: frozenset[str], known: Actor) -> bool:
        """Whether a bare surname of one article and a full name of another are one person by more than the name:
        two stories' "Smith" and "John Smith" are namesakes too often (two times in six on unseen news). The
        catalogue's people are curated; otherwise the two must share a body they belong to (not a state: a
        country has many Smiths) or an office written with the name ("Finance Minister Morneau", "Finance
        Minister Bill Morneau"; "Sen." and "Senator" are one office, "Mr" is none)."""
        if known.id in self.fixed or actor.id in self.fixed or self._shared_body(actor, known):
            return True
        return bool(held) and same_office(held, self._offices_of(known))

    def _shared_body(self, actor: Actor, known: Actor) -> bool:
        """Whether two actors belong to one known body that is not a state (a country has many Smiths)."""
        shared = set(actor.affiliations) & set(known.affiliations)
        return any(p in self.known and self.known[p].kind != "state" for p in shared)

    def _offices_of(self, known: Actor) -> frozenset[str]:
        """The offices written with a known person's name: in its names, in the articles linked here and in the
        store's."""
        found = {o for name in (known.name, *known.aliases) for o in offices("", name)} | self.held.get(known.id, set())
        for before, text, after in self.contexts([known.id]).get(known.id, ()):
            found |= offices(before, text, after)
        return frozenset(found)


class _NameIndex:
    """Known actors under cheap keys of their names, so that matching a new actor compares it with the few
    known ones that could be the same (same kind and surname skeleton, or name/acronym prefix), not with every
    actor of a store that grows with each article. Candidates come back in the order they became known."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str, str], dict[str, None]] = {}
        self.order: dict[str, int] = {}
        self.keys: dict[str, set[tuple[str, str, str]]] = {}  # each actor's keys, to forget a merged actor

    def add(self, actor: Actor) -> None:
        self.order.setdefault(actor.id, len(self.order))
        for key in _keys(actor):
            self.ids.setdefault(key, {})[actor.id] = None
            self.keys.setdefault(actor.id, set()).add(key)

    def remove(self, actor_id: str) -> None:
        for key in self.keys.pop(actor_id, ()):
            self.ids[key].pop(actor_id, None)

    def candidates(self, actor: Actor) -> list[str]:
        found = {i for key in _keys(actor) for i in self.ids.get(key, ())}
        return sorted(found, key=self.order.__getitem__)


def _keys(actor: Actor) -> set[tuple[str, str, str]]:
    keys = set()
    for name in (actor.name, *actor.aliases):
        if actor.kind == "person":
            words = person_words(name)
            if words:  # the predicates compare surnames: equal skeletons or near-equal spellings
                keys |= {(actor.kind, "skeleton", skeleton(words[-1])), (actor.kind, "start", fold(words[-1])[:2])}
        elif actor.kind in GROUP_KINDS:  # equal names, one the other's acronym, or near-equal spellings
            compact = fold(clean(name)).replace(" ", "")
            keys |= {(actor.kind, "start", compact[:3]), (actor.kind, "start", acronym(name).lower()[:3])}
    return keys


def _offices_in(analysis: Analysis) -> dict[str, frozenset[str]]:
    """The offices an article writes with each person's name (see :func:`geo.actors.names.offices`)."""
    people = {a.id for a in analysis.actors if a.kind == "person"}
    found: dict[str, set[str]] = {}
    for am in analysis.actor_mentions:
        if am.actor_id in people:
            start, end, text = am.mention.start, am.mention.end, analysis.article.text
            found.setdefault(am.actor_id, set()).update(
                offices(text[max(0, start - 80):start], am.mention.text, text[end:end + 20]))
    return {i: frozenset(o) for i, o in found.items()}


def _countries_in(analysis: Analysis) -> frozenset[str]:
    """The countries of an article's places."""
    return frozenset(pm.place.country_code for pm in analysis.places if pm.place and pm.place.country_code)


def _sites_in(analysis: Analysis) -> frozenset[str]:
    """The places below the country of an article (towns, counties, states, streets ...)."""
    return frozenset(pm.place.id for pm in analysis.places if pm.place and pm.place.kind != "country")


def _generic(actor: Actor) -> bool:
    """A body named by its kind alone ("City Council"): by its name, the fullest an article gave it."""
    return actor.kind in GROUP_KINDS and generic_body(actor.name)


def _named_alike(actor: Actor, other: Actor) -> bool:
    """Whether two actors share a name, or one's name is the other's initials or surname: cheap, and needed by
    every link of the rule but near spellings (which linked when the later of the two was stored)."""
    ours, theirs = (actor.name, *actor.aliases), (other.name, *other.aliases)
    if {fold(n) for n in ours} & {fold(n) for n in theirs}:
        return True
    return any(spells_out(a, b) or spells_out(b, a) for a in ours for b in theirs)


def _full_names_agree(actor: Actor, known: Actor) -> bool:
    """Whether two bodies' names written in full allow them to be one body: one has none, or the words of one
    name are all in one of the other's ("Food and Drug Administration", "US Food and Drug Administration").
    Initials in common do not join two bodies whose names, in full, differ ("the Pacific Whaling Forum (PWF)",
    "the Port Workers Federation (PWF)")."""
    ours, theirs = _spelled_out(actor), _spelled_out(known)
    return not ours or not theirs or any(a <= b or b <= a or spelled_alike(organisation_name(x), organisation_name(y))
                                         for x, a in ours for y, b in theirs)


def _spelled_out(actor: Actor) -> list[tuple[str, set[str]]]:
    """Each of a body's names that is not bare initials, with its words."""
    return [(n, set(fold(n).split())) for n in (actor.name, *actor.aliases) if not _is_initials(n)]


def _is_initials(name: str) -> bool:
    return len(name.split()) == 1 and name.isupper()


def _initials_only(actor: Actor) -> bool:
    """A body known by initials alone ("ANC"): no article wrote its name in full."""
    return all(_is_initials(n) for n in (actor.name, *actor.aliases))


def _bare_surname(actor: Actor) -> bool:
    """A person known by the surname alone: a later article's bare surname has its id, but may say, by an office,
    that it is a person known in full ("Obama said" stored first, "President Obama" later)."""
    return actor.kind == "person" and len(person_words(actor.name)) == 1


def _no_contexts(actor_ids: Sequence[str]) -> dict[str, list[tuple[str, str, str]]]:
    """No store: the known actors' names alone tell their offices."""
    return {}


def _written(name: str, spellings: tuple[str, ...]) -> bool:
    """Whether ``name`` is one of the ``spellings`` an article gave an actor: the article connects the two names
    ("the Food and Drug Administration (FDA)"), where equal initials alone may be chance ("ETA", the Basque group,
    and an Edmonton Traders' Association)."""
    return fold(name) in {fold(s) for s in spellings}


def _initials_of(short: str, full: str) -> bool:
    """``short`` is ``full``'s initials ("KSP", "Kentucky State Police"), not its last word ("Army", "Armenian
    Army": no abbreviation)."""
    return spells_out(short, full) and fold(short) != fold(full).split()[-1]


def _merge(old: Actor | None, new: Actor, target: str, mapping: dict[str, str], renames: bool = True) -> Actor:
    """``new`` as the actor ``target``; with ``renames``, under ``new``'s name where it spells out ``old``'s."""
    affiliations = tuple(dict.fromkeys(mapping.get(p, p) for p in new.affiliations if mapping.get(p, p) != target))
    if old is None:
        return replace(new, id=target, affiliations=affiliations)
    merged = merge_actor(old, (new.name, *new.aliases), affiliations)
    return named_in_full(merged, new.name, new.kind) if renames else merged


def _relabel(event: Event, mapping: dict[str, str]) -> Event:
    roles = tuple(dict.fromkeys((role, mapping.get(a, a)) for role, a in event.actor_roles))
    return replace(event, actor_roles=roles)
