"""``newsmap serve`` and ``assets``: the dashboard and its offline map assets."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.cli.common import EPILOG, add_settings, open_store, settings_from
from geo.settings import declarations


APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
SERVER = APP.parent / "serve.py"  # runs Streamlit after filling the caches for the default view


def add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve", help="start the dashboard (Streamlit) on the store",
        description="Start the dashboard on the store; it ingests seeds/ first when the store is empty. "
                    "The default view is prepared before \"newsmap dashboard ready on URL\" is printed. "
                    "Open that URL; every view is a link (see README, Dashboard).", epilog=EPILOG)
    p.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    p.add_argument("--address", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--offline", action="store_true",
                   help="load nothing from the internet: local Leaflet assets, country outlines, no tiles")
    add_settings(p, "db", "data_dir", "model", "max_bytes", "geocoder", "read_only")
    p.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import os

    from geo.render.assets import ensure_assets

    settings = settings_from(args)
    open_store(settings).close()  # fail here, with one clear line, if the database cannot be opened
    if args.offline:
        ensure_assets(settings.data_dir)
    # The app reads its settings from the environment: hand on every setting, flags included.
    env = {**os.environ, **{var: str(getattr(settings, name)) for name, _, _, var in declarations()},
           "NEWSMAP_DB": settings.db_url}
    cmd = [sys.executable, str(SERVER), "run", str(APP), "--server.port", str(args.port),
           "--server.address", args.address, "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
           "--global.developmentMode", "false", "--client.toolbarMode", "viewer",
           # Streamlit runs a full garbage collection after every script run, holding the interpreter
           # lock 0.15-0.3 s while the page still waits for its last elements (docs/benchmarks.md);
           # Python's own collector still runs as memory is allocated.
           "--runner.postScriptGC", "false",
           # a visitor gets a short message, the server's log the traceback (it names the server's files)
           "--client.showErrorDetails", "none",
           # uploads over --max-bytes are refused by the browser widget before they are sent
           "--server.maxUploadSize", str(max(1, -(-settings.max_bytes // 1_000_000))),
           "--"] + (["--offline"] if args.offline else [])
    print(f"newsmap dashboard: preparing the default view for http://{args.address}:{args.port}/ ...",
          file=sys.stderr)
    sys.stderr.flush()
    # Become the Streamlit server (no child process): stopping `newsmap serve` stops the dashboard.
    os.execve(sys.executable, cmd, env)
    return 0  # not reached


def add_assets(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "assets", help="fetch the offline map assets (Leaflet) from the npm registry",
        description="Fetch Leaflet with `npm pack`, check it against its pinned "
                    "sha512 and extract it into DATA_DIR/assets; quick when it is present.", epilog=EPILOG)
    add_settings(p, "data_dir")
    p.set_defaults(handler=run_assets)


def run_assets(args: argparse.Namespace) -> int:
    from geo.render.assets import ensure_assets
    from geo.render.outlines import country_outlines

    settings = settings_from(args)
    bundle = ensure_assets(settings.data_dir)
    country_outlines(settings.data_dir)
    print(f"map assets ready in {bundle.root}")
    return 0
