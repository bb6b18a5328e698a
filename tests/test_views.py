"""ViewState <-> URL (both ways, exact links), the sentence, and view_data on both databases."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.errors import ViewStateError
from geo.store import Store
from geo.views.state import ViewState, summary, view_data
from tests.factories import PAYLOAD, fill


def test_exact_links():
    state = ViewState(actors=("Hezbollah", "Quds Force"), types=("Battles",), date_from="2024-02-01",
                      date_to="2024-03-15", q="rockets & more", place="gn:276781", lat=33.8938, lon=35.5018,
                      zoom=8, include_affiliated=True)
    assert state.to_url() == ("?actor=Hezbollah&actor=Quds+Force&type=Battles&from=2024-02-01&to=2024-03-15"
                              "&q=rockets+%26+more&place=gn%3A276781&lat=33.8938&lon=35.5018&zoom=8&affiliated=1")
    assert ViewState().to_url() == "?"
    assert ViewState(show_hypothetical=True).to_url("/") == "/?hypothetical=1"


def test_from_query_params_reads_repeatables_and_scalars():
    state = ViewState.from_query_params({"actor": ["Hezbollah", "iran"], "type": "Battles", "from": "2024-02-01",
                                         "zoom": "7", "lat": "33.9", "lon": "35.5", "affiliated": "1",
                                         "embed": "true"})
    assert state == ViewState(actors=("Hezbollah", "iran"), types=("Battles",), date_from="2024-02-01",
                              lat=33.9, lon=35.5, zoom=7, include_affiliated=True)


@pytest.mark.parametrize("params, message", [
    ({"from": "2024-13-01"}, "from='2024-13-01' is not a date"),
    ({"to": "15/03/2024"}, "YYYY-MM-DD"),
    ({"lat": "91"}, "lat='91' is not a number from -90 to 90"),
    ({"lon": "east"}, "lon='east'"),
    ({"zoom": "-1"}, "zoom level"),
    ({"affiliated": "maybe"}, "affiliated=1"),
    ({"from": "2024-03-02", "to": "2024-03-01"}, "swap"),
])
def test_bad_values_raise_or_are_dropped_with_a_warning(params, message):
    with pytest.raises(ViewStateError, match=message):
        ViewState.from_query_params(params)
    state, warnings = ViewState.parse({**params, "actor": "Hezbollah"})
    assert state.actors == ("Hezbollah",) and len(warnings) == 1 and message in warnings[0]


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).map(str.strip).filter(bool)
dates = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)


@given(actors=st.lists(texts, max_size=3, unique=True), types=st.lists(texts, max_size=2, unique=True),
       d=st.one_of(st.none(), dates), q=st.one_of(st.none(), texts), place=st.one_of(st.none(), texts),
       zoom=st.one_of(st.none(), st.integers(0, 19)), lat=st.one_of(st.none(), st.floats(-90, 90).map(lambda x: round(x, 5))),
       flag=st.booleans())
def test_round_trip(actors, types, d, q, place, zoom, lat, flag):
    state = ViewState(actors=tuple(actors), types=tuple(types), date_from=d, date_to=d, q=q, place=place,
                      zoom=zoom, lat=lat, lon=lat, include_affiliated=flag, show_hypothetical=not flag)
    assert ViewState.from_query_params(state.to_query_params()) == state
    from urllib.parse import parse_qs
    assert ViewState.from_query_params(parse_qs(state.to_url()[1:])) == state


def test_describe():
    state = ViewState(actors=("hezbollah",), date_from="2024-02-01", date_to="2024-03-15")
    assert state.describe({"events": 12, "places": 5, "actor_names": {"hezbollah": "Hezbollah"}}) == \
        "12 events in 5 places involving Hezbollah, 2024-02-01 to 2024-03-15"
    assert ViewState(types=("Battles", "Protests"), q="jets", include_affiliated=True, actors=("Iran",)).describe(
        {"events": [1], "places": []}) == ("1 event in 0 places involving Iran or affiliated actors of type "
                                            "Battles or Protests, matching \u201cjets\u201d")


def _names(data):
    return sorted(p["name"] for p in data["places"])


def test_view_data_filters_in_the_database(store: Store):
    fill(store)
    everything = view_data(store, ViewState())
    assert set(everything) == {"articles", "places", "actors", "events"}
    assert _names(everything) == ["Beirut", "Gaza", "Israel", "Khan Younis", "southern Lebanon"]
    assert len(everything["events"]) == 4  # the hypothetical attack is hidden by default
    beirut = next(p for p in everything["places"] if p["name"] == "Beirut")
    assert (beirut["event_count"], beirut["mention_count"], beirut["dominant_type"]) == (1, 3, "Meeting/Consultation")
    assert beirut["top_events"][0]["type"] == "Meeting/Consultation"

    hez = view_data(store, ViewState(actors=("Hezbollah",)))
    assert _names(hez) == ["Beirut", "Israel", "southern Lebanon"]
    assert ViewState(actors=("Hezbollah",)).describe(summary(ViewState(actors=("Hezbollah",)), hez)) == \
        "2 events in 3 places involving Hezbollah"
    assert _names(view_data(store, ViewState(actors=("hizbullah",)))) == _names(hez)  # alias, any case

    iran = view_data(store, ViewState(actors=("Iran",)))
    assert iran["events"] == [] and _names(iran) == ["Israel"]  # same sentence as Iran, hypothetical hidden
    with_affiliates = view_data(store, ViewState(actors=("Iran",), include_affiliated=True))
    assert [e["type"] for e in with_affiliates["events"]] == ["Meeting/Consultation"]  # Qaani -> Quds Force -> Iran
    assert len(view_data(store, ViewState(actors=("Iran",), show_hypothetical=True))["events"]) == 1

    assert _names(view_data(store, ViewState(types=("Battles",)))) == ["Khan Younis"]
    march = view_data(store, ViewState(date_from="2024-03-01", date_to="2024-03-31"))
    assert sorted(e["date"] for e in march["events"]) == ["2024-03", "2024-03-15"]
    assert {a["source"] for a in view_data(store, ViewState(source="Wire"))["articles"]} == {"Wire"}
    assert _names(view_data(store, ViewState(q="JETS"))) == ["Beirut", "Gaza", "Khan Younis"]
    # Words, as in a search box: in any order, apart, and in the title or the text.
    assert _names(view_data(store, ViewState(q="Younis  jets"))) == ["Beirut", "Gaza", "Khan Younis"]
    assert _names(view_data(store, ViewState(q="strikes fighters"))) == ["Beirut", "Gaza", "Khan Younis"]
    assert view_data(store, ViewState(q="jets Qaani"))["places"] == []  # the words of two different articles
    assert view_data(store, ViewState(q="% _"))["places"] == []  # LIKE's wildcards are plain characters
    assert view_data(store, ViewState(q=" ".join(f"w{i}" for i in range(5000))))["places"] == []  # a long link
    assert view_data(store, ViewState(actors=("nobody",)))["places"] == []


def test_view_data_keeps_article_text_as_is(sqlite_store: Store):
    fill(sqlite_store)
    titles = [a["title"] for a in view_data(sqlite_store, ViewState())["articles"]]
    assert PAYLOAD in titles


def test_actor_counts_and_timeline(sqlite_store: Store):
    fill(sqlite_store)
    counts = {a["id"]: (a["event_count"], a["mention_count"]) for a in sqlite_store.view_actor_counts(
        ViewState().filter(sqlite_store))}
    assert counts["israel"] == (3, 1) and counts["hezbollah"] == (2, 2) and counts["quds-force"] == (0, 0)
    timeline = sqlite_store.timeline(ViewState().filter(sqlite_store), by="type")
    assert {"month": "2024-03", "key": "Battles", "events": 1} in timeline
    assert sqlite_store.affiliated_closure(["iran"]) == ("esmail-qaani", "iran", "quds-force")


def _naive_places(data):
    """Per-place counts recomputed in Python from the export shape (the reference for the SQL aggregates)."""
    out = {}
    for p in data["places"]:
        events = [e for e in data["events"] if p["id"] in e["place_ids"]]
        types = {}
        for e in events:
            types[e["type"]] = types.get(e["type"], 0) + 1
        dominant = min(types, key=lambda t: (-types[t], t)) if types else None
        out[p["id"]] = (len(events), len(p["mentions"]), dominant)
    return out


@pytest.mark.parametrize("state", [ViewState(), ViewState(actors=("Hezbollah",)), ViewState(types=("Battles",)),
                                   ViewState(actors=("Iran",), include_affiliated=True), ViewState(q="jets"),
                                   ViewState(date_from="2024-03-01"), ViewState(show_hypothetical=True)])
def test_map_data_matches_a_naive_count_of_view_data(store: Store, state: ViewState):
    from geo.views.state import map_data

    fill(store)
    full, shown = view_data(store, state), map_data(store, state)
    got = {p["id"]: (p["event_count"], p["mention_count"], p["dominant_type"]) for p in shown["places"]}
    assert got == _naive_places(full)
    by_id = {p["id"]: p for p in full["places"]}
    for p in shown["places"]:  # the popups' top events and titles are view_data's, cut to the map's lengths
        assert p["top_events"] == by_id[p["id"]]["top_events"][:3]
        assert p["article_ids"] == by_id[p["id"]]["article_ids"][:3]
    assert {e["id"] for e in shown["events"]} == {t["id"] for p in shown["places"] for t in p["top_events"]}
    assert {a["id"] for a in shown["articles"]} == {a for p in shown["places"] for a in p["article_ids"]}
    counts = store.view_counts(state.filter(store))
    assert counts == {"events": len(full["events"]), "places": len(full["places"]), "articles": len(full["articles"])}


def test_map_data_leaves_popup_details_out_past_detail_at(store: Store):
    from geo.views.state import map_data

    fill(store)
    light = map_data(store, ViewState(), detail_at=2)
    assert len(light["places"]) == 5 and light["events"] == light["articles"] == []
    assert all(p["top_events"] == [] and p["event_count"] >= 0 for p in light["places"])


def test_events_and_articles_page_in_the_database(store: Store):
    fill(store)
    f = ViewState(show_hypothetical=True).filter(store)
    events, articles = store.view_events(f), store.view_articles(f, with_text=False)
    assert [e["id"] for e in store.view_events(f, limit=2)] == [e["id"] for e in events[:2]]
    assert [e["id"] for e in store.view_events(f, limit=2, offset=2)] == [e["id"] for e in events[2:4]]
    assert store.view_events(f, limit=2, offset=len(events)) == []
    assert store.view_articles(f, with_text=False, limit=1, offset=1) == articles[1:2]
    beirut = store.view_mentions(f, "gn:276781")
    assert beirut and all(m["text"] == "Beirut" for m in beirut)
    assert store.article_titles([a["id"] for a in articles]) == {a["id"]: a["title"] for a in articles}


def test_the_open_section_is_in_the_url():
    state = ViewState.from_query_params({"actor": "Hezbollah", "tab": "events"})
    assert state.tab == "events" and state.to_url() == "?actor=Hezbollah&tab=events"
    assert ViewState.from_query_params({"tab": "articles"}).to_url() == "?"  # the default is left out
    assert ViewState.parse({"tab": "nope"})[1] == ("tab='nope' is not a section: use one of articles, events, "
                                                   "timeline, ingest",)


def _crowded(store: Store) -> None:
    """Three places with more events and articles than a popup lists: ties on a date, undated events
    (their article's date), a hypothetical event and an event with two roles at one place."""
    import datetime as dt

    from geo.records import Analysis, Article, Event, Mention, Place, PlaceMention

    places = [Place(f"p{k}", f"Town{k}", "city", 30.0 + k, 35.0, "XX") for k in range(3)]
    for i in range(8):
        text = " ".join(f"Clash {n} in Town{k}." for n in range(4) for k in range(3))
        article = Article(id=f"art{i}", text=text, title=f"Report {i}", source="Wire", origin="test",
                          published=dt.date(2024, 1, 1 + i % 5), raw=text.encode())
        events, mentions = [], []
        for n in range(4):
            for k in range(3):
                start = text.index(f"Clash {n} in Town{k}.")
                trigger = Mention(start, start + 5, "Clash", "TRIGGER")
                roles = (("location", f"p{k}"),) + ((("target", f"p{k}"),) if n == 1 else ())
                events.append(Event(id=f"e{i}-{n}-{k}", article_id=article.id, type="Battles", subtype=None,
                                    trigger=trigger, sentence=text[start:start + 16], start=start, end=start + 16,
                                    date=None if n == 2 else f"2024-02-{1 + (i * n) % 7:02d}", date_precision="day",
                                    hypothetical=n == 3 and i % 2 == 0, place_roles=roles))
                name = start + len(f"Clash {n} in ")
                mentions.append(PlaceMention(Mention(name, name + 5, f"Town{k}", "GPE"), places[k], 0.9))
        store.write(Analysis(article=article, places=tuple(mentions[:3 + i % 3]), events=tuple(events)))


@pytest.mark.parametrize("state", [ViewState(), ViewState(show_hypothetical=True)])
def test_popup_details_cut_per_place_equal_the_ranking(sqlite_store: Store, state: ViewState, monkeypatch):
    """SQLite cuts each place's newest events and articles on its own for a view of the whole store; the
    answers are those of ranking every pair of the view (what filtered views and PostgreSQL do)."""
    _crowded(sqlite_store)
    f = state.filter(sqlite_store)
    assert sqlite_store._cut_per_place(f)
    with sqlite_store.engine.connect() as conn:
        cut = sqlite_store._top_events(conn, f, 3), sqlite_store._place_article_ids(conn, f, 5)
        monkeypatch.setattr(Store, "_cut_per_place", lambda self, f: False)
        ranked = sqlite_store._top_events(conn, f, 3), sqlite_store._place_article_ids(conn, f, 5)
    assert cut == ranked
    assert all(len(events) == 3 for events in cut[0].values()) and all(len(a) == 5 for a in cut[1].values())


def test_the_time_sliders_default_range_is_the_run_of_months_with_most_events():
    """Dates more than a year from the rest form their own run, before (a treaty of 1935) or after (a plan for
    2030); the run with most events is the slider's range, and a spread of months with no such gap is kept whole."""
    import datetime as dt

    from geo.views.time import main_range, outside_words

    span = (dt.date(1935, 1, 1), dt.date(2030, 12, 31))
    months = {"1935": 2, "2023-10": 2, "2024-02": 6, "2024-03": 8, "2030": 3}
    assert main_range(months, span) == (dt.date(2023, 10, 1), dt.date(2024, 3, 31))
    assert outside_words(months, main_range(months, span)) == (
        "2 events before 2023-10-01, from 1935; 3 events after 2024-03-31, up to 2030")
    spread = {f"{y}-06": 1 for y in range(2015, 2025)}
    assert main_range(spread, (dt.date(2015, 6, 1), dt.date(2024, 6, 30))) == (dt.date(2015, 6, 1),
                                                                              dt.date(2024, 6, 30))
    assert main_range({"1935": 5, "2024-03": 1}, span) == (dt.date(1935, 1, 1), dt.date(1935, 12, 31))


def test_counts_are_written_one_way_on_the_slider_line_the_caption_and_the_panels():
    """The slider's line wrote "1,234 events" and the view's sentence "1234 events"; both use plural now."""
    import datetime as dt

    from geo.views.time import outside_words
    from geo.views.words import events_text, plural

    main = (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    assert outside_words({"1990-05": 1234, "2024-02": 5}, main) == "1,234 events before 2024-01-01, from 1990-05"
    assert plural(1234, "event") == "1,234 events" and events_text(2500, 1200).startswith("2,500 events (1,200 ")
    assert ViewState().describe({"events": 1234, "places": 1001}).startswith("1,234 events in 1,001 places")


def test_an_articles_right_to_left_embeddings_are_kept_and_its_overrides_escaped():
    """An Arabic quotation set in embedding marks (U+202B ... U+202C) is how right-to-left text is written and shows
    as written in the article; an override (U+202E), which turns the letters after it around, is shown escaped."""
    from html import unescape

    from geo.views.highlight import Span, escape, highlight_html

    text = "The minister said \u202b\u0633\u0644\u0627\u0645\u202c and left for Cairo \u202etxt.exe."
    shown = unescape(highlight_html(text, [Span(text.index("Cairo"), text.index("Cairo") + 5, "place", "gn:1")]))
    assert "\u202b\u0633\u0644\u0627\u0645\u202c" in shown
    assert "\u202e" not in shown and "\\u202etxt.exe" in shown
    assert unescape(escape("a\u202bb")) == "a\\u202bb"  # a caption or a link's words: every bidi control escaped
