"""The dashboard through Streamlit's AppTest: runs without exceptions, filters change counts, URL restores state."""
from __future__ import annotations

import html

from streamlit.testing.v1 import AppTest

from geo.store import Store
from tests.conftest import REPO

APP = str(REPO / "dashboard" / "app.py")


def _app(**params: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def _caption(at: AppTest) -> str:
    return next(html.unescape(c.value) for c in at.caption if " events in " in c.value or " event in " in c.value)


def _param(at: AppTest, key: str) -> list[str]:
    value = at.query_params[key]
    return [value] if isinstance(value, str) else list(value)


def test_runs_and_describes_the_view(fixture_db):
    at = _app()
    assert not at.exception
    assert _caption(at) == "4 events in 5 places"
    assert at.segmented_control(key="section").value == "articles"


def test_only_the_open_section_runs_and_the_url_holds_it(fixture_db, monkeypatch):
    """Articles, Events, Timeline and Ingest are sections of which only the open one runs its queries (the
    events per month by type are the time slider's too: where its dates cluster; by actor, the Timeline's)."""
    from geo.store import Store as StoreClass

    calls: list[str] = []
    for name in ("view_events", "timeline", "view_articles"):
        original = getattr(StoreClass, name)
        monkeypatch.setattr(StoreClass, name, lambda self, *a, _o=original, _n=name, **k: calls.append(
            "slider's months" if _n == "timeline" and k.get("by") == "type" else _n) or _o(self, *a, **k))
    at = _app()
    assert not at.dataframe and "view_events" not in calls and "timeline" not in calls
    assert "view_articles" in calls and "tab" not in at.query_params
    at = at.segmented_control(key="section").set_value("events").run()
    assert not at.exception and at.dataframe and "view_events" in calls and "timeline" not in calls
    assert _param(at, "tab") == ["events"]
    at = _app(tab="timeline")
    assert at.segmented_control(key="section").value == "timeline" and at.radio(key="timeline_by")
    at.radio(key="timeline_by").set_value("actor").run()
    assert "timeline" in calls


def test_url_restores_the_view(fixture_db):
    at = _app(actor="Hezbollah", **{"from": "2024-02-01", "to": "2024-03-15"})
    assert not at.exception
    assert _caption(at) == "2 events in 3 places involving Hezbollah, 2024-02-01 to 2024-03-15"
    assert at.multiselect(key="f_actors").value == ["hezbollah"]
    assert str(at.date_input(key="f_from").value) == "2024-02-01"


def test_filters_change_counts_and_the_url(fixture_db):
    at = _app()
    at.multiselect(key="f_types").set_value(["Battles"]).run()
    assert _caption(at) == "1 event in 1 place of type Battles"
    assert _param(at, "type") == ["Battles"]
    at.multiselect(key="f_types").set_value([]).run()
    at.multiselect(key="f_actors").set_value(["iran"]).run()
    assert _caption(at) == "0 events in 1 place involving Iran"
    at.toggle(key="f_affiliated").set_value(True).run()
    assert _caption(at) == "1 event in 2 places involving Iran or affiliated actors"
    assert _param(at, "actor") == ["Iran"] and _param(at, "affiliated") == ["1"]


def test_place_and_article_panels(fixture_db):
    at = _app(place="gn:276781")
    assert not at.exception
    assert any(h.value == "Beirut" for h in at.subheader)
    text = " ".join(m.value for m in at.markdown)
    assert "<mark class=\"nm-here\" title=\"Beirut\">Beirut</mark>" in text
    assert "&lt;script&gt;" in text and "<script>alert" not in text
    assert "alert(&#x27;x&#x27;)" not in text and "alert&#40;&#x27;x&#x27;&#41;" in text  # escaped once
    at = _app(article="a1")  # an id prefix is enough
    body = " ".join(m.value for m in at.markdown)
    assert 'class="nm-place" title="Beirut"' in body and 'class="nm-trigger"' in body
    assert "place=gn%3A276781&amp;lat=33.8938&amp;lon=35.5018&amp;zoom=8" in body


def test_place_panel_tells_events_placed_from_article_context(fixture_db):
    from tests.factories import context_analysis

    Store.open(fixture_db).write(context_analysis())
    at = _app(place="region:gaza-strip")
    assert not at.exception
    assert any("3 events (1 placed from article context)" in c.value for c in at.caption)  # one from the fixtures
    shelling, = (m.value for m in at.markdown if "went on for hours" in m.value)  # no place in its sentence
    clash, = (m.value for m in at.markdown if "on Monday" in m.value)  # "... in Gaza on Monday"
    assert "placed from article context" in shelling and "placed from article context" not in clash


def test_bad_url_values_are_reported_not_fatal(fixture_db):
    at = _app(zoom="99", actor="Nobody", type="No such type")
    assert not at.exception
    warnings = [html.unescape(w.value) for w in at.warning]  # shown as text: Markdown's characters as entities
    assert any("zoom='99'" in w for w in warnings) and any("No actor named \u201cNobody\u201d" in w for w in warnings)
    assert any("No event type named \u201cNo such type\u201d" in w for w in warnings)


def test_a_links_misspelt_event_type_is_left_out_with_a_warning(fixture_db):
    """``type=Battle`` drew an empty map and said nothing; a type written in other case is the type."""
    at = _app(type=["Battle", "battles"])
    assert not at.exception
    warnings = [html.unescape(w.value) for w in at.warning]
    assert len(warnings) == 1 and "No event type named \u201cBattle\u201d" in warnings[0], warnings
    assert "Battles" in warnings[0]  # the types a link may name
    assert _caption(at).endswith(" of type Battles") and not _caption(at).startswith("0 events")
    assert _param(at, "type") == ["Battles"]


def test_a_link_with_hundreds_of_unknown_actors_gets_one_warning(fixture_db):
    at = _app(actor=[f"Nobody {i}" for i in range(300)] + ["Hezbollah"])
    assert not at.exception
    warnings = [html.unescape(w.value) for w in at.warning]
    assert len(warnings) == 1 and "\u201cNobody 4\u201d and 295 more in the store" in warnings[0], warnings
    assert _caption(at).endswith("involving Hezbollah") and _param(at, "actor") == ["Hezbollah"]


def test_ingest_pasted_text_from_the_dashboard(fixture_db):
    at = _app(tab="ingest")
    at.text_area[0].set_value("Hezbollah fired rockets at Israel from southern Lebanon on Monday.")
    next(b for b in at.button if b.label == "Ingest").click().run()
    assert not at.exception
    assert any("pasted text" in s.value and "ingested 1" in s.value for s in at.success)
    assert any("no publication date" in c.value for c in at.caption)  # the notes of an ingest are shown too
    assert Store.open(fixture_db).count_articles() == 4


def test_oversized_input_in_the_dashboard_is_refused_with_a_clear_message(fixture_db, monkeypatch):
    monkeypatch.setenv("NEWSMAP_MAX_BYTES", "2000")
    at = _app(tab="ingest")
    at.text_area[0].set_value("Hezbollah fired rockets at Israel from southern Lebanon. " * 60)  # 3,420 bytes
    next(b for b in at.button if b.label == "Ingest").click().run()
    assert not at.exception
    assert any("pasted text" in e.value and "failed 1" in e.value for e in at.error)
    assert any("over the" in c.value and "NEWSMAP&#95;MAX&#95;BYTES" in c.value for c in at.caption)
    assert Store.open(fixture_db).count_articles() == 3


def test_empty_store_ingests_the_seeds(tmp_path, monkeypatch):
    """The real pipeline on the real seeds: the caption counts whatever the stages find."""
    monkeypatch.setenv("NEWSMAP_DB", str(tmp_path / "empty.sqlite"))
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(REPO / "cache"))
    at = _app()
    assert not at.exception
    assert Store.open(str(tmp_path / "empty.sqlite")).count_articles() == 2
    assert " in " in _caption(at)
    at = _app(actor="Hezbollah")
    assert not at.exception


def test_hostile_titles_and_place_names_are_text_in_the_panels(fixture_db):
    from tests.factories import HOSTILE_PLACE, HOSTILE_TITLE, hostile_analysis

    store = Store.open(fixture_db)
    analysis = hostile_analysis()
    store.write(analysis)
    for params in ({"place": HOSTILE_PLACE.id}, {"article": analysis.article.id}):
        at = _app(**params)
        assert not at.exception
        heading = at.subheader[0].value
        assert "<script>" not in heading and "<img" not in heading, heading
        assert "&lt;" in heading
    assert HOSTILE_TITLE  # the factory's title is the hostile one shown above


def _map_script(at: AppTest) -> str:
    """The JavaScript the map component receives (AppTest sees custom components as JSON arguments)."""
    import json

    (component,) = at.get("component_instance")
    return json.loads(component.proto.json_args)["script"]


def test_jinja_in_titles_and_names_reaches_the_map_as_text(fixture_db):
    """A title ``{{ 7*7 }}`` or ``{% raw %}`` once went through Jinja: evaluated, or the page failed."""
    from geo.render import maps
    from tests.factories import HOSTILE_ACTOR, HOSTILE_PLACE, HOSTILE_TITLE, hostile_analysis

    Store.open(fixture_db).write(hostile_analysis())
    at = _app()
    assert not at.exception
    script = _map_script(at)
    for text in (HOSTILE_TITLE, HOSTILE_PLACE.name, HOSTILE_ACTOR.name):
        assert maps.to_json(html.escape(text))[1:-1] in script


def test_the_dashboard_runs_unchanged_on_postgresql(pg_url, monkeypatch):
    """Same app, same filters and panels, with the store in PostgreSQL (the multi-machine deployment)."""
    from tests.factories import fill

    fill(Store.open(pg_url)).close()
    monkeypatch.setenv("NEWSMAP_DB", pg_url)
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(REPO / "cache"))
    at = _app()
    assert not at.exception and _caption(at) == "4 events in 5 places"
    at = _app(actor="Hezbollah", **{"from": "2024-02-01", "to": "2024-03-15"})
    assert _caption(at) == "2 events in 3 places involving Hezbollah, 2024-02-01 to 2024-03-15"
    at = _app(place="gn:276781")
    assert not at.exception and any(h.value == "Beirut" for h in at.subheader)


def test_places_data_panel_shows_the_gazetteer_and_the_geocoding_cache(fixture_db, tmp_path, monkeypatch):
    """The cache's counters as the library counts them, and the gazetteer the map's places come from."""
    import shutil

    from geo.places.gazetteer import Gazetteer, gazetteer_path
    from geo.places.geocache import CachedGeocoder, GeocodeCache
    from geo.places.geocoding import OfflineGeocoder

    shutil.copy(gazetteer_path(REPO / "cache"), tmp_path / gazetteer_path(REPO / "cache").name)
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(tmp_path))
    gazetteer = Gazetteer(gazetteer_path(tmp_path))
    cache = GeocodeCache.open(tmp_path)
    geocoder = CachedGeocoder(OfflineGeocoder(gazetteer), cache)
    for name in ["Beirut", "beirut", "Tehran", "Qwxzyville", "Beirut"]:
        geocoder.geocode(name)
    cache.close()
    at = _app()
    assert not at.exception
    [panel] = [e for e in at.sidebar.expander if e.label == "Places data"]
    text = " ".join(m.value for m in panel.markdown)
    assert "3 answers kept; 2 hits and 3 misses since it was last cleared (40% answered from the cache)" in text
    places = sum(gazetteer.status()["kinds"].values())
    assert f"**Gazetteer:** {places:,} places" in text and "(up to date)" in text
    assert "**Geocoder:** offline" in text


def test_the_default_view_is_cached_per_store_version(fixture_db, monkeypatch):
    """What `newsmap serve` prepares is reused by the next session; an ingest (a new version) is seen."""
    from dashboard import data
    from geo.views.state import ViewState
    from tests.factories import later_analysis

    db_url = f"sqlite:///{fixture_db}"
    version = data.store_version(db_url)
    data.load_view(db_url, version, ViewState())
    calls: list[str] = []
    for name in ("view_map", "view_counts", "view_actor_counts", "facets"):
        original = getattr(Store, name)
        monkeypatch.setattr(Store, name, lambda self, *a, _o=original, _n=name, **k: calls.append(_n)
                            or _o(self, *a, **k))
    data.load_view(db_url, version, ViewState(place="x", zoom=3))  # selection and map view change no query
    data.map_view(db_url, version, ViewState())
    assert calls == []
    Store.open(fixture_db).write(later_analysis())
    assert data.store_version(db_url) == version + 1
    data.load_view(db_url, version + 1, ViewState())
    assert {"view_map", "view_counts"} <= set(calls)


def test_place_panel_and_events_table_count_reports(fixture_db):
    from tests.factories import reported_twice_analysis

    Store.open(fixture_db).write(reported_twice_analysis())
    at = _app(place="gn:281124")
    assert not at.exception
    clash, = (m.value for m in at.markdown if "on Sunday" in m.value)
    assert "2 reports from 1 source" in clash
    assert not any("lasted hours" in m.value for m in at.markdown)  # the second report is no event of its own
    assert any(c.value.startswith("city \u00b7 2 events") for c in at.caption)  # the fixtures' clash and this one
    at = _app(tab="events")
    table = at.dataframe[0].value
    assert sorted(table["reports"].tolist(), reverse=True)[:2] == [2, 1]


def test_timeline_and_events_table_use_the_palette():
    """The timeline's bars and the events table's type cells have each type's colour of geo.render.style."""
    from dashboard.live import timeline_chart
    from dashboard.widgets import events_table
    from geo.render import style

    rows = [{"month": "2024-03", "key": "Battles", "events": 2}, {"month": "2024-03", "key": "Protests", "events": 1}]
    scale = timeline_chart(rows, "type").to_dict()["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"])) == {t: style.type_colour(t) for t in ("Battles", "Protests")}
    assert "scale" not in timeline_chart(rows, "actor").to_dict()["encoding"]["color"]
    table = events_table([{"date": "2024-03-01", "type": "Battles"}]).to_html()
    assert f"background-color: {style.type_colour('Battles')}" in table


def test_event_rows_never_say_none_and_give_the_precision():
    from dashboard.widgets import event_rows

    events = [{"date": None, "date_precision": "unknown", "type": "Battles", "subtype": None, "actor_ids": [],
               "place_ids": [], "hypothetical": False, "article_id": "a", "sentence": "s"},
              {"date": "2024-02", "date_precision": "month", "type": "Battles", "subtype": None, "actor_ids": [],
               "place_ids": [], "hypothetical": False, "article_id": "a", "sentence": "s"},
              {"date": "2024-03-15", "date_precision": "day", "type": "Battles", "subtype": None, "actor_ids": [],
               "place_ids": [], "hypothetical": False, "article_id": "a", "sentence": "s"}]
    rows = event_rows(events, {}, {}, {"a": "T"})
    assert [r["date"] for r in rows] == ["undated", "2024-02 (month)", "2024-03-15"]


def test_events_table_in_the_app_shows_no_none(fixture_db):
    at = _app(tab="events")
    assert not at.exception
    frame = at.dataframe[0].value
    assert list(frame["date"]) == ["2024-03-15", "2024-03 (month)", "2024-02-20", "2024-02-14"]


def test_time_slider_reads_and_writes_until_and_step(fixture_db):
    """The URL's date and step set the slider; the view is what happened up to that date; both stay in the URL."""
    at = _app(until="2024-02-25", step="day")
    assert not at.exception
    assert _caption(at) == "2 events in 3 places, up to 2024-02-25"
    assert at.slider(key="time_slider").value.isoformat() == "2024-02-25"
    assert at.segmented_control(key="time_step").value == "day"
    assert _param(at, "until") == ["2024-02-25"] and _param(at, "step") == ["day"]
    import datetime as dt

    at.slider(key="time_slider").set_value(dt.date(2024, 3, 15)).run()  # the end of the view's range
    assert "until" not in at.query_params and _caption(at) == "4 events in 5 places"


def test_a_snapshot_keeps_the_time_slider(sqlite_store):
    from geo.views.snapshots import create_snapshot, get_snapshot
    from geo.views.state import ViewState

    snap = create_snapshot(sqlite_store, ViewState(until="2024-02-25", step="month"), title="Up to February")
    kept = get_snapshot(sqlite_store, snap.id)
    assert (kept.state.until, kept.state.step) == ("2024-02-25", "month")
    assert kept.description.endswith(", up to 2024-02-25")


def test_the_timeline_says_how_many_events_it_leaves_out_for_having_no_date(fixture_db):
    """News often gives no date: the timeline of the dated events alone must not read as the whole view."""
    from tests.factories import undated_analysis

    assert not [c for c in _app(tab="timeline").caption if "undated" in c.value]  # every event dated: no note
    store = Store.open(fixture_db)
    store.write(undated_analysis())
    store.close()
    at = _app(tab="timeline")
    assert not at.exception
    notes = [html.unescape(c.value) for c in at.caption if "undated" in c.value]
    assert notes == ["4 of the view's 5 events have a date and are on the timeline; the other 1, undated, are on "
                     "the map and in the Events section."]
    at = at.radio(key="timeline_by").set_value("actor").run()
    assert [html.unescape(c.value) for c in at.caption if "undated" in c.value] == notes


def test_a_link_with_dates_far_outside_the_events_opens(fixture_db):
    """A link may name any date, long before the first event or years ahead; the page and its date fields open
    with it, and the view says what it holds."""
    import datetime as dt

    for params, sentence in (({"from": "2031-06-01"}, "0 events in 0 places, from 2031-06-01"),
                             ({"from": "1890-02-03", "to": "2040-01-01"}, "4 events in 5 places, 1890-02-03 to "
                                                                          "2040-01-01")):
        at = _app(**params)
        assert not at.exception and not at.error, [e.value for e in at.error]
        assert _caption(at) == sentence
        assert at.date_input(key="f_from").value == dt.date.fromisoformat(params["from"])


def test_each_event_row_opens_its_article_and_the_row_filter_takes_words(fixture_db):
    """From a row of the events table to the article it comes from, the view kept; the row filter finds rows
    with every word typed, in any order."""
    at = _app(tab="events", actor="Hezbollah")
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns)[0] == "open"
    assert set(table["open"]) == {"?actor=Hezbollah&article=a1" + "0" * 14 + "&tab=events"}
    at = at.text_input(key="events_filter").set_value("Israel rockets").run()  # the text says "fired rockets at"
    assert not at.exception
    assert at.dataframe[0].value["type"].tolist() == ["Explosions/Remote violence"]


def test_an_id_prefix_two_articles_share_says_so(fixture_db):
    """A prefix opens an article only when one id starts with it; when two do, the message must not claim that
    no such article exists."""
    from tests.factories import undated_analysis

    store = Store.open(fixture_db)
    store.write(undated_analysis("a1" + "f" * 14))  # beside a1000..., the Beirut article
    store.close()
    at = _app(article="a1")
    assert not at.exception
    warning, = (w.value for w in at.warning if "article" in w.value)
    assert "more than one id starts with it" in warning and "give the whole id" in warning


def test_typing_in_the_actors_and_types_lists_keeps_the_choices_holding_the_letters_together(fixture_db):
    """Streamlit's default search keeps every choice holding the typed letters in order anywhere, and Enter
    then picks them all: "Iran" picked Israel too (the browser test types it)."""
    at = _app()
    assert at.multiselect(key="f_actors").proto.filter_mode == 1  # FILTER_MODE_CONTAINS
    assert at.multiselect(key="f_types").proto.filter_mode == 1


def _slider_range(at: AppTest) -> tuple:
    """The time slider's first and last day (a date slider holds them as microseconds since 1970)."""
    import datetime as dt

    slider = at.slider(key="time_slider")
    return tuple(dt.date(1970, 1, 1) + dt.timedelta(microseconds=v) for v in (slider.min, slider.max))


def _with_an_old_date(db: str) -> None:
    from tests.factories import background_analysis

    store = Store.open(db)
    store.write(background_analysis())  # a clash of 1948 recalled in a 2024 article
    store.close()


def test_the_time_slider_spans_the_months_most_dates_are_in_and_all_dates_reaches_the_rest(fixture_db):
    """One event of 1948 among those of 2024: the slider spans February to March 2024 and says what is
    outside it; All dates widens it to 1948, and a link up to 1949 opens it widened at that date."""
    import datetime as dt

    _with_an_old_date(fixture_db)
    at = _app()
    assert not at.exception
    assert _slider_range(at) == (dt.date(2024, 2, 1), dt.date(2024, 3, 15))
    assert any("Slider from 2024-02-01 to 2024-03-15 (outside it: 1 event before 2024-02-01, from 1948-05"
               in c.value for c in at.caption)
    at.toggle(key="time_all").set_value(True).run()
    assert _slider_range(at)[0] == dt.date(1948, 5, 1)
    at = _app(until="1949-01-01")
    assert not at.exception and at.toggle(key="time_all").value
    assert at.slider(key="time_slider").value == dt.date(1949, 1, 1)
    assert _caption(at) == "1 event in 1 place, up to 1949-01-01" and _param(at, "until") == ["1949-01-01"]
    at.toggle(key="time_all").set_value(False).run()  # back to the usual months: the date moves into them
    assert at.slider(key="time_slider").value == dt.date(2024, 2, 1) and _param(at, "until") == ["2024-02-01"]


def test_an_actors_line_names_its_kind_once_and_its_counts_in_words():
    """"Police Forces (United States) (police) · 10 ev" read as a stammer and a code."""
    from dashboard.filters import _actor_label

    police = {"name": "Police Forces (United States)", "kind": "police", "event_count": 10, "mention_count": 1}
    assert _actor_label(police) == "Police Forces (United States) \u00b7 10 events, 1 mention"
    group = {"name": "Hezbollah", "kind": "armed_group", "event_count": 1, "mention_count": 3}
    assert _actor_label(group) == "Hezbollah (armed group) \u00b7 1 event, 3 mentions"


def test_back_to_an_earlier_url_shows_its_view_again(fixture_db):
    """The browser's Back changes the URL and runs the page again: the filters, the section and the slider's
    step follow the URL, not the widgets' last values (which the page used to write straight back)."""
    at = _app()
    at.multiselect(key="f_actors").set_value(["hezbollah"]).run()
    at.segmented_control(key="section").set_value("events").run()
    assert _param(at, "actor") == ["Hezbollah"] and _param(at, "tab") == ["events"]
    at.query_params.clear()  # Back to the page as first opened
    at.run()
    assert not at.exception and _caption(at) == "4 events in 5 places"
    assert at.multiselect(key="f_actors").value == [] and at.segmented_control(key="section").value == "articles"
    assert "actor" not in at.query_params and "tab" not in at.query_params
    at.query_params.update({"actor": ["Hezbollah"], "step": "month"})  # Forward, to a link with a step
    at.run()
    assert _caption(at) == "2 events in 3 places involving Hezbollah"
    assert at.segmented_control(key="time_step").value == "month"


def test_a_link_dated_before_every_event_says_the_slider_starts_later(fixture_db):
    """`?until=1900-01-01` was moved to the view's first date without a word, and so showed that date's events
    where the link asked for none; the page says so, as it does for other bad URL values, once."""
    import datetime as dt

    at = _app(until="1900-01-01")
    assert not at.exception
    [warning] = [w.value for w in at.warning]
    assert "1900-01-01" in warning and "before every event" in warning and "2024-02-14" in warning, warning
    assert at.slider(key="time_slider").value == dt.date(2024, 2, 14) and _param(at, "until") == ["2024-02-14"]
    at.segmented_control(key="section").set_value("events").run()
    assert not at.warning and _param(at, "until") == ["2024-02-14"]
    assert not _app(until="2024-02-25").warning and not _app(until="2030-01-01").warning


def test_control_characters_from_a_link_or_a_snapshot_title_are_shown_as_escapes(fixture_db):
    """A right-to-left override in a link's source turned the caption's words after it around ("a\u202egnp.exe"
    read "aexe.png"), and an escape character hid in it: they are written as escapes, as the command line does."""
    from geo.views.snapshots import create_snapshot
    from geo.views.state import ViewState

    caption = _caption(_app(source="a\u202egnp.exe", q="\x1b[2Jwar"))
    assert "source a\\u202egnp.exe" in caption and "\u202e" not in caption
    assert "\\x1b[2Jwar" in caption and "\x1b" not in caption
    store = Store.open(fixture_db)
    snap = create_snapshot(store, ViewState(), title="Weekly \u202etroper", note="line one\nline two\x07")
    store.close()
    at = _app(snapshot=snap.id)
    assert not at.exception
    assert html.unescape(at.title[0].value) == "Weekly \\u202etroper"
    note = next(html.unescape(c.value) for c in at.caption if c.value.startswith("Note:"))
    assert note == "Note: line one\nline two\\x07"


def test_a_search_of_hundreds_of_words_is_quoted_as_it_counts(fixture_db):
    """A link's ``q`` of 500 words was quoted whole in the caption; the search uses its first 16 different words."""
    words = [f"w{i}" for i in range(500)]
    caption = _caption(_app(q=" ".join(words)))
    assert "\u201cw0 w1 " in caption and " w15\u201d (the rest of its 500 words is left out)" in caption, caption
    assert "w16" not in caption and len(caption) < 300
