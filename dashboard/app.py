"""The newsmap dashboard: a map of places, linked to events and articles, filtered by actor.

Thin on purpose: ``main()`` reads the URL into a :class:`~geo.views.state.ViewState`, small ``*_ui()``
functions draw the widgets and return plain values, and everything else (queries, map building,
escaping, highlighting) is the library's. The URL always holds the view, so every view is a link.

Run it with ``newsmap serve [--port N] [--offline]`` (or ``make run``).
"""
from __future__ import annotations

import argparse
import html
import io
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from dashboard import data as q  # noqa: E402
from dashboard import snapshots_ui, status_ui  # noqa: E402
from dashboard.filters import filters_state, init_filters, sidebar_ui  # noqa: E402
from dashboard.data import ARTICLES_PER_PAGE, EVENTS_PER_PAGE, filters_only, get_assets, get_outlines  # noqa: E402
from geo.render import exports  # noqa: E402
from geo.render import maps  # noqa: E402
from geo.errors import NewsmapError  # noqa: E402
from geo.views.highlight import CSS, Span, article_spans, escape, highlight_html  # noqa: E402
from geo.settings import REPO_ROOT, Settings, load_settings  # noqa: E402
from geo.store import Store  # noqa: E402
from geo.views.state import SECTIONS, ViewState, view_data  # noqa: E402

SEEDS = REPO_ROOT / "seeds"
MAP_HEIGHT = 560
PLACE_ZOOM = 8
SECTION_LABELS = {"articles": "Articles", "events": "Events", "timeline": "Timeline", "ingest": "Ingest"}


# -- kept objects (the cached queries are in dashboard/data.py) ---------------------------------

@st.cache_resource
def get_pipeline(_store: Store, settings: Settings):  # noqa: ANN201 - geo.ingest.pipeline.Pipeline
    from geo.ingest.pipeline import make_pipeline

    return make_pipeline(settings, _store)


# -- options and URL ---------------------------------------------------------------------------

def app_options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsmap serve")
    parser.add_argument("--offline", action="store_true")
    return parser.parse_known_args(argv)[0]


def url_state() -> tuple[ViewState, tuple[str, ...]]:
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    return ViewState.parse(params)


def write_url(state: ViewState) -> None:
    wanted = state.to_query_params()
    current = {k: (v if len(v := st.query_params.get_all(k)) > 1 or k in ("actor", "type") else v[0])
               for k in st.query_params.keys()}
    if current != wanted:
        st.query_params.from_dict(wanted)


def link(state: ViewState) -> str:
    return state.to_url()


# -- seeds -----------------------------------------------------------------------------------

def seed_ui(store: Store, settings: Settings) -> None:
    """Ingest seeds/ into an empty store, with a visible progress bar."""
    from geo.ingest.articles import iter_paths

    if store.count_articles() or not SEEDS.is_dir():
        return
    with st.status("The store is empty: ingesting the seed articles...", expanded=True) as status:
        results = list(iter_paths([str(SEEDS)], settings.max_bytes))
        bar = st.progress(0.0, text="loading the language model")
        pipeline = get_pipeline(store, settings)
        done = [0]

        def tick(_origin: str) -> None:
            done[0] += 1
            bar.progress(done[0] / max(len(results), 1), text=f"{done[0]} of {len(results)} articles")

        report = pipeline.ingest(results, progress=tick)
        status.update(label=f"Seeds ingested: {len(report.ingested)} articles", state="complete", expanded=False)


# -- map ---------------------------------------------------------------------------------------

def map_ui(data: dict[str, Any], state: ViewState, settings: Settings, offline: bool,
           columns_json: str | None = None) -> str | None:
    """The map; returns the id of a place the user just clicked, if any. ``columns_json``: the places'
    columns when cached (live views), else built from ``data`` (snapshots)."""
    assets = get_assets(settings.data_dir, offline)
    if offline and assets is None:
        st.warning("Offline map assets are missing: run `newsmap assets` (needs npm) once; "
                   "the map needs Leaflet to draw.")
    m = maps.build_map(data, state, offline=assets is not None, assets=assets,
                       outlines=get_outlines(settings.data_dir), columns_json=columns_json)
    out = st_folium(m, key="map", height=MAP_HEIGHT, use_container_width=True,
                    returned_objects=["last_object_clicked"])
    click = (out or {}).get("last_object_clicked")
    if not click or click == st.session_state.get("last_click"):
        return None
    st.session_state["last_click"] = click
    return nearest_place(data, click["lat"], click["lng"])


def nearest_place(data: dict[str, Any], lat: float, lon: float) -> str | None:
    """The place whose marker is nearest to a click (the map reports the click's position)."""
    best, best_d = None, float("inf")
    for p in data["places"]:
        if p.get("lat") is None or p.get("lon") is None:
            continue
        d = (p["lat"] - lat) ** 2 + (p["lon"] - lon) ** 2
        if d < best_d:
            best, best_d = p["id"], d
    return best


def empty_message(store: Store, state: ViewState, data: dict[str, Any]) -> str | None:
    if not store.count_articles():
        return "The store holds no articles yet: add some in the **Ingest** tab (or `newsmap ingest PATH`)."
    if not data["places"]:
        if state.filtered:
            return ("No place matches this view. Remove a filter in the sidebar, widen the dates, turn on "
                    "*Include affiliated actors*, or [reset the view](?).")
        return ("The stored articles have no geocoded places yet: ingest more articles, or check that the "
                "geoparser stage is installed (`newsmap show ID` lists what was found).")
    if not any(p.get("lat") is not None for p in data["places"]):
        return "The places in this view have no coordinates, so nothing can be drawn."
    return None


# -- panels ------------------------------------------------------------------------------------

def place_panel_ui(db_url: str, version: int, data: dict[str, Any], state: ViewState, names: dict[str, str]) -> None:
    place = next((p for p in data["places"] if p["id"] == state.place), None)
    if place is None:
        st.info(f"The selected place is not in this view. [Clear the selection]({link(state.replace(place=None))})")
        return
    st.subheader(escape(place["name"]))
    st.caption(f"{place['kind']} \u00b7 {maps.events_text(place['event_count'], place.get('context_event_count', 0))}"
               " \u00b7 "
               f"{_plural(place['mention_count'], 'mention')}"
               f" \u00b7 [centre the map]({link(_centred(state, place))})")
    detail = q.place_detail(db_url, version, filters_only(state), place["id"])
    mentions, events = detail["mentions"], detail["events"]
    st.markdown("**Events here**" if events else "_No event here in this view; the place is mentioned._")
    for e in events:
        spans = [Span(e["trigger"]["start"], e["trigger"]["end"], "trigger", e["type"], e["type"])]
        spans += [Span(mn["start"], mn["end"], "here", place["id"], place["name"]) for mn in mentions
                  if mn["article_id"] == e["article_id"] and e["start"] <= mn["start"] < e["end"]]
        who = ", ".join(names.get(a, a) for a in e["actor_ids"]) or "no actor named"
        sentence = highlight_html(e["sentence"], spans, offset=e["start"])
        st.markdown(f"<div style='margin-bottom:8px'><b>{_esc(e['type'])}</b> \u00b7 {_esc(e['date'] or 'undated')}"
                    f" \u00b7 {_esc(who)}{maps.context_mark(e, place['id'])}<br>{sentence}</div>",
                    unsafe_allow_html=True)
    st.markdown("**Articles that mention it**")
    for a in detail["articles"]:
        href = link(state.replace(article=a["id"]))
        st.markdown(f"<a href='{html.escape(href, quote=True)}' target='_self'>{_esc(a['title'] or 'untitled')}</a> "
                    f"\u00b7 {_esc(a['source'] or 'unknown source')} \u00b7 {_esc(a['published'] or 'undated')}",
                    unsafe_allow_html=True)


def _centred(state: ViewState, place: dict[str, Any]) -> ViewState:
    return state.replace(place=place["id"], lat=place.get("lat"), lon=place.get("lon"), zoom=PLACE_ZOOM)


def articles_ui(db_url: str, version: int, state: ViewState, total: int) -> None:
    """The view's articles, newest first, one page at a time (sorted and cut in the database)."""
    if not total:
        st.info("No article in this view.")
        return
    offset = _page_offset("articles_page", total, ARTICLES_PER_PAGE, "articles")
    article_list_ui(q.articles_page(db_url, version, filters_only(state), offset, ARTICLES_PER_PAGE), state)


def article_list_ui(articles: list[dict[str, Any]], state: ViewState) -> None:
    """A list of articles as one Markdown element: fifty elements cost the browser several times the
    rendering of one."""
    st.markdown("".join(article_line_html(a, state) for a in articles), unsafe_allow_html=True)


def article_line_html(a: dict[str, Any], state: ViewState) -> str:
    """One article of a list: its title (a link to the article view), source and date."""
    href = link(state.replace(article=a["id"]))
    return (f"<p><a href='{html.escape(href, quote=True)}' target='_self'>{_esc(a['title'] or 'untitled')}</a> "
            f"\u00b7 {_esc(a['source'] or 'unknown source')} \u00b7 {_esc(a['published'] or 'undated')}</p>")


def article_ui(store: Store, state: ViewState) -> None:
    """One article with its places, actors and event triggers highlighted; places link to the map."""
    row = store.article(state.article or "")
    if row is None:
        st.warning(f"No article with id {state.article!r} in the store. "
                   f"[Close]({link(state.replace(article=None))})")
        return
    st.subheader(escape(row["title"] or "untitled"))
    st.caption(f"{row['source'] or 'unknown source'} \u00b7 {row['published'] or 'undated'} \u00b7 id {row['id']}"
               f" \u00b7 [close]({link(state.replace(article=None))})")
    mentions = store.mentions(row["id"])
    events = store.article_events(row["id"])
    places = store.places_by_id(mn["place_id"] for mn in mentions if mn["place_id"])
    names = {a.id: a.name for a in store.actors()} | {i: p["name"] for i, p in places.items()}

    def place_link(span: Span) -> str | None:
        p = places.get(span.target or "")
        return link(_centred(state.replace(article=None), p)) if span.kind == "place" and p else None

    st.markdown("<span class='nm-place'>place</span> <span class='nm-actor'>actor</span> "
                "<span class='nm-trigger'>event trigger</span>", unsafe_allow_html=True)
    body = highlight_html(row["text"], article_spans(mentions, events, names), link=place_link)
    st.markdown(f"<div style='line-height:1.6'>{body.replace(chr(10), '<br>')}</div>", unsafe_allow_html=True)


def events_ui(store: Store, version: int, state: ViewState, total: int, places: dict[str, str],
              names: dict[str, str], db_url: str) -> None:
    """One page of the view's events (newest first, cut in the database) and the view's downloads."""
    if not total:
        st.info("No event in this view.")
        return
    offset = _page_offset("events_page", total, EVENTS_PER_PAGE, "events")
    page = q.events_page(db_url, version, filters_only(state), offset, EVENTS_PER_PAGE)
    rows = event_rows(page["events"], places, names, page["titles"])
    needle = st.text_input("Filter rows", placeholder="any word in a row of this page",
                           key="events_filter").lower().strip()
    if needle:
        rows = [r for r in rows if needle in " ".join(str(v) for v in r.values()).lower()]
    st.dataframe(rows, hide_index=True, width="stretch",
                 column_config={"article": st.column_config.TextColumn(width="medium")})

    def view() -> dict[str, Any]:  # the whole view (not only this page), built when a download is clicked
        return view_data(store, filters_only(state))

    st.download_button("Download these events (CSV)", lambda: exports.to_csv(view()), "newsmap-events.csv",
                       "text/csv", on_click="ignore")
    st.download_button("Download the places (GeoJSON)", lambda: exports.to_geojson(view()),
                       "newsmap-places.geojson", "application/geo+json", on_click="ignore")


def event_rows(events: list[dict[str, Any]], places: dict[str, str], names: dict[str, str],
               titles: dict[str, str | None]) -> list[dict[str, Any]]:
    return [{"date": e["date"], "type": e["type"], "subtype": e["subtype"],
             "actors": ", ".join(names.get(a, a) for a in e["actor_ids"]),
             "places": ", ".join(places.get(p, p) for p in e["place_ids"]),
             "hypothetical": e["hypothetical"], "article": titles.get(e["article_id"]), "sentence": e["sentence"]}
            for e in events]


def _page_offset(key: str, total: int, per_page: int, what: str) -> int:
    """A page picker when ``total`` rows need more than one page; returns the first row's offset."""
    pages = -(-total // per_page)
    if pages <= 1:
        return 0
    page = st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, value=1, step=1, key=key)
    first = (int(page) - 1) * per_page
    st.caption(f"{what} {first + 1:,} to {min(first + per_page, total):,} of {total:,}, newest first")
    return first


def timeline_ui(store: Store, version: int, state: ViewState, db_url: str) -> None:
    by = st.radio("Events per month by", ["type", "actor"], horizontal=True, key="timeline_by")
    rows = q.timeline(db_url, version, filters_only(state), by)
    if not rows:
        st.info("No dated event in this view.")
        return
    st.bar_chart(rows, x="month", y="events", color="key")


def ingest_ui(store: Store, settings: Settings) -> None:
    """Upload files or paste text; the same readers and errors as `newsmap ingest`."""
    from geo.ingest.articles import read_stream

    with st.form("ingest", clear_on_submit=True):
        files = st.file_uploader("Articles (.txt, .md, .json, .jsonl, .html)", accept_multiple_files=True)
        text = st.text_area("...or paste an article", height=150)
        submitted = st.form_submit_button("Ingest")
    if not submitted:
        return
    inputs = [(f.name, f.getvalue()) for f in files or []]
    if text.strip():
        inputs.append(("pasted text", text.encode("utf-8")))
    if not inputs:
        st.warning("Choose a file or paste some text first.")
        return
    pipeline = get_pipeline(store, settings)
    bar = st.progress(0.0, text="analysing")
    for n, (name, data) in enumerate(inputs, start=1):
        results = list(read_stream(io.BytesIO(data), name, settings.max_bytes, kind=Path(name).suffix or None))
        report = pipeline.ingest(results)
        _report_ui(name, report)
        bar.progress(n / len(inputs), text=f"{n} of {len(inputs)} inputs")
    st.cache_data.clear()


def _report_ui(name: str, report: Any) -> None:
    line = (f"**{_esc(name)}**: ingested {len(report.ingested)}, duplicates {len(report.duplicates)}, "
            f"failed {len(report.failed)}")
    (st.error if report.failed else st.success)(line)
    for failure in report.failed:
        st.caption(f"failed: {failure.origin}: {failure.reason}")
    for note in report.notes:
        st.caption(f"note: {note}")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _esc(text: object) -> str:
    return escape(str(text))


def snapshot_tabs_ui(data: dict[str, Any], state: ViewState) -> None:
    """The tabs of a snapshot's page: its frozen articles and events (from the snapshot, not the store)."""
    tabs = st.tabs(["Articles", "Events"])
    with tabs[0]:
        article_list_ui(data.get("articles", []), state)
    with tabs[1]:
        rows = event_rows(data.get("events", []), {p["id"]: p["name"] for p in data.get("places", [])},
                          {a["id"]: a["name"] for a in data.get("actors", [])},
                          {a["id"]: a.get("title") for a in data.get("articles", [])})
        if rows:
            st.dataframe(rows, hide_index=True, width="stretch")
        else:
            st.info("No event in this snapshot.")


# -- main ----------------------------------------------------------------------------------------

def main() -> None:
    st.set_page_config(page_title="newsmap", page_icon=":world_map:", layout="wide")
    st.markdown(f"<style>{CSS}</style>", unsafe_allow_html=True)
    options = app_options(sys.argv[1:])
    settings = load_settings()
    try:
        store = q.get_store(settings.db_url)
    except NewsmapError as err:
        st.error(str(err))
        return
    if "snapshot" in st.query_params:  # a saved snapshot: read-only, its frozen data drives the page
        snapshots_ui.snapshot_page_ui(
            store, st.query_params["snapshot"], data_dir=settings.data_dir, outlines=get_outlines(settings.data_dir),
            draw_map=lambda data, state: map_ui(data, state, settings, options.offline), draw_tabs=snapshot_tabs_ui)
        return
    seed_ui(store, settings)
    db_url = settings.db_url
    version = q.store_version(db_url)
    url, warnings = url_state()
    for warning in warnings:
        st.warning(f"Ignored a URL parameter: {warning}")
    q.load_view(db_url, version, url, settings.data_dir)  # the view's queries at once; the widgets below read them
    init_filters(store, url)
    state = filters_state(store, version, url, db_url)
    for name in url.unknown_actors(store):
        st.warning(f"No actor named {name!r} in the store, so it is left out; pick one from the Actors list.")
    data = q.map_view(db_url, version, filters_only(state))
    counts = q.view_counts(db_url, version, filters_only(state))
    names = q.actor_names(db_url, version)
    st.title("newsmap")
    description = state.describe({"events": counts["events"], "places": len(data["places"]),
                                  "actor_names": {t: names.get(t, t) for t in state.actors}})
    st.caption(description)
    if len(data["places"]) > maps.DETAIL_AT:
        st.caption(f"More than {maps.DETAIL_AT:,} places: their popups show counts only; click a place for its "
                   "events and articles.")
    message = empty_message(store, state, data)
    if message:
        st.info(message)
    left, right = st.columns([3, 2])
    with left:
        clicked = map_ui(data, state, settings, options.offline, q.map_columns(db_url, version, filters_only(state)))
    if clicked and clicked != state.place:
        state = state.replace(place=clicked)
    with right:
        if state.article:
            article_ui(store, state)
        elif state.place:
            place_panel_ui(db_url, version, data, state, names)
        else:
            st.markdown("**Click a place** on the map to see its events and the articles that mention it.")
    sidebar_ui(store, version, url, db_url)  # after the map, so the browser starts the map's frame first
    state = state.replace(tab=section_ui(url))
    write_url(state)
    with st.sidebar:
        snapshots_ui.share_ui(store, state, lambda: view_data(store, filters_only(state)), description,
                              data_dir=settings.data_dir,
                              outlines=get_outlines(settings.data_dir))
        status_ui.places_data_ui(settings)
    section = state.tab or SECTIONS[0]
    if section == "articles":
        articles_ui(db_url, version, state, counts["articles"])
    elif section == "events":
        events_ui(store, version, state, counts["events"], {p["id"]: p["name"] for p in data["places"]}, names, db_url)
    elif section == "timeline":
        timeline_ui(store, version, state, db_url)
    else:
        ingest_ui(store, settings)


def section_ui(url: ViewState) -> str | None:
    """The section shown under the map (Articles, Events, Timeline, Ingest): only its queries run. It
    starts from the URL's ``tab`` once per session; returns the ``tab`` value (None for the first)."""
    if "section" not in st.session_state:
        st.session_state["section"] = url.tab or SECTIONS[0]
    choice = st.segmented_control("Section", SECTIONS, key="section", format_func=SECTION_LABELS.get,
                                  label_visibility="collapsed") or SECTIONS[0]
    return None if choice == SECTIONS[0] else choice


if __name__ == "__main__":
    main()
