"""The newsmap dashboard: a map of places, linked to events and articles, filtered by actor.

Thin on purpose: ``main()`` reads the URL into a :class:`~geo.views.state.ViewState`, small ``*_ui()``
functions draw the widgets and return plain values, and everything else (queries, map building,
escaping, highlighting) is the library's. The URL always holds the view, so every view is a link.

Run it with ``newsmap serve [--port N] [--offline]`` (or ``make run``).
"""
from __future__ import annotations

import argparse
import html
import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from dashboard import data as q  # noqa: E402
from dashboard import snapshots_ui, status_ui  # noqa: E402
from dashboard.data import ARTICLES_PER_PAGE, EVENTS_PER_PAGE, filters_only, get_assets, get_outlines  # noqa: E402
from geo.render import exports  # noqa: E402
from geo.render import maps  # noqa: E402
from geo.render.panel import event_entry_html  # noqa: E402
from geo.errors import NewsmapError  # noqa: E402
from geo.views.highlight import CSS, Span, article_spans, escape, highlight_html  # noqa: E402
from geo.settings import REPO_ROOT, Settings, load_settings  # noqa: E402
from geo.store import Store  # noqa: E402
from geo.views.state import SECTIONS, ViewState, view_data  # noqa: E402
from geo.views.words import place_counts  # noqa: E402

SEEDS = REPO_ROOT / "seeds"
MAP_HEIGHT = 560
PLACE_ZOOM = 8
FILTER_KEYS = ("f_actors", "f_types", "f_from", "f_to", "f_source", "f_q", "f_affiliated", "f_hypothetical")
ANY_SOURCE = "(any source)"
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


# -- sidebar ---------------------------------------------------------------------------------

def init_filters(store: Store, state: ViewState) -> None:
    """Widgets start from the URL once per session; afterwards they are the source of truth."""
    if st.session_state.get("f_init"):
        return
    st.session_state.update(
        f_actors=[i for i in (store.resolve_actor(a) for a in state.actors) if i], f_types=list(state.types),
        f_from=dt.date.fromisoformat(state.date_from) if state.date_from else None,
        f_to=dt.date.fromisoformat(state.date_to) if state.date_to else None,
        f_source=state.source or ANY_SOURCE, f_q=state.q or "", f_affiliated=state.include_affiliated,
        f_hypothetical=state.show_hypothetical, f_init=True)


def filters_state(store: Store, version: int, state: ViewState, db_url: str) -> ViewState:
    """The view the filters describe (selection and map view kept from ``state``), read from the widgets'
    session state before the widgets are drawn: the sidebar is drawn after the map (see :func:`main`)."""
    by_id = {a["id"]: a for a in q.actor_choices(db_url, version, q.choice_state(state))}
    return _filters_state(store, state, by_id)


def sidebar_ui(store: Store, version: int, state: ViewState, db_url: str) -> None:
    """The filters; their values are read by :func:`filters_state` at the start of the next run."""
    facets = q.facets(db_url, version)
    # The choices ignore the actor filter, so changing it must not recompute them.
    counts = q.actor_choices(db_url, version, q.choice_state(state))
    by_id = {a["id"]: a for a in counts}
    sb = st.sidebar
    sb.header("Filters")
    sb.multiselect("Actors", list(by_id), key="f_actors", placeholder="type to search actors",
                   format_func=lambda i: _actor_label(by_id.get(i)),
                   help="Shows the places of the events these actors take part in and the places mentioned "
                        "in the same sentences.")
    sb.toggle("Include affiliated actors", key="f_affiliated",
              help="Iran then includes the Quds Force and its commander.")
    sb.multiselect("Event types", sorted(set(facets["types"]) | set(st.session_state.f_types)), key="f_types")
    lo, hi = _date_bounds(facets)
    col1, col2 = sb.columns(2)
    col1.date_input("From", key="f_from", min_value=lo, max_value=hi, format="YYYY-MM-DD")
    col2.date_input("To", key="f_to", min_value=lo, max_value=hi, format="YYYY-MM-DD")
    if _dates_crossed(st.session_state.f_from, st.session_state.f_to):
        sb.warning("The From date is after the To date; the dates are ignored.")
    sources = [ANY_SOURCE, *facets["sources"]]
    if st.session_state.f_source not in sources:
        sources.append(st.session_state.f_source)
    sb.selectbox("Source", sources, key="f_source")
    sb.text_input("Text", key="f_q", placeholder="words in the title or text")
    sb.toggle("Show hypothetical events", key="f_hypothetical", help='e.g. "could compel Iran"')
    sb.markdown('<a href="?" target="_self">Reset the view</a>', unsafe_allow_html=True)


def _filters_state(store: Store, state: ViewState, by_id: dict[str, dict[str, Any]]) -> ViewState:
    ss = st.session_state
    actors = tuple(_actor_token(store, by_id.get(i), i) for i in ss.f_actors)
    d_from, d_to = ss.f_from, ss.f_to
    if _dates_crossed(d_from, d_to):  # said under the date fields (sidebar_ui)
        d_from = d_to = None
    new = state.replace(actors=actors, types=tuple(ss.f_types),
                        date_from=d_from.isoformat() if d_from else None,
                        date_to=d_to.isoformat() if d_to else None,
                        source=None if ss.f_source == ANY_SOURCE else ss.f_source, q=ss.f_q.strip() or None,
                        include_affiliated=bool(ss.f_affiliated), show_hypothetical=bool(ss.f_hypothetical))
    if (new.actors, new.types, new.date_from, new.date_to, new.source, new.q) != (
            state.actors, state.types, state.date_from, state.date_to, state.source, state.q):
        new = new.replace(lat=None, lon=None, zoom=None)
    return new


def _dates_crossed(d_from: dt.date | None, d_to: dt.date | None) -> bool:
    return bool(d_from and d_to and d_from > d_to)


def _actor_label(actor: dict[str, Any] | None) -> str:
    if actor is None:
        return "unknown actor"
    kind = actor["kind"].replace("_", " ")
    return f"{actor['name']} ({kind}) \u00b7 {actor['event_count']} ev, {actor['mention_count']} mentions"


def _actor_token(store: Store, actor: dict[str, Any] | None, actor_id: str) -> str:
    """The actor's name in the URL when the name finds it again, else its id."""
    if actor and store.resolve_actor(actor["name"]) == actor_id:
        return actor["name"]
    return actor_id


def _date_bounds(facets: dict[str, Any]) -> tuple[dt.date, dt.date]:
    first = int(facets["date_min"][:4]) if facets["date_min"] else 2000
    last = int(facets["date_max"][:4]) if facets["date_max"] else dt.date.today().year
    return dt.date(min(first, 2000), 1, 1), dt.date(max(last, dt.date.today().year), 12, 31)


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
    st.caption(f"{place['kind']} \u00b7 {place_counts(place)}"
               f" \u00b7 [centre the map]({link(_centred(state, place))})")
    detail = q.place_detail(db_url, version, filters_only(state), place["id"])
    mentions, events = detail["mentions"], detail["events"]
    st.markdown("**Events here**" if events else "_No event here in this view; the place is mentioned._")
    for e in events:
        spans = [Span(e["trigger"]["start"], e["trigger"]["end"], "trigger", e["type"], e["type"])]
        spans += [Span(mn["start"], mn["end"], "here", place["id"], place["name"]) for mn in mentions
                  if mn["article_id"] == e["article_id"] and e["start"] <= mn["start"] < e["end"]]
        sentence = highlight_html(e["sentence"], spans, offset=e["start"])
        st.markdown(event_entry_html(e, place["id"], names, sentence), unsafe_allow_html=True)
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

    st.download_button("Download these events (CSV)", lambda: exports.render(view(), "csv"), "newsmap-events.csv",
                       "text/csv", on_click="ignore")
    st.download_button("Download the places (GeoJSON)", lambda: exports.render(view(), "geojson"),
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
