"""Dashboard cost as the store grows: 1k, 10k and 100k events over 1k and 10k places.

    .venv/bin/python benchmarks/bench_dashboard_scale.py [--sizes 1000:1000,10000:1000,...] [--browser]

For each size a synthetic store is made once (benchmarks/make_store.py, cached in
/tmp) and measured in one run:
  - the view queries alone, for the whole store and for one actor: ``view_data`` (the export
    shape, every event and article) and what the dashboard runs (``map_data`` + ``view_counts``),
  - Streamlit AppTest: the first script run, and a rerun after changing the actor filter,
  - the size of the map HTML the page carries (the dashboard's map of the whole store),
  - with ``--browser``: time until headless Chromium has drawn the map of the whole
    store, through ``newsmap serve --offline`` (start-up excluded),
  - peak RSS of this process (the AppTest runs the script in-process).
Ratios are against the smallest size of the same run. Targets (issue): rerun <= 0.5 s
and first run <= 2 s at 100k events; rendered map <= 2 s at 10k places.
"""
from __future__ import annotations

import argparse
import os
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from geo import maps  # noqa: E402
from geo.store import Store  # noqa: E402
from geo.views import ViewState, map_data, view_data  # noqa: E402

DEFAULT_SIZES = "1000:1000,10000:1000,10000:10000,100000:1000,100000:10000"
ACTOR = "hezbollah"


def store_for(events: int, places: int) -> str:
    db = Path(f"/tmp/newsmap-bench-{events}-{places}.sqlite")
    if not db.exists():
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_store.py"), "--events", str(events),
                        "--places", str(places), "--db", str(db)], check=True)
    return str(db)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def apptest(db: str) -> tuple[float, float]:
    from streamlit.testing.v1 import AppTest

    os.environ["NEWSMAP_DB"] = db
    at = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=600)
    first, at = timed(at.run)
    assert not at.exception, at.exception
    rerun, at = timed(lambda: at.multiselect(key="f_actors").set_value([ACTOR]).run())
    assert not at.exception, at.exception
    return first, rerun


def browser_draw(db: str) -> float:
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NEWSMAP_DB": db}
    server = subprocess.Popen([sys.executable, "-m", "geo.cli", "serve", "--offline", "--port", str(port)],
                              cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            page = browser.new_page()
            for _ in range(100):
                try:
                    page.goto(f"http://127.0.0.1:{port}/_stcore/health")
                    break
                except Exception:  # noqa: BLE001 - not up yet
                    time.sleep(0.2)
            page.goto(f"http://127.0.0.1:{port}/?zoom=3")
            start = time.perf_counter()
            frame = None
            while time.perf_counter() - start < 120 and frame is None:
                frame = next((f for f in page.frames if f.query_selector(".leaflet-container")), None)
                time.sleep(0.05)
            # Clusters are divs; single places are SVG paths (or canvas drawings past 1k unclustered).
            frame.wait_for_selector(".marker-cluster, path.nm-place", state="attached", timeout=120_000)
            secs = time.perf_counter() - start
            browser.close()
            return secs
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=DEFAULT_SIZES, help=f"events:places pairs (default {DEFAULT_SIZES})")
    ap.add_argument("--browser", action="store_true", help="also time the map drawn in headless Chromium")
    args = ap.parse_args()
    rows = []
    for pair in args.sizes.split(","):
        events, places = (int(x) for x in pair.split(":"))
        db = store_for(events, places)
        store = Store.open(db)
        q_all, data = timed(lambda: view_data(store, ViewState()))
        q_actor, _ = timed(lambda: view_data(store, ViewState(actors=(ACTOR,))))
        q_map, shown = timed(lambda: (map_data(store, ViewState(), detail_at=maps.DETAIL_AT),
                                      store.view_counts(ViewState().filter(store))))
        q_map_actor, _ = timed(lambda: (map_data(store, ViewState(actors=(ACTOR,)), detail_at=maps.DETAIL_AT),
                                        store.view_counts(ViewState(actors=(ACTOR,)).filter(store))))
        del data
        html = maps.render_html(maps.build_map(shown[0], ViewState(), offline=False, outlines=None))
        first, rerun = apptest(db)
        draw = browser_draw(db) if args.browser else float("nan")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append((events, places, len(shown[0]["places"]), q_all, q_actor, first, rerun, len(html) / 1e6, draw, rss))
        print(f"{events:>7} events {places:>6} places: view_data {q_all:.2f} s (actor {q_actor:.2f} s), "
              f"map query {q_map:.2f} s (actor {q_map_actor:.2f} s), "
              f"first run {first:.2f} s, rerun {rerun:.2f} s, map HTML {len(html) / 1e6:.1f} MB, "
              f"browser draw {draw:.2f} s, peak RSS {rss:.0f} MB", flush=True)
    base = rows[0]
    print("\nratios against the first size (first run, rerun):")
    for r in rows:
        print(f"  {r[0]:>7}/{r[1]:<6} first x{r[5] / base[5]:.1f}  rerun x{r[6] / base[6]:.1f}")


if __name__ == "__main__":
    main()
