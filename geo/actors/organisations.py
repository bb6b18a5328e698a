"""Finding an organisation among known actors by any of its names (equal, an acronym of it, or a near spelling).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from geo.actors.names import OrganisationName, organisation_name, same_organisation_name
from geo.records import Actor

__all__ = ["OrganisationIndex", "first_organisation"]


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
