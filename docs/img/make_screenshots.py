"""The README's pictures, from a real browser: the dashboard on the seed articles, a place's panel and a
snapshot's page, written to docs/img/ (so they are remade, never edited, and never go stale).

    .venv/bin/python docs/img/make_screenshots.py

Ingests seeds/ into a fresh store in a temporary folder, starts ``newsmap serve --offline`` on a free
loopback port, saves a snapshot of the busiest place, and takes the screenshots with headless Chromium
(Debian's ``chromium``, or ``NEWSMAP_CHROMIUM``) through Playwright. Map tiles are never loaded: the country
outlines are the base map, as offline. The PNGs are reduced to 256 colours so the repository stays small.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from geo.store import Store  # noqa: E402
from geo.views.snapshots import create_snapshot  # noqa: E402
from geo.views.state import ViewState  # noqa: E402

OUT = REPO / "docs" / "img"
CHROMIUM = os.environ.get("NEWSMAP_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 800}


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="newsmap-shots-") as tmp:
        db = str(Path(tmp) / "seeds.sqlite")
        env = {**os.environ, "NEWSMAP_DB": db}
        subprocess.run([sys.executable, "-m", "geo.cli", "ingest", str(REPO / "seeds")], cwd=REPO, env=env,
                       check=True)
        place, snapshot = prepare(db)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "geo.cli", "serve", "--offline", "--port", str(port)],
                                  cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_healthy(url)
            shoot(url, place, snapshot)
        finally:
            server.terminate()
            server.wait(timeout=20)


def prepare(db: str) -> tuple[str, str]:
    """The id of the place with the most events, and the id of a snapshot of the view with it selected."""
    store = Store.open(db)
    try:
        places = store.view_places(ViewState().filter(store))
        busiest = max(places, key=lambda p: (int(p.get("event_count") or 0), p["id"]))
        snap = create_snapshot(store, ViewState(place=busiest["id"]), title=f"The seed articles: {busiest['name']}",
                               note="Saved by docs/img/make_screenshots.py")
        return busiest["id"], snap.id
    finally:
        store.close()


def shoot(url: str, place: str, snapshot: str) -> None:
    from playwright.sync_api import sync_playwright

    pages = {"dashboard.png": url, "place-panel.png": f"{url}?place={place}",
             "snapshot.png": f"{url}?snapshot={snapshot}"}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, address in pages.items():
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(address, wait_until="domcontentloaded")
            wait_drawn(page)
            path = OUT / name
            page.screenshot(path=str(path))
            shrink(path)
            print(f"{path.relative_to(REPO)}: {path.stat().st_size // 1024} KB")
            page.close()
        browser.close()


def wait_drawn(page) -> None:  # noqa: ANN001 - playwright's Page
    """Until the map's places are drawn and Streamlit has finished its run."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        frames = [f for f in page.frames if "streamlit_folium" in f.url or "st_folium" in f.url]
        if frames and frames[0].evaluate("() => { for (const k in window) { const m = window[k];"
                                         " if (m && window.L && m instanceof L.Map) { let n = 0;"
                                         " m.eachLayer(l => { if (l.nmPlaces) n = l.nmDrawn; }); if (n) return true; }"
                                         " } return false; }"):
            break
        page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(1500)


def shrink(path: Path) -> None:
    """256 colours: a dashboard screenshot is flat colour and text, so it loses nothing visible."""
    from PIL import Image

    image = Image.open(path).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("newsmap serve did not start within 120 s")


if __name__ == "__main__":
    main()
