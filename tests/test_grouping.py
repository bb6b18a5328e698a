"""geo.events.grouping: the article-wide stage after the events: dates of report, and one real-world event
from its many mentions."""
from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest

from geo.events.grouping import Knowledge, Occurrence, compatible, dates_overlap, reported
from geo.ingest.pipeline import OccurrenceJoiner
from geo.records import REPORTED, Actor, Analysis, Article, Event, Mention, Place
from tests.seeds_score import analyse_seeds
from tests.test_scene import analyser  # noqa: F401 - the full analyser, grouping included

BEIRUT = Place("gn:276781", "Beirut", "city", 33.89, 35.50, "LB")
TYRE = Place("gn:267008", "Tyre", "city", 33.27, 35.20, "LB")
LEBANON = Place("country:LB", "Lebanon", "country", 33.8, 35.8, "LB")


def bare(i: int, date: str | None = None, precision: str = "unknown") -> Event:
    return Event(id=f"a:{i}", article_id="a", type="Battles", subtype=None, trigger=Mention(i, i + 1, "x", "T"),
                 sentence="x", start=i, end=i + 1, date=date, date_precision=precision)


def test_an_undated_event_takes_its_articles_date_as_reported() -> None:
    events = reported([bare(0), bare(5, "2024-02", "month")], dt.date(2024, 3, 15))
    assert [(e.date, e.date_precision) for e in events] == [("2024-03-15", REPORTED), ("2024-02", "month")]
    assert reported([bare(0)], None) == (bare(0),)  # an undated article's event stays undated


@pytest.mark.parametrize("published, expected", [(dt.date(2024, 5, 2), ("2024-05-02", REPORTED)),
                                                 (None, (None, "unknown"))])
def test_the_analysis_dates_events_by_the_article(analyser, published, expected) -> None:  # noqa: F811
    text = "Gunmen attacked a checkpoint in Kirkuk, killing two soldiers."
    events = analyser.analyse(Article(id="t", text=text, published=published)).events
    assert events and all((e.date, e.date_precision) == expected for e in events)


@pytest.fixture(scope="module")
def seeds(geoparser):
    return {run.name[:3]: run for run in analyse_seeds(geoparser, grouping=True)}


def reports(run, occurrence: str) -> list[str]:
    return [e.trigger.text for e in run.events if e.occurrence == occurrence]


def test_the_beirut_meeting_is_one_occurrence_of_five_mentions(seeds) -> None:
    run = seeds["002"]
    discussion = next(e for e in run.events if e.trigger.text == "discussion")
    assert reports(run, discussion.id) == ["discussion", "meeting", "talks", "meeting", "discussions"]
    for e in run.events:
        if e.occurrence == discussion.id:  # "This meeting, the third ... since the attack in October": February
            assert (e.date, e.date_precision) == ("2024-02", "month"), e.sentence


def test_mentions_that_refer_back_join_and_new_ones_do_not(seeds) -> None:
    run = seeds["002"]
    attack = next(e for e in run.events if "Hamas-initiated attack" in e.sentence and e.trigger.text == "attack")
    assert reports(run, attack.id) == ["attack", "attacks"]  # "since the October attacks"
    skirmishes = next(e for e in run.events if e.trigger.text == "skirmishes")  # "the ongoing skirmishes along ..."
    assert skirmishes.occurrence == skirmishes.id
    assert all(e.occurrence == e.id for e in run.events if e.hypothetical)  # a possible event joins nothing
    first = seeds["000"]
    met = next(e for e in first.events if e.trigger.text == "met")
    # "his visit", "Qaani's meetings in Beirut"; and the "multiple covert meetings" the article opens with, whose
    # "individuals active in conflict zones such as Syria" are participants, not the meetings' place
    assert reports(first, met.occurrence) == ["meetings", "meetings", "met", "visit", "meetings"]
    fired = [e for e in first.events if e.trigger.text == "fired"]
    assert reports(first, fired[0].id) == ["fired", "attack"]  # "the rocket attack"
    assert fired[1].occurrence == fired[1].id  # "Rockets were also fired ... from Gaza and Syria"


def test_within_each_seed_the_mentions_of_one_event_are_one_occurrence(seeds) -> None:
    """24 mentions the map showed as 24 events are at most 13 occurrences (7 and 6) before articles are joined."""
    for name, most in (("000", 7), ("002", 6)):
        shown = [e for e in seeds[name].events if not e.hypothetical]
        assert len({e.occurrence for e in shown}) <= most < len(shown)


def test_dates_overlap_at_their_own_precision() -> None:
    assert dates_overlap(("2024-02", "month"), ("2024-02-14", "day"))
    assert dates_overlap(("2024-W07", "week"), ("2024-02-14", "day"))
    assert not dates_overlap(("2024-02", "month"), ("2024-03-01", "day"))
    assert dates_overlap(None, ("2023", "year"))


def test_compatible_needs_one_type_related_actors_one_scene_and_a_shared_actor() -> None:
    nasrallah = Actor("hassan-nasrallah", "Hassan Nasrallah", "person", affiliations=("hezbollah",))
    know = Knowledge({a.id: a for a in (nasrallah, Actor("hezbollah", "Hezbollah", "armed_group"),
                                        Actor("unidentified-armed-group-lebanon", "Unidentified Armed Group (Lebanon)",
                                              "armed_group"), Actor("israel", "Israel", "state"))},
                     {p.id: p for p in (BEIRUT, TYRE, LEBANON)})
    meeting = Occurrence("Meeting", initiators={"qaani"}, targets={"hezbollah"}, places={BEIRUT.id: None})
    assert compatible(meeting, Occurrence("Meeting", initiators={"qaani"}, targets={nasrallah.id}), know)
    assert not compatible(meeting, Occurrence("Battles", initiators={"qaani"}), know)
    assert not compatible(meeting, Occurrence("Meeting", initiators={"qaani"}, places={TYRE.id: None}), know)
    assert compatible(meeting, Occurrence("Meeting", places={TYRE.id: None}), know, refers_back=True)
    assert compatible(meeting, Occurrence("Meeting", places={LEBANON.id: None}, initiators={"qaani"}), know)
    assert not compatible(meeting, Occurrence("Meeting"), know)  # nothing shared, nothing referred back
    assert not compatible(meeting, Occurrence("Meeting", hypothetical=True, initiators={"qaani"}), know)
    rockets = Occurrence("Remote", initiators={"unidentified-armed-group-lebanon"}, targets={"israel"})
    assert compatible(rockets, Occurrence("Remote", initiators={"hezbollah"}, targets={"israel"}), know)
    assert not compatible(rockets, Occurrence("Remote", initiators={"israel"}, targets={"israel"}), know)


@pytest.mark.timeout(60)
def test_an_article_of_thousands_of_events_is_grouped_in_linear_time() -> None:
    """Each mention was compared with every earlier occurrence of the article: 20,000 events that join nothing
    were 200 million comparisons (minutes). Only the latest ``LOOKBACK`` occurrences of its type are asked now;
    news has a handful, so its groups are the same."""
    import spacy

    from geo.events.grouping import LOOKBACK, group_mentions

    doc = spacy.blank("en")("x " * 20_000)
    events = [replace(bare(2 * i), trigger=Mention(2 * i, 2 * i + 1, "x", "T"), actor_roles=(("initiator", f"p{i}"),))
              for i in range(20_000)]
    know = Knowledge({}, {})
    assert len(group_mentions(doc, events, know)) == 20_000
    again = [replace(e, actor_roles=(("initiator", "p0"),)) for e in events[:LOOKBACK]]
    assert len(group_mentions(doc, again, know)) == 1  # one actor: one occurrence, as before


def test_undated_reports_of_two_articles_join_only_on_a_site_below_the_country() -> None:
    """An undated article's event may be of any year: across articles it is the same event as another only where
    both name one site (or two close ones), not one country; within an article the country is enough."""
    kabul = Place("gn:1138958", "Kabul", "city", 34.53, 69.17, "AF")
    lashkar_gah = Place("gn:1134720", "Lashkar Gah", "city", 31.59, 64.37, "AF")
    afghanistan = Place("country:AF", "Afghanistan", "country", 33.9, 67.7, "AF")
    know = Knowledge({"taliban": Actor("taliban", "Taliban", "armed_group")},
                     {p.id: p for p in (kabul, lashkar_gah, afghanistan)})

    def attack(place: Place, date: tuple[str, str] | None = None) -> Occurrence:
        return Occurrence("Battles", initiators={"taliban"}, places={place.id: None}, date=date)

    assert compatible(attack(kabul), attack(afghanistan), know)  # within one article
    assert not compatible(attack(kabul), attack(afghanistan), know, across=True)
    assert not compatible(attack(kabul), attack(lashkar_gah), know, across=True)
    assert not compatible(attack(afghanistan), attack(afghanistan), know, across=True)
    assert compatible(attack(kabul), attack(kabul), know, across=True)
    day = ("2019-03-01", "day")
    assert compatible(attack(kabul, day), attack(afghanistan, day), know, across=True)  # dated: the country will do


def test_a_date_of_report_stands_for_the_days_before_it() -> None:
    assert dates_overlap(("2024-03-15", REPORTED), ("2024-03-10", "day"))
    assert not dates_overlap(("2024-03-15", REPORTED), ("2024-03-16", "day"))  # reported before it happened
    assert not dates_overlap(("2024-03-15", REPORTED), ("2024-02-15", REPORTED))  # two reports a month apart


# -- across articles: the store's candidates, the rule, the join in the write's transaction ---------------------

def seed_analysis(run) -> Analysis:
    return Analysis(article=run.article, places=run.places, actors=run.actors, actor_mentions=run.mentions,
                    events=run.events)


def groups(store) -> dict[str, set[tuple[str, str]]]:
    """occurrence -> its (article, trigger) mentions, hypothetical ones left out."""
    out: dict[str, set[tuple[str, str]]] = {}
    for e in store.export()["events"]:
        if not e["hypothetical"]:
            out.setdefault(e["occurrence"], set()).add((e["article_id"][:4], e["trigger"]["text"]))
    return out


@pytest.mark.parametrize("order", [("000", "002"), ("002", "000")])
def test_one_event_told_by_both_seeds_is_one_occurrence_whichever_is_read_first(seeds, store, order) -> None:
    for name in order:
        assert store.write(seed_analysis(seeds[name]), OccurrenceJoiner())
    found = groups(store)
    first, second = (seeds[n].article.id[:4] for n in ("000", "002"))
    discussion = next(e for e in seeds["002"].events if e.trigger.text == "discussion")
    meeting = found[discussion.id]  # the dated article's report is the first report: its id, in either order
    assert {t for a, t in meeting if a == first} == {"met", "visit", "meetings"}
    assert {t for a, t in meeting if a == second} == {"discussion", "meeting", "talks", "discussions"}
    # The first seed has no date, but it reports the meeting the second dates: its rockets from southern Lebanon
    # at Israel are then of that time, and the second's barrage into northern Israel (by Hezbollah) is the same
    # shelling: the country will do, as within one article.
    assert {(first, "fired"), (first, "attack"), (second, "barrage")} in found.values()
    assert len(found) == 10  # 12 occurrences within the articles, 2 of them told by both
    record = next(e for e in store.export()["events"] if e["id"] == discussion.id)
    assert (record["report_count"], record["source_count"]) == (10, 2)
    assert record["place_ids"] == [next(p for r, p in discussion.place_roles)]  # Beirut


def test_a_join_that_fails_leaves_no_half_written_article(seeds, store) -> None:
    class Broken(OccurrenceJoiner):
        def moves(self, analysis, stored):
            raise RuntimeError("joiner bug")

    store.write(seed_analysis(seeds["000"]), OccurrenceJoiner())
    with pytest.raises(RuntimeError):
        store.write(seed_analysis(seeds["002"]), Broken())
    assert store.count_articles() == 1 and not store.has_article(seeds["002"].article.id)
    assert store.write(seed_analysis(seeds["002"]), OccurrenceJoiner())  # written whole the next time
    assert len(groups(store)) == 10


#: Two reports of one day's news from Somalia, one of them undated, and an undated report of another attack.
TIED_REPORTS = {
    "dated": "Foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday to discuss the drought. "
             "Al-Shabaab fighters stormed an army base in southern Somalia.",
    "undated": "The foreign ministers of Kenya and Ethiopia met in Nairobi to discuss the drought. "
               "Separately, Al-Shabaab militants attacked a military base in Somalia, killing four soldiers.",
    "other": "Al-Shabaab militants attacked a military base in Somalia, killing four soldiers.",
}


@pytest.mark.parametrize("undated, joined", [("undated", True), ("other", False)])
def test_an_undated_report_of_an_event_another_article_dates_is_of_that_time(analyser, store, undated,  # noqa: F811
                                                                             joined) -> None:
    """An undated article's attack "in Somalia" may be of any year, so alone it stays apart from a dated report
    of an attack in southern Somalia; once the two articles report one meeting in Nairobi, they tell of one
    time, and the country will do, as within one article."""
    for key, published in (("dated", dt.date(2024, 5, 2)), (undated, None)):
        assert store.write(analyser.analyse(Article(id=key, text=TIED_REPORTS[key], published=published)),
                           OccurrenceJoiner())
    found = list(groups(store).values())
    attacks = [m for m in found if {t for _, t in m} & {"stormed", "attacked"}]
    assert set().union(*attacks) == {("date", "stormed"), (undated[:4], "attacked")}  # the premise: two attacks
    assert len(attacks) == (1 if joined else 2)
    shared = [m for m in found if {a for a, _ in m} == {"date", undated[:4]}]
    assert len(shared) == (2 if joined else 0)  # the meeting that ties them, and the attack


#: One shelling told by three articles of one day: from Lebanon, near Tyre and near Sidon. Tyre and Sidon lie about
#: 37 km apart, more than one scene allows, so only the article that names the country links the other two.
THREE_REPORTS = {
    "a-country": "Hezbollah fighters shelled an Israeli army post in Lebanon on Tuesday.",
    "b-tyre": "Hezbollah fighters shelled an Israeli army post near Tyre on Tuesday.",
    "c-sidon": "Hezbollah fighters shelled an Israeli army post near Sidon on Tuesday.",
}


@pytest.fixture(scope="module")
def three_reports(analyser) -> dict[str, Analysis]:  # noqa: F811
    return {key: analyser.analyse(Article(id=key, text=text, published=dt.date(2024, 5, 2)))
            for key, text in THREE_REPORTS.items()}


@pytest.mark.parametrize("order", list(itertools.permutations(THREE_REPORTS)))
def test_three_reports_of_one_event_group_alike_in_every_ingest_order(three_reports, store, order) -> None:
    for key in order:
        assert store.write(three_reports[key], OccurrenceJoiner())
    found: dict[str, set[str]] = {}
    for e in store.export()["events"]:
        found.setdefault(e["occurrence"], set()).add(e["article_id"])
    first = next(e.id for e in three_reports["a-country"].events if e.trigger.text == "shelled")
    assert found == {first: set(THREE_REPORTS)}  # one event, the id of its first report (same day: by article id)


def test_an_event_shown_by_an_undated_report_keeps_the_date_its_other_reports_give(seeds, store) -> None:
    """With the actor filter "Hezbollah" the Beirut meeting is shown by the undated first seed's "met" (the
    second seed's reports name Nasrallah, not Hezbollah): the panel dates it as its dated reports do, "last
    February" of 2024, not "undated"."""
    from geo.views.state import ViewState, map_data

    for name in ("000", "002"):
        store.write(seed_analysis(seeds[name]), OccurrenceJoiner())
    f = ViewState(actors=("Hezbollah",)).filter(store)
    shown = [e for e in store.view_events(f, place_id="gn:276781") if e["type"] == "Meeting/Consultation"]
    assert [e["trigger"]["text"] for e in shown] == ["met"]  # the premise: an undated report stands for it
    assert (shown[0]["date"], shown[0]["date_precision"]) == ("2024-02", "month")
    exported = next(e for e in store.export()["events"] if e["id"] == shown[0]["id"])
    assert (exported["date"], exported["date_precision"]) == (None, "unknown")  # the mention itself stays undated
    [beirut] = [p for p in map_data(store, ViewState(actors=("Hezbollah",)))["places"] if p["id"] == "gn:276781"]
    assert [(e["date"], e["date_precision"]) for e in beirut["top_events"]] == [("2024-02", "month")]  # the popup


def place_names(analysis, event: Event) -> dict[str, set[str]]:
    names = {pm.place.id: pm.place.name for pm in analysis.places if pm.place}
    found: dict[str, set[str]] = {}
    for role, place in event.place_roles:
        found.setdefault(role, set()).add(names.get(place, place))
    return found


@pytest.mark.parametrize("text, later, expected", [
    # the country of a later mention is where the occurrence's first mention put it
    ("Gunmen attacked a police station in Kirkuk on Monday, killing three officers. "
     "The attack was the deadliest in Iraq this year.", "attack", {"location": {"Kirkuk"}}),
    ("Protesters marched through Nairobi on Tuesday. The protest was the largest in Kenya since 2023.",
     "protest", {"location": {"Nairobi"}}),
])
def test_a_mention_at_a_country_takes_the_place_its_occurrence_names_there(analyser, text, later,  # noqa: F811
                                                                           expected) -> None:
    analysis = analyser.analyse(Article(id="t", text=text))
    first, again = analysis.events[0], next(e for e in analysis.events if e.trigger.text == later)
    assert again.occurrence == first.id
    assert place_names(analysis, again) == expected


def test_a_mention_at_a_city_gains_the_street_its_occurrence_names_there(analyser) -> None:  # noqa: F811
    text = ("A car bomb exploded in Mosul on Sunday, police said. "
            "The explosion tore through a market on Nineveh Street, killing four people.")
    analysis = analyser.analyse(Article(id="t", text=text))
    blast = next(e for e in analysis.events if e.trigger.text == "exploded")
    assert place_names(analysis, blast) == {"location": {"Mosul", "Nineveh Street, Mosul"}}


def test_a_country_the_mention_qualifies_its_own_place_with_stays(analyser) -> None:  # noqa: F811
    """"an ambush in Lower Shabelle, Somalia": the sentence names both; nothing is taken from elsewhere."""
    text = "Soldiers killed six fighters in an ambush in Lower Shabelle, Somalia, on Tuesday."
    analysis = analyser.analyse(Article(id="t", text=text))
    assert {"Somalia"} <= place_names(analysis, analysis.events[0])["location"]
