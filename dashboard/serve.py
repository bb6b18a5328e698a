"""The dashboard's server process: ``newsmap serve`` becomes this program.

It fills the dashboard's caches for the default view and imports what the first script run needs, then
runs the Streamlit server in the same process (Streamlit's caches live there), and says
"newsmap dashboard ready on URL" once the server answers: the first visitor does not pay the cold start.

    python dashboard/serve.py run dashboard/app.py --server.port 8501 ... -- --offline
"""
from __future__ import annotations

import logging
import sys
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)  # run as a file: its folder is not a package root
sys.path.insert(0, str(REPO))


def main(argv: list[str]) -> None:
    """``argv`` is a ``streamlit run`` command line; app options follow ``--``."""
    started = time.perf_counter()
    warm(offline="--offline" in argv[argv.index("--") + 1:] if "--" in argv else False)
    url = f"http://{_option(argv, '--server.address', 'localhost')}:{_option(argv, '--server.port', '8501')}/"
    threading.Thread(target=announce, args=(url, started), daemon=True, name="newsmap-ready").start()
    from streamlit.web import cli

    sys.argv = ["streamlit", *argv]
    cli.main()


def warm(*, offline: bool) -> None:
    """The default view's queries and map, run once before the server starts; a failure here is only
    reported (the first visitor then sees the error on the page, where it can be read)."""
    # "No runtime found" and "missing ScriptRunContext" are expected before the server runs.
    logging.disable(logging.WARNING)
    try:
        from dashboard import data
        from geo.settings import load_settings

        settings = load_settings()
        data.warm(settings.db_url, settings.data_dir, offline)
    except Exception as err:  # noqa: BLE001 - any failure is the page's to show
        print(f"newsmap: could not prepare the default view ({err}); the first visitor will", file=sys.stderr)
    finally:
        logging.disable(logging.NOTSET)


def announce(url: str, started: float) -> None:
    """Print the ready line once the server answers its health check."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}_stcore/health", timeout=2) as response:
                if response.status == 200:
                    print(f"newsmap dashboard ready on {url} ({time.perf_counter() - started:.1f} s)",
                          file=sys.stderr, flush=True)
                    return
        except OSError:
            time.sleep(0.1)


def _option(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv[:-1] else default


if __name__ == "__main__":
    main(sys.argv[1:])
