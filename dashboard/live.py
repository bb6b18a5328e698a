"""The live page: the view of the store that the URL and the sidebar's filters describe.

Above, the map and, beside it, the selected place's panel or an open article; below, one section (Articles,
Events, Timeline, Ingest), of which only the open one runs its queries. The page is drawn in two halves,
:func:`view_ui` and :func:`sections_ui`, because the sidebar's filters are drawn between them (see
``app.py``). The queries are the cached ones of ``data.py``; the widgets both pages share are in
``widgets.py``; every string from an article is escaped before Streamlit renders it.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from dashboard import data as q
from dashboard import share, status, timebar
from dashboard.data import ARTICLES_PER_PAGE, EVENTS_PER_PAGE, get_outlines
from dashboard.widgets import (MAP_COLUMNS, URL_TURNS, article_line_html, article_list_ui, esc, event_rows,
                               events_table, link, map_ui, place_panel_ui, position_hint_ui,
                               same_point_links)
from geo.render import exports, maps, style
from geo.render.panel import event_entry_html
from geo.settings import REPO_ROOT, Settings
from geo.store import Store
from geo.views.highlight import Span, article_spans, escape, highlight_html
from geo.views.state import SECTIONS, ViewState, view_data
from geo.views.words import left_out, place_counts, plural

SEEDS = REPO_ROOT / "seeds"
PLACE_ZOOM = 8
SECTION_LABELS = {"articles": "Articles", "events": "Events", "timeline": "Timeline", "ingest": "Ingest"}
OPEN_HELP = "Open the event's article (in a new tab), its places, actors and events highlighted"


@dataclass(frozen=True)
class LiveView:
    """What the upper half of the page showed, for the lower half: the state (with a place just clicked),
    the map's data, the view's counts, actor names and its one-sentence description."""

    state: ViewState
    data: dict[str, Any]
    counts: dict[str, int]
    names: dict[str, str]
    description: str


@st.cache_resource
def get_pipeline(_store: Store, settings: Settings):  # noqa: ANN201 - geo.ingest.pipeline.Pipeline
    from geo.ingest.pipeline import make_pipeline

    return make_pipeline(settings, _store)


def seed_ui(store: Store, settings: Settings) -> None:
    """Ingest seeds/ into an empty store, with a visible progress bar (never in read-only mode)."""
    from geo.ingest.articles import iter_paths

    if settings.read_only:
        return

    if store.count_articles() or not SEEDS.is_dir():
        return
    with st.status("The store is empty: ingesting the seed articles...", expanded=True) as progress:
        results = list(iter_paths([str(SEEDS)], settings.max_bytes))
        bar = st.progress(0.0, text="loading the language model")
        pipeline = get_pipeline(store, settings)
        done = [0]

        def tick(_origin: str) -> None:
            done[0] += 1
            bar.progress(done[0] / max(len(results), 1), text=f"{done[0]:,} of {plural(len(results), 'article')}")

        report = pipeline.ingest(results, progress=tick)
        progress.update(label=f"Seeds ingested: {plural(len(report.ingested), 'article')}", state="complete", expanded=False)


# -- the upper half: title, map, place panel or article -------------------------------------------

def view_ui(store: Store, settings: Settings, offline: bool, url: ViewState, state: ViewState,
            version: int) -> LiveView:
    """The title, the view's description, the map and the panel beside it; ``url`` is the view the URL
    holds, ``state`` the one the filters describe."""
    db_url = settings.db_url
    unknown = url.unknown_actors(store)
    if unknown:
        st.warning(escape(left_out("actor", list(unknown), "in the store", "pick one from the Actors list.")))
    st.title("newsmap")
    caption = st.empty()  # the view's sentence, once the time slider has set the date
    state = timebar.time_ui(db_url, version, state)
    data = q.map_view(db_url, version, state.filters_only())
    counts = q.view_counts(db_url, version, state.filters_only())
    names = q.actor_names(db_url, version)
    description = state.describe({"events": counts["events"], "places": len(data["places"]),
                                  "actor_names": {t: names.get(t, t) for t in state.actors}})
    caption.caption(escape(description))  # it quotes the URL's words (q, source, actor names)
    if len(data["places"]) > maps.DETAIL_AT:
        st.caption(f"More than {maps.DETAIL_AT:,} places: their popups show counts only; click a place for its "
                   "events and articles.")
    message = empty_message(store, state, data)
    if message:
        st.info(message)
    position_hint_ui(data["places"], state)
    left, right = st.columns(MAP_COLUMNS)
    with left:
        # While time plays the map keeps the frame of the whole range, so the places appear in a still map.
        whole = q.map_view(db_url, version, state.replace(until=None).filters_only()) if state.until else data
        clicked = map_ui(data, state, settings, offline, q.map_columns(db_url, version, state.filters_only()),
                         fit=whole)
    if clicked and clicked != state.place:
        state = state.replace(place=clicked)
    with right:
        if state.article:
            article_ui(store, state)
        elif state.place:
            live_place_ui(db_url, version, data, state, names)
        else:
            st.markdown("**Click a place** on the map to see its events and the articles that mention it.")
    return LiveView(state, data, counts, names, description)


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


def live_place_ui(db_url: str, version: int, data: dict[str, Any], state: ViewState, names: dict[str, str]) -> None:
    """The selected place's panel: its events with their sentences highlighted, and the articles that
    mention it, each a link to the article."""
    place = next((p for p in data["places"] if p["id"] == state.place), None)
    if place is None:
        st.info(f"The selected place is not in this view. [Clear the selection]({link(state.replace(place=None))})")
        return
    detail = q.place_detail(db_url, version, state.filters_only(), place["id"])
    mentions, events = detail["mentions"], detail["events"]
    entries = []
    for e in events:
        spans = [Span(e["trigger"]["start"], e["trigger"]["end"], "trigger", e["type"], e["type"])]
        spans += [Span(mn["start"], mn["end"], "here", place["id"], place["name"]) for mn in mentions
                  if mn["article_id"] == e["article_id"] and e["start"] <= mn["start"] < e["end"]]
        entries.append(event_entry_html(e, place["id"], names, highlight_html(e["sentence"], spans, offset=e["start"])))
    caption = (f"{escape(place['kind'])} \u00b7 {place_counts(place)} \u00b7 "
               f"[centre the map]({link(centred(state, place))})") + same_point_links(data["places"], place, state)
    place_panel_ui(place["name"], caption,
                   "**Events here**" if events else "_No event here in this view; the place is mentioned._",
                   entries, "**Articles that mention it**", [article_line_html(a, state) for a in detail["articles"]])


def centred(state: ViewState, place: dict[str, Any]) -> ViewState:
    return state.replace(place=place["id"], lat=place.get("lat"), lon=place.get("lon"), zoom=PLACE_ZOOM)


def article_ui(store: Store, state: ViewState) -> None:
    """One article with its places, actors and event triggers highlighted; places link to the map."""
    row = store.article(state.article or "")
    if row is None:
        st.warning(f"No single article with id \u201c{escape(state.article or '')}\u201d: none has it, or more than "
                   "one id starts with it; give the whole id (the Articles section links each article). "
                   f"[Close]({link(state.replace(article=None))})")
        return
    st.subheader(escape(row["title"] or "untitled"))
    st.caption(f"{escape(row['source'] or 'unknown source')} \u00b7 {row['published'] or 'undated'} \u00b7 id "
               f"{escape(row['id'])}"
               f" \u00b7 [close]({link(state.replace(article=None))})")
    mentions = store.mentions(row["id"])
    events = store.article_events(row["id"])
    places = store.places_by_id(mn["place_id"] for mn in mentions if mn["place_id"])
    names = {a.id: a.name for a in store.actors()} | {i: p["name"] for i, p in places.items()}

    def place_link(span: Span) -> str | None:
        p = places.get(span.target or "")
        return link(centred(state.replace(article=None), p)) if span.kind == "place" and p else None

    st.markdown("<span class='nm-place'>place</span> <span class='nm-actor'>actor</span> "
                "<span class='nm-trigger'>event trigger</span>", unsafe_allow_html=True)
    body = highlight_html(row["text"], article_spans(mentions, events, names), link=place_link)
    st.markdown(f"<div style='line-height:1.6'>{body.replace(chr(10), '<br>')}</div>", unsafe_allow_html=True)


# -- the lower half: section, URL, sharing, the open section --------------------------------------

def sections_ui(store: Store, settings: Settings, url: ViewState, view: LiveView, version: int) -> None:
    """The section picker, the URL written back, the sidebar's Share and Places data, the open section."""
    db_url = settings.db_url
    state = view.state.replace(tab=section_ui(url, settings.read_only))
    write_url(state)
    with st.sidebar:
        share.share_ui(store, state, lambda: view_data(store, state.filters_only()), view.description,
                       data_dir=settings.data_dir, outlines=get_outlines(settings.data_dir),
                       read_only=settings.read_only)
        status.places_data_ui(settings)
    section = state.tab or SECTIONS[0]
    if section == "articles":
        articles_ui(db_url, version, state, view.counts["articles"])
    elif section == "events":
        events_ui(store, version, state, view.counts["events"], {p["id"]: p["name"] for p in view.data["places"]},
                  view.names, db_url)
    elif section == "timeline":
        timeline_ui(version, state, db_url, view.counts["events"])
    elif not settings.read_only:
        ingest_ui(store, settings)


def section_ui(url: ViewState, read_only: bool = False) -> str | None:
    """The section shown under the map (Articles, Events, Timeline, Ingest; no Ingest when read-only): only its
    queries run. It starts from the URL's ``tab`` once per session; returns the ``tab`` value (None for the
    first)."""
    sections = [s for s in SECTIONS if not (read_only and s == "ingest")]
    if "section" not in st.session_state:
        st.session_state["section"] = url.tab if url.tab in sections else SECTIONS[0]
    choice = st.segmented_control("Section", sections, key="section", format_func=SECTION_LABELS.get,
                                  label_visibility="collapsed") or SECTIONS[0]
    return None if choice == SECTIONS[0] else choice


WRITTEN = "url_written"  # session state: the query parameters the last run wrote into the address bar
# The widgets that start from the URL once per session (filters, section, the slider's step): forgotten
# when the URL changes under the page, so they start from it again.
FROM_URL = ("f_init", "section", timebar.STEP)


def write_url(state: ViewState) -> None:
    wanted = state.to_query_params()
    if url_params() != wanted:
        st.query_params.from_dict(wanted)
    st.session_state[WRITTEN] = wanted


def follow_url() -> None:
    """The browser's Back and Forward change the URL, not the widgets, which are the source of truth after the
    first run: the page wrote the widgets' view straight back and Back did nothing. A URL that is not the one
    the last run wrote was changed outside the page, so the widgets start from it again."""
    written = st.session_state.get(WRITTEN)
    if written is not None and url_params() != written:
        for key in FROM_URL:
            st.session_state.pop(key, None)
        st.session_state[URL_TURNS] = st.session_state.get(URL_TURNS, 0) + 1  # the map's ring follows (map_ui)


def url_params() -> dict[str, list[str] | str]:
    """The address bar's query parameters as :meth:`ViewState.to_query_params` writes them."""
    return {k: (v if len(v := st.query_params.get_all(k)) > 1 or k in ("actor", "type") else v[0])
            for k in st.query_params.keys()}


def articles_ui(db_url: str, version: int, state: ViewState, total: int) -> None:
    """The view's articles, newest first, one page at a time (sorted and cut in the database)."""
    if not total:
        st.info("No article in this view.")
        return
    offset = _page_offset("articles_page", total, ARTICLES_PER_PAGE, "articles")
    article_list_ui(q.articles_page(db_url, version, state.filters_only(), offset, ARTICLES_PER_PAGE), state)


def events_ui(store: Store, version: int, state: ViewState, total: int, places: dict[str, str],
              names: dict[str, str], db_url: str) -> None:
    """One page of the view's events (newest first, cut in the database) and the view's downloads."""
    if not total:
        st.info("No event in this view.")
        return
    offset = _page_offset("events_page", total, EVENTS_PER_PAGE, "events")
    page = q.events_page(db_url, version, state.filters_only(), offset, EVENTS_PER_PAGE)
    rows = [{"open": link(state.replace(article=e["article_id"])), **row}
            for e, row in zip(page["events"], event_rows(page["events"], places, names, page["titles"]))]
    words = st.text_input("Filter rows", placeholder="words in a row of this page", key="events_filter").lower().split()
    rows = [r for r in rows if _holds_words(r, words)]
    st.dataframe(events_table(rows), hide_index=True, width="stretch",
                 column_config={"article": st.column_config.TextColumn(width="medium"),
                                "open": st.column_config.LinkColumn("read", display_text="open", width="small",
                                                                    help=OPEN_HELP)})

    def view() -> dict[str, Any]:  # the whole view (not only this page), built when a download is clicked
        return view_data(store, state.filters_only())

    st.download_button("Download these events (CSV)", lambda: exports.render(view(), "csv"), "newsmap-events.csv",
                       exports.MEDIA_TYPES["csv"], on_click="ignore")
    st.download_button("Download the places (GeoJSON)", lambda: exports.render(view(), "geojson"),
                       "newsmap-places.geojson", exports.MEDIA_TYPES["geojson"], on_click="ignore")


def _holds_words(row: dict[str, Any], words: list[str]) -> bool:
    """Whether a row of the events table holds every word (its link column left out), the row read once."""
    text = " ".join(str(v) for k, v in row.items() if k != "open").lower()
    return all(w in text for w in words)


def _page_offset(key: str, total: int, per_page: int, what: str) -> int:
    """A page picker when ``total`` rows need more than one page; returns the first row's offset."""
    pages = -(-total // per_page)
    if pages <= 1:
        return 0
    page = st.number_input(f"Page (of {pages:,})", min_value=1, max_value=pages, value=1, step=1, key=key)
    first = (int(page) - 1) * per_page
    st.caption(f"{what} {first + 1:,} to {min(first + per_page, total):,} of {total:,}, newest first")
    return first


def timeline_ui(version: int, state: ViewState, db_url: str, total: int) -> None:
    """Events per month, and how many of the view's events are left out for having no date: news often gives
    none, and a chart of the few dated ones read as the whole view would mislead."""
    by = st.radio("Events per month by", ["type", "actor"], horizontal=True, key="timeline_by")
    rows = q.timeline(db_url, version, state.filters_only(), by)
    by_type = rows if by == "type" else q.timeline(db_url, version, state.filters_only(), "type")
    dated = sum(r["events"] for r in by_type)  # one type per event: the type rows count each dated event once
    if total > dated:
        st.caption(undated_note(dated, total))
    if not rows:
        st.info("No dated event in this view.")
        return
    st.altair_chart(timeline_chart(rows, by), width="stretch")


def undated_note(dated: int, total: int) -> str:
    """What the timeline leaves out, in one sentence: "37 of the view's 421 events have a date and are on the
    timeline; the other 384, undated, are on the map and in the Events section"."""
    events = "event" if total == 1 else "events"
    return (f"{dated:,} of the view's {total:,} {events} have a date and are on the timeline; the other "
            f"{total - dated:,}, undated, are on the map and in the Events section.")


def timeline_chart(rows: list[dict[str, Any]], by: str) -> Any:
    """Stacked bars of events per month; by type, each type in its colour of :mod:`geo.render.style` (the
    map's and the PNG's), by actor in Vega's default colours."""
    import altair as alt

    colour = alt.Color("key:N", title=by)
    if by == "type":
        types = list(dict.fromkeys(r["key"] for r in rows))
        colour = alt.Color("key:N", title="event type",
                           scale=alt.Scale(domain=types, range=[style.type_colour(t) for t in types]))
    return (alt.Chart(alt.Data(values=rows)).mark_bar()
            .encode(x=alt.X("month:O", title="month"),
                    y=alt.Y("sum(events):Q", title="events", axis=alt.Axis(tickMinStep=1)), color=colour,
                    tooltip=["month:O", "key:N", "events:Q"]))


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
    for n, (name, body) in enumerate(inputs, start=1):
        results = list(read_stream(io.BytesIO(body), name, settings.max_bytes, kind=Path(name).suffix or None))
        report = pipeline.ingest(results)
        _report_ui(name, report)
        bar.progress(n / len(inputs), text=f"{n} of {len(inputs)} inputs")
    st.cache_data.clear()


def _report_ui(name: str, report: Any) -> None:
    line = (f"**{esc(name)}**: ingested {len(report.ingested)}, duplicates {len(report.duplicates)}, "
            f"failed {len(report.failed)}")
    (st.error if report.failed else st.success)(line)
    for failure in report.failed:
        st.caption(f"failed: {esc(failure.origin)}: {esc(failure.reason)}")
    for note in report.notes:
        st.caption(f"note: {esc(note)}")
