"""The view's filters are declared once (geo.views.filters) and everything else follows from the declarations:
the store has the SQL of each and only of those, the URL, the CLI and the sidebar read the same list."""
from __future__ import annotations

import dataclasses
from urllib.parse import parse_qs

from geo.cli import build_parser
from geo.cli.common import state_from
from geo.store import ViewFilter
from geo.store.filters import CONDITIONS
from geo.views.filters import FILTERS, by_key
from geo.views.state import PARAMS, VIEW_PARAMS, ViewState


def test_every_declared_filter_has_its_sql_and_no_sql_is_left_over():
    assert [f.key for f in FILTERS if f.key not in CONDITIONS] == []
    assert [name for name in CONDITIONS if name not in {f.key for f in FILTERS}] == []
    for name, condition in CONDITIONS.items():
        built = [condition.on_article, condition.on_date, condition.on_event]
        assert any(built) != bool(condition.widens), f"{name}: SQL, or the words why it has none, not both"


def test_the_database_filter_and_the_view_state_hold_the_declared_fields():
    filter_fields = {f.field for f in FILTERS}
    assert {f.name for f in dataclasses.fields(ViewFilter)} - {"actor_ids"} <= filter_fields
    state_fields = {f.name for f in dataclasses.fields(ViewState)}
    params = [*FILTERS, *VIEW_PARAMS]
    assert sorted(p.field for p in params) == sorted(state_fields)
    assert sorted(p.key for p in params) == sorted(PARAMS)


def test_each_filter_has_its_own_widget_and_option():
    assert len({f.widget.key for f in FILTERS}) == len(FILTERS)
    assert len({flag for f in FILTERS for flag in f.option.flags}) == len(FILTERS)
    assert {f.widget.kind for f in FILTERS} <= {"actors", "multiselect", "select", "dates", "text", "toggle",
                                                "time"}


def test_the_command_line_options_build_the_state_of_the_link():
    args = build_parser().parse_args(["export", "--actor", "Iran", "--actor", "Hezbollah", "--type", "Battles",
                                      "--from", "2024-02-01", "--to", "2024-03-15", "--source", "Reuters",
                                      "-q", "jets", "--affiliated", "--hypothetical"])
    link = ("?actor=Iran&actor=Hezbollah&type=Battles&from=2024-02-01&to=2024-03-15&source=Reuters&q=jets"
            "&affiliated=1&hypothetical=1")
    assert state_from(args).to_url() == link
    assert ViewState.from_query_params(parse_qs(link[1:])) == state_from(args)
    assert state_from(build_parser().parse_args(["export"])) == ViewState()


def test_filters_only_keeps_the_filters_and_drops_selection_map_view_and_section():
    state = ViewState(actors=("Iran",), types=("Battles",), date_from="2024-02-01", date_to="2024-03-15",
                      source="Reuters", q="jets", include_affiliated=True, show_hypothetical=True,
                      place="gn:1", article="a1", lat=1.0, lon=2.0, zoom=5, tab="events")
    assert state.filters_only() == state.replace(place=None, article=None, lat=None, lon=None, zoom=None, tab=None)
    assert ViewState(place="gn:1", tab="events").filters_only() == ViewState()


def test_words_of_each_filter():
    state = ViewState(actors=("iran",), include_affiliated=True, date_to="2024-03-15")
    assert by_key("actor").words(state, {"iran": "Iran"}) == " involving Iran"
    assert by_key("affiliated").words(state, {}) == " or affiliated actors"
    assert by_key("affiliated").words(ViewState(include_affiliated=True), {}) == ""  # nothing to widen
    assert by_key("to").words(state, {}) == ", until 2024-03-15"
    assert by_key("to").words(state.replace(date_from="2024-02-01"), {}) == ""  # said with from
    assert by_key("from").words(state.replace(date_from="2024-02-01"), {}) == ", 2024-02-01 to 2024-03-15"

