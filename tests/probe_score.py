"""Score event extraction on the probe set tests/data/events_probe.json: short passages written for newsmap from
general knowledge, across event kinds and the uses of trigger words that report no event (metaphors, hypotheticals,
generic and habitual uses, elections).

Run ``python -m tests.probe_score [--details]`` from the repository root to print the figures in docs/accuracy.md
(with ``--details``, every false event and every miss); tests/test_probe.py asserts floors on the same numbers.

The scoring follows the WikiEvents scorer (``eventeval``): a system event matches a gold event of the same family whose
trigger lies in the system event's sentence; a system event is right when some gold event of its family lies in its
sentence. Events marked hypothetical are left out: the dashboard hides them unless asked, and no passage's gold holds
a possible event. Place: a name or mention text of one of the event's places shares a word (3+ letters) with the gold
place. Roles are stricter than the scorer's: the gold initiator must share a word with an actor the event has as
initiator, the gold target with one it has as target.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from geo.names import fold
from geo.records import Analysis, Event
from tests.seeds_score import family

PROBE = json.loads((Path(__file__).parent / "data" / "events_probe.json").read_text(encoding="utf-8"))
SCORED = frozenset({"violence", "meeting", "statement", "arrest", "protest"})


@dataclass
class Tally:
    gold: int = 0
    matched: int = 0
    system: int = 0
    right: int = 0
    counts: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in ("place", "initiator", "target")})
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        p, r = self.right / max(self.system, 1), self.matched / max(self.gold, 1)
        out = {"precision": p, "recall": r, "f1": 2 * p * r / max(p + r, 1e-9)}
        out |= {f"{k}_acc": ok / max(n, 1) for k, (n, ok) in self.counts.items()}
        return {k: round(v, 3) for k, v in out.items()}


def words(text: str) -> set[str]:
    """A text's words of three letters or more, folded to ASCII: "Kandahār" (GeoNames' name) is "Kandahar"."""
    return {w for w in fold(text).split() if len(w) > 2}


def trigger_at(passage: dict, gold: dict) -> int:
    """Character offset of a gold trigger (its ``nth`` occurrence, 0 by default)."""
    at = -1
    for _ in range(gold.get("nth", 0) + 1):
        at = passage["text"].index(gold["trigger"], at + 1)
    return at


def scored_events(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if not e.hypothetical and family(e) in SCORED]


def score_passage(passage: dict, analysis: Analysis, tally: Tally) -> None:
    events = scored_events(analysis)
    golds = [(g, trigger_at(passage, g)) for g in passage["events"]]
    places: dict[str, set[str]] = {}
    for pm in analysis.places:
        if pm.place is not None:
            places.setdefault(pm.place.id, {pm.place.name}).add(pm.mention.text)
    actors: dict[str, set[str]] = {a.id: {a.name} for a in analysis.actors}
    for am in analysis.actor_mentions:
        actors.setdefault(am.actor_id, set()).add(am.mention.text)
    for e in events:
        tally.system += 1
        if any(g["family"] == family(e) and e.start <= at < e.end for g, at in golds):
            tally.right += 1
        else:
            tally.false.append(f"{passage['id']}: {e.trigger.text} ({family(e)})")
    for g, at in golds:
        tally.gold += 1
        hits = [e for e in events if family(e) == g["family"] and e.start <= at < e.end]
        if not hits:
            tally.missed.append(f"{passage['id']}: {g['trigger']} ({g['family']})")
            continue
        tally.matched += 1
        hit = next((e for e in hits if e.trigger.text == g["trigger"]), hits[0])
        named = {
            "place": [n for p in hit.place_ids for n in places.get(p, ())],
            "initiator": [n for r, a in hit.actor_roles if r == "initiator" for n in actors.get(a, ())],
            "target": [n for r, a in hit.actor_roles if r == "target" for n in actors.get(a, ())],
        }
        for key, found in named.items():
            if key not in g:
                continue
            tally.counts[key][0] += 1
            if any(words(n) & words(g[key]) for n in found):
                tally.counts[key][1] += 1
            else:
                tally.wrong.append(f"{passage['id']}: {g['trigger']} {key} {g[key]!r}, got {sorted(set(found))}")


def score(analyse) -> Tally:
    """Every passage through ``analyse`` (text -> :class:`~geo.records.Analysis`)."""
    tally = Tally()
    for passage in PROBE["passages"]:
        score_passage(passage, analyse(passage["text"]), tally)
    return tally


def make_analyse(geoparser):
    """The analysis an ingest runs (geoparser, localities, actors, events, grouping) as text -> Analysis."""
    from geo.actors.catalog import load_catalog, load_countries
    from geo.actors.extraction import ActorExtractor
    from geo.events.extraction import EventExtractor
    from geo.events.grouping import EventGrouper
    from geo.ingest.pipeline import Analyser
    from geo.places.localities import LocalityStage
    from geo.records import Article

    analyser = Analyser(nlp=geoparser.nlp, places=geoparser, localities=LocalityStage(),
                        actors=ActorExtractor(load_catalog(), countries=load_countries()), events=EventExtractor(),
                        grouping=EventGrouper())
    return lambda text: analyser.analyse(Article(id="probe", text=text))


if __name__ == "__main__":
    from geo.places.geoparsing import make_geoparser
    from geo.settings import load_settings

    result = score(make_analyse(make_geoparser(load_settings())))
    print(json.dumps(result.figures()))
    if "--details" in sys.argv:
        for title, lines in (("false events", result.false), ("missed", result.missed), ("wrong", result.wrong)):
            print(f"-- {title} ({len(lines)})")
            print("\n".join(lines))
