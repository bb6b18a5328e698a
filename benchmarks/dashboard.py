"""Dashboard timings: map build and HTML size at N places, browser draw in headless Chromium, AppTest runs.

    python benchmarks/dashboard.py            # 1k and 10k places
Prints seconds and ratios against the 1k run of the same process (no timed asserts).
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from geo.render import maps  # noqa: E402
from geo.render.assets import ensure_assets  # noqa: E402
from geo.render.outlines import country_outlines  # noqa: E402
from geo.views.state import ViewState  # noqa: E402

TYPES = list(maps.TYPE_COLOURS)[:-1]


def fake_view(n: int, seed: int = 1) -> dict:
    rnd = random.Random(seed)
    places = [{"id": f"gn:{i}", "name": f"Place <{i}>", "kind": "city", "lat": rnd.uniform(29, 38),
               "lon": rnd.uniform(33, 48), "event_count": rnd.randint(0, 20), "mention_count": rnd.randint(1, 9),
               "dominant_type": rnd.choice(TYPES), "article_ids": [f"a{i % 50}"],
               "top_events": [{"id": f"e{i}", "type": rnd.choice(TYPES), "date": "2024-03-01"}]}
              for i in range(n)]
    articles = [{"id": f"a{i}", "title": f"Article {i} <script>x</script>"} for i in range(50)]
    events = [{"id": f"e{i}", "actor_ids": ["hezbollah"]} for i in range(n)]
    return {"places": places, "articles": articles, "events": events,
            "actors": [{"id": "hezbollah", "name": "Hezbollah"}]}


def build(n: int, assets: dict, outlines: dict) -> tuple[float, str]:
    times = []
    for _ in range(3):
        t = time.perf_counter()
        html = maps.render_html(maps.build_map(fake_view(n), ViewState(), offline=True, assets=assets,
                                               outlines=outlines))
        times.append(time.perf_counter() - t)
    return statistics.median(times), html


def draw(html: str) -> float:
    from playwright.sync_api import sync_playwright

    from tests.leaflet import wait_for_places

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as f:
        f.write(html)
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(3):
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            t = time.perf_counter()
            page.goto(f"file://{f.name}")
            wait_for_places(page, timeout=120_000)  # the places' circles are on the canvas
            times.append(time.perf_counter() - t)
            page.close()
        browser.close()
    os.unlink(f.name)
    return statistics.median(times)


def apptest() -> tuple[float, float]:
    from streamlit.testing.v1 import AppTest

    from geo.store import Store
    from tests.factories import fill

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.sqlite")
        fill(Store.open(db)).close()
        os.environ.update(NEWSMAP_DB=db, NEWSMAP_DATA_DIR=str(REPO / "cache"))
        at = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=120)
        t = time.perf_counter()
        at.run()
        first = time.perf_counter() - t
        t = time.perf_counter()
        at.multiselect(key="f_types").set_value(["Battles"]).run()
        return first, time.perf_counter() - t


def main() -> None:
    assets = ensure_assets(REPO / "cache").urls()
    outlines = country_outlines(REPO / "cache")
    base = None
    for n in (1_000, 10_000):
        seconds, html = build(n, assets, outlines)
        drawn = draw(html)
        base = base or (seconds, drawn)
        print(f"{n:>6} places: build+render {seconds:.2f} s (x{seconds / base[0]:.1f}), "
              f"HTML {len(html) / 1e6:.1f} MB, browser draw {drawn:.2f} s (x{drawn / base[1]:.1f})")
    first, rerun = apptest()
    print(f"AppTest on the fixture store: first run {first:.2f} s, rerun after a filter change {rerun:.2f} s "
          f"(x{rerun / first:.2f})")


if __name__ == "__main__":
    main()
