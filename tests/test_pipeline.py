"""Ingest through the pipeline: worker processes, and a real kill in the middle of an ingest."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


import pytest
import spacy

from geo.ingest.articles import iter_paths
from geo.ingest.pipeline import DUPLICATE_CHECK_CHUNK, Analyser, Pipeline, make_pipeline
from geo.records import Article, ReadFailure
from geo.settings import load_settings
from geo.store import Store
from tests.conftest import REPO, SEEDS
from tests.faulty import FAIL_IN_STAGE, FAIL_IN_STORE, make_faulty_analyser


def corpus(tmp_path: Path, n: int) -> Path:
    """n distinct short articles made from the seed sentences, as JSON Lines."""
    sentences = [s.strip() + "." for f in sorted(SEEDS.iterdir())
                 for s in f.read_text().replace("\n", " ").split(". ") if len(s) > 40]
    path = tmp_path / "corpus.jsonl"
    with path.open("w") as out:
        for i in range(n):
            text = f"Report {i}. " + " ".join(sentences[(i + k) % len(sentences)] for k in range(4))
            out.write(json.dumps({"title": f"Report {i}", "text": text}) + "\n")
    return path


def test_workers_store_the_same_articles_as_one_process(tmp_path: Path):
    path = corpus(tmp_path, 24)
    settings = load_settings()
    one = Store.open(str(tmp_path / "one.sqlite"))
    make_pipeline(settings, one).ingest(iter_paths([str(path)], 10**7))
    two = Store.open(str(tmp_path / "two.sqlite"))
    report = make_pipeline(settings, two).ingest(iter_paths([str(path)], 10**7), workers=2)
    assert len(report.ingested) == 24
    exported = one.export()
    assert exported["places"], "the analysis found no places: the comparison would prove nothing"
    assert exported == two.export()


def test_duplicates_are_found_across_the_chunks_the_store_is_asked_about(tmp_path: Path):
    """The store is asked about a chunk of input at a time: duplicates of stored articles, of earlier input
    (in the same chunk or an earlier one) and failures are reported in input order whatever the chunks."""
    def article(i: int) -> Article:
        return Article(id=f"{i:016x}", text=f"Article number {i}.", origin=f"in:{i}", raw=b"x")
    store = Store.open(str(tmp_path / "dup.sqlite"))
    pipeline = Pipeline(analyser=Analyser(nlp=spacy.blank("en")), store=store)
    pipeline.ingest([article(i) for i in range(0, 200, 3)])
    n = DUPLICATE_CHECK_CHUNK * 2 + 5
    inputs = [article(i) for i in range(n)] + [article(1), ReadFailure("bad", "unreadable"), article(n - 1)]
    report = pipeline.ingest(inputs)
    assert report.duplicates == tuple(f"in:{i}" for i in range(0, n, 3)) + ("in:1", f"in:{n - 1}")
    assert report.ingested == tuple(f"in:{i}" for i in range(n) if i % 3)
    assert [f.origin for f in report.failed] == ["bad"]
    assert store.count_articles() == len(range(0, 200, 3)) + len(report.ingested)


def stored_count(db: Path) -> int:
    """Articles committed so far, read without taking any write lock (the ingest keeps writing)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0


def test_a_killed_ingest_resumes_to_a_complete_duplicate_free_store(tmp_path: Path):
    path = corpus(tmp_path, 150)
    db = tmp_path / "kill.sqlite"
    env = {**os.environ, "NEWSMAP_DB": str(db)}
    cmd = [sys.executable, "-m", "geo.cli", "ingest", str(path)]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and stored_count(db) >= 5:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = Store.open(str(db)).count_articles()
    assert 5 <= partial < 150
    again = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert f"duplicates {partial}".encode() in again.stdout
    store = Store.open(str(db))
    assert store.count_articles() == 150
    titles = [a["title"] for a in store.articles()]
    assert sorted(titles) == sorted(f"Report {i}" for i in range(150))


def test_two_concurrent_ingests_into_postgresql_lose_and_duplicate_nothing(tmp_path: Path, pg_url: str):
    """Two machines' worth of ingest processes writing overlapping inputs into one database."""
    path = corpus(tmp_path, 40)
    lines = path.read_text().splitlines()
    (tmp_path / "a.jsonl").write_text("\n".join(lines[:30]) + "\n")
    (tmp_path / "b.jsonl").write_text("\n".join(lines[10:]) + "\n")
    env = {**os.environ, "NEWSMAP_DB": pg_url}
    procs = [subprocess.Popen([sys.executable, "-m", "geo.cli", "ingest", str(tmp_path / name)], cwd=REPO,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for name in ("a.jsonl", "b.jsonl")]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    store = Store.open(pg_url)
    assert store.count_articles() == 40
    assert sorted(a["title"] for a in store.articles()) == sorted(f"Report {i}" for i in range(40))
    ingested = sum(int(o[0].decode().split("ingested ")[1].split(",")[0]) for o in outs)
    assert ingested == 40


def test_dashboard_readers_and_an_ingest_share_one_sqlite_store(tmp_path: Path):
    """Two dashboard sessions (their view queries, in two processes) while an ingest writes: nobody fails."""
    path = corpus(tmp_path, 40)
    db = tmp_path / "shared.sqlite"
    Store.open(str(db)).close()
    env = {**os.environ, "NEWSMAP_DB": str(db)}
    reader = ("import time\n"
              "from geo.store import Store\n"
              "from geo.views.state import ViewState, view_data, map_data\n"
              f"store = Store.open({str(db)!r})\n"
              "end = time.monotonic() + 25\n"
              "n = 0\n"
              "while time.monotonic() < end:\n"
              "    view_data(store, ViewState()); map_data(store, ViewState(actors=('hezbollah',))); n += 1\n"
              "print(n)\n")
    readers = [subprocess.Popen([sys.executable, "-c", reader], cwd=REPO, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE) for _ in range(2)]
    ingest = subprocess.run([sys.executable, "-m", "geo.cli", "ingest", str(path)], cwd=REPO, env=env,
                            capture_output=True, timeout=600)
    outs = [r.communicate(timeout=120) for r in readers]
    assert ingest.returncode == 0, ingest.stderr.decode()
    assert b"ingested 40" in ingest.stdout
    for r, (out, err) in zip(readers, outs):
        assert r.returncode == 0, err.decode()
        assert int(out) > 0


def test_analyses_do_not_depend_on_when_the_vocabulary_is_compacted(geoparser, monkeypatch):
    import geo.ingest.pipeline
    from geo.actors.extraction import ActorExtractor
    from geo.actors.catalog import load_catalog, load_countries
    from geo.events.extraction import EventExtractor
    from geo.places.localities import LocalityStage

    analyser = Analyser(nlp=geoparser.nlp, places=geoparser, localities=LocalityStage(), batch_size=1,
                        actors=ActorExtractor(load_catalog(), countries=load_countries()), events=EventExtractor())
    articles = [Article(id=f.stem, text=f.read_text(encoding="utf-8")) for f in sorted(SEEDS.iterdir())] * 3
    monkeypatch.setattr(geo.ingest.pipeline, "COMPACT_ZONES", 10**9)
    never = list(analyser.analyse_many(articles))
    monkeypatch.setattr(geo.ingest.pipeline, "COMPACT_ZONES", 1)  # zones of four articles: two here
    assert list(analyser.analyse_many(articles)) == never


@pytest.mark.timeout(90)
def test_an_article_of_one_endless_sentence_is_analysed_in_linear_time(geoparser):
    """No full stop in 60,000 characters, thousands of triggers: every question asked of a trigger's sentence, of
    the article's dates and of its earlier events used to cost the article's length (many minutes; seconds now).
    The article is still read: its strikes are found and group as news would."""
    from geo.actors.extraction import ActorExtractor
    from geo.actors.catalog import load_catalog, load_countries
    from geo.events.extraction import EventExtractor
    from geo.places.localities import LocalityStage

    analyser = Analyser(nlp=geoparser.nlp, places=geoparser, localities=LocalityStage(),
                        actors=ActorExtractor(load_catalog(), countries=load_countries()), events=EventExtractor())
    text = "Jets struck the depot near Haifa on Monday and " * 1200
    [analysis] = list(analyser.analyse_many([Article(id="endless", text=text)]))
    assert len(analysis.events) >= 1000
    assert {e.type for e in analysis.events} == {"Explosions/Remote violence"}


@pytest.mark.timeout(150)
def test_an_article_of_thousands_of_listed_towns_is_analysed_in_linear_time(geoparser):
    """30,000 towns listed before their state: the list's kinds compared every member with every other, each town
    walked the whole list of its conjuncts, and each actor candidate every place of the article (minutes)."""
    from geo.actors.extraction import ActorExtractor
    from geo.actors.catalog import load_catalog, load_countries
    from geo.events.extraction import EventExtractor
    from geo.places.localities import LocalityStage

    analyser = Analyser(nlp=geoparser.nlp, places=geoparser, localities=LocalityStage(),
                        actors=ActorExtractor(load_catalog(), countries=load_countries()), events=EventExtractor())
    [analysis] = list(analyser.analyse_many([Article(id="towns", text="Dover, " * 30_000 + "Delaware")]))
    assert sum(pm.mention.text == "Dover" for pm in analysis.places) >= 15_000


# -- one article never stops an ingest ----------------------------------------------------------------------

def faulty_inputs() -> list[Article]:
    texts = ["A good article.", f"{FAIL_IN_STAGE} here.", "Another good one.", f"{FAIL_IN_STORE} here.",
             "The last good article."]
    return [Article(id=f"{i:016x}", text=t, origin=f"in:{i}", raw=t.encode()) for i, t in enumerate(texts)]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_that_fails_in_a_stage_or_in_the_store_stops_no_other(store: Store, workers: int):
    pipeline = Pipeline(analyser=None, store=store, settings=load_settings(), analyser_factory=make_faulty_analyser)
    report = pipeline.ingest(faulty_inputs(), workers=workers)
    assert report.ingested == ("in:0", "in:2", "in:4")
    assert [f.origin for f in report.failed] == ["in:1", "in:3"]
    stage, db = report.failed
    assert stage.reason == "could not be analysed: ValueError: the event stage broke on purpose"
    assert db.reason.startswith("could not be stored: IntegrityError") and "\n" not in db.reason
    assert "Traceback" in stage.detail and "faulty.py" in stage.detail
    assert sorted(a["title"] or a["id"] for a in store.articles()) == sorted(f"{i:016x}" for i in (0, 2, 4))
    again = pipeline.ingest(faulty_inputs(), workers=workers)  # the failed ones are not half-stored
    assert again.duplicates == ("in:0", "in:2", "in:4") and len(again.failed) == 2


def test_a_batch_that_breaks_the_model_loses_only_its_article(tmp_path: Path):
    nlp = spacy.blank("en")

    @spacy.Language.component("breaks_on_marker")
    def breaks_on_marker(doc):  # noqa: ANN001, ANN202
        if FAIL_IN_STAGE in doc.text:
            raise RuntimeError("the model broke")
        return doc

    nlp.add_pipe("breaks_on_marker")
    store = Store.open(str(tmp_path / "model.sqlite"))
    report = Pipeline(analyser=Analyser(nlp=nlp, batch_size=4), store=store).ingest(faulty_inputs()[:3])
    assert report.ingested == ("in:0", "in:2")
    assert [(f.origin, f.reason) for f in report.failed] == [("in:1", "could not be analysed: RuntimeError: "
                                                                       "the model broke")]


LONG_GROUP = ("Fighters of the Islamic Resistance Movement Brigades of the Martyrs of the Southern Front of the Greater "
              "Syrian Liberation Army Command Council of Northern Homs Province Eastern Hama Countryside Rural Idlib "
              "Command attacked Homs on Monday.")


def test_hostile_articles_are_stored_alike_on_both_databases(store: Store, tmp_path: Path):
    """An organisation whose slug is far longer than an id column, and NUL characters (a JSON escape, a raw
    byte after the first 8 KB of a text file), are stored on PostgreSQL as on SQLite, and a re-run is a no-op."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": LONG_GROUP}) + "\n"
                    + json.dumps({"title": "Nul\u0000title", "text": "Rockets hit Haifa.\u0000 Sirens sounded."}) + "\n")
    padded = tmp_path / "padded.txt"
    padded.write_bytes(b"Shelling in Tyre\n\n" + b"Shelling hit Tyre again. " * 400 + b"\x00Sirens sounded.")
    pipeline = make_pipeline(load_settings(), store)
    report = pipeline.ingest(iter_paths([str(feed), str(padded)], 10**7))
    assert [f.reason for f in report.failed] == [] and len(report.ingested) == 3
    assert any("NUL" in note for note in report.notes)
    exported = store.export()
    texts = sorted(a["text"] for a in exported["articles"])
    assert all("\x00" not in t for t in texts)
    assert "Rockets hit Haifa. Sirens sounded." in texts
    assert "Nultitle" in [a["title"] for a in exported["articles"]]
    assert all(len(a["id"]) <= 120 for a in exported["actors"])
    assert any(len(a["name"]) > 120 for a in exported["actors"]), "the long organisation was not found"
    again = pipeline.ingest(iter_paths([str(feed), str(padded)], 10**7))
    assert (len(again.ingested), len(again.duplicates), len(again.failed)) == (0, 3, 0)


# What a process of `newsmap ingest --workers N` imports before it does its part, in a fresh interpreter.
PROCESS_IMPORTS = {
    "writer": "import geo.cli\nfrom geo.ingest.pipeline import make_pipeline, prepare_workers\nimport geo.events.grouping\n"
              "from geo.settings import load_settings\nfrom geo.store import Store\n"
              "settings = load_settings()\nmake_pipeline(settings, Store.open(sys.argv[1]))\nprepare_workers(settings)\n",
    "worker": "from geo.ingest.pipeline import _init_worker, make_analyser\nfrom geo.settings import load_settings\n"
              "_init_worker(load_settings(), make_analyser)\n",
}


@pytest.mark.parametrize(("role", "never"), [("writer", "spacy"), ("worker", "sqlalchemy")])
def test_each_process_of_an_ingest_with_workers_imports_only_what_it_runs(tmp_path: Path, role: str, never: str):
    """The writer never runs the model and the workers never write: each importing the other's libraries made
    every worker start later (the writer imported spaCy before it could start a worker), and the writer's CPU time
is taken from the workers (it imported spaCy again for the rules that join occurrences)."""
    code = f"import sys\nsys.modules[{never!r}] = None  # importing it fails, naming the module that did\n" \
           f"{PROCESS_IMPORTS[role]}"
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "store.sqlite")], cwd=REPO,
                         capture_output=True, text=True)
    chain = [line.strip() for line in out.stderr.splitlines() if "/geo/" in line]
    assert out.returncode == 0, f"the {role} imports {never} through: " + " <- ".join(reversed(chain))
