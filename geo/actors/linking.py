"""Linking each article's actors to the canonical actors of earlier articles.

Extraction (geo.actors.extraction) may run in worker processes that cannot see each other's
results. Linking runs where articles are written, one article at a time in input
order, so "Ismail qaani" in the second article becomes the "Esmail Qaani" of the
first whatever the number of workers, and the store never holds two rows for one
person. Matching is conservative: full names must agree word by word (allowing
transliteration variants), and a bare surname links only when exactly one known
person carries it, so two people who share a surname stay apart.

A linked actor keeps the id it was first stored under (ids are in exports and links) but is named by the fullest
name a source gave it (:func:`geo.records.named_in_full`): "FDA" first and "the Food and Drug Administration (FDA)"
later is the Food and Drug Administration, as in the other order. A body is renamed only where the article of the
full name writes the short one too: two articles whose names merely share initials ("ETA", "Edmonton Traders'
Association") were linked before this rule and still are, but the short name stays. Catalogue actors keep the
catalogue's name.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from geo.actors.catalog import Catalog, load_catalog
from geo.actors.names import (OrganisationName, acronym, clean, fold, organisation_name, person_words,
                             same_organisation_name, same_person, skeleton, surname_matches)
from geo.records import Actor, ActorMention, Analysis, Event, merge_actor, named_in_full, spells_out

GROUP_KINDS = frozenset({"organisation", "armed_group", "military", "police", "government", "media"})


class ActorLinker:
    """Rewrites an Analysis so its actors use the ids of actors already known."""

    def __init__(self, known: Iterable[Actor] = (), catalog: Catalog | None = None) -> None:
        self.fixed = frozenset((catalog or load_catalog()).by_id)  # catalogue actors: their names are curated
        self.known: dict[str, Actor] = {}
        self.org_names: dict[str, tuple[OrganisationName, ...]] = {}  # of each known actor's names
        self.index = _NameIndex()
        self._remember(known)

    def link(self, analysis: Analysis) -> Analysis:
        """The same analysis with actor ids mapped onto known actors; its actors become known."""
        mapping = {a.id: m.id for a in analysis.actors if a.id not in self.known and (m := self.match(a))}
        merged: dict[str, Actor] = {}
        for actor in analysis.actors:
            target = mapping.get(actor.id, actor.id)
            old = merged.get(target) or self.known.get(target)
            renames = target not in self.fixed and old is not None and (
                actor.kind == "person" or _written(old.name, actor.aliases))
            merged[target] = _merge(old, actor, target, mapping, renames)
        self._remember(merged.values())
        if not mapping:
            return replace(analysis, actors=tuple(merged.values()))
        return replace(analysis, actors=tuple(merged.values()),
                       actor_mentions=tuple(ActorMention(mapping.get(m.actor_id, m.actor_id), m.mention)
                                            for m in analysis.actor_mentions),
                       events=tuple(_relabel(e, mapping) for e in analysis.events))

    def _remember(self, actors: Iterable[Actor]) -> None:
        for actor in actors:
            self.known[actor.id] = actor
            self.org_names[actor.id] = tuple(organisation_name(n) for n in (actor.name, *actor.aliases))
            self.index.add(actor)

    def match(self, actor: Actor) -> Actor | None:
        """The known actor this one is, or None when none is clearly the same."""
        pool = [self.known[i] for i in self.index.candidates(actor)]
        if actor.kind == "person":
            return self._person(actor, pool)
        if actor.kind in GROUP_KINDS:
            names = [organisation_name(n) for n in (actor.name, *actor.aliases)]
            return next((k for k in pool if any(same_organisation_name(n, m) for n in names
                                                for m in self.org_names[k.id])), None) or self._abbreviated(actor)
        return None  # states are identified by their country already

    def _abbreviated(self, actor: Actor) -> Actor | None:
        """A body of another kind that this one abbreviates or spells out, where the article of the full name
        wrote the abbreviation too: an abbreviation alone does not tell the kind ("KSP" is an organisation until
        "Kentucky State Police (KSP)" says police), and initials alone join bodies by chance (a Gainesville
        article's "GPD" is not the Glasgow Police Department of another)."""
        if actor.kind == "organisation":
            kinds = GROUP_KINDS - {"organisation"}
        else:
            kinds = frozenset({"organisation"})
        ids = {i for kind in kinds for i in self.index.candidates(replace(actor, kind=kind))}
        pool = [self.known[i] for i in sorted(ids, key=self.index.order.__getitem__)]
        return next((k for k in pool if _initials_of(k.name, actor.name) and _written(k.name, actor.aliases)
                     or _initials_of(actor.name, k.name) and _written(actor.name, k.aliases)), None)

    def _person(self, actor: Actor, pool: list[Actor]) -> Actor | None:
        words = person_words(actor.name)
        if len(words) == 1:
            carriers = [k for k in pool if surname_matches(words[0], k.name, exact=True)]  # "Rose" is not "Ross"
            return carriers[0] if len(carriers) == 1 else None
        full = [k for k in pool if len(person_words(k.name)) > 1]
        return next((k for k in full if any(same_person(actor.name, n) for n in (k.name, *k.aliases))), None) \
            or self._surname_first(actor, pool, full)

    @staticmethod
    def _surname_first(actor: Actor, pool: list[Actor], full: list[Actor]) -> Actor | None:
        """A person named in full whom an earlier article named by the surname alone ("Haddad", then "Karim
        Haddad"): the one bare-surname actor of that spelling, when no person known in full carries the surname
        (the bare name would have linked to that one). The other order links too (a bare surname to its one
        carrier), so both orders give one actor."""
        surname = person_words(actor.name)[-1]
        if any(surname_matches(surname, k.name, exact=True) for k in full):
            return None
        bare = [k for k in pool if len(person_words(k.name)) == 1 and spells_out(k.name, actor.name)
                and fold(k.name) == fold(surname)]
        return bare[0] if len(bare) == 1 else None


class _NameIndex:
    """Known actors under cheap keys of their names, so that matching a new actor compares it with the few
    known ones that could be the same (same kind and surname skeleton, or name/acronym prefix), not with every
    actor of a store that grows with each article. Candidates come back in the order they became known."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str, str], dict[str, None]] = {}
        self.order: dict[str, int] = {}

    def add(self, actor: Actor) -> None:
        self.order.setdefault(actor.id, len(self.order))
        for key in _keys(actor):
            self.ids.setdefault(key, {})[actor.id] = None

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
