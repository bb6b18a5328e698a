"""``newsmap ingest --engine dask`` on a LocalCluster of two worker processes, writing to PostgreSQL: the same store
as a plain ingest, nothing twice when the same inputs come again, and a killed worker's batch redone."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from geo.ingest.articles import iter_paths
from geo.ingest.pipeline import Pipeline, make_pipeline
from geo.records import Article
from geo.settings import load_settings
from geo.store import Store
from tests.faulty import KILL_MARKER_ENV, KILL_ONCE, make_worker_killing_analyser
from tests.test_pipeline import corpus

pytest.importorskip("distributed", reason="the Dask engine needs pip install 'newsmap[dask]'")
pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_urls(pg_server: str) -> Iterator[tuple[str, str]]:
    """Two fresh PostgreSQL databases, dropped afterwards."""
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    names = [f"newsmap_d_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    with admin.connect() as conn:
        for name in names:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield tuple(sa.engine.make_url(pg_server).set(database=n).render_as_string(hide_password=False) for n in names)
    with admin.connect() as conn:
        for name in names:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_dask_ingest_stores_what_a_plain_one_does_and_nothing_twice(tmp_path: Path, pg_urls: tuple[str, str]):
    path = str(corpus(tmp_path, 40))
    settings = load_settings()
    plain, distributed = (Store.open(url) for url in pg_urls)
    make_pipeline(settings, plain).ingest(iter_paths([path], 10**7))
    report = make_pipeline(settings, distributed).ingest(iter_paths([path], 10**7), engine="dask", workers=2)
    assert len(report.ingested) == 40 and not report.failed
    exported = plain.export()
    assert exported["events"] and exported["places"], "nothing was found: the comparison would prove nothing"
    assert distributed.export() == exported
    again = make_pipeline(settings, distributed).ingest(iter_paths([path], 10**7), engine="dask", workers=2)
    assert len(again.duplicates) == 40 and not again.ingested and not again.failed
    assert distributed.count_articles() == 40


def test_the_batch_of_a_killed_worker_is_redone(tmp_path: Path, pg_urls: tuple[str, str],
                                                 monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(KILL_MARKER_ENV, str(tmp_path / "killed-once"))
    settings = load_settings()
    texts = [f"Article {i} about the news." for i in range(30)]
    texts[17] = f"{KILL_ONCE}: article 17."
    articles = [Article(id=f"{i:016x}", text=t, origin=f"in:{i}", raw=t.encode()) for i, t in enumerate(texts)]
    store = Store.open(pg_urls[0])
    pipeline = Pipeline(analyser=None, store=store, settings=settings, analyser_factory=make_worker_killing_analyser)
    report = pipeline.ingest(articles, engine="dask", workers=2)
    assert (tmp_path / "killed-once").exists(), "no worker was killed: the test would prove nothing"
    assert report.ingested == tuple(f"in:{i}" for i in range(30)) and not report.failed
    assert store.count_articles() == 30


def test_the_command_line_sends_the_analysis_to_a_running_scheduler(tmp_path: Path):
    """``--scheduler ADDRESS``: a cluster that runs apart from the command (here one worker process on this
    machine, as `dask scheduler` and `dask worker` would start it)."""
    from distributed import LocalCluster

    from tests.test_cli import run

    path = str(corpus(tmp_path, 6))
    db = str(tmp_path / "sched.sqlite")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = run("ingest", "--scheduler", cluster.scheduler_address, "--db", db, path)
    assert out.returncode == 0, out.stderr.decode()
    assert b"ingested 6, duplicates 0, failed 0" in out.stdout
    assert Store.open(db).count_articles() == 6


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path):
    from tests.test_cli import run

    # Port 9 (discard): nothing listens there. Dask's own connect timeout, shortened for the test.
    out = run("ingest", "--scheduler", "tcp://127.0.0.1:9", "--db", str(tmp_path / "x.sqlite"),
              str(corpus(tmp_path, 1)), env_extra={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert out.returncode == 1
    err = out.stderr.decode()
    assert err.startswith("newsmap: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9"), err
    assert err.count("\n") == 1 and "Traceback" not in err
