"""One real-world event told by many articles: after an article is written, its occurrences join those of articles
stored before it that report the same event.

Compatibility is the within-article rule (:func:`geo.events.grouping.compatible`), with ``across=True``: an occurrence
whose mentions name no place is where the map shows it, one dated only by its report spans the days before it, and
an undated one joins only on a site below the country. ``geo.ingest.pipeline`` asks the store for the candidates
(``geo.store.occurrences``), in the article's write transaction, and :func:`join_across` says which mentions move.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from geo.events.grouping import REPORT_DAYS, Knowledge, Occurrence, compatible, date_span
from geo.records import REPORTED, Event

__all__ = ["as_shown", "join_across", "occurrences", "years"]


def occurrences(events: Iterable[Event]) -> dict[str, Occurrence]:
    """The non-hypothetical occurrences these mentions report (grouped or stored: by ``occurrence``), by id.

    Unlike within an article, an occurrence whose mentions name no place is where it is shown (its ``context``
    places, the article's scene), and one dated only by its report spans the :data:`REPORT_DAYS` before it:
    two articles' occurrences are one only if one marker, at one time, can show them."""
    mentions: dict[str, list[Event]] = {}
    for e in events:
        if not e.hypothetical:
            mentions.setdefault(e.occurrence or e.id, []).append(e)
    return {key: as_shown(told) for key, told in mentions.items()}


def as_shown(told: Sequence[Event]) -> Occurrence:
    """One occurrence of these mentions as the map shows it (see :func:`occurrences`)."""
    occ = Occurrence.of(told[0])
    for e in told[1:]:
        occ.add(e)
    if not occ.places:
        occ.places.update(dict.fromkeys(p for e in told for _, p in e.place_roles))
    if occ.date is None:
        occ.date = next(((e.date, REPORTED) for e in told if e.date and e.date_precision == REPORTED), None)
    return occ


def years(found: Iterable[Occurrence]) -> tuple[int, int] | None:
    """The first and last year of the dates a stored occurrence compatible with these may carry; None when one
    of them is undated (any year may do). A stored report dated up to :data:`REPORT_DAYS` after one may be."""
    spans = [date_span(*o.date) if o.date else None for o in found]
    if not spans or None in spans:
        return None
    late = dt.timedelta(days=REPORT_DAYS)
    return min(lo.year for lo, _ in spans), max((hi + late).year for _, hi in spans)


def join_across(new: Sequence[Event], stored: Sequence[Event], know: Knowledge,
                published: Mapping[str, dt.date | None]) -> dict[str, str]:
    """Which mentions change occurrence (``mention id -> occurrence id``) when the article of ``new`` joins the
    ``stored`` mentions of other articles.

    The stored occurrences are taken apart into each article's own ones (mentions of one article and one stored
    occurrence: an article's grouping is never undone), and the groups are rebuilt from scratch with the new
    article's: every compatible pair of two articles' occurrences is a link, links are taken in the order of the
    reports they join (by publication date, undated articles last, then article id and offset), and a link
    merges two groups unless that would put two occurrences of one article in a group or the merged groups are
    not compatible as wholes. The result depends on the set of articles, not on the order they were ingested
    in: three reports of one event are one however they arrive. A group keeps the id of its first report."""
    order = _report_order([*new, *stored], published)
    parts = _article_occurrences([*new, *stored], order)
    shown = {key: as_shown(told) for key, told in parts.items()}
    parts = _touched(parts, {e.id for e in new}, shown, know)
    keys = sorted(parts, key=order.__getitem__)
    pairs = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]
             if parts[a][0].article_id != parts[b][0].article_id]
    strict = {pair for pair in pairs if compatible(shown[pair[0]], shown[pair[1]], know, across=True)}
    ties = _ties(parts, strict)
    links = [(a, b) for a, b in pairs if (a, b) in strict or (
        _articles(parts, [a], [b]) <= ties and compatible(shown[a], shown[b], know, across=True, tied=True))]
    group = {key: [key] for key in keys}  # key -> the members of its group (one shared list per group)
    for a, b in links:
        x, y = group[a], group[b]
        if x is y or _one_article(x, y, parts) or not compatible(
                _union(x, parts), _union(y, parts), know, across=True, tied=_articles(parts, x, y) <= ties):
            continue
        x += y
        x.sort(key=order.__getitem__)
        for key in y:
            group[key] = x
    return {e.id: members[0] for key, members in group.items() for e in parts[key]
            if (e.occurrence or e.id) != members[0]}


def _ties(parts: Mapping[str, list[Event]], strict: Iterable[tuple[str, str]]) -> set[frozenset[str]]:
    """The pairs of articles that report one event together: a strict link between two of their occurrences, or
    a stored occurrence both already report. Such articles tell of one time, so an undated one among them is not
    of any year (``compatible``'s ``tied``): "militants in southern Lebanon fired rockets at Israel" in an undated
    report of a meeting in Beirut is the "rocket barrage into northern Israel" of a dated report of that meeting."""
    ties = {frozenset((parts[a][0].article_id, parts[b][0].article_id)) for a, b in strict}
    by_group: dict[str, set[str]] = {}
    for key, told in parts.items():
        by_group.setdefault(told[0].occurrence or key, set()).add(told[0].article_id)
    ties.update(frozenset((x, y)) for found in by_group.values() for x in found for y in found if x != y)
    return ties


def _articles(parts: Mapping[str, list[Event]], x: Sequence[str], y: Sequence[str]) -> set[frozenset[str]]:
    """Every pair of an article of ``x``'s occurrences and one of ``y``'s."""
    return {frozenset((parts[a][0].article_id, parts[b][0].article_id)) for a in x for b in y}


def _touched(parts: dict[str, list[Event]], new_ids: set[str], shown: Mapping[str, Occurrence],
             know: Knowledge) -> dict[str, list[Event]]:
    """The new article's occurrences and every stored group one of them links to, whole: only these can regroup
    (a stored group no new occurrence links to stays as it is), and linking is quadratic in them, not in every
    candidate the store found. A link may rest on a tie (``_ties``): an occurrence of an article that a strict
    link ties to the new one."""
    mine = [k for k in parts if k in new_ids]
    theirs = [k for k in parts if k not in new_ids]
    strict = [b for b in theirs if any(compatible(shown[a], shown[b], know, across=True) for a in mine)]
    tied = {parts[b][0].article_id for b in strict}
    loose = [b for b in theirs if parts[b][0].article_id in tied and b not in strict
             and any(compatible(shown[a], shown[b], know, across=True, tied=True) for a in mine)]
    touched = {parts[b][0].occurrence or b for b in [*strict, *loose]}
    return {k: v for k, v in parts.items() if k in new_ids or (v[0].occurrence or k) in touched}


def _article_occurrences(events: Iterable[Event], order: Mapping[str, tuple]) -> dict[str, list[Event]]:
    """Each article's own occurrences among these mentions (non-hypothetical), keyed by their first report's id."""
    found: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        if not e.hypothetical:
            found.setdefault((e.article_id, e.occurrence or e.id), []).append(e)
    told = [sorted(mentions, key=lambda e: order[e.id]) for mentions in found.values()]
    return {mentions[0].id: mentions for mentions in told}


def _one_article(x: Sequence[str], y: Sequence[str], parts: Mapping[str, list[Event]]) -> bool:
    """Whether two groups hold occurrences of one article (which its own grouping kept apart)."""
    return bool({parts[k][0].article_id for k in x} & {parts[k][0].article_id for k in y})


def _union(keys: Sequence[str], parts: Mapping[str, list[Event]]) -> Occurrence:
    return as_shown([e for k in keys for e in parts[k]])


def _report_order(events: Iterable[Event], published: Mapping[str, dt.date | None]
                   ) -> dict[str, tuple[bool, dt.date, str, int]]:
    """Each mention's place in the order of reports: dated articles first, by date, then article id and offset."""
    out = {}
    for e in events:
        day = published.get(e.article_id)
        out[e.id] = (day is None, day or dt.date.min, e.article_id, e.trigger.start)
    return out
