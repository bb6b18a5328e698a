"""The CSV export: one row per event (date, type, actors by role, places with coordinates, article, sentence, and the
real-world event it reports with its number of reports and sources), quoted by the csv module, with cells a
spreadsheet would run as a formula neutralised."""
from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from geo.render.exports.common import ExportOptions, spreadsheet_safe

CSV_COLUMNS = ["event_id", "date", "date_precision", "type", "subtype", "hypothetical", "initiators", "targets",
               "other_actors", "places", "latitudes", "longitudes", "article_id", "article_title", "sentence",
               "occurrence", "report_count", "source_count", "target_types"]
# Columns newsmap writes itself (numbers, flags): never prefixed, a negative longitude is not a formula.
_TRUSTED_COLUMNS = {"hypothetical", "latitudes", "longitudes", "report_count", "source_count"}


def to_csv(data: Mapping[str, Any]) -> str:
    titles = {a["id"]: a.get("title") for a in data.get("articles", [])}
    actors = {a["id"]: a["name"] for a in data.get("actors", [])}
    places = {p["id"]: p for p in data.get("places", [])}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in data.get("events", []):
        row = _event_row(e, titles, actors, places)
        writer.writerow({k: v if k in _TRUSTED_COLUMNS else spreadsheet_safe(v) for k, v in row.items()})
    return out.getvalue()


def write(data: Mapping[str, Any], options: ExportOptions) -> bytes:
    """The events of ``data``; a table has no place for the view's title and description."""
    return to_csv(data).encode("utf-8")


def _event_row(e: dict[str, Any], titles: dict[str, Any], actors: dict[str, str],
               places: dict[str, dict[str, Any]]) -> dict[str, Any]:
    roles = e.get("actor_roles", {})
    named = lambda ids: "; ".join(actors.get(a, a) for a in ids)  # noqa: E731
    others = [a for r, ids in roles.items() if r not in ("initiator", "target") for a in ids]
    pls = [places[p] for p in e.get("place_ids", []) if p in places]
    return {
        "event_id": e["id"], "date": e.get("date"), "date_precision": e.get("date_precision"),
        "type": e["type"], "subtype": e.get("subtype"), "hypothetical": e.get("hypothetical", False),
        "initiators": named(roles.get("initiator", [])), "targets": named(roles.get("target", [])),
        "other_actors": named(others), "places": "; ".join(p["name"] for p in pls),
        "latitudes": "; ".join(_number(p.get("lat")) for p in pls),
        "longitudes": "; ".join(_number(p.get("lon")) for p in pls),
        "article_id": e["article_id"], "article_title": titles.get(e["article_id"]), "sentence": e.get("sentence"),
        "occurrence": e.get("occurrence", e["id"]), "report_count": e.get("report_count", 1),
        "source_count": e.get("source_count", 1), "target_types": "; ".join(e.get("target_types", [])),
    }


def _number(v: Any) -> str:
    return "" if v is None else f"{float(v):.5f}"
