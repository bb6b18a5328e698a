"""Ingest: reading articles from files and streams (``articles``) and running them through the analysis into the
store (``pipeline``), one transaction per article, in one process or several.

The top of the analysis: may import everything below it (places, actors, events) and the store; never views,
rendering or the dashboard.
"""

#: Where an ingest's analysis runs: this machine's processes (``--workers N``), or a Dask cluster (``dask_engine``).
ENGINES = ("processes", "dask")
