"""The evaluation corpora's texts as benchmark input (../shared/eval, read through its own loader)."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def _shared() -> Path:
    """``../shared`` of the checkout (or of a parent folder, for git worktrees); $NEWSMAP_SHARED wins."""
    if os.environ.get("NEWSMAP_SHARED"):
        return Path(os.environ["NEWSMAP_SHARED"])
    here = Path(__file__).resolve().parent.parent
    found = (p / "shared" for p in here.parents if (p / "shared" / "eval").is_dir())
    return next(found, here.parent / "shared")


SHARED = _shared()
CORPORA = ("TR-News.xml", "lgl.xml", "GeoVirus.xml")


def eval_texts(limit: int | None = None) -> list[dict]:
    """[{id, text, date}] of TR-News, LGL and GeoVirus (935 documents)."""
    docs = [{"id": f"{name}:{d.id}", "text": d.text, "date": d.date, "title": d.title} for name, d in eval_docs()]
    return docs[:limit] if limit else docs


def eval_docs() -> list[tuple[str, object]]:
    """(corpus file name, geoeval ``Doc`` with gold toponyms) for every document of the three corpora."""
    if not (SHARED / "eval").is_dir():
        raise SystemExit(f"benchmark corpora not found at {SHARED / 'eval'}")
    sys.path.insert(0, str(SHARED))
    from geoeval import corpora  # noqa: PLC0415 - the shared scorer's loader

    return [(name, d) for name in CORPORA for d in corpora.load(str(SHARED / "eval" / name))]
