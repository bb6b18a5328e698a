"""The store on SQLite and on a real PostgreSQL server: writes, idempotence, atomicity, export."""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from geo.store import schema as migrations
from geo.errors import StoreError
from geo.records import Actor, ActorMention, Analysis, Article, Event, Mention, Place, PlaceMention
from geo.store import Store

TEXT = "Hezbollah fired rockets at Israel from southern Lebanon."


def analysis(text: str = TEXT) -> Analysis:
    art = Article(id="a" * 16, text=text, title="Rockets", source="Wire", published=dt.date(2024, 3, 1),
                  origin="t.txt", raw=text.encode())
    lebanon = Place(id="dir:south:LB", name="southern Lebanon", kind="region", lat=33.3, lon=35.4,
                    country_code="LB")
    israel = Place(id="country:IL", name="Israel", kind="country", lat=31.5, lon=34.75, country_code="IL")
    pms = (PlaceMention(Mention(30, 36, "Israel", "GPE"), israel, 0.9),
           PlaceMention(Mention(42, 56, "southern Lebanon", "LOC"), lebanon, 0.8),
           PlaceMention(Mention(0, 3, "Xyz", "GPE"), None, 0.0))
    hez = Actor(id="hezbollah", name="Hezbollah", kind="armed_group", aliases=("Hizbullah",), affiliations=("iran",))
    isr = Actor(id="israel", name="Israel", kind="state")
    ams = (ActorMention("hezbollah", Mention(0, 9, "Hezbollah", "ORG")),)
    ev = Event(id=f"{art.id}:10", article_id=art.id, type="Explosions/Remote violence",
               subtype="Shelling/artillery/missile attack", trigger=Mention(10, 15, "fired", "TRIGGER"),
               sentence=text, start=0, end=len(text), date="2024-03", date_precision="month",
               actor_roles=(("initiator", "hezbollah"), ("target", "israel")),
               place_roles=(("origin", "dir:south:LB"), ("target", "country:IL")))
    return Analysis(article=art, places=pms, actors=(hez, isr), actor_mentions=ams, events=(ev,))


def test_write_and_export_round_trip(store: Store):
    assert store.write(analysis()) is True
    data = store.export()
    (art,) = data["articles"]
    assert art == {"id": "a" * 16, "title": "Rockets", "source": "Wire", "url": None,
                   "published": "2024-03-01", "text": TEXT}
    places = {p["id"]: p for p in data["places"]}
    assert places["country:IL"]["mentions"] == [{"article_id": "a" * 16, "start": 30, "end": 36, "text": "Israel",
                                                 "score": 0.9}]
    assert set(places) == {"country:IL", "dir:south:LB"}
    actors = {a["id"]: a for a in data["actors"]}
    assert actors["hezbollah"]["aliases"] == ["Hizbullah"] and actors["hezbollah"]["affiliations"] == ["iran"]
    assert actors["hezbollah"]["mentions"][0]["text"] == "Hezbollah"
    (ev,) = data["events"]
    assert ev["actor_roles"] == {"initiator": ["hezbollah"], "target": ["israel"]}
    assert set(ev["place_ids"]) == {"country:IL", "dir:south:LB"}
    assert (ev["date"], ev["date_precision"], ev["hypothetical"]) == ("2024-03", "month", False)


def test_rewriting_is_a_noop(store: Store):
    assert store.write(analysis()) is True
    assert store.write(analysis()) is False
    assert store.counts()["articles"] == 1
    assert store.counts()["mentions"] == 4


def test_stored_articles_names_the_ids_held(store: Store):
    assert store.stored_articles(["a" * 16, "b" * 16]) == set()
    store.write(analysis())
    assert store.stored_articles(["b" * 16, "a" * 16, "a" * 16]) == {"a" * 16}
    assert store.stored_articles([f"{i:016x}" for i in range(1200)] + ["a" * 16]) == {"a" * 16}
    assert store.stored_articles([]) == set()


def test_known_actor_gets_new_aliases_merged(store: Store):
    store.write(analysis())
    other = analysis("Hezbollah again.")
    other = Analysis(article=Article(id="b" * 16, text="Hezbollah again.", raw=b"x"),
                     actors=(Actor(id="hezbollah", name="Hezbollah", kind="armed_group", aliases=("Hizballah",)),))
    store.write(other)
    (hez,) = [a for a in store.actors() if a.id == "hezbollah"]
    assert hez.aliases == ("Hizbullah", "Hizballah")


def _rows(store: Store, table: sa.Table, *skip: str) -> list[tuple]:
    cols = [c for c in table.c if c.name not in skip]
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(sa.select(*cols)))


def test_batched_writes_store_every_row_once(store: Store):
    """Each table's rows are written in one executemany per article: every row is there, exactly once, as the
    one-statement-per-row writes stored them (known actors keep their row and gain aliases; parents not in the
    article get a placeholder row; repeated roles are one row)."""
    store.write(analysis())
    text = "Hezbollah and Israel clashed in Israel. Hezbollah struck."
    art = Article(id="b" * 16, text=text, raw=text.encode(), published=dt.date(2024, 3, 2))
    israel = Place(id="country:IL", name="Israel", kind="country", lat=31.5, lon=34.75, country_code="IL")
    hez = Actor(id="hezbollah", name="Hezbollah", kind="armed_group", aliases=("Hizballah", "Hizbullah"))
    isr = Actor(id="israel", name="Israel", kind="state")
    fighter = Actor(id="abu-x", name="Abu X", kind="person", affiliations=("hezbollah", "iran"))
    ev = [Event(id=f"{art.id}:{i}", article_id=art.id, type="Battles", subtype=None,
                trigger=Mention(t, t + 6, text[t:t + 6], "TRIGGER"), sentence=text, start=0, end=len(text),
                actor_roles=roles, place_roles=(("location", "country:IL"), ("location", "country:IL")))
          for i, (t, roles) in enumerate([(22, (("initiator", "hezbollah"), ("initiator", "israel"),
                                                ("target", "israel"), ("initiator", "hezbollah"))),
                                          (50, ())])]
    store.write(Analysis(article=art, places=(PlaceMention(Mention(14, 20, "Israel", "GPE"), israel, 0.7),),
                         actors=(hez, isr, fighter), actor_mentions=(ActorMention("hezbollah", Mention(0, 9, "Hezbollah",
                                                                                                     "ORG")),),
                         events=tuple(ev)))
    assert _rows(store, migrations.actors) == [
        ("abu-x", "Abu X", "person", "[]"), ("hezbollah", "Hezbollah", "armed_group", '["Hizbullah", "Hizballah"]'),
        ("iran", "iran", "organisation", "[]"), ("israel", "Israel", "state", "[]")]
    assert _rows(store, migrations.actor_affiliations) == [("abu-x", "hezbollah"), ("abu-x", "iran"),
                                                           ("hezbollah", "iran")]
    assert _rows(store, migrations.places, "geometry") == [
        ("country:IL", "Israel", "country", 31.5, 34.75, "IL", None),
        ("dir:south:LB", "southern Lebanon", "region", 33.3, 35.4, "LB", None)]
    assert _rows(store, migrations.event_actors) == [
        ("a" * 16 + ":10", "hezbollah", "initiator"), ("a" * 16 + ":10", "israel", "target"),
        ("b" * 16 + ":0", "hezbollah", "initiator"), ("b" * 16 + ":0", "israel", "initiator"),
        ("b" * 16 + ":0", "israel", "target")]
    assert _rows(store, migrations.event_places) == [
        ("a" * 16 + ":10", "country:IL", "target"), ("a" * 16 + ":10", "dir:south:LB", "origin"),
        ("b" * 16 + ":0", "country:IL", "location"), ("b" * 16 + ":1", "country:IL", "location")]
    assert [r[:3] for r in _rows(store, migrations.events)] == [
        ("a" * 16 + ":10", "a" * 16, "Explosions/Remote violence"), ("b" * 16 + ":0", "b" * 16, "Battles"),
        ("b" * 16 + ":1", "b" * 16, "Battles")]
    assert _rows(store, migrations.mentions, "id") == [
        ("a" * 16, 0, 3, "Xyz", "GPE", None, None, 0.0), ("a" * 16, 0, 9, "Hezbollah", "ORG", None, "hezbollah", None),
        ("a" * 16, 30, 36, "Israel", "GPE", "country:IL", None, 0.9),
        ("a" * 16, 42, 56, "southern Lebanon", "LOC", "dir:south:LB", None, 0.8),
        ("b" * 16, 0, 9, "Hezbollah", "ORG", None, "hezbollah", None),
        ("b" * 16, 14, 20, "Israel", "GPE", "country:IL", None, 0.7)]


def test_a_failing_write_leaves_nothing_behind(store: Store):
    good = analysis()
    bad_event = Event(id="dup", article_id=good.article.id, type="x", subtype=None,
                      trigger=Mention(0, 1, "H", "T"), sentence="H", start=0, end=1)
    broken = Analysis(article=good.article, places=good.places, actors=good.actors,
                      actor_mentions=good.actor_mentions, events=(bad_event, bad_event))
    with pytest.raises(sa.exc.IntegrityError):
        store.write(broken)
    assert store.counts() == {"articles": 0, "places": 0, "actors": 0, "events": 0, "mentions": 0, "snapshots": 0}
    assert store.write(good) is True


def test_migrations_are_recorded_and_run_once(store: Store):
    with store.engine.connect() as conn:
        names = list(conn.execute(sa.select(migrations.schema_migrations.c.name)).scalars())
    assert names == [name for name, _ in migrations.MIGRATIONS]
    assert migrations.migrate(store.engine) == []


def test_article_lookup_by_prefix(store: Store):
    store.write(analysis())
    assert store.article("aaaa")["title"] == "Rockets"
    assert store.article("zzz") is None
    assert store.article("%") is None


def test_sqlite_uses_wal_and_busy_timeout(sqlite_store: Store):
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_unreachable_database_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot open database"):
        Store.open("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="cannot use database URL"):
        Store.open("nosuchdb://x")


def test_many_processes_opening_a_new_sqlite_store_at_once_all_succeed(tmp_path):
    """Dashboard sessions and ingest workers may all open (and so migrate) a new store together."""
    import subprocess
    import sys

    db = tmp_path / "race.sqlite"
    code = f"from geo.store import Store; Store.open({str(db)!r}).count_articles()"
    procs = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE) for _ in range(6)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, errors
    assert Store.open(str(db)).count_articles() == 0


def test_events_stored_undated_take_their_articles_date_on_migration(store: Store):
    """0003_reported_dates: a store written before events were dated by their article catches up."""
    dated = analysis()
    undated = Analysis(article=Article(id="b" * 16, text=TEXT, raw=b"x"), events=(
        Event(id=f"{'b' * 16}:10", article_id="b" * 16, type="Battles", subtype=None,
              trigger=Mention(10, 15, "fired", "TRIGGER"), sentence=TEXT, start=0, end=len(TEXT)),))
    ev = dated.events[0]
    store.write(Analysis(article=dated.article, places=dated.places, actors=dated.actors,
                         events=(Event(**{**ev.__dict__, "date": None, "date_precision": "unknown"}),)))
    store.write(undated)
    with store.engine.begin() as conn:
        conn.execute(sa.delete(migrations.schema_migrations).where(
            migrations.schema_migrations.c.name == "0003_reported_dates"))
    assert migrations.migrate(store.engine) == ["0003_reported_dates"]
    events = {e["article_id"]: (e["date"], e["date_precision"]) for e in store.export()["events"]}
    assert events == {"a" * 16: ("2024-03-01", "reported"), "b" * 16: (None, "unknown")}


def test_one_event_told_twice_counts_once_and_keeps_both_reports(store: Store):
    from geo.views.state import ViewState, map_data, view_data
    from tests.factories import reported_twice_analysis

    found = reported_twice_analysis()
    store.write(found)
    first, second = found.events
    f = ViewState().filter(store)
    assert store.view_counts(f)["events"] == 1
    khan_younis = next(p for p in map_data(store, ViewState())["places"] if p["id"] == "gn:281124")
    assert (khan_younis["event_count"], khan_younis["context_event_count"]) == (1, 0)
    assert [p["event_count"] for p in view_data(store, ViewState())["places"] if p["id"] == "gn:281124"] == [1]
    assert [(a["id"], a["event_count"]) for a in store.view_actor_counts(f) if a["id"] == "hamas"] == [("hamas", 1)]
    row, = store.view_events(f)
    assert (row["id"], row["occurrence"], row["report_count"], row["source_count"]) == (first.id, first.id, 2, 1)
    assert [(m["id"], m["start"], m["sentence"]) for m in row["mentions"]] == [
        (e.id, e.start, e.sentence) for e in (first, second)]
    exported = {e["id"]: e for e in store.export()["events"]}  # one record per mention, its fields as before
    assert set(exported) == {first.id, second.id}
    assert exported[second.id]["occurrence"] == first.id and exported[second.id]["start"] == second.start
    assert exported[first.id]["mentions"] == row["mentions"]


def test_events_stored_before_occurrences_are_each_their_own(store: Store):
    store.write(analysis())
    with store.engine.begin() as conn:
        conn.execute(migrations.events.update().values(occurrence_id=None))
        conn.execute(sa.delete(migrations.schema_migrations).where(
            migrations.schema_migrations.c.name == "0004_event_occurrences"))
    assert migrations.migrate(store.engine) == ["0004_event_occurrences"]
    event, = store.export()["events"]
    assert (event["occurrence"], event["report_count"]) == (event["id"], 1)
