"""The words of a place's popup and panel, as escaped HTML: its name and kind, its counts, its events (type,
date, actors, and whether the article's context placed them there) and its articles.

The map's popups (:func:`popup_parts`, assembled in the page by ``geo/data/places_layer.js`` from the strings
made here, or in Python by :func:`render_popup`) and the dashboard's live and snapshot place panels
(:func:`event_entry_html`, :func:`context_mark`) say the same things in the same words. Counts are worded by
:mod:`geo.views.words`. Every string from an article is escaped here.

>>> render_popup({"id": "gn:1", "name": "Beirut", "k": "city", "n": "1 event, 2 mentions", "t": [], "a": []})
"<div class='nm-popup' data-place='gn:1'><b>Beirut</b> <small>(city)</small><div>1 event, 2 mentions</div></div>"
"""
from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from geo.records import REPORTED, placed_from_context
from geo.views.highlight import escape as escape_markdown
from geo.views.words import place_counts, reports_text


def popup_parts(place: Mapping[str, Any], events: Mapping[str, Mapping[str, Any]],
                actor_names: Mapping[str, str], titles: Mapping[str, str | None]) -> dict[str, Any]:
    """What a place's popup shows, every string already escaped: ``id``, ``name``, kind ``k``, the counts
    line ``n`` (events, those placed from article context, mentions: :func:`geo.views.words.place_counts`),
    top-event lines ``t`` (type, date, actors) and article titles ``a``.
    They travel in the places' columns (:func:`geo.render.maps.place_columns`); the page assembles the popup
    only when it opens, so a map of 10,000 places does not carry 10,000 popups of HTML."""
    top = place.get("top_events") or []
    return {"id": escape(place["id"]), "name": escape(place["name"]), "k": escape(place.get("kind") or "place"),
            "n": place_counts(place, ", "),
            "t": [_event_line(ev, events.get(ev["id"], {}), actor_names) for ev in top],
            "a": [escape(titles.get(a) or "untitled article") for a in place.get("article_ids") or []]}


def popup_html(place: Mapping[str, Any], events: Mapping[str, Mapping[str, Any]],
               actor_names: Mapping[str, str], titles: Mapping[str, str | None]) -> str:
    """A place's popup: name, kind, counts, its top events (type, date, actors) and article titles.

    Everything is escaped, so ``<script>`` in a title is shown as text. The same HTML as the page's
    JavaScript builds from :func:`popup_parts`.
    """
    return render_popup(popup_parts(place, events, actor_names, titles))


def render_popup(parts: Mapping[str, Any]) -> str:
    """The popup HTML of :func:`popup_parts` (whose strings are escaped already); mirrors ``popupHtml`` in
    ``geo/data/places_layer.js``."""
    rows = [f"<b>{parts['name']}</b> <small>({parts['k']})</small>", f"<div>{parts['n']}</div>"]
    for heading, items in (("Events", parts["t"]), ("Articles", parts["a"])):
        if items:
            rows.append(f"<div class='nm-h'>{heading}</div><ul><li>{'</li><li>'.join(items)}</li></ul>")
    return f"<div class='nm-popup' data-place='{parts['id']}'>{''.join(rows)}</div>"


def _event_line(top: Mapping[str, Any], event: Mapping[str, Any], actor_names: Mapping[str, str]) -> str:
    who = ", ".join(actor_names.get(a, a) for a in event.get("actor_ids", []))
    parts = [escape(top.get("type") or ""), escape(date_label(top.get('date'), top.get('date_precision')))]
    if who:
        parts.append(escape(who))
    targets = targets_text(event)
    if targets:
        parts.append(escape(targets))
    if reports_text(event):
        parts.append(reports_text(event))
    return " \u00b7 ".join(parts)


def targets_text(event: Mapping[str, Any]) -> str:
    """"target: Business, Police": the GTD target types of an event's targets (export ``target_types``), or "".

    >>> targets_text({"target_types": ["Business"]}), targets_text({})
    ('target: Business', '')
    """
    types = event.get("target_types") or []
    return f"target: {', '.join(types)}" if types else ""


def context_mark(event: Mapping[str, Any], place_id: str) -> str:
    """What a place's panel adds after an event placed there from article context (HTML, nothing to escape)."""
    if not placed_from_context(event, place_id):
        return ""
    return " \u00b7 <i>placed from article context: the sentence names no place</i>"


def date_label(date: str | None, precision: str | None = None) -> str:
    """An event's date as a reader sees it: "undated" without one, and its precision when it is not a day
    ("2024-02 (month)"), so a month is never read as its first day; the publication date standing in for an
    event's own (precision ``reported``) says so: "2024-03-15 (date of report)". The popup, the panel and the
    events table all write dates with this.

    >>> date_label(None), date_label("2024-03-15", "day"), date_label("2024-02", "month")
    ('undated', '2024-03-15', '2024-02 (month)')
    """
    if not date:
        return "undated"
    if precision == REPORTED:  # the article's publication date stands in
        return f"{date} (date of report)"
    if not precision or precision in ("day", "unknown"):
        return str(date)
    return f"{date} ({precision})"


def event_entry_html(event: Mapping[str, Any], place_id: str, actor_names: Mapping[str, str],
                     sentence_html: str) -> str:
    """One event in a place's panel, for Streamlit's markdown: type, date, actors, its reports and sources when
    more than one mention tells of it, the context mark, then
    ``sentence_html`` (the sentence, escaped and perhaps highlighted, by the caller)."""
    who = ", ".join(actor_names.get(a, a) for a in event.get("actor_ids", [])) or "no actor named"
    when = date_label(event.get("date"), event.get("date_precision"))
    return (f"<div style='margin-bottom:8px'><b>{escape_markdown(event['type'])}</b> \u00b7 "
            f"{escape_markdown(when)} \u00b7 {escape_markdown(who)}{_targets_mark(event)}{_reports_mark(event)}"
            f"{context_mark(event, place_id)}<br>{sentence_html}</div>")


def _targets_mark(event: Mapping[str, Any]) -> str:
    """" \u00b7 target: Business" after the actors of an event whose targets have a GTD type."""
    text = targets_text(event)
    return f" \u00b7 {escape_markdown(text)}" if text else ""


def _reports_mark(event: Mapping[str, Any]) -> str:
    """" \u00b7 8 reports from 2 sources" after an event told more than once (numbers only: nothing to escape)."""
    text = reports_text(event)
    return f" \u00b7 <b>{text}</b>" if text else ""
