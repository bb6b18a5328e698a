"""What the browser tests share: a `newsmap serve --offline` to test against, and headless Chromium pages.

Each test used to launch Chromium, open a page at its size and find the map's frame in the same six lines;
these helpers hold that once, so a test reads as what a person does and sees.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.conftest import REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
LOCAL = ("127.0.0.1", "localhost")
DESKTOP = (1400, 1000)


def serve(db: str, *extra: str) -> Iterator[str]:
    """``newsmap serve --offline`` on the store ``db`` (with ``extra`` options), yielding its URL once the default
    view is ready, stopped afterwards; skipped where Chromium is missing (a failure under NEWSMAP_REQUIRE_ALL)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    port = _free_port()
    env = {**os.environ, "NEWSMAP_DB": db, "NEWSMAP_DATA_DIR": str(REPO / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "geo.cli", "serve", "--offline", "--port", str(port), *extra],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        _wait_ready(proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (Debian's), closed afterwards; for tests that need several visitors (contexts)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def page_at(url: str | None = None, size: tuple[int, int] = DESKTOP, requests: list[str] | None = None,
            dialogs: list[str] | None = None) -> Iterator[Any]:
    """A page of ``size`` (width, height) in a fresh headless Chromium, opened at ``url`` if given. The URLs it
    requests and the messages of dialogs it raises (dismissed) go to ``requests`` and ``dialogs``, from the
    first request on."""
    with chromium() as browser:
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        if requests is not None:
            page.on("request", lambda r: requests.append(r.url))
        if dialogs is not None:
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        if url is not None:
            page.goto(url, wait_until="domcontentloaded")
        yield page


def map_frame(page: Any) -> Any:
    """The frame of the page's map (streamlit-folium's component), once it is there."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "st_folium" in frame.url or "streamlit_folium" in frame.url:
                return frame
        page.wait_for_timeout(300)
    raise AssertionError(f"no map iframe among {[f.url for f in page.frames]}")


def redrawn_map(page: Any, wait_for: Any, timeout: float = 60) -> Any:
    """The map's frame once ``wait_for(frame, ms)`` holds in it, found afresh at each try: after a rerun
    Streamlit may replace the map's iframe, and a frame found before that never draws again."""
    deadline = time.monotonic() + timeout
    while True:
        frame = map_frame(page)
        try:
            wait_for(frame, 5_000)
            return frame
        except Exception:  # noqa: BLE001 - playwright's TimeoutError or a detached frame's error: look again
            if time.monotonic() > deadline:
                raise


def outside(requests: list[str]) -> list[str]:
    """The requests that left the machine (any host but the loopback one the dashboard runs on)."""
    return [u for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
            and urlparse(u).hostname not in LOCAL]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"newsmap serve exited: {proc.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("newsmap serve did not become healthy within 60 s")


def _wait_ready(proc: subprocess.Popen) -> None:
    """`newsmap serve` prepares the default view first, then says so once the server answers."""
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        lines.append(proc.stderr.readline().decode())
        if "newsmap dashboard ready on http://127.0.0.1:" in lines[-1]:
            return
    raise AssertionError(f"no ready line in {lines}")
