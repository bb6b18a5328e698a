"""``newsmap geoparse``, ``gazetteer`` and ``cache``: places without the store."""
from __future__ import annotations

import argparse
import sys

from geo.cli.common import GEOCODER_SETTINGS, add_actions, add_settings, settings_from


def add_geoparse(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("geoparse", help="find and resolve place names: JSON Lines in, JSON Lines out",
                       description='Read JSON Lines on stdin ({"id", "text", "date"?, "spans"?}) and write one line '
                                   'per input ({"id", "places": [{"start", "end", "text", "name", "lat", "lon", '
                                   '"kind", "country_code", "geonameid", "score"}]}). With "spans", resolve exactly '
                                   'those spans (each [start, end] inside the text); "date" is accepted and ignored. '
                                   'A bad line gets an answer with an "error" field and the stream goes on.')
    add_settings(p, "data_dir", "model", "max_chars", *GEOCODER_SETTINGS)
    p.set_defaults(handler=lambda args: _geoparsing().command_geoparse(settings_from(args), sys.stdin, sys.stdout))


def _geoparsing():
    from geo.places import geoparsing

    return geoparsing

def add_gazetteer(sub: argparse._SubParsersAction) -> None:
    from geo.places import gazetteer

    add_actions(sub, "gazetteer", "build or inspect the offline gazetteer",
                 "The offline gazetteer is built from pip-shipped data into DATA_DIR on first use.",
                 [("build", "(re)build the gazetteer now", gazetteer.command_gazetteer_build),
                  ("status", "path, size, counts, source versions; exit 1 if missing or outdated",
                   gazetteer.command_gazetteer_status)])


def add_cache(sub: argparse._SubParsersAction) -> None:
    from geo.places import geocache

    add_actions(sub, "cache", "inspect or clear the geocoding cache",
                 "Every online geocoder answer is cached in DATA_DIR/geocache.sqlite; hits never wait.",
                 [("stats", "hits, misses and number of cached answers", geocache.command_cache_stats),
                  ("clear", "forget every cached answer", geocache.command_cache_clear)])
