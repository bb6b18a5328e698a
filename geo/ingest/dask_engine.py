"""Analysis as Dask tasks: backfills of years of news over many machines, on an engine built for it.

``newsmap ingest --engine dask --scheduler tcp://HOST:8786`` sends batches of articles to the workers of a running
Dask cluster; without ``--scheduler`` a ``LocalCluster`` of ``--workers`` processes runs on this machine. Each
worker builds its analyser once (the model, the gazetteer, the catalogue) and keeps it for every batch it gets.
Only the analysis is distributed: the results come back to this process, which writes them through the same
per-article transactions as any ingest, so the store (a shared PostgreSQL server, typically) never sees a
half-written article, duplicates are found as in a plain ingest, and an article that fails is reported alone.

Dask re-runs the batch of a worker that dies (up to its ``allowed-failures``), so a killed worker costs time,
not articles. A small number of batches is in flight at any time: memory stays flat whatever the input's size.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any, Protocol

from geo.errors import NewsmapError
from geo.records import AnalysisResult, Article, ArticleFailure
from geo.settings import Settings



class Analyser(Protocol):
    """What a worker needs of ``geo.ingest.pipeline.Analyser`` (named here, not imported: the pipeline imports
    this module)."""

    def analyse_many(self, articles: Iterable[Article]) -> Iterator[AnalysisResult]: ...

BATCH = 16  # articles per task: large enough to batch the model, small enough to share out a short input
IN_FLIGHT_PER_WORKER = 2

_analysers: dict[str, Analyser] = {}  # one per worker process and configuration, built on its first batch


def analyse_with_dask(articles: Iterable[Article], settings: Settings, factory: Callable[[Settings], Analyser], *,
                      scheduler: str | None = None, workers: int = 2, batch: int = BATCH) -> Iterator[AnalysisResult]:
    """Analyses in input order, computed by a Dask cluster (``scheduler``) or a local one of ``workers``
    processes. ``factory`` builds a worker's analyser; it must be importable by name on every worker."""
    with _client(scheduler, workers) as client:
        limit = max(1, len(client.scheduler_info().get("workers", {})) or workers) * IN_FLIGHT_PER_WORKER
        source = iter(articles)
        pending: deque = deque()
        while True:
            while len(pending) < limit and (chunk := list(islice(source, batch))):
                pending.append((chunk, client.submit(_analyse_batch, settings, factory, chunk, pure=False)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except Exception as err:  # noqa: BLE001 - this batch's articles fail (a worker died too often, say)
                results = [ArticleFailure.from_error(article, "could not be analysed", err) for article in chunk]
            yield from results


def _analyse_batch(settings: Settings, factory: Callable[[Settings], Analyser],
                   articles: list[Article]) -> list[AnalysisResult]:
    key = f"{factory.__module__}.{factory.__qualname__}:{settings!r}"
    if key not in _analysers:
        _analysers[key] = factory(settings)
    return list(_analysers[key].analyse_many(articles))


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the given scheduler, or of a local cluster that lives as long as the ingest."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise NewsmapError("--engine dask needs Dask: pip install 'newsmap[dask]' (dask and distributed)") from None
    if scheduler:
        try:
            # Dask's own setting (distributed.comm.timeouts.connect, or DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT)
            client = Client(scheduler, timeout=dask.config.get("distributed.comm.timeouts.connect"))
        except (OSError, TimeoutError) as err:
            raise NewsmapError(f"cannot reach the Dask scheduler at {scheduler}: {err} (start one with "
                               "`dask scheduler`, its workers with `dask worker ADDRESS`)") from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client
