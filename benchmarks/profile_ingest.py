"""Where an ingest's time goes: each stage's share of wall and CPU time on one evaluation corpus.

    .venv/bin/python benchmarks/profile_ingest.py [--corpus GeoVirus.xml] [--limit N]

Three parts, each printed as a table of seconds (wall, CPU) and the stage's share of the part's CPU time:

- start-up, in fresh interpreters (as ``newsmap ingest --workers N`` pays it): the writer's imports, its store
  and actor linker, its check of the model and gazetteer before the workers start; a worker's imports, model load,
  geoparser (the gazetteer opened), actor catalogue and components. Bare spaCy's own start (import, load) is
  timed the same way, for comparison;
- the analysis of every text in one process, as a worker runs it: each spaCy component of the pipeline
  (newsmap's own components, ``newsmap_toponyms`` and ``actor_aliases``, included), then each analysis stage
  (places, localities, actors, events, grouping), then the transfer of each result from a worker to the writer
  (pickled and unpickled, as the worker pool does);
- the writer: linking actors to those already known, and writing each article into a fresh SQLite store.

Each stage is timed by itself (the components run over each batch in turn, as ``nlp.pipe`` runs them), so the
shares are what a stage costs, not what it waits for. CPU time is this process's; give the load average with the
figures (it is printed), since other work inflates wall time more than CPU time.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SHARED  # noqa: E402

BATCH = 32

# Run in a fresh interpreter: each step's (wall, CPU) seconds, printed as one JSON object.
STARTUP = r"""
import json, sys, time, tempfile
steps, last = {}, [time.perf_counter(), time.process_time()]
def step(name):
    now = [time.perf_counter(), time.process_time()]
    steps[name] = [now[0] - last[0], now[1] - last[1]]
    last[:] = now
if sys.argv[1] == "bare":
    import spacy
    step("import spacy")
    spacy.load(sys.argv[2])
    step("load the model")
elif sys.argv[1] == "writer":
    import geo.cli
    from geo.ingest.pipeline import make_pipeline, prepare_workers
    from geo.ingest.articles import iter_paths
    step("imports (the CLI, the store, the ingest)")
    from geo.settings import load_settings
    from geo.store import Store
    settings = load_settings()
    pipeline = make_pipeline(settings, Store.open(tempfile.mkdtemp() + "/s.sqlite"))
    step("store opened, actor linker built")
    prepare_workers(settings)
    step("model checked, gazetteer opened (before workers start)")
else:
    from geo.ingest import pipeline
    from geo.settings import load_settings
    step("imports (the ingest pipeline)")
    from geo.actors.aliases import add_actor_components
    from geo.actors.catalog import load_catalog
    from geo.actors.extraction import ActorExtractor
    from geo.events.extraction import EventExtractor
    from geo.events.grouping import EventGrouper
    from geo.places.geoparsing import make_geoparser
    from geo.places.localities import LocalityStage
    from geo.nlp import load_model
    step("imports (the analysis stages)")
    settings = load_settings()
    nlp = load_model(settings.model)
    step("load the model")
    geoparser = make_geoparser(settings, nlp=nlp)
    step("geoparser (gazetteer opened)")
    catalog = load_catalog()
    add_actor_components(nlp, catalog)
    ActorExtractor(catalog), LocalityStage(), EventExtractor(), EventGrouper()
    step("actor catalogue, components and the other stages")
    list(nlp.pipe(["Warm up in Paris."]))
    step("first document (lazy initialisation)")
print(json.dumps(steps))
"""


class Clock:
    """Sums of (wall, CPU) seconds per stage name, in the order stages were first seen."""

    def __init__(self) -> None:
        self.totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])

    def timed(self, name: str, fn, *args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            total = self.totals[name]
            total[0] += time.perf_counter() - wall
            total[1] += time.process_time() - cpu


class Timed:
    """A stage whose every method call is timed under ``name``."""

    def __init__(self, clock: Clock, name: str, inner) -> None:
        self._clock, self._name, self._inner = clock, name, inner

    def __getattr__(self, attr: str):
        method = getattr(self._inner, attr)
        return lambda *args, **kwargs: self._clock.timed(self._name, method, *args, **kwargs)


def startup(model: str) -> dict[str, dict[str, list[float]]]:
    found = {}
    for role in ("bare", "writer", "worker"):
        out = subprocess.run([sys.executable, "-c", STARTUP, role, model], check=True, capture_output=True, text=True,
                             cwd=Path(__file__).resolve().parent.parent)
        found[role] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def run_component(component, docs: list) -> list:
    """One pipeline component over a batch, as ``nlp.pipe`` runs it."""
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=BATCH))
    return [component(doc) for doc in docs]


def analysis(articles: list, clock: Clock) -> list:
    """Every article through the analyser's components and stages, one stage at a time; the results."""
    from geo.ingest.pipeline import make_analyser
    from geo.nlp import memory_zone
    from geo.settings import load_settings

    analyser = make_analyser(load_settings())
    for stage in ("places", "localities", "actors", "events", "grouping"):
        setattr(analyser, stage, Timed(clock, f"stage: {stage}", getattr(analyser, stage)))
    nlp = analyser.nlp
    list(nlp.pipe(["Warm up in Paris."]))
    results = []
    for start in range(0, len(articles), BATCH):
        batch = articles[start:start + BATCH]
        with memory_zone(nlp):
            docs = clock.timed("spaCy: tokenizer", lambda: [nlp.make_doc(a.text) for a in batch])
            for name, component in nlp.pipeline:
                docs = clock.timed(f"spaCy: {name}", run_component, component, docs)
            for doc, article in zip(docs, batch):
                found = analyser.analyse_doc(doc, article)
                results.append(clock.timed("transfer to the writer (pickle)", lambda f=found: pickle.loads(
                    pickle.dumps(f, protocol=pickle.HIGHEST_PROTOCOL))))
    return results


def writer(results: list, clock: Clock, tmp: str) -> None:
    from geo.ingest.pipeline import make_pipeline
    from geo.settings import load_settings
    from geo.store import Store

    pipeline = make_pipeline(load_settings(), Store.open(str(Path(tmp) / "profile.sqlite")))
    pipeline.linker = Timed(clock, "writer: link actors", pipeline.linker)
    pipeline.store = Timed(clock, "writer: write to SQLite", pipeline.store)
    for result in results:
        assert pipeline._store(result) is True, result


def table(title: str, rows: dict[str, list[float]]) -> None:
    cpu_total = sum(c for _, c in rows.values()) or 1.0
    print(f"\n{title:58} {'wall':>7} {'CPU':>7} {'CPU share':>9}")
    for name, (wall, cpu) in rows.items():
        print(f"  {name:56} {wall:6.2f}s {cpu:6.2f}s {100 * cpu / cpu_total:8.1f}%")
    print(f"  {'total':56} {sum(w for w, _ in rows.values()):6.2f}s {cpu_total:6.2f}s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="GeoVirus.xml", help="an evaluation corpus (default GeoVirus.xml)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N texts")
    args = ap.parse_args()
    sys.path.insert(0, str(SHARED))
    from geoeval import corpora  # noqa: PLC0415 - the shared scorer's loader

    from geo.ingest.articles import read_bytes
    from geo.records import Article
    from geo.settings import load_settings

    texts = [d.text for d in corpora.load(str(SHARED / "eval" / args.corpus))][:args.limit]
    read = (r for i, t in enumerate(texts) for r in read_bytes(t.encode("utf-8"), f"{i:04d}.txt"))
    articles = list({a.id: a for a in read if isinstance(a, Article)}.values())  # as ingest reads .txt files
    model = load_settings().model
    print(f"{len(articles)} texts of {args.corpus}, model {model}, load average {os.getloadavg()[0]:.2f}")
    for role, steps in startup(model).items():
        table(f"start-up of a {role} process (fresh interpreter)", steps)
    clock = Clock()
    results = analysis(articles, clock)
    table(f"analysis of {len(articles)} texts in one process", dict(clock.totals))
    clock = Clock()
    with tempfile.TemporaryDirectory(prefix="newsmap-profile-") as tmp:
        writer(results, clock, tmp)
    table("the writer", dict(clock.totals))
    print(f"\nload average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
