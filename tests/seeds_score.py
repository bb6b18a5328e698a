"""Score actors and events on the seed articles against tests/data/seeds_gold.json.

Run ``python -m tests.seeds_score`` from the repository root to print the figures in
docs/accuracy.md; tests/test_events.py asserts floors on the same numbers.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from geo.actors.extraction import ActorExtractor
from geo.ingest.articles import read_file
from geo.actors.catalog import load_catalog, load_countries
from geo.events.extraction import EventExtractor
from geo.events.grouping import EventGrouper
from geo.places.geoparsing import Geoparser
from geo.places.localities import LocalityStage
from geo.ingest.pipeline import Analyser
from geo.records import Event

REPO = Path(__file__).resolve().parent.parent
GOLD = json.loads((Path(__file__).parent / "data" / "seeds_gold.json").read_text(encoding="utf-8"))
FAMILY = {"Battles": "violence", "Explosions/Remote violence": "violence", "Violence against civilians": "violence",
          "Meeting/Consultation": "meeting", "Statement/Threat": "statement", "Protests": "protest", "Riots": "protest"}


def family(event: Event) -> str:
    if event.subtype == "Arrests":
        return "arrest"
    return FAMILY.get(event.type, "strategic")


@dataclass
class SeedRun:
    name: str
    article: object
    places: tuple
    actors: tuple
    mentions: tuple
    events: tuple


def analyse_seeds(geoparser: Geoparser, *, grouping: bool = False) -> list[SeedRun]:
    """Both seeds through the real analyser: geoparser, localities, actors (sharing what the first
    taught) and events; with ``grouping``, the article-wide stage after them (``geo.events.grouping``)."""
    extractor = ActorExtractor(load_catalog(), countries=load_countries(), learn=True)
    analyser = Analyser(nlp=geoparser.nlp, places=geoparser, localities=LocalityStage(), actors=extractor,
                        events=EventExtractor(), grouping=EventGrouper() if grouping else None)
    runs = []
    for name in GOLD["articles"]:
        article = next(read_file(REPO / "seeds" / name, 10_000_000))
        a = analyser.analyse(article)
        runs.append(SeedRun(name, article, a.places, a.actors, a.actor_mentions, a.events))
    return runs


def score(runs: list[SeedRun]) -> dict[str, float]:
    tally = dict(actor_tp=0, actor_sys=0, actor_gold=0, ev_tp=0, ev_sys=0, ev_gold=0, init_gold=0, init_ok=0,
                 place_gold=0, place_ok=0, date_gold=0, date_ok=0, hyp_ok=0)
    for run in runs:
        gold = GOLD["articles"][run.name]
        mentioned = {m.actor_id for m in run.mentions}
        tally["actor_tp"] += len(mentioned & set(gold["actors"]))
        tally["actor_sys"] += len(mentioned)
        tally["actor_gold"] += len(gold["actors"])
        _score_events(run, gold["events"], tally)
    p = lambda a, b: round(tally[a] / max(tally[b], 1), 3)  # noqa: E731
    return {"actor_precision": p("actor_tp", "actor_sys"), "actor_recall": p("actor_tp", "actor_gold"),
            "event_precision": p("ev_tp", "ev_sys"), "event_recall": p("ev_tp", "ev_gold"),
            "initiator_accuracy": p("init_ok", "init_gold"), "place_accuracy": p("place_ok", "place_gold"),
            "date_accuracy": p("date_ok", "date_gold"), "hypothetical_accuracy": p("hyp_ok", "ev_tp")}


def _score_events(run: SeedRun, gold_events: list[dict], tally: dict[str, int]) -> None:
    used: set[str] = set()
    names: dict[str, set[str]] = {}  # place id -> its name and the texts of its mentions ("names as written")
    for pm in run.places:
        if pm.place:
            names.setdefault(pm.place.id, {pm.place.name}).add(pm.mention.text)
    tally["ev_sys"] += len(run.events)
    tally["ev_gold"] += len(gold_events)
    for g in gold_events:
        hit = next((e for e in run.events if e.id not in used and family(e) == g["family"]
                    and g["sentence"] in e.sentence), None)
        tally["init_gold"] += bool(g.get("initiators"))
        tally["place_gold"] += bool(g.get("places"))
        tally["date_gold"] += bool(g.get("date"))
        if hit is None:
            continue
        used.add(hit.id)
        tally["ev_tp"] += 1
        tally["hyp_ok"] += hit.hypothetical == g.get("hypothetical", False)
        roles = {a for r, a in hit.actor_roles if r == "initiator"}
        tally["init_ok"] += bool(g.get("initiators")) and bool(roles & set(g["initiators"]))
        placed = {n for p in hit.place_ids for n in names.get(p, ())}
        tally["place_ok"] += bool(g.get("places")) and bool(placed & set(g["places"]))
        tally["date_ok"] += bool(g.get("date")) and hit.date == g["date"]


if __name__ == "__main__":
    from geo.places.geoparsing import make_geoparser
    from geo.settings import load_settings

    runs = analyse_seeds(make_geoparser(load_settings()))
    print(json.dumps(score(runs), indent=1))
