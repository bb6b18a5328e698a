"""Finding an organisation among known actors by any of its names (equal, an acronym of it, or a near spelling).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from geo.actors.names import OrganisationName, initials, organisation_name, same_organisation_name
from geo.records import Actor

__all__ = ["NameIndex", "OrganisationIndex", "first_organisation"]


def first_organisation(pool: Iterable[Actor], names: Sequence[OrganisationName]) -> Actor | None:
    """The first actor of ``pool``, not a person, one of whose names is the same organisation as one of ``names``."""
    return next((a for a in pool if a.kind != "person" and any(
        same_organisation_name(c, organisation_name(n)) for c in names for n in (a.name, *a.aliases))), None)


class NameIndex:
    """Names of numbered owners (actors, or an article's drafts), that grows name by name: :meth:`candidates` gives
    the owners that could hold a name :func:`same_organisation_name` matches, in number order, so that the caller
    compares a name with those few and not with every owner. Equal names and acronyms are looked up; near
    spellings are pre-filtered by rapidfuzz below the threshold (a scan in C, not a comparison in Python per
    pair), so the candidates hold every owner the comparison would accept."""

    def __init__(self) -> None:
        self.owners: list[int] = []  # per name: its owner
        self.folded: list[str] = []
        self.by_key: dict[tuple[str, str], set[int]] = {}
        self.seen: set[tuple[int, str]] = set()

    def add(self, owner: int, text: str) -> None:
        if (owner, text) in self.seen:
            return
        self.seen.add((owner, text))
        name = organisation_name(text)
        self.owners.append(owner)
        self.folded.append(name.folded)
        for key in (("folded", name.folded), ("acronym", name.acronym), ("compact", name.compact),
                    ("initials", initials(text))):
            self.by_key.setdefault(key, set()).add(owner)

    def candidates(self, names: Sequence[OrganisationName]) -> list[int]:
        found: set[int] = set()
        for n in names:  # every name same_organisation_name can match: equal, acronym either way, or near-equal
            for key in (("folded", n.folded), ("acronym", n.compact), ("compact", n.acronym)):
                found |= self.by_key.get(key, set())
            if len(n.folded) >= 6:
                found.update(self.owners[j] for _, _, j in process.extract(
                    n.folded, self.folded, scorer=fuzz.ratio, score_cutoff=NEAR_PREFILTER, limit=None))
        return sorted(found)

    def keyed(self, key: str, value: str) -> set[int]:
        """The owners of a name whose ``key`` ("initials", "compact", ...) is ``value``."""
        return self.by_key.get((key, value), set())


class OrganisationIndex:
    """Actors that are not people, under their prepared names: :meth:`first` answers as :func:`first_organisation`
    over them, in their order, comparing a name only with the candidates of a :class:`NameIndex`."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.actors = [a for a in actors if a.kind != "person"]
        self.names = NameIndex()
        for i, actor in enumerate(self.actors):
            for name in (actor.name, *actor.aliases):
                self.names.add(i, name)

    def first(self, names: Sequence[OrganisationName]) -> Actor | None:
        return first_organisation((self.actors[i] for i in self.names.candidates(names)), names)


NEAR_PREFILTER = 90  # below same_organisation_name's 92, so the pre-filter keeps every near-equal spelling
