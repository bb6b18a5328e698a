"""Dashboard cost as the store grows, against a baseline checkout measured in the same run.

    .venv/bin/python benchmarks/bench_dashboard_scale.py [--sizes 1000:1000,10000:10000,...] [--browser]
        [--baseline /path/to/other/checkout]

For each size a synthetic store is made once (benchmarks/make_store.py, cached in /tmp) and each checkout
(this one, then the baseline when given) is measured in its own process, one after the other:
  - the map query alone (``map_data`` + ``view_counts``) for the whole store,
  - Streamlit AppTest: the first script run, and a rerun after choosing an actor,
  - the size of the map HTML (the map of the whole store, as ``render_html`` writes it),
  - with ``--browser``: headless Chromium on a freshly started ``newsmap serve --offline``: time from page
    load until the places are drawn at the view the map opens on (after any zoom animation), for the first
    page the server serves, then (medians of ``--loads``) for a fresh browser each time (nothing cached)
    and for the same page loaded again in that browser,
    with the server's start-up time and peak RSS,
  - peak RSS of the measuring process (it runs the AppTest in-process).
Prints the machine's load average with each size and the ratio of this checkout to the baseline.
Targets (issue #7): rerun <= 0.5 s and first run <= 2 s at 100k events; rendered map <= 2 s at 10k places.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = "1000:1000,10000:10000,100000:1000,100000:10000"
ACTOR = "hezbollah"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# True once a frame holds a Leaflet map whose places are drawn at the view it opens on: the places layer
# says so (nmDrawn, at the map's zoom, no zoom animation under way), or, in older checkouts, its group of
# circle markers has layers, or clustered/SVG markers are on the page.
DRAWN = """() => { if (!window.L) return false;
    if (document.querySelector('.marker-cluster, path.nm-place')) return true;
    for (const k in window) { const m = window[k];
        if (m && m instanceof L.Map) { let n = 0;
            m.eachLayer(l => { if (l.nmPlaces) n = l.getLayers ? l.getLayers().length
                : (l.nmDrawn && !m._animatingZoom && l._zoom === m.getZoom()); });
            if (n) return true; } }
    return false; }"""


def store_for(events: int, places: int) -> str:
    db = Path(f"/tmp/newsmap-bench-{events}-{places}.sqlite")
    if not db.exists():
        subprocess.run([sys.executable, str(HERE / "benchmarks" / "make_store.py"), "--events", str(events),
                        "--places", str(places), "--db", str(db)], check=True)
    return str(db)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


# -- one checkout, one store (run in a child process with that checkout's code) -------------------

def measure(repo: Path, db: str, browser: bool, loads: int) -> dict[str, float]:
    sys.path.insert(0, str(repo))
    from geo.render import maps
    from geo.store import Store
    from geo.views.state import ViewState, map_data

    store = Store.open(db)
    q_map, data = timed(lambda: (map_data(store, ViewState(), detail_at=maps.DETAIL_AT),
                                 store.view_counts(ViewState().filter(store)))[0])
    html = maps.render_html(maps.build_map(data, ViewState(), offline=False, outlines=None))
    first, rerun = apptest(repo, db)
    out = {"map_query": q_map, "first": first, "rerun": rerun, "html_mb": len(html) / 1e6,
           "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if browser:
        out.update(browser_draw(repo, db, loads))
    return out


def apptest(repo: Path, db: str) -> tuple[float, float]:
    from streamlit.testing.v1 import AppTest

    os.environ["NEWSMAP_DB"] = db
    at = AppTest.from_file(str(repo / "dashboard" / "app.py"), default_timeout=600)
    first, at = timed(at.run)
    assert not at.exception, at.exception
    rerun, at = timed(lambda: at.multiselect(key="f_actors").set_value([ACTOR]).run())
    assert not at.exception, at.exception
    return first, rerun


def browser_draw(repo: Path, db: str, loads: int) -> dict[str, float]:
    """The server's first page in a fresh browser (``first_draw``), then ``loads`` more fresh browsers
    (empty cache, own profile: ``cold_draw``, the median) each loading the page a second time
    (``warm_draw``, the median): single loads vary by +-20% on a shared machine."""
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NEWSMAP_DB": db}
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "geo.cli", "serve", "--offline", "--port", str(port)],
                              cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_ready(server)
        ready = time.perf_counter() - started
        cold, warm = [], []
        with sync_playwright() as p:
            for _ in range(loads + 1):
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                cold.append(_page_draw(page, port))
                warm.append(_page_draw(page, port))
                browser.close()
        return {"server_ready": ready, "first_draw": cold[0], "cold_draw": statistics.median(cold[1:]),
                "warm_draw": statistics.median(warm[1:]), "server_rss_mb": _peak_rss(server.pid)}
    finally:
        server.terminate()
        server.wait()


def wait_ready(server: subprocess.Popen) -> None:
    """Until the server says it is ready (checkouts that prepare the default view first say so with
    "ready on"; older ones print "dashboard on" before starting, and are then polled for health)."""
    def read() -> None:
        for text in server.stderr:
            if "ready on" in text or "dashboard on" in text:
                done.set()

    import threading

    done = threading.Event()
    threading.Thread(target=read, daemon=True).start()
    if not done.wait(300):
        raise TimeoutError("the server did not say it was ready within 300 s")


def _page_draw(page, port: int) -> float:  # noqa: ANN001 - playwright page
    page.goto("about:blank")
    start = time.perf_counter()
    page.goto(f"http://127.0.0.1:{port}/?zoom=3")
    while time.perf_counter() - start < 120:
        if any(_drawn(f) for f in page.frames):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError("the map was not drawn within 120 s")


def _drawn(frame) -> bool:  # noqa: ANN001 - playwright frame
    try:
        return bool(frame.evaluate(DRAWN))
    except Exception:  # noqa: BLE001 - frame navigating or gone
        return False


def _peak_rss(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- orchestration --------------------------------------------------------------------------------

def run_child(repo: Path, db: str, browser: bool, loads: int) -> dict[str, float]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(repo), "--db", db, "--loads", str(loads)]
    out = subprocess.run(cmd + (["--browser"] if browser else []), capture_output=True, text=True, check=False)
    if out.returncode:
        raise RuntimeError(f"measuring {repo} on {db} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def line(name: str, r: dict[str, float]) -> str:
    text = (f"  {name:<9} map query {r['map_query']:.2f} s, first run {r['first']:.2f} s, "
            f"rerun {r['rerun']:.2f} s, map HTML {r['html_mb']:.2f} MB, bench RSS {r['rss_mb']:.0f} MB")
    if "cold_draw" in r:
        text += (f"; server ready {r['server_ready']:.1f} s, rendered map: server's first page "
                 f"{r['first_draw']:.2f} s, fresh browser {r['cold_draw']:.2f} s, reload {r['warm_draw']:.2f} s, "
                 f"server peak RSS {r['server_rss_mb']:.0f} MB")
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=DEFAULT_SIZES, help=f"events:places pairs (default {DEFAULT_SIZES})")
    ap.add_argument("--browser", action="store_true", help="also time the map drawn in headless Chromium")
    ap.add_argument("--loads", type=int, default=3,
                    help="fresh browsers per checkout after the server's first page (default 3; medians)")
    ap.add_argument("--baseline", type=Path, help="another checkout (e.g. `git archive` of main) to compare with")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.child.resolve(), args.db, args.browser, args.loads)))
        return
    repos = [("this", HERE)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
    for pair in args.sizes.split(","):
        events, places = (int(x) for x in pair.split(":"))
        db = store_for(events, places)
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{events:>7} events {places:>6} places (load average {load}):", flush=True)
        results = {}
        for name, repo in repos:
            results[name] = run_child(repo, db, args.browser, args.loads)
            print(line(name, results[name]), flush=True)
        if args.baseline:
            this, base = results["this"], results["baseline"]
            keys = [k for k in ("first", "rerun", "html_mb", "first_draw", "cold_draw", "warm_draw") if k in this]
            print("  this/baseline: " + ", ".join(f"{k} x{this[k] / base[k]:.2f}" for k in keys), flush=True)


if __name__ == "__main__":
    main()
