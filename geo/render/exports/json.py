"""The JSON export: the export dictionary as it is (articles, places with mentions, actors, events), in the
stable schema the README documents."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from geo.render.exports.common import ExportOptions, json_text


def to_json(data: Mapping[str, Any]) -> str:
    return json_text(dict(data), indent=2, default=str) + "\n"


def write(data: Mapping[str, Any], options: ExportOptions) -> bytes:
    """The whole export dictionary; the view's title and description are not part of the schema."""
    return to_json(data).encode("utf-8")
