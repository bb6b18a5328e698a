"""The sidebar's "Places data" panel: which gazetteer and geocoder place the map, and the cache's counters.

An analyst who doubts a point on the map wants to know where places come from (the offline
gazetteer and its sources, or an online service), whether the gazetteer is current, and how much
of the online geocoding the cache answered. The figures come from the library
(:meth:`geo.places.gazetteer.Gazetteer.status`, :meth:`geo.places.geocache.GeocodeCache.stats`); nothing is
computed here.
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from geo.errors import GazetteerError
from geo.places.geocache import GeocodeCache, describe_stats
from geo.places.gazetteer import Gazetteer, gazetteer_path
from geo.settings import Settings


@st.cache_data(ttl=60, show_spinner=False)
def gazetteer_status(data_dir: str) -> dict[str, Any] | None:
    """The gazetteer's status, or None when it is not built (re-read at most once a minute)."""
    path = gazetteer_path(data_dir)
    if not path.exists():
        return None
    try:
        gazetteer = Gazetteer(path)
    except GazetteerError as exc:
        return {"error": str(exc)}
    try:
        return gazetteer.status()
    finally:
        gazetteer.close()


def cache_stats(data_dir: str) -> dict[str, int]:
    """The geocoding cache's counters as they are now (a quick read of one small file)."""
    cache = GeocodeCache.open(data_dir)
    try:
        return cache.stats()
    finally:
        cache.close()


def places_data_ui(settings: Settings) -> None:
    """An expander in the sidebar: gazetteer, geocoder and geocoding cache."""
    with st.expander("Places data"):
        st.markdown(gazetteer_line(gazetteer_status(settings.data_dir)))
        if settings.geocoder == "offline":
            st.markdown("**Geocoder:** offline (the gazetteer only; nothing is sent over the network)")
        else:
            st.markdown(f"**Geocoder:** {settings.geocoder} for names the gazetteer lacks, one request a "
                        f"{settings.geocoder_min_delay:g} s at most, offline answer if it fails")
        st.markdown(f"**Geocoding cache:** {describe_stats(cache_stats(settings.data_dir))}")


def gazetteer_line(status: dict[str, Any] | None) -> str:
    if status is None:
        return "**Gazetteer:** not built yet (it is built on the first ingest, or run `newsmap gazetteer build`)"
    if "error" in status:
        return f"**Gazetteer:** unreadable; run `newsmap gazetteer build` ({status['error']})"
    places = sum(status["kinds"].values())
    current = "up to date" if status["up_to_date"] else "outdated: run `newsmap gazetteer build`"
    return (f"**Gazetteer:** {places:,} places, {status['names']:,} names, format {status['sources'].get('format')}, "
            f"built {str(status['built_at'])[:10]} ({current})")
