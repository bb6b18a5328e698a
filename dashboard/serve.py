"""The dashboard's server process: ``newsmap serve`` becomes this program.

It runs the Streamlit server and, once the server answers, runs the page once for the default view
through the server's own websocket, as a browser would: the imports, the map component, the default
view's queries and its map are then in the server's caches, and only after that does it print
"newsmap dashboard ready on URL". The first visitor does not pay the cold start.

    python dashboard/serve.py run dashboard/app.py --server.port 8501 ... -- --offline
"""
from __future__ import annotations

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
    host = _option(argv, "--server.address", "localhost")
    port = _option(argv, "--server.port", "8501")
    local = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host  # where this process reaches the server
    threading.Thread(target=announce, args=(f"http://{host}:{port}/", f"http://{local}:{port}/", time.perf_counter()),
                     daemon=True, name="newsmap-ready").start()
    from streamlit.web import cli

    sys.argv = ["streamlit", *argv]
    cli.main()


def announce(url: str, local: str, started: float) -> None:
    """Once the server answers (at ``local``), run the default view once, then print the ready line."""
    if not _healthy(local, timeout=120):
        print(f"newsmap: the server did not answer on {local} within 120 s", file=sys.stderr, flush=True)
        return
    try:
        run_page_once(local)
        note = ""
    except Exception as err:  # noqa: BLE001 - the first visitor then runs it, and sees any error
        note = f"; the default view was not prepared: {err}"
    print(f"newsmap dashboard ready on {url} ({time.perf_counter() - started:.1f} s{note})",
          file=sys.stderr, flush=True)


def run_page_once(url: str, query: str = "", timeout: float = 300) -> int:
    """Run the page for ``query`` in a session of its own over the server's websocket (the browser's way
    in), until the script has finished; returns how many messages the page sent."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    stream = url.replace("http://", "ws://", 1).replace("https://", "wss://", 1) + "_stcore/stream"
    with connect(stream, subprotocols=["streamlit"], open_timeout=30, max_size=None) as ws:
        request = BackMsg()
        request.rerun_script.query_string = query
        request.rerun_script.page_script_hash = ""
        ws.send(request.SerializeToString())
        deadline, count = time.monotonic() + timeout, 0
        while time.monotonic() < deadline:
            msg = ForwardMsg()
            msg.ParseFromString(ws.recv(timeout=max(deadline - time.monotonic(), 0.1)))
            count += 1
            if msg.WhichOneof("type") == "script_finished":
                return count
    raise TimeoutError(f"the page did not finish within {timeout:.0f} s")


def _healthy(url: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.1)
    return False


def _option(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv[:-1] else default


if __name__ == "__main__":
    main(sys.argv[1:])
